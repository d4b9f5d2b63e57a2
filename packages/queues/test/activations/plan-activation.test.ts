import { describe, expect, it } from 'vitest';
import { activationCalendar, addBusinessDates, businessDaysBetween } from '../../src/activations/business-days.js';
import { milestoneGraph } from '../../src/activations/milestone-graph.js';
import { DEFAULT_MIN_BUSINESS_DAYS, type Milestone } from '../../src/activations/milestones.js';
import { planActivation, type ActivationPlan } from '../../src/activations/plan-activation.js';
import { planTrackers } from '../../src/activations/plan-trackers.js';
import { readYamlTracker } from '../../src/activations/read-yaml-tracker.js';
import { activationSettingsSchema } from '../../src/activations/settings.js';

const settings = activationSettingsSchema.parse({});
const cal = activationCalendar(settings, [2026, 2026]);
const noHolidays = activationCalendar(activationSettingsSchema.parse({ holidays: [] }), [2026, 2026]);

function plan(yaml: string, today: string, min: Partial<Record<Milestone, number>> = {}, calendar = cal): ActivationPlan {
  const read = readYamlTracker(yaml, 'activations.yaml');
  expect(read.problems).toEqual([]);
  const a = read.activations[0]!;
  const g = milestoneGraph(a);
  expect(g.problems).toEqual([]);
  return planActivation(a, g.graph!, calendar, today, { ...DEFAULT_MIN_BUSINESS_DAYS, ...min });
}

const status = (p: ActivationPlan, m: Milestone) => p.milestones.find((s) => s.name === m)!;

// kickoff → brief, kickoff → artists_assigned (in parallel); assets need both; then launch.
const DIAMOND = `activations:
  - id: diamond
    brand: Blue Finch Coffee
    name: Latte Art
    milestones:
      kickoff: { due: 2026-03-02, done: 2026-03-02 }
      brief: { due: 2026-03-09, after: [kickoff] }
      artists_assigned: { due: 2026-03-09, after: [kickoff] }
      assets_submitted: { due: 2026-03-16, after: [brief, artists_assigned] }
      launch: { due: 2026-03-20, after: [assets_submitted] }
`;

describe('business days', () => {
  it("skip weekends and Presidents' Day 2026-02-16", () => {
    expect(businessDaysBetween(cal, '2026-02-13', '2026-02-20')).toBe(4);
    expect(businessDaysBetween(noHolidays, '2026-02-13', '2026-02-20')).toBe(5);
    expect(businessDaysBetween(cal, '2026-02-20', '2026-02-13')).toBe(-4);
    expect(addBusinessDates(cal, '2026-02-13', 1)).toBe('2026-02-17');
    expect(addBusinessDates(cal, '2026-02-20', 2)).toBe('2026-02-24');
  });
});

describe('critical path', () => {
  it('runs through the longer branch of a diamond, and switches when the other branch gets longer', () => {
    // From Monday 2 March: brief needs 3 business days (done Thu 5), artists 2 (Wed 4); assets 5 more (Thu 12); launch 1 (Fri 13).
    const p = plan(DIAMOND, '2026-03-02', { brief: 3, artists_assigned: 2, assets_submitted: 5, launch: 1 });
    expect(p.criticalPath).toEqual(['kickoff', 'brief', 'assets_submitted', 'launch']);
    expect(status(p, 'assets_submitted').start).toBe('2026-03-05');
    expect(status(p, 'launch').finish).toBe('2026-03-13');
    expect(p.launchSlack).toBe(5);
    const q = plan(DIAMOND, '2026-03-02', { brief: 3, artists_assigned: 4, assets_submitted: 5, launch: 1 });
    expect(q.criticalPath).toEqual(['kickoff', 'artists_assigned', 'assets_submitted', 'launch']);
    expect(q.launchSlack).toBe(4);
  });

  it('takes done dates as the finish of done steps: a branch finished late is the critical one', () => {
    const late = DIAMOND.replace('artists_assigned: { due: 2026-03-09,', 'artists_assigned: { due: 2026-03-09, done: 2026-03-10,').replace('brief: { due: 2026-03-09,', 'brief: { due: 2026-03-09, done: 2026-03-04,');
    const p = plan(late, '2026-03-11', { assets_submitted: 5, launch: 1 });
    expect(p.criticalPath).toEqual(['kickoff', 'artists_assigned', 'assets_submitted', 'launch']);
    // Assets from today (Wed 11) + 5 = Wed 18, two days after their due date (Mon 16): at risk, launch slips.
    expect(status(p, 'assets_submitted')).toMatchObject({ start: '2026-03-11', finish: '2026-03-18', left: 3, risk: 'at-risk', slack: -2 });
    // Launch a business day after that (Thu 19), one before its due date (Fri 20).
    expect(status(p, 'launch').finish).toBe('2026-03-19');
    expect(p.launchSlack).toBe(1);
    expect(p.next?.name).toBe('assets_submitted');
  });
});

const CHAIN = (assetsDone: string, reviewDue: string) => `activations:
  - id: aurora-spring-kicks
    brand: Aurora Sneakers
    name: Spring Kicks
    milestones:
      kickoff: { due: 2026-01-26, done: 2026-01-26 }
      assets_submitted: { due: 2026-02-13, done: ${assetsDone} }
      review_passed: { due: ${reviewDue} }
      staged: { due: 2026-03-02 }
      launch: { due: 2026-03-05 }
`;

describe('at-risk and overdue', () => {
  it('flags a step whose predecessor finished too late for its minimum business days', () => {
    // Assets in Thursday 19th; review needs 2 business days and is due Monday 23rd: only 1 is left (Friday is today).
    const p = plan(CHAIN('2026-02-19', '2026-02-23'), '2026-02-20', { review_passed: 2 });
    expect(status(p, 'review_passed')).toMatchObject({ risk: 'at-risk', start: '2026-02-20', left: 1, min: 2 });
    expect(p.risk).toBe('at-risk');
    // Due a day later, two business days are left: on track.
    const q = plan(CHAIN('2026-02-19', '2026-02-24'), '2026-02-20', { review_passed: 2 });
    expect(status(q, 'review_passed')).toMatchObject({ risk: 'ok', left: 2, slack: 0 });
  });

  it('counts the holiday: assets done on Friday 13th leave review 1 business day to Tuesday 17th, not 2', () => {
    const p = plan(CHAIN('2026-02-13', '2026-02-17'), '2026-02-13', { review_passed: 2 });
    expect(status(p, 'review_passed')).toMatchObject({ risk: 'at-risk', left: 1 });
    const q = plan(CHAIN('2026-02-13', '2026-02-17'), '2026-02-13', { review_passed: 2 }, noHolidays);
    expect(status(q, 'review_passed')).toMatchObject({ risk: 'ok', left: 2 });
  });

  it("is overdue past its due date, counted in business days across Presidents' Day", () => {
    const p = plan(CHAIN('2026-02-13', '2026-02-13'), '2026-02-20', { review_passed: 2 });
    expect(status(p, 'review_passed')).toMatchObject({ risk: 'overdue', overdueBy: 4 });
    expect(p.risk).toBe('overdue');
    // The late step pushes the next: staged can start only when review can be done (Tue 24th).
    expect(status(p, 'staged')).toMatchObject({ start: '2026-02-24' });
  });

  it('skips milestones an activation does not have in the default chain', () => {
    const p = plan(CHAIN('2026-02-13', '2026-02-20'), '2026-02-16');
    expect(status(p, 'assets_submitted').after).toEqual(['kickoff']);
    expect(p.criticalPath).toEqual(['kickoff', 'assets_submitted', 'review_passed', 'staged', 'launch']);
  });
});

describe('milestone graph errors', () => {
  it('reports a cycle at the line of a milestone in it, and does not plan that activation', () => {
    const yaml = `activations:
  - id: loop
    brand: B
    name: N
    milestones:
      kickoff: { due: 2026-03-02 }
      brief: { due: 2026-03-03, after: [staged] }
      staged: { due: 2026-03-04, after: [brief] }
      launch: { due: 2026-03-05, after: [staged] }
`;
    const read = readYamlTracker(yaml, 'activations.yaml');
    const planned = planTrackers([read], settings, new Date('2026-03-01T20:00:00Z'));
    expect(planned.plans).toEqual([]);
    expect(planned.problems).toHaveLength(1);
    expect(planned.problems[0]).toMatchObject({ file: 'activations.yaml', severity: 'error', field: 'milestones.brief.after' });
    expect([7, 8]).toContain(planned.problems[0]!.line);
    expect(planned.problems[0]!.message).toMatch(/cycle: (brief → staged → brief|staged → brief → staged)/);
  });

  it('reports an unknown milestone at its line with a suggestion, and keeps the other activations', () => {
    const yaml = `activations:
  - id: typo
    brand: B
    name: N
    milestones:
      kickoff: { due: 2026-03-02 }
      launch: { due: 2026-03-05, after: [kikoff] }
  - id: fine
    brand: B
    name: N
    milestones:
      lanch: { due: 2026-03-05 }
      launch: { due: 2026-03-05 }
  - id: good
    brand: B
    name: N
    milestones:
      launch: { due: 2026-03-05, done: 2026-03-02 }
`;
    const read = readYamlTracker(yaml, 'activations.yaml');
    expect(read.problems).toEqual([
      expect.objectContaining({ line: 7, field: 'milestones.launch.after', message: expect.stringContaining("unknown milestone 'kikoff' — did you mean 'kickoff'?") }),
      expect.objectContaining({ line: 12, field: 'milestones.lanch', message: expect.stringContaining("did you mean 'launch'?") }),
    ]);
    expect(read.activations.map((a) => a.id)).toEqual(['good']);
    expect(read.records).toBe(3);
  });

  it('reports a bad date and a missing due date at their lines', () => {
    const yaml = `activations:
  - id: dates
    brand: B
    name: N
    milestones:
      kickoff: { due: 2026-02-30 }
      launch: { done: 2026-03-05 }
      staged: { due: 9999-01-01 }
`;
    const read = readYamlTracker(yaml, 'activations.yaml');
    expect(read.problems.map((p) => [p.line, p.field])).toEqual([[6, 'milestones.kickoff.due'], [7, 'milestones.launch.due'], [8, 'milestones.staged.due']]);
    expect(read.problems[1]!.message).toMatch(/due is required/);
    expect(read.problems[2]!.message).toMatch(/between 2000 and 2099/);
  });

  it('requires a launch milestone and unique ids', () => {
    const yaml = `activations:
  - id: twice
    brand: B
    name: N
    milestones: { kickoff: { due: 2026-03-02 } }
  - id: once
    brand: B
    name: N
    milestones: { launch: { due: 2026-03-02 } }
  - id: once
    brand: B
    name: N
    milestones: { launch: { due: 2026-03-09 } }
`;
    const planned = planTrackers([readYamlTracker(yaml, 'a.yaml')], settings, new Date('2026-03-01T20:00:00Z'));
    expect(planned.plans.map((p) => [p.activation.id, p.launchDue])).toEqual([['once', '2026-03-02']]);
    expect(planned.problems).toEqual([
      expect.objectContaining({ line: 2, severity: 'error', message: expect.stringMatching(/^activation twice has no launch milestone/) }),
      expect.objectContaining({ line: 10, severity: 'error', message: expect.stringMatching(/^activation id once is already used at a\.yaml:6/) }),
    ]);
  });
});
