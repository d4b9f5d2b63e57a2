import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built CLI, as `npx creator-desk` runs it (the bin shim in front of dist/cli.js). */
export const BUILT_CLI = fileURLToPath(new URL('../../bin/creator-desk.js', import.meta.url));

export interface BuiltRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built `creator-desk` in a child process, as a user would from a shell (no TTY, NO_COLOR). */
export function runBuilt(argv: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): BuiltRun {
  const r = spawnSync(process.execPath, [BUILT_CLI, ...argv], {
    cwd: opts.cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', TZ: 'UTC', ...opts.env },
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
