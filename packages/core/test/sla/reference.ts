/**
 * Minute-stepping reference for one SLA metric whose conditions are status sets. Independent of the fast
 * clock: it walks the timeline a minute at a time and counts a minute when the status at that minute is not
 * a pause status and (business time) the calendar reference says the minute is working. Whole minutes only.
 */
import type { BusinessCalendar } from '../../src/calendar/index.js';
import { refIsWorking } from '../calendar/reference.js';

const MIN = 60_000;

export interface RefMetric {
  stop: ReadonlySet<string>;
  pause: ReadonlySet<string>;
  targetMinutes: number;
  warnBeforeMinutes?: number;
  calendar?: BusinessCalendar;
}

export interface RefResult {
  state: 'active' | 'paused' | 'achieved' | 'breached';
  breachAt?: number;
  warnAt?: number;
  elapsedMinutes: number;
  stoppedAt?: number;
}

/** Reference SLA clock for a metric started by the first history entry. */
export function refComputeMetric(m: RefMetric, history: { status: string; at: number }[], now: number, limit = 300_000): RefResult {
  const hist = history.filter((h) => h.at <= now).sort((a, b) => a.at - b.at);
  const start = hist[0]!.at;
  const stopEntry = hist.find((h) => m.stop.has(h.status));
  const stoppedAt = stopEntry?.at;
  const statusAt = (t: number): string => {
    let s = hist[0]!.status;
    for (const h of hist) if (h.at <= t) s = h.status;
    return s;
  };
  const counts = (t: number): boolean => !m.pause.has(statusAt(t)) && (!m.calendar || refIsWorking(m.calendar, t));
  const warnTarget = m.warnBeforeMinutes === undefined ? undefined : Math.max(0, m.targetMinutes - m.warnBeforeMinutes);
  const end = stoppedAt ?? now;
  const pausedNow = stoppedAt === undefined && m.pause.has(statusAt(now));
  let counted = 0; // minutes counted from the start, projection beyond `end` included
  let elapsed = 0; // minutes counted before `end`
  let breachAt: number | undefined;
  let warnAt: number | undefined = warnTarget === 0 ? start : undefined;
  for (let t = start, steps = 0; ; t += MIN, steps++) {
    const projecting = t >= end;
    if (projecting && (stoppedAt !== undefined || pausedNow)) break;
    if (projecting && breachAt !== undefined && (warnTarget === undefined || warnAt !== undefined)) break;
    if (steps > limit) throw new Error('reference gave up');
    if (!counts(t)) continue;
    counted++;
    if (!projecting) elapsed++;
    if (warnTarget !== undefined && warnAt === undefined && counted >= warnTarget) warnAt = t + MIN;
    if (breachAt === undefined && counted >= m.targetMinutes) breachAt = t + MIN;
  }
  let state: RefResult['state'];
  if (stoppedAt !== undefined) state = elapsed <= m.targetMinutes ? 'achieved' : 'breached';
  else if (breachAt !== undefined && breachAt <= now) state = 'breached';
  else state = pausedNow ? 'paused' : 'active';
  const r: RefResult = { state, elapsedMinutes: elapsed };
  if (stoppedAt !== undefined) r.stoppedAt = stoppedAt;
  if ((state === 'breached' || state === 'active') && breachAt !== undefined) r.breachAt = breachAt;
  if (state === 'active' && warnAt !== undefined) r.warnAt = warnAt;
  return r;
}
