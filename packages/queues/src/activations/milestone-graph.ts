import type { InputProblem } from '../readers/problems.js';
import { DEFAULT_AFTER, MILESTONES, type Milestone } from './milestones.js';
import type { Activation } from './tracker.js';

/** An activation's milestones with their predecessors, in an order where each comes after its predecessors. */
export interface MilestoneGraph {
  after: Map<Milestone, Milestone[]>;
  order: Milestone[];
}

/**
 * The predecessors of each milestone of `a`: those written with `after:`, else the default chain, skipping
 * milestones the activation does not have (no `artists_assigned`: `assets_submitted` follows `brief`).
 * A predecessor the activation lacks, or a cycle, is an error at the milestone's line; the graph is then undefined.
 */
export function milestoneGraph(a: Activation): { graph?: MilestoneGraph; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const after = new Map<Milestone, Milestone[]>();
  const present = (m: Milestone) => a.milestones.has(m);
  const defaultAfter = (m: Milestone): Milestone[] => {
    const out = new Set<Milestone>();
    const walk = (p: Milestone): void => {
      if (present(p)) out.add(p);
      else for (const q of DEFAULT_AFTER[p]) walk(q);
    };
    for (const p of DEFAULT_AFTER[m]) walk(p);
    return [...out];
  };
  for (const m of MILESTONES) {
    const plan = a.milestones.get(m);
    if (!plan) continue;
    if (plan.after === undefined) {
      after.set(m, defaultAfter(m));
      continue;
    }
    for (const p of plan.after) {
      if (p === m) problems.push(problem(a, m, `milestone ${m} cannot come after itself`));
      else if (!present(p)) problems.push(problem(a, m, `milestone ${m} comes after ${p}, which activation ${a.id} does not have`));
    }
    after.set(m, [...new Set(plan.after)]);
  }
  if (!present('launch')) problems.push({ ...a.at, field: 'milestones.launch', severity: 'error', message: `activation ${a.id} has no launch milestone: there is nothing to plan towards (it is not planned until one is added)` });
  if (problems.length > 0) return { problems };
  // Depth-first topological order; a grey node met again closes a cycle.
  const state = new Map<Milestone, 'grey' | 'black'>();
  const order: Milestone[] = [];
  const stack: Milestone[] = [];
  let cycle: Milestone[] | undefined;
  const visit = (m: Milestone): void => {
    if (cycle || state.get(m) === 'black') return;
    if (state.get(m) === 'grey') {
      cycle = [...stack.slice(stack.indexOf(m)), m];
      return;
    }
    state.set(m, 'grey');
    stack.push(m);
    for (const p of after.get(m) ?? []) visit(p);
    stack.pop();
    state.set(m, 'black');
    order.push(m);
  };
  for (const m of after.keys()) visit(m);
  if (cycle) {
    const first = cycle[0] as Milestone;
    return { problems: [problem(a, first, `the milestones of ${a.id} form a cycle: ${[...cycle].reverse().join(' → ')} (each must come after the one before it); it is not planned until the cycle is broken`)] };
  }
  return { graph: { after, order }, problems };
}

function problem(a: Activation, m: Milestone, message: string): InputProblem {
  const at = a.milestones.get(m)?.at ?? a.at;
  return { ...at, field: `milestones.${m}.after`, severity: 'error', message };
}
