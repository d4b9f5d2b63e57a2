/**
 * Benchmark: `creator-desk report` over 100,000 review submissions and 100,000 staging items, against
 * the bare CSV parse of the same files, in one run.  npx tsx bench/report/run.ts [--n 100000] [--runs 3]
 *
 * "report" is what `creator-desk report DIR` computes (reportFromDir: settings, then the queue files
 * streamed through the report builder with zod validation, SLA clock, routing and retry planning),
 * rendered as the complete JSON document and the terminal table; "parse" is csv-parse (`columns: true`)
 * of the same two files and nothing else.
 *
 * Parse and report run alternately in one Node process (a full GC before each run; one untimed warm-up
 * pair, then `--runs` timed pairs) and their medians are compared. Peak RSS comes from a fresh process per
 * phase doing exactly one run (what a CLI invocation costs). Goals: report ≤ 2× the parse, peak RSS < 500 MB.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXAMPLE_CONFIG, EXAMPLE_ESCALATION_RULES, EXAMPLE_SLA_POLICIES, generateWeek } from '../../scripts/generate-examples.js';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const n = arg('--n', 100_000);
const runs = arg('--runs', 3);
const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = join(root, 'bench/out/report');

mkdirSync(dir, { recursive: true });
const week = generateWeek({ seed: 7, reviews: n, staging: n });
writeFileSync(join(dir, 'review-submissions.csv'), week.reviewsCsv);
writeFileSync(join(dir, 'staging-items.csv'), week.stagingCsv);
writeFileSync(join(dir, 'creator-desk.yaml'), EXAMPLE_CONFIG);
writeFileSync(join(dir, 'sla-policies.yaml'), EXAMPLE_SLA_POLICIES);
writeFileSync(join(dir, 'escalation-rules.yaml'), EXAMPLE_ESCALATION_RULES);
const mb = (f: string): number => statSync(join(dir, f)).size / 1e6;

interface PhaseResult {
  phase: string;
  ms: number[];
  cpuMs: number[];
  rows: number;
  maxRssMb: number;
}

function runPhases(name: 'parse' | 'report' | 'both', count: number): PhaseResult[] {
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(root, 'bench/report/phase.ts'), name, dir, String(count)], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as PhaseResult);
}

// Timings: parse and report alternated in one process (first pair dropped as warm-up), so a busy
// machine slows both alike. Peak RSS: a fresh process per phase doing exactly one run.
const timed = runPhases('both', runs + 1);
const phase = (name: 'parse' | 'report'): PhaseResult => {
  const t = timed.find((r) => r.phase === name) as PhaseResult;
  const single = runPhases(name, 1)[0] as PhaseResult;
  return { ...t, ms: t.ms.slice(1), cpuMs: t.cpuMs.slice(1), maxRssMb: single.maxRssMb };
};

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;

const parse = phase('parse');
const report = phase('report');
const ratio = median(report.ms) / median(parse.ms);
const cpuRatio = median(report.cpuMs) / median(parse.cpuMs);
const line = (r: PhaseResult): string =>
  `${r.phase.padEnd(7)} median ${median(r.ms).toFixed(0).padStart(6)} ms wall, ${median(r.cpuMs).toFixed(0).padStart(6)} ms CPU  (wall runs: ${r.ms.map((x) => x.toFixed(0)).join(', ')})  peak RSS (1 run) ${r.maxRssMb.toFixed(0)} MB  rows ${r.rows}`;

process.stdout.write(
  [
    `report benchmark: ${n.toLocaleString('en-US')} review submissions (${mb('review-submissions.csv').toFixed(1)} MB) + ${n.toLocaleString('en-US')} staging items (${mb('staging-items.csv').toFixed(1)} MB), node ${process.version}`,
    line(parse),
    line(report),
    `report / bare parse = ${ratio.toFixed(2)}× wall, ${cpuRatio.toFixed(2)}× CPU  (goal ≤ 2×: ${ratio <= 2 ? 'met' : 'NOT met'});  report peak RSS ${report.maxRssMb.toFixed(0)} MB (goal < 500 MB: ${report.maxRssMb < 500 ? 'met' : 'NOT met'})`,
    `load average ${loadavg().map((x) => x.toFixed(2)).join(' ')} on ${cpus().length} CPUs (a busy machine inflates both phases)`,
    '',
  ].join('\n'),
);
