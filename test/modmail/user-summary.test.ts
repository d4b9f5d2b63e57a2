import { describe, expect, it } from 'vitest';
import { escalationMachine, openEscalation, openTakedownCase, proposeStrike, strikeLadderConfigSchema, strikeMachine } from '@creator-desk/core';
import { buildUserSummary } from '../../src/modmail/user-summary.js';

const ladder = strikeLadderConfigSchema.parse({ expiryDays: 30 });
const at = '2026-03-01T12:00:00.000Z';
const mod = { at, actor: 'mod_alice', role: 'moderator' as const };

function strike(id: string, when: string, reason: string) {
  const s = proposeStrike({ id, user: 'artist_ann', kind: 'policy', reason }, { ...mod, at: when }).state;
  const r = strikeMachine.transition(s, { type: 'confirm' }, { ...mod, at: when, config: ladder });
  if (!r.ok) throw new Error(r.error.message);
  return r.state;
}

describe('buildUserSummary (modmail triage)', () => {
  it('lists active strikes and the next step, escalations with team and status, takedowns with status — user text escaped', () => {
    const esc = openEscalation('e1', { itemId: 't3_a', source: 'mod-menu' }, mod).state;
    const escalated = escalationMachine.transition(esc, { type: 'escalate', team: 'Legal', reason: 'u/troll [x](https://evil.example)' }, mod);
    if (!escalated.ok) throw new Error('escalate');
    const td = openTakedownCase(
      {
        id: 'td1',
        itemId: 't3_b',
        uploader: 'artist_ann',
        notice: {
          reference: 'DMCA-7',
          signature: 's',
          copyrightedWork: 'w',
          infringingMaterial: { locations: ['https://reddit.com/x'] },
          contact: { name: 'n', email: 'a@b.example' },
          goodFaithStatement: true,
          accuracyStatement: true,
        },
      },
      mod,
    );
    if (!td.ok) throw new Error('takedown');
    const text = buildUserSummary({
      user: 'artist_ann',
      strikes: [strike('s-old', '2026-01-01T00:00:00.000Z', 'old'), strike('s1', '2026-02-20T00:00:00.000Z', 'traced art')],
      escalations: [escalated.state],
      takedowns: [td.state],
      ladder,
      now: new Date(at),
    });
    expect(text).toContain('Strikes: 1 active, 1 expired');
    expect(text).toContain('A further strike would mean a 7-day ban');
    expect(text).toContain('2026-02-20 policy: traced art (warning, by mod\\_alice)');
    expect(text).toContain('Legal — escalated');
    expect(text).not.toContain('](https://evil');
    expect(text).not.toMatch(/(^|\s)u\/troll/);
    expect(text).toContain('notice DMCA\\-7 — received');
  });
});
