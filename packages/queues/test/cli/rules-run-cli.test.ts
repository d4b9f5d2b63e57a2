import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/program.js';

describe('creator-desk rules through the real CLI entry', () => {
  afterEach(() => vi.restoreAllMocks());

  it('rules check exits 1 on an error and 0 on a clean file, reading real files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rules-cli-'));
    const bad = join(dir, 'bad.yaml');
    const good = join(dir, 'good.yaml');
    writeFileSync(bad, 'title: [x]\nacton: remove\n');
    writeFileSync(good, 'title: [x]\naction: remove\n');
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((t) => { out.push(String(t)); return true; });
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await runCli(['rules', 'check', bad])).toBe(1);
    expect(out.join('')).toBe(`${bad}:2:1: error: unsupported: 'acton' is not a check AutoModerator or creator-desk knows — did you mean 'action'?\n`);
    expect(await runCli(['rules', 'check', good])).toBe(0);
  });
});
