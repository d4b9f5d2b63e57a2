/**
 * One measured phase of the report benchmark, run in its own process so its peak RSS is its own:
 *   node --import tsx bench/report/phase.ts parse|report DIR RUNS
 * Prints one JSON line: {phase, ms: [...], maxRssMb, rows}.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { buildReport } from '../../packages/queues/src/report/build-report.js';
import { coreLoaders } from '../../packages/queues/src/report/core-loaders.js';
import { reportToJson } from '../../packages/queues/src/report/format-json.js';
import { reportToTable } from '../../packages/queues/src/report/format-table.js';
import { loadInputs } from '../../packages/queues/src/report/load-inputs.js';
import { emptyRetryState } from '../../packages/queues/src/staging/retry-state.js';

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
  const inputs = loadInputs(dir, coreLoaders);
  const { report } = buildReport(inputs, emptyRetryState(), now);
  const json = reportToJson(report);
  const table = reportToTable(report, { color: false, limit: 25 });
  if (json.length === 0 || table.length === 0) throw new Error('empty report');
  if (report.problems.some((p) => p.severity === 'error')) throw new Error(`benchmark inputs had errors: ${JSON.stringify(report.problems.slice(0, 3))}`);
  return inputs.reviews.length + inputs.staging.length;
}

const fn = phase === 'parse' ? bareParse : fullReport;
const ms: number[] = [];
let rows = 0;
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  rows = fn();
  ms.push(performance.now() - t0);
}
process.stdout.write(`${JSON.stringify({ phase, ms, rows, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
