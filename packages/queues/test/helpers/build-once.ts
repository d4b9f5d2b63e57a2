/**
 * Vitest global setup for the packages project: builds core and queues when `dist/` is missing or older
 * than their sources, so CLI tests can run the built `creator-desk` exactly as a user would.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Builds the packages when their sources changed since the last build. */
export default function setup(): void {
  const outputs = ['packages/core/dist/index.js', 'packages/queues/dist/cli.js'].map((p) => join(root, p));
  const built = outputs.every((p) => existsSync(p)) ? Math.min(...outputs.map((p) => statSync(p).mtimeMs)) : 0;
  const sources = Math.max(
    newest(join(root, 'packages/core/src')),
    newest(join(root, 'packages/queues/src')),
    statSync(join(root, 'packages/queues/package.json')).mtimeMs,
    statSync(join(root, 'packages/core/package.json')).mtimeMs,
  );
  if (built > sources) return;
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}
