import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/readers/problems.js';
import { readReviewSubmissions } from '../../src/readers/review-submissions.js';

const HEADER = 'id,asset_type,artist,submitted_at,priority,status,assignee,status_history,title,flags,notes';

describe('readReviewSubmissions', () => {
  it('reads a CSV row into a typed submission with a sorted status history', () => {
    const csv = `${HEADER}\ns1,avatar,inky_fox,2026-02-18T16:00:00Z,high,in_review,rev_a,in_review@2026-02-18T17:00:00Z;pending@2026-02-18T16:00:00Z,Neon Otter,ip_report;policy,looks familiar\n`;
    const { items, problems } = readReviewSubmissions(csv, 'r.csv', 'csv');
    expect(problems).toEqual([]);
    expect(items[0]).toMatchObject({
      id: 's1',
      assetType: 'avatar',
      artist: 'inky_fox',
      priority: 'high',
      status: 'in_review',
      assignee: 'rev_a',
      flags: ['ip_report', 'policy'],
      notes: 'looks familiar',
      source: { file: 'r.csv', row: 1, line: 2 },
    });
    expect(items[0]?.submittedAt.toISOString()).toBe('2026-02-18T16:00:00.000Z');
    expect(items[0]?.statusHistory.map((h) => h.status)).toEqual(['pending', 'in_review']);
  });

  it('reports each bad row with file, line, row and field, and still returns the good rows', () => {
    const csv = [
      HEADER,
      'ok1,avatar,a,2026-02-18T16:00:00Z,normal,pending,,,,,',
      'bad1,sticker,a,2026-02-18T16:00:00Z,normal,pending,,,,,',
      'bad2,avatar,a,2026-02-18 16:00,normal,pending,,,,,',
      'bad3,avatar,a,2026-02-18T16:00:00Z,normal,pending,,pending@yesterday,,,',
      'ok2,brand_award,b,2026-02-18T16:00:00-08:00,,approved,,,,,',
      ',avatar,a,2026-02-18T16:00:00Z,normal,pending,,,,,',
    ].join('\n');
    const { items, problems } = readReviewSubmissions(csv, 'r.csv', 'csv');
    expect(items.map((i) => i.id)).toEqual(['ok1', 'ok2']);
    expect(items[1]?.priority).toBe('normal');
    expect(problems.map(formatProblem)).toEqual([
      'r.csv:3 (row 2) asset_type: expected one of avatar | community_award | brand_award, got "sticker"',
      'r.csv:4 (row 3) submitted_at: expected an ISO-8601 instant with an offset, e.g. 2026-03-09T17:05:00Z, got "2026-02-18 16:00"',
      expect.stringMatching(/^r\.csv:5 \(row 4\) status_history\.0\.at: expected an ISO-8601 instant/),
      'r.csv:7 (row 6) id: required value is missing',
    ]);
  });

  it('on a duplicate id uses the row with the later status time (a stale snapshot row loses) and lists the other', () => {
    const csv = `${HEADER}\ns1,avatar,a,2026-02-18T16:00:00Z,normal,approved,,pending@2026-02-18T16:00:00Z;approved@2026-02-18T18:00:00Z,,,\ns1,avatar,b,2026-02-18T16:00:00Z,normal,pending,,,,,\ns2,avatar,c,2026-02-18T16:00:00Z,normal,pending,,,,,\ns2,avatar,d,2026-02-18T16:00:00Z,normal,in_review,,pending@2026-02-18T16:00:00Z;in_review@2026-02-18T17:00:00Z,,,\n`;
    const { items, problems } = readReviewSubmissions(csv, 'r.csv', 'csv');
    expect(items.map((i) => [i.id, i.artist, i.status])).toEqual([
      ['s1', 'a', 'approved'],
      ['s2', 'd', 'in_review'],
    ]);
    expect(problems.map((p) => [p.row, p.field, p.severity])).toEqual([
      [2, 'id', 'warning'],
      [3, 'id', 'warning'],
    ]);
    expect(problems[0]?.message).toBe('duplicate id "s1": r.csv row 1 has the later status time (2026-02-18T18:00:00.000Z), so that row is used and this one is not');
  });

  it('reads JSON with typed values and array histories', () => {
    const json = JSON.stringify({
      submissions: [
        { id: 'j1', asset_type: 'community_award', artist: 'x', submitted_at: '2026-02-18T16:00:00Z', priority: 'urgent', status: 'pending', status_history: [{ status: 'pending', at: '2026-02-18T16:00:00Z' }], flags: ['ai_generated'] },
        { id: 'j2', asset_type: 'avatar', artist: 'x', submitted_at: '2026-02-18T16:00:00Z', status: 'done' },
      ],
    });
    const { items, problems } = readReviewSubmissions(json, 'r.json', 'json');
    expect(items.map((i) => i.id)).toEqual(['j1']);
    expect(items[0]?.flags).toEqual(['ai_generated']);
    expect(problems).toEqual([expect.objectContaining({ file: 'r.json', row: 2, field: 'status' })]);
    expect(problems[0]?.line).toBeUndefined();
  });
});
