import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from '../../src/inquiries/categories.js';
import { firstResponses } from '../../src/inquiries/first-response.js';
import type { Inquiry } from '../../src/inquiries/read-inquiries.js';
import { firstResponseMinutes, inquiryCalendar, inquirySettingsSchema } from '../../src/inquiries/settings.js';

const settings = inquirySettingsSchema.parse({ first_response: { default: '8h', escalation_question: '4h' }, warn_before: '2h' });
const calendar = inquiryCalendar(settings, [2026, 2026]);

const inquiry = (receivedAt: string, answeredAt?: string): Inquiry => ({
  id: 'q1',
  contractor: 'rev_amara',
  receivedAt: new Date(receivedAt),
  subject: 'No access to the "Brand Awards" queue',
  body: undefined,
  status: answeredAt ? 'answered' : 'open',
  answeredAt: answeredAt ? new Date(answeredAt) : undefined,
  thread: 'q1',
  source: { file: 'inquiries.csv', row: 1 },
});

function clock(q: Inquiry, now: string, category: 'other' | 'escalation_question' = 'other') {
  return firstResponses([{ inquiry: q, category }], calendar, firstResponseMinutes(settings), settings.warn_before, DEFAULT_TEMPLATES, new Date(now))[0]!;
}

describe('first response in business hours', () => {
  it('runs over a weekend: Friday 16:00 + 8 business hours is Monday 16:00', () => {
    // Friday 30 January 2026 16:00 PST; 1 h on Friday, 7 h on Monday 2 February.
    const c = clock(inquiry('2026-01-31T00:00:00Z'), '2026-02-02T18:00:00Z');
    expect(c.breachAt?.toISOString()).toBe('2026-02-03T00:00:00.000Z');
    expect(c.warnAt?.toISOString()).toBe('2026-02-02T22:00:00.000Z');
    expect(c.state).toBe('on-time');
    expect(clock(inquiry('2026-01-31T00:00:00Z'), '2026-02-02T22:30:00Z').state).toBe('due-soon');
    expect(clock(inquiry('2026-01-31T00:00:00Z'), '2026-02-03T00:00:01Z').state).toBe('breached');
  });

  it("starts a Saturday question's clock on Tuesday when Monday is Presidents' Day", () => {
    const c = clock(inquiry('2026-02-14T20:00:00Z'), '2026-02-17T20:00:00Z');
    expect(c.breachAt?.toISOString()).toBe('2026-02-18T01:00:00.000Z');
  });

  it('gives escalation questions their own, shorter target', () => {
    const c = clock(inquiry('2026-02-18T17:00:00Z'), '2026-02-18T20:00:00Z', 'escalation_question');
    expect(c.targetMinutes).toBe(240);
    expect(c.breachAt?.toISOString()).toBe('2026-02-18T21:00:00.000Z');
  });

  it('stops at the answer, and says when it came too late', () => {
    expect(clock(inquiry('2026-02-18T17:00:00Z', '2026-02-18T19:00:00Z'), '2026-02-20T19:00:00Z').state).toBe('answered');
    expect(clock(inquiry('2026-02-18T17:00:00Z', '2026-02-20T17:00:00Z'), '2026-02-20T19:00:00Z').state).toBe('answered-late');
  });

  it("suggests the category's template with the contractor and subject filled in", () => {
    expect(clock(inquiry('2026-02-18T17:00:00Z'), '2026-02-18T18:00:00Z').suggestion).toBe('Hi rev_amara, thanks for your message about "No access to the "Brand Awards" queue". We will get back to you shortly.');
  });
});
