import type { Figure } from './chart-model.js';
import type { KappaInput, KappaWeek } from './kappa-input.js';

/** Weeks on the x axis: the latest ones (the data table has them all). */
export const KAPPA_WEEKS = 12;
/** Contractors drawn as lines: those with the most audited decisions (the data table has them all). */
export const KAPPA_SERIES = 8;
const TABLE_ROWS = 500;

const fmt = (k: number | null): string => (k === null ? 'n/a' : k.toFixed(2));

/**
 * Contractor κ by week as a line chart (one line per contractor, a gap where a week had too few audited
 * decisions), with the Landis & Koch thresholds drawn in; "No contractor QA data" without entries.
 */
export function kappaFigure(input: KappaInput | undefined): Figure {
  const entries = input?.entries ?? [];
  const problems = input?.unreadable.length ? ` ${input.unreadable.length} entr${input.unreadable.length === 1 ? 'y' : 'ies'} of the QA data could not be used: ${input.unreadable.slice(0, 3).join('; ')}${input.unreadable.length > 3 ? '; …' : ''}.` : '';
  const sorted = [...entries].sort((a, b) => (a.contractor < b.contractor ? -1 : a.contractor > b.contractor ? 1 : a.week < b.week ? -1 : a.week > b.week ? 1 : 0));
  const rows = sorted.slice(0, TABLE_ROWS).map((e) => [e.contractor, e.week, fmt(e.kappa), String(e.audited)]);
  if (sorted.length > TABLE_ROWS) rows.push([`… and ${sorted.length - TABLE_ROWS} more`, '', '', '']);
  const base = { id: 'kappa-by-week', title: 'Contractor κ by week', table: { columns: ['contractor', 'week', 'κ', 'audited'], rows } };
  if (entries.length === 0) {
    const why = input ? 'The QA queue reported no contractor weeks.' : 'This report has no QA queue (queues.qa.kappa_by_week).';
    return { ...base, desc: `No contractor QA data. ${why}${problems}`, caption: `${why}${problems}`, emptyText: 'No contractor QA data' };
  }
  const weeks = [...new Set(entries.map((e) => e.week))].sort().slice(-KAPPA_WEEKS);
  const audited = new Map<string, number>();
  for (const e of entries) audited.set(e.contractor, (audited.get(e.contractor) ?? 0) + e.audited);
  const contractors = [...audited.keys()].sort((a, b) => (audited.get(b) ?? 0) - (audited.get(a) ?? 0) || (a < b ? -1 : 1));
  const shown = contractors.slice(0, KAPPA_SERIES);
  const byKey = new Map<string, KappaWeek>(entries.map((e) => [JSON.stringify([e.contractor, e.week]), e]));
  const at = (c: string, w: string): KappaWeek | undefined => byKey.get(JSON.stringify([c, w]));
  const series = shown.map((c) => ({
    name: c,
    values: weeks.map((w) => at(c, w)?.kappa ?? null),
    pointTitles: weeks.map((w) => `${c}, ${w}: κ ${fmt(at(c, w)?.kappa ?? null)} (${at(c, w)?.audited ?? 0} audited)`),
  }));
  const values = series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const span = weeks.length === 1 ? `week ${weeks[0]}` : `weeks ${weeks[0]} to ${weeks[weeks.length - 1]}`;
  const more = contractors.length > shown.length ? ` The ${shown.length} contractors with the most audited decisions are drawn; all ${contractors.length} are in the data table.` : '';
  if (values.length === 0) {
    return { ...base, desc: `No κ could be computed for ${span}: too few audited decisions.${problems}`, caption: `Too few audited decisions for a κ in ${span}.${problems}`, emptyText: 'No contractor κ yet: too few audited decisions' };
  }
  const last = weeks[weeks.length - 1] as string;
  const latest = shown.map((c) => `${c} ${fmt(at(c, last)?.kappa ?? null)}`).join(', ');
  const low = shown.filter((c) => {
    const k = at(c, last)?.kappa;
    return k !== null && k !== undefined && k < 0.61;
  });
  const lowest = Math.min(0, ...values);
  return {
    ...base,
    desc: `Cohen's κ per week for ${shown.length} contractor${shown.length === 1 ? '' : 's'} over ${span}. In ${last}: ${latest}.${low.length ? ` Below substantial agreement (0.61) in ${last}: ${low.join(', ')}.` : ''}`,
    caption: `Agreement of each contractor's decisions with the auditors' (Cohen's κ) per week; a gap is a week with too few audited decisions. Lines at 0.61 (substantial) and 0.80 (almost perfect above it, Landis & Koch).${more}${problems}`,
    chart: {
      kind: 'line',
      yLabel: 'κ',
      xLabels: weeks,
      yMin: Math.max(-1, Math.floor(lowest * 5) / 5),
      yMax: 1,
      yStep: 0.2,
      series,
      references: [
        { value: 0.61, label: 'substantial' },
        { value: 0.8, label: 'almost perfect' },
      ],
    },
  };
}
