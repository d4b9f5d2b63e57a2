/**
 * Redis keys of the onboarding capability (the roster itself is in platform/records/roster-record.ts).
 *
 * | key | type | content |
 * | --- | --- | --- |
 * | `cd:fx:onboard:{user}:{generation}` | hash | effect ledger of one onboarding of a user (flair, approve, welcome, modnote, record), shared by the menu and the sync |
 * | `cd:fx:offboard:{user}:{generation}` | hash | effect ledger of one offboarding |
 * | `cd:roster:plan:{revision}` | string | JSON `SyncPlan`: the sync of one roster revision, frozen by its first run |
 * | `cd:roster:batches:{revision}` | zset | indices of the plan's batches that are complete (the cursor), and `end` once the sync is |
 * | `cd:fx:roster:{revision}:{batch}` | hash | effect ledger of one batch (the account check, the flair call) |
 * | `cd:fx:roster:{revision}:end` | hash | effect ledger of the end of a sync (offboardings, the summary) |
 * | `cd:roster:bad:{revision}` | hash | line number → JSON bad line found by a batch (for the one summary) |
 * | `cd:roster:last` | string | the last revision whose sync completed (its plan's names are the previous page) |
 *
 * Plans and batch state expire after 30 days, except the last synced plan (kept until a later one is
 * synced: its names are the next diff's previous page); the due entry `roster:sync` is the daily sync.
 */
export const ONBOARDING_KEYS = {
  onboardLedger: (user: string, generation: number) => `cd:fx:onboard:${user.toLowerCase()}:${generation}`,
  offboardLedger: (user: string, generation: number) => `cd:fx:offboard:${user.toLowerCase()}:${generation}`,
  plan: (revision: string) => `cd:roster:plan:${revision}`,
  batchesDone: (revision: string) => `cd:roster:batches:${revision}`,
  batchLedger: (revision: string, batch: number) => `cd:fx:roster:${revision}:${batch}`,
  endLedger: (revision: string) => `cd:fx:roster:${revision}:end`,
  badLines: (revision: string) => `cd:roster:bad:${revision}`,
  lastSynced: 'cd:roster:last',
} as const;

/** The due entry of the roster sync (the platform's next-due job hands it to the `roster` handler). */
export const ROSTER_DUE = 'roster:sync';

/** How long a sync plan and its batch ledgers are kept: far past any run that could still need them. */
export const SYNC_STATE_TTL_SECONDS = 30 * 86400;
