/**
 * Entry point of the Devvit test harness for vitest tests: the harness (harness.ts) with the app's
 * `Date` following the virtual clock through vitest's fake timers (only `Date` is faked, so
 * timers and I/O behave normally). Scripts outside vitest (bench/) import harness.ts directly.
 */
import { vi } from 'vitest';
import { Harness, type HarnessOptions, type TimeControl } from './harness.js';

export { InjectedFault } from './accounting.js';
export type { FakeComment, FakePost, FakeReddit } from './fake-reddit/model.js';
export { redisView } from './redis-view.js';
export { Harness, realTime, type ActionResult, type Delivery, type HarnessOptions, type TimeControl } from './harness.js';

/** vitest's fake `Date`, following the harness clock. */
export const vitestTime: TimeControl = {
  install: (ms) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(ms);
  },
  set: (ms) => vi.setSystemTime(ms),
  uninstall: () => vi.useRealTimers(),
};

/** Creates a harness around the app's `Devvit` (the default export of src/main.ts). */
export function createHarness(devvit: unknown, opts: HarnessOptions = {}): Harness {
  return new Harness(devvit, { time: vitestTime, ...opts });
}
