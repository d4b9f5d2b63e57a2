import { z } from 'zod';
import type { InputProblem } from '../readers/problems.js';
import { readYaml } from '../readers/yaml-document.js';
import type { Section } from './section.js';

/**
 * A queue that joins `creator-desk report` beside the built-in review and staging queues (takedowns,
 * support tickets, help articles …): it names the files of the report directory it reads and the key of
 * `creator-desk.yaml` it is configured by, and turns them into sections, a JSON part and problems.
 * Each module reads its own files, so adding one touches only the registry (`queue-modules.ts`).
 */
export interface QueueModule {
  /** The module's name: its key under `queues` in the JSON report. */
  name: string;
  /** The file names in the report directory this module reads (they are then not "ignored"). */
  files: RegExp;
  /**
   * Subdirectories of the report directory that hold only this module's files (a folder of exported
   * pages): the files of such a folder whose names match `files` are read, as `folder/name`.
   */
  dirs?: { name: RegExp; files: RegExp };
  /** Its key in `creator-desk.yaml`, when it has settings (validated by the module, not by the core settings). */
  settingsKey?: string;
  /** Reads the files and computes the module's part of the report; pure apart from reading `ctx.files`. */
  build(ctx: QueueModuleContext): QueueModuleReport;
}

/** A file of the report directory, as the module is given it. */
export interface QueueModuleFile {
  name: string;
  path: string;
}

/** What a module is given. */
export interface QueueModuleContext {
  dir: string;
  /** The directory's files whose names match the module's `files`, sorted by name. */
  files: QueueModuleFile[];
  /** `creator-desk.yaml`'s text and path, when the directory has one (read its key with `readModuleSettings`). */
  settings?: { text: string; file: string };
  now: Date;
  /** The zone times are shown in. */
  timeZone: string;
}

/** A module's part of the report. */
export interface QueueModuleReport {
  name: string;
  /** Its sections, at most `limit` rows each (the JSON part has everything). */
  sections(limit: number): Section[];
  /** Under `queues.<name>` in the JSON report. */
  json: unknown;
  /** Phrases for the report's summary line (`2 takedown deadlines overdue`). */
  headline: string[];
  /** Bad rows and settings (file, row or line, what was expected); errors make the report exit 1. */
  problems: InputProblem[];
  notes: string[];
  /** What was read from each file. */
  inputs: { file: string; kind: string; records: number }[];
}

/**
 * A module's key of `creator-desk.yaml` validated by `schema`, problems at their YAML line; the schema's
 * default when the key or the file is absent. `ok` is false when the key had errors: nothing that
 * depends on the settings may then be acted on.
 */
export function readModuleSettings<S extends z.ZodType>(ctx: QueueModuleContext, key: string, schema: S): { value: z.output<S>; problems: InputProblem[]; ok: boolean } {
  const fallback = schema.parse(undefined) as z.output<S>;
  if (!ctx.settings) return { value: fallback, problems: [], ok: true };
  const read = readYaml(ctx.settings.text, ctx.settings.file, z.looseObject({ [key]: schema }));
  // A syntax error of the file is the core settings' problem (reported once, by them); only this key's are ours.
  const problems = read.problems.filter((p) => p.field === key || (p.field?.startsWith(`${key}.`) ?? false));
  const value = read.value?.[key] as z.output<S> | undefined;
  const ok = read.value !== undefined && !problems.some((p) => p.severity === 'error');
  return { value: ok && value !== undefined ? value : fallback, problems, ok };
}
