import { z } from 'zod';
import type { Report } from '../report-model.js';

/** One contractor's agreement with the auditors in one week; `kappa` null when too few decisions were audited. */
export interface KappaWeek {
  contractor: string;
  week: string;
  kappa: number | null;
  audited: number;
}

/** What the QA queue gave the κ chart: the readable entries and what was wrong with the others. */
export interface KappaInput {
  entries: KappaWeek[];
  /** One line per entry that could not be used (`kappa_by_week[3].kappa: …`). */
  unreadable: string[];
}

// The QA queue module's JSON part is another module's contract, so it is checked entry by entry.
const entrySchema = z.object({
  contractor: z.string().trim().min(1).max(200),
  week: z.string().trim().min(1).max(40),
  kappa: z.number().min(-1).max(1).nullable(),
  audited: z.number().int().min(0).max(1e9),
});
/** More entries than this are not charted (a year of weekly κ for a hundred contractors fits). */
export const MAX_KAPPA_ENTRIES = 10_000;

/**
 * The contractor κ by week from the `qa` queue module's JSON part (`queues.qa.kappa_by_week`, an array
 * of `{contractor, week, kappa, audited}`); undefined when the report has no such queue or array.
 */
export function kappaByWeekFromReport(report: Report): KappaInput | undefined {
  const json = report.queues.find((q) => q.name === 'qa')?.json;
  if (typeof json !== 'object' || json === null || !('kappa_by_week' in json)) return undefined;
  const list = (json as { kappa_by_week: unknown }).kappa_by_week;
  if (!Array.isArray(list)) return { entries: [], unreadable: ['kappa_by_week: expected an array of {contractor, week, kappa, audited}'] };
  const entries: KappaWeek[] = [];
  const unreadable: string[] = [];
  const seen = new Set<string>();
  list.slice(0, MAX_KAPPA_ENTRIES).forEach((raw, i) => {
    const r = entrySchema.safeParse(raw);
    if (!r.success) {
      const issue = r.error.issues[0];
      unreadable.push(`kappa_by_week[${i}]${issue?.path.length ? `.${issue.path.join('.')}` : ''}: ${issue?.message ?? 'unreadable'}`);
      return;
    }
    const key = JSON.stringify([r.data.contractor, r.data.week]);
    if (seen.has(key)) {
      unreadable.push(`kappa_by_week[${i}]: a second entry for ${r.data.contractor} in ${r.data.week}; the first is used`);
      return;
    }
    seen.add(key);
    entries.push(r.data);
  });
  if (list.length > MAX_KAPPA_ENTRIES) unreadable.push(`kappa_by_week: ${list.length - MAX_KAPPA_ENTRIES} entries after the first ${MAX_KAPPA_ENTRIES} are not charted`);
  return { entries, unreadable };
}
