import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { EXAMPLE_INQUIRY_RULES, EXAMPLE_INQUIRY_SETTINGS, exampleInquiries } from '../../../../scripts/examples/inquiries.js';

const SETTINGS = `now: 2026-02-20T19:30:00Z
inquiries:
  first_response: { default: 8h, escalation_question: 4h }
  templates:
    tooling: "Hi {{contractor}}, try a fresh session for: {{subject}}"
`;
const HEADER = 'id,contractor,received_at,subject,body,status,answered_at,thread\n';
// Friday 20 February 2026, 11:30 PST. Monday the 16th was Presidents' Day.
const CSV = `${HEADER}q1,rev_amara,2026-02-19T17:00:00Z,Review tool logs me out,,open,,
q2,rev_jonas,2026-02-20T17:30:00Z,Review tool logs me out again,,open,,
q3,rev_keiko,2026-02-18T17:00:00Z,Review tool logs me out,,answered,2026-02-18T18:00:00Z,
q4,rev_keiko,2026-02-18T19:00:00Z,Re: Review tool logs me out,,answered,2026-02-18T20:00:00Z,q3
q5,rev_luis,2026-02-17T17:00:00Z,Which team for trademarks?,please escalate?,closed,,
`;
const RULES = 'type: inquiry\nsubject: [logs me out]\ncategory: tooling\n---\ntype: inquiry\nbody: [escalate]\ncategory: escalation_question\n';

describe('creator-desk report: contractor inquiries', () => {
  it('lists the inquiries waiting for a first response, breached first, with the suggested template', async () => {
    const dir = tempDir({ 'creator-desk.yaml': SETTINGS, 'inquiries.csv': CSV, 'inquiry-rules.yaml': RULES });
    const r = await cli(['report', dir, '--format', 'json']);
    expect(r.code).toBe(0);
    const q = JSON.parse(r.stdout).queues.inquiries;
    // q1: Thursday 09:00 + 8 business hours = Thursday 17:00, breached; q2: Friday 09:30 → Monday 09:30.
    expect(q.awaitingFirstResponse).toEqual(['q1', 'q2']);
    const byId = Object.fromEntries(q.inquiries.map((i: { id: string }) => [i.id, i]));
    expect(byId.q1).toMatchObject({ category: 'tooling', state: 'breached', breachAt: '2026-02-20T01:00:00.000Z', suggestion: 'Hi rev_amara, try a fresh session for: Review tool logs me out' });
    expect(byId.q2).toMatchObject({ state: 'on-time', breachAt: '2026-02-23T17:30:00.000Z' });
    expect(byId.q3).toMatchObject({ state: 'answered' });
    // Closed without an answer: not on the clock.
    expect(byId.q5).toBeUndefined();
    // The follow-up q4 is the same thread as q3: three threads asked the logout question this week.
    expect(q.repeated).toContainEqual({ week: '2026-02-16', kind: 'subject', label: 'Review tool logs me out', category: 'tooling', count: 3, ids: ['q3', 'q1', 'q2'] });
    expect(q.repeated).toContainEqual(expect.objectContaining({ kind: 'category', label: 'tooling', count: 3 }));
  });

  it('puts the breached count in the headline and the sections in Markdown', async () => {
    const dir = tempDir({ 'creator-desk.yaml': SETTINGS, 'inquiries.csv': CSV, 'inquiry-rules.yaml': RULES });
    const r = await cli(['report', dir, '--format', 'md']);
    expect(r.stdout).toContain('1 inquiry awaiting a first response past SLA');
    expect(r.stdout).toContain('### Contractor inquiries — first response (2)');
    expect(r.stdout).toContain('### Repeated questions');
  });

  it('reports bad rows with file, row and line and exits 1, keeping the good rows', async () => {
    const bad = `${CSV}q6,rev_amara,2026-02-31T10:00:00Z,Bad date,,open,,\nq7,rev_amara,2026-02-19T10:00:00Z,Bad status,,opened,,\nq8,rev_amara,2026-02-19T10:00:00Z,Answer before question,,answered,2026-02-18T10:00:00Z,\nq9,rev_amara,2026-02-20T19:40:00Z,From the future,,open,,\n`;
    const dir = tempDir({ 'creator-desk.yaml': SETTINGS, 'inquiries.csv': bad, 'inquiry-rules.yaml': RULES });
    const r = await cli(['report', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    const file = join(dir, 'inquiries.csv');
    expect(doc.problems).toEqual(expect.arrayContaining([
      expect.objectContaining({ file, row: 6, line: 7, field: 'received_at', severity: 'error' }),
      expect.objectContaining({ file, row: 7, line: 8, field: 'status', severity: 'error', message: expect.stringContaining('expected one of open | pending | answered | closed') }),
      expect.objectContaining({ file, row: 8, line: 9, field: 'answered_at', severity: 'error' }),
      expect.objectContaining({ file, row: 9, line: 10, field: 'received_at', severity: 'error', message: expect.stringContaining("after the report's now") }),
    ]));
    expect(doc.queues.inquiries.inquiries).toHaveLength(4);
  });

  it('reads a JSON export ({inquiries: [...]}) the same way, null answered_at included', async () => {
    const json = JSON.stringify({ inquiries: [
      { id: 'j1', contractor: 'rev_luis', received_at: '2026-02-19T17:00:00Z', subject: 'Review tool logs me out', status: 'open', answered_at: null },
      { id: 'j2', contractor: 'rev_luis', received_at: 'yesterday', subject: 'x', status: 'open' },
    ] });
    const dir = tempDir({ 'creator-desk.yaml': SETTINGS, 'inquiries-week8.json': json, 'inquiry-rules.yaml': RULES });
    const r = await cli(['report', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.queues.inquiries.inquiries).toEqual([expect.objectContaining({ id: 'j1', category: 'tooling', state: 'breached' })]);
    expect(doc.problems).toEqual([expect.objectContaining({ file: join(dir, 'inquiries-week8.json'), row: 2, field: 'received_at', severity: 'error' })]);
  });

  it('reports a template with an unknown placeholder as a settings error', async () => {
    const dir = tempDir({ 'creator-desk.yaml': `${SETTINGS}    other: "Hi {{name}}"\n`, 'inquiries.csv': CSV });
    const r = await cli(['report', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).problems).toContainEqual(expect.objectContaining({ field: 'inquiries.templates.other', message: expect.stringContaining('unknown placeholder {{name}}') }));
  });
});

describe('the example inquiries', () => {
  const example = (name: string) => readFileSync(new URL(`../../../../examples/${name}`, import.meta.url), 'utf8');

  it('regenerate byte for byte, with their rules and settings', () => {
    expect(exampleInquiries()).toBe(example('inquiries.csv'));
    expect(EXAMPLE_INQUIRY_RULES).toBe(example('inquiry-rules.yaml'));
    expect(example('creator-desk.yaml')).toContain(EXAMPLE_INQUIRY_SETTINGS);
  });

  it('hold a week of about forty questions, repeats among them, and some past their first-response target', async () => {
    const r = await cli(['report', 'examples', '--format', 'json']);
    const doc = JSON.parse(r.stdout);
    expect(doc.problems).toEqual([]);
    const q = doc.queues.inquiries;
    expect(doc.inputs).toContainEqual(expect.objectContaining({ kind: 'contractor inquiries', records: 44 }));
    const states = q.inquiries.map((i: { state: string }) => i.state);
    expect(states.filter((s: string) => s === 'breached')).toHaveLength(3);
    expect(states).toContain('due-soon');
    expect(q.repeated.filter((x: { kind: string; count: number }) => x.kind === 'subject' && x.count >= 3).length).toBeGreaterThanOrEqual(3);
  });
});
