/**
 * Measured phases of the report benchmark, in a process of their own:
 *   node --import tsx bench/report/phase.ts parse|report DIR RUNS   one phase RUNS times (peak RSS is its own)
 *   node --expose-gc --import tsx bench/report/phase.ts both DIR RUNS   parse and report alternated, with a
 *     full GC before each run, so both see the same machine load (the box may be shared)
 * Prints one JSON line per phase: {phase, ms: [...], maxRssMb, rows}.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { coreLoaders } from '../../packages/queues/src/report/core-loaders.js';
import { reportToJson } from '../../packages/queues/src/report/format-json.js';
import { reportToTable } from '../../packages/queues/src/report/format-table.js';
import { reportFromDir } from '../../packages/queues/src/report/report-from-dir.js';

const [phase, dir, runsArg] = process.argv.slice(2) as [string, string, string];
const runs = Number(runsArg ?? 3);
const now = new Date('2026-02-20T19:30:00Z');

function bareParse(): number {
  // The floor: read both files and split them into records with csv-parse, nothing else.
  let rows = 0;
  for (const f of ['review-submissions.csv', 'staging-items.csv']) {
    const records = parse(readFileSync(join(dir, f), 'utf8'), { columns: true, skip_empty_lines: true }) as unknown[];
    rows += records.length;
  }
  return rows;
}

function fullReport(): number {
  // Exactly what `creator-desk report DIR --now …` computes (the queue files streamed through the
  // report builder), rendered as both JSON (complete) and the terminal table.
  const { report } = reportFromDir(dir, coreLoaders, { now, clock: () => now });
  const json = reportToJson(report);
  const table = reportToTable(report, { color: false, limit: 25 });
  if (json.length === 0 || table.length === 0) throw new Error('empty report');
  if (report.problems.some((p) => p.severity === 'error')) throw new Error(`benchmark inputs had errors: ${JSON.stringify(report.problems.slice(0, 3))}`);
  return report.inputs.reduce((sum, f) => sum + f.records, 0);
}

/** Wall time, and CPU time of the whole process (all threads, so GC helper threads count too). */
function time(fn: () => number): { ms: number; cpuMs: number; rows: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const rows = fn();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { ms, cpuMs: (c.user + c.system) / 1000, rows };
}

const maxRssMb = (): number => process.resourceUsage().maxRSS / 1024;

if (phase === 'both') {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  const out = { parse: { ms: [] as number[], cpuMs: [] as number[], rows: 0 }, report: { ms: [] as number[], cpuMs: [] as number[], rows: 0 } };
  for (let i = 0; i < runs; i++) {
    for (const [name, fn] of [['parse', bareParse], ['report', fullReport]] as const) {
      gc();
      const r = time(fn);
      out[name].ms.push(r.ms);
      out[name].cpuMs.push(r.cpuMs);
      out[name].rows = r.rows;
    }
  }
  for (const name of ['parse', 'report'] as const) process.stdout.write(`${JSON.stringify({ phase: name, ...out[name], maxRssMb: maxRssMb() })}\n`);
} else {
  const fn = phase === 'parse' ? bareParse : fullReport;
  const ms: number[] = [];
  const cpuMs: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const r = time(fn);
    ms.push(r.ms);
    cpuMs.push(r.cpuMs);
    rows = r.rows;
  }
  process.stdout.write(`${JSON.stringify({ phase, ms, cpuMs, rows, maxRssMb: maxRssMb() })}\n`);
}
