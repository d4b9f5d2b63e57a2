import type { RouteEvaluator } from '../escalations/routing.js';
import type { InputProblem } from '../readers/problems.js';
import type { QueueConfig } from '../readers/queue-config.js';
import type { ReviewSubmission } from '../readers/review-submissions.js';
import type { StagingItem } from '../readers/staging-items.js';
import type { SlaEvaluator } from '../review/sla-view.js';
import type { RetryPlan } from '../staging/retry-plan.js';
import type { RetryState } from '../staging/retry-state.js';
import type { DiscoveredFile } from './discover-files.js';
import { ReportBuilder } from './report-builder.js';
import { runQueueModules } from './queue-modules.js';
import type { Report } from './report-model.js';

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
  /** The zone times are shown in (the SLA calendars'); default UTC. */
  timeZone?: string;
  /** The files the queue modules read, and `creator-desk.yaml`'s text for their settings. */
  moduleFiles?: DiscoveredFile[];
  settingsText?: { text: string; file: string };
}

/** Computes the whole report at `now` from items already in memory; pure apart from the clock value passed in. */
export function buildReport(inputs: ReportInputs, state: RetryState, now: Date): { report: Report; plan: RetryPlan } {
  const builder = new ReportBuilder({ config: inputs.config, state, now, ...(inputs.sla ? { sla: inputs.sla } : {}), ...(inputs.route ? { route: inputs.route } : {}) });
  for (const s of inputs.reviews) builder.addReview(s);
  for (const item of inputs.staging) builder.addStaging(item);
  const queues = runQueueModules({ dir: inputs.dir, now, timeZone: inputs.timeZone ?? 'UTC', ...(inputs.settingsText ? { settings: inputs.settingsText } : {}) }, inputs.moduleFiles ?? []);
  return builder.finish({ ...inputs, queues });
}
