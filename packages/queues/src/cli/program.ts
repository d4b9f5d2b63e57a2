import { Command, CommanderError } from 'commander';
import { nodeRulesIo, registerRulesCommand } from './rules-command.js';
import { nodeEventsIo, registerEventsCommand } from './events-command.js';
import { registerReportCommand, type ReportIo } from './report-command.js';
import { nodeRosterIo, registerRosterCommand } from './roster-command.js';
import { nodeActivationIo, registerActivationCommand } from './activation-command.js';
import { registerQaCommand } from './qa-command.js';
import { coreLoaders } from '../report/core-loaders.js';
import packageJson from '../../package.json' with { type: 'json' };

import { EXIT_OK, EXIT_USAGE } from './exit-codes.js';

/** Runs the creator-desk CLI on argv (without node and script) and resolves to the exit code. */
export async function runCli(argv: string[], reportIo: Partial<ReportIo> = {}): Promise<number> {
  let code = EXIT_OK;
  const out = reportIo.stdout ?? ((x: string) => process.stdout.write(x));
  const program = new Command('creator-desk')
    .description('creator-desk: the program coordinator\'s queues and the rule language tools')
    .exitOverride()
    .configureOutput({
      writeOut: (t) => out(t),
      writeErr: (t) => (reportIo.stderr ?? ((x: string) => process.stderr.write(x)))(t),
    })
    .showHelpAfterError()
    .version(`creator-desk ${packageJson.version}`, '-V, --version', 'print the version');
  program.command('version').description('print the version').action(() => {
    out(`creator-desk ${packageJson.version}\n`);
  });
  registerRulesCommand(program, nodeRulesIo((c) => { code = Math.max(code, c); }));
  registerRosterCommand(program, nodeRosterIo((c) => { code = Math.max(code, c); }));
  registerEventsCommand(program, nodeEventsIo((c) => { code = Math.max(code, c); }));
  registerActivationCommand(program, nodeActivationIo((c) => { code = Math.max(code, c); }));
  registerQaCommand(program, { out, err: reportIo.stderr ?? ((x: string) => process.stderr.write(x)), clock: reportIo.clock ?? (() => new Date()), loaders: coreLoaders, exit: (c) => { code = Math.max(code, c); } });
  registerReportCommand(program, {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    isTty: process.stdout.isTTY === true,
    stderrIsTty: process.stderr.isTTY === true,
    ...(process.stdout.isTTY && process.stdout.columns ? { columns: process.stdout.columns } : {}),
    env: process.env,
    clock: () => new Date(),
    loaders: coreLoaders,
    ...reportIo,
    exit: (c) => {
      code = Math.max(code, c);
    },
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    throw err;
  }
  return code;
}
