import { ageBuckets } from '../../review/open-item-buckets.js';
import type { Report } from '../report-model.js';
import type { Figure } from './chart-model.js';

/** The ages of all open review items as a histogram; the data table splits each bucket by queue. */
export function ageHistogramFigure(report: Report): Figure {
  const all = report.review.open.find((b) => b.queue === 'all');
  const queues = report.review.open.filter((b) => b.queue !== 'all');
  const counts = ageBuckets.map((_, i) => all?.ages[i] ?? 0);
  const total = counts.reduce((a, b) => a + b, 0);
  const table = {
    columns: ['age', ...queues.map((q) => q.queue), 'all queues'],
    rows: ageBuckets.map((b, i) => [b.label, ...queues.map((q) => String(q.ages[i] ?? 0)), String(counts[i] ?? 0)]),
  };
  const base = { id: 'age-histogram', title: 'Age of open review items', table };
  if (total === 0) return { ...base, desc: 'There are no open review items.', caption: 'No open items.', emptyText: 'No open review items' };
  const overDay = counts.slice(3).reduce((a, b) => a + b, 0);
  return {
    ...base,
    desc: `${total} open review item${total === 1 ? '' : 's'} by calendar time since submission: ${ageBuckets.map((b, i) => `${counts[i]} aged ${b.label}`).join(', ')}.`,
    caption: `${total} open item${total === 1 ? '' : 's'} in all queues; ${overDay} older than a day.`,
    chart: { kind: 'bar', yLabel: 'open items', bars: ageBuckets.map((b, i) => ({ label: b.label, value: counts[i] ?? 0, tone: i >= 5 ? 'red' : i >= 3 ? 'orange' : 'blue' })) },
  };
}
