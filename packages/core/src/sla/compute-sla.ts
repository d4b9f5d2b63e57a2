import { compileCalendar, type CompiledCalendar } from '../calendar/compiled-calendar.js';
import { MINUTE, checkCalendarRange, instantMs } from '../calendar/local-day.js';
import type { ConditionTest } from './condition.js';
import type { CompiledSlaMetric, CompiledSlaPolicy, SlaPolicySet, SlaTarget } from './policy-set.js';
import type { StatusChange } from './schema.js';

/** State of one SLA metric at `now`. */
export type SlaState = 'active' | 'paused' | 'achieved' | 'breached';

/** The clock of one metric of the matching policy. */
export interface SlaMetricResult {
  metric: string;
  state: SlaState;
  /** When the clock (of the latest instance, for repeating metrics) started. */
  startedAt: Date;
  /** When the stop condition was met (achieved, or breached late); undefined while open. */
  stoppedAt?: Date;
  /** Instant of the warning; set while the clock runs (may be past: the item is in its warning window). */
  warnAt?: Date;
  /** Instant the target is (active: will be) missed; undefined while paused and for achieved targets. */
  breachAt?: Date;
  /** Target minus counted time, in the target's minutes (working minutes for business targets); < 0 once breached. */
  remainingMinutes: number;
  /** Counted time so far (up to `now`, or to `stoppedAt`). */
  elapsedMinutes: number;
  targetMinutes: number;
  hours: 'business' | 'calendar';
  /** True when the warning instant has passed and the metric is still open. */
  warning: boolean;
}

/** The SLA of an item: the matching policy, its most pressing metric's figures, and every metric. */
export interface SlaResult extends SlaMetricResult {
  policy: string;
  policyIndex: number;
  metrics: SlaMetricResult[];
}

/**
 * The SLA clock of one item at `now`, exact to the millisecond. Undefined when no policy matches or the
 * matching policy has no target for the item's priority (nor a `default` one) or no metric has started.
 *
 * Model (after Zendesk SLA policies):
 * - Policies are tried in order against the item as it is now; the first whose `when` matches applies
 *   (like Zendesk, which re-evaluates on every update and recalculates from the ticket's history).
 * - Each metric's clock starts at the first status change matching `start_when` (default: the first entry
 *   of the history, i.e. creation) and stops at the first later (or same) change matching `stop_when` —
 *   Zendesk's metrics stop on agent comments; ours on status changes, so "first reply" is "first entered a
 *   reply status". Conditions are the rule language's checks, evaluated on the item with `status` set to
 *   the status of that point in history.
 * - Time in a status matching `pause_when` does not count (Zendesk: pending / on-hold).
 * - Targets are per priority (`priority` field, lower-cased; `default` for others) and count business
 *   time of the policy's calendar or plain elapsed time.
 * - Achieved when stopped with counted time ≤ target (meeting the target at the deadline instant counts as
 *   achieved); breached when stopped later, or when still open and counted time has reached the target.
 * - `warnAt`/`breachAt` are exact instants, where Zendesk only checks for approaching breaches hourly.
 * - `repeat: true` metrics (Zendesk's next-reply / periodic-update style) restart whenever `start_when`
 *   matches again after a stop; only the latest instance is reported (Zendesk keeps each instance).
 * - History entries after `now` are ignored; entries are ordered by time (stable for equal times).
 * - The most pressing metric is the open one with the earliest `breachAt` (breached before active before
 *   paused), else the breached one, else the latest achieved.
 */
export function computeSla(
  policySet: SlaPolicySet,
  item: Record<string, unknown>,
  history: readonly StatusChange[],
  now: Date,
): SlaResult | undefined {
  const nowMs = checkCalendarRange(instantMs(now, 'now'), 'now');
  const view: Record<string, unknown> = { ...item };
  let policy: CompiledSlaPolicy | undefined;
  for (const p of policySet.policies) {
    if (p.when(view)) {
      policy = p;
      break;
    }
  }
  if (!policy) return undefined;

  const segs = segmentsOf(item, history, nowMs);
  if (segs.statuses.length === 0) return undefined;
  const priority = typeof item.priority === 'string' || typeof item.priority === 'number' ? String(item.priority).toLowerCase() : '';
  const results: SlaMetricResult[] = [];
  for (const metric of policy.metrics) {
    const target = metric.targets.get(priority) ?? metric.targets.get('default');
    if (!target) continue;
    const r = computeMetric(metric, target, segs, view, nowMs);
    if (r) results.push(r);
  }
  const top = mostPressing(results);
  if (!top) return undefined;
  // an explicit literal with a fixed shape: spreading `top` was the hot spot of the whole clock
  return {
    policy: policy.name,
    policyIndex: policy.index,
    metric: top.metric,
    state: top.state,
    startedAt: top.startedAt,
    stoppedAt: top.stoppedAt,
    warnAt: top.warnAt,
    breachAt: top.breachAt,
    remainingMinutes: top.remainingMinutes,
    elapsedMinutes: top.elapsedMinutes,
    targetMinutes: top.targetMinutes,
    hours: top.hours,
    warning: top.warning,
    metrics: results,
  };
}

interface Segments {
  statuses: string[];
  /** starts[i]: when statuses[i] was entered. */
  starts: number[];
}

function segmentsOf(item: Record<string, unknown>, history: readonly StatusChange[], nowMs: number): Segments {
  const statuses: string[] = [];
  const starts: number[] = [];
  let sorted = true;
  for (let i = 0; i < history.length; i++) {
    const h = history[i] as StatusChange;
    const at = instantOf(h.at, `history[${i}].at`);
    if (typeof h.status !== 'string' || h.status === '') throw new TypeError(`history[${i}].status must be a non-empty string`);
    if (at > nowMs) continue;
    if (starts.length > 0 && at < (starts[starts.length - 1] as number)) sorted = false;
    statuses.push(h.status);
    starts.push(at);
  }
  if (!sorted) {
    const order = starts.map((_, i) => i).sort((x, y) => (starts[x] as number) - (starts[y] as number) || x - y);
    return { statuses: order.map((i) => statuses[i] as string), starts: order.map((i) => starts[i] as number) };
  }
  if (history.length === 0) {
    const created = item.created_at ?? item.submitted_at;
    if (!(created instanceof Date) && typeof created !== 'string') throw new TypeError('computeSla needs a status history or a created_at/submitted_at time on the item');
    const at = instantOf(created, 'created_at');
    if (at <= nowMs && typeof item.status === 'string') {
      statuses.push(item.status);
      starts.push(at);
    }
  }
  return { statuses, starts };
}

// What statusChangeSchema accepts as a string: an ISO-8601 instant with an offset. Without one, Date.parse
// would read it in the host's time zone, so the same history would give different clocks on two laptops.
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Epoch ms of a history time (a Date, or an ISO string with an offset), within the calendar range. */
function instantOf(value: unknown, what: string): number {
  let ms = Number.NaN;
  if (value instanceof Date) ms = value.getTime();
  else if (typeof value === 'string') {
    if (!ISO_WITH_OFFSET.test(value)) throw new RangeError(`${what} must be a Date or an ISO-8601 instant with an offset (Z or ±hh:mm), got ${JSON.stringify(value)}`);
    ms = Date.parse(value);
  }
  if (!Number.isFinite(ms)) throw new RangeError(`${what} is not a valid time: ${String(value)}`);
  return checkCalendarRange(ms, what);
}

interface Clock {
  measure(a: number, b: number): number;
  add(a: number, ms: number): number;
}

const elapsedClock: Clock = { measure: (a, b) => b - a, add: (a, ms) => a + ms };

const clocks = new WeakMap<SlaTarget, Clock>();

function clockOf(target: SlaTarget): Clock {
  if (target.mode === 'calendar' || !target.calendar) return elapsedClock;
  let clock = clocks.get(target);
  if (!clock) {
    const c: CompiledCalendar = compileCalendar(target.calendar);
    clock = { measure: (a, b) => c.workingMsBetween(a, b), add: (a, ms) => (ms <= 0 ? a : c.addWorkingMs(a, ms)) };
    clocks.set(target, clock);
  }
  return clock;
}

function test(cond: ConditionTest | undefined, view: Record<string, unknown>, status: string): boolean {
  if (!cond) return false;
  view.status = status;
  return cond(view);
}

function computeMetric(
  metric: CompiledSlaMetric,
  target: SlaTarget,
  segs: Segments,
  view: Record<string, unknown>,
  nowMs: number,
): SlaMetricResult | undefined {
  const { statuses, starts } = segs;
  const n = statuses.length;
  // Find the (latest) instance: [first, stop) with stop = index of the stopping change, or n when open.
  let first = -1;
  let stop = n;
  for (let i = 0; i < n; i++) {
    const status = statuses[i] as string;
    if (first < 0 || stop < n) {
      // idle: no instance running (only repeating metrics get here after a stop)
      const startsHere = metric.start ? test(metric.start, view, status) : first < 0 && i === 0;
      if (!startsHere) continue;
      first = i;
      stop = n;
    }
    if (test(metric.stop, view, status)) {
      stop = i;
      if (!metric.repeat) break;
    }
  }
  if (first < 0) return undefined;

  const clock = clockOf(target);
  // Whole milliseconds: 4.1 h is 245.99999999999997 minutes in binary floating point, and a target met at
  // its deadline must count as met (targets are rounded when compiled; this keeps hand-built ones exact).
  const targetMs = Math.round(target.minutes * MINUTE);
  const warnMs = target.warnBeforeMinutes === undefined ? undefined : Math.max(0, targetMs - Math.round(target.warnBeforeMinutes * MINUTE));
  const stoppedAt = stop < n ? (starts[stop] as number) : undefined;
  const end = stoppedAt ?? nowMs;
  let elapsed = 0;
  let breachAt: number | undefined;
  // a warning lead as long as the target warns from the moment the clock starts
  let warnAt: number | undefined = warnMs === 0 ? (starts[first] as number) : undefined;
  let pausedNow = false;
  const last = stop < n ? stop - 1 : n - 1;
  for (let k = first; k <= last; k++) {
    const a = starts[k] as number;
    const open = k === n - 1 && stop === n; // the current status: project beyond now
    const b = k + 1 < n ? (starts[k + 1] as number) : end;
    const paused = test(metric.pause, view, statuses[k] as string);
    if (open) pausedNow = paused;
    if (paused) continue;
    const segMs = open ? Number.POSITIVE_INFINITY : clock.measure(a, b);
    if (warnMs !== undefined && warnAt === undefined && elapsed + segMs >= warnMs) warnAt = clock.add(a, warnMs - elapsed);
    if (breachAt === undefined && elapsed + segMs >= targetMs) breachAt = clock.add(a, targetMs - elapsed);
    elapsed += open ? clock.measure(a, b) : segMs;
  }
  if (first === stop) {
    // stopped at the very change that started it: nothing counted
    warnAt = undefined;
    breachAt = undefined;
  }

  let state: SlaState;
  if (stoppedAt !== undefined) state = elapsed <= targetMs ? 'achieved' : 'breached';
  else if (breachAt !== undefined && breachAt <= nowMs) state = 'breached';
  else if (pausedNow) state = 'paused';
  else state = 'active';

  const open = stoppedAt === undefined;
  const showBreach = (state === 'breached' || state === 'active') && breachAt !== undefined;
  const showWarn = state === 'active' && breachAt !== undefined && warnAt !== undefined;
  const result: SlaMetricResult = {
    metric: metric.name,
    state,
    startedAt: new Date(starts[first] as number),
    stoppedAt: open ? undefined : new Date(stoppedAt),
    warnAt: showWarn ? new Date(warnAt as number) : undefined,
    breachAt: showBreach ? new Date(breachAt as number) : undefined,
    remainingMinutes: (targetMs - elapsed) / MINUTE,
    elapsedMinutes: elapsed / MINUTE,
    targetMinutes: target.minutes,
    hours: target.mode,
    warning: showWarn && (warnAt as number) <= nowMs,
  };
  return result;
}

const rank: Record<SlaState, number> = { breached: 0, active: 1, paused: 2, achieved: 3 };

function mostPressing(results: SlaMetricResult[]): SlaMetricResult | undefined {
  let best: SlaMetricResult | undefined;
  for (const r of results) {
    if (!best) {
      best = r;
      continue;
    }
    const rOpen = r.stoppedAt === undefined;
    const bOpen = best.stoppedAt === undefined;
    if (rOpen !== bOpen) {
      if (rOpen) best = r;
      continue;
    }
    if (rank[r.state] !== rank[best.state]) {
      if (rank[r.state] < rank[best.state]) best = r;
      continue;
    }
    const rb = r.breachAt?.getTime() ?? Number.POSITIVE_INFINITY;
    const bb = best.breachAt?.getTime() ?? Number.POSITIVE_INFINITY;
    if (rb < bb || (rb === bb && !rOpen && (r.stoppedAt?.getTime() ?? 0) > (best.stoppedAt?.getTime() ?? 0))) best = r;
  }
  return best;
}
