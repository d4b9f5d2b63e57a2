/** Parsing threshold values: `'< 7 days'`, `'> 100'`, `5` (equality), `'>= 2'` (extension). */
import type { ComparisonOp } from './schema.js';

const UNIT_DAYS: Record<string, number> = {
  minute: 1 / 1440,
  hour: 1 / 24,
  day: 1,
  week: 7,
  month: 30,
  year: 365,
};

const THRESHOLD = /^\s*(==?|<=|>=|<|>)?\s*(-?\d+(?:\.\d+)?)\s*([a-z]+)?\s*$/i;

export type ParsedThreshold = { ok: true; op: ComparisonOp; value: number } | { ok: false; message: string };

/**
 * Parses a threshold. With `age`, a unit (minutes … years, singular or plural, default days) converts the
 * value to days. `<=`/`>=` are accepted as an extension (AutoModerator only knows `<`, `>` and `==`).
 */
export function parseThreshold(raw: unknown, age: boolean): ParsedThreshold {
  if (typeof raw === 'number' && Number.isFinite(raw)) return { ok: true, op: '==', value: raw };
  if (typeof raw !== 'string') {
    return { ok: false, message: `expected a comparison such as '< 10'${age ? " or '> 30 days'" : ''}, got ${JSON.stringify(raw)}` };
  }
  const m = THRESHOLD.exec(raw);
  if (!m) return { ok: false, message: `expected a comparison such as '< 10'${age ? " or '> 30 days'" : ''}, got ${JSON.stringify(raw)}` };
  const op = (m[1] === '=' || m[1] === undefined ? '==' : m[1]) as ComparisonOp;
  let value = Number(m[2]);
  const unitRaw = m[3]?.toLowerCase();
  if (unitRaw !== undefined) {
    if (!age) return { ok: false, message: `a unit ('${unitRaw}') only makes sense for an age; expected a plain number` };
    const unit = unitRaw.endsWith('s') ? unitRaw.slice(0, -1) : unitRaw;
    const factor = UNIT_DAYS[unit];
    if (factor === undefined) {
      return { ok: false, message: `unknown unit '${unitRaw}': use minutes, hours, days, weeks, months or years` };
    }
    value *= factor;
  }
  return { ok: true, op, value };
}

/** Applies a comparison. */
export function compare(actual: number, op: ComparisonOp, expected: number): boolean {
  switch (op) {
    case '<':
      return actual < expected;
    case '>':
      return actual > expected;
    case '<=':
      return actual <= expected;
    case '>=':
      return actual >= expected;
    case '==':
      return actual === expected;
  }
}
