import type { JobContext, ScheduledJobEvent } from '@devvit/public-api';
import { TIME_BUDGET_MS } from '../ledger/effect-ledger.js';
import { KEYS } from '../keys.js';
import { reportCorruptRecords } from '../records/corrupt-records.js';
import { loadEnforcementConfig, type EnforcementConfig } from '../settings.js';
import { RETRY_MS, scheduleNextDue, setDue } from './due-schedule.js';

/** What a due handler gets: the entry's id (after `kind:`), the job's context, now and the settings read once per run. */
export interface DueEntry {
  id: string;
  member: string;
  now: Date;
  config: EnforcementConfig;
  context: JobContext;
}

/**
 * Looks at one due entry and records when it is due next (`setDue`, undefined = never). A throw
 * leaves the entry due, so the next run retries it.
 */
export type DueHandler = (entry: DueEntry) => Promise<void>;

/**
 * The one "next due" job: takes every entry of `cd:enf:due` whose time has come and hands it to
 * the handler its kind (`takedown:{id}` → `handlers.takedown`) names, within the time budget,
 * then schedules itself for the next entry. An entry of no known kind is dropped; an entry whose
 * handler fails stays due and is retried a minute later.
 */
export function onNextDue(handlers: Readonly<Record<string, DueHandler>>): (event: ScheduledJobEvent<undefined>, context: JobContext) => Promise<void> {
  return async (_event, context) => {
    const started = Date.now();
    const now = new Date();
    const due = await context.redis.zRange(KEYS.due, 0, now.getTime(), { by: 'score' });
    const config = due.length > 0 ? await loadEnforcementConfig(context.settings, now) : undefined;
    for (const { member } of due) {
      if (!config || Date.now() - started > TIME_BUDGET_MS) break;
      const [kind = '', ...rest] = member.split(':');
      const handler = Object.hasOwn(handlers, kind) ? handlers[kind] : undefined;
      try {
        if (handler) await handler({ id: rest.join(':'), member, now, config, context });
        else await setDue(context.redis, member, undefined);
      } catch (e) {
        // Left due: retried by the next run, a minute from now.
        console.error(`creator-desk: due entry ${member} failed: ${e instanceof Error ? e.message : String(e)}; retry in ${RETRY_MS / 1000} s`);
      }
    }
    await reportCorruptRecords(context);
    await scheduleNextDue(context.redis, context.scheduler, { running: true });
  };
}
