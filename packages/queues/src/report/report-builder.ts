import { CALENDAR_MIN_MS } from '@creator-desk/core';
import type { EscalationEntry, RouteEvaluator } from '../escalations/routing.js';
import { checkEscalation, checkReviewTransition } from '../escalations/transition-check.js';
import type { InputProblem } from '../readers/problems.js';
import type { QueueConfig, StagingConfig } from '../readers/queue-config.js';
import type { ReviewSubmission } from '../readers/review-submissions.js';
import type { StagingItem } from '../readers/staging-items.js';
import { OpenItemBucketsAccumulator } from '../review/open-item-buckets.js';
import { QueueStatsAccumulator } from '../review/queue-stats.js';
import type { SlaEvaluator } from '../review/sla-view.js';
import { byBreachAt, worklistEntryOf, type WorklistEntry } from '../review/worklist.js';
import { planRetries, type RetryPlan } from '../staging/retry-plan.js';
import type { RetryState } from '../staging/retry-state.js';
import { assessStage, stageIsConfigured, type StageAssessment, type StageHealth } from '../staging/stage-health.js';
import type { SourceRef } from '../readers/validate-rows.js';
import type { QueueModuleReport } from './queue-module.js';
import type { Report, StageSummary } from './report-model.js';

/** What the report is computed with: settings, the SLA and routing seams, the retry state and `now`. */
export interface ReportContext {
  config: QueueConfig;
  sla?: SlaEvaluator;
  route?: RouteEvaluator;
  state: RetryState;
  now: Date;
}

/** The parts of a report that come from reading the inputs rather than from the items. */
export interface ReportFrame {
  dir: string;
  /** The zone times are shown in; default UTC. */
  timeZone?: string;
  inputs: Report['inputs'];
  problems: InputProblem[];
  notes: string[];
  /** The other queues' parts, already computed (their problems are listed after the core's). */
  queues?: QueueModuleReport[];
}

const RANK = { to_escalate: 0, invalid: 1, with_team: 2 } as const;
/** How far after `now` a row's time may be before it is an error (clocks of export tools drift a little). */
export const FUTURE_SKEW_MS = 5 * 60_000;

function rowProblem(source: SourceRef, field: string, message: string): InputProblem {
  const p: InputProblem = { file: source.file, row: source.row, field, severity: 'error', message };
  if (source.line !== undefined) p.line = source.line;
  return p;
}
const noSla: SlaEvaluator = () => ({ state: 'none' });

/**
 * Builds the report one item at a time, keeping only what the report shows: the breached, due-soon and
 * no-SLA entries, escalations, and staging items that need attention. Closed and on-track submissions
 * and healthy staging items leave counters behind, nothing else, so a reader can stream 100,000 rows
 * through it without holding them. Pure apart from the clock value in the context.
 */
export class ReportBuilder {
  private readonly sla: SlaEvaluator;
  private readonly stats: QueueStatsAccumulator;
  private readonly open: OpenItemBucketsAccumulator;
  private readonly breached: WorklistEntry[] = [];
  private readonly dueSoon: WorklistEntry[] = [];
  private readonly noSla: WorklistEntry[] = [];
  private paused = 0;
  private onTrack = 0;
  // Escalations with the worklist entry they came from: they are ordered by rank, age, then worklist order.
  private readonly escalations: { entry: EscalationEntry; from: WorklistEntry }[] = [];
  private readonly historyProblems: InputProblem[] = [];
  // Rows the items revealed as wrong: times after now, an SLA clock that refused the row.
  private readonly rowProblems: InputProblem[] = [];
  // Submissions that may not have uploads (rejected or not approved yet), to check the staging items that
  // name one (review files are read first). Approved ones are the majority and need no entry.
  private readonly notApproved = new Map<string, ReviewSubmission['status']>();
  private readonly byStage = new Map<string, StageSummary>();
  // The file that first named each stage, so a warning about an unknown stage points at it.
  private readonly stageFile = new Map<string, string>();
  private readonly flagged: StageAssessment[] = [];

  constructor(private readonly ctx: ReportContext) {
    this.sla = ctx.sla ?? noSla;
    this.stats = new QueueStatsAccumulator(ctx.now, ctx.config.review.inboundWindowMinutes);
    this.open = new OpenItemBucketsAccumulator(ctx.now);
  }

  /** Takes one review submission into the report (a row whose times cannot be true is listed, not used). */
  addReview(s: ReviewSubmission): void {
    const { now, config } = this.ctx;
    if (this.implausible(s.source, 'submitted_at', s.submittedAt)) return;
    // Histories are sorted: only the last entry can be after now, only the first before 1900.
    const h = s.statusHistory;
    if (h.length > 0 && (this.implausible(s.source, 'status_history', (h[h.length - 1] as { at: Date }).at) || this.implausible(s.source, 'status_history', (h[0] as { at: Date }).at))) return;
    if (s.status !== 'approved' && s.status !== 'closed') this.notApproved.set(s.id, s.status);
    const view = this.sla(s, now);
    if (view.error !== undefined) this.rowProblems.push(rowProblem(s.source, 'status_history', `the SLA clock cannot run for ${s.id}: ${view.error}`));
    this.auditHistory(s);
    const entry = worklistEntryOf(s, view, now, config.review.dueSoonWithinMinutes);
    this.stats.add(s, view.state, entry?.ageMinutes, entry?.urgency === 'breached');
    if (!entry) return;
    this.open.add(entry);
    if (entry.urgency === 'breached') this.breached.push(entry);
    else if (entry.urgency === 'due_soon') this.dueSoon.push(entry);
    else if (entry.urgency === 'no_sla') this.noSla.push(entry);
    else if (entry.urgency === 'paused') this.paused++;
    else if (entry.urgency === 'on_track') this.onTrack++;
    const escalation = this.ctx.route ? routeOne(s, this.ctx.route, now) : undefined;
    if (escalation) this.escalations.push({ entry: escalation, from: entry });
  }

  /** Takes one staging item into the report (a row whose times cannot be true is listed, not used). */
  addStaging(item: StagingItem): void {
    if (this.implausible(item.source, 'entered_at', item.enteredAt) || (item.heartbeatAt && this.implausible(item.source, 'heartbeat_at', item.heartbeatAt))) return;
    this.checkAgainstSubmission(item);
    const a = assessStage(item, this.ctx.config.staging, this.ctx.now);
    let s = this.byStage.get(item.stage);
    if (!s) {
      s = { stage: item.stage, counts: { ok: 0, warn: 0, stuck: 0, failed: 0, done: 0 } satisfies Record<StageHealth, number> };
      this.byStage.set(item.stage, s);
      this.stageFile.set(item.stage, item.source.file);
    }
    s.counts[a.health]++;
    if (a.health !== 'done' && (s.oldestMinutes === undefined || a.ageMinutes > s.oldestMinutes)) s.oldestMinutes = a.ageMinutes;
    if (a.health !== 'ok' && a.health !== 'done') this.flagged.push(a);
  }

  /** The report and the retry plan; `frame.problems` come first, then what the items revealed. */
  finish(frame: ReportFrame): { report: Report; plan: RetryPlan } {
    const { config, state, now } = this.ctx;
    const queues = frame.queues ?? [];
    const problems = [...frame.problems, ...this.rowProblems, ...this.historyProblems, ...this.unknownStageWarnings(config.staging), ...queues.flatMap((q) => q.problems)];
    const plan = planRetries(this.flagged, config.staging, state, now);
    const oldestFirst = (a: StageAssessment, b: StageAssessment): number => b.ageMinutes - a.ageMinutes;
    const escalations = this.escalations.sort(
      (a, b) =>
        RANK[a.entry.status] - RANK[b.entry.status] ||
        a.entry.submission.submittedAt.getTime() - b.entry.submission.submittedAt.getTime() ||
        byBreachAt(a.from, b.from),
    );
    const report: Report = {
      now,
      timeZone: frame.timeZone ?? 'UTC',
      dir: frame.dir,
      inputs: [...frame.inputs, ...queues.flatMap((q) => q.inputs)],
      review: {
        stats: this.stats.result(),
        open: this.open.result(),
        breached: this.breached.sort(byBreachAt),
        dueSoon: this.dueSoon.sort(byBreachAt),
        paused: this.paused,
        onTrack: this.onTrack,
        noSla: this.noSla.sort(byBreachAt),
        slaAvailable: this.ctx.sla !== undefined,
      },
      escalations: escalations.map((e) => e.entry),
      staging: {
        stages: this.stageSummaries(config.staging),
        stuck: this.flagged.filter((a) => a.health === 'stuck').sort(oldestFirst),
        warn: this.flagged.filter((a) => a.health === 'warn').sort(oldestFirst),
      },
      retries: { requests: plan.requests, held: plan.held, deadLetters: plan.deadLetters, written: [] },
      queues,
      problems,
      notes: [...frame.notes, ...queues.flatMap((q) => q.notes)],
    };
    return { report, plan };
  }

  /** Replays the status history through the review-item machine and reports changes it forbids. */
  private auditHistory(s: ReviewSubmission): void {
    const h = s.statusHistory;
    for (let i = 1; i < h.length; i++) {
      const from = (h[i - 1] as (typeof h)[number]).status;
      const to = (h[i] as (typeof h)[number]).status;
      if (from === to) continue;
      const error = checkReviewTransition(from, to);
      if (!error) continue;
      this.historyProblems.push({
        file: s.source.file,
        row: s.source.row,
        ...(s.source.line !== undefined ? { line: s.source.line } : {}),
        field: 'status_history',
        severity: 'warning',
        message: `${s.id}: ${from} → ${to} is not allowed (${error})`,
      });
    }
  }

  /**
   * True (with a row error) when a time of the row is after `now` by more than FUTURE_SKEW_MS, or before
   * the years the calendars cover: an export or clock error that would otherwise show as a fresh item.
   */
  private implausible(source: SourceRef, field: string, at: Date): boolean {
    const t = at.getTime();
    if (t > this.ctx.now.getTime() + FUTURE_SKEW_MS) {
      this.rowProblems.push(rowProblem(source, field, `${at.toISOString()} is after the report's now (${this.ctx.now.toISOString()}) by more than ${FUTURE_SKEW_MS / 60_000} minutes: a clock or export error; this row was not used`));
      return true;
    }
    if (t < CALENDAR_MIN_MS) {
      this.rowProblems.push(rowProblem(source, field, `${at.toISOString()} is before 1900, outside the years the business calendars cover; this row was not used`));
      return true;
    }
    return false;
  }

  /**
   * A staging item must belong to an approved submission: one staged or published for a submission that
   * is rejected or not decided yet is an error the coordinator must see (an upload that should not
   * exist). Submissions no review file has are not checked.
   */
  private checkAgainstSubmission(item: StagingItem): void {
    const sid = item.submissionId;
    const status = sid === undefined ? undefined : this.notApproved.get(sid);
    if (status === undefined) return;
    const where = this.ctx.config.staging.doneStages.includes(item.stage) ? 'published' : `in stage ${item.stage}`;
    this.rowProblems.push(rowProblem(item.source, 'submission_id', `${item.id} is ${where}, but its submission ${sid} is ${status === 'rejected' ? 'rejected' : `not approved (${status})`}`));
  }

  /** Stages the config does not know, in the order the items first named them. */
  private unknownStageWarnings(config: StagingConfig): InputProblem[] {
    const out: InputProblem[] = [];
    for (const s of this.byStage.values()) {
      if (stageIsConfigured(s.stage, config)) continue;
      const count = s.counts.ok + s.counts.warn + s.counts.stuck + s.counts.failed + s.counts.done;
      out.push({
        file: this.stageFile.get(s.stage) ?? 'staging',
        severity: 'warning',
        field: 'stage',
        message: `stage ${JSON.stringify(s.stage)} (${count} item${count === 1 ? '' : 's'}) has no limits in creator-desk.yaml; only the heartbeat timeout applies`,
      });
    }
    return out;
  }

  private stageSummaries(config: StagingConfig): StageSummary[] {
    const order = [...Object.keys(config.stages), ...config.failedStages, ...config.doneStages];
    const rank = (stage: string): number => {
      const i = order.indexOf(stage);
      return i < 0 ? order.length : i;
    };
    return [...this.byStage.values()].sort((a, b) => rank(a.stage) - rank(b.stage) || a.stage.localeCompare(b.stage));
  }
}

/**
 * An open item the rules route to a team and that is not with one yet, or an item already escalated
 * (with the team the rules name, when they explain it); undefined when neither.
 */
function routeOne(submission: ReviewSubmission, route: RouteEvaluator, now: Date): EscalationEntry | undefined {
  const decisions = route(submission, now);
  if (submission.status === 'escalated') return { submission, status: 'with_team', decisions };
  if (decisions.length === 0) return undefined;
  // Both machines must agree: the item may move to escalated, and each team/reason is acceptable.
  const error =
    checkReviewTransition(submission.status, 'escalated') ?? decisions.map((d) => checkEscalation(submission.id, d.team, d.reason, now)).find((e) => e !== undefined);
  return error ? { submission, status: 'invalid', decisions, error } : { submission, status: 'to_escalate', decisions };
}
