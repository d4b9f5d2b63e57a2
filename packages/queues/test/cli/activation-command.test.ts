import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { parseEventsPage, renderEventText } from '@creator-desk/core';
import { registerActivationCommand, type ActivationIo } from '../../src/cli/activation-command.js';

function run(argv: string[], files: Record<string, string> = {}): { out: string; err: string; code: number } {
  let out = '';
  let err = '';
  let code = 0;
  const io: ActivationIo = {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    readFile: (p) => files[p] ?? readFileSync(p, 'utf8'),
    exists: (p) => p in files || p === 'examples/creator-desk.yaml',
    exit: (c) => void (code = Math.max(code, c)),
  };
  const program = new Command('creator-desk').exitOverride();
  registerActivationCommand(program, io);
  program.parse(argv, { from: 'user' });
  return { out, err, code };
}

const TRACKER = (announcement: string) => `activations:
  - id: aurora-spring-kicks
    brand: Aurora Sneakers
    name: "Spring Kicks for r/sneakers"
${announcement}
    milestones:
      launch: { due: 2026-03-03 }
      community_announcement: { due: 2026-03-04 }
`;

describe('creator-desk activation export-event', () => {
  it("prints the example's announcement as an events-page entry that core's events parser reads without a problem", () => {
    const r = run(['activation', 'export-event', 'examples/activations.yaml', '--id', 'blue-finch-latte-art']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const page = parseEventsPage(r.out, { source: 'events' });
    expect(page.diagnostics).toEqual([]);
    expect(page.events).toHaveLength(1);
    const e = page.events[0]!;
    expect(e).toMatchObject({ id: 'blue-finch-latte-art', timeZone: 'America/Los_Angeles', title: 'Blue Finch Coffee × Collectible Avatars: the Latte Art collection is live' });
    // 09:00 Pacific on Thursday 26 February 2026 (PST, UTC-8).
    expect(page.events[0]!.schedule).toBeDefined();
    expect(r.out).toContain('start: 2026-02-26 09:00');
  });

  it("keeps the tracker's words from pinging, linking or templating in what the app posts", () => {
    const r = run(['activation', 'export-event', 'act.yaml', '--id', 'aurora-spring-kicks'], {
      'act.yaml': TRACKER(`    announcement:
      title: "Drop for u/pastel_fox at https://example.com {{date}}"
      body: "Art by u/pastel_fox for r/sneakers: [shop](https://evil.example) **now** {{title}}"`),
    });
    expect(r.code).toBe(0);
    const page = parseEventsPage(r.out);
    expect(page.diagnostics).toEqual([]);
    const e = page.events[0]!;
    const at = Date.parse('2026-03-04T18:00:00Z');
    const title = renderEventText(e.title, at, e.timeZone, { id: e.id }, { plain: true });
    const body = renderEventText(e.body, at, e.timeZone, { id: e.id, title });
    for (const text of [title, body]) {
      expect(text).not.toMatch(/\b[ur]\//i);
      expect(text).not.toMatch(/https?:\/\//);
    }
    // Placeholders in the tracker's text stay text: no date or title is filled in.
    expect(title.replace(/\u2060/g, '')).toContain('{{date}}');
    expect(body).not.toContain('](');
    expect(body).toContain('\\*\\*now\\*\\*');
    // The words are all still there for readers (the joiners are invisible).
    expect(title.replace(/\u2060/g, '')).toBe('Drop for u/pastel_fox at https://example.com {{date}}');
  });

  it('builds a title and body from the brand and name when the tracker has no announcement text', () => {
    const r = run(['activation', 'export-event', 'act.yaml', '--id', 'aurora-spring-kicks'], { 'act.yaml': TRACKER('') });
    expect(r.code).toBe(0);
    const page = parseEventsPage(r.out);
    expect(page.diagnostics).toEqual([]);
    expect(page.events[0]!.title.replace(/\u2060/g, '')).toBe('Aurora Sneakers: Spring Kicks for r/sneakers');
    expect(page.events[0]!.title).not.toMatch(/r\//);
    expect(r.out).toContain('start: 2026-03-04 10:00');
  });

  it('uses the zone and announce time of the settings beside the tracker', () => {
    const r = run(['activation', 'export-event', 'dir/act.yaml', '--id', 'aurora-spring-kicks'], {
      'dir/act.yaml': TRACKER(''),
      'dir/creator-desk.yaml': 'activations:\n  time_zone: Europe/Berlin\n  announce_time: "17:30"\n',
    });
    expect(r.code).toBe(0);
    expect(parseEventsPage(r.out).events[0]).toMatchObject({ timeZone: 'Europe/Berlin' });
    expect(r.out).toContain('start: 2026-03-04 17:30');
  });

  it('exits 1 naming the known ids for an unknown id, and for an activation without an announcement milestone', () => {
    const unknown = run(['activation', 'export-event', 'examples/activations.yaml', '--id', 'nope']);
    expect(unknown.code).toBe(1);
    expect(unknown.out).toBe('');
    expect(unknown.err).toContain('no activation with id nope (activations: blue-finch-latte-art, aurora-spring-kicks');
    const none = run(['activation', 'export-event', 'act.yaml', '--id', 'x'], { 'act.yaml': 'activations:\n  - id: x\n    brand: B\n    name: N\n    milestones: { launch: { due: 2026-03-03 } }\n' });
    expect(none.code).toBe(1);
    expect(none.err).toContain('has no community_announcement milestone');
  });

  it('exits 1 when the --settings file cannot be read', () => {
    const r = run(['activation', 'export-event', 'examples/activations.yaml', '--id', 'aurora-spring-kicks', '--settings', '/nonexistent/creator-desk.yaml']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('/nonexistent/creator-desk.yaml: error: cannot read the settings (ENOENT)');
  });

  it('keeps a long, punctuation-heavy body within the events page limit', () => {
    const body = '[x](y) '.repeat(700);
    const r = run(['activation', 'export-event', 'act.yaml', '--id', 'aurora-spring-kicks'], { 'act.yaml': TRACKER(`    announcement:\n      body: "${body}"`) });
    expect(r.code).toBe(0);
    const page = parseEventsPage(r.out);
    expect(page.diagnostics).toEqual([]);
    // Cut to 3,000 characters before escaping (escaping can triple it), marked as cut.
    expect(page.events[0]!.body.endsWith('…')).toBe(true);
    expect(page.events[0]!.body.length).toBeLessThanOrEqual(10_000);
  });

  it('shows the problems of the tracker when the activation could not be read', () => {
    const r = run(['activation', 'export-event', 'act.yaml', '--id', 'x'], { 'act.yaml': 'activations:\n  - id: x\n    brand: B\n    name: N\n    milestones: { launch: { due: 2026-02-30 } }\n' });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/act\.yaml:5.*milestones\.launch\.due: expected a calendar date/);
  });
});
