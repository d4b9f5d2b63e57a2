import { describe, expect, it } from 'vitest';
import { parseEventsPage } from '../../src/events/index.js';

const at = (text: string) => parseEventsPage(text).diagnostics.map((d) => `${d.line}:${d.column}: ${d.message}`);

describe('parseEventsPage', () => {
  it('reads a page with every key', () => {
    const page = parseEventsPage(`# weekly drops
events:
  - id: weekly-drop
    title: "Weekly drop — {{date MMMM d}}"
    body: |
      Drops open at {{time}} {{zone}}.
    time_zone: America/New_York
    start: 2026-03-03 18:00
    duration: 2h
    rrule: FREQ=WEEKLY;BYDAY=TU,TH
    until: 2026-06-30
    skip: [2026-03-17]
    announce: 1d
    reminders: [1h, 12h]
    flair: {text: "Drop {{date MMM d}}", template_id: abc}
    sticky: 1
    distinguish: true
    rotate: {unsticky: true, lock: true, end_note: "This drop has ended."}
`);
    expect(page.diagnostics).toEqual([]);
    expect(page.lines.get('weekly-drop')).toBe(3);
    expect(page.events[0]).toMatchObject({ id: 'weekly-drop', durationMinutes: 120, announceMinutes: 1440, reminders: [720, 60], sticky: 1, distinguish: true, reminderAs: 'comment', flair: { text: 'Drop {{date MMM d}}', templateId: 'abc' }, rotate: { unsticky: true, lock: true, endNote: 'This drop has ended.' } });
  });

  it('reports each problem at its line:col and keeps the good events', () => {
    const text = `events:
  - id: good
    title: Good
    time_zone: UTC
    start: 2026-01-01 10:00
  - id: Bad_Id
    title: x
    time_zone: Mars/Olympus
    start: 2026-01-01 25:00
    rrule: FREQ=YEARLY
    reminders: [soon]
    colour: red
  - id: good
    title: "{{date nnn}} {{nope}}"
    time_zone: UTC
    start: 2026-01-01 10:00
    announce: 1h
    reminders: [2h]
`;
    const page = parseEventsPage(text);
    expect(page.events.map((e) => e.id)).toEqual(['good']);
    expect(at(text)).toEqual([
      '6:9: id: expected lower-case letters, digits and dashes (at most 40)',
      '12:5: unknown key(s): colour',
      expect.stringMatching(/^14:12: \{\{date nnn\}\}: /),
      '14:12: unknown placeholder {{nope}}',
      '18:17: a reminder 2h before the start comes before the announcement (announce: 1h); post it as a new post (reminder_as: post) or announce earlier',
    ]);
  });

  it('reports zone, time, recurrence and duration problems of an otherwise well-formed event', () => {
    expect(at(`events:\n  - id: a\n    title: A\n    time_zone: Mars/Olympus\n    start: 2026-01-01 25:00\n    rrule: FREQ=YEARLY\n    reminders: [soon]\n`)).toEqual([
      '4:16: `Mars/Olympus` is not an IANA time zone (e.g. America/New_York)',
      '5:12: `2026-01-01 25:00` must be a local date and time, YYYY-MM-DD HH:mm',
      '6:12: FREQ=YEARLY is not supported (DAILY, WEEKLY or MONTHLY)',
      '7:17: `soon` is not a duration (e.g. 30m, 2h, 1d)',
    ]);
  });

  it('rejects far dates, huge counts and duplicate ids', () => {
    expect(at(`events:\n  - id: a\n    title: A\n    time_zone: UTC\n    start: 2300-01-01 10:00\n`)).toEqual(['5:12: start must be between 2000-01-01 and 2100-12-31']);
    expect(at(`events:\n  - id: a\n    title: A\n    time_zone: UTC\n    start: 2026-01-01 10:00\n    repeat: daily\n    count: 99999999\n`)).toEqual([
      '7:12: count: Too big: expected number to be <=1000',
    ]);
    expect(at(`events:\n  - id: a\n    title: A\n    time_zone: UTC\n    start: 2026-01-01 10:00\n  - id: a\n    title: B\n    time_zone: UTC\n    start: 2026-01-02 10:00\n`)).toEqual([
      '6:9: event id `a` is used twice (first on line 2)',
    ]);
  });

  it('reports YAML syntax errors and a wrong top level', () => {
    expect(at('events:\n  - id: a\n   title: [\n')[0]).toMatch(/^3:/);
    expect(at('- id: a\n')).toEqual(['1:1: expected a mapping with `events:` (a list of events)']);
    expect(at('event:\n  - id: a\n')).toEqual(['1:1: unknown key(s): event (expected events:)']);
    expect(parseEventsPage('# nothing yet\n')).toMatchObject({ events: [], diagnostics: [] });
  });
});
