/**
 * A rounded axis maximum at or above `max` and its tick step (1, 2 or 5 times a power of ten), so
 * a count axis has at most five gridlines at whole numbers.
 */
export function niceCountAxis(max: number): { max: number; step: number } {
  if (!(max > 0) || !Number.isFinite(max)) return { max: 1, step: 1 };
  let step = 1;
  for (let pow = 1; ; pow *= 10) {
    const found = [1, 2, 5].map((m) => m * pow).find((s) => Math.ceil(max / s) <= 4);
    if (found !== undefined) {
      step = found;
      break;
    }
  }
  return { max: Math.ceil(max / step) * step, step };
}

/** A number for an SVG attribute: at most two decimals, no trailing zeros. */
export const svgNumber = (n: number): string => String(Math.round(n * 100) / 100);
