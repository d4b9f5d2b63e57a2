/**
 * Runs every benchmark in one go, one fresh process each (so one's heap never skews another's figures),
 * and stops at the first that fails. `npm run bench`; `npm run bench -- rules sla` runs a subset.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BENCHES = ['rules', 'sla', 'report', 'app'] as const;
const wanted = process.argv.slice(2);
const chosen = wanted.length > 0 ? BENCHES.filter((b) => wanted.includes(b)) : [...BENCHES];
const unknown = wanted.filter((w) => !(BENCHES as readonly string[]).includes(w));
if (unknown.length > 0) {
  process.stderr.write(`unknown benchmark(s): ${unknown.join(', ')}; known: ${BENCHES.join(', ')}\n`);
  process.exit(2);
}

const root = fileURLToPath(new URL('..', import.meta.url));
for (const name of chosen) {
  process.stdout.write(`\n=== bench/${name}\n`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', `bench/${name}/run.ts`], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) {
    process.stderr.write(`bench/${name} failed (exit ${run.status ?? run.signal})\n`);
    process.exit(1);
  }
}
