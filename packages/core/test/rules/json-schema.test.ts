import { describe, expect, it } from 'vitest';
import { rulesJsonSchema } from '../../src/index.js';

describe('rulesJsonSchema', () => {
  const schema = rulesJsonSchema() as { properties: Record<string, unknown>; patternProperties: Record<string, unknown>; $schema: string };
  it('is a draft 2020-12 schema of one rule document', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['type', 'priority', 'action', 'author', 'parent_submission', 'escalate', 'satisfy_any_threshold']));
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });
  it('its check-key pattern accepts AutoModerator spellings and refuses unknown fields', () => {
    const [pattern] = Object.keys(schema.patternProperties);
    const re = new RegExp(pattern ?? '');
    for (const k of ['title', '~title+body#2 (includes, regex)', 'body(case-sensitive)', 'domain+url+title+body(regex, includes)', 'subject']) expect(re.test(k)).toBe(true);
    for (const k of ['titel', 'title (', 'account_age']) expect(re.test(k)).toBe(false);
  });
});
