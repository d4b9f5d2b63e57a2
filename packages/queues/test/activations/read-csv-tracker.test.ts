import { describe, expect, it } from 'vitest';
import { readCsvTracker } from '../../src/activations/read-csv-tracker.js';

const HEADER = 'activation_id,brand,activation,milestone,owner,due,done,after,blocker\n';

describe('the CSV activation tracker', () => {
  it('groups one row per milestone into activations, with default owners and `after` lists', () => {
    const csv = `${HEADER}lumen-glow,Lumen Phones,Glow drop,kickoff,,2026-03-02,2026-03-02,,
lumen-glow,Lumen Phones,Glow drop,brief,Brand,2026-03-05,,kickoff,waiting on the brand kit
lumen-glow,Lumen Phones,Glow drop,launch,,2026-03-20,,brief;kickoff,
`;
    const r = readCsvTracker(csv, 'activations.csv');
    expect(r.problems).toEqual([]);
    expect(r.records).toBe(3);
    const a = r.activations[0]!;
    expect(a).toMatchObject({ id: 'lumen-glow', brand: 'Lumen Phones', name: 'Glow drop' });
    expect(a.milestones.get('kickoff')).toMatchObject({ owner: 'Brand', done: '2026-03-02', at: { row: 1, line: 2 } });
    expect(a.milestones.get('brief')).toMatchObject({ blocker: 'waiting on the brand kit', after: ['kickoff'] });
    expect(a.milestones.get('launch')).toMatchObject({ owner: 'Engineering', after: ['brief', 'kickoff'] });
  });

  it('reports bad rows with file, row and line, and does not plan their activation on a partial graph', () => {
    const csv = `${HEADER}good,B,N,launch,,2026-03-20,,,
half,B,N,kickoff,,2026-03-02,,,
half,B,N,launch,Marketing,2026-03-20,,,
half,B,N,launch,,2026-13-01,,,
typo,B,N,lanch,,2026-03-20,,,
`;
    const r = readCsvTracker(csv, 'activations.csv');
    expect(r.activations.map((a) => a.id)).toEqual(['good']);
    expect(r.problems).toEqual([
      expect.objectContaining({ file: 'activations.csv', row: 3, line: 4, field: 'owner', severity: 'error', message: expect.stringContaining('expected one of Brand | Legal | Design | Engineering | Community') }),
      expect.objectContaining({ file: 'activations.csv', row: 4, line: 5, field: 'due', severity: 'error' }),
      expect.objectContaining({ file: 'activations.csv', row: 5, line: 6, field: 'milestone', message: expect.stringContaining("did you mean 'launch'?") }),
    ]);
  });

  it('reports a missing column once for the file', () => {
    const r = readCsvTracker('activation_id,brand,milestone,due\nx,B,launch,2026-03-20\n', 'activations.csv');
    expect(r.activations).toEqual([]);
    expect(r.problems).toEqual([expect.objectContaining({ file: 'activations.csv', severity: 'error', message: expect.stringContaining('activation') })]);
  });
});
