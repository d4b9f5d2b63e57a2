import { describe, expect, it } from 'vitest';
import { coreLoaders } from '../../src/report/core-loaders.js';
import { reportFromDir } from '../../src/report/report-from-dir.js';
import { headlineParts } from '../../src/report/sections.js';
import { takedownsModule } from '../../src/takedowns/takedowns-module.js';
import { runModule } from '../helpers/queue-module.js';
import { tempDir } from '../helpers/temp-dir.js';

const now = new Date('2026-02-20T19:30:00Z'); // Fri 11:30 PST
const HEADER = 'case_id,event,at,uploader,claimant,item_id,note';

/** The rows of a case up to the uploader notice (validated, disabled, notified on `day`). */
const opened = (id: string, uploader: string, day: string): string[] => [
  `${id},notice_received,${day}T17:00:00Z,${uploader},Studio Ghibbli LLC,t3_${id},`,
  `${id},notice_validated,${day}T17:30:00Z,,,,`,
  `${id},content_disabled,${day}T17:45:00Z,,,,`,
  `${id},uploader_notified,${day}T18:00:00Z,,,,`,
];

interface CaseJson {
  id: string;
  state: string;
  open: boolean;
  due: string | null;
  deadline: string | null;
  overdue: boolean;
  restoreOpensAt: string | null;
  restoreClosesAt: string | null;
  impliedRetractionAt: string | null;
  refusedRows: number;
}
const casesOf = (json: unknown): CaseJson[] => (json as { cases: CaseJson[] }).cases;
const caseOf = (json: unknown, id: string): CaseJson => {
  const c = casesOf(json).find((x) => x.id === id);
  if (!c) throw new Error(`no case ${id}`);
  return c;
};

describe('takedown cases (§512) from the takedown log', () => {
  it('counts the restore window over Presidents’ Day: a counter-notice on Fri 13 Feb opens it on Mon 2 Mar, closes it on Fri 6 Mar', () => {
    const csv = [
      HEADER,
      ...opened('TD-1', 'inky_fox', '2026-02-02'),
      'TD-1,counter_notice_received,2026-02-13T18:00:00Z,,,,',
      'TD-1,counter_validated,2026-02-13T20:00:00Z,,,,',
      'TD-1,counter_notice_forwarded,2026-02-13T21:00:00Z,,,,',
    ].join('\n');
    const r = runModule(takedownsModule, { 'takedown-log.csv': csv }, now);
    expect(r.problems).toEqual([]);
    const c = caseOf(r.json, 'TD-1');
    // Counted from receipt (18:00Z), not validation; Mon 16 Feb is skipped (without it: 27 Feb and 5 Mar).
    expect(c).toMatchObject({ state: 'restore_window', due: 'restore_from', restoreOpensAt: '2026-03-02T18:00:00.000Z', deadline: '2026-03-06T18:00:00.000Z', overdue: false });
    const [cases] = r.sections(25);
    expect(cases?.rows[0]?.[4]?.text).toContain('opens 2026-03-02 10:00 PST');
    expect(cases?.rows[0]?.[5]?.text).toBe('2026-03-06 10:00 PST');
  });

  it('skips the holidays of an older year too (Christmas 2024 for a window counted in December 2024)', () => {
    const csv = [HEADER, ...opened('TD-60', 'old_case', '2024-12-02'), 'TD-60,counter_validated,2024-12-20T18:00:00Z,,,,', 'TD-60,counter_notice_forwarded,2024-12-20T19:00:00Z,,,,'].join('\n');
    const r = runModule(takedownsModule, { 'takedown-log.csv': csv }, now);
    // Fri 20 Dec 2024 + 10 business days, Christmas and New Year's Day skipped: Tue 7 Jan 2025 (without them: Fri 3 Jan).
    expect(caseOf(r.json, 'TD-60')).toMatchObject({ restoreOpensAt: '2025-01-07T18:00:00.000Z', overdue: true });
  });

  it('flags a restore past the window as overdue and sorts it first; the headline counts it', () => {
    const csv = [
      HEADER,
      ...opened('TD-1', 'inky_fox', '2026-02-02'),
      'TD-1,counter_validated,2026-02-13T18:00:00Z,,,,',
      'TD-1,counter_notice_forwarded,2026-02-13T21:00:00Z,,,,',
      ...opened('TD-2', 'moon_otter', '2026-01-12'),
      'TD-2,counter_validated,2026-01-20T17:00:00Z,,,,',
      'TD-2,forward_counter_notice,2026-01-20T18:00:00Z,,,,',
      ...opened('TD-3', 'fern_works', '2026-02-19'),
    ].join('\n');
    const r = runModule(takedownsModule, { 'takedowns.csv': csv }, now);
    // Tue 20 Jan + 14 business days is Mon 9 Feb.
    expect(caseOf(r.json, 'TD-2')).toMatchObject({ due: 'restore_overdue', deadline: '2026-02-09T17:00:00.000Z', overdue: true });
    expect(caseOf(r.json, 'TD-3')).toMatchObject({ due: 'await_counter_notice', deadline: null, overdue: false });
    const [cases] = r.sections(25);
    expect(cases?.rows.map((row) => row[0]?.text)).toEqual(['TD-2', 'TD-1', 'TD-3']);
    expect(cases?.rows[0]?.[6]).toEqual({ text: 'OVERDUE', tone: 'red' });
    expect(r.headline).toEqual(['1 takedown deadline overdue', '0 termination reviews']);
  });

  it('reports a transition the machine forbids at its row, keeps the case and flags it', () => {
    const csv = [
      HEADER,
      ...opened('TD-5', 'glitch_bean', '2026-02-02'),
      'TD-5,counter_validated,2026-02-10T18:00:00Z,,,,',
      // Not forwarded first, and then too early even once forwarded.
      'TD-5,content_restored,2026-02-11T18:00:00Z,,,,',
      'TD-5,counter_notice_forwarded,2026-02-11T19:00:00Z,,,,',
      'TD-5,content_restored,2026-02-12T18:00:00Z,,,,',
    ].join('\n');
    const r = runModule(takedownsModule, { 'takedown-log.csv': csv }, now);
    expect(r.problems).toEqual([
      {
        file: expect.stringMatching(/takedown-log\.csv$/) as unknown, row: 6, line: 7, field: 'event', severity: 'error',
        message: 'case TD-5: counter_notice_received → content_restored is not allowed (the takedown machine allows it only from restore_window)',
      },
      expect.objectContaining({ row: 8, line: 9, message: expect.stringMatching(/^case TD-5: restore_window → content_restored is not allowed \(restoring before 2026-02-25T18:00:00.000Z would be sooner than 10 business days/) as unknown }),
    ]);
    expect(caseOf(r.json, 'TD-5')).toMatchObject({ state: 'restore_window', open: true, refusedRows: 2 });
    expect(r.sections(25)[0]?.rows[0]?.[7]?.text).toBe('2 rows refused');
  });

  it('treats a rejected notice as retracted after 10 business days of complainant silence (holiday skipped)', () => {
    const csv = [
      HEADER,
      'TD-7,notice_received,2026-02-02T17:00:00Z,paper_moth,Acme Corp,t3_a,',
      'TD-7,notice_rejected,2026-02-03T18:00:00Z,,,,missing the signature',
      'TD-8,notice_received,2026-02-12T17:00:00Z,paper_moth,Acme Corp,t3_b,',
      'TD-8,notice_rejected,2026-02-12T18:00:00Z,,,,no work identified',
      'TD-9,notice_received,2026-02-02T17:00:00Z,rust_cat,Acme Corp,t3_c,',
      'TD-9,notice_rejected,2026-02-03T18:00:00Z,,,,',
      'TD-9,notice_validated,2026-02-19T17:00:00Z,,,,',
    ].join('\n');
    const r = runModule(takedownsModule, { 'takedown-log.csv': csv }, now);
    // Tue 3 Feb + 10 business days (Mon 16 Feb skipped) = Wed 18 Feb.
    expect(caseOf(r.json, 'TD-7')).toMatchObject({ state: 'retracted_implied', open: false, impliedRetractionAt: '2026-02-18T18:00:00.000Z' });
    expect(caseOf(r.json, 'TD-8')).toMatchObject({ state: 'notice_rejected', open: true, due: 'await_complainant', deadline: '2026-02-27T18:00:00.000Z', overdue: false });
    expect(r.problems).toEqual([
      expect.objectContaining({ row: 7, message: expect.stringContaining('case TD-9: retracted_implied → notice_validated is not allowed (the complainant was silent for 10 business days') as unknown }),
    ]);
    expect(r.notes).toEqual(['takedowns: 2 notices count as retracted after 10 business days of complainant silence: TD-7, TD-9']);
    const withdrawn = [HEADER, 'TD-70,notice_received,2026-02-17T17:00:00Z,rust_cat,Acme Corp,t3_d,', 'TD-70,retracted,2026-02-18T17:00:00Z,,,,'].join('\n');
    expect(caseOf(runModule(takedownsModule, { 'takedown-log.csv': withdrawn }, now).json, 'TD-70')).toMatchObject({ state: 'closed_before_validation', open: false });
    const silence = runModule(takedownsModule, { 'takedown-log.csv': csv, 'creator-desk.yaml': 'takedowns:\n  implied_retraction_after_business_days: 20\n' }, now);
    expect(caseOf(silence.json, 'TD-7')).toMatchObject({ state: 'notice_rejected', open: true });
  });

  it('opens a termination review for an uploader at the strike threshold (a withdrawn notice does not count)', () => {
    const csv = [
      HEADER,
      ...opened('TD-10', 'Neon_Fox', '2025-11-03'),
      ...opened('TD-11', 'neon_fox', '2026-01-05'),
      ...opened('TD-12', 'neon_fox', '2026-02-17'),
      ...opened('TD-20', 'velvet_doodle', '2026-01-05'),
      ...opened('TD-21', 'velvet_doodle', '2026-01-26'),
      ...opened('TD-22', 'velvet_doodle', '2026-02-09'),
      'TD-22,retracted,2026-02-10T17:00:00Z,,,,claimant withdrew',
      // Outside the 365-day window.
      ...opened('TD-30', 'brush_studio', '2024-12-02'),
      ...opened('TD-31', 'brush_studio', '2026-01-05'),
      ...opened('TD-32', 'brush_studio', '2026-02-02'),
    ].join('\n');
    const r = runModule(takedownsModule, { 'takedown-log.csv': csv }, now);
    expect(r.problems).toEqual([]);
    const [, reviews] = r.sections(25);
    expect(reviews?.rows.map((row) => [row[0]?.text, row[1]?.text, row[2]?.text])).toEqual([['Neon_Fox', '3 / 3', 'TD-10, TD-11, TD-12']]);
    expect(r.headline).toContain('1 termination review');
    const uploaders = (r.json as { uploaders: { uploader: string; strikes: number; terminationReview: { status: string } | null }[] }).uploaders;
    expect(uploaders.map((u) => [u.uploader, u.strikes, u.terminationReview?.status ?? null])).toEqual([
      ['Neon_Fox', 3, 'open'],
      ['brush_studio', 2, null],
      ['velvet_doodle', 2, null],
    ]);
    const lower = runModule(takedownsModule, { 'takedown-log.csv': csv, 'creator-desk.yaml': 'takedowns:\n  repeat_infringer: { threshold: 2 }\n' }, now);
    expect(lower.headline).toContain('3 termination reviews');
  });

  it('reports bad rows with their row: an unknown event with a did-you-mean, a bad date, a future date', () => {
    const csv = [
      HEADER,
      'TD-1,notice_received,2026-02-02T17:00:00Z,inky_fox,Acme,t3_x,',
      'TD-1,content_disabld,2026-02-02T18:00:00Z,,,,',
      'TD-1,notice_validated,2026-02-30T18:00:00Z,,,,',
      'TD-1,notice_validated,yesterday,,,,',
      'TD-1,notice_validated,2026-03-30T18:00:00Z,,,,',
      ',notice_validated,2026-02-03T18:00:00Z,,,,',
    ].join('\n');
    const r = runModule(takedownsModule, { 'takedown-log.csv': csv }, now);
    const brief = r.problems.map((p) => [p.row, p.line, p.field, p.severity, p.message]);
    expect(brief).toEqual([
      [2, 3, 'event', 'error', expect.stringMatching(/^unknown event "content_disabld" — did you mean 'content_disabled'\? \(expected one of notice_received, /) as unknown],
      [3, 4, 'at', 'error', '"2026-02-30T18:00:00Z" is not a real date and time (no such day, hour or minute)'],
      [4, 5, 'at', 'error', expect.stringContaining('expected an ISO-8601 instant with an offset') as unknown],
      [5, 6, 'at', 'error', expect.stringContaining('is more than 5 minutes after the report\'s now') as unknown],
      [6, 7, 'case_id', 'error', 'required value is missing'],
    ]);
    // The good row still opened the case.
    expect(caseOf(r.json, 'TD-1')).toMatchObject({ state: 'notice_pending', due: 'validate_notice', deadline: '2026-02-03T17:00:00.000Z', overdue: true });
  });

  it('reports a settings typo at its YAML line with a did-you-mean, and computes nothing on bad settings', () => {
    const yaml = ['now: 2026-02-20T19:30:00Z', 'takedowns:', '  calendar: { time_zone: America/Los_Angeles }', '  restore_windw: { earliest: 10 }', '  repeat_infringer:', '    threshold: 0', ''].join('\n');
    const csv = [HEADER, ...opened('TD-1', 'inky_fox', '2026-02-02')].join('\n');
    const r = runModule(takedownsModule, { 'takedown-log.csv': csv, 'creator-desk.yaml': yaml }, now);
    expect(r.problems.map((p) => [p.line, p.field, p.message]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
      [4, 'takedowns.restore_windw', expect.stringContaining("unknown key 'restore_windw' (did you mean 'restore_window'?)") as unknown],
      [6, 'takedowns.repeat_infringer.threshold', 'at least 1 strike'],
    ]);
    expect(r.problems.every((p) => p.severity === 'error')).toBe(true);
    expect(casesOf(r.json)).toEqual([]);
    expect(r.sections(25)[0]?.emptyText).toBe('settings have errors: see input problems');
    const early = runModule(takedownsModule, { 'takedown-log.csv': csv, 'creator-desk.yaml': 'takedowns:\n  restore_window: { earliest: 9 }\n' }, now);
    expect(early.problems[0]).toMatchObject({ line: 2, field: 'takedowns.restore_window.earliest', message: '§512(g)(2)(C): no sooner than 10 business days' });
  });

  it('reads a JSON log; a suit notice needs its case number, then holds the case; a restore in the window ends it', () => {
    const ev = (case_id: string, event: string, at: string, extra: Record<string, string> = {}) => ({ case_id, event, at, ...extra });
    const base = (id: string) => [
      ev(id, 'notice_received', '2026-01-05T17:00:00Z', { uploader: 'cloud_bean', claimant: 'Paper Comet', item_id: `t3_${id}` }),
      ev(id, 'notice_validated', '2026-01-05T17:30:00Z'),
      ev(id, 'disable', '2026-01-05T17:40:00Z'),
      ev(id, 'notify_uploader', '2026-01-05T17:50:00Z'),
      ev(id, 'counter_validated', '2026-01-26T18:00:00Z'),
      ev(id, 'forward_counter_notice', '2026-01-26T19:00:00Z'),
    ];
    const json = JSON.stringify({
      events: [
        ...base('TD-40'),
        ev('TD-40', 'suit_notice_received', '2026-02-05T18:00:00Z'),
        ev('TD-40', 'suit_notice_received', '2026-02-05T19:00:00Z', { note: 'N.D. Cal. 5:26-cv-01234' }),
        ...base('TD-41'),
        // Mon 26 Jan + 10 business days (Presidents' Day is later) = Mon 9 Feb.
        ev('TD-41', 'content_restored', '2026-02-10T18:00:00Z'),
      ],
    });
    const r = runModule(takedownsModule, { 'takedowns.json': json }, now);
    expect(r.problems).toEqual([
      expect.objectContaining({ row: 7, message: 'case TD-40: restore_window → suit_notice_received is not allowed (record the court or case number the complainant gave)' }),
    ]);
    expect(r.problems[0]?.line).toBeUndefined();
    expect(caseOf(r.json, 'TD-40')).toMatchObject({ state: 'litigation_hold', open: true, due: 'litigation_hold', deadline: null, lawsuitReference: 'N.D. Cal. 5:26-cv-01234' });
    expect(caseOf(r.json, 'TD-41')).toMatchObject({ state: 'restored', open: false, due: null, restoredLate: false });
    expect(r.sections(25)[0]?.rows.map((row) => row[0]?.text)).toEqual(['TD-40']);
  });

  it('joins creator-desk report: its sections, headline phrases and JSON part', () => {
    const csv = [HEADER, ...opened('TD-2', 'moon_otter', '2026-01-12'), 'TD-2,counter_validated,2026-01-20T17:00:00Z,,,,', 'TD-2,forward_counter_notice,2026-01-20T18:00:00Z,,,,'].join('\n');
    const dir = tempDir({ 'takedown-log.csv': csv });
    const { report } = reportFromDir(dir, coreLoaders, { now, clock: () => now });
    expect(headlineParts(report)).toContain('1 takedown deadline overdue');
    const q = report.queues.find((x) => x.name === 'takedowns');
    expect(q?.sections(25).map((s) => s.title)).toEqual(['Takedown cases (§512)', 'Termination reviews']);
  });
});
