import { describe, expect, it } from 'vitest';
import { firstResponseClock, firstResponsePolicy, parseBusinessHours, parseFirstResponseTargets } from '../../src/modmail/index.js';

const cal = parseBusinessHours('mon-fri 09:00-17:00', 'America/New_York');
const targets = parseFirstResponseTargets('takedown: 2h, ban-appeal: 16h, default: 8h', '1h');

describe('modmail first-response SLA', () => {
  it('parses the settings and rejects bad input with what was expected', () => {
    expect(cal.ok && cal.value.hours.sat).toEqual([]);
    expect(targets).toEqual({ ok: true, value: { minutes: { takedown: 120, 'ban-appeal': 960, default: 480 }, warnBeforeMinutes: 60 } });
    expect(parseFirstResponseTargets('payout: 4h', '1h')).toEqual({ ok: false, message: 'a "default: DURATION" target is needed for categories not listed' });
    expect(parseFirstResponseTargets('payout: soon, default: 1h', '1h').ok).toBe(false);
    expect(parseBusinessHours('weekdays 9-5', 'UTC')).toEqual({ ok: false, message: '"weekdays 9-5": expected DAYS HH:MM-HH:MM such as "mon-fri 09:00-17:00"' });
    expect(parseBusinessHours('mon-fri 09:00-17:00', 'Mars/Base').ok).toBe(false);
  });

  it('a Friday-afternoon message waits over the weekend: warnAt / breachAt exact in business time', () => {
    if (!cal.ok || !targets.ok) throw new Error('setup');
    const policy = firstResponsePolicy(targets.value, cal.value);
    // Friday 2026-12-04 16:00 New York (21:00 UTC): 1 h left on Friday, 7 h on Monday.
    const since = new Date('2026-12-04T21:00:00Z');
    const c = firstResponseClock(policy, 'payout', since, undefined, new Date('2026-12-05T12:00:00Z'));
    expect(c).toMatchObject({ state: 'active', warning: false, targetMinutes: 480 });
    expect(c.breachAt?.toISOString()).toBe('2026-12-07T21:00:00.000Z'); // Monday 16:00 New York
    expect(c.warnAt?.toISOString()).toBe('2026-12-07T20:00:00.000Z');
    const t = firstResponseClock(policy, 'takedown', since, undefined, new Date('2026-12-07T14:30:00Z'));
    expect(t.breachAt?.toISOString()).toBe('2026-12-07T15:00:00.000Z'); // 1 h Friday + 1 h Monday from 09:00
    expect(t).toMatchObject({ state: 'active', warning: true });
    expect(firstResponseClock(policy, 'takedown', since, undefined, new Date('2026-12-07T15:00:00Z')).state).toBe('breached');
    expect(firstResponseClock(policy, 'takedown', since, new Date('2026-12-07T14:00:00Z'), new Date('2026-12-08T00:00:00Z')).state).toBe('achieved');
  });
});
