import type { EscalationEntry, RouteEvaluator } from '../escalations/routing.js';
import { checkEscalation, checkReviewTransition } from '../escalations/transition-check.js';
import type { InputProblem } from '../readers/problems.js';
import type { QueueConfig, StagingConfig } from '../readers/queue-config.js';
import type { ReviewSubmission } from '../readers/review-submissions.js';
import type { StagingItem } from '../readers/staging-items.js';
import { queueStats } from '../review/queue-stats.js';
import type { SlaEvaluator } from '../review/sla-view.js';
import { evaluateReviewQueue, type ReviewEvaluation } from '../review/worklist.js';
import { planRetries, type RetryPlan } from '../staging/retry-plan.js';
import type { RetryState } from '../staging/retry-state.js';
import { assessStage, stageIsConfigured, type StageAssessment, type StageHealth } from '../staging/stage-health.js';
import type { Report, StageSummary } from './report-model.js';

/** What the report is computed from (already read and validated). */
export interface ReportInputs {
  dir: string;
  config: QueueConfig;
  reviews: ReviewSubmission[];
  staging: StagingItem[];
  sla?: SlaEvaluator;
  route?: RouteEvaluator;
  inputs: Report['inputs'];
  problems: InputProblem[];
  notes: string[];
}

/** Computes the whole report at `now`; pure apart from the clock value passed in. */
export function buildReport(inputs: ReportInputs, state: RetryState, now: Date): { report: Report; plan: RetryPlan } {
  const problems = [...inputs.problems];
  const notes = [...inputs.notes];
  const cfg = inputs.config;

  const sla: SlaEvaluator = inputs.sla ?? (() => ({ state: 'none' }));
  const review = evaluateReviewQueue(inputs.reviews, sla, now, cfg.review.dueSoonWithinMinutes === undefined ? {} : { dueSoonWithinMinutes: cfg.review.dueSoonWithinMinutes });
  problems.push(...auditHistories(inputs.reviews));

  const escalations = inputs.route ? routeEscalations(review, inputs.route, now) : [];

  const staging = assessStaging(inputs.staging, cfg.staging, now);
  for (const [stage, count] of staging.unknown) {
    problems.push({
      file: inputs.staging[0]?.source.file ?? 'staging',
      severity: 'warning',
      field: 'stage',
      message: `stage ${JSON.stringify(stage)} (${count} item${count === 1 ? '' : 's'}) has no limits in creator-desk.yaml; only the heartbeat timeout applies`,
    });
  }
  const plan = planRetries(staging.flagged, cfg.staging, state, now);

  const report: Report = {
    now,
    dir: inputs.dir,
    inputs: inputs.inputs,
    review: {
      stats: queueStats(review, now, cfg.review.inboundWindowMinutes),
      breached: review.worklist.filter((e) => e.urgency === 'breached'),
      dueSoon: review.worklist.filter((e) => e.urgency === 'due_soon'),
      paused: review.worklist.filter((e) => e.urgency === 'paused').length,
      onTrack: review.worklist.filter((e) => e.urgency === 'on_track').length,
      noSla: review.worklist.filter((e) => e.urgency === 'no_sla'),
      slaAvailable: inputs.sla !== undefined,
    },
    escalations,
    staging: {
      stages: staging.stages,
      stuck: staging.flagged.filter((a) => a.health === 'stuck').sort((a, b) => b.ageMinutes - a.ageMinutes),
      warn: staging.flagged.filter((a) => a.health === 'warn').sort((a, b) => b.ageMinutes - a.ageMinutes),
    },
    retries: { requests: plan.requests, held: plan.held, deadLetters: plan.deadLetters, written: [] },
    problems,
    notes,
  };
  return { report, plan };
}

/**
 * Open items the rules route to a team and that are not with one yet, plus items already escalated
 * (with the team the rules name, when they explain it).
 */
function routeEscalations(review: ReviewEvaluation, route: RouteEvaluator, now: Date): EscalationEntry[] {
  const out: EscalationEntry[] = [];
  for (const { submission } of review.worklist) {
    const decisions = route(submission, now);
    if (submission.status === 'escalated') {
      out.push({ submission, status: 'with_team', decisions });
      continue;
    }
    if (decisions.length === 0) continue;
    // Both machines must agree: the item may move to escalated, and each team/reason is acceptable.
    const error =
      checkReviewTransition(submission.status, 'escalated') ??
      decisions.map((d) => checkEscalation(submission.id, d.team, d.reason, now)).find((e) => e !== undefined);
    out.push(error ? { submission, status: 'invalid', decisions, error } : { submission, status: 'to_escalate', decisions });
  }
  const rank = { to_escalate: 0, invalid: 1, with_team: 2 } as const;
  return out.sort((a, b) => rank[a.status] - rank[b.status] || a.submission.submittedAt.getTime() - b.submission.submittedAt.getTime());
}

/** Replays each status history through the review-item machine and reports changes it forbids. */
function auditHistories(reviews: readonly ReviewSubmission[]): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const s of reviews) {
    const h = s.statusHistory;
    for (let i = 1; i < h.length; i++) {
      const from = (h[i - 1] as (typeof h)[number]).status;
      const to = (h[i] as (typeof h)[number]).status;
      if (from === to) continue;
      const error = checkReviewTransition(from, to);
      if (!error) continue;
      problems.push({
        file: s.source.file,
        row: s.source.row,
        ...(s.source.line !== undefined ? { line: s.source.line } : {}),
        field: 'status_history',
        severity: 'warning',
        message: `${s.id}: ${from} → ${to} is not allowed (${error})`,
      });
    }
  }
  return problems;
}

/**
 * Assesses every staging item in one pass: per-stage counts for the summary, and only the items that
 * need attention (warn, stuck, failed) kept — 100,000 healthy items leave nothing behind.
 */
function assessStaging(
  items: readonly StagingItem[],
  config: StagingConfig,
  now: Date,
): { stages: StageSummary[]; flagged: StageAssessment[]; unknown: [stage: string, count: number][] } {
  const byStage = new Map<string, StageSummary>();
  const flagged: StageAssessment[] = [];
  for (const item of items) {
    const a = assessStage(item, config, now);
    let s = byStage.get(item.stage);
    if (!s) {
      s = { stage: item.stage, counts: { ok: 0, warn: 0, stuck: 0, failed: 0, done: 0 } satisfies Record<StageHealth, number> };
      byStage.set(item.stage, s);
    }
    s.counts[a.health]++;
    if (a.health !== 'done' && (s.oldestMinutes === undefined || a.ageMinutes > s.oldestMinutes)) s.oldestMinutes = a.ageMinutes;
    if (a.health !== 'ok' && a.health !== 'done') flagged.push(a);
  }
  const order = [...Object.keys(config.stages), ...config.failedStages, ...config.doneStages];
  const rank = (stage: string): number => {
    const i = order.indexOf(stage);
    return i < 0 ? order.length : i;
  };
  // Stages the config does not know, in the order the items first name them.
  const unknown: [string, number][] = [];
  for (const s of byStage.values()) {
    if (!stageIsConfigured(s.stage, config)) unknown.push([s.stage, s.counts.ok + s.counts.warn + s.counts.stuck + s.counts.failed + s.counts.done]);
  }
  const stages = [...byStage.values()].sort((a, b) => rank(a.stage) - rank(b.stage) || a.stage.localeCompare(b.stage));
  return { stages, flagged, unknown };
}
