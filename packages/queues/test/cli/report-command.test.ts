import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { FIXTURE_FILES } from '../helpers/report-fixture.js';
import { tempDir } from '../helpers/temp-dir.js';

// Temp directory names differ per run; snapshots show a stable placeholder.
const stable = (text: string, dir: string): string => text.split(dir).join('<dir>');

describe('creator-desk report: table', () => {
  it('prints every section with the right items and exits 0 on clean inputs', async () => {
    const dir = tempDir(FIXTURE_FILES);
    const r = await cli(['report', dir]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = r.stdout;
    // Times are in the team's zone (the SLA calendar's, America/Los_Angeles).
    expect(out).toContain('now 2026-02-18 12:00 PST');
    expect(out).toMatch(/BREACHED \(1\)\n.*\n\s+sub_late\s+avatar\s+normal\s+in_review\s+rev_a\s+Everything else\s+02-17 17:00\s+3h 00m over/);
    expect(out).toMatch(/DUE SOON \(1\)\n.*\n\s+sub_soon .*02-18 13:00\s+1h 00m left/);
    expect(out).toMatch(/ESCALATIONS \(2\)\n.*\n\s+sub_ip .*Legal .*escalate now\n\s+sub_ai .*Trust & Safety .*with team/);
    expect(out).toMatch(/STUCK UPLOADS \(1\)\n.*\n\s+stg_stuck/);
    expect(out).toMatch(/RETRY REQUESTS \(2\)/);
    expect(out).toMatch(/DEAD LETTERS \(MANUAL ACTION\) \(2\)\n.*\n\s+stg_hard .*non-retryable error.*\n\s+stg_tired .*gave up after 3 of 3 attempts/);
    expect(out).toContain('INPUT PROBLEMS (0)');
    expect(out).not.toContain('\u001b[');
    expect(stable(out, dir)).toMatchSnapshot();
  });

  it('colours only on a TTY and honours NO_COLOR', async () => {
    const dir = tempDir(FIXTURE_FILES);
    expect((await cli(['report', dir], { tty: true })).stdout).toContain('\u001b[31m');
    expect((await cli(['report', dir], { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
  });

  it('cuts long lists at --limit and says how many are left out', async () => {
    const dir = tempDir(FIXTURE_FILES);
    const r = await cli(['report', dir, '--limit', '1']);
    expect(r.stdout).toMatch(/ESCALATIONS \(2\)\n.*\n.*sub_ip.*\n\s+… and 1 more/);
  });
});

describe('creator-desk report: markdown', () => {
  it('renders tables for chat with ids as code and user text made inert', async () => {
    const dir = tempDir(FIXTURE_FILES);
    const r = await cli(['report', dir, '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^## creator-desk report — 2026-02-18 12:00 PST/);
    expect(r.stdout).toContain('### Breached (1)');
    expect(r.stdout).toContain('| `sub_late` | avatar | normal | in_review |');
    // The artist "u/spammer" must not ping (it is in a code span), and the title's link must not become a link.
    expect(r.stdout).toContain('`u/spammer`');
    expect(r.stdout).not.toMatch(/(^|[^`])u\/spammer/);
    // Nothing over-escaped, and no invisible characters.
    expect(r.stdout).not.toMatch(/\\[:-]/);
    expect(r.stdout).not.toMatch(/[\u200b-\u200f\u2060\ufeff]/);
    expect(r.stdout).toContain('failed: 503 Service Unavailable');
    expect(r.stdout).not.toContain('[free](https://evil.example)');
    expect(r.stdout).toContain('\\[free\\]');
    expect(stable(r.stdout, dir)).toMatchSnapshot();
  });
});

describe('creator-desk report: json', () => {
  it('holds every list untruncated with ISO times and sources', async () => {
    const dir = tempDir(FIXTURE_FILES);
    const r = await cli(['report', dir, '--format', 'json', '--limit', '1']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.generated_for).toBe('2026-02-18T20:00:00.000Z');
    expect(doc.review.breached.map((e: { id: string }) => e.id)).toEqual(['sub_late']);
    expect(doc.review.breached[0].sla).toMatchObject({ policy: 'Everything else', state: 'breached', breach_at: '2026-02-18T01:00:00.000Z', remaining_minutes: -180 });
    expect(doc.review.breached[0].source).toEqual({ file: join(dir, 'review-submissions.csv'), row: 1, line: 2 });
    expect(doc.escalations).toHaveLength(2);
    expect(doc.escalations[0].teams[0]).toMatchObject({ team: 'Legal', rule: { line: 2 } });
    expect(doc.retries.requests.map((q: { item_id: string }) => q.item_id).sort()).toEqual(['stg_fail', 'stg_stuck']);
    expect(doc.retries.dead_letters.map((d: { item_id: string; error_class: string }) => [d.item_id, d.error_class])).toEqual([
      ['stg_hard', 'non_retryable'],
      ['stg_tired', 'retryable'],
    ]);
    const stats = Object.fromEntries(doc.review.stats.map((s: { queue: string }) => [s.queue, s]));
    // decided: sub_done (achieved), sub_ai (escalated within target: achieved), sub_late (breached)
    expect(stats.all).toMatchObject({ open: 5, breached: 1, breached_open: 1, achieved_percent: 66.7 });
    expect(doc.problems).toEqual([]);
  });
});

describe('creator-desk report: input problems and exit codes', () => {
  it('exits 1 when rows are bad, still printing the report and pointing at file and line', async () => {
    const files = { ...FIXTURE_FILES };
    files['review-submissions.csv'] += 'sub_bad,sticker,x,2026-02-18T10:00:00Z,normal,pending,,,,,\nsub_bad2,avatar,x,yesterday,normal,pending,,,,,\n';
    const dir = tempDir(files);
    const r = await cli(['report', dir, '--width', '300']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('BREACHED (1)');
    expect(r.stdout).toContain('INPUT PROBLEMS (2)');
    const table = stable(r.stdout, dir);
    expect(table).toMatch(/error\s+<dir>\/review-submissions\.csv:8 \(row 7\) asset_type\s+expected one of avatar \| community_award \| brand_award, got "sticker"/);
    expect(r.stdout).toContain(`${dir}/review-submissions.csv:9 (row 8) submitted_at`);
  });

  it('exits 1 for a broken SLA policy file and names its line', async () => {
    const dir = tempDir({ ...FIXTURE_FILES, 'sla-policies.yaml': 'policies:\n  - name: x\n    metrics: {}\n' });
    const r = await cli(['report', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.problems.some((p: { file: string; line?: number }) => p.file.endsWith('sla-policies.yaml') && p.line === 2)).toBe(true);
  });

  it('exits 2 on usage errors: bad --now, unknown --format, missing directory', async () => {
    const dir = tempDir(FIXTURE_FILES);
    const badNow = await cli(['report', dir, '--now', 'tomorrow']);
    expect(badNow.code).toBe(2);
    expect(badNow.stderr).toMatch(/--now.*ISO-8601/s);
    expect((await cli(['report', dir, '--format', 'xml'])).code).toBe(2);
    const missing = await cli(['report', join(dir, 'nope')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/is not a directory/);
  });

  it('--now overrides the directory default', async () => {
    const dir = tempDir(FIXTURE_FILES);
    const r = await cli(['report', dir, '--now', '2026-02-18T17:00:00Z', '--format', 'json']);
    expect(JSON.parse(r.stdout).generated_for).toBe('2026-02-18T17:00:00.000Z');
  });

  it('--out writes the report to a file and nothing to stdout', async () => {
    const dir = tempDir(FIXTURE_FILES);
    const out = join(dir, 'out', 'report.md');
    const r = await cli(['report', dir, '--format', 'md', '--out', out]);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toContain('### Breached (1)');
  });

  it('reads JSON exports as well as CSV, and reports a bad JSON record by its index', async () => {
    const files: Record<string, string> = { ...FIXTURE_FILES };
    delete files['review-submissions.csv'];
    files['review-submissions.json'] = JSON.stringify({
      submissions: [
        { id: 'j1', asset_type: 'avatar', artist: 'a', submitted_at: '2026-02-17T17:00:00Z', status: 'pending' },
        { id: 'j2', asset_type: 'avatar', artist: 'a', submitted_at: 'soon', status: 'pending' },
      ],
    });
    const dir = tempDir(files);
    const r = await cli(['report', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.review.breached.map((e: { id: string }) => e.id)).toEqual(['j1']);
    expect(doc.problems).toEqual([expect.objectContaining({ file: join(dir, 'review-submissions.json'), row: 2, field: 'submitted_at', severity: 'error' })]);
  });

  it('without DIR reads the bundled examples', async () => {
    const r = await cli(['report', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.dir).toMatch(/examples$/);
    // The core inputs first; the queue modules' example files follow.
    expect(doc.inputs.map((i: { records: number }) => i.records).slice(0, 2)).toEqual([640, 260]);
  });
});

describe('creator-desk report: retry requests across reruns', () => {
  it('asks once, remembers it in the state file, and a rerun within the backoff asks for nothing', async () => {
    const dir = tempDir(FIXTURE_FILES);
    const state = join(dir, 'state', 'retries.json');
    const reqDir = join(dir, 'requests');
    const first = await cli(['report', dir, '--state', state, '--requests-out', reqDir, '--format', 'json']);
    expect(first.code).toBe(0);
    const firstDoc = JSON.parse(first.stdout);
    expect(firstDoc.retries.requests).toHaveLength(2);
    const batch = readdirSync(reqDir).find((f) => f.endsWith('.csv'))!.replace(/\.csv$/, '');
    expect(firstDoc.retries.written).toEqual([join(reqDir, `${batch}.csv`), join(reqDir, `${batch}.json`), state]);
    const firstCsv = readFileSync(join(reqDir, `${batch}.csv`), 'utf8');
    expect(firstCsv.trim().split('\n')).toHaveLength(3);
    const keys = firstDoc.retries.requests.map((q: { idempotency_key: string }) => q.idempotency_key).sort();
    expect(JSON.parse(readFileSync(state, 'utf8')).requests.map((q: { key: string }) => q.key).sort()).toEqual(keys);

    const rerun = await cli(['report', dir, '--state', state, '--requests-out', reqDir, '--format', 'json', '--now', '2026-02-18T20:05:00Z']);
    const rerunDoc = JSON.parse(rerun.stdout);
    expect(rerunDoc.retries.requests).toEqual([]);
    expect(rerunDoc.retries.held.filter((h: { status: string }) => h.status === 'already_requested').map((h: { idempotency_key: string }) => h.idempotency_key).sort()).toEqual(keys);
    // Nothing new to ask: the outbox keeps the first run's batch as it was.
    expect(readdirSync(reqDir).sort()).toEqual([`${batch}.csv`, `${batch}.json`]);
    expect(readFileSync(join(reqDir, `${batch}.csv`), 'utf8')).toBe(firstCsv);

    // The same run repeated (same now) is also a no-op: duplicate deliveries leave the same state.
    const again = await cli(['report', dir, '--state', state, '--format', 'json', '--now', '2026-02-18T20:05:00Z']);
    expect(JSON.parse(again.stdout).retries.requests).toEqual([]);
  });

  it('a corrupt state file is an input error: exit 1, file left as it was, no requests written', async () => {
    const dir = tempDir(FIXTURE_FILES);
    const state = join(dir, 'retries.json');
    writeFileSync(state, '{"version":1,"requests":[{');
    const reqDir = join(dir, 'requests');
    const r = await cli(['report', dir, '--state', state, '--requests-out', reqDir, '--width', '300']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/state file is corrupt/);
    expect(r.stdout).toMatch(/retry requests and the state were NOT written: the state file .* is unreadable/);
    expect(readFileSync(state, 'utf8')).toBe('{"version":1,"requests":[{');
    expect(existsSync(reqDir)).toBe(false);
  });

  it('writes nothing into the input directory unless asked', async () => {
    const dir = tempDir(FIXTURE_FILES);
    await cli(['report', dir]);
    expect(readdirSync(dir).sort()).toEqual(Object.keys(FIXTURE_FILES).sort());
  });
});
