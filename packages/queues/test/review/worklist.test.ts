import { describe, expect, it } from 'vitest';
import { queueStats, medianOf } from '../../src/review/queue-stats.js';
import { loadSlaPolicies } from '../../src/review/sla-policies.js';
import type { SlaEvaluator } from '../../src/review/sla-view.js';
import { evaluateReviewQueue, urgencyOf } from '../../src/review/worklist.js';
import { SLA_YAML, submission } from '../helpers/submissions.js';

const { evaluator, problems } = loadSlaPolicies(SLA_YAML, 'sla.yaml');
const sla = evaluator as SlaEvaluator;

describe('review SLA through core policies', () => {
  it('loads the policies without problems', () => {
    expect(problems).toEqual([]);
    expect(evaluator).toBeDefined();
  });

  it("counts business hours in Los Angeles and skips the holiday: Friday 16:00 + 8h lands Tuesday 16:00 (Monday is Presidents' Day)", () => {
    const s = submission({ submittedAt: '2026-02-14T00:00:00Z' }); // Fri 13 Feb 16:00 PST
    const view = sla(s, new Date('2026-02-13T23:59:00-08:00'));
    expect(view).toMatchObject({ policy: 'Everything else', state: 'active' });
    expect(view.breachAt?.toISOString()).toBe('2026-02-18T00:00:00.000Z');
    expect(view.warnAt?.toISOString()).toBe('2026-02-17T22:00:00.000Z');
  });

  it('pauses while waiting on the artist', () => {
    const s = submission({
      submittedAt: '2026-02-17T17:00:00Z', // Tue 09:00 PST
      status: 'waiting_on_artist',
      history: [
        ['pending', '2026-02-17T17:00:00Z'],
        ['waiting_on_artist', '2026-02-17T19:00:00Z'],
      ],
    });
    const view = sla(s, new Date('2026-02-19T17:00:00Z'));
    expect(view.state).toBe('paused');
    expect(view.remainingMinutes).toBe(6 * 60);
  });

  it('matches policies with the rule language (kind) and uses calendar time where the target says so', () => {
    const s = submission({ assetType: 'brand_award', submittedAt: '2026-02-15T10:00:00Z' }); // a Sunday
    const view = sla(s, new Date('2026-02-15T12:00:00Z'));
    expect(view.policy).toBe('Brand awards');
    expect(view.breachAt?.toISOString()).toBe('2026-02-15T14:00:00.000Z');
  });
});

describe('evaluateReviewQueue', () => {
  const now = new Date('2026-02-18T20:00:00Z'); // Wed 12:00 PST
  const items = [
    submission({ id: 'late', submittedAt: '2026-02-17T17:00:00Z' }), // Tue 09:00 → breach Tue 17:00
    submission({ id: 'soon', submittedAt: '2026-02-18T02:00:00Z', priority: 'normal' }), // Tue 18:00 → Wed 17:00 breach, warn 15:00
    submission({ id: 'warn', submittedAt: '2026-02-17T23:00:00Z' }), // Tue 15:00 → Wed 15:00 breach, warn 13:00
    submission({ id: 'fresh', submittedAt: '2026-02-18T19:00:00Z' }),
    submission({ id: 'done', submittedAt: '2026-02-17T17:00:00Z', status: 'approved', history: [['pending', '2026-02-17T17:00:00Z'], ['approved', '2026-02-17T18:00:00Z']] }),
    submission({ id: 'esc', submittedAt: '2026-02-17T17:00:00Z', status: 'escalated', history: [['pending', '2026-02-17T17:00:00Z'], ['escalated', '2026-02-17T18:00:00Z']] }),
  ];
  const result = evaluateReviewQueue(items, sla, now);

  it('lists open items by breachAt, earliest first, with their urgency', () => {
    expect(result.worklist.map((e) => [e.submission.id, e.urgency])).toEqual([
      ['late', 'breached'],
      ['warn', 'on_track'],
      ['soon', 'on_track'],
      ['fresh', 'on_track'],
      ['esc', 'with_team'],
    ]);
    expect(result.closed.map((c) => [c.submission.id, c.sla.state])).toEqual([['done', 'achieved']]);
  });

  it('moves an item into due soon once its warning instant passes', () => {
    const later = evaluateReviewQueue(items, sla, new Date('2026-02-18T21:30:00Z')); // Wed 13:30 PST
    expect(later.worklist.find((e) => e.submission.id === 'warn')?.urgency).toBe('due_soon');
  });

  it('computes per-queue stats: pending, inbound 24h, achieved %, breached, median age', () => {
    const stats = queueStats(result, now, 24 * 60);
    const avatar = stats.find((s) => s.queue === 'avatar');
    expect(avatar).toMatchObject({ pending: 5, inbound: 3, breached: 1 });
    expect(avatar?.achievedPercent).toBeCloseTo((2 / 3) * 100);
    // open ages 27h, 18h, 21h, 1h and 27h (escalated items are still open)
    expect(avatar?.medianAgeMinutes).toBe(21 * 60);
    expect(stats.find((s) => s.queue === 'brand_award')).toMatchObject({ pending: 0, inbound: 0, breached: 0 });
    expect(stats.find((s) => s.queue === 'brand_award')?.achievedPercent).toBeUndefined();
  });
});

describe('urgencyOf', () => {
  const now = new Date('2026-02-18T20:00:00Z');
  it('honours an explicit due-soon window in addition to warnAt', () => {
    expect(urgencyOf({ state: 'active', remainingMinutes: 50, breachAt: new Date('2026-02-18T21:00:00Z') }, now)).toBe('on_track');
    expect(urgencyOf({ state: 'active', remainingMinutes: 50, breachAt: new Date('2026-02-18T21:00:00Z') }, now, 60)).toBe('due_soon');
    expect(urgencyOf({ state: 'none' }, now)).toBe('no_sla');
    expect(urgencyOf({ state: 'paused', remainingMinutes: 10 }, now)).toBe('paused');
  });

  it('takes the median of even and odd lists', () => {
    expect(medianOf([3, 1, 2])).toBe(2);
    expect(medianOf([4, 1, 2, 3])).toBe(2.5);
    expect(medianOf([])).toBeUndefined();
  });
});
