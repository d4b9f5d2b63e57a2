import { calendarDateOf } from '@creator-desk/core';
import type { InputProblem } from '../readers/problems.js';
import { activationCalendar } from './business-days.js';
import { milestoneGraph } from './milestone-graph.js';
import { planActivation, type ActivationPlan } from './plan-activation.js';
import type { TrackerRead } from './read-yaml-tracker.js';
import { minBusinessDays, type ActivationSettings } from './settings.js';

/** The activations of every tracker read, planned from `now`, by launch date. */
export interface ActivationsPlanned {
  today: string;
  plans: ActivationPlan[];
  problems: InputProblem[];
}

/**
 * Checks each activation's milestone graph and plans it from today (the date of `now` in the settings'
 * zone). An id used twice is an error at the second one (it is not planned: the first one is).
 */
export function planTrackers(reads: readonly TrackerRead[], settings: ActivationSettings, now: Date): ActivationsPlanned {
  const today = calendarDateOf(now, settings.time_zone);
  const problems: InputProblem[] = [];
  const activations = reads.flatMap((r) => r.activations);
  let lo = Number(today.slice(0, 4));
  let hi = lo;
  for (const a of activations) {
    for (const m of a.milestones.values()) {
      for (const d of [m.due, m.done]) {
        if (d === undefined) continue;
        const y = Number(d.slice(0, 4));
        lo = Math.min(lo, y);
        hi = Math.max(hi, y);
      }
    }
  }
  const cal = activationCalendar(settings, [lo, hi]);
  const minDays = minBusinessDays(settings);
  const seen = new Map<string, string>();
  const plans: ActivationPlan[] = [];
  for (const a of activations) {
    const where = `${a.at.file}${a.at.line !== undefined ? `:${a.at.line}` : ''}${a.at.row !== undefined ? ` row ${a.at.row}` : ''}`;
    const first = seen.get(a.id);
    if (first !== undefined) {
      problems.push({ ...a.at, field: 'id', severity: 'error', message: `activation id ${a.id} is already used at ${first}; this one is not planned (ids must be unique: they name the exported event)` });
      continue;
    }
    seen.set(a.id, where);
    const g = milestoneGraph(a);
    problems.push(...g.problems);
    for (const m of a.milestones.values()) {
      if (m.done !== undefined && m.done > today) problems.push({ ...m.at, field: `milestones.${m.name}.done`, severity: 'warning', message: `${a.id}: ${m.name} is marked done on ${m.done}, after today (${today}); it is planned as done` });
    }
    if (!g.graph) continue;
    try {
      plans.push(planActivation(a, g.graph, cal, today, minDays));
    } catch (err) {
      // Only a calendar with no business day left (holidays covering years) gets here.
      problems.push({ ...a.at, severity: 'error', message: `activation ${a.id} cannot be planned: ${err instanceof Error ? err.message : String(err)} (check the activations holidays)` });
    }
  }
  plans.sort((x, y) => (x.launchDue < y.launchDue ? -1 : x.launchDue > y.launchDue ? 1 : x.activation.id < y.activation.id ? -1 : 1));
  return { today, plans, problems };
}
