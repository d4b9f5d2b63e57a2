/**
 * Redis key layout of the enforcement actions (read by the queues and the modmail summary).
 * Devvit's Redis has no lists or key listing, so every log is a sorted set and every index a
 * sorted set scored by time in ms.
 *
 * | key | type | content |
 * | --- | --- | --- |
 * | `cd:{machine}:events:{id}` | zset | the entity's append-only audit events (core `AuditEvent` JSON), score = seq; machine is `escalation`, `strike`, `takedown` or `termination-review` (id `termination:{user}:{strike ids}`); status = core `machine.replay(events)` |
 * | `cd:escalation:index` | zset | escalation ids, score = opened at |
 * | `cd:escalation:user:{user}` | zset | escalation ids about a user's content (user lower-case) |
 * | `cd:escalation:item:{thingId}` | zset | escalation ids of one post/comment |
 * | `cd:strike:user:{user}` | zset | strike ids of a user, score = issued at |
 * | `cd:strike:proposed` | zset | strike ids a rule proposed and no moderator has decided yet, score = proposed at |
 * | `cd:strike:item:{thingId}` | string | the strike id a rule proposed for a post/comment (confirmed through the Strike menu on that item) |
 * | `cd:strikes:count:{user}` | string | active strikes now (the rules engine's `strikes` fact); refreshed when a strike expires |
 * | `cd:takedown:index` | zset | takedown case ids, score = notice received at |
 * | `cd:takedown:user:{user}` | zset | case ids of an uploader |
 * | `cd:takedown:item:{thingId}` | string | the latest case id of a post/comment |
 * | `cd:enf:due` | zset | `takedown:{caseId}` / `strikes:{user}` → when the next-due job must look at it |
 * | `cd:enf:job` | string | JSON `{id, runAt}` of the one scheduled `enforcement-due` job |
 * | `cd:enf:open:{action}:{thingId}` | string | the operation id a menu item opened (TTL 6 h) |
 * | `cd:fx:enf:{opId}` | hash | effect ledger of one operation (core of exactly-once; `_input` = frozen form values, `_done` when complete) |
 * | `cd:records:corrupt` | zset | stored entries a reader skipped as unreadable (JSON `{id, key, entry, problem}`), waiting to be reported to the mod inbox |
 * | `cd:records:corrupt:reported` | zset | ids of skipped entries already reported, score = when (each is reported once) |
 */
export const KEYS = {
  events: (machine: string, id: string) => `cd:${machine}:events:${id}`,
  escalationIndex: 'cd:escalation:index',
  escalationsOfUser: (user: string) => `cd:escalation:user:${user.toLowerCase()}`,
  escalationsOfItem: (thingId: string) => `cd:escalation:item:${thingId}`,
  strikesOfUser: (user: string) => `cd:strike:user:${user.toLowerCase()}`,
  /** Bumped by every confirmed strike of the user: confirms watch it (the ladder reads the others). */
  strikeVersionOfUser: (user: string) => `cd:strike:user-version:${user.toLowerCase()}`,
  strikeProposals: 'cd:strike:proposed',
  strikeProposalOfItem: (thingId: string) => `cd:strike:item:${thingId}`,
  strikeCount: (user: string) => `cd:strikes:count:${user.toLowerCase()}`,
  takedownIndex: 'cd:takedown:index',
  takedownsOfUser: (user: string) => `cd:takedown:user:${user.toLowerCase()}`,
  takedownOfItem: (thingId: string) => `cd:takedown:item:${thingId}`,
  due: 'cd:enf:due',
  dueJob: 'cd:enf:job',
  openOperation: (action: string, thingId: string) => `cd:enf:open:${action}:${thingId}`,
  ledger: (opId: string) => `cd:fx:enf:${opId}`,
  corruptPending: 'cd:records:corrupt',
  corruptReported: 'cd:records:corrupt:reported',
} as const;

/** Name of the one-off "next due" job (takedown reminders, strike expiry). */
export const DUE_JOB = 'enforcement-due';
