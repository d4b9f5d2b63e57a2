import { describe, expect, it } from 'vitest';
import { landisKochBand, roundKappa } from '../../src/qa/landis-koch.js';

describe('landisKochBand', () => {
  it.each([
    [-0.3, 'poor'],
    [-0.01, 'poor'],
    [0, 'slight'],
    [0.2, 'slight'],
    [0.21, 'fair'],
    [0.4, 'fair'],
    [0.41, 'moderate'],
    [0.6, 'moderate'],
    [0.61, 'substantial'],
    [0.8, 'substantial'],
    [0.81, 'almost perfect'],
    [1, 'almost perfect'],
  ] as const)('κ %s is %s', (kappa, band) => {
    expect(landisKochBand(kappa)).toBe(band);
  });

  it('bands the κ as shown (two decimals), so float noise and a half-step do not disagree with the printed value', () => {
    expect(landisKochBand(0.1 + 0.1 + 0.000000000000001)).toBe('slight');
    expect(landisKochBand(0.2000000000000001)).toBe('slight');
    expect(landisKochBand(0.604)).toBe('moderate'); // shown as 0.60
    expect(landisKochBand(0.606)).toBe('substantial'); // shown as 0.61
    expect(landisKochBand(-0.004)).toBe('slight'); // shown as 0.00
    expect(roundKappa(-0.004)).toBe(0);
    expect(Object.is(roundKappa(-0.004), -0)).toBe(false);
  });

  it('has no band for an undefined κ', () => {
    expect(landisKochBand(null)).toBeUndefined();
    expect(landisKochBand(Number.NaN)).toBeUndefined();
  });
});
