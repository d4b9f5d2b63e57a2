import { runCli } from '../../src/cli/program.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output, a fixed clock and no TTY unless asked. */
export async function cli(argv: string[], opts: { tty?: boolean; env?: Record<string, string | undefined> } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    isTty: opts.tty ?? false,
    env: opts.env ?? {},
    clock: () => new Date('2030-01-01T00:00:00Z'),
  });
  return { code, stdout, stderr };
}
