import { businessCalendarSchema, WEEKDAYS, type BusinessCalendar, type Weekday } from '../calendar/schema.js';
import { compileSlaPolicies } from '../sla/compile-sla-policies.js';
import { computeSla, type SlaState } from '../sla/compute-sla.js';
import { parseDurationMinutes } from '../sla/duration.js';
import type { SlaPolicySet } from '../sla/policy-set.js';

/** Parsed or a message saying what was expected. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** A first-response target per category (`default` for any other), and how long before it to warn. */
export interface FirstResponseTargets {
  /** Category (lower-case) → target in minutes; always has `default`. */
  minutes: Record<string, number>;
  warnBeforeMinutes: number;
}

/** Targets as the setting writes them: `takedown: 4h, ban-appeal: 2d, default: 8h` (business time). */
export function parseFirstResponseTargets(text: string, warnBefore: string): Parsed<FirstResponseTargets> {
  const minutes: Record<string, number> = {};
  for (const part of text.split(/[,\n]/).map((p) => p.trim()).filter(Boolean)) {
    const m = /^([a-z0-9][a-z0-9-]*)\s*:\s*(\S+)$/i.exec(part);
    const value = m ? parseDurationMinutes(m[2]!) : undefined;
    if (!m || value === undefined || value <= 0 || value > 60 * 24 * 60) {
      return { ok: false, message: `"${part}": expected CATEGORY: DURATION such as "payout: 4h" (at most 60 days)` };
    }
    minutes[m[1]!.toLowerCase()] = value;
  }
  if (minutes.default === undefined) return { ok: false, message: 'a "default: DURATION" target is needed for categories not listed' };
  const warn = parseDurationMinutes(warnBefore.trim());
  if (warn === undefined || warn < 0) return { ok: false, message: `warn before "${warnBefore}": expected a duration such as "1h"` };
  return { ok: true, value: { minutes, warnBeforeMinutes: warn } };
}

const DAY_RANGE = /^(mon|tue|wed|thu|fri|sat|sun)(?:-(mon|tue|wed|thu|fri|sat|sun))?$/;

/**
 * Business hours as the setting writes them: `mon-fri 09:00-17:00; sat 10:00-14:00`, in `timeZone`,
 * with holidays (`YYYY-MM-DD`) off.
 */
export function parseBusinessHours(text: string, timeZone: string, holidays: readonly string[] = []): Parsed<BusinessCalendar> {
  const hours: Record<Weekday, [string, string][]> = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
  for (const part of text.split(/[;\n]/).map((p) => p.trim()).filter(Boolean)) {
    const m = /^(\S+)\s+(\d\d:\d\d)-(\d\d:\d\d)$/.exec(part.toLowerCase());
    const days = m ? DAY_RANGE.exec(m[1]!) : null;
    if (!m || !days) return { ok: false, message: `"${part}": expected DAYS HH:MM-HH:MM such as "mon-fri 09:00-17:00"` };
    const from = WEEKDAYS.indexOf(days[1] as Weekday);
    const to = WEEKDAYS.indexOf((days[2] ?? days[1]) as Weekday);
    if (to < from) return { ok: false, message: `"${part}": a day range runs Monday to Sunday (write "fri-sun", not "sun-fri")` };
    for (let d = from; d <= to; d++) hours[WEEKDAYS[d]!].push([m[2]!, m[3]!]);
  }
  const parsed = businessCalendarSchema.safeParse({ timeZone, hours, holidays: [...holidays] });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid business hours'}` };
  }
  if (WEEKDAYS.every((d) => parsed.data.hours[d].length === 0)) return { ok: false, message: 'no working hours on any day' };
  return { ok: true, value: parsed.data };
}

/**
 * The first-response policy: one Zendesk-style policy whose targets are per category (the item's
 * `priority` is its category), counted in business time of `calendar`; the clock stops when the
 * conversation enters `answered`.
 */
export function firstResponsePolicy(targets: FirstResponseTargets, calendar: BusinessCalendar): SlaPolicySet {
  const { policies, diagnostics } = compileSlaPolicies({
    calendars: { modmail: calendar },
    policies: [
      {
        name: 'modmail first response',
        calendar: 'modmail',
        hours: 'business',
        warn_before: `${targets.warnBeforeMinutes}m`,
        metrics: { first_response: { stop_when: { status: 'answered' }, targets: Object.fromEntries(Object.entries(targets.minutes).map(([k, v]) => [k, `${v}m`])) } },
      },
    ],
  });
  const error = diagnostics.find((d) => d.severity === 'error');
  if (error) throw new Error(`modmail first-response policy: ${error.message}`);
  return policies;
}

/** Where one conversation stands against its first-response target. */
export interface FirstResponseClock {
  state: SlaState;
  warnAt?: Date;
  breachAt?: Date;
  /** True once `warnAt` has passed while waiting. */
  warning: boolean;
  targetMinutes: number;
}

/**
 * The first-response clock of a conversation of `category` that started waiting at `waitingSince`
 * and was answered at `answeredAt` (if it was), at `now`: exact `warnAt` / `breachAt` from core's
 * SLA clock (weekends, nights and holidays outside the business hours do not count).
 */
export function firstResponseClock(policy: SlaPolicySet, category: string, waitingSince: Date, answeredAt: Date | undefined, now: Date): FirstResponseClock {
  const history = [{ status: 'waiting', at: waitingSince }, ...(answeredAt ? [{ status: 'answered', at: answeredAt }] : [])];
  const r = computeSla(policy, { priority: category.toLowerCase(), status: answeredAt && answeredAt <= now ? 'answered' : 'waiting' }, history, now);
  if (!r) throw new Error('modmail first-response policy matched no conversation');
  return {
    state: r.state,
    warning: r.warning,
    targetMinutes: r.targetMinutes,
    ...(r.warnAt ? { warnAt: r.warnAt } : {}),
    ...(r.breachAt ? { breachAt: r.breachAt } : {}),
  };
}
