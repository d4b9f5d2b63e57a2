import { describe, expect, it } from 'vitest';
import { assessStage } from '../../src/staging/stage-health.js';
import { stagingConfig, stagingItem } from '../helpers/staging.js';

const now = new Date('2026-02-20T19:30:00Z');
const cfg = stagingConfig();

describe('assessStage', () => {
  it('is ok under warn_after, warns past it, and is stuck past stuck_after', () => {
    expect(assessStage(stagingItem(now, { enteredMinutesAgo: 10, heartbeatMinutesAgo: 1 }), cfg, now).health).toBe('ok');
    expect(assessStage(stagingItem(now, { enteredMinutesAgo: 20, heartbeatMinutesAgo: 1 }), cfg, now).health).toBe('warn');
    const stuck = assessStage(stagingItem(now, { enteredMinutesAgo: 121, heartbeatMinutesAgo: 1 }), cfg, now);
    expect(stuck).toMatchObject({ health: 'stuck', why: 'in upload longer than 2h 00m' });
  });

  it('calls a young item stuck when its worker stopped heartbeating', () => {
    const a = assessStage(stagingItem(now, { enteredMinutesAgo: 50, heartbeatMinutesAgo: 46 }), cfg, now);
    expect(a).toMatchObject({ health: 'stuck', why: 'no heartbeat for over 45m' });
    expect(Math.round(a.silentMinutes)).toBe(46);
  });

  it('counts silence from entering the stage when there is no heartbeat', () => {
    expect(assessStage(stagingItem(now, { enteredMinutesAgo: 46 }), cfg, now).health).toBe('stuck');
  });

  it('marks failed and done stages without applying age limits', () => {
    expect(assessStage(stagingItem(now, { stage: 'failed', enteredMinutesAgo: 1, lastError: 'boom' }), cfg, now)).toMatchObject({ health: 'failed', why: 'boom' });
    expect(assessStage(stagingItem(now, { stage: 'published', enteredMinutesAgo: 9999 }), cfg, now).health).toBe('done');
  });
});
