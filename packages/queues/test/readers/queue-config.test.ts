import { describe, expect, it } from 'vitest';
import { defaultQueueConfig, readQueueConfig } from '../../src/readers/queue-config.js';
import { formatMinutes, parseDurationMinutes } from '../../src/readers/duration.js';

describe('readQueueConfig', () => {
  it('reads now, stage limits, retry policy and error patterns with durations in minutes', () => {
    const yaml = [
      'now: 2026-02-20T19:30:00Z',
      'staging:',
      '  heartbeat_timeout: 45m',
      '  stages:',
      '    upload: { warn_after: 20m, stuck_after: 2h }',
      '  retry: { base_delay: 10m, factor: 3, max_delay: 1h30m, jitter: 0.5, max_attempts: 4 }',
      '  errors:',
      "    non_retryable: ['^E_']",
    ].join('\n');
    const { value, problems } = readQueueConfig(yaml, 'c.yaml');
    expect(problems).toEqual([]);
    expect(value?.now?.toISOString()).toBe('2026-02-20T19:30:00.000Z');
    expect(value?.staging.stages.upload).toEqual({ warnAfterMinutes: 20, stuckAfterMinutes: 120 });
    expect(value?.staging.retry).toEqual({ baseDelayMinutes: 10, factor: 3, maxDelayMinutes: 90, jitter: 0.5, maxAttempts: 4 });
    expect(value?.staging.heartbeatTimeoutMinutes).toBe(45);
    expect(value?.staging.errors.nonRetryable[0]?.test('E_DIMENSIONS')).toBe(true);
  });

  it('reports schema errors at their YAML line and column, keeping every valid key', () => {
    const yaml = ['now: 2026-02-20T19:30:00Z', 'staging:', '  stages:', '    upload: { warn_after: 3h, stuck_after: 2h }', '    render: { warn_after: 1h, stuck_after: 2h }', '  retry:', '    max_attempts: zero', '    base_delay: 7m'].join('\n');
    const { value, problems } = readQueueConfig(yaml, 'c.yaml');
    expect(problems.map((p) => [p.line, p.column, p.field])).toEqual([
      [4, 13, 'staging.stages.upload'],
      [7, 19, 'staging.retry.max_attempts'],
    ]);
    expect(value?.now?.toISOString()).toBe('2026-02-20T19:30:00.000Z');
    expect(Object.keys(value?.staging.stages ?? {})).toEqual(['render']);
    expect(value?.staging.retry).toMatchObject({ maxAttempts: 5, baseDelayMinutes: 7 });
    expect(problems[0]?.message).toMatch(/warn_after must not be longer than stuck_after/);
  });

  it('reports an invalid regular expression and an unknown key', () => {
    const { value, problems } = readQueueConfig("staging:\n  errors:\n    retryable: ['(', 'ETIMEDOUT']\nstagin: 1\n", 'c.yaml');
    expect(problems.map((p) => [p.line, p.column])).toEqual([[3, 17], [4, 1]]);
    // The bad pattern is dropped with its problem; the good one is kept and still matches.
    expect(value?.staging.errors.retryable.map((re) => re.test('upload failed: ETIMEDOUT'))).toEqual([true]);
    expect(problems.some((p) => /not a valid regular expression/.test(p.message))).toBe(true);
  });

  it('error patterns run in linear time: a hostile one is accepted and answers on a long message', () => {
    const { value, problems } = readQueueConfig("staging:\n  errors:\n    non_retryable: ['\\d+\\s*\\d+\\s*\\d+x', 'E_(QUOTA|AUTH)']\n", 'c.yaml');
    expect(problems).toEqual([]);
    const [hostile, plain] = value?.staging.errors.nonRetryable ?? [];
    expect((hostile as { engine?: string } | undefined)?.engine).toBe('re2js');
    expect(hostile?.test('1'.repeat(5000))).toBe(false);
    expect(hostile?.test('code 12 34 5x')).toBe(true);
    expect(plain?.test('upload failed: e_quota exceeded')).toBe(true);
  });

  it('has usable defaults without a file', () => {
    expect(defaultQueueConfig().staging.retry.maxAttempts).toBe(5);
  });
});

describe('durations', () => {
  it('parses compound durations and formats minutes for people', () => {
    expect(parseDurationMinutes('1h30m')).toBe(90);
    expect(parseDurationMinutes('2d')).toBe(2880);
    expect(parseDurationMinutes('45')).toBe(45);
    expect(parseDurationMinutes('soon')).toBeUndefined();
    expect(formatMinutes(45)).toBe('45m');
    expect(formatMinutes(125)).toBe('2h 05m');
    expect(formatMinutes(-1500)).toBe('-1d 1h');
  });
});
