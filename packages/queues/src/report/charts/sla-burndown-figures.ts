import { slaBuckets, type OpenItemBuckets, type SlaBucket } from '../../review/open-item-buckets.js';
import type { Report } from '../report-model.js';
import type { ChartTone, Figure } from './chart-model.js';

/** Each time-to-breach bucket's bar label, its words in a sentence, and its colour. */
export const SLA_BUCKET_STYLE: Record<SlaBucket, { label: string; words: string; tone: ChartTone }> = {
  breached: { label: 'breached', words: 'breached', tone: 'red' },
  under1h: { label: '< 1h', words: 'under 1 hour left', tone: 'orange' },
  under4h: { label: '1–4h', words: '1–4 hours left', tone: 'yellow' },
  under24h: { label: '4–24h', words: '4–24 hours left', tone: 'blue' },
  later: { label: 'later', words: '24 hours or more left', tone: 'green' },
  paused: { label: 'paused', words: 'paused (waiting on the artist)', tone: 'grey' },
};

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function offClockText(b: OpenItemBuckets): string {
  const parts = [
    b.offClock.withTeam ? `${b.offClock.withTeam} with another team` : '',
    b.offClock.noSla ? `${b.offClock.noSla} without an SLA policy` : '',
    b.offClock.met ? `${b.offClock.met} whose target is already met` : '',
  ].filter(Boolean);
  return parts.length ? ` Not charted: ${parts.join(', ')}.` : '';
}

/** One queue's burn-down: its open items on the SLA clock as bars by time to breach. */
export function slaBurndownFigure(b: OpenItemBuckets): Figure {
  const id = `sla-${b.queue.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;
  const title = `SLA burn-down: ${b.queue}`;
  const onClock = slaBuckets.reduce((sum, k) => sum + b.sla[k], 0);
  const table = { columns: ['time to breach', 'open items'], rows: slaBuckets.map((k) => [SLA_BUCKET_STYLE[k].label, String(b.sla[k])]) };
  const counts = slaBuckets.map((k) => `${b.sla[k]} ${SLA_BUCKET_STYLE[k].words}`).join(', ');
  if (onClock === 0) {
    return { id, title, desc: `No open ${b.queue} items are on the SLA clock.${offClockText(b)}`, caption: `Nothing open on the SLA clock.${offClockText(b)}`, emptyText: `No open ${b.queue} items on the SLA clock`, table };
  }
  return {
    id,
    title,
    desc: `${plural(onClock, 'open item')} in the ${b.queue} queue by working time to SLA breach: ${counts}.${offClockText(b)}`,
    caption: `${plural(onClock, 'open item')} on the SLA clock: ${b.sla.breached} breached, ${b.sla.under1h} due within the hour.${offClockText(b)}`,
    chart: { kind: 'bar', yLabel: 'open items', bars: slaBuckets.map((k) => ({ label: SLA_BUCKET_STYLE[k].label, value: b.sla[k], tone: SLA_BUCKET_STYLE[k].tone })) },
    table,
  };
}

/** The SLA burn-down of every review queue (not the `all` row); one "no SLA" figure when no policies loaded. */
export function slaBurndownFigures(report: Report): Figure[] {
  if (!report.review.slaAvailable) {
    return [{ id: 'sla-none', title: 'SLA burn-down', desc: 'No SLA policies were loaded, so no time to breach could be computed.', caption: 'No SLA policies loaded.', emptyText: 'No SLA data: no SLA policies loaded', table: { columns: [], rows: [] } }];
  }
  return report.review.open.filter((b) => b.queue !== 'all').map(slaBurndownFigure);
}
