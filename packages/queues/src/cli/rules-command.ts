/**
 * `creator-desk rules check|test|schema`: the rule language from the command line — validate a rules
 * file, run it over exported items (JSON Lines), print the JSON Schema for editors.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  backtest,
  compileRules,
  eventChecksOf,
  evaluate,
  explain,
  itemSchemaFor,
  parseEventsPage,
  parseRules,
  regexChecks,
  rulesJsonSchema,
  type Decision,
  type Diagnostic,
  type Item,
  type Rule,
  type RuleExplanation,
} from '@creator-desk/core';
import { unknownTeamDiagnostics } from '../escalations/team-check.js';
import { EXIT_INPUT_ERRORS as EXIT_ERRORS } from './exit-codes.js';

/** Where the rules commands read and write; tests pass their own. */
export interface RulesIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Reads a whole text file; throws with a readable message when it cannot. */
  readFile: (path: string) => string;
  /** Records the exit code (the caller keeps the highest). */
  exit: (code: number) => void;
}


/** Node's console and file system; the exit code goes to `process.exitCode` unless `exit` is given. */
export function nodeRulesIo(exit?: (code: number) => void): RulesIo {
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    readFile: (p) => readFileSync(p, 'utf8'),
    exit: exit ?? ((c) => {
      process.exitCode = Math.max(Number(process.exitCode ?? 0), c);
    }),
  };
}

/** `FILE:LINE:COL: severity: message`, the format editors and CI annotators understand. */
export function formatDiagnostic(d: Diagnostic, file: string): string {
  return `${d.source ?? file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`;
}

function readOrReport(io: RulesIo, path: string): string | undefined {
  try {
    return io.readFile(path);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    io.err(`${path}: error: cannot read the file (${e.code ?? e.message})\n`);
    io.exit(EXIT_ERRORS);
    return undefined;
  }
}

/** One item of an ITEMS.jsonl file, or why its line was rejected. */
export type ItemLine = { ok: true; line: number; item: Item } | { ok: false; line: number; message: string };

/** Reads JSON Lines items: blank lines and `//` comment lines are skipped; bad lines are reported, never dropped silently. */
export function readItemLines(text: string): ItemLine[] {
  const out: ItemLine[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('//')) return;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (err) {
      out.push({ ok: false, line, message: `not valid JSON (${(err as Error).message})` });
      return;
    }
    const parsed = itemSchemaFor((value as { type?: unknown } | null)?.type).safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
      out.push({ ok: false, line, message: `not an item: ${where}${issue?.message ?? 'invalid'} (each line needs at least "id" and "type")` });
      return;
    }
    out.push({ ok: true, line, item: parsed.data });
  });
  return out;
}

/** Each `event:` check must name an event of the events page (whose own errors are reported too). */
function checkEventIds(io: RulesIo, rules: Parameters<typeof eventChecksOf>[0], file: string, eventsFile: string): Diagnostic[] {
  const text = readOrReport(io, eventsFile);
  if (text === undefined) return [];
  const page = parseEventsPage(text, { source: eventsFile });
  // The events page's own problems are its file's, not a rule's.
  for (const d of page.diagnostics) io.out(`${formatDiagnostic(d, eventsFile)}\n`);
  if (page.diagnostics.some((d) => d.severity === 'error')) io.exit(EXIT_ERRORS);
  const out: Diagnostic[] = [];
  for (const c of eventChecksOf(rules)) {
    if (!page.lines.has(c.id)) out.push({ source: file, line: c.line, column: c.column, severity: 'error', message: `event: no event '${c.id}' on the events page ${eventsFile}`, ruleIndex: c.ruleIndex });
  }
  return out;
}

function ruleLabel(d: { ruleIndex: number; name?: string }): string {
  return d.name ?? `rule ${d.ruleIndex + 1}`;
}

function decisionJson(d: Decision): { rule: string; line: number; actions: Decision['actions']; skipped?: Decision['skipped'] } {
  return { rule: ruleLabel(d), line: d.line, actions: d.actions, ...(d.skipped !== undefined ? { skipped: d.skipped } : {}) };
}

function explanationJson(e: RuleExplanation): Record<string, unknown> {
  return {
    rule: ruleLabel(e),
    line: e.line,
    fired: e.fired,
    ...(e.notRun !== undefined ? { notRun: e.notRun } : {}),
    checks: e.checks.map((c) => ({ check: c.group ? `${c.group}: ${c.key}` : c.key, line: c.line, passed: c.passed, why: c.detail })),
  };
}

/** What runs each regex, as a moderator reads it. */
const ENGINE_NOTE = {
  re2js: 're2js, a linear-time engine (no text can make it slow)',
  v8: 'V8, JavaScript\'s own engine (no unbounded repetition, so a bounded walk per start position: linear time too)',
} as const;

/** The parser's diagnostics plus an error for each escalation to a team that does not exist, in line order. */
function withTeamErrors(diagnostics: readonly Diagnostic[], rules: readonly Rule[], file: string): Diagnostic[] {
  return [...diagnostics, ...unknownTeamDiagnostics(rules, file)].sort((a, b) => a.line - b.line || a.column - b.column);
}

/** `rules check FILE [--events EVENTS] [--engines]`. */
export function runRulesCheck(io: RulesIo, file: string, opts: { events?: string; engines?: boolean } = {}): void {
  const text = readOrReport(io, file);
  if (text === undefined) return;
  const parsed = parseRules(text, { source: file });
  const rules = parsed.rules;
  const diagnostics = withTeamErrors(parsed.diagnostics, rules, file);
  if (opts.events !== undefined) diagnostics.push(...checkEventIds(io, rules, file, opts.events));
  for (const d of diagnostics) io.out(`${formatDiagnostic(d, file)}\n`);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const failedRules = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.ruleIndex)).size;
  const engines = regexChecks(rules);
  if (opts.engines) for (const r of engines) io.out(`${file}:${r.line}:${r.column}: note: ${r.key} runs on ${ENGINE_NOTE[r.engine]}\n`);
  io.err(`${file}: ${rules.length} rule${rules.length === 1 ? '' : 's'} OK, ${failedRules} with errors; ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`);
  if (engines.length > 0) {
    const on = (e: 're2js' | 'v8'): number => engines.filter((r) => r.engine === e).length;
    io.err(`${file}: regex checks: ${on('re2js')} on re2js (linear time), ${on('v8')} on V8 (bounded repetition only); --engines lists each\n`);
  }
  if (errors > 0) io.exit(EXIT_ERRORS);
}

export interface RulesTestOptions {
  items: string;
  explain?: boolean;
  json?: boolean;
  /** Evaluation time for every item (ISO date); defaults to each item's own created time. */
  now?: string;
  subreddit?: string;
}

/** `rules test FILE --items ITEMS.jsonl [--explain] [--json]`. */
export function runRulesTest(io: RulesIo, file: string, opts: RulesTestOptions): void {
  const text = readOrReport(io, file);
  if (text === undefined) return;
  const itemsText = readOrReport(io, opts.items);
  if (itemsText === undefined) return;
  const parsed = parseRules(text, { source: file });
  const rules = parsed.rules;
  const diagnostics = withTeamErrors(parsed.diagnostics, rules, file);
  // Diagnostics go to stderr so stdout stays one JSON document per line.
  for (const d of diagnostics) io.err(`${formatDiagnostic(d, file)}\n`);
  if (diagnostics.some((d) => d.severity === 'error')) io.exit(EXIT_ERRORS);
  if (opts.now !== undefined && !Number.isFinite(Date.parse(opts.now))) {
    io.err(`--now: error: ${JSON.stringify(opts.now)} is not a date (use ISO 8601, e.g. 2026-11-24T09:00:00Z)\n`);
    io.exit(EXIT_ERRORS);
    return;
  }
  const facts = { ...(opts.now !== undefined ? { now: opts.now } : {}), ...(opts.subreddit !== undefined ? { subreddit: opts.subreddit } : {}) };
  const compiled = compileRules(rules);
  const lines = readItemLines(itemsText);
  const results: Record<string, unknown>[] = [];
  const good: Item[] = [];
  for (const l of lines) {
    if (!l.ok) {
      io.err(`${opts.items}:${l.line}: error: ${l.message}\n`);
      io.exit(EXIT_ERRORS);
      continue;
    }
    good.push(l.item);
    const result: Record<string, unknown> = {
      id: l.item.id,
      decisions: evaluate(compiled, l.item, facts).map(decisionJson),
    };
    if (opts.explain) result.explain = explain(compiled, l.item, facts).map(explanationJson);
    if (opts.json) results.push(result);
    else io.out(`${JSON.stringify(result)}\n`);
  }
  if (opts.json) {
    const bt = backtest(compiled, good, facts);
    io.out(`${JSON.stringify({
      rulesFile: file,
      itemsFile: opts.items,
      diagnostics,
      items: results,
      summary: {
        items: bt.items,
        itemsActedOn: bt.itemsActedOn,
        rejectedLines: lines.filter((l) => !l.ok).length,
        rules: bt.rules.map((r) => ({ rule: ruleLabel(r), line: r.line, hits: r.hits, items: r.itemIds })),
      },
    }, null, 2)}\n`);
  }
  io.err(`${opts.items}: ${good.length} item${good.length === 1 ? '' : 's'} tested against ${rules.length} rule${rules.length === 1 ? '' : 's'}${lines.length > good.length ? `; ${lines.length - good.length} line(s) rejected` : ''}\n`);
}

/** `rules schema`. */
export function runRulesSchema(io: RulesIo): void {
  io.out(`${JSON.stringify(rulesJsonSchema(), null, 2)}\n`);
}

/** Adds `rules check|test|schema` to the CLI. */
export function registerRulesCommand(program: Command, io: RulesIo = nodeRulesIo()): void {
  const rules = program
    .command('rules')
    .description('AutoModerator-compatible rules: validate, test against items, print the JSON Schema');
  rules
    .command('check')
    .description('validate a rules file; prints FILE:LINE:COL: severity: message and exits 1 on any error')
    .argument('<file>', 'rules file (AutoModerator YAML, documents separated by ---)')
    .option('--events <events.yaml>', 'also check that every event: check names an event of this events page')
    .option('--engines', 'also print, for each regex check, the engine it runs on')
    .action((file: string, opts: { events?: string; engines?: boolean }) => runRulesCheck(io, file, opts));
  rules
    .command('test')
    .description('run the rules over items (JSON Lines) and print one JSON line per item with its decisions')
    .argument('<file>', 'rules file')
    .requiredOption('--items <items.jsonl>', 'items, one JSON object per line (see packages/queues/docs/rules-cli.md)')
    .option('--explain', 'add every rule\'s check results and why to each item')
    .option('--json', 'print one JSON document (all items plus per-rule hit counts) instead of JSON Lines')
    .option('--now <iso-date>', 'evaluation time for account ages and schedules (default: each item\'s created time)')
    .option('--subreddit <name>', 'subreddit name for {{subreddit}} and self-post domains')
    .action((file: string, opts: RulesTestOptions) => runRulesTest(io, file, opts));
  rules
    .command('schema')
    .description('print the JSON Schema of a rule document (for editor validation)')
    .action(() => runRulesSchema(io));
}
