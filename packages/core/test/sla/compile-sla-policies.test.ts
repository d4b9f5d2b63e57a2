import { describe, expect, it } from 'vitest';
import { compileSlaPolicies } from '../../src/sla/index.js';

const metric = { stop_when: { status: 'done' }, targets: { default: '2h' } };

describe('compileSlaPolicies', () => {
  it('compiles plain data, resolving the counting mode from target, metric, policy and calendar', () => {
    const { policies, diagnostics } = compileSlaPolicies({
      calendars: { office: { timeZone: 'Europe/Berlin', hours: { mon: [['09:00', '17:00']] } } },
      policies: [
        {
          name: 'a',
          calendar: 'office',
          metrics: {
            implied: metric,
            elapsed: { ...metric, hours: 'calendar' },
            mixed: { stop_when: { status: 'done' }, targets: { high: { target: '1h', hours: 'calendar' }, low: '3h' } },
          },
        },
      ],
    });
    expect(diagnostics).toEqual([]);
    const [p] = policies.policies;
    const mode = (m: number, k: string) => p?.metrics[m]?.targets.get(k)?.mode;
    expect([mode(0, 'default'), mode(1, 'default'), mode(2, 'high'), mode(2, 'low')]).toEqual(['business', 'calendar', 'calendar', 'business']);
  });

  it('keeps the order of the good policies when one in the middle is left out, and says so', () => {
    const { policies, diagnostics } = compileSlaPolicies({
      policies: [
        { name: 'first', when: { priority: 'urgent' }, metrics: { m: metric } },
        { name: 'broken', hours: 'business', metrics: { m: metric } },
        { name: 'last', metrics: { m: metric } },
      ],
    });
    expect(policies.policies.map((p) => [p.name, p.index])).toEqual([
      ['first', 0],
      ['last', 2],
    ]);
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => d.policyIndex)).toEqual([1, 1]);
    expect(diagnostics.at(-1)?.message).toMatch(/policy "broken" \(#2\) is left out/);
  });

  it('warns about a policy name used twice', () => {
    const { diagnostics } = compileSlaPolicies({ policies: [{ name: 'x', metrics: { m: metric } }, { name: 'x', metrics: { m: metric } }] });
    expect(diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', policyIndex: 1, message: 'policies[1].name: policy name "x" is also used by policy #1' }),
    ]);
  });
});
