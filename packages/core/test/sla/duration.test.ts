import { describe, expect, it } from 'vitest';
import { parseDurationMinutes } from '../../src/sla/index.js';

describe('parseDurationMinutes', () => {
  it('reads minutes, hours, days, weeks, combinations and bare numbers', () => {
    expect(parseDurationMinutes('45m')).toBe(45);
    expect(parseDurationMinutes('4h')).toBe(240);
    expect(parseDurationMinutes('1h 30m')).toBe(90);
    expect(parseDurationMinutes('2d')).toBe(2880);
    expect(parseDurationMinutes('1w')).toBe(10080);
    expect(parseDurationMinutes('90')).toBe(90);
    expect(parseDurationMinutes(15)).toBe(15);
  });

  it('rejects text that is not a duration', () => {
    expect(parseDurationMinutes('soon')).toBeUndefined();
    expect(parseDurationMinutes('4 hours')).toBeUndefined();
    expect(parseDurationMinutes('')).toBeUndefined();
    expect(parseDurationMinutes('4h!')).toBeUndefined();
  });
});
