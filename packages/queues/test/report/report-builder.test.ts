import { describe, expect, it } from 'vitest';
import type { RouteEvaluator } from '../../src/escalations/routing.js';
import { defaultQueueConfig } from '../../src/readers/queue-config.js';
import type { SlaEvaluator } from '../../src/review/sla-view.js';
import { ReportBuilder } from '../../src/report/report-builder.js';
import { emptyRetryState } from '../../src/staging/retry-state.js';
import { stagingConfig, stagingItem } from '../helpers/staging.js';
import { submission } from '../helpers/submissions.js';

const now = new Date('2026-02-18T20:00:00Z');
const frame = { dir: 'd', inputs: [], problems: [], notes: [] };

describe('ReportBuilder', () => {
  it('orders escalations by action, then age, then the worklist order (breach time, id), whatever order items arrive in', () => {
    const breachAt: Record<string, string> = { a: '2026-02-19T12:00:00Z', b: '2026-02-19T10:00:00Z', c: '2026-02-19T10:00:00Z', d: '2026-02-19T09:00:00Z' };
    const sla: SlaEvaluator = (s) => ({ state: 'active', policy: 'p', breachAt: new Date(breachAt[s.id] as string), remainingMinutes: 60 });
    const route: RouteEvaluator = () => [{ team: 'Legal', reason: 'IP report', rule: { line: 1 } }];
    const builder = new ReportBuilder({ config: defaultQueueConfig(), sla, route, state: emptyRetryState(), now });
    const same = '2026-02-18T10:00:00Z';
    for (const id of ['a', 'c', 'b']) builder.addReview(submission({ id, submittedAt: same }));
    builder.addReview(submission({ id: 'd', submittedAt: '2026-02-18T11:00:00Z' }));
    builder.addReview(submission({ id: 'e', submittedAt: '2026-02-18T09:00:00Z', status: 'escalated' }));
    const { report } = builder.finish(frame);
    expect(report.escalations.map((e) => [e.submission.id, e.status])).toEqual([
      ['b', 'to_escalate'],
      ['c', 'to_escalate'],
      ['a', 'to_escalate'],
      ['d', 'to_escalate'],
      ['e', 'with_team'],
    ]);
  });

  it('counts closed and on-track submissions and healthy uploads without listing them', () => {
    const sla: SlaEvaluator = (s) => (s.status === 'approved' ? { state: 'achieved', policy: 'p' } : { state: 'active', policy: 'p', breachAt: new Date('2026-02-20T00:00:00Z'), remainingMinutes: 900 });
    const config = { ...defaultQueueConfig(), staging: stagingConfig() };
    const builder = new ReportBuilder({ config, sla, state: emptyRetryState(), now });
    builder.addReview(submission({ id: 'open', submittedAt: '2026-02-18T19:00:00Z' }));
    builder.addReview(submission({ id: 'done', submittedAt: '2026-02-18T12:00:00Z', status: 'approved' }));
    builder.addStaging(stagingItem(now, { id: 'fine', enteredMinutesAgo: 5, heartbeatMinutesAgo: 1 }));
    builder.addStaging(stagingItem(now, { id: 'stuck', enteredMinutesAgo: 500, heartbeatMinutesAgo: 1 }));
    const { report } = builder.finish(frame);
    expect(report.review.onTrack).toBe(1);
    expect([report.review.breached, report.review.dueSoon, report.review.noSla]).toEqual([[], [], []]);
    expect(report.review.stats.find((s) => s.queue === 'all')).toMatchObject({ pending: 1, breached: 0, achievedPercent: 100 });
    expect(report.staging.stuck.map((a) => a.item.id)).toEqual(['stuck']);
    expect(report.staging.stages).toEqual([{ stage: 'upload', counts: { ok: 1, warn: 0, stuck: 1, failed: 0, done: 0 }, oldestMinutes: 500 }]);
  });
});
