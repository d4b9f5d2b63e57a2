import type { JobContext, RedisClient } from '@devvit/public-api';
import {
  diffRoster,
  formatRosterSummary,
  parseRosterPage,
  planBatches,
  rosterSummarySubject,
  type RosterLine,
  type RosterLineProblem,
} from '@creator-desk/core';
import { z } from 'zod';
import type { DueEntry } from '../platform/due/due-job.js';
import { setDue } from '../platform/due/due-schedule.js';
import { modInboxNoticeSince } from '../platform/effects/reddit-checks.js';
import { EffectsInFlight, runEffectsOnce, TimeBudgetExceeded, type Effect } from '../platform/ledger/effect-ledger.js';
import { isActiveArtist, listRoster, readRosterEntry, ROSTER_KEYS, rosterEntrySchema } from '../platform/records/roster-record.js';
import { loadOnboardingConfig, type OnboardingConfig } from '../platform/settings.js';
import { readStored } from '../platform/stored-json.js';
import { activeConfigSchema, validationStateSchema } from '../platform/wiki-config/config-page.js';
import { ONBOARDING_KEYS, SYNC_STATE_TTL_SECONDS } from './keys.js';
import { offboardUser } from './offboard-user.js';
import { artistFlairText, onboardUser } from './onboard-user.js';
import { ROSTER_CONFIG_KEYS, ROSTER_PAGE, rosterConfigPage } from './roster-config-page.js';
import { reloadConfigPage } from '../platform/wiki-config/reload-config-page.js';

/** A sync run starts no new artist after this long, well inside Devvit's 30 s. */
export const SYNC_BUDGET_MS = 12_000;
/** The sync starts no artist later than this into the next-due job's run (Devvit stops a run at 30 s). */
export const RUN_SHARE_MS = 15_000;
/** The rest of a sync that ran out of time runs this soon after. */
export const CONTINUE_MS = 5_000;
/** A sync with failed steps is retried after this long. */
export const SYNC_RETRY_MS = 60_000;
/** The daily sync: catches a missed wikirevise and retries what failed. */
export const DAILY_MS = 86_400_000;
/** Account lookups run this many at a time. */
const LOOKUP_PARALLEL = 10;
/** A lookup that failed (e.g. 429) is tried again at once this many times in all, so one hiccup does not redo a batch's check. */
const LOOKUP_ATTEMPTS = 3;

/** Reddit's account for `username`, trying a failed lookup again (undefined: no such live account). */
async function lookUp(context: JobContext, username: string): Promise<Awaited<ReturnType<JobContext['reddit']['getUserByUsername']>>> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await context.reddit.getUserByUsername(username);
    } catch (e) {
      if (attempt >= LOOKUP_ATTEMPTS) throw e;
    }
  }
}

const rosterLineSchema = z.object({ line: z.number(), username: z.string(), shopName: z.string().optional(), onboardedAt: z.string().optional() });
const problemSchema = z.object({ line: z.number(), text: z.string().optional(), message: z.string() });

/** The sync of one roster revision, frozen by its first run so every run and delivery agree on the batches. */
const syncPlanSchema = z.object({
  revisionId: z.string(),
  editor: z.string().optional(),
  /** Every name on the page (the next revision's diff keeps menu offboardings). */
  page: z.array(z.string()),
  added: z.array(rosterLineSchema),
  removed: z.array(z.string()),
  problems: z.array(problemSchema),
});
type SyncPlan = z.infer<typeof syncPlanSchema>;

/** What the check step of a batch found: accounts to onboard (as Reddit spells them) and bad lines. */
const batchCheckSchema = z.object({ ok: z.array(rosterLineSchema), bad: z.array(problemSchema) });
type BatchCheck = z.infer<typeof batchCheckSchema>;

const { lastSynced: LAST_SYNCED, badLines: badLinesKey } = ONBOARDING_KEYS;
/** The member of a plan's batch set that marks the whole sync complete. */
const END = 'end';

const ledgerValue = (state: string | undefined): string | undefined => (state?.startsWith('done:') ? state.slice('done:'.length) : undefined);

/** Freezes the plan of a revision (SET NX: of racing deliveries, the first plan wins and all read it). */
async function freezePlan(redis: RedisClient, revisionId: string, source: string, editor: string | undefined): Promise<SyncPlan> {
  const key = ONBOARDING_KEYS.plan(revisionId);
  const frozen = readStored(syncPlanSchema, await redis.get(key));
  if (frozen) return frozen;
  const parsed = parseRosterPage(source);
  const lastRevision = await redis.get(LAST_SYNCED);
  const previous = lastRevision ? readStored(syncPlanSchema, await redis.get(ONBOARDING_KEYS.plan(lastRevision))) : undefined;
  const stored = (await listRoster(redis)).map((e) => ({ username: e.username, source: e.source, active: isActiveArtist(e) }));
  const diff = diffRoster(parsed.artists, stored, previous?.page ?? []);
  const plan: SyncPlan = {
    revisionId,
    ...(editor ? { editor } : {}),
    page: parsed.artists.map((a) => a.username),
    added: diff.added,
    removed: diff.removed,
    problems: parsed.problems.map((p) => ({ line: p.line, text: p.text, message: p.message })),
  };
  await redis.set(key, JSON.stringify(plan), { nx: true, expiration: new Date(Date.now() + SYNC_STATE_TTL_SECONDS * 1000) });
  return readStored(syncPlanSchema, await redis.get(key)) ?? plan;
}

/** Looks up each line's account: a live account is onboarded under Reddit's spelling; others are bad lines. */
async function checkAccounts(context: JobContext, lines: readonly RosterLine[]): Promise<BatchCheck> {
  const ok: RosterLine[] = [];
  const bad: RosterLineProblem[] = [];
  for (let i = 0; i < lines.length; i += LOOKUP_PARALLEL) {
    const chunk = lines.slice(i, i + LOOKUP_PARALLEL);
    const found = await Promise.all(chunk.map(async (l) => {
      const entry = await readRosterEntry(context.redis, l.username);
      // Onboarded meanwhile (from the menu): nothing to do, and nothing wrong with the line.
      if (entry && isActiveArtist(entry)) return 'already' as const;
      return lookUp(context, l.username);
    }));
    chunk.forEach((l, k) => {
      const user = found[k];
      if (user === 'already') return;
      if (user) ok.push({ ...l, username: user.username });
      else bad.push({ line: l.line, text: l.username, message: `${l.username}: no such account (unknown, suspended or deleted)` });
    });
  }
  return { ok, bad };
}

/** The flair of a batch: one `setUserFlairBatch` call (or, with a flair template id, one call each); users Reddit refused are bad lines. */
async function setBatchFlair(context: JobContext, config: OnboardingConfig, check: BatchCheck): Promise<RosterLineProblem[]> {
  const subredditName = context.subredditName ?? '';
  if (check.ok.length === 0) return [];
  if (config.flairTemplateId) {
    for (const l of check.ok) await context.reddit.setUserFlair({ subredditName, username: l.username, flairTemplateId: config.flairTemplateId });
    return [];
  }
  const results = await context.reddit.setUserFlairBatch(
    subredditName,
    check.ok.map((l) => ({ username: l.username, text: artistFlairText(config, l.username, l.shopName, subredditName) })),
  );
  return check.ok.flatMap((l, i) => {
    const r = results[i];
    return r && !r.ok ? [{ line: l.line, text: l.username, message: `flair not set: ${Object.values(r.errors ?? {}).join('; ') || r.status}` }] : [];
  });
}

/**
 * Runs one batch of a plan: the account check and the flair call (each once, in the batch's
 * ledger), then each artist's approval, welcome and roster entry (each once, in the artist's
 * ledger). Returns whether every artist of the batch is done; stops starting artists when out of time.
 */
async function runBatch(
  context: JobContext,
  config: OnboardingConfig,
  plan: SyncPlan,
  batch: { index: number; lines: readonly RosterLine[] },
  time: { runStartedAt: number; deadline: number },
): Promise<'complete' | 'incomplete' | 'out-of-time'> {
  const { index, lines } = batch;
  const { deadline } = time;
  const ledger = ONBOARDING_KEYS.batchLedger(plan.revisionId, index);
  const steps: Effect[] = [
    { key: 'check', run: async () => JSON.stringify(await checkAccounts(context, lines)) },
    {
      key: 'flair',
      run: async (results) => {
        const check = readStored(batchCheckSchema, results.get('check'));
        // Another delivery is still checking the accounts: flair waits for its result.
        if (!check) throw new Error('the account check of this batch is not finished yet');
        return JSON.stringify(await setBatchFlair(context, config, check));
      },
    },
  ];
  await runEffectsOnce(context.redis, ledger, steps);
  const [checkState, flairState] = await context.redis.hMGet(ledger, ['check', 'flair']);
  const check = readStored(batchCheckSchema, ledgerValue(checkState ?? undefined));
  const flairFailed = readStored(z.array(problemSchema), ledgerValue(flairState ?? undefined)) ?? [];
  if (!check) throw new Error(`roster sync: batch ${index} of revision ${plan.revisionId} has no readable account check`);
  const bad = [...check.bad, ...flairFailed];
  if (bad.length > 0) {
    await context.redis.hSet(badLinesKey(plan.revisionId), Object.fromEntries(bad.map((p) => [String(p.line), JSON.stringify(p)])));
    await context.redis.expire(badLinesKey(plan.revisionId), SYNC_STATE_TTL_SECONDS);
  }
  let complete = true;
  for (const l of check.ok) {
    if (Date.now() > deadline) return 'out-of-time';
    try {
      await onboardUser(
        context,
        config,
        { username: l.username, ...(l.shopName ? { shopName: l.shopName } : {}), by: plan.editor ?? ROSTER_PAGE, source: 'roster', ...(l.onboardedAt ? { since: l.onboardedAt } : {}), steps: { flair: false, approve: true, modNote: false } },
        { startedAt: time.runStartedAt },
      );
    } catch (e) {
      if (e instanceof TimeBudgetExceeded) return 'out-of-time';
      // Another delivery holds this artist's step: it is doing the batch, so this one stops here.
      // (Going on would send welcomes past one a dead delivery may have sent unrecorded, pushing
      // it out of the window the take-over check looks at.)
      if (e instanceof EffectsInFlight) return 'incomplete';
      // Failed: the claim was released; the rest of the batch goes on, a later run retries it.
      complete = false;
      console.error(`creator-desk: roster sync: u/${l.username} (line ${l.line}) not finished: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return complete ? 'complete' : 'incomplete';
}

/** The end of a sync, once: offboard deleted names (if the setting says so) and send the one summary. */
async function finishSync(context: JobContext, config: OnboardingConfig, plan: SyncPlan): Promise<void> {
  const subredditName = context.subredditName ?? '';
  const offboard = config.rosterRemovalOffboards ? plan.removed : [];
  const effects: Effect[] = offboard.map((username) => ({
    key: `offboard:${username.toLowerCase()}`,
    run: async () => {
      await offboardUser(context, config, { username, by: plan.editor ?? ROSTER_PAGE, modNote: false });
    },
  }));
  effects.push({
    key: 'summary',
    run: async () => {
      const report = await buildReport(context.redis, plan, offboard, config.rosterRemovalOffboards ? [] : plan.removed);
      if (report.problems.length === 0 && report.keptRemoved.length === 0) return;
      await context.reddit.modMail.createModNotification({ subject: rosterSummarySubject(report), bodyMarkdown: formatRosterSummary(report), subredditId: context.subredditId as `t5_${string}` });
    },
    alreadyDone: async ({ since }) => {
      const report = await buildReport(context.redis, plan, offboard, []);
      const subject = rosterSummarySubject(report);
      // Reddit prefixes a mod notification's subject (e.g. "[notification] ").
      return modInboxNoticeSince(context.reddit, subredditName, context.appName ?? '', (s) => s.endsWith(subject), since);
    },
  });
  await runEffectsOnce(context.redis, ONBOARDING_KEYS.endLedger(plan.revisionId), effects);
}

/** The summary's facts: bad lines of the page and of every batch, and how many new names are now artists. */
async function buildReport(redis: RedisClient, plan: SyncPlan, offboarded: readonly string[], keptRemoved: readonly string[]) {
  const stored = Object.values(await redis.hGetAll(badLinesKey(plan.revisionId)));
  const batchProblems = stored.map((v) => readStored(problemSchema, v)).filter((p): p is RosterLineProblem => p !== undefined);
  const entries = plan.added.length > 0 ? await redis.mGet(plan.added.map((l) => ROSTER_KEYS.entry(l.username))) : [];
  const onboarded = entries.filter((v) => {
    const e = readStored(rosterEntrySchema, v);
    return e !== undefined && isActiveArtist(e);
  }).length;
  return { page: ROSTER_PAGE, revisionId: plan.revisionId, ...(plan.editor ? { editor: plan.editor } : {}), onboarded, problems: [...plan.problems, ...batchProblems], offboarded, keptRemoved };
}

/**
 * The `roster` due handler: syncs the roster revision in force. Each run takes the frozen plan's
 * batches not yet complete (the cursor is the set of complete batches), within SYNC_BUDGET_MS, and
 * records when to run next: soon when time ran out, a minute later when steps failed, else in a day.
 */
export async function onRosterDue(entry: DueEntry): Promise<void> {
  const { context, member } = entry;
  // 12 s for the sync, and never past 15 s into the run (other due handlers may have gone first).
  const deadline = Math.min(Date.now() + SYNC_BUDGET_MS, entry.now.getTime() + RUN_SHARE_MS);
  // A wikirevise the app missed: the page is read again (a new revision schedules its own sync).
  await reloadConfigPage(context, rosterConfigPage);
  const [activeJson, validationJson] = await context.redis.mGet([ROSTER_CONFIG_KEYS.active, ROSTER_CONFIG_KEYS.validation]);
  const active = readStored(activeConfigSchema, activeJson);
  if (!active) return setDue(context.redis, member, undefined);
  const validation = readStored(validationStateSchema, validationJson);
  const editor = validation?.revisionId === active.revisionId ? validation.editor : undefined;
  const plan = await freezePlan(context.redis, active.revisionId, active.source, editor);
  const config = await loadOnboardingConfig(context.settings);
  const doneKey = ONBOARDING_KEYS.batchesDone(plan.revisionId);
  const done = new Set((await context.redis.zRange(doneKey, 0, -1, { by: 'rank' })).map((m) => m.member));
  if (done.has(END)) return setDue(context.redis, member, new Date(Date.now() + DAILY_MS));
  let failed = false;
  for (const [index, lines] of planBatches(plan.added).entries()) {
    if (done.has(String(index))) continue;
    if (Date.now() > deadline) return setDue(context.redis, member, new Date(Date.now() + CONTINUE_MS));
    const outcome = await runBatch(context, config, plan, { index, lines }, { runStartedAt: entry.now.getTime(), deadline });
    if (outcome === 'out-of-time') return setDue(context.redis, member, new Date(Date.now() + CONTINUE_MS));
    if (outcome === 'incomplete') failed = true;
    else {
      await context.redis.zAdd(doneKey, { member: String(index), score: index });
      await context.redis.expire(doneKey, SYNC_STATE_TTL_SECONDS);
    }
  }
  if (failed) return setDue(context.redis, member, new Date(Date.now() + SYNC_RETRY_MS));
  await finishSync(context, config, plan);
  await context.redis.zAdd(doneKey, { member: END, score: Number.MAX_SAFE_INTEGER });
  // The last synced plan is the next diff's previous page: kept without expiry until replaced.
  const previous = await context.redis.get(LAST_SYNCED);
  await context.redis.set(ONBOARDING_KEYS.plan(plan.revisionId), JSON.stringify(plan));
  await context.redis.set(LAST_SYNCED, plan.revisionId);
  if (previous && previous !== plan.revisionId) await context.redis.expire(ONBOARDING_KEYS.plan(previous), SYNC_STATE_TTL_SECONDS);
  if (plan.page.length > 0) await context.redis.set(ROSTER_KEYS.synced, new Date().toISOString(), { nx: true });
  await setDue(context.redis, member, new Date(Date.now() + DAILY_MS));
}


