/** Landis & Koch's (1977) words for a κ value. */
export type LandisKochBand = 'poor' | 'slight' | 'fair' | 'moderate' | 'substantial' | 'almost perfect';

/** κ as the report shows it: two decimals, the precision of Landis & Koch's own table. */
export function roundKappa(kappa: number): number {
  // `+ 0` turns −0 (a κ just below zero that rounds to zero) into 0, so it reads and bands as 0.00.
  return Math.round(kappa * 100) / 100 + 0;
}

/**
 * The Landis–Koch band of κ: < 0 poor, 0–0.20 slight, 0.21–0.40 fair, 0.41–0.60 moderate, 0.61–0.80
 * substantial, 0.81–1 almost perfect. Their table is in two decimals, so κ is rounded to two first: the
 * band always agrees with the κ printed beside it (0.605 shows as 0.61 and is substantial), and float
 * noise such as 0.20000000000000004 stays slight. Undefined when κ is (see `cohensKappa`).
 */
export function landisKochBand(kappa: number | null): LandisKochBand | undefined {
  if (kappa === null || Number.isNaN(kappa)) return undefined;
  const k = roundKappa(kappa);
  if (k < 0) return 'poor';
  if (k <= 0.2) return 'slight';
  if (k <= 0.4) return 'fair';
  if (k <= 0.6) return 'moderate';
  if (k <= 0.8) return 'substantial';
  return 'almost perfect';
}
