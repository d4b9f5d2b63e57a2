/**
 * Call accounting and fault injection for plugin RPCs. Every plugin handed to the Devvit actor is
 * wrapped by `instrument`, so each call is counted by its name ("Wiki.GetWikiPage", "redis.Set")
 * and can be made to fail.
 */
import { seededRandom as seeded } from '../../packages/core/src/random/seeded-random.js';
import type { Interleaver } from './interleave.js';

/** Reddit RPCs that only read; everything else counts as a write. */
const READ_ONLY = new Set([
  'Users.UserAbout',
  'Users.UserDataByAccountIds',
  'Users.GetUserKarmaForSubreddit',
  'Users.UserWhere',
  'Subreddits.SubredditAbout',
  'Subreddits.AboutWhere',
  'LinksAndComments.Info',
  'Moderation.AboutLog',
  'Flair.UserFlair',
  'Flair.LinkFlair',
  'Flair.FlairList',
  'Listings.New',
  'ModNote.GetNotes',
  'NewModmail.GetConversation',
  'NewModmail.GetConversations',
  'Wiki.GetWikiPage',
  'Wiki.GetWikiPages',
  'Wiki.GetWikiPageRevisions',
  'Wiki.GetWikiPageSettings',
]);

export interface CallRecord {
  name: string;
  request: unknown;
  failed?: string;
}

/** An error shaped like the platform's failed plugin calls (HTTP status in the message and on `.status`). */
export class InjectedFault extends Error {
  constructor(
    readonly rpc: string,
    readonly status: number,
    readonly callNumber: number,
  ) {
    super(`HTTP ${status} ${status === 429 ? 'Too Many Requests' : 'Internal Server Error'} (injected fault: ${rpc} call #${callNumber})`);
    this.name = 'InjectedFault';
  }
}

interface FaultRule {
  match: (rpc: string) => boolean;
  status: number;
  /** Fail the k-th matching call (1-based, counted from when the rule was added). */
  nth?: number;
  /** Fail a fraction of matching calls, deterministic from the seed. */
  fraction?: number;
  seen: number;
  remaining: number; // how many more failures this rule may inject
}


const matcher = (pattern: string | RegExp): ((rpc: string) => boolean) =>
  typeof pattern === 'string'
    ? pattern.endsWith('.*')
      ? (rpc) => rpc.startsWith(pattern.slice(0, -1))
      : (rpc) => rpc === pattern
    : (rpc) => pattern.test(rpc);

export class CallAccounting {
  readonly log: CallRecord[] = [];
  private readonly counts = new Map<string, number>();
  private rules: FaultRule[] = [];
  private random = seeded(1);
  private hooks: { match: (name: string) => boolean; fn: () => void }[] = [];
  /** While set, every call waits for this scheduler's turn (Harness.concurrently). */
  interleaver: Interleaver | undefined;

  /** Number of calls of one RPC ("Moderation.Remove"), or of a family ("redis.*", "Wiki.*"). */
  count(pattern: string | RegExp): number {
    const m = matcher(pattern);
    let n = 0;
    for (const [name, c] of this.counts) if (m(name)) n += c;
    return n;
  }

  /** Calls by name, for printing budgets. */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  /** Redis commands issued. */
  redisCommands(): number {
    return this.count('redis.*');
  }

  /** Reddit RPCs that change state on Reddit. */
  redditWrites(): string[] {
    return this.log.filter((c) => !c.name.startsWith('redis.') && !c.name.startsWith('scheduler.') && !c.name.startsWith('settings.') && !READ_ONLY.has(c.name)).map((c) => c.name);
  }

  /** Reddit RPCs of any kind. */
  redditCalls(): number {
    return this.log.filter((c) => !c.name.startsWith('redis.') && !c.name.startsWith('scheduler.') && !c.name.startsWith('settings.')).length;
  }

  reset(): void {
    this.log.length = 0;
    this.counts.clear();
  }

  /** Make the k-th next call matching `rpc` fail (default HTTP 500). */
  failNth(rpc: string | RegExp, nth: number, status = 500): void {
    this.rules.push({ match: matcher(rpc), status, nth, seen: 0, remaining: 1 });
  }

  /** Make a seeded fraction of calls matching `rpc` fail (default HTTP 429). */
  failFraction(rpc: string | RegExp, fraction: number, opts: { seed?: number; status?: number; max?: number } = {}): void {
    this.random = seeded(opts.seed ?? 1);
    this.rules.push({ match: matcher(rpc), status: opts.status ?? 429, fraction, seen: 0, remaining: opts.max ?? Infinity });
  }

  clearFaults(): void {
    this.rules = [];
    this.hooks = [];
  }

  /**
   * Makes a delivery die right after a call matching `rpc` succeeds: the next three `redis.HSet`
   * calls fail, which is every attempt the effect ledger makes to record the effect as done. The
   * claim stays pending, as a delivery killed mid-effect leaves it (clear with `clearFaults`).
   */
  dieAfter(rpc: string | RegExp): void {
    let failing = 0;
    this.onCall(rpc, () => void (failing = 3));
    this.onCall('redis.HSet', () => {
      if (failing > 0 && failing--) throw new Error('HTTP 500 (injected: the delivery dies)');
    });
  }

  /** Run `fn` before every call matching `rpc` (e.g. advance the virtual clock to make a call slow). */
  onCall(rpc: string | RegExp, fn: () => void): void {
    this.hooks.push({ match: matcher(rpc), fn });
  }

  /** Called by the instrumented plugin before running an RPC. Throws to inject a fault. */
  record(name: string, request: unknown): void {
    const n = (this.counts.get(name) ?? 0) + 1;
    this.counts.set(name, n);
    const rec: CallRecord = { name, request };
    this.log.push(rec);
    for (const hook of this.hooks) if (hook.match(name)) hook.fn();
    for (const rule of this.rules) {
      if (rule.remaining <= 0 || !rule.match(name)) continue;
      rule.seen += 1;
      const fire = rule.nth !== undefined ? rule.seen === rule.nth : this.random() < (rule.fraction ?? 0);
      if (fire) {
        rule.remaining -= 1;
        rec.failed = `HTTP ${rule.status}`;
        throw new InjectedFault(name, rule.status, n);
      }
    }
  }
}

/**
 * Wraps a plugin implementation: counts and fault-injects every call, and makes calls to RPCs the
 * fake does not implement fail loudly with their full name.
 */
export function instrument(service: string, impl: object, accounting: CallAccounting): unknown {
  return new Proxy(impl, {
    get(target, prop, receiver) {
      if (typeof prop === 'symbol' || prop === 'then' || prop === 'toJSON') return Reflect.get(target, prop, receiver);
      const name = `${service}.${prop}`;
      const fn = Reflect.get(target, prop, receiver);
      if (typeof fn !== 'function') {
        return async () => {
          accounting.record(name, undefined);
          throw new Error(`test harness: RPC ${name} is not implemented by the fake backend`);
        };
      }
      return async (request: unknown, metadata: unknown) => {
        const call = async () => {
          accounting.record(name, request);
          return await (fn as (r: unknown, m: unknown) => Promise<unknown>).call(target, request, metadata);
        };
        return accounting.interleaver ? accounting.interleaver.around(call) : call();
      };
    },
  });
}
