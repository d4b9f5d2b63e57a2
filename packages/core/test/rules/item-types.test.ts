import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FIELDS, type TargetKind } from '../../src/rules/fields.js';
import { QUEUE_ITEM_SCHEMAS } from '../../src/rules/item-types.js';
import { itemSchemaFor } from '../../src/index.js';

describe('item types', () => {
  it.each(Object.keys(QUEUE_ITEM_SCHEMAS) as (keyof typeof QUEUE_ITEM_SCHEMAS)[])('every field the rules declare for %s is in its zod schema, with a matching kind', (type) => {
    const shape = QUEUE_ITEM_SCHEMAS[type].shape as Record<string, z.ZodType>;
    for (const [field, spec] of Object.entries(FIELDS[type as TargetKind])) {
      if (field === 'body_longer_than' || field === 'body_shorter_than') continue;
      const s = shape[field];
      expect(s, `${type}.${field}`).toBeDefined();
      const sample = spec.type === 'search' ? (field.endsWith('_count') ? 1 : 'x') : spec.type === 'boolean' ? true : 1;
      expect(s?.safeParse(sample).success, `${type}.${field} accepts ${JSON.stringify(sample)}`).toBe(true);
    }
  });
  it('validates a queue item by its type', () => {
    expect(itemSchemaFor('staging').safeParse({ id: 's1', type: 'staging', attempts: 'three' }).success).toBe(false);
    expect(itemSchemaFor('staging').safeParse({ id: 's1', type: 'staging', attempts: 3, vendor: 'x' }).success).toBe(true);
    expect(itemSchemaFor('submission').safeParse({ id: 't3_1', type: 'submission', title: 't' }).success).toBe(true);
  });
});

describe('inquiry items', () => {
  it('validate contractor questions, and `type: inquiry` rules classify them by subject and body', async () => {
    const { parseRules, compileRules, evaluate } = await import('../../src/index.js');
    expect(itemSchemaFor('inquiry').safeParse({ id: 'q1', type: 'inquiry', subject: 'Queue access', contractor: 'rev_amara', status: 'open' }).success).toBe(true);
    expect(itemSchemaFor('inquiry').safeParse({ id: 'q1', type: 'inquiry', subject: 42 }).success).toBe(false);
    const parsed = parseRules("type: inquiry\nsubject+body: [access, permission]\ncategory: queue_access\n---\ntype: inquiry\ncontractor: rev_jonas\nsubject: policy\ncategory: policy\n", { source: 'inquiry-rules.yaml' });
    expect(parsed.diagnostics).toEqual([]);
    const rules = compileRules(parsed.rules);
    const categories = (item: Record<string, unknown>) => evaluate(rules, { id: 'q', type: 'inquiry', ...item }, { now: 0 }).map((d) => d.actions.category);
    expect(categories({ subject: 'No access to the brand queue', body: '', contractor: 'rev_amara' })).toEqual(['queue_access']);
    expect(categories({ subject: 'Policy on fan art', body: 'hi', contractor: 'rev_jonas' })).toEqual(['policy']);
    expect(categories({ subject: 'Policy on fan art', body: 'hi', contractor: 'rev_amara' })).toEqual([]);
    // A rule for inquiries does not apply to a review item with the same words.
    expect(evaluate(rules, { id: 'r', type: 'review', title: 'access', body: 'access' }, { now: 0 })).toEqual([]);
  });
});
