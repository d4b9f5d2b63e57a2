/**
 * Attack run: every regex check of the public AutoModerator corpus that compiles, and the hostile patterns
 * of the issues, each on worst-case texts built from the pattern's own structure — runs of each character
 * it names or its classes match, and repetitions of its literal words — at 10,000 and 100,000 characters.
 * Prints the slowest time per 10,000 characters and the ratio between the two sizes (linear ≈ 10).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Check, Condition, Rule } from '@creator-desk/core';
import { HOSTILE_PATTERNS } from '../../packages/core/test/rules/hostile-patterns.js';

type Core = typeof import('@creator-desk/core');
type SearchCheck = Extract<Check, { kind: 'search' }>;

const HOSTILE = HOSTILE_PATTERNS;

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/automod', import.meta.url));
const SAMPLES = [' ', 'a', 'A', '1', '.', '-', '/', '\n', '_', 'é', '!', ':', '#', '*'];
const FAIL = '\u0001';

interface Target {
  label: string;
  check: SearchCheck;
}

function searchChecks(rules: readonly Rule[]): SearchCheck[] {
  const out: SearchCheck[] = [];
  const walk = (c: Condition): void => {
    for (const ch of c.checks) if (ch.kind === 'search' && ch.regex) out.push(ch);
    for (const g of Object.values(c.groups)) if (g) walk(g);
  };
  for (const r of rules) walk(r.condition);
  return out;
}

/** Texts of `size` characters built from the pattern: runs of single characters and of its literal words. */
function candidates(check: SearchCheck, size: number): string[] {
  const source = check.values.join(' ');
  const chars = new Set<string>(SAMPLES);
  for (const ch of source.replace(/\\./g, (m) => m.slice(1))) if (ch.trim() !== '' || ch === ' ') chars.add(ch);
  const words = new Set<string>();
  for (const w of source.match(/[A-Za-z0-9]{2,}/g) ?? []) words.add(w);
  const units = [...chars].slice(0, 24).concat([...words].slice(0, 6).flatMap((w) => [w, `${w} `]), ['a ', '1 ', 'a.']);
  return units.map((u) => u.repeat(Math.ceil(size / u.length)).slice(0, size - 1) + FAIL);
}

function time(run: () => void, reps: number): number {
  let best = Infinity;
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    run();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

interface Result {
  label: string;
  engine: string;
  ms10k: number;
  ms100k: number;
  /** Times the worst text at `size` characters. */
  at: (size: number) => number;
}

function attack(core: Core, target: Target): Result {
  const re = core.searchRegex(target.check);
  // The worst text is chosen at 2,000 characters, then timed at 10,000 and 100,000 (best of a few runs:
  // the machine is shared, and only the engine's own time is wanted).
  const probe = candidates(target.check, 2_000);
  let worst = -1;
  let worstAt = 0;
  probe.forEach((text, i) => {
    const ms = time(() => re.exec(text), 2);
    if (ms > worst) {
      worst = ms;
      worstAt = i;
    }
  });
  const text = candidates(target.check, 10_000)[worstAt] ?? '';
  const big = candidates(target.check, 100_000)[worstAt] ?? '';
  const ms10k = time(() => re.exec(text), 5);
  const at = (size: number): number => {
    const t = candidates(target.check, size)[worstAt] ?? '';
    return time(() => re.exec(t), 2);
  };
  return { label: target.label, engine: target.check.engine, ms10k, ms100k: time(() => re.exec(big), ms10k > 100 ? 1 : 3), at };
}

/** Runs the attack over the corpus and the hostile patterns; prints the figures. */
export function runAttack(core: Core): void {
  const targets: Target[] = [];
  const files = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => /^\d{3}-.*\.yaml$/.test(f)).sort() : [];
  for (const f of files) {
    const { rules } = core.parseRules(readFileSync(`${CORPUS}/${f}`, 'utf8'), { source: f });
    for (const c of searchChecks(rules)) targets.push({ label: `${f}:${c.line} ${c.key}`, check: c });
  }
  const corpusCount = targets.length;
  for (const p of HOSTILE) {
    const { rules, diagnostics } = core.parseRules(`body (regex): ['${p.replace(/'/g, "''")}']\naction: remove\n`);
    if (diagnostics.some((d) => d.severity === 'error')) throw new Error(`hostile pattern ${p} did not compile`);
    for (const c of searchChecks(rules)) targets.push({ label: `hostile ${p}`, check: c });
  }
  const results = targets.map((t) => attack(core, t));
  const by = (engine: string): number => results.filter((r) => r.engine === engine).length;
  const slowest = results.reduce((a, b) => (b.ms10k > a.ms10k ? b : a));
  const slowestBig = results.reduce((a, b) => (b.ms100k > a.ms100k ? b : a));
  // Ratios of sub-millisecond runs are timer noise; the ones that take time are the ones that matter.
  const timed = results.filter((r) => r.ms10k >= 0.5);
  const worstRatio = timed.reduce<Result | undefined>((a, b) => (a === undefined || b.ms100k / b.ms10k > a.ms100k / a.ms10k ? b : a), undefined);
  console.log(`attack run: ${corpusCount} regex checks that compile in ${files.length} corpus files${files.length === 0 ? ' (corpus not found)' : ''} + ${HOSTILE.length} hostile patterns (${by('re2js')} on re2js, ${by('v8')} on V8); each on the worst of its own texts`);
  console.log(`  slowest at 10,000 characters: ${slowest.ms10k.toFixed(2)} ms per 10,000 characters (${slowest.label}, ${slowest.engine}); at 100,000: ${slowest.ms100k.toFixed(2)} ms, ratio ${(slowest.ms100k / slowest.ms10k).toFixed(1)} (linear ≈ 10)`);
  console.log(`  slowest at 100,000 characters: ${slowestBig.ms100k.toFixed(2)} ms = ${(slowestBig.ms100k / 10).toFixed(2)} ms per 10,000 characters (${slowestBig.label}, ${slowestBig.engine})`);
  if (worstRatio) console.log(`  largest 100,000/10,000 ratio among the ${timed.length} patterns taking ≥ 0.5 ms at 10,000: ${(worstRatio.ms100k / worstRatio.ms10k).toFixed(1)} (${worstRatio.label})`);
  // RE2 runs short texts on a bounded backtracker and long ones on its automaton: both linear, with
  // different constants, so a jump between 10,000 and 100,000 is checked for growth beyond it.
  const jumps = [...timed].sort((a, b) => b.ms100k / b.ms10k - a.ms100k / a.ms10k).slice(0, 5);
  for (const r of jumps) {
    const ms200k = r.at(200_000);
    console.log(`    ${r.label}: 10,000 ${r.ms10k.toFixed(2)} ms, 100,000 ${r.ms100k.toFixed(2)} ms, 200,000 ${ms200k.toFixed(2)} ms — 200,000/100,000 ratio ${(ms200k / r.ms100k).toFixed(1)} (linear ≈ 2)`);
  }
  for (const r of results.slice(corpusCount)) {
    console.log(`  ${r.label.padEnd(52)} ${r.engine.padEnd(5)} ${r.ms10k.toFixed(2).padStart(7)} ms per 10,000 chars, 100,000: ${r.ms100k.toFixed(2).padStart(7)} ms, ratio ${(r.ms100k / r.ms10k).toFixed(1)}`);
  }
}
