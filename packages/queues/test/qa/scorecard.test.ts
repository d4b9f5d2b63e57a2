import { describe, expect, it } from 'vitest';
import { classifyDisagreement } from '../../src/qa/classify-disagreement.js';
import { scorecard, type ScoredDecision } from '../../src/qa/scorecard.js';
import { weekLabel } from '../../src/qa/week-label.js';

const words = { approve: 'approve', reject: 'reject' };

describe('classifyDisagreement', () => {
  it('names rejecting what the audit approved a false positive, approving what it rejected a false negative', () => {
    expect(classifyDisagreement('reject', 'approve', words)).toBe('false_positive');
    expect(classifyDisagreement('approve', 'reject', words)).toBe('false_negative');
    expect(classifyDisagreement('escalate', 'approve', words)).toBe('wrong_action');
    expect(classifyDisagreement('approve', 'escalate', words)).toBe('wrong_action');
    expect(classifyDisagreement('reject', 'escalate', words)).toBe('wrong_action');
    expect(classifyDisagreement('escalate', 'escalate', words)).toBe('agree');
  });

  it('follows the configured words', () => {
    const custom = { approve: 'accept', reject: 'decline' };
    expect(classifyDisagreement('decline', 'accept', custom)).toBe('false_positive');
    expect(classifyDisagreement('reject', 'approve', custom)).toBe('wrong_action');
  });
});

describe('weekLabel', () => {
  it('gives ISO weeks of the local day', () => {
    expect(weekLabel(new Date('2026-02-09T12:00:00Z'))).toBe('2026-W07'); // Monday
    expect(weekLabel(new Date('2026-02-15T12:00:00Z'))).toBe('2026-W07'); // Sunday
    expect(weekLabel(new Date('2026-02-16T12:00:00Z'))).toBe('2026-W08');
    // 07:30 UTC on Monday the 16th is still Sunday evening in Los Angeles.
    expect(weekLabel(new Date('2026-02-16T07:30:00Z'), 'America/Los_Angeles')).toBe('2026-W07');
    expect(weekLabel(new Date('2026-02-16T07:30:00Z'), 'UTC')).toBe('2026-W08');
  });

  it('handles the weeks around New Year as ISO does', () => {
    expect(weekLabel(new Date('2021-01-03T12:00:00Z'))).toBe('2020-W53');
    expect(weekLabel(new Date('2024-12-30T12:00:00Z'))).toBe('2025-W01');
    expect(weekLabel(new Date('2026-01-01T12:00:00Z'))).toBe('2026-W01');
  });

  it('puts a Sunday in the following week when weeks start on Sunday', () => {
    expect(weekLabel(new Date('2026-02-15T12:00:00Z'), 'UTC', 'sunday')).toBe('2026-W08');
    expect(weekLabel(new Date('2026-02-21T12:00:00Z'), 'UTC', 'sunday')).toBe('2026-W08'); // Saturday
    expect(weekLabel(new Date('2026-02-14T12:00:00Z'), 'UTC', 'sunday')).toBe('2026-W07');
  });
});

let serial = 0;
const d = (contractor: string, decision: string, audit: string | undefined, day: string, golden?: string): ScoredDecision => ({
  itemId: `item-${++serial}`,
  contractor,
  decision,
  decidedAt: new Date(`${day}T12:00:00Z`),
  ...(audit !== undefined ? { audit } : {}),
  ...(golden !== undefined ? { golden } : {}),
});

const opts = {
  categories: ['approve', 'reject', 'escalate'],
  words,
  kappaBar: 0.6,
  agreementBar: 0.8,
  minAudits: 4,
  weekOf: (at: Date) => weekLabel(at),
};

describe('scorecard', () => {
  it('scores each contractor: agreement, κ and band, FP/FN/wrong action, golden accuracy, by week; flags the one below the bar first', () => {
    const decisions: ScoredDecision[] = [
      // good: 5 audited, all agree (3 approve, 2 reject) → κ 1; one golden right, one unaudited.
      d('good', 'approve', 'approve', '2026-02-09'),
      d('good', 'approve', 'approve', '2026-02-10'),
      d('good', 'reject', 'reject', '2026-02-11'),
      d('good', 'approve', 'approve', '2026-02-16'),
      d('good', 'reject', 'reject', '2026-02-17'),
      d('good', 'approve', undefined, '2026-02-17', 'approve'),
      d('good', 'approve', undefined, '2026-02-18'),
      // weak: 6 audited, 3 agree; errors: reject→approve (FP), approve→reject (FN), escalate→approve (wrong).
      d('weak', 'approve', 'approve', '2026-02-09'),
      d('weak', 'reject', 'reject', '2026-02-10'),
      d('weak', 'reject', 'approve', '2026-02-10'),
      d('weak', 'approve', 'approve', '2026-02-16'),
      d('weak', 'approve', 'reject', '2026-02-16'),
      d('weak', 'escalate', 'approve', '2026-02-17'),
      d('weak', 'reject', undefined, '2026-02-17', 'approve'),
      // new: two audits only → too few to judge.
      d('new', 'reject', 'approve', '2026-02-16'),
      d('new', 'reject', 'approve', '2026-02-16'),
      // idle: nothing audited.
      d('idle', 'approve', undefined, '2026-02-16'),
    ];
    const cards = scorecard(decisions, opts);
    expect(cards.map((c) => [c.contractor, c.status])).toEqual([
      ['weak', 'below_bar'],
      ['good', 'ok'],
      ['idle', 'not_audited'],
      ['new', 'too_few_audits'],
    ]);
    const weak = cards[0];
    expect(weak).toMatchObject({ decisions: 7, audited: 6, agreed: 3, agreement: 0.5, falsePositives: 1, falseNegatives: 1, wrongActions: 1 });
    // Contractor rows approve 3 / reject 2 / escalate 1; audit columns approve 4 / reject 2 / escalate 0.
    // po = 3/6; pe = (3·4 + 2·2 + 1·0)/36 = 16/36; κ = (18 − 16)/(36 − 16) = 0.1.
    expect(weak?.kappa).toBeCloseTo(0.1, 12);
    expect(weak?.band).toBe('slight');
    expect(weak?.golden).toEqual({ items: 1, correct: 0, accuracy: 0 });
    expect(weak?.reasons).toEqual(['κ 0.10 < 0.60', 'agreement 50.0% < 80.0%']);
    expect(weak?.weeks.map((w) => [w.week, w.decisions, w.audited, w.agreed])).toEqual([
      ['2026-W07', 3, 3, 2],
      ['2026-W08', 4, 3, 1],
    ]);

    const good = cards[1];
    expect(good).toMatchObject({ decisions: 7, audited: 5, agreement: 1, kappa: 1, band: 'almost perfect', falsePositives: 0, reasons: [] });
    expect(good?.golden).toEqual({ items: 1, correct: 1, accuracy: 1 });
    // Week 7: three audits (2 approve, 1 reject), all agreed; week 8 likewise with 1 + 1.
    expect(good?.weeks.map((w) => [w.week, w.audited, w.kappa])).toEqual([
      ['2026-W07', 3, 1],
      ['2026-W08', 2, 1],
    ]);

    const newbie = cards[3];
    expect(newbie).toMatchObject({ audited: 2, agreement: 0, falsePositives: 2 });
    // Both said the same single thing each: pe = (2·0 + 0·2)/4 = 0 for rows reject, columns approve → κ = 0.
    expect(newbie?.kappa).toBe(0);
    expect(newbie?.reasons).toHaveLength(2); // misses both bars, but two audits do not flag anyone

    expect(cards[2]).toMatchObject({ audited: 0, agreement: null, kappa: null, band: undefined });
  });

  it('never flags on an undefined κ: all-approve audits that all agree leave κ null and agreement 100 %', () => {
    const decisions = Array.from({ length: 5 }, (_, i) => d('steady', 'approve', 'approve', `2026-02-1${i}`));
    const [card] = scorecard(decisions, opts);
    expect(card).toMatchObject({ audited: 5, agreement: 1, kappa: null, band: undefined, status: 'ok' });
  });
});
