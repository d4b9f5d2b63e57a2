import type { EscalationEntry, RouteEvaluator } from '../escalations/routing.js';
import { checkEscalation, checkReviewTransition } from '../escalations/transition-check.js';
import type { InputProblem } from '../readers/problems.js';
import type { QueueConfig } from '../readers/queue-config.js';
import type { ReviewSubmission } from '../readers/review-submissions.js';
import type { StagingItem } from '../readers/staging-items.js';
import { queueStats } from '../review/queue-stats.js';
import type { SlaEvaluator } from '../review/sla-view.js';
import { evaluateReviewQueue, type ReviewEvaluation } from '../review/worklist.js';
import { planRetries, type RetryPlan } from '../staging/retry-plan.js';
import type { RetryState } from '../staging/retry-state.js';
import { assessStage, unknownStages, type StageAssessment, type StageHealth } from '../staging/stage-health.js';
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

  const assessments = inputs.staging.map((item) => assessStage(item, cfg.staging, now));
  for (const [stage, count] of unknownStages(inputs.staging, cfg.staging)) {
    problems.push({
      file: inputs.staging[0]?.source.file ?? 'staging',
      severity: 'warning',
      field: 'stage',
      message: `stage ${JSON.stringify(stage)} (${count} item${count === 1 ? '' : 's'}) has no limits in creator-desk.yaml; only the heartbeat timeout applies`,
    });
  }
  const plan = planRetries(assessments, cfg.staging, state, now);

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
      stages: summariseStages(assessments, [...Object.keys(cfg.staging.stages), ...cfg.staging.failedStages, ...cfg.staging.doneStages]),
      stuck: assessments.filter((a) => a.health === 'stuck').sort((a, b) => b.ageMinutes - a.ageMinutes),
      warn: assessments.filter((a) => a.health === 'warn').sort((a, b) => b.ageMinutes - a.ageMinutes),
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

function summariseStages(assessments: readonly StageAssessment[], order: readonly string[]): StageSummary[] {
  const byStage = new Map<string, StageSummary>();
  for (const a of assessments) {
    let s = byStage.get(a.item.stage);
    if (!s) {
      s = { stage: a.item.stage, counts: { ok: 0, warn: 0, stuck: 0, failed: 0, done: 0 } satisfies Record<StageHealth, number> };
      byStage.set(a.item.stage, s);
    }
    s.counts[a.health]++;
    if (a.health !== 'done' && (s.oldestMinutes === undefined || a.ageMinutes > s.oldestMinutes)) s.oldestMinutes = a.ageMinutes;
  }
  const rank = (stage: string): number => {
    const i = order.indexOf(stage);
    return i < 0 ? order.length : i;
  };
  return [...byStage.values()].sort((a, b) => rank(a.stage) - rank(b.stage) || a.stage.localeCompare(b.stage));
}
