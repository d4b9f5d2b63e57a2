import { describe, expect, it } from 'vitest';
import { computeSla, parseSlaPolicies } from '../../src/sla/index.js';
import { h } from './fixtures.js';

// Policies whose conditions use the rule language beyond plain equality: negation, modifiers, thresholds.
const { policies, diagnostics } = parseSlaPolicies(
  `policies:
  - name: IP reports
    when:
      flags (includes): ip_report
    metrics:
      triage: { stop_when: { status: [escalated, approved, rejected] }, targets: { default: 2h } }
  - name: Big drops
    when:
      piece_count: '> 10'
    metrics:
      review: { stop_when: { '~status': [pending, in_review] }, targets: { default: 3d } }
  - name: Rest
    metrics:
      review: { stop_when: { status: [approved, rejected] }, targets: { default: 1d } }
`,
  { source: 'sla.yaml' },
);
const now = new Date('2026-11-24T12:00:00Z');
const hist = h('pending@2026-11-24T10:00:00Z');

describe('SLA conditions in the rule language', () => {
  it('compiles without diagnostics', () => {
    expect(diagnostics).toEqual([]);
  });

  it('matches with modifiers and thresholds, first match winning', () => {
    expect(computeSla(policies, { flags: 'ip_report;ai_suspect' }, hist, now)?.policy).toBe('IP reports');
    expect(computeSla(policies, { flags: '', piece_count: 12 }, hist, now)?.policy).toBe('Big drops');
    expect(computeSla(policies, { flags: '', piece_count: 3 }, hist, now)?.policy).toBe('Rest');
  });

  it('stops on a negated status check: any status other than pending or in_review', () => {
    const r = computeSla(policies, { piece_count: 12 }, h('pending@2026-11-24T10:00:00Z', 'waiting_on_artist@2026-11-24T11:00:00Z'), now)!;
    expect(r.state).toBe('achieved');
    expect(r.stoppedAt?.toISOString()).toBe('2026-11-24T11:00:00.000Z');
  });
});
