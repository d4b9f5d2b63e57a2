import type { EscalationEntry } from '../escalations/routing.js';
import type { WorklistEntry } from '../review/worklist.js';
import type { StageAssessment } from '../staging/stage-health.js';
import type { Report } from './report-model.js';

const iso = (d: Date | undefined): string | null => (d ? d.toISOString() : null);
const round = (n: number | undefined, digits = 1): number | null => (n === undefined ? null : Math.round(n * 10 ** digits) / 10 ** digits);

function worklistJson(e: WorklistEntry): Record<string, unknown> {
  const s = e.submission;
  return {
    id: s.id,
    asset_type: s.assetType,
    artist: s.artist,
    title: s.title ?? null,
    priority: s.priority,
    status: s.status,
    assignee: s.assignee ?? null,
    submitted_at: s.submittedAt.toISOString(),
    age_minutes: round(e.ageMinutes, 0),
    sla: {
      policy: e.sla.policy ?? null,
      metric: e.sla.metric ?? null,
      state: e.sla.state,
      warn_at: iso(e.sla.warnAt),
      breach_at: iso(e.sla.breachAt),
      remaining_minutes: round(e.sla.remainingMinutes, 0),
    },
    urgency: e.urgency,
    source: s.source,
  };
}

function escalationJson(e: EscalationEntry): Record<string, unknown> {
  return {
    id: e.submission.id,
    asset_type: e.submission.assetType,
    artist: e.submission.artist,
    title: e.submission.title ?? null,
    status: e.status,
    item_status: e.submission.status,
    teams: e.decisions.map((d) => ({ team: d.team, reason: d.reason, rule: d.rule })),
    error: e.error ?? null,
    source: e.submission.source,
  };
}

function stagingJson(a: StageAssessment): Record<string, unknown> {
  return {
    id: a.item.id,
    submission_id: a.item.submissionId ?? null,
    artist: a.item.artist ?? null,
    stage: a.item.stage,
    health: a.health,
    why: a.why ?? null,
    age_minutes: round(a.ageMinutes, 0),
    silent_minutes: round(a.silentMinutes, 0),
    attempts: a.item.attempts,
    last_error: a.item.lastError ?? null,
  };
}

/** The report as a JSON document (all items, no truncation; times in ISO-8601 UTC). */
export function reportToJson(report: Report): string {
  const doc = {
    generated_for: report.now.toISOString(),
    time_zone: report.timeZone,
    dir: report.dir,
    inputs: report.inputs,
    review: {
      sla_available: report.review.slaAvailable,
      stats: report.review.stats.map((s) => ({
        queue: s.queue,
        open: s.pending,
        inbound_24h: s.inbound,
        achieved_percent: round(s.achievedPercent),
        breached: s.breached,
        breached_open: s.breachedOpen,
        breached_closed: s.breachedClosed,
        median_age_minutes: round(s.medianAgeMinutes, 0),
      })),
      breached: report.review.breached.map(worklistJson),
      due_soon: report.review.dueSoon.map(worklistJson),
      paused: report.review.paused,
      on_track: report.review.onTrack,
      no_sla: report.review.noSla.map(worklistJson),
    },
    escalations: report.escalations.map(escalationJson),
    staging: {
      stages: report.staging.stages,
      stuck: report.staging.stuck.map(stagingJson),
      warn: report.staging.warn.map(stagingJson),
    },
    retries: {
      requests: report.retries.requests.map((r) => ({
        idempotency_key: r.key,
        item_id: r.itemId,
        submission_id: r.submissionId ?? null,
        stage: r.stage,
        retry: r.retry,
        attempts_so_far: r.attemptsSoFar,
        reason: r.reason,
        requested_at: r.requestedAt.toISOString(),
        next_request_at: r.nextRequestAt.toISOString(),
        times_requested: r.timesRequested,
      })),
      held: report.retries.held.map((h) => ({ idempotency_key: h.key, item_id: h.itemId, stage: h.stage, retry: h.retry, status: h.status, until: h.until.toISOString() })),
      dead_letters: report.retries.deadLetters.map((d) => ({
        item_id: d.itemId,
        submission_id: d.submissionId ?? null,
        artist: d.artist ?? null,
        stage: d.stage,
        attempts: d.attempts,
        error_class: d.errorClass,
        last_error: d.lastError ?? null,
        reason: d.reason,
      })),
      written: report.retries.written,
    },
    queues: Object.fromEntries(report.queues.map((q) => [q.name, q.json])),
    problems: report.problems,
    notes: report.notes,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
