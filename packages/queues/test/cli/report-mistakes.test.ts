import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuilt } from '../helpers/built-cli.js';
import { FIXTURE_FILES } from '../helpers/report-fixture.js';
import { tempDir } from '../helpers/temp-dir.js';

const json = (stdout: string) => JSON.parse(stdout) as Record<string, any>;
const REVIEW_HEADER = 'id,asset_type,artist,submitted_at,priority,status,assignee,status_history,title,flags,notes';

describe('creator-desk report: SLA and routing typos are errors (built CLI)', () => {
  it('an SLA policy whose when: names an unknown field is an error at its line; the summary counts items without SLA', () => {
    // "Everything else" only for avatars, with a typo: avatars (the biggest queue) would silently have no SLA.
    const sla = FIXTURE_FILES['sla-policies.yaml']!.replace('  - name: Everything else\n', '  - name: Everything else\n    when: { knd: avatar }\n');
    expect(sla).toContain('knd');
    const dir = tempDir({ ...FIXTURE_FILES, 'sla-policies.yaml': sla });
    const r = runBuilt(['report', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    const doc = json(r.stdout);
    expect(doc.problems).toContainEqual(expect.objectContaining({ severity: 'error', line: 20, message: expect.stringMatching(/'knd' is not a field of a review submission/) }));
    const table = runBuilt(['report', dir]).stdout;
    expect(table).toMatch(/\d+ open without SLA/);
    expect(runBuilt(['report', tempDir(FIXTURE_FILES)]).stdout).toMatch(/ 0 open without SLA/);
  });

  it('an escalation to a team that does not exist is an error in rules check and in the report', () => {
    const rules = FIXTURE_FILES['escalation-rules.yaml']!.replace('team: Legal', 'team: Legl');
    const dir = tempDir({ ...FIXTURE_FILES, 'escalation-rules.yaml': rules });
    const check = runBuilt(['rules', 'check', join(dir, 'escalation-rules.yaml')]);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/escalation-rules\.yaml:2:1: error: escalate: unknown team "Legl" \(expected one of Legal, Trust & Safety, Brand, Engineering\)/);
    const report = runBuilt(['report', dir, '--format', 'json']);
    expect(report.code).toBe(1);
    expect(json(report.stdout).problems).toContainEqual(expect.objectContaining({ severity: 'error', line: 2, message: expect.stringMatching(/unknown team "Legl"/) }));
  });
});

describe('creator-desk report: impossible times (built CLI)', () => {
  it('2026-02-30 and times after now are row errors, not silently read', () => {
    const files = { ...FIXTURE_FILES };
    files['review-submissions.csv'] += 'sub_feb30,avatar,x,2026-02-30T10:00:00Z,normal,pending,,,,,\nsub_future,avatar,x,2026-03-18T10:00:00Z,normal,pending,,,,,\n';
    const dir = tempDir(files);
    const r = runBuilt(['report', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    const problems = json(r.stdout).problems as { line: number; field: string; message: string }[];
    expect(problems).toContainEqual(expect.objectContaining({ line: 8, field: 'submitted_at', message: expect.stringMatching(/"2026-02-30T10:00:00Z" is not a real date and time/) }));
    expect(problems).toContainEqual(expect.objectContaining({ line: 9, field: 'submitted_at', message: expect.stringMatching(/is after the report's now .* by more than 5 minutes/) }));
    const ids = JSON.stringify(json(r.stdout).review);
    expect(ids).not.toContain('sub_future');
  });

  it('--now 2026-02-30T… is a usage error (exit 2)', () => {
    const r = runBuilt(['report', tempDir(FIXTURE_FILES), '--now', '2026-02-30T10:00:00Z']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--now.*whose date exists/s);
  });
});

describe('creator-desk report: a wrong header or delimiter (built CLI)', () => {
  it('gives one diagnostic for the file naming the delimiter and the expected columns', () => {
    const files: Record<string, string> = { ...FIXTURE_FILES };
    const rows = Array.from({ length: 640 }, (_, i) => `s${i};avatar;a;2026-02-18T10:00:00Z;normal;pending;;;;;`);
    files['review-submissions.csv'] = `${REVIEW_HEADER.replace(/,/g, ';')}\n${rows.join('\n')}\n`;
    const dir = tempDir(files);
    const doc = json(runBuilt(['report', dir, '--format', 'json']).stdout);
    const mine = doc.problems.filter((p: { file: string }) => p.file.endsWith('review-submissions.csv'));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ line: 1, severity: 'error' });
    expect(mine[0].message).toMatch(/^the header reads as one column `id;asset_type;.*…` — the file looks ;-separated, but exports must be comma-separated; expected columns: id, asset_type, artist, submitted_at, status \(required\)/);
  });

  it('a header missing a required column is one error; an unknown column is a warning', () => {
    const files: Record<string, string> = { ...FIXTURE_FILES };
    files['staging-items.csv'] = files['staging-items.csv']!.replace('entered_at', 'entred_at');
    files['review-submissions.csv'] = files['review-submissions.csv']!.replace('assignee', 'asignee');
    const doc = json(runBuilt(['report', tempDir(files), '--format', 'json']).stdout);
    const staging = doc.problems.filter((p: { file: string }) => p.file.endsWith('staging-items.csv'));
    expect(staging).toEqual([expect.objectContaining({ severity: 'error', message: expect.stringMatching(/^the header has no `entered_at` column \(it has: .*`entred_at`/) })]);
    expect(doc.problems).toContainEqual(expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/^column `asignee` not used \(a typo\?\)/) }));
  });
});

describe('creator-desk report: duplicate ids (built CLI)', () => {
  it('uses the row with the later status time — a fresh snapshot beats a stale one — and lists the other', () => {
    const files: Record<string, string> = { ...FIXTURE_FILES };
    // Yesterday's snapshot row of sub_soon (pending) comes first; today's row (approved) later.
    files['review-submissions.csv'] += 'sub_soon,avatar,pastel_bean,2026-02-17T21:00:00Z,normal,approved,rev_a,pending@2026-02-17T21:00:00Z;approved@2026-02-18T19:00:00Z,Tiny Comet,,\n';
    const dir = tempDir(files);
    const r = runBuilt(['report', dir, '--format', 'json']);
    const doc = json(r.stdout);
    expect(doc.review.due_soon.map((e: { id: string }) => e.id)).not.toContain('sub_soon');
    expect(doc.problems).toContainEqual(
      expect.objectContaining({ row: 3, field: 'id', severity: 'warning', message: expect.stringMatching(/^duplicate id "sub_soon": .*review-submissions\.csv row 7 has the later status time \(2026-02-18T19:00:00\.000Z\)/) }),
    );
    const all = doc.review.stats.find((s: { queue: string }) => s.queue === 'all');
    expect(all.open).toBe(4);
  });
});

describe('creator-desk report: staging that does not match its submission (built CLI)', () => {
  it('an item staged or published for a rejected or undecided submission is an error', () => {
    const files: Record<string, string> = { ...FIXTURE_FILES };
    files['review-submissions.csv'] += 'sub_no,avatar,inky_fox,2026-02-17T17:00:00Z,normal,rejected,rev_a,pending@2026-02-17T17:00:00Z;rejected@2026-02-17T18:00:00Z,Nope,,\n';
    files['staging-items.csv'] += 'stg_pub,sub_no,inky_fox,published,2026-02-18T10:00:00Z,,1,\nstg_early,sub_ip,u/spammer,upload,2026-02-18T19:50:00Z,2026-02-18T19:59:00Z,1,\nstg_who,sub_done,someone_else,published,2026-02-18T10:00:00Z,,1,\n';
    const r = runBuilt(['report', tempDir(files), '--format', 'json']);
    expect(r.code).toBe(1);
    const problems = json(r.stdout).problems;
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'error', field: 'submission_id', message: 'stg_pub is published, but its submission sub_no is rejected' }));
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'error', message: 'stg_early is in stage upload, but its submission sub_ip is not approved (pending)' }));
    expect(problems.filter((p: { field?: string }) => p.field === 'submission_id')).toHaveLength(2);
  });
});
