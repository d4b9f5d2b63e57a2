import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build-report.js';
import { coreLoaders } from '../../src/report/core-loaders.js';
import { reportToJson } from '../../src/report/format-json.js';
import { loadInputs } from '../../src/report/load-inputs.js';
import { reportFromDir } from '../../src/report/report-from-dir.js';
import { emptyRetryState } from '../../src/staging/retry-state.js';
import { FIXTURE_FILES } from '../helpers/report-fixture.js';
import { tempDir } from '../helpers/temp-dir.js';

const now = new Date('2026-02-18T20:00:00Z');
const REVIEW_HEADER = 'id,asset_type,artist,submitted_at,priority,status,assignee,status_history,title,flags,notes';

// The fixture plus a second review export and a second staging export that repeat ids (within and
// across files), bad rows, a history the review machine forbids, and a stage the settings do not know.
const files: Record<string, string> = {
  ...FIXTURE_FILES,
  'review-later.csv': [
    REVIEW_HEADER,
    'sub_late,avatar,someone,2026-02-18T10:00:00Z,normal,pending,,,Copy,,',
    'sub_new,avatar,amber,2026-02-18T11:00:00Z,normal,pending,,,Fresh,,',
    'sub_new,avatar,amber,2026-02-18T11:00:00Z,normal,pending,,,Again,,',
    'sub_bad,sticker,amber,2026-02-18T11:00:00Z,normal,pending,,,,,',
    'sub_odd,avatar,amber,2026-02-17T11:00:00Z,normal,approved,,pending@2026-02-17T11:00:00Z;escalated@2026-02-17T12:00:00Z;approved@2026-02-17T13:00:00Z,,,',
  ].join('\n'),
  'staging-more.csv': 'id,submission_id,artist,stage,entered_at,heartbeat_at,attempts,last_error\nstg_ok,x,y,upload,2026-02-18T19:55:00Z,,1,\nstg_m,x,y,mystery,2026-02-18T19:00:00Z,,1,\nstg_n,x,y,upload,yesterday,,1,\n',
};

describe('reportFromDir (the queue files streamed through the report builder)', () => {
  it('gives the same report as reading every item into memory first', () => {
    const dir = tempDir(files);
    const streamed = reportFromDir(dir, coreLoaders, { now, clock: () => now });
    const inputs = loadInputs(dir, coreLoaders);
    // reportFromDir adds the same notes the CLI always added after reading.
    inputs.notes.push('no --state: retry requests are not remembered, so a rerun would list them again');
    const whole = buildReport(inputs, emptyRetryState(), now);
    expect(reportToJson(streamed.report)).toBe(reportToJson(whole.report));
    expect(streamed.plan.requests).toEqual(whole.plan.requests);
  });

  it('reports bad rows, repeated ids within and across files, forbidden histories and unknown stages, and loses no good row', () => {
    const dir = tempDir(files);
    const { report } = reportFromDir(dir, coreLoaders, { now, clock: () => now });
    const messages = report.problems.map((p) => `${p.file.split('/').pop()}:${p.line ?? '-'} ${p.field ?? ''} ${p.message}`);
    expect(messages).toEqual([
      expect.stringMatching(/^review-later\.csv:5 asset_type expected one of/),
      expect.stringMatching(/^staging-more\.csv:4 entered_at expected an ISO-8601 instant/),
      // Repeated ids: the later status time wins; equal times, the later row.
      expect.stringMatching(/^review-later\.csv:- id duplicate id "sub_new": .*review-later\.csv row 3 has the same status time \(2026-02-18T11:00:00\.000Z, and comes later\), so that row is used and this one is not$/),
      expect.stringMatching(/^review-submissions\.csv:2 id duplicate id "sub_late": .*review-later\.csv row 1 has the later status time/),
      expect.stringMatching(/^staging-more\.csv:2 id duplicate id "stg_ok": .*staging-items\.csv row 1 has the later status time/),
      expect.stringMatching(/^review-later\.csv:6 status_history sub_odd: escalated → approved is not allowed/),
      expect.stringMatching(/^staging-more\.csv:- stage stage "mystery" \(1 item\) has no limits/),
    ]);
    // Every file counts the rows it contributed (a row that lost to a repeat of its id counts nowhere).
    expect(report.inputs.map((i) => [i.file.split('/').pop(), i.records])).toEqual([
      ['review-later.csv', 3],
      ['review-submissions.csv', 5],
      ['staging-items.csv', 7],
      ['staging-more.csv', 1],
    ]);
    expect(report.review.stats.find((s) => s.queue === 'all')?.pending).toBe(6);
  });
});
