/** Minimal 5-field UTC cron matcher (minute hour day-of-month month day-of-week) for the scheduler fake. */

function field(spec: string, min: number, max: number): Set<number> {
  const out = new Set<number>();
  for (const part of spec.split(',')) {
    const [range = '*', stepText] = part.split('/');
    const step = stepText ? Number(stepText) : 1;
    let lo = min;
    let hi = max;
    if (range !== '*') {
      const [a, b] = range.split('-');
      lo = Number(a);
      hi = b !== undefined ? Number(b) : stepText ? max : lo;
    }
    if (![lo, hi, step].every(Number.isInteger) || step < 1 || lo < min || hi > max) {
      throw new Error(`scheduler fake: bad cron field '${spec}'`);
    }
    for (let v = lo; v <= hi; v += step) out.add(v === 7 && max === 7 ? 0 : v);
  }
  return out;
}

/** Next time strictly after `after` (ms) matching `cron`, searched minute by minute up to ~400 days. */
export function nextCronTime(cron: string, after: number): number {
  const parts = cron.trim().split(/\s+/);
  if (parts.length !== 5) throw new Error(`scheduler fake: cron '${cron}' must have 5 fields`);
  const [mi, ho, dom, mo, dow] = parts as [string, string, string, string, string];
  const minutes = field(mi, 0, 59);
  const hours = field(ho, 0, 23);
  const days = field(dom, 1, 31);
  const months = field(mo, 1, 12);
  const weekdays = field(dow, 0, 7);
  const domStar = dom === '*';
  const dowStar = dow === '*';
  let t = Math.floor(after / 60_000) * 60_000 + 60_000;
  for (let i = 0; i < 400 * 24 * 60; i++, t += 60_000) {
    const d = new Date(t);
    if (!minutes.has(d.getUTCMinutes()) || !hours.has(d.getUTCHours()) || !months.has(d.getUTCMonth() + 1)) continue;
    const domOk = days.has(d.getUTCDate());
    const dowOk = weekdays.has(d.getUTCDay());
    // Standard cron: when both day fields are restricted, either may match.
    const dayOk = domStar && dowStar ? true : domStar ? dowOk : dowStar ? domOk : domOk || dowOk;
    if (dayOk) return t;
  }
  throw new Error(`scheduler fake: cron '${cron}' never fires`);
}
