import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { moduleOfFile } from './queue-modules.js';

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

/** Lists the queue files in a directory (not recursive), sorted by name so output is stable. */
export function discoverFiles(dir: string): { files: DiscoveredFile[]; ignored: string[] } {
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name)
    .sort();
  const files: DiscoveredFile[] = [];
  const ignored: string[] = [];
  for (const name of names) {
    const kind = kindOfFile(name);
    const module = kind ? undefined : moduleOfFile(name);
    if (kind) files.push({ kind, name, path: join(dir, name) });
    else if (module) files.push({ kind: 'module', name, path: join(dir, name), module: module.name });
    else if (!name.startsWith('.') && !/^readme/i.test(name)) ignored.push(name);
  }
  return { files, ignored };
}
