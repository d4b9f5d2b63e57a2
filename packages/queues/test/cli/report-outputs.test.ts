import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_CLI, runBuilt } from '../helpers/built-cli.js';
import { FIXTURE_FILES } from '../helpers/report-fixture.js';
import { tempDir } from '../helpers/temp-dir.js';

const json = (stdout: string) => JSON.parse(stdout) as Record<string, any>;
const csvRows = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.csv'))
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').trim().split('\n').slice(1));

describe('creator-desk report: a config with errors (built CLI)', () => {
  it('names the typo by line:col, keeps every valid key, and writes no requests and no state', () => {
    const config = FIXTURE_FILES['creator-desk.yaml']!.replace('heartbeat_timeout: 45m', 'heartbeat_timeout: 45 min');
    const dir = tempDir({ ...FIXTURE_FILES, 'creator-desk.yaml': config });
    const state = join(dir, 'state.json');
    const outbox = join(dir, 'outbox');
    const r = runBuilt(['report', dir, '--format', 'json', '--state', state, '--requests-out', outbox]);
    expect(r.code).toBe(1);
    const doc = json(r.stdout);
    const problem = doc.problems.find((p: { file: string }) => p.file.endsWith('creator-desk.yaml'));
    expect(problem).toMatchObject({ line: 3, column: 22, field: 'staging.heartbeat_timeout', severity: 'error' });
    // The rest of the file still applies: its `now`, and E_ errors stay non-retryable.
    expect(doc.generated_for).toBe('2026-02-18T20:00:00.000Z');
    expect(doc.retries.dead_letters.map((d: { item_id: string }) => d.item_id)).toContain('stg_hard');
    expect(doc.notes.join('\n')).toMatch(/retry requests and the state were NOT written: .*creator-desk\.yaml has errors/);
    expect(existsSync(state)).toBe(false);
    expect(existsSync(outbox)).toBe(false);
    expect(runBuilt(['report', dir, '--width', '300']).stdout).toMatch(/creator-desk\.yaml:3:22 staging\.heartbeat_timeout/);
  });

  it('an unknown key is an error at the key', () => {
    const dir = tempDir({ ...FIXTURE_FILES, 'creator-desk.yaml': `${FIXTURE_FILES['creator-desk.yaml']}reveiw: {}\n` });
    const doc = json(runBuilt(['report', dir, '--format', 'json']).stdout);
    expect(doc.problems).toContainEqual(expect.objectContaining({ line: 10, column: 1, severity: 'error' }));
  });
});

describe('creator-desk report: the outbox and the state (built CLI)', () => {
  it('never loses a request: each run adds its own batch files, the state records only what a file holds', () => {
    const dir = tempDir(FIXTURE_FILES);
    const state = join(dir, 'state.json');
    const outbox = join(dir, 'outbox');
    const first = runBuilt(['report', dir, '--state', state, '--requests-out', outbox, '--format', 'json']);
    expect(first.code).toBe(0);
    const keys = json(first.stdout).retries.requests.map((q: { idempotency_key: string }) => q.idempotency_key);
    expect(keys).toHaveLength(2);
    // A rerun within the backoff asks for nothing and must not replace the first batch with an empty file.
    const second = runBuilt(['report', dir, '--state', state, '--requests-out', outbox, '--format', 'json', '--now', '2026-02-18T20:05:00Z']);
    expect(json(second.stdout).retries.requests).toEqual([]);
    expect(json(second.stdout).notes.join('\n')).toMatch(/no retry requests this run: nothing added to the outbox/);
    const rows = csvRows(outbox);
    expect(rows).toHaveLength(2);
    for (const k of keys) expect(rows.some((row) => row.includes(k))).toBe(true);
    const recorded = JSON.parse(readFileSync(state, 'utf8')).requests.map((q: { key: string }) => q.key);
    expect(recorded.sort()).toEqual([...keys].sort());
    // Later, the requests look lost and are asked again: a second batch beside the first.
    const [firstBatch] = readdirSync(outbox).filter((f) => f.endsWith('.csv'));
    const firstText = readFileSync(join(outbox, firstBatch!), 'utf8');
    const third = runBuilt(['report', dir, '--state', state, '--requests-out', outbox, '--now', '2026-02-19T20:00:00Z']);
    expect(third.code).toBe(0);
    expect(readdirSync(outbox).filter((f) => f.endsWith('.csv'))).toHaveLength(2);
    expect(readFileSync(join(outbox, firstBatch!), 'utf8')).toBe(firstText);
    const again = csvRows(outbox).map((row) => row.split(',')[1]);
    for (const k of keys) expect(again.filter((x) => x === k)).toHaveLength(2);
    expect(readdirSync(outbox).some((f) => f.endsWith('.tmp'))).toBe(false);
  });

  it('refuses a second run while the state file is locked (exit 3), and takes over a stale lock', () => {
    const dir = tempDir(FIXTURE_FILES);
    const state = join(dir, 'state.json');
    const outbox = join(dir, 'outbox');
    // A live process holds the lock: this test's own.
    writeFileSync(`${state}.lock`, JSON.stringify({ pid: process.pid, host: hostname(), started_at: new Date().toISOString() }));
    const refused = runBuilt(['report', dir, '--state', state, '--requests-out', outbox]);
    expect(refused.code).toBe(3);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/state\.json is in use by another creator-desk report \(pid \d+ on .*\); nothing was written/);
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(state)).toBe(false);
    expect(existsSync(outbox)).toBe(false);
    // The holder died (a pid that is not running): the lock is stale and the run goes ahead.
    writeFileSync(`${state}.lock`, JSON.stringify({ pid: 2 ** 22 + 17, host: hostname(), started_at: new Date().toISOString() }));
    const ok = runBuilt(['report', dir, '--state', state, '--requests-out', outbox]);
    expect(ok.code).toBe(0);
    expect(existsSync(`${state}.lock`)).toBe(false);
    expect(csvRows(outbox)).toHaveLength(2);
  });

  it('concurrent runs on one state file never request the same retry twice', async () => {
    const dir = tempDir(FIXTURE_FILES);
    const state = join(dir, 'state.json');
    const outbox = join(dir, 'outbox');
    const run = () =>
      new Promise<number>((resolve) => {
        const p = spawn(process.execPath, [BUILT_CLI, 'report', dir, '--state', state, '--requests-out', outbox, '--format', 'json'], { stdio: 'ignore' });
        p.on('exit', (code) => resolve(code ?? -1));
      });
    const codes = await Promise.all([run(), run(), run(), run()]);
    for (const c of codes) expect([0, 3]).toContain(c);
    const keys = csvRows(outbox).map((row) => row.split(',')[1]);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(2);
  });
});

describe('creator-desk report: logical retries without an attempts column (built CLI)', () => {
  it('asks for a new retry, under a new key, each time the item fails again', () => {
    const staging = (enteredAt: string) => `id,stage,entered_at,last_error\nstg_x,failed,${enteredAt},503 Service Unavailable\n`;
    const dir = tempDir({ ...FIXTURE_FILES, 'staging-items.csv': staging('2026-02-18T17:00:00Z') });
    const state = join(dir, 'state.json');
    const first = json(runBuilt(['report', dir, '--state', state, '--format', 'json']).stdout).retries.requests;
    expect(first).toHaveLength(1);
    // The retry tool acted on it; the upload failed again later the same day.
    writeFileSync(join(dir, 'staging-items.csv'), staging('2026-02-18T21:00:00Z'));
    const second = json(runBuilt(['report', dir, '--state', state, '--format', 'json', '--now', '2026-02-19T09:00:00Z']).stdout).retries.requests;
    expect(second).toHaveLength(1);
    expect(second[0].idempotency_key).not.toBe(first[0].idempotency_key);
    expect(second[0].retry).toBe(first[0].retry + 1);
  });
});

describe('creator-desk report: a write failure (built CLI)', () => {
  it.each([
    ['--requests-out is a file', (dir: string) => ['--requests-out', join(dir, 'creator-desk.yaml')], 'creator-desk.yaml'],
    ['--state is in a file', (dir: string) => ['--state', join(dir, 'creator-desk.yaml', 'state.json')], 'state.json'],
    ['--out is a directory', (dir: string) => ['--out', mkdirOf(join(dir, 'report-dir'))], 'report-dir'],
  ])('%s: one line naming the path and why, exit 4, nothing half-done', (_name, args, named) => {
    const dir = tempDir(FIXTURE_FILES);
    const state = join(dir, 'good-state.json');
    const extra = args(dir);
    const before = readdirSync(dir).sort();
    const withState = extra[0] === '--state' ? [] : ['--state', state];
    const r = runBuilt(['report', dir, ...withState, ...extra]);
    expect(r.code).toBe(4);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^creator-desk report: cannot write \\S*${named}\\S*: .+; nothing was written$`));
    expect(r.stderr).not.toMatch(/\.tmp|\bat \S+:\d+/);
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it('an unwritable --out leaves the state and the outbox as they were', () => {
    const dir = tempDir(FIXTURE_FILES);
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    const state = join(dir, 'state.json');
    const r = runBuilt(['report', dir, '--state', state, '--requests-out', join(dir, 'outbox'), '--out', join(locked, 'report.txt')]);
    chmodSync(locked, 0o700);
    if (process.getuid?.() === 0) return; // root writes anywhere: the case cannot be set up
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/cannot write .*report\.txt: permission denied; nothing was written/);
    expect(existsSync(state)).toBe(false);
    expect(existsSync(join(dir, 'outbox'))).toBe(false);
  });
});

describe('creator-desk report: no queue files (built CLI)', () => {
  it('an empty or wrong directory exits 1 naming the files it looks for, instead of an all-zero report', () => {
    const empty = tempDir();
    const r = runBuilt(['report', empty]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/no queue files in .*: expected review\*\.csv or review\*\.json .* staging\*\.csv or staging\*\.json/);
    const wrong = tempDir({ 'notes.txt': 'x', 'creator-desk.yaml': 'now: 2026-02-18T20:00:00Z\n' });
    const w = runBuilt(['report', wrong]);
    expect(w.code).toBe(1);
    expect(w.stderr).toMatch(/found only: creator-desk\.yaml, notes\.txt/);
  });
});

function mkdirOf(path: string): string {
  mkdirSync(path);
  return path;
}
