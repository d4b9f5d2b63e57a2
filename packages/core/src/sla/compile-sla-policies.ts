import { businessCalendarSchema, type BusinessCalendar } from '../calendar/schema.js';
import type { ConditionCompiler, ConditionTest, SlaDiagnostic } from './condition.js';
import { defaultConditionCompiler } from './default-condition-compiler.js';
import { parseDurationMinutes, usesCalendarUnits } from './duration.js';
import type { CompiledSlaMetric, CompiledSlaPolicy, SlaPolicySet, SlaTarget } from './policy-set.js';
import { slaPolicySchema, type HoursMode, type SlaMetricDefinition, type SlaPolicyDefinition } from './schema.js';

/** A path into the policy document, as zod and the YAML library spell it. */
export type DocPath = readonly (string | number)[];

/** Options of `compileSlaPolicies`. */
export interface CompileSlaOptions {
  source?: string;
  /** The rule language's condition compiler (defaults to core/rules' `compileCondition`). */
  compileCondition?: ConditionCompiler;
  /** Maps a document path to its 1-based line and column (parseSlaPolicies passes the YAML positions). */
  locate?: (path: DocPath) => { line: number; column: number };
}

/** Policy-set input as plain data: named calendars and ordered policies. */
export interface SlaPolicySetInput {
  calendars?: Record<string, unknown>;
  policies: readonly unknown[];
}

const always: ConditionTest = () => true;

/**
 * Validates and compiles a policy set given as data. A policy with an error is left out, and every such
 * omission is an error diagnostic naming it: callers that must not lose rules keep their last good set
 * when any error is reported.
 */
export function compileSlaPolicies(
  input: SlaPolicySetInput,
  opts: CompileSlaOptions = {},
): { policies: SlaPolicySet; diagnostics: SlaDiagnostic[] } {
  const diagnostics: SlaDiagnostic[] = [];
  const compile = opts.compileCondition ?? defaultConditionCompiler;
  const at = (path: DocPath) => opts.locate?.(path) ?? { line: 1, column: 1 };
  const report = (path: DocPath, severity: 'error' | 'warning', message: string, policyIndex?: number): void => {
    diagnostics.push({
      ...(opts.source === undefined ? {} : { source: opts.source }),
      ...at(path),
      severity,
      message: `${pathText(path)}: ${message}`,
      ...(policyIndex === undefined ? {} : { policyIndex }),
    });
  };

  const calendars: Record<string, BusinessCalendar> = {};
  const broken = new Set<string>();
  for (const [name, raw] of Object.entries(input.calendars ?? {})) {
    const r = businessCalendarSchema.safeParse(raw);
    if (!r.success) {
      broken.add(name);
      for (const issue of r.error.issues) report(['calendars', name, ...(issue.path as DocPath)], 'error', issue.message);
    } else if (Object.values(r.data.hours).every((intervals) => intervals.length === 0)) {
      // Caught here, once, rather than as a throw for every item the clock is asked about.
      broken.add(name);
      report(['calendars', name, 'hours'], 'error', "the calendar has no working hours, so no business-hours target could ever be met: give at least one interval, e.g. mon: [['09:00', '17:00']]");
    } else calendars[name] = r.data;
  }

  const policies: CompiledSlaPolicy[] = [];
  const names = new Map<string, number>();
  input.policies.forEach((raw, index) => {
    const base: DocPath = ['policies', index];
    const r = slaPolicySchema.safeParse(raw);
    if (!r.success) {
      for (const issue of r.error.issues) report([...base, ...(issue.path as DocPath)], 'error', issue.message, index);
      report(base, 'error', `policy ${policyLabel(raw, index)} is left out because of the errors above`, index);
      return;
    }
    const def = r.data;
    const before = diagnostics.filter((d) => d.severity === 'error').length;
    const compiled = compilePolicy(def, index, base, calendars, broken, compile, opts.source, report, at);
    if (diagnostics.filter((d) => d.severity === 'error').length > before) {
      report(base, 'error', `policy ${policyLabel(raw, index)} is left out because of the errors above`, index);
      return;
    }
    const seen = names.get(def.name);
    if (seen !== undefined) report([...base, 'name'], 'warning', `policy name "${def.name}" is also used by policy #${seen + 1}`, index);
    names.set(def.name, index);
    policies.push(compiled);
  });
  return { policies: { policies, calendars }, diagnostics };
}

function compilePolicy(
  def: SlaPolicyDefinition,
  index: number,
  base: DocPath,
  calendars: Record<string, BusinessCalendar>,
  broken: ReadonlySet<string>,
  compile: ConditionCompiler,
  source: string | undefined,
  report: (path: DocPath, severity: 'error' | 'warning', message: string, policyIndex?: number) => void,
  at: (path: DocPath) => { line: number; column: number },
): CompiledSlaPolicy {
  const condition = (checks: Record<string, unknown> | undefined, path: DocPath): ConditionTest | undefined => {
    if (checks === undefined) return undefined;
    const { test, diagnostics } = compile(checks, { ...(source === undefined ? {} : { source }), line: at(path).line });
    for (const d of diagnostics) report(path, d.severity, d.message, index);
    return test;
  };

  let calendar: BusinessCalendar | undefined;
  if (def.calendar !== undefined) {
    calendar = calendars[def.calendar];
    if (!calendar && broken.has(def.calendar)) {
      report([...base, 'calendar'], 'error', `calendar "${def.calendar}" has errors (see above)`, index);
    } else if (!calendar) {
      const known = Object.keys(calendars);
      report([...base, 'calendar'], 'error', `unknown calendar "${def.calendar}"${known.length ? ` (known: ${known.join(', ')})` : ''}`, index);
    }
  }

  const when = Object.keys(def.when).length === 0 ? always : (condition(def.when, [...base, 'when']) ?? always);
  const policyPause = condition(def.pause_when, [...base, 'pause_when']);

  const metrics: CompiledSlaMetric[] = Object.entries(def.metrics).map(([name, m]) => {
    const mPath: DocPath = [...base, 'metrics', name];
    const targets = new Map<string, SlaTarget>();
    for (const [priority, t] of Object.entries(m.targets)) {
      const target = resolveTarget(def, m, t, calendar, def.calendar !== undefined, [...mPath, 'targets', priority], (p, s, msg) =>
        report(p, s, msg, index),
      );
      if (target) targets.set(priority.toLowerCase(), target);
    }
    return {
      name,
      start: condition(m.start_when, [...mPath, 'start_when']),
      stop: condition(m.stop_when, [...mPath, 'stop_when']) ?? always,
      pause: m.pause_when === undefined ? policyPause : condition(m.pause_when, [...mPath, 'pause_when']),
      repeat: m.repeat,
      targets,
    };
  });

  return { name: def.name, index, line: at(base).line, when, metrics };
}

function resolveTarget(
  def: SlaPolicyDefinition,
  m: SlaMetricDefinition,
  t: SlaMetricDefinition['targets'][string],
  calendar: BusinessCalendar | undefined,
  calendarNamed: boolean,
  path: DocPath,
  report: (path: DocPath, severity: 'error' | 'warning', message: string) => void,
): SlaTarget | undefined {
  const spec = typeof t === 'object' ? t : { target: t };
  const mode: HoursMode = spec.hours ?? m.hours ?? def.hours ?? (calendarNamed ? 'business' : 'calendar');
  const minutes = parseDurationMinutes(spec.target) as number;
  const warnText = spec.warn_before ?? m.warn_before ?? def.warn_before;
  const warnBeforeMinutes = warnText === undefined ? undefined : parseDurationMinutes(warnText);
  if (mode === 'business') {
    if (!calendarNamed) {
      report(path, 'error', 'a business-hours target needs the policy to name a `calendar`');
      return undefined;
    }
    if (usesCalendarUnits(spec.target)) {
      report(path, 'error', `business-hours targets are written in hours and minutes ("${spec.target}" uses days or weeks, whose length depends on the calendar)`);
      return undefined;
    }
    if (!calendar) return undefined; // unknown calendar already reported
  }
  if (warnBeforeMinutes !== undefined && warnBeforeMinutes >= minutes) {
    report(path, 'warning', `warn_before (${warnBeforeMinutes} min) is not shorter than the target (${minutes} min): the warning starts with the clock`);
  }
  return { minutes, warnBeforeMinutes, mode, calendar: mode === 'business' ? calendar : undefined };
}

function policyLabel(raw: unknown, index: number): string {
  const name = typeof raw === 'object' && raw !== null && 'name' in raw ? (raw as { name: unknown }).name : undefined;
  return typeof name === 'string' ? `"${name}" (#${index + 1})` : `#${index + 1}`;
}

function pathText(path: DocPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
