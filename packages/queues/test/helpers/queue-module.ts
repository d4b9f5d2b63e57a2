import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { QueueModule, QueueModuleReport } from '../../src/report/queue-module.js';
import { tempDir } from './temp-dir.js';

/** Runs a queue module over a temp directory of `files` (with `creator-desk.yaml` as its settings) at `now`. */
export function runModule(module: QueueModule, files: Record<string, string>, now: Date, timeZone = 'America/Los_Angeles'): QueueModuleReport {
  const dir = tempDir(files);
  const names = readdirSync(dir).filter((n) => module.files.test(n)).sort();
  const yaml = files['creator-desk.yaml'];
  return module.build({
    dir,
    files: names.map((name) => ({ name, path: join(dir, name) })),
    ...(yaml !== undefined ? { settings: { text: yaml, file: 'creator-desk.yaml' } } : {}),
    now,
    timeZone,
  });
}
