import { formatMinutes } from '../readers/duration.js';
import type { StagingConfig } from '../readers/queue-config.js';
import type { StagingItem } from '../readers/staging-items.js';

export type StageHealth = 'ok' | 'warn' | 'stuck' | 'failed' | 'done';

export interface StageAssessment {
  item: StagingItem;
  health: StageHealth;
  /** Minutes since the item entered its stage. */
  ageMinutes: number;
  /** Minutes since the last heartbeat (or since entering the stage when there is none). */
  silentMinutes: number;
  /** Why the item is warn/stuck/failed, for the report. */
  why?: string;
}

const MINUTE = 60_000;

/**
 * Classifies a staging item against its stage's limits: age in stage past `warn_after` warns, past
 * `stuck_after` is stuck; a worker silent longer than `heartbeat_timeout` is stuck whatever the age
 * (a stalled job, as BullMQ detects by its lock). Items in a failed stage are failed.
 */
export function assessStage(item: StagingItem, config: StagingConfig, now: Date): StageAssessment {
  const ageMinutes = (now.getTime() - item.enteredAt.getTime()) / MINUTE;
  const lastSign = item.heartbeatAt && item.heartbeatAt > item.enteredAt ? item.heartbeatAt : item.enteredAt;
  const silentMinutes = (now.getTime() - lastSign.getTime()) / MINUTE;
  let health: StageHealth = 'ok';
  let why: string | undefined;
  const limits = stageLimits(item.stage, config);
  const timeout = config.heartbeatTimeoutMinutes;
  if (config.doneStages.includes(item.stage)) health = 'done';
  else if (config.failedStages.includes(item.stage)) {
    health = 'failed';
    why = item.lastError ?? 'failed without an error message';
  } else if (limits && ageMinutes >= limits.stuckAfterMinutes) {
    health = 'stuck';
    why = `in ${item.stage} longer than ${formatMinutes(limits.stuckAfterMinutes)}`;
  } else if (timeout !== undefined && silentMinutes >= timeout) {
    health = 'stuck';
    why = `no heartbeat for over ${formatMinutes(timeout)}`;
  } else if (limits && ageMinutes >= limits.warnAfterMinutes) {
    health = 'warn';
    why = `in ${item.stage} longer than ${formatMinutes(limits.warnAfterMinutes)}`;
  }
  // One literal shape whatever the verdict (`why` left off when there is none, as callers expect).
  return why === undefined ? { item, ageMinutes, silentMinutes, health } : { item, ageMinutes, silentMinutes, health, why };
}

// Own keys only: a stage called `constructor` or `toString` has no limits.
const stageLimits = (stage: string, config: StagingConfig): StagingConfig['stages'][string] | undefined => (Object.hasOwn(config.stages, stage) ? config.stages[stage] : undefined);

/** Whether the config knows a stage (limits, or listed as failed or done). */
export function stageIsConfigured(stage: string, config: StagingConfig): boolean {
  return stageLimits(stage, config) !== undefined || config.doneStages.includes(stage) || config.failedStages.includes(stage);
}
