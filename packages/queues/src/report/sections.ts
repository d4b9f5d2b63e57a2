import { formatMinutes } from '../readers/duration.js';
import { problemLocation } from '../readers/problems.js';
import type { WorklistEntry } from '../review/worklist.js';
import type { Report } from './report-model.js';

/** How a cell is rendered: ids as code, user-supplied text escaped, tones coloured on a terminal. */
export interface Cell {
  text: string;
  kind?: 'id' | 'user' | 'plain';
  tone?: 'red' | 'yellow' | 'green' | 'dim' | 'bold' | 'cyan';
  /** Never shortened on a terminal (problem messages must be read whole). */
  full?: boolean;
}

/** One block of the report: a titled table (or a message when empty). */
export interface Section {
  title: string;
  total: number;
  columns: string[];
  rows: Cell[][];
  emptyText: string;
  /** Rows left out to keep the section readable. */
  omitted: number;
}

/** `2026-02-20 19:30Z`: minute precision, always UTC so pasted reports are unambiguous. */
export function shortTime(d: Date | undefined): string {
  if (!d) return '—';
  return `${d.toISOString().slice(0, 16).replace('T', ' ')}Z`;
}

const plain = (text: string, tone?: Cell['tone']): Cell => (tone ? { text, tone } : { text });
const user = (text: string | undefined): Cell => ({ text: text ?? '—', kind: 'user' });
const id = (text: string): Cell => ({ text, kind: 'id' });

function section(title: string, columns: string[], all: Cell[][], limit: number, emptyText: string): Section {
  return { title, total: all.length, columns, rows: all.slice(0, limit), emptyText, omitted: Math.max(0, all.length - limit) };
}

function worklistRow(e: WorklistEntry, breached: boolean): Cell[] {
  const s = e.submission;
  const left = e.sla.remainingMinutes;
  return [
    id(s.id),
    plain(s.assetType),
    plain(s.priority, s.priority === 'urgent' || s.priority === 'high' ? 'bold' : undefined),
    plain(s.status),
    user(s.assignee ?? 'unassigned'),
    user(e.sla.policy),
    plain(shortTime(e.sla.breachAt)),
    breached ? plain(left === undefined ? '—' : `${formatMinutes(-left)} over`, 'red') : plain(left === undefined ? '—' : `${formatMinutes(left)} left`, 'yellow'),
  ];
}

/** Builds the report's sections in reading order; each list is cut at `limit` rows. */
export function reportSections(report: Report, limit: number): Section[] {
  const out: Section[] = [];
  out.push(
    section(
      'Review queues',
      ['queue', 'pending', 'inbound 24h', 'achieved', 'breached', 'median age'],
      report.review.stats.map((s) => [
        plain(s.queue, s.queue === 'all' ? 'bold' : undefined),
        plain(String(s.pending)),
        plain(String(s.inbound)),
        plain(s.achievedPercent === undefined ? '—' : `${s.achievedPercent.toFixed(1)}%`, s.achievedPercent !== undefined && s.achievedPercent < 90 ? 'yellow' : undefined),
        plain(String(s.breached), s.breached > 0 ? 'red' : undefined),
        plain(s.medianAgeMinutes === undefined ? '—' : formatMinutes(s.medianAgeMinutes)),
      ]),
      Number.POSITIVE_INFINITY,
      'no submissions',
    ),
  );
  const cols = ['id', 'type', 'priority', 'status', 'assignee', 'policy', 'breach at', 'time'];
  out.push(section('Breached', cols, report.review.breached.map((e) => worklistRow(e, true)), limit, report.review.slaAvailable ? 'nothing breached' : 'no SLA policies loaded'));
  out.push(section('Due soon', cols, report.review.dueSoon.map((e) => worklistRow(e, false)), limit, report.review.slaAvailable ? 'nothing due soon' : 'no SLA policies loaded'));
  out.push(
    section(
      'Escalations',
      ['id', 'type', 'artist', 'team', 'reason', 'action'],
      report.escalations.map((e) => [
        id(e.submission.id),
        plain(e.submission.assetType),
        user(e.submission.artist),
        user(e.decisions.map((d) => d.team).join(', ') || 'unknown team'),
        user(e.decisions.map((d) => d.reason).join('; ') || '(already escalated; no rule names the team)'),
        e.status === 'to_escalate'
          ? plain('escalate now', 'red')
          : e.status === 'invalid'
            ? plain(`cannot escalate: ${e.error ?? ''}`, 'yellow')
            : plain('with team', 'dim'),
      ]),
      limit,
      'no escalations',
    ),
  );
  out.push(
    section(
      'Staging pipeline',
      ['stage', 'ok', 'slow', 'stuck', 'failed', 'done', 'oldest open'],
      report.staging.stages.map((s) => [
        plain(s.stage),
        plain(String(s.counts.ok)),
        plain(String(s.counts.warn), s.counts.warn ? 'yellow' : undefined),
        plain(String(s.counts.stuck), s.counts.stuck ? 'red' : undefined),
        plain(String(s.counts.failed), s.counts.failed ? 'red' : undefined),
        plain(String(s.counts.done), 'dim'),
        plain(s.oldestMinutes === undefined ? '—' : formatMinutes(s.oldestMinutes)),
      ]),
      Number.POSITIVE_INFINITY,
      'no staging items',
    ),
  );
  out.push(
    section(
      'Stuck uploads',
      ['id', 'submission', 'stage', 'in stage', 'silent', 'attempts', 'why'],
      report.staging.stuck.map((a) => [
        id(a.item.id),
        a.item.submissionId ? id(a.item.submissionId) : plain('—'),
        plain(a.item.stage),
        plain(formatMinutes(a.ageMinutes)),
        plain(formatMinutes(a.silentMinutes)),
        plain(String(a.item.attempts)),
        user(a.why),
      ]),
      limit,
      'nothing stuck',
    ),
  );
  out.push(
    section(
      'Retry requests',
      ['idempotency key', 'item', 'stage', 'retry', 'reason', 'asked'],
      report.retries.requests.map((r) => [
        id(r.key),
        id(r.itemId),
        plain(r.stage),
        plain(`#${r.retry}`),
        user(r.reason),
        plain(r.timesRequested > 1 ? `${r.timesRequested}× (earlier request looks lost)` : 'new', r.timesRequested > 1 ? 'yellow' : 'green'),
      ]),
      limit,
      'no retries to request',
    ),
  );
  const held = report.retries.held;
  if (held.length) {
    out.push(
      section(
        'Retries held back',
        ['item', 'stage', 'retry', 'status', 'until'],
        held.map((h) => [id(h.itemId), plain(h.stage), plain(`#${h.retry}`), plain(h.status === 'backing_off' ? 'backing off' : 'already requested', 'dim'), plain(shortTime(h.until))]),
        limit,
        '',
      ),
    );
  }
  out.push(
    section(
      'Dead letters (manual action)',
      ['item', 'submission', 'artist', 'stage', 'attempts', 'why', 'last error'],
      report.retries.deadLetters.map((d) => [
        id(d.itemId),
        d.submissionId ? id(d.submissionId) : plain('—'),
        user(d.artist),
        plain(d.stage),
        plain(String(d.attempts)),
        plain(d.reason, 'red'),
        user(d.lastError),
      ]),
      limit,
      'no dead letters',
    ),
  );
  out.push(
    section(
      'Input problems',
      ['severity', 'where', 'problem'],
      report.problems.map((p) => {
        return [plain(p.severity, p.severity === 'error' ? 'red' : 'yellow'), { ...user(problemLocation(p)), full: true }, { ...user(p.message), full: true }];
      }),
      limit,
      'none',
    ),
  );
  return out;
}

/** One-line summary counts for the report header. */
export function headline(report: Report): string {
  const parts = [
    `${report.review.breached.length} breached`,
    `${report.review.dueSoon.length} due soon`,
    `${report.escalations.filter((e) => e.status === 'to_escalate').length} to escalate`,
    `${report.staging.stuck.length} stuck`,
    `${report.retries.requests.length} retry request${report.retries.requests.length === 1 ? '' : 's'}`,
    `${report.retries.deadLetters.length} dead letter${report.retries.deadLetters.length === 1 ? '' : 's'}`,
    `${report.problems.length} input problem${report.problems.length === 1 ? '' : 's'}`,
  ];
  return parts.join(' · ');
}
