import { describe, expect, it } from 'vitest';
import { parseSlaPolicies } from '../../src/sla/index.js';
import { POLICY_YAML } from './fixtures.js';

const problems = (text: string) =>
  parseSlaPolicies(text, { source: 'sla.yaml' }).diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.message}`);

describe('parseSlaPolicies', () => {
  it('loads the calendars and the ordered policies of a valid file', () => {
    const { policies, diagnostics } = parseSlaPolicies(POLICY_YAML, { source: 'sla.yaml' });
    expect(diagnostics).toEqual([]);
    expect(policies.policies.map((p) => [p.name, p.line])).toEqual([
      ['Brand awards', 13],
      ['Avatars and community awards', 25],
      ['Artist replies', 37],
    ]);
    expect(Object.keys(policies.calendars)).toEqual(['support']);
  });

  it('points at the line and column of a bad target and leaves only that policy out', () => {
    const text = `policies:
  - name: broken
    metrics:
      m:
        stop_when: { status: done }
        targets: { high: soon }
  - name: fine
    metrics:
      m:
        stop_when: { status: done }
        targets: { high: 2h }
`;
    const { policies, diagnostics } = parseSlaPolicies(text, { source: 'sla.yaml' });
    expect(diagnostics[0]).toMatchObject({ source: 'sla.yaml', line: 6, column: 26, severity: 'error', policyIndex: 0 });
    expect(diagnostics[0]?.message).toMatch(/targets\.high: expected a positive duration/);
    expect(diagnostics[1]?.message).toMatch(/policy "broken" \(#1\) is left out/);
    expect(policies.policies.map((p) => p.name)).toEqual(['fine']);
  });

  it('reports unknown calendars, business targets without a calendar, and day units in business time', () => {
    const text = `calendars:
  office: { timeZone: Europe/Berlin, hours: { mon: [['09:00', '17:00']] } }
policies:
  - name: a
    calendar: offce
    metrics: { m: { stop_when: { status: done }, targets: { high: 2h } } }
  - name: b
    hours: business
    metrics: { m: { stop_when: { status: done }, targets: { high: 2h } } }
  - name: c
    calendar: office
    metrics: { m: { stop_when: { status: done }, targets: { high: 2d } } }
`;
    const p = problems(text);
    expect(p).toContain('5:15 error policies[0].calendar: unknown calendar "offce" (known: office)');
    expect(p).toContain('9:67 error policies[1].metrics.m.targets.high: a business-hours target needs the policy to name a `calendar`');
    expect(p.some((x) => x.startsWith('12:67 error') && x.includes('uses days or weeks'))).toBe(true);
  });

  it('reports an invalid calendar with its path and line', () => {
    const p = problems(`calendars:\n  office:\n    timeZone: Mars/Base\n    hours: {}\npolicies: []\n`);
    expect(p).toEqual(['3:15 error calendars.office.timeZone: expected an IANA time zone such as "Europe/Berlin"']);
  });

  it('warns when warn_before is not shorter than the target', () => {
    const p = problems(`policies:\n  - name: a\n    warn_before: 3h\n    metrics: { m: { stop_when: { status: done }, targets: { high: 2h } } }\n`);
    expect(p[0]).toMatch(/^4:\d+ warning .*warn_before \(180 min\) is not shorter than the target/);
  });

  it('reports YAML syntax errors and a missing policies list, keeping nothing half-loaded', () => {
    const bad = parseSlaPolicies('policies:\n  - name: a\n   bad indent: [\n', { source: 'sla.yaml' });
    expect(bad.policies.policies).toEqual([]);
    expect(bad.diagnostics[0]).toMatchObject({ severity: 'error', source: 'sla.yaml' });
    expect(problems('calendars: {}\n')).toEqual(['1:1 error policies: Invalid input: expected array, received undefined']);
  });

  it('reports rule-language errors in a condition at their line, and leaves the policy out', () => {
    const p = problems(`policies:\n  - name: a\n    when:\n      'title (bogus)': x\n    metrics: { m: { stop_when: { status: done }, targets: { high: 2h } } }\n`);
    expect(p[0]).toMatch(/^4:\d+ error policies\[0\]\.when: unknown modifier 'bogus'/);
    expect(p[1]).toMatch(/policy "a" \(#1\) is left out/);
  });

  it('rejects zero and negative targets', () => {
    const p = problems(`policies:\n  - name: a\n    metrics: { m: { stop_when: { status: done }, targets: { high: 0, low: '-5m' } } }\n`);
    expect(p.filter((x) => /expected a positive duration/.test(x))).toHaveLength(2);
  });
});
