import type { ReviewStatus, ReviewSubmission } from '../../src/readers/review-submissions.js';

/** A review submission for tests; `history` as [status, ISO] pairs (default: pending at submission). */
export function submission(o: {
  id?: string;
  assetType?: ReviewSubmission['assetType'];
  submittedAt: string;
  priority?: ReviewSubmission['priority'];
  status?: ReviewStatus;
  history?: [ReviewStatus, string][];
  flags?: string[];
  notes?: string;
  title?: string;
  assignee?: string;
}): ReviewSubmission {
  const status = o.status ?? 'pending';
  return {
    id: o.id ?? 'sub_1',
    assetType: o.assetType ?? 'avatar',
    artist: 'inky_fox',
    submittedAt: new Date(o.submittedAt),
    priority: o.priority ?? 'normal',
    status,
    assignee: o.assignee,
    statusHistory: (o.history ?? [['pending', o.submittedAt]]).map(([s, at]) => ({ status: s, at: new Date(at) })),
    title: o.title,
    flags: o.flags ?? [],
    notes: o.notes,
    source: { file: 'review.csv', row: 1, line: 2 },
  };
}

/** Business hours 09:00–17:00 Mon–Fri in Los Angeles, Presidents' Day 2026 off; 8h target for normal. */
export const SLA_YAML = `calendars:
  ops:
    timeZone: America/Los_Angeles
    hours:
      mon: [['09:00', '17:00']]
      tue: [['09:00', '17:00']]
      wed: [['09:00', '17:00']]
      thu: [['09:00', '17:00']]
      fri: [['09:00', '17:00']]
    holidays: ['2026-02-16']
policies:
  - name: Brand awards
    when: { kind: brand_award }
    calendar: ops
    metrics:
      decision:
        stop_when: { status: [approved, rejected, escalated, closed] }
        targets: { default: { target: 4h, hours: calendar } }
  - name: Everything else
    calendar: ops
    hours: business
    warn_before: 2h
    metrics:
      decision:
        stop_when: { status: [approved, rejected, escalated, closed] }
        pause_when: { status: waiting_on_artist }
        targets: { urgent: { target: 2h, warn_before: 30m }, default: 8h }
`;
