import { describe, expect, it } from 'vitest';
import { loadInquiryRules } from '../../src/inquiries/inquiry-rules.js';
import type { Inquiry } from '../../src/inquiries/read-inquiries.js';
import { EXAMPLE_INQUIRY_RULES } from '../../../../scripts/examples/inquiries.js';

const q = (subject: string, body = ''): Inquiry => ({
  id: 'q',
  contractor: 'rev_luis',
  receivedAt: new Date('2026-02-18T17:00:00Z'),
  subject,
  body,
  status: 'open',
  answeredAt: undefined,
  thread: 'q',
  source: { file: 'inquiries.csv', row: 1 },
});
const now = new Date('2026-02-18T18:00:00Z');

describe('inquiry rules', () => {
  it('classify by the first matching rule by priority, and anything unmatched as other', () => {
    const { classify, problems } = loadInquiryRules(EXAMPLE_INQUIRY_RULES, 'inquiry-rules.yaml');
    expect(problems).toEqual([]);
    expect(classify(q('Escalate or reject: artist impersonation?'), now)).toEqual({ category: 'escalation_question', rule: { line: 6, name: 'Escalation questions (they often also say "reject", so they go first)' } });
    expect(classify(q('Brand Awards queue', 'I get a permission error'), now).category).toBe('queue_access');
    expect(classify(q('Review tool keeps logging me out'), now).category).toBe('tooling');
    expect(classify(q('Is fan art allowed?'), now).category).toBe('policy_clarification');
    expect(classify(q('Invoice for January hours'), now)).toEqual({ category: 'other' });
  });

  it('report an unknown category at its rule with a suggestion, a rule for another type, and a field inquiries lack', () => {
    const text = `type: inquiry
subject: [access]
category: queue_acess
---
type: review
title: [x]
escalate: { team: Legal }
---
type: inquiry
contractr: rev_luis
category: tooling
`;
    const { classify, problems } = loadInquiryRules(text, 'inquiry-rules.yaml');
    expect(problems).toEqual([
      expect.objectContaining({ line: 10, severity: 'error', message: expect.stringContaining("'contractr' is not a field of an inquiry") }),
      expect.objectContaining({ line: 1, severity: 'error', field: 'category', message: expect.stringContaining("did you mean 'queue_access'?") }),
      expect.objectContaining({ line: 5, severity: 'warning', message: expect.stringContaining('type: review, not inquiry') }),
    ]);
    // The misspelt category classifies nothing rather than inventing a sixth category.
    expect(classify(q('access please'), now).category).toBe('other');
  });
});
