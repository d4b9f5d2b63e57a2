import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { moduleOfDir, moduleOfFile } from './queue-modules.js';

export type InputKind = 'review' | 'staging' | 'escalation_rules' | 'sla_policies' | 'config' | 'module';

export interface DiscoveredFile {
  kind: InputKind;
  path: string;
  name: string;
  /** The queue module that reads it (kind `module`). */
  module?: string;
}

// File names the report recognises; anything else in the directory is listed as ignored.
const PATTERNS: [InputKind, RegExp][] = [
  ['config', /^creator-desk\.ya?ml$/i],
  ['review', /^review[\w.-]*\.(?:csv|json)$/i],
  ['staging', /^staging[\w.-]*\.(?:csv|json)$/i],
  ['escalation_rules', /^escalation[\w.-]*\.ya?ml$/i],
  ['sla_policies', /^sla[\w.-]*\.ya?ml$/i],
];

/** The kind of queue file a name denotes, or undefined for other files. */
export function kindOfFile(name: string): InputKind | undefined {
  return PATTERNS.find(([, re]) => re.test(name))?.[0];
}

/**
 * Lists the queue files in a directory, sorted by name so output is stable; a queue module's folder of
 * pages (`support/`) adds its files as `folder/name`. Other subdirectories are not read.
 */
export function discoverFiles(dir: string): { files: DiscoveredFile[]; ignored: string[] } {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: DiscoveredFile[] = [];
  const ignored: string[] = [];
  for (const e of entries) {
    const name = e.name;
    if (e.isDirectory()) {
      const owner = moduleOfDir(name);
      if (owner?.dirs === undefined) continue;
      const inner = readdirSync(join(dir, name), { withFileTypes: true }).filter((f) => f.isFile()).map((f) => f.name).sort();
      for (const f of inner) {
        if (owner.dirs.files.test(f)) files.push({ kind: 'module', name: `${name}/${f}`, path: join(dir, name, f), module: owner.name });
        else if (!f.startsWith('.') && !/^readme/i.test(f)) ignored.push(`${name}/${f}`);
      }
      continue;
    }
    if (!e.isFile()) continue;
    const kind = kindOfFile(name);
    const module = kind ? undefined : moduleOfFile(name);
    if (kind) files.push({ kind, name, path: join(dir, name) });
    else if (module) files.push({ kind: 'module', name, path: join(dir, name), module: module.name });
    else if (!name.startsWith('.') && !/^readme/i.test(name)) ignored.push(name);
  }
  return { files, ignored };
}
