import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** Each source file (relative to src/) and the source files it imports (type-only imports included). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    // `import … from`, `export … from`, bare `import '…'` and dynamic `import('…')`.
    const specifiers = [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(?\s*)'(\.[^']+)'/g)].map((m) => m[1] ?? '');
    const targets = specifiers.map((spec) => relative(SRC, resolve(dirname(file), spec.replace(/\.js$/, '.ts'))));
    graph.set(relative(SRC, file), targets);
  }
  return graph;
}

const folderOf = (file: string): string => (file.includes('/') ? (file.split('/')[0] ?? '') : '');

describe('layout: platform ← capabilities, main.ts wiring only', () => {
  const graph = importGraph();

  it('every relative import names a source file that exists', () => {
    const missing = [...graph].flatMap(([file, targets]) => targets.filter((t) => !graph.has(t)).map((t) => `${file} → ${t}`));
    expect(missing).toEqual([]);
  });

  it('the platform layer imports no capability', () => {
    const bad = [...graph].flatMap(([file, targets]) => (folderOf(file) === 'platform' ? targets.filter((t) => folderOf(t) !== 'platform').map((t) => `${file} → ${t}`) : []));
    expect(bad).toEqual([]);
  });

  it('a capability imports only the platform and its own folder (and core)', () => {
    const bad = [...graph].flatMap(([file, targets]) => {
      const own = folderOf(file);
      if (own === 'platform' || own === '') return [];
      return targets.filter((t) => folderOf(t) !== 'platform' && folderOf(t) !== own).map((t) => `${file} → ${t}`);
    });
    expect(bad).toEqual([]);
  });

  it('only main.ts sits at the top and nothing imports it', () => {
    expect([...graph.keys()].filter((f) => folderOf(f) === '')).toEqual(['main.ts']);
    expect([...graph.values()].flat().filter((t) => t === 'main.ts')).toEqual([]);
  });

  it('no file imports one that imports it back (no import cycles)', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, path: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const t of graph.get(file) ?? []) visit(t, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
