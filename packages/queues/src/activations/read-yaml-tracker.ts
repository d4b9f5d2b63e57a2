import { didYouMean } from '@creator-desk/core';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import type { InputProblem } from '../readers/problems.js';
import { DEFAULT_OWNERS, MILESTONES, isMilestone, type Milestone } from './milestones.js';
import { activationInputSchema, milestoneInputSchema, type Activation, type MilestonePlan } from './tracker.js';
import { yamlLineOf, type YamlLineOf } from './yaml-lines.js';

const pageSchema = z.strictObject({ activations: z.array(z.unknown()).max(1000).nullable().default([]) });

/** What a tracker file held: its activations and every problem, at its line. */
export interface TrackerRead {
  activations: Activation[];
  problems: InputProblem[];
  /** Entries read (valid or not), for the report's inputs. */
  records: number;
}

/**
 * Reads a YAML activation tracker (`activations:` a list). Each activation is validated on its own, so
 * one bad entry is reported at its line and the others are still read; an activation with an error is
 * not planned (its problem says so).
 */
export function readYamlTracker(text: string, file: string): TrackerRead {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const out: TrackerRead = { activations: [], problems: [], records: 0 };
  for (const e of doc.errors) out.problems.push({ file, line: lineCounter.linePos(e.pos[0]).line, severity: 'error', message: e.message.split('\n')[0] ?? e.message });
  if (doc.errors.length > 0) return out;
  const lineOf = yamlLineOf(doc, lineCounter);
  const top = pageSchema.safeParse(doc.toJS() ?? {});
  if (!top.success) {
    for (const i of top.error.issues) out.problems.push(at(file, lineOf(i.path as (string | number)[]), i.path.join('.') || undefined, i.code === 'unrecognized_keys' ? `unknown key(s) ${i.keys.join(', ')}: the tracker is \`activations:\`, a list of activations` : i.message));
    return out;
  }
  for (const [index, raw] of (top.data.activations ?? []).entries()) {
    out.records++;
    const activation = readActivation(raw, ['activations', index], file, lineOf, out.problems);
    if (activation) out.activations.push(activation);
  }
  return out;
}

function at(file: string, line: number | undefined, field: string | undefined, message: string): InputProblem {
  return { file, ...(line !== undefined ? { line } : {}), ...(field !== undefined ? { field } : {}), severity: 'error', message };
}

function readActivation(raw: unknown, path: (string | number)[], file: string, lineOf: YamlLineOf, problems: InputProblem[]): Activation | undefined {
  const parsed = activationInputSchema.safeParse(raw);
  const idText = raw !== null && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : `#${Number(path[1]) + 1}`;
  const note = ` (activation ${idText} is not planned until this is fixed)`;
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      const p = [...path, ...(i.path as (string | number)[])];
      const unknown = i.code === 'unrecognized_keys' ? i.keys[0] : undefined;
      const msg = unknown !== undefined ? `unknown key '${unknown}'${didYouMean(unknown, Object.keys(activationInputSchema.shape))}` : i.message;
      problems.push(at(file, unknown !== undefined ? lineOf([...p, unknown], true) : lineOf(p), p.slice(2).join('.') || undefined, msg + note));
    }
    return undefined;
  }
  const a = parsed.data;
  const milestones = new Map<Milestone, MilestonePlan>();
  let ok = true;
  for (const [key, value] of Object.entries(a.milestones)) {
    const mp = [...path, 'milestones', key];
    if (!isMilestone(key)) {
      problems.push(at(file, lineOf(mp, true), `milestones.${key}`, `unknown milestone '${key}'${didYouMean(key, MILESTONES)} (milestones are ${MILESTONES.join(', ')})${note}`));
      ok = false;
      continue;
    }
    const m = milestoneInputSchema.safeParse(value);
    if (!m.success) {
      for (const i of m.error.issues) {
        const unknown = i.code === 'unrecognized_keys' ? i.keys[0] : undefined;
        const ip = [...mp, ...(i.path as (string | number)[])];
        const missing = i.code === 'invalid_type' && i.path.length === 1 && value !== null && typeof value === 'object' && !((i.path[0] as string) in value);
        const msg = unknown !== undefined ? `unknown key '${unknown}'${didYouMean(unknown, Object.keys(milestoneInputSchema.shape))}` : missing ? `${String(i.path[0])} is required` : i.message;
        problems.push(at(file, unknown !== undefined ? lineOf([...ip, unknown], true) : lineOf(ip), ip.slice(2).join('.'), msg + note));
      }
      ok = false;
      continue;
    }
    const after: Milestone[] = [];
    for (const [j, name] of (m.data.after ?? []).entries()) {
      if (isMilestone(name)) after.push(name);
      else {
        problems.push(at(file, lineOf([...mp, 'after', j]), `milestones.${key}.after`, `unknown milestone '${name}'${didYouMean(name, MILESTONES)}${note}`));
        ok = false;
      }
    }
    milestones.set(key, {
      name: key,
      due: m.data.due,
      ...(m.data.done !== undefined ? { done: m.data.done } : {}),
      owner: m.data.owner ?? DEFAULT_OWNERS[key],
      ...(m.data.after !== undefined ? { after } : {}),
      ...(m.data.blocker !== undefined ? { blocker: m.data.blocker } : {}),
      at: { file, ...lineField(lineOf(m.data.after !== undefined ? [...mp, 'after'] : mp, m.data.after === undefined)) },
    });
  }
  if (!ok) return undefined;
  return {
    id: a.id,
    brand: a.brand,
    name: a.name,
    blockers: a.blockers,
    ...(a.announcement ? { announcement: a.announcement } : {}),
    milestones,
    at: { file, ...lineField(lineOf([...path, 'id'])) },
  };
}

function lineField(line: number | undefined): { line?: number } {
  return line === undefined ? {} : { line };
}
