import { didYouMean } from '@creator-desk/core';
import type { InputProblem } from '../readers/problems.js';
import { readTable } from '../readers/table.js';
import { validateRow } from '../readers/validate-rows.js';
import { DEFAULT_OWNERS, MILESTONES, isMilestone, type Milestone } from './milestones.js';
import type { TrackerRead } from './read-yaml-tracker.js';
import { TRACKER_COLUMNS, milestoneRowSchema, type Activation } from './tracker.js';

/**
 * Reads a CSV activation tracker, one row per milestone (`activation_id, brand, activation, milestone,
 * owner, due, done, after, blocker`; `after` lists milestones separated by `;` or spaces). Rows of one
 * activation are grouped by id; an activation with a bad row is reported and not planned.
 */
export function readCsvTracker(text: string, file: string): TrackerRead {
  const problems: InputProblem[] = [];
  const byId = new Map<string, Activation>();
  const broken = new Set<string>();
  let records = 0;
  const rowError = (row: number, line: number | undefined, field: string, message: string): void => {
    problems.push({ file, row, ...(line !== undefined ? { line } : {}), field, severity: 'error', message });
  };
  readTable(
    text,
    file,
    'csv',
    [],
    (raw, rowProblems) => {
      records++;
      const item = validateRow(raw, milestoneRowSchema, file, rowProblems);
      if (!item) {
        const id = raw.data['activation_id'];
        if (typeof id === 'string' && id !== '') broken.add(id);
        return undefined;
      }
      const where = { file, row: item.source.row, ...(item.source.line !== undefined ? { line: item.source.line } : {}) };
      const note = ` (activation ${item.activation_id} is not planned until this is fixed)`;
      if (!isMilestone(item.milestone)) {
        rowError(where.row, where.line, 'milestone', `unknown milestone '${item.milestone}'${didYouMean(item.milestone, MILESTONES)} (milestones are ${MILESTONES.join(', ')})${note}`);
        broken.add(item.activation_id);
        return undefined;
      }
      const after: Milestone[] = [];
      for (const name of item.after?.split(/[;,\s]+/).filter((s) => s !== '') ?? []) {
        if (isMilestone(name)) after.push(name);
        else {
          rowError(where.row, where.line, 'after', `unknown milestone '${name}'${didYouMean(name, MILESTONES)}${note}`);
          broken.add(item.activation_id);
        }
      }
      let a = byId.get(item.activation_id);
      if (!a) {
        a = { id: item.activation_id, brand: item.brand, name: item.activation, blockers: [], milestones: new Map(), at: where };
        byId.set(a.id, a);
      } else if (a.brand !== item.brand || a.name !== item.activation) {
        problems.push({ ...where, field: 'brand', severity: 'warning', message: `activation ${a.id} is "${a.brand}: ${a.name}" on ${a.at.file} row ${a.at.row ?? '?'}; this row says "${item.brand}: ${item.activation}" (the first row is used)` });
      }
      if (a.milestones.has(item.milestone)) {
        rowError(where.row, where.line, 'milestone', `milestone ${item.milestone} of ${a.id} is already on row ${a.milestones.get(item.milestone)?.at.row ?? '?'}${note}`);
        broken.add(a.id);
        return undefined;
      }
      a.milestones.set(item.milestone, {
        name: item.milestone,
        due: item.due,
        ...(item.done !== undefined ? { done: item.done } : {}),
        owner: item.owner ?? DEFAULT_OWNERS[item.milestone],
        ...(item.after !== undefined ? { after } : {}),
        ...(item.blocker !== undefined ? { blocker: item.blocker } : {}),
        at: where,
      });
      return undefined;
    },
    TRACKER_COLUMNS,
  ).problems.forEach((p) => problems.push(p));
  problems.sort((x, y) => (x.row ?? 0) - (y.row ?? 0));
  return { activations: [...byId.values()].filter((a) => !broken.has(a.id)), problems, records };
}
