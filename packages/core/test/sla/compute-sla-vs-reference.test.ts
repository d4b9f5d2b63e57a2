import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCalendar } from '../../src/calendar/index.js';
import { compileSlaPolicies, computeSla } from '../../src/sla/index.js';
import { calendarArb, instantArb } from '../calendar/arbitraries.js';
import { refComputeMetric } from './reference.js';

const STATUSES = ['pending', 'in_review', 'waiting_on_artist', 'approved'] as const;
const iso = (t: number | undefined): string | undefined => (t === undefined ? undefined : new Date(t).toISOString());

const historyArb = fc
  .record({
    start: instantArb,
    steps: fc.array(fc.record({ status: fc.constantFrom(...STATUSES), gap: fc.integer({ min: 0, max: 4000 }) }), { maxLength: 6 }),
    first: fc.constantFrom('pending', 'in_review', 'waiting_on_artist'),
    nowGap: fc.integer({ min: 0, max: 6000 }),
  })
  .map(({ start, steps, first, nowGap }) => {
    const history = [{ status: first as string, at: start }];
    let t = start;
    for (const s of steps) {
      t += s.gap * 60_000;
      history.push({ status: s.status, at: t });
    }
    // `now` may fall before later entries: those are in the future and must be ignored
    return { history, now: start + nowGap * 60_000 * 2 };
  });

describe('computeSla agrees with the minute-stepping reference', () => {
  it('on random calendars (DST zones, overnight hours, holidays) and random histories with pauses', () => {
    fc.assert(
      fc.property(
        calendarArb,
        historyArb,
        fc.integer({ min: 1, max: 1500 }),
        fc.option(fc.integer({ min: 0, max: 1600 }), { nil: undefined }),
        fc.constantFrom('business', 'calendar'),
        (cal, { history, now }, rawTarget, warnBeforeMinutes, hours) => {
          // keep the reference's walk short on sparse calendars: at most about two weeks of working time
          const targetMinutes = hours === 'business' ? Math.max(1, Math.min(rawTarget, compileCalendar(cal).weeklyMinutes * 2)) : rawTarget;
          const { policies, diagnostics } = compileSlaPolicies({
            calendars: { c: cal },
            policies: [
              {
                name: 'p',
                calendar: 'c',
                hours,
                pause_when: { status: 'waiting_on_artist' },
                metrics: {
                  resolution: {
                    stop_when: { status: 'approved' },
                    targets: { default: targetMinutes },
                    ...(warnBeforeMinutes === undefined ? {} : { warn_before: warnBeforeMinutes || '0m' }),
                  },
                },
              },
            ],
          });
          if (warnBeforeMinutes === 0) return; // 0 is not a valid duration; covered by the schema tests
          expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
          const got = computeSla(
            policies,
            { id: 'x', priority: 'normal' },
            history.map((h) => ({ status: h.status, at: new Date(h.at) })),
            new Date(now),
          );
          const want = refComputeMetric(
            {
              stop: new Set(['approved']),
              pause: new Set(['waiting_on_artist']),
              targetMinutes,
              ...(warnBeforeMinutes === undefined ? {} : { warnBeforeMinutes }),
              ...(hours === 'business' ? { calendar: cal } : {}),
            },
            history,
            now,
          );
          expect({
            state: got?.state,
            breachAt: iso(got?.breachAt?.getTime()),
            warnAt: iso(got?.warnAt?.getTime()),
            elapsed: got?.elapsedMinutes,
            stoppedAt: iso(got?.stoppedAt?.getTime()),
          }).toEqual({
            state: want.state,
            breachAt: iso(want.breachAt),
            warnAt: iso(want.warnAt),
            elapsed: want.elapsedMinutes,
            stoppedAt: iso(want.stoppedAt),
          });
          expect(got?.remainingMinutes).toBe(targetMinutes - want.elapsedMinutes);
        },
      ),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  }, 120_000);
});
