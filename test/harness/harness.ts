/**
 * The harness proper, free of vitest so bench scripts can use it too (index.ts adds vitest's
 * fake `Date`). The Devvit test harness: the REAL `Devvit` actor from @devvit/public-api 0.14.6, created with a
 * mock config whose plugins are this project's fakes, and driven through the actor's RPCs the way
 * the Reddit runtime drives it (OnAction, On<Trigger>, HandleScheduledAction, HandleUIEvent, …).
 *
 * Everything that touches Devvit's internal test helpers lives in this folder, so a Devvit upgrade
 * is one place to fix.
 */
import { Header } from '@devvit/shared-types/Header.js';
import { installGlobalConfig, makeConfig } from '@devvit/shared-types/test/index.js';
import { SettingsMock } from '@devvit/settings/test';
import { seededRandom } from '../../packages/core/src/random/seeded-random.js';
import { CallAccounting, instrument } from './accounting.js';
import { Interleaver } from './interleave.js';
import { VirtualClock } from './clock.js';
import { eventBuilders, type TriggerEvent } from './events.js';
import { flairPlugin } from './fake-reddit/flair.js';
import { linksAndCommentsPlugin } from './fake-reddit/links-and-comments.js';
import { listingsPlugin } from './fake-reddit/listings.js';
import { FakeReddit } from './fake-reddit/model.js';
import { moderationPlugin } from './fake-reddit/moderation.js';
import { modNotePlugin } from './fake-reddit/modnote.js';
import { newModmailPlugin } from './fake-reddit/newmodmail.js';
import { privateMessagesPlugin } from './fake-reddit/private-messages.js';
import { subredditsPlugin } from './fake-reddit/subreddits.js';
import { usersPlugin } from './fake-reddit/users.js';
import { wikiPlugin } from './fake-reddit/wiki.js';
import { createRedis, type HarnessRedis } from './redis.js';
import { FakeScheduler } from './scheduler.js';

export { InjectedFault } from './accounting.js';
export type { FakeComment, FakePost, FakeReddit } from './fake-reddit/model.js';

type Rpc = (req: unknown, meta: Metadata) => Promise<any>;
type Metadata = Record<string, { values: string[] }>;

/** Makes the app's `Date` follow the virtual clock (tests use vitest's fake timers). */
export interface TimeControl {
  install(ms: number): void;
  set(ms: number): void;
  uninstall(): void;
}

/** No control: `Date` stays real; the virtual clock still drives the scheduler and the fake. */
export const realTime: TimeControl = { install: () => {}, set: () => {}, uninstall: () => {} };

export interface HarnessOptions {
  subredditName?: string;
  appName?: string;
  appVersion?: string;
  /** Virtual start time (default 2026-03-02T10:00:00Z). */
  start?: Date;
  /** Installation settings, by setting name. */
  settings?: Record<string, string | number | boolean | string[]>;
  /** How `Date` follows the virtual clock (default: not at all; index.ts passes vitest's). */
  time?: TimeControl;
}

export interface Delivery {
  kind: 'trigger' | 'job' | 'action' | 'form';
  name: string;
  at: number;
  ok: boolean;
  error?: string;
}

export interface ActionResult {
  toasts: string[];
  /** Ids of forms the handler opened (pass one to `submitForm`). */
  forms: string[];
  effects: any[];
}

const SERVICE_NAMES: Record<string, string> = {
  'devvit.plugin.redditapi.users.Users': 'Users',
  'devvit.plugin.redditapi.subreddits.Subreddits': 'Subreddits',
  'devvit.plugin.redditapi.linksandcomments.LinksAndComments': 'LinksAndComments',
  'devvit.plugin.redditapi.moderation.Moderation': 'Moderation',
  'devvit.plugin.redditapi.listings.Listings': 'Listings',
  'devvit.plugin.redditapi.flair.Flair': 'Flair',
  'devvit.plugin.redditapi.modnote.ModNote': 'ModNote',
  'devvit.plugin.redditapi.newmodmail.NewModmail': 'NewModmail',
  'devvit.plugin.redditapi.privatemessages.PrivateMessages': 'PrivateMessages',
  'devvit.plugin.redditapi.wiki.Wiki': 'Wiki',
  'devvit.plugin.redis.RedisAPI': 'redis',
  'devvit.plugin.scheduler.Scheduler': 'scheduler',
  'devvit.plugin.settings.v1alpha.Settings': 'settings',
};

/** A running harness around one fresh actor. Call `dispose()` in afterEach. */
export class Harness {
  readonly clock: VirtualClock;
  readonly reddit: FakeReddit;
  readonly calls = new CallAccounting();
  readonly scheduler: FakeScheduler;
  readonly settings: SettingsMock;
  readonly deliveries: Delivery[] = [];
  readonly events: ReturnType<typeof eventBuilders>;
  readonly redis: HarnessRedis;
  readonly appVersion: string;
  private readonly actor: Record<string, Rpc>;
  private readonly time: TimeControl;

  constructor(devvit: unknown, opts: HarnessOptions = {}) {
    this.time = opts.time ?? realTime;
    const start = (opts.start ?? new Date('2026-03-02T10:00:00Z')).getTime();
    this.time.install(start);
    this.clock = new VirtualClock(start, (ms) => this.time.set(ms));
    this.appVersion = opts.appVersion ?? '0.1.0';
    this.reddit = new FakeReddit({ subredditName: opts.subredditName, appName: opts.appName, now: () => this.clock.now() });
    this.events = eventBuilders(this.reddit);
    this.scheduler = new FakeScheduler(this.clock);
    this.settings = new SettingsMock(opts.settings ?? {});
    this.redis = createRedis();
    const m = this.reddit;
    const impls: Record<string, object> = {
      'devvit.plugin.redditapi.users.Users': usersPlugin(m),
      'devvit.plugin.redditapi.subreddits.Subreddits': subredditsPlugin(m),
      'devvit.plugin.redditapi.linksandcomments.LinksAndComments': linksAndCommentsPlugin(m),
      'devvit.plugin.redditapi.moderation.Moderation': moderationPlugin(m),
      'devvit.plugin.redditapi.listings.Listings': listingsPlugin(m),
      'devvit.plugin.redditapi.flair.Flair': flairPlugin(m),
      'devvit.plugin.redditapi.modnote.ModNote': modNotePlugin(m),
      'devvit.plugin.redditapi.newmodmail.NewModmail': newModmailPlugin(m),
      'devvit.plugin.redditapi.privatemessages.PrivateMessages': privateMessagesPlugin(m),
      'devvit.plugin.redditapi.wiki.Wiki': wikiPlugin(m),
      'devvit.plugin.redis.RedisAPI': this.redis.transactions.plugin,
      'devvit.plugin.scheduler.Scheduler': this.scheduler.plugin,
      'devvit.plugin.settings.v1alpha.Settings': this.settings.plugin,
    };
    const plugins: Record<string, unknown> = {};
    for (const [fullName, impl] of Object.entries(impls)) plugins[fullName] = instrument(SERVICE_NAMES[fullName] ?? fullName, impl, this.calls);
    const base = makeConfig({ plugins: plugins as never });
    // Devvit resolves every plugin it *might* use at construction; the ones the fake does not
    // provide (GraphQL, Listings, Widgets, media, …) resolve to a service whose every call fails
    // loudly with its name instead of a silent undefined.
    const config = {
      ...base,
      use: (def: { fullName: string }) =>
        plugins[def.fullName] ?? instrument(def.fullName.split('.').at(-1) ?? def.fullName, {}, this.calls),
      uses: (def: { fullName: string }) => def.fullName in plugins,
    };
    installGlobalConfig(config as never);
    this.actor = new (devvit as new (c: unknown) => Record<string, Rpc>)(config);
  }

  /** Request metadata as the runtime sends it; `as` is the acting user for menu items and forms. */
  metadata(as?: string): Metadata {
    const meta: Metadata = {
      [Header.Subreddit]: { values: [this.reddit.subredditId] },
      [Header.SubredditName]: { values: [this.reddit.subredditName] },
      [Header.App]: { values: [this.reddit.appName] },
      [Header.AppUser]: { values: [this.reddit.user(this.reddit.appName)?.id ?? ''] },
      [Header.Version]: { values: [this.appVersion] },
    };
    if (as) {
      const u = this.reddit.user(as);
      if (!u) throw new Error(`harness: unknown user ${as}; add it with reddit.addUser first`);
      meta[Header.User] = { values: [u.id] };
      meta[Header.Username] = { values: [u.name] };
    }
    return meta;
  }

  private async run<T>(kind: Delivery['kind'], name: string, fn: () => Promise<T>): Promise<T> {
    const d: Delivery = { kind, name, at: this.clock.now(), ok: false };
    this.deliveries.push(d);
    try {
      const r = await fn();
      d.ok = true;
      return r;
    } catch (e) {
      d.error = e instanceof Error ? e.message : String(e);
      throw e;
    }
  }

  private rpc(name: string): Rpc {
    const fn = this.actor[name];
    if (typeof fn !== 'function') throw new Error(`harness: the app does not provide ${name} (nothing registered for it in main.ts)`);
    return fn.bind(this.actor);
  }

  /** Delivers a trigger (e.g. 'PostSubmit') through `On<Trigger>`; `times` > 1 re-delivers it, as Devvit may. */
  async trigger(name: string, event: TriggerEvent, times = 1): Promise<void> {
    for (let i = 0; i < times; i++) await this.run('trigger', name, () => this.rpc(`On${name}`)(event, this.metadata()));
  }

  /** Deliveries of one trigger or job so far. */
  deliveriesOf(name: string): Delivery[] {
    return this.deliveries.filter((d) => d.name === name);
  }

  /** Runs a subreddit/post/comment menu item, found by its label, as user `as`. */
  async menuAction(label: string, opts: { as: string; postId?: string; commentId?: string }): Promise<ActionResult> {
    const list = await this.rpc('GetActions')({}, this.metadata(opts.as));
    const action = (list.actions as { actionId: string; name: string }[]).find((a) => a.name === label);
    if (!action) throw new Error(`harness: no menu item labelled '${label}'`);
    const req: Record<string, unknown> = { actionId: action.actionId, context: 0 };
    if (opts.commentId) req.comment = { id: opts.commentId.replace(/^t1_/, '') };
    if (opts.postId) req.post = { id: opts.postId.replace(/^t3_/, '') };
    if (!opts.commentId && !opts.postId) req.subreddit = { id: this.reddit.subredditId.replace(/^t5_/, '') };
    const res = await this.run('action', label, () => this.rpc('OnAction')(req, this.metadata(opts.as)));
    return toResult(res);
  }

  /**
   * Submits a form (opened earlier by a menu item for the same user) through `HandleUIEvent`.
   * `thingId` is the post/comment the opening menu item ran on, as the client sends it back.
   */
  async submitForm(formId: string, values: Record<string, FormValue>, opts: { as: string; thingId?: string; actionLabel?: string; state?: Record<string, unknown> }): Promise<ActionResult> {
    const results = encodeFormValues(values);
    const state: Record<string, unknown> = { ...(opts.state ?? {}) };
    if (opts.thingId && opts.actionLabel) {
      const list = await this.rpc('GetActions')({}, this.metadata(opts.as));
      const action = (list.actions as { actionId: string; name: string }[]).find((a) => a.name === opts.actionLabel);
      if (!action) throw new Error(`harness: no menu item labelled '${opts.actionLabel}'`);
      state.__contextAction = { actionId: action.actionId, thingId: opts.thingId };
    }
    const req = { event: { formSubmitted: { formId, results } }, state };
    const res = await this.run('form', formId, () => this.rpc('HandleUIEvent')(req, this.metadata(opts.as)));
    return toResult(res);
  }

  /** Runs a scheduled job by name now, as the scheduler would. `times` > 1 re-delivers it. */
  async runJob(name: string, data?: Record<string, unknown>, times = 1): Promise<void> {
    for (let i = 0; i < times; i++) await this.run('job', name, () => this.rpc('HandleScheduledAction')({ type: name, data }, this.metadata()));
  }

  /**
   * Runs deliveries (e.g. `() => h.trigger(…)`) at the same time, interleaved at every plugin call
   * by a scheduler seeded with `seed` (interleave.ts). Settles when all have; a delivery's failure
   * is in its result, as the runtime would retry it.
   */
  async concurrently(seed: number, deliveries: readonly (() => Promise<unknown>)[]): Promise<{ results: PromiseSettledResult<unknown>[]; steps: number; choices: number }> {
    const scheduler = new Interleaver(seededRandom(seed));
    this.calls.interleaver = scheduler;
    try {
      const results = await scheduler.run(deliveries);
      return { results, steps: scheduler.steps, choices: scheduler.choices };
    } finally {
      this.calls.interleaver = undefined;
    }
  }

  /** Delivers every job due at the current virtual time; returns the names delivered. */
  async runDueJobs(): Promise<string[]> {
    const ran: string[] = [];
    for (const job of this.scheduler.due()) {
      await this.runJob(job.name, job.data);
      this.scheduler.completed(job);
      ran.push(job.name);
    }
    return ran;
  }

  /** Advances the virtual clock and delivers the jobs that became due. */
  async advance(ms: number): Promise<string[]> {
    this.clock.advance(ms);
    return this.runDueJobs();
  }

  async getSettingsFields(): Promise<any> {
    return this.rpc('GetSettingsFields')({}, this.metadata());
  }

  /** Validates installation settings as the settings page does; returns `{ success, errors }`. */
  async validateSettings(values: Record<string, FormValue>): Promise<{ success: boolean; errors: Record<string, string> }> {
    return this.rpc('ValidateForm')({ fieldValues: encodeFormValues(values), editing: true }, this.metadata());
  }

  /** Reads a key from the app's Redis, bypassing accounting. */
  async redisGet(key: string): Promise<string | undefined> {
    const r = await this.redis.mock.plugin.Get({ key } as never);
    return (r as { value: string }).value || undefined;
  }

  async dispose(): Promise<void> {
    await this.redis.dispose();
    this.time.uninstall();
  }
}

type FormValue = string | number | boolean | string[];

/** Encodes plain values as the FormFieldValue messages the runtime sends (type ids from form_builder). */
function encodeFormValues(values: Record<string, FormValue>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    out[k] = Array.isArray(v)
      ? { fieldType: 5, selectionValue: { values: v } }
      : typeof v === 'number'
        ? { fieldType: 2, numberValue: v }
        : typeof v === 'boolean'
          ? { fieldType: 3, boolValue: v }
          : { fieldType: 0, stringValue: v };
  }
  return out;
}

function toResult(res: any): ActionResult {
  const effects: any[] = res?.effects ?? [];
  return {
    effects,
    toasts: effects.map((e) => e.showToast?.toast?.text).filter((t): t is string => typeof t === 'string'),
    forms: effects.map((e) => e.showForm?.form?.id).filter((t): t is string => typeof t === 'string'),
  };
}

