/**
 * `creator-desk activation export-event FILE --id ID`: an activation's community announcement as an
 * entry of the app's `creator-desk/events` wiki page, so announcing it is a copy-paste, not a rewrite.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { announcementEvent, announcementEventYaml } from '../activations/announcement-event.js';
import { readTracker } from '../activations/read-tracker.js';
import { activationSettingsSchema } from '../activations/settings.js';
import { formatProblem } from '../readers/problems.js';
import { readModuleSettings } from '../report/queue-module.js';

/** Where the activation commands read and write; tests pass their own. */
export interface ActivationIo {
  out: (text: string) => void;
  err: (text: string) => void;
  readFile: (path: string) => string;
  exists: (path: string) => boolean;
  exit: (code: number) => void;
}

const EXIT_ERRORS = 1;
const EXIT_USAGE = 2;

/** Node's console and file system. */
export function nodeActivationIo(exit: (code: number) => void): ActivationIo {
  return { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t), readFile: (p) => readFileSync(p, 'utf8'), exists: existsSync, exit };
}

/** `activation export-event FILE --id ID [--settings creator-desk.yaml]`: prints the events-page entry. */
export function runExportEvent(io: ActivationIo, file: string, opts: { id: string; settings?: string }): void {
  let text: string;
  try {
    text = io.readFile(file);
  } catch (err) {
    io.err(`${file}: error: cannot read the file (${(err as NodeJS.ErrnoException).code ?? String(err)})\n`);
    io.exit(EXIT_ERRORS);
    return;
  }
  const settingsFile = opts.settings ?? join(dirname(file), 'creator-desk.yaml');
  let settingsText: string | undefined;
  try {
    settingsText = opts.settings !== undefined || io.exists(settingsFile) ? io.readFile(settingsFile) : undefined;
  } catch (err) {
    io.err(`${settingsFile}: error: cannot read the settings (${(err as NodeJS.ErrnoException).code ?? String(err)})\n`);
    io.exit(EXIT_ERRORS);
    return;
  }
  const settings = readModuleSettings(
    { dir: dirname(file), files: [], ...(settingsText !== undefined ? { settings: { text: settingsText, file: settingsFile } } : {}), now: new Date(0), timeZone: 'UTC' },
    'activations',
    activationSettingsSchema,
  );
  for (const p of settings.problems) io.err(`${formatProblem(p)}\n`);
  if (!settings.ok) {
    io.err(`${settingsFile}: the activations settings have errors; fix them first (the event's zone and time come from them)\n`);
    io.exit(EXIT_ERRORS);
    return;
  }
  const read = readTracker(text, file);
  const activation = read.activations.find((a) => a.id === opts.id);
  if (!activation) {
    for (const p of read.problems) io.err(`${formatProblem(p)}\n`);
    const ids = read.activations.map((a) => a.id);
    io.err(`${file}: error: no activation with id ${opts.id}${read.problems.length > 0 ? ' that could be read' : ''}${ids.length > 0 ? ` (activations: ${ids.join(', ')})` : ''}\n`);
    io.exit(EXIT_ERRORS);
    return;
  }
  const event = announcementEvent(activation, settings.value);
  if (!event) {
    io.err(`${file}: error: activation ${opts.id} has no community_announcement milestone, so there is nothing to announce\n`);
    io.exit(EXIT_ERRORS);
    return;
  }
  io.out(announcementEventYaml(event));
}

/** Registers `activation export-event`. */
export function registerActivationCommand(program: Command, io: ActivationIo): void {
  const activation = program.command('activation').description('brand activations of an activation tracker');
  activation
    .command('export-event')
    .description("print an activation's community announcement as an entry of the creator-desk/events wiki page")
    .argument('<file>', 'activation tracker (activations*.yaml or .csv)')
    .requiredOption('--id <activation-id>', 'the activation to export')
    .option('--settings <file>', 'creator-desk.yaml with the activations settings (default: the one beside FILE, if any)')
    .action((file: string, opts: { id: string; settings?: string }) => {
      if (!/^[a-z0-9][a-z0-9-]{0,39}$/.test(opts.id)) {
        io.err(`error: --id must be an activation id (lower-case letters, digits and dashes), got ${JSON.stringify(opts.id)}\n`);
        io.exit(EXIT_USAGE);
        return;
      }
      runExportEvent(io, file, opts);
    });
}
