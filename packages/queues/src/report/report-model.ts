import type { InputProblem } from '../readers/problems.js';
import type { EscalationEntry } from '../escalations/routing.js';
import type { OpenItemBuckets } from '../review/open-item-buckets.js';
import type { QueueStats } from '../review/queue-stats.js';
import type { WorklistEntry } from '../review/worklist.js';
import type { DeadLetter, RetryHeld, RetryRequest } from '../staging/retry-plan.js';
import type { StageAssessment, StageHealth } from '../staging/stage-health.js';
import type { QueueModuleReport } from './queue-module.js';

/** Per-stage counts of staging items by health. */
export interface StageSummary {
  stage: string;
  counts: Record<StageHealth, number>;
  /** Oldest age in stage among items not done, in minutes. */
  oldestMinutes?: number;
}

/** Everything `creator-desk report` shows; formats only render it. */
export interface Report {
  now: Date;
  /** The zone times are shown in (table and md): --tz, else the SLA calendars' zone, else UTC. */
  timeZone: string;
  dir: string;
  inputs: { file: string; kind: string; records: number }[];
  review: {
    stats: QueueStats[];
    /** Open items per queue (and `all`) by time to breach and by age, for the HTML report's charts. */
    open: OpenItemBuckets[];
    breached: WorklistEntry[];
    dueSoon: WorklistEntry[];
    paused: number;
    onTrack: number;
    noSla: WorklistEntry[];
    /** Policies were missing or unusable: no SLA could be computed. */
    slaAvailable: boolean;
  };
  escalations: EscalationEntry[];
  staging: {
    stages: StageSummary[];
    stuck: StageAssessment[];
    warn: StageAssessment[];
  };
  retries: {
    requests: RetryRequest[];
    held: RetryHeld[];
    deadLetters: DeadLetter[];
    /** Files written this run (state, requests), for the footer. */
    written: string[];
  };
  /** The other queues (takedowns, support …), each with its sections and JSON part. */
  queues: QueueModuleReport[];
  problems: InputProblem[];
  notes: string[];
}
