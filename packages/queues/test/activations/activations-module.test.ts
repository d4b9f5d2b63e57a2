import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { EXAMPLE_ACTIVATION_SETTINGS, exampleActivations } from '../../../../scripts/examples/activations.js';

const SETTINGS = `now: 2026-02-20T19:30:00Z
activations:
  time_zone: America/Los_Angeles
  min_business_days: { review_passed: 2 }
`;

const TRACKER = `activations:
  - id: late-review
    brand: "Aurora *Sneakers*"
    name: Spring Kicks
    milestones:
      kickoff: { due: 2026-01-26, done: 2026-01-26 }
      assets_submitted: { due: 2026-02-13, done: 2026-02-19 }
      review_passed: { due: 2026-02-23, blocker: "Legal wants u/brand_rep to confirm" }
      launch: { due: 2026-03-05 }
  - id: on-track
    brand: Northwind Games
    name: Questline
    milestones:
      kickoff: { due: 2026-02-17, done: 2026-02-18 }
      launch: { due: 2026-02-24 }
`;

describe('creator-desk report: brand activations', () => {
  it('lists activations by launch date with their next milestone, owner and risk, and the milestones at risk', async () => {
    const dir = tempDir({ 'creator-desk.yaml': SETTINGS, 'activations.yaml': TRACKER });
    const r = await cli(['report', dir, '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    const q = doc.queues.activations;
    expect(q.today).toBe('2026-02-20');
    expect(q.activations.map((a: { id: string; risk: string }) => [a.id, a.risk])).toEqual([['on-track', 'ok'], ['late-review', 'at-risk']]);
    expect(q.activations[1].next).toEqual({ milestone: 'review_passed', owner: 'Legal', due: '2026-02-23', risk: 'at-risk' });
    expect(q.atRisk).toEqual([expect.objectContaining({ activation: 'late-review', milestone: 'review_passed', why: 'needs 2 business days after today (2026-02-20); 1 business day left before it is due' })]);
    expect(doc.inputs).toContainEqual({ file: join(dir, 'activations.yaml'), kind: 'activations', records: 2 });
  });

  it('says how many activations are at risk in the headline and escapes tracker text in Markdown', async () => {
    const dir = tempDir({ 'creator-desk.yaml': SETTINGS, 'activations.yaml': TRACKER });
    const r = await cli(['report', dir, '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 activation at risk');
    expect(r.stdout).toContain('### Brand activations (2)');
    expect(r.stdout).toContain('### Activation milestones at risk (1)');
    // On track, but its launch is two business days away (settings default due_soon_business_days: 2).
    expect(r.stdout).toMatch(/`on-track` \|.*\| ok, next due in 2 business days \|/);
    expect(r.stdout).toContain('Aurora \\*Sneakers\\*');
    // The blocker's username is shown as code, not a ping.
    expect(r.stdout).toContain('`u/brand_rep`');
    expect(r.stdout).not.toMatch(/(?<!`)u\/brand_rep/);
  });

  it('exits 1 on a bad tracker row, naming file and line, and still reports the good activations', async () => {
    const bad = TRACKER.replace('launch: { due: 2026-02-24 }', 'launch: { due: 2026-02-24, owner: Marketing }');
    const dir = tempDir({ 'creator-desk.yaml': SETTINGS, 'activations.yaml': bad });
    const r = await cli(['report', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.queues.activations.activations.map((a: { id: string }) => a.id)).toEqual(['late-review']);
    expect(doc.problems).toContainEqual(expect.objectContaining({ file: join(dir, 'activations.yaml'), line: 15, field: 'milestones.launch.owner', severity: 'error' }));
  });

  it('reads a CSV tracker beside the YAML one', async () => {
    const csv = 'activation_id,brand,activation,milestone,owner,due,done,after,blocker\nlumen-glow,Lumen Phones,Glow drop,kickoff,,2026-02-09,2026-02-09,,\nlumen-glow,Lumen Phones,Glow drop,launch,,2026-02-19,,,\n';
    const dir = tempDir({ 'creator-desk.yaml': SETTINGS, 'activations.yaml': TRACKER, 'activations-lumen.csv': csv });
    const r = await cli(['report', dir, '--format', 'json']);
    expect(r.code).toBe(0);
    const q = JSON.parse(r.stdout).queues.activations;
    expect(q.activations[0]).toMatchObject({ id: 'lumen-glow', file: join(dir, 'activations-lumen.csv'), risk: 'overdue', next: { milestone: 'launch', owner: 'Engineering' } });
  });

  it('names a misspelt milestone or us-federal in the settings, at its line', async () => {
    const dir = tempDir({ 'creator-desk.yaml': 'now: 2026-02-20T19:30:00Z\nactivations:\n  holidays: [us-federl]\n  min_business_days: { brif: 3 }\n', 'activations.yaml': TRACKER });
    const r = await cli(['report', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    const problems = JSON.parse(r.stdout).problems;
    expect(problems).toContainEqual(expect.objectContaining({ line: 3, field: 'activations.holidays.0', message: expect.stringContaining("did you mean 'us-federal'?") }));
    expect(problems).toContainEqual(expect.objectContaining({ line: 4, field: 'activations.min_business_days.brif', message: expect.stringContaining("unknown milestone 'brif' — did you mean 'brief'?") }));
  });

  it('warns about a milestone marked done after today', async () => {
    const dir = tempDir({ 'creator-desk.yaml': SETTINGS, 'activations.yaml': TRACKER.replace('kickoff: { due: 2026-02-17, done: 2026-02-18 }', 'kickoff: { due: 2026-02-17, done: 2026-02-25 }') });
    const r = await cli(['report', dir, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).problems).toEqual([expect.objectContaining({ line: 14, severity: 'warning', field: 'milestones.kickoff.done', message: expect.stringContaining('after today (2026-02-20)') })]);
  });

  it('reports a bad settings key at its line of creator-desk.yaml', async () => {
    const dir = tempDir({ 'creator-desk.yaml': `${SETTINGS}  time_zone_x: 1\n`, 'activations.yaml': TRACKER });
    const r = await cli(['report', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).problems).toContainEqual(expect.objectContaining({ line: 5, severity: 'error' }));
  });
});

describe('the example activations', () => {
  it('regenerate byte for byte, and their settings are in the example creator-desk.yaml', () => {
    const example = (name: string) => readFileSync(new URL(`../../../../examples/${name}`, import.meta.url), 'utf8');
    expect(exampleActivations()).toBe(example('activations.yaml'));
    expect(example('creator-desk.yaml')).toContain(EXAMPLE_ACTIVATION_SETTINGS);
  });

  it('show one activation at risk and one overdue across Presidents\' Day', async () => {
    const r = await cli(['report', 'examples', '--format', 'json']);
    const q = JSON.parse(r.stdout).queues.activations;
    const risk = Object.fromEntries(q.activations.map((a: { id: string; risk: string }) => [a.id, a.risk]));
    expect(risk).toEqual({ 'blue-finch-latte-art': 'ok', 'aurora-spring-kicks': 'at-risk', 'kettle-crumb-cozy': 'overdue', 'northwind-quest': 'ok' });
    expect(q.atRisk[0]).toMatchObject({ activation: 'kettle-crumb-cozy', milestone: 'artists_assigned', due: '2026-02-13', why: '4 business days past due' });
  });
});
