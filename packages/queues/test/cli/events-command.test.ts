import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { registerEventsCommand, type EventsIo } from '../../src/cli/events-command.js';

const EXAMPLE = 'examples/events/events.yaml';

function run(argv: string[], files: Record<string, string> = {}): { out: string; err: string; code: number } {
  let out = '';
  let err = '';
  let code = 0;
  const io: EventsIo = {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    readFile: (p) => files[p] ?? readFileSync(p, 'utf8'),
    exit: (c) => void (code = Math.max(code, c)),
    clock: () => new Date('2026-03-01T00:00:00Z'),
  };
  const program = new Command('creator-desk').exitOverride();
  registerEventsCommand(program, io);
  program.parse(argv, { from: 'user' });
  return { out, err, code };
}

describe('creator-desk events next', () => {
  it('prints the next occurrences of the example page across the DST change, the shifted 02:30 marked', () => {
    const r = run(['events', 'next', EXAMPLE, '--count', '6']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')).toEqual([
      '2026-03-03T23:00:00.000Z  Tue 2026-03-03 18:00 EST (America/New_York)  weekly-drop  Weekly drop — March 3',
      '2026-03-08T07:30:00.000Z  Sun 2026-03-08 03:30 EDT (America/New_York)  night-owl-ama  Night-owl AMA  [scheduled 2026-03-08 02:30 does not exist (DST); posted at the shifted time]',
      '2026-03-10T17:00:00.000Z  Tue 2026-03-10 17:00 GMT (Europe/London)  office-hours  Artist office hours (March)',
      '2026-03-10T22:00:00.000Z  Tue 2026-03-10 18:00 EDT (America/New_York)  weekly-drop  Weekly drop — March 10',
      '2026-03-17T22:00:00.000Z  Tue 2026-03-17 18:00 EDT (America/New_York)  weekly-drop  Weekly drop — March 17',
      '2026-03-24T22:00:00.000Z  Tue 2026-03-24 18:00 EDT (America/New_York)  weekly-drop  Weekly drop — March 24',
      '',
    ]);
  });

  it('--json, --after', () => {
    const r = run(['events', 'next', EXAMPLE, '--json', '--count', '1', '--after', '2026-04-01T00:00:00Z']);
    expect(JSON.parse(r.out)).toEqual({
      file: EXAMPLE,
      after: '2026-04-01T00:00:00.000Z',
      occurrences: [{ id: 'weekly-drop', start: '2026-04-07T22:00:00.000Z', local: 'Tue 2026-04-07 18:00 EDT', timeZone: 'America/New_York', title: 'Weekly drop — April 7' }],
    });
  });

  it('an invalid page: every error as FILE:LINE:COL, no schedule, exit 1', () => {
    const r = run(['events', 'next', 'bad.yaml'], { 'bad.yaml': 'events:\n  - id: a\n    title: A\n    time_zone: Mars/Base\n    start: 2026-03-01 10:00\n    rrule: FREQ=HOURLY\n' });
    expect(r.out).toBe('');
    expect(r.err).toBe(
      [
        'bad.yaml:4:16: error: `Mars/Base` is not an IANA time zone (e.g. America/New_York)',
        'bad.yaml:6:12: error: FREQ=HOURLY is not supported (DAILY, WEEKLY or MONTHLY)',
        "bad.yaml: 2 errors; the app would keep its last good events page",
        '',
      ].join('\n'),
    );
    expect(r.code).toBe(1);
  });

  it('usage errors: a bad --count or --after exits 2; a missing file exits 1', () => {
    expect(run(['events', 'next', EXAMPLE, '--count', '100000']).code).toBe(2);
    expect(run(['events', 'next', EXAMPLE, '--after', 'yesterday']).code).toBe(2);
    expect(run(['events', 'next', 'nope.yaml'])).toMatchObject({ code: 1, err: expect.stringMatching(/^nope.yaml: error: cannot read the file \(ENOENT\)/) });
  });
});

describe('creator-desk events ics', () => {
  it('writes an iCalendar file that ical.js reads back with the same instants and titles', () => {
    const r = run(['events', 'ics', EXAMPLE, '--count', '12', '--name', 'r/CollectibleCreators events']);
    expect(r.code).toBe(0);
    const cal = new ICAL.Component(ICAL.parse(r.out));
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('r/CollectibleCreators events');
    const events = cal.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(events).toHaveLength(12);
    const next = run(['events', 'next', EXAMPLE, '--count', '12', '--json']);
    const expected = (JSON.parse(next.out) as { occurrences: { start: string; title: string }[] }).occurrences;
    expect(events.map((e) => [e.startDate.toJSDate().toISOString(), e.summary])).toEqual(expected.map((o) => [o.start, o.title]));
    // The skipped 31 March drop is absent; the weekly drop lasts 2 h.
    expect(events.some((e) => e.startDate.toJSDate().toISOString().startsWith('2026-03-31'))).toBe(false);
    const drop = events.find((e) => e.uid.startsWith('weekly-drop@'))!;
    expect(drop.endDate.toJSDate().getTime() - drop.startDate.toJSDate().getTime()).toBe(2 * 3600_000);
  });
});

describe('creator-desk rules check --events', () => {
  it('checks every event: id against the events page', async () => {
    const { registerRulesCommand } = await import('../../src/cli/rules-command.js');
    let out = '';
    let err = '';
    let code = 0;
    const program = new Command('creator-desk').exitOverride();
    const files: Record<string, string> = {
      'rules.yaml': 'type: submission\nflair_text: [Drop]\nevent: {id: weekly-drop, active: false}\naction: remove\n---\ntype: submission\nevent: {id: drop-weak, before: 1h}\naction: approve\n',
    };
    registerRulesCommand(program, {
      out: (t) => void (out += t),
      err: (t) => void (err += t),
      readFile: (p) => files[p] ?? readFileSync(p, 'utf8'),
      exit: (c) => void (code = Math.max(code, c)),
    });
    program.parse(['rules', 'check', 'rules.yaml', '--events', EXAMPLE], { from: 'user' });
    expect(out).toBe(`rules.yaml:7:1: error: event: no event 'drop-weak' on the events page ${EXAMPLE}\n`);
    expect(err).toBe('rules.yaml: 2 rules OK, 1 with errors; 1 error, 0 warnings\n');
    expect(code).toBe(1);
  });
});
