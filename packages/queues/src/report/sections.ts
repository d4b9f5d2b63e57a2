import type { EscalationEntry } from '../escalations/routing.js';
import { formatMinutes } from '../readers/duration.js';
import { problemLocation, type InputProblem } from '../readers/problems.js';
import type { QueueStats } from '../review/queue-stats.js';
import type { WorklistEntry } from '../review/worklist.js';
import type { DeadLetter, RetryHeld, RetryRequest } from '../staging/retry-plan.js';
import type { StageAssessment } from '../staging/stage-health.js';
import type { Report, StageSummary } from './report-model.js';
import { id, plain, section, user, type Cell, type Section } from './section.js';

const formats = new Map<string, Intl.DateTimeFormat>();

/** `02-20 09:30`: month, day and time in `timeZone`, for table rows (the header names the zone). */
export function rowTime(d: Date | undefined, timeZone: string): string {
  if (!d) return '—';
  return shortTime(d, timeZone).slice(5, 16);
}

/**
 * `2026-02-20 11:30 PST`: minute precision in the team's zone, with the zone's abbreviation (or offset)
 * so a pasted report is unambiguous.
 */
export function shortTime(d: Date | undefined, timeZone = 'UTC'): string {
  if (!d) return '—';
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' });
    formats.set(timeZone, f);
  }
  const part: Record<string, string> = {};
  for (const p of f.formatToParts(d)) part[p.type] = p.value;
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute} ${part.timeZoneName ?? timeZone}`;
}


/**
 * A section of `items`, of which only the first `limit` become rows: a list of 10,000 retry requests
 * renders 25 (the JSON format, not built from sections, still carries all of them).
 */

function worklistRow(e: WorklistEntry, breached: boolean, report: Report): Cell[] {
  const s = e.submission;
  const left = e.sla.remainingMinutes;
  return [
    id(s.id),
    plain(s.assetType),
    plain(s.priority, s.priority === 'urgent' || s.priority === 'high' ? 'bold' : undefined),
    plain(s.status),
    user(s.assignee ?? 'unassigned'),
    user(e.sla.policy),
    plain(rowTime(e.sla.breachAt, report.timeZone)),
    breached ? plain(left === undefined ? '—' : `${formatMinutes(-left)} over`, 'red') : plain(left === undefined ? '—' : `${formatMinutes(left)} left`, 'yellow'),
  ];
}

const statsRow = (s: QueueStats): Cell[] => [
  plain(s.queue, s.queue === 'all' ? 'bold' : undefined),
  plain(String(s.pending)),
  plain(String(s.inbound)),
  plain(s.achievedPercent === undefined ? '—' : `${s.achievedPercent.toFixed(1)}%`, s.achievedPercent !== undefined && s.achievedPercent < 90 ? 'yellow' : undefined),
  plain(String(s.breachedOpen), s.breachedOpen > 0 ? 'red' : undefined),
  plain(String(s.breachedClosed)),
  plain(s.medianAgeMinutes === undefined ? '—' : formatMinutes(s.medianAgeMinutes)),
];

const escalationRow = (e: EscalationEntry): Cell[] => [
  id(e.submission.id),
  plain(e.submission.assetType),
  user(e.submission.artist),
  user(e.decisions.map((d) => d.team).join(', ') || 'unknown team'),
  user(e.decisions.map((d) => d.reason).join('; ') || '(already escalated; no rule names the team)'),
  e.status === 'to_escalate' ? plain('escalate now', 'red') : e.status === 'invalid' ? plain(`cannot escalate: ${e.error ?? ''}`, 'yellow') : plain('with team', 'dim'),
];

// Counts are coloured only when there is something to look at.
const count = (n: number, tone: Cell['tone']): Cell => plain(String(n), n ? tone : undefined);

const stageRow = (s: StageSummary): Cell[] => [
  plain(s.stage),
  plain(String(s.counts.ok)),
  count(s.counts.warn, 'yellow'),
  count(s.counts.stuck, 'red'),
  count(s.counts.failed, 'red'),
  plain(String(s.counts.done), 'dim'),
  plain(s.oldestMinutes === undefined ? '—' : formatMinutes(s.oldestMinutes)),
];

const submissionCell = (submissionId: string | undefined): Cell => (submissionId ? id(submissionId) : plain('—'));

const stuckRow = (a: StageAssessment): Cell[] => [
  id(a.item.id),
  submissionCell(a.item.submissionId),
  plain(a.item.stage),
  plain(formatMinutes(a.ageMinutes)),
  plain(formatMinutes(a.silentMinutes)),
  plain(String(a.item.attempts)),
  user(a.why),
];

const requestRow = (r: RetryRequest): Cell[] => [
  id(r.key),
  id(r.itemId),
  plain(r.stage),
  plain(`#${r.retry}`),
  user(r.reason),
  r.timesRequested > 1 ? plain(`${r.timesRequested}× (earlier request looks lost)`, 'yellow') : plain('new', 'green'),
];

const heldRow = (h: RetryHeld, report: Report): Cell[] => [
  id(h.itemId),
  plain(h.stage),
  plain(`#${h.retry}`),
  plain(h.status === 'backing_off' ? 'backing off' : 'already requested', 'dim'),
  plain(rowTime(h.until, report.timeZone)),
];

const deadLetterRow = (d: DeadLetter): Cell[] => [
  id(d.itemId),
  submissionCell(d.submissionId),
  user(d.artist),
  plain(d.stage),
  plain(String(d.attempts)),
  plain(d.reason, 'red'),
  user(d.lastError),
];

// Problem text is never shortened: a coordinator must be able to read where and what, whole.
const problemRow = (p: InputProblem): Cell[] => [
  plain(p.severity, p.severity === 'error' ? 'red' : 'yellow'),
  { ...user(problemLocation(p)), full: true },
  { ...user(p.message), full: true },
];

const WORKLIST_COLUMNS = ['id', 'type', 'priority', 'status', 'assignee', 'policy', 'breach at', 'time'];

/** Builds the report's sections in reading order; each list is cut at `limit` rows. */
export function reportSections(report: Report, limit: number): Section[] {
  const all = Number.POSITIVE_INFINITY;
  const noSla = report.review.slaAvailable ? undefined : 'no SLA policies loaded';
  const held = report.retries.held;
  return [
    section('Review queues', ['queue', 'open', 'in 24h', 'SLA met', 'breached', 'late, closed', 'median age'], report.review.stats, statsRow, all, 'no submissions'),
    section('Breached', WORKLIST_COLUMNS, report.review.breached, (e) => worklistRow(e, true, report), limit, noSla ?? 'nothing breached', ['policy', 'type']),
    section('Due soon', WORKLIST_COLUMNS, report.review.dueSoon, (e) => worklistRow(e, false, report), limit, noSla ?? 'nothing due soon', ['policy', 'type']),
    section('Escalations', ['id', 'type', 'artist', 'team', 'reason', 'action'], report.escalations, escalationRow, limit, 'no escalations', ['type']),
    section('Staging pipeline', ['stage', 'ok', 'slow', 'stuck', 'failed', 'done', 'oldest open'], report.staging.stages, stageRow, all, 'no staging items'),
    section('Stuck uploads', ['id', 'submission', 'stage', 'in stage', 'silent', 'attempts', 'why'], report.staging.stuck, stuckRow, limit, 'nothing stuck', ['submission']),
    section('Retry requests', ['idempotency key', 'item', 'stage', 'attempt', 'reason', 'asked'], report.retries.requests, requestRow, limit, 'no retries to request'),
    ...(held.length ? [section('Retries held back', ['item', 'stage', 'attempt', 'status', 'until'], held, (h) => heldRow(h, report), limit, '')] : []),
    section('Dead letters (manual action)', ['item', 'submission', 'artist', 'stage', 'attempts', 'why', 'last error'], report.retries.deadLetters, deadLetterRow, limit, 'no dead letters', ['submission', 'artist']),
    ...report.queues.flatMap((q) => q.sections(limit)),
    section('Input problems', ['severity', 'where', 'problem'], report.problems, problemRow, limit, 'none'),
  ];
}

/** One-line summary counts for the report header. */
export function headline(report: Report): string {
  return headlineParts(report).join(' · ');
}

/** The summary counts, one phrase each. */
export function headlineParts(report: Report): string[] {
  return [
    `${report.review.breached.length} breached`,
    `${report.review.dueSoon.length} due soon`,
    `${report.review.noSla.length} open without SLA`,
    `${report.escalations.filter((e) => e.status === 'to_escalate').length} to escalate`,
    `${report.staging.stuck.length} stuck`,
    `${report.retries.requests.length} retry request${report.retries.requests.length === 1 ? '' : 's'}`,
    `${report.retries.deadLetters.length} dead letter${report.retries.deadLetters.length === 1 ? '' : 's'}`,
    ...report.queues.flatMap((q) => q.headline),
    `${report.problems.length} input problem${report.problems.length === 1 ? '' : 's'}`,
  ];
}
