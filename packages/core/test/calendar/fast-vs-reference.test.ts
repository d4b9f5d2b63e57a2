import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  addWorkingTime,
  compileCalendar,
  isBusinessDay,
  isWorkingTime,
  nextWorkingInstant,
  workingMinutesBetween,
} from '../../src/calendar/index.js';
import { calendarArb, instantArb } from './arbitraries.js';
import {
  refAddBusinessDays,
  refAddWorkingTime,
  refIsBusinessDay,
  refIsWorking,
  refNextWorkingInstant,
  refWorkingMinutesBetween,
  wallOf,
} from './reference.js';

const iso = (t: number): string => new Date(t).toISOString();
const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 400) };
// The reference is slow by design; a loaded machine must not turn it into a timeout failure.
const SLOW = 120_000;

describe('the fast calendar agrees with the minute-stepping reference', () => {
  it('addWorkingTime, forwards and backwards, across DST, overnight hours and holidays', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, fc.double({ min: -2.5, max: 2.5, noNaN: true }), (cal, start, frac) => {
        const weekly = compileCalendar(cal).weeklyMinutes;
        const minutes = Math.trunc(frac * Math.min(weekly, 3000));
        const expected = refAddWorkingTime(cal, start, minutes);
        expect(iso(addWorkingTime(cal, new Date(start), minutes).getTime())).toBe(iso(expected));
      }),
      RUNS,
    );
  }, SLOW);

  it('workingMinutesBetween', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, fc.integer({ min: -6000, max: 6000 }), (cal, a, delta) => {
        const b = a + delta * 60_000;
        expect(workingMinutesBetween(cal, new Date(a), new Date(b))).toBe(refWorkingMinutesBetween(cal, a, b));
      }),
      RUNS,
    );
  }, SLOW);

  it('isWorkingTime and nextWorkingInstant', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, (cal, t) => {
        expect(isWorkingTime(cal, new Date(t))).toBe(refIsWorking(cal, t));
        expect(iso(nextWorkingInstant(cal, new Date(t)).getTime())).toBe(iso(refNextWorkingInstant(cal, t)));
      }),
      RUNS,
    );
  }, SLOW);

  it('addBusinessDays and isBusinessDay', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, fc.integer({ min: -40, max: 40 }), (cal, t, n) => {
        expect(isBusinessDay(cal, new Date(t))).toBe(refIsBusinessDay(cal, wallOf(cal.timeZone, t).day));
        expect(iso(addBusinessDays(cal, new Date(t), n).getTime())).toBe(iso(refAddBusinessDays(cal, t, n)));
      }),
      RUNS,
    );
  }, SLOW);

  it('adding then measuring gives back the same working time (round trip)', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, fc.integer({ min: -200_000, max: 200_000 }), (cal, t, minutes) => {
        const end = addWorkingTime(cal, new Date(t), minutes);
        expect(workingMinutesBetween(cal, new Date(t), end)).toBe(minutes);
      }),
      RUNS,
    );
  }, SLOW);
});
