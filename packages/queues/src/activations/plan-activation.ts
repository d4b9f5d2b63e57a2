import type { BusinessCalendar } from '@creator-desk/core';
import { addBusinessDates, businessDaysBetween } from './business-days.js';
import type { MilestoneGraph } from './milestone-graph.js';
import type { Milestone, OwnerTeam } from './milestones.js';
import type { Activation } from './tracker.js';

/** done: finished; overdue: past due and not done; at-risk: not enough business days left for the step; ok. */
export type MilestoneRisk = 'done' | 'overdue' | 'at-risk' | 'ok';

/** One milestone, projected. Dates are calendar dates; day counts are business days. */
export interface MilestoneStatus {
  name: Milestone;
  owner: OwnerTeam;
  due: string;
  done?: string;
  blocker?: string;
  after: Milestone[];
  /** Business days the step needs after its predecessors. */
  min: number;
  /** When the step can start: its predecessors' (projected) finish, and not before today. Absent when done. */
  start?: string;
  /** The done date, or the earliest the step can be done. */
  finish: string;
  /** Business days from `start` to the due date (undone steps only). */
  left?: number;
  /** Business days from `finish` to the due date; negative = late (or finished late). */
  slack: number;
  risk: MilestoneRisk;
  /** For an overdue step: business days past its due date. */
  overdueBy?: number;
  /** For an open step: business days from today to its due date (negative when past). */
  dueIn?: number;
}

/** An activation, projected from today. */
export interface ActivationPlan {
  activation: Activation;
  milestones: MilestoneStatus[];
  /** The step to act on: the open step whose predecessors are done, earliest due first (else the earliest open one). */
  next?: MilestoneStatus;
  /** The chain of milestones that decides when launch can happen, first to launch. */
  criticalPath: Milestone[];
  /** Business days between launch's earliest finish and its due date (negative: launch will slip). */
  launchSlack: number;
  launchDue: string;
  /** The worst risk of any open milestone ('done' when all are done). */
  risk: MilestoneRisk;
}

const RANK: Record<MilestoneRisk, number> = { done: 0, ok: 1, 'at-risk': 2, overdue: 3 };

/**
 * Projects an activation from `today` over its milestone graph (a forward pass of the critical-path
 * method in business days): an open step starts when its last predecessor finishes (not before today)
 * and needs `min` business days; it is at risk when fewer business days than that are left before its due
 * date, overdue when its due date has passed. The critical path is the chain of latest-finishing
 * predecessors back from launch.
 */
export function planActivation(a: Activation, graph: MilestoneGraph, cal: BusinessCalendar, today: string, minDays: Readonly<Record<Milestone, number>>): ActivationPlan {
  const status = new Map<Milestone, MilestoneStatus>();
  for (const name of graph.order) {
    const m = a.milestones.get(name);
    if (!m) continue;
    const after = graph.after.get(name) ?? [];
    const min = minDays[name];
    const base = { name, owner: m.owner, due: m.due, after, min, ...(m.blocker !== undefined ? { blocker: m.blocker } : {}) };
    if (m.done !== undefined) {
      status.set(name, { ...base, done: m.done, finish: m.done, slack: businessDaysBetween(cal, m.done, m.due), risk: 'done' });
      continue;
    }
    let start = today;
    for (const p of after) {
      const f = status.get(p)?.finish;
      if (f !== undefined && f > start) start = f;
    }
    const finish = addBusinessDates(cal, start, min);
    const left = businessDaysBetween(cal, start, m.due);
    const overdue = m.due < today;
    status.set(name, {
      ...base,
      start,
      finish,
      left,
      slack: businessDaysBetween(cal, finish, m.due),
      risk: overdue ? 'overdue' : left < min ? 'at-risk' : 'ok',
      dueIn: businessDaysBetween(cal, today, m.due),
      ...(overdue ? { overdueBy: businessDaysBetween(cal, m.due, today) } : {}),
    });
  }
  const milestones = [...status.values()];
  const open = milestones.filter((s) => s.risk !== 'done');
  const byDue = (x: MilestoneStatus, y: MilestoneStatus) => (x.due < y.due ? -1 : x.due > y.due ? 1 : 0);
  const ready = open.filter((s) => s.after.every((p) => status.get(p)?.risk === 'done')).sort(byDue);
  const next = ready[0] ?? [...open].sort(byDue)[0];
  const launch = status.get('launch') as MilestoneStatus;
  return {
    activation: a,
    milestones,
    ...(next ? { next } : {}),
    criticalPath: criticalPath(status, 'launch'),
    launchSlack: launch.slack,
    launchDue: launch.due,
    risk: open.reduce<MilestoneRisk>((worst, s) => (RANK[s.risk] > RANK[worst] ? s.risk : worst), open.length === 0 ? 'done' : 'ok'),
  };
}

/** The chain back from `to` through the predecessor that finishes last (ties: the one with less slack). */
function criticalPath(status: ReadonlyMap<Milestone, MilestoneStatus>, to: Milestone): Milestone[] {
  const path: Milestone[] = [];
  let cur: MilestoneStatus | undefined = status.get(to);
  while (cur) {
    path.push(cur.name);
    let best: MilestoneStatus | undefined;
    for (const p of cur.after) {
      const s = status.get(p);
      if (s && (!best || s.finish > best.finish || (s.finish === best.finish && s.slack < best.slack))) best = s;
    }
    cur = best;
  }
  return path.reverse();
}
