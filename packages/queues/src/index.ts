/**
 * @creator-desk/queues — the program coordinator's queues (review SLAs, escalations, staging
 * retries) and the library behind the `creator-desk` CLI.
 */
export { formatProblem, problemLocation, hasErrors, type InputProblem } from './readers/problems.js';
export { parseDurationMinutes, formatMinutes } from './readers/duration.js';
export { parseTable, readTable, tableFormatOf, type RawRow, type TableFormat } from './readers/table.js';
export type { SourceRef } from './readers/validate-rows.js';
export {
  assetTypes,
  reviewPriorities,
  reviewStatuses,
  reviewSubmissionRowSchema,
  readReviewSubmissions,
  type ReviewStatus,
  type ReviewSubmission,
} from './readers/review-submissions.js';
export { stagingItemRowSchema, readStagingItems, type StagingItem } from './readers/staging-items.js';
export { resolveDuplicates, seenIds, type DuplicateResolution, type ReadResult, type RecordOptions, type SeenIds } from './readers/read-records.js';
export { queueConfigSchema, readQueueConfig, defaultQueueConfig, type QueueConfig, type RetryPolicy, type StagingConfig } from './readers/queue-config.js';
export { evaluateReviewQueue, worklistEntryOf, byBreachAt, urgencyOf, isOpen, type Urgency, type WorklistEntry, type ReviewEvaluation } from './review/worklist.js';
export { queueStats, QueueStatsAccumulator, medianOf, type QueueStats } from './review/queue-stats.js';
export { OpenItemBucketsAccumulator, slaBucketOf, ageBucketOf, slaBuckets, ageBuckets, type OpenItemBuckets, type SlaBucket } from './review/open-item-buckets.js';
export { loadSlaPolicies, slaViewOf } from './review/sla-policies.js';
export type { SlaView, SlaEvaluator } from './review/sla-view.js';
export { loadEscalationRules, reviewItemForRules } from './escalations/rules-routing.js';
export { checkEscalation, checkReviewTransition, machineStatusOf } from './escalations/transition-check.js';
export type { EscalationEntry, RouteDecision, RouteEvaluator } from './escalations/routing.js';
export { assessStage, type StageAssessment, type StageHealth } from './staging/stage-health.js';
export { classifyError, type ErrorClass } from './staging/classify-error.js';
export { backoffMinutes } from './staging/backoff.js';
export { retryIdempotencyKey } from './staging/idempotency-key.js';
export { planRetries, RETRY_STATE_RETENTION_DAYS, type RetryPlan, type RetryRequest, type RetryHeld, type DeadLetter } from './staging/retry-plan.js';
export { loadRetryState, parseRetryState, serializeRetryState, emptyRetryState, type RetryState } from './staging/retry-state.js';
export { retryBatchId, retryRequestFiles, retryRequestsCsv, retryRequestsJson } from './staging/requests-file.js';
export { acquireStateLock, lockFileOf, STATE_LOCK_STALE_MS } from './staging/state-lock.js';
export { buildReport, type ReportInputs } from './report/build-report.js';
export { loadInputs, loadSettings, readQueueFiles, type CoreLoaders, type QueueSettings, type QueueSink, type QueueSkips } from './report/load-inputs.js';
export { ReportBuilder, type ReportContext, type ReportFrame } from './report/report-builder.js';
export { reportFromDir, type DirReport, type DirReportOptions } from './report/report-from-dir.js';
export { coreLoaders } from './report/core-loaders.js';
export type { Report } from './report/report-model.js';
export { reportToHtml, REPORT_CSP } from './report/format-html.js';
export type { KappaWeek } from './report/charts/kappa-input.js';
export { reportToJson } from './report/format-json.js';
export { reportToMarkdown } from './report/format-markdown.js';
export { reportToTable } from './report/format-table.js';
export { cohensKappa, type KappaResult } from './qa/cohens-kappa.js';
export { confusionMatrix } from './qa/confusion-matrix.js';
export { gwetAc1 } from './qa/gwet-ac1.js';
export { landisKochBand, roundKappa, type LandisKochBand } from './qa/landis-koch.js';
export { inverseNormal } from './qa/inverse-normal.js';
export { sampleSize, type SampleSize, type SampleSizeInput } from './qa/sample-size.js';
export { planSample, samplingMethods, type SampleCandidate, type SamplePlan, type SampledItem, type SamplingMethod, type SamplingOptions } from './qa/sampling-plan.js';
export { classifyDisagreement, type AuditOutcome, type ErrorWords } from './qa/classify-disagreement.js';
export { scorecard, type ContractorScore, type ScoredDecision, type ScorecardOptions, type WeekScore } from './qa/scorecard.js';
export { weekLabel, type WeekStart } from './qa/week-label.js';
export { analyzeQa, type QaAnalysis, type QaAudit, type QaDecision } from './qa/analyze-qa.js';
export { qaSettingsSchema, type QaSettings } from './qa/qa-settings.js';
export { qaModule, readQaFiles } from './qa/qa-module.js';
