/**
 * Extension: rules that know the calendar. `event: {id: drop-week, active: true}` passes while an
 * occurrence of the event is live (start … start + duration); `before: 2h` / `after: 1d` widen the
 * window; `active: false` passes outside it. The events come from the evaluation's facts (the
 * app's events page in force); an event id the facts do not have fails the check whatever
 * `active` says, so a rule never opens something on a calendar that did not load.
 */
import { occurrenceAround, type ScheduledEvent } from '../events/index.js';
import { parseDurationMinutes } from '../sla/duration.js';
import type { PNode } from './pnode.js';
import type { EventCheck, Rule } from './schema.js';

/** The longest window before or after an event a rule may ask for. */
const MAX_WINDOW_MINUTES = 31 * 1440;

/** Builds the check from the rule's `event:` value, or reports what is wrong with it (at the value's line:col). */
export function buildEventCheck(value: PNode, at: { line: number; column: number }, fail: (node: PNode, message: string) => void): EventCheck | undefined {
  if (value.kind !== 'map') {
    fail(value, 'event: expected a mapping such as {id: drop-week, active: true} or {id: drop-week, before: 2h, after: 1d}');
    return undefined;
  }
  let id: string | undefined;
  let active = true;
  let beforeMinutes = 0;
  let afterMinutes = 0;
  let ok = true;
  for (const e of value.entries) {
    const v = e.value;
    const scalar = v.kind === 'scalar' ? v.value : undefined;
    if (e.key === 'id' && typeof scalar === 'string' && /^[a-z0-9][a-z0-9-]{0,39}$/.test(scalar)) id = scalar;
    else if (e.key === 'active' && typeof scalar === 'boolean') active = scalar;
    else if (e.key === 'before' || e.key === 'after') {
      const m = typeof scalar === 'string' || typeof scalar === 'number' ? parseDurationMinutes(scalar) : undefined;
      if (m === undefined || m < 0 || m > MAX_WINDOW_MINUTES) {
        fail(v, `event: ${e.key} must be a duration up to 31 days (e.g. 2h, 1d)`);
        ok = false;
      } else if (e.key === 'before') beforeMinutes = m;
      else afterMinutes = m;
    } else {
      const known = ['id', 'active', 'before', 'after'].includes(e.key);
      fail(v, known ? `event: ${e.key} ${e.key === 'id' ? 'must be an event id of the events page (lower-case letters, digits, dashes)' : 'must be true or false'}` : `event: unknown key '${e.key}' (id, active, before, after)`);
      ok = false;
    }
  }
  if (id === undefined && ok) {
    fail(value, 'event: needs the id of an event on the events page');
    return undefined;
  }
  if (!ok || id === undefined) return undefined;
  return { kind: 'event', key: 'event', id, active, beforeMinutes, afterMinutes, line: at.line, column: at.column };
}

/** Evaluates the check at `nowMs` against the events in force; the detail says why, for explain. */
export function evaluateEventCheck(check: EventCheck, nowMs: number | undefined, events: ReadonlyMap<string, ScheduledEvent> | undefined): { passed: boolean; detail: string } {
  const event = events?.get(check.id);
  if (!event) return { passed: false, detail: `event ${check.id} is not on the events page in force` };
  if (nowMs === undefined) return { passed: false, detail: "no evaluation time (give facts.now or the item's created time)" };
  const o = occurrenceAround(event, nowMs, { beforeMinutes: check.beforeMinutes, afterMinutes: check.afterMinutes });
  const window = check.beforeMinutes > 0 || check.afterMinutes > 0 ? ` (window ${check.beforeMinutes} min before, ${check.afterMinutes} min after)` : '';
  const live = o !== undefined;
  return { passed: live === check.active, detail: live ? `${check.id} occurrence ${o.local} ${event.timeZone} is on${window}` : `no occurrence of ${check.id} is on now${window}` };
}

/** The `event:` checks of parsed rules (rule level only), for `rules check --events` and the app's loading decision. */
export function eventChecksOf(rules: readonly Pick<Rule, 'condition' | 'index'>[]): (EventCheck & { ruleIndex: number })[] {
  return rules.flatMap((r) => r.condition.checks.filter((c): c is EventCheck => c.kind === 'event').map((c) => ({ ...c, ruleIndex: r.index })));
}
