import { coreLoaders } from '../../src/report/core-loaders.js';
import type { QueueModuleReport } from '../../src/report/queue-module.js';
import { reportFromDir } from '../../src/report/report-from-dir.js';
import type { Report } from '../../src/report/report-model.js';
import { FIXTURE_FILES } from './report-fixture.js';
import { tempDir } from './temp-dir.js';

/** The report of the fixture directory (with `overrides` of its files) at the fixture's `now`. */
export function fixtureReport(overrides: Record<string, string> = {}): Report {
  const dir = tempDir({ ...FIXTURE_FILES, ...overrides });
  return reportFromDir(dir, coreLoaders, { clock: () => new Date('2026-02-18T20:00:00Z') }).report;
}

/** A queue module's part of the report, as a module would return it (for tests of what formats do with one). */
export function moduleReport(name: string, o: Partial<Omit<QueueModuleReport, 'name'>> = {}): QueueModuleReport {
  return { name, sections: () => [], json: {}, headline: [], problems: [], notes: [], inputs: [], ...o };
}
