import { readFileSync } from 'node:fs';
import { takedownCalendar, type BusinessCalendar } from '@creator-desk/core';
import type { InputProblem } from '../readers/problems.js';
import { tableFormatOf } from '../readers/table.js';
import { readModuleSettings, type QueueModule, type QueueModuleContext, type QueueModuleReport } from '../report/queue-module.js';
import { id, plain, section, user, type Cell } from '../report/section.js';
import { shortTime } from '../report/sections.js';
import { caseDeadline, type CaseDeadline } from './case-deadline.js';
import { caseStateName, replayTakedownCase, type ReplayedCase } from './replay-case.js';
import { repeatInfringers, type UploaderStrikes } from './repeat-infringers.js';
import { readTakedownEvents, type TakedownEvent } from './takedown-events.js';
import { takedownSettingsSchema } from './takedown-settings.js';

/** A replayed case with its next deadline (undefined once it is no longer open). */
interface CaseRow {
  case: ReplayedCase;
  next: CaseDeadline | undefined;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
const iso = (d: Date | string | undefined): string | null => (d === undefined ? null : typeof d === 'string' ? d : d.toISOString());

/** Open cases: overdue first, then by deadline (cases without one last), then by id. */
function byUrgency(a: CaseRow, b: CaseRow): number {
  const ao = a.next?.overdue === true ? 0 : 1;
  const bo = b.next?.overdue === true ? 0 : 1;
  if (ao !== bo) return ao - bo;
  const ad = a.next?.deadline?.getTime() ?? Number.POSITIVE_INFINITY;
  const bd = b.next?.deadline?.getTime() ?? Number.POSITIVE_INFINITY;
  return ad !== bd ? ad - bd : a.case.id.localeCompare(b.case.id);
}

/** Core's takedown calendar, its US holidays reaching back to the log's oldest event. */
function calendarOf(ctx: QueueModuleContext, settings: ReturnType<typeof takedownSettingsSchema.parse>, oldest: Date | undefined): BusinessCalendar {
  return takedownCalendar({
    timeZone: settings.calendar.time_zone ?? ctx.timeZone,
    usHolidays: settings.calendar.us_federal_holidays,
    extraHolidays: settings.calendar.holidays,
    now: ctx.now,
    ...(oldest ? { since: oldest } : {}),
  });
}

/** Builds the takedowns part of the report from the takedown log files and `takedowns:` settings. */
export function buildTakedowns(ctx: QueueModuleContext): QueueModuleReport {
  const problems: InputProblem[] = [];
  const notes: string[] = [];
  const inputs: QueueModuleReport['inputs'] = [];
  const settings = readModuleSettings(ctx, 'takedowns', takedownSettingsSchema);
  problems.push(...settings.problems);
  const s = settings.value;
  const events: TakedownEvent[] = [];
  for (const f of ctx.files) {
    const format = tableFormatOf(f.name);
    if (format === undefined) continue;
    let text: string;
    try {
      text = readFileSync(f.path, 'utf8');
    } catch (e) {
      problems.push({ file: f.path, severity: 'error', message: `cannot read the file: ${e instanceof Error ? e.message : String(e)}` });
      continue;
    }
    // Named by path, as the core inputs are, so every problem of the report points at the same place.
    const read = readTakedownEvents(text, f.path, format, ctx.now);
    problems.push(...read.problems);
    events.push(...read.events);
    inputs.push({ file: f.path, kind: 'takedown log events', records: read.events.length });
  }

  let rows: CaseRow[] = [];
  let uploaders: UploaderStrikes[] = [];
  if (!settings.ok) {
    notes.push('takedowns: the settings have errors (see the input problems), so no deadlines were computed');
  } else {
    let oldest: Date | undefined;
    for (const e of events) if (oldest === undefined || e.at < oldest) oldest = e.at;
    const calendar = calendarOf(ctx, s, oldest);
    const byCase = new Map<string, TakedownEvent[]>();
    for (const e of events) {
      const list = byCase.get(e.caseId) ?? [];
      list.push(e);
      byCase.set(e.caseId, list);
    }
    const env = { calendar, restoreWindow: s.restore_window, silenceBusinessDays: s.implied_retraction_after_business_days, now: ctx.now };
    for (const [caseId, list] of byCase) {
      const r = replayTakedownCase(caseId, list, env);
      problems.push(...r.problems);
      rows.push({ case: r.case, next: caseDeadline(r.case, ctx.now, calendar, s.act_within_business_days) });
    }
    rows = rows.sort(byUrgency);
    const lapsed = rows.filter((r) => r.case.phase === 'retracted_implied').map((r) => r.case.id);
    if (lapsed.length > 0) {
      notes.push(`takedowns: ${plural(lapsed.length, 'notice counts', 'notices count')} as retracted after ${s.implied_retraction_after_business_days} business days of complainant silence: ${lapsed.join(', ')}`);
    }
    uploaders = repeatInfringers(rows.map((r) => r.case), ctx.now, s.repeat_infringer.threshold, s.repeat_infringer.window_days);
  }
  const open = rows.filter((r) => r.next !== undefined);
  const overdue = open.filter((r) => r.next?.overdue === true);
  const reviews = uploaders.filter((u) => u.review !== undefined);
  const tz = ctx.timeZone;

  const caseRow = (r: CaseRow): Cell[] => {
    const n = r.next as CaseDeadline;
    const flags = r.case.refused > 0 ? plain(`${plural(r.case.refused, 'row', 'rows')} refused`, 'yellow') : plain('');
    return [
      id(r.case.id),
      user(r.case.uploader),
      user(r.case.itemId),
      plain(caseStateName(r.case)),
      plain(n.opensAt !== undefined ? `${n.text} (opens ${shortTime(n.opensAt, tz)})` : n.text),
      plain(shortTime(n.deadline, tz)),
      n.overdue ? plain('OVERDUE', 'red') : plain(''),
      flags,
    ];
  };
  const reviewRow = (u: UploaderStrikes): Cell[] => [
    user(u.uploader),
    plain(`${u.count} / ${u.threshold}`, 'red'),
    user(u.cases.join(', ')),
    plain(shortTime(u.latestStrikeAt, tz)),
    plain('a moderator decides: terminate or decline'),
  ];

  const json = {
    settings: s,
    settingsOk: settings.ok,
    counts: { cases: rows.length, open: open.length, overdue: overdue.length, terminationReviews: reviews.length },
    cases: rows.map((r) => ({
      id: r.case.id,
      uploader: r.case.uploader ?? null,
      claimant: r.case.claimant ?? null,
      itemId: r.case.itemId ?? null,
      state: caseStateName(r.case),
      open: r.next !== undefined,
      due: r.next?.due ?? null,
      dueText: r.next?.text ?? null,
      deadline: iso(r.next?.deadline),
      overdue: r.next?.overdue ?? false,
      noticeReceivedAt: iso(r.case.noticeReceivedAt),
      restoreOpensAt: r.case.state?.restoreOpensAt ?? null,
      restoreClosesAt: r.case.state?.restoreClosesAt ?? null,
      impliedRetractionAt: iso(r.case.impliedRetractionAt),
      resolution: r.case.state?.resolution ?? null,
      lawsuitReference: r.case.state?.lawsuitReference ?? null,
      restoredLate: r.case.state?.restoredLate ?? null,
      events: r.case.events,
      refusedRows: r.case.refused,
      lastEventAt: iso(r.case.lastEventAt),
    })),
    uploaders: uploaders.map((u) => ({
      uploader: u.uploader,
      strikes: u.count,
      threshold: u.threshold,
      cases: u.cases,
      latestStrikeAt: iso(u.latestStrikeAt),
      terminationReview: u.review ? { id: u.review.id, status: u.review.status, strikeIds: u.review.strikeIds } : null,
    })),
  };

  return {
    name: 'takedowns',
    sections: (limit) => [
      section('Takedown cases (§512)', ['case', 'uploader', 'item', 'state', 'due', `deadline (${tz})`, 'overdue', 'flags'], open, caseRow, limit, settings.ok ? 'no open takedown cases' : 'settings have errors: see input problems', ['item', 'flags']),
      section('Termination reviews', ['uploader', 'strikes', 'cases', 'latest strike', 'decision'], reviews, reviewRow, limit, `no uploader at ${s.repeat_infringer.threshold} strikes`),
    ],
    json,
    headline: [plural(overdue.length, 'takedown deadline overdue', 'takedown deadlines overdue'), plural(reviews.length, 'termination review', 'termination reviews')],
    problems,
    notes,
    inputs,
  };
}

/** The takedown log queue: `takedown*.csv|json`, settings under `takedowns:`. */
export const takedownsModule: QueueModule = {
  name: 'takedowns',
  files: /^takedowns?[\w.-]*\.(?:csv|json)$/i,
  settingsKey: 'takedowns',
  build: buildTakedowns,
};
