/**
 * The example week's takedown log (`examples/takedown-log.csv`) and its `takedowns:` settings: a handful
 * of §512 cases as the coordinator logs them — one whose counter-notice came on Friday 13 February, so its
 * restore window is counted over Presidents' Day; one whose restore window has closed (overdue); one in
 * litigation hold; a notice waiting for validation; one whose complainant went silent (implied
 * retraction); and pastel_fox, whose third takedown this year reaches the repeat-infringer threshold.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../../packages/core/src/random/seeded-random.js';

/** The `takedowns:` block appended to the example creator-desk.yaml. */
export const TAKEDOWN_SETTINGS_YAML = `
# Copyright takedowns (17 U.S.C. §512): the takedown log, replayed through core's takedown machine.
takedowns:
  calendar:
    time_zone: America/Los_Angeles
    us_federal_holidays: true
  restore_window: { earliest: 10, latest: 14 }
  act_within_business_days: 1
  implied_retraction_after_business_days: 10
  repeat_infringer: { threshold: 3, window_days: 365 }
`;

type Row = [caseId: string, event: string, at: string, uploader?: string, claimant?: string, itemId?: string, note?: string, resolution?: string];

const cell = (v: string | undefined): string => (v === undefined ? '' : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The log's rows, in the order a coordinator appends them (by case). */
export function takedownLogCsv(seed = 20260215): string {
  const random = seededRandom(seed);
  const item = (): string => `t3_1${Math.floor(random() * 36 ** 5).toString(36).padStart(5, '0')}`;
  const min = (): string => String(Math.floor(random() * 50) + 5).padStart(2, '0');
  // A case up to the uploader notice, on `day` (UTC hours of the Pacific working day).
  const opened = (id: string, uploader: string, claimant: string, day: string, work: string): Row[] => [
    [id, 'notice_received', `${day}T17:${min()}:00Z`, uploader, claimant, item(), work],
    [id, 'notice_validated', `${day}T18:${min()}:00Z`],
    [id, 'content_disabled', `${day}T19:${min()}:00Z`],
    [id, 'uploader_notified', `${day}T20:${min()}:00Z`],
  ];
  const rows: Row[] = [
    // pastel_fox: two earlier takedowns this year (no counter-notice), and a third this week.
    ...opened('TD-2025-041', 'pastel_fox', 'Lumen Phones Inc.', '2025-06-10', 'Lumen "Aurora" phone product photography'),
    ['TD-2025-041', 'closed', '2025-07-15T18:00:00Z', undefined, undefined, undefined, 'no counter-notice in 30 days', 'no_counter_notice'],
    ...opened('TD-2025-077', 'pastel_fox', 'Kettle & Crumb LLC', '2025-11-04', 'Kettle & Crumb mascot artwork'),
    ['TD-2025-077', 'closed', '2025-12-09T18:00:00Z', undefined, undefined, undefined, 'no counter-notice in 30 days', 'no_counter_notice'],
    ...opened('TD-2026-018', 'pastel_fox', 'Northwind Games', '2026-02-17', 'Northwind "Skyforge" character art'),
    // The restore window counted over Presidents' Day: counter-notice received Friday 13 Feb.
    ...opened('TD-2026-014', 'glitch_otter', 'Blue Finch Coffee Co.', '2026-02-03', 'Blue Finch logo'),
    ['TD-2026-014', 'counter_notice_received', '2026-02-13T17:40:00Z'],
    ['TD-2026-014', 'counter_validated', '2026-02-13T22:10:00Z', undefined, undefined, undefined, 'all §512(g)(3) elements present'],
    ['TD-2026-014', 'counter_notice_forwarded', '2026-02-13T23:05:00Z'],
    // Overdue: the window closed on Wed 11 Feb and the content is still down.
    ...opened('TD-2026-009', 'inky_moth', 'Aurora Sneakers', '2026-01-13', 'Aurora sneaker silhouette'),
    ['TD-2026-009', 'counter_notice_received', '2026-01-22T18:30:00Z'],
    ['TD-2026-009', 'counter_validated', '2026-01-22T21:00:00Z'],
    ['TD-2026-009', 'counter_notice_forwarded', '2026-01-23T17:15:00Z'],
    // The complainant reported a suit within the window: the content stays down.
    ...opened('TD-2026-011', 'fern_studio', 'Haunted Lantern Press', '2026-01-20', 'Lantern Ghost comic panels'),
    ['TD-2026-011', 'counter_notice_received', '2026-01-27T19:00:00Z'],
    ['TD-2026-011', 'counter_validated', '2026-01-27T22:00:00Z'],
    ['TD-2026-011', 'counter_notice_forwarded', '2026-01-28T17:30:00Z'],
    ['TD-2026-011', 'suit_notice_received', '2026-02-06T18:20:00Z', undefined, undefined, undefined, 'N.D. Cal. 5:26-cv-01234'],
    // Restored in the window last week.
    ...opened('TD-2026-004', 'cloud_bean', 'Paper Comet Studio', '2026-01-05', 'Paper Comet sticker sheet'),
    ['TD-2026-004', 'counter_notice_received', '2026-01-26T18:00:00Z'],
    ['TD-2026-004', 'counter_validated', '2026-01-26T20:00:00Z'],
    ['TD-2026-004', 'counter_notice_forwarded', '2026-01-26T21:00:00Z'],
    ['TD-2026-004', 'content_restored', '2026-02-11T18:30:00Z'],
    // An incomplete notice; the complainant never answered: retracted by silence on Fri 20 Feb.
    ['TD-2026-012', 'notice_received', '2026-02-05T16:40:00Z', 'moon_crafts', 'J. Doe', item(), 'Moon rabbit illustration'],
    ['TD-2026-012', 'notice_rejected', '2026-02-05T17:00:00Z', undefined, undefined, undefined, 'no signature, no statement under penalty of perjury'],
    // Arrived this morning, waiting for validation.
    ['TD-2026-021', 'notice_received', '2026-02-20T16:12:00Z', 'neon_makes_art', 'Golden Otter Toys', item(), 'Golden Otter plush design'],
  ];
  return ['case_id,event,at,uploader,claimant,item_id,note,resolution', ...rows.map((r) => Array.from({ length: 8 }, (_, i) => cell(r[i])).join(','))].join('\n') + '\n';
}

/** Writes the takedown log into `out` and appends the settings to its creator-desk.yaml (written before). */
export function writeTakedownExamples(out: string): void {
  writeFileSync(join(out, 'takedown-log.csv'), takedownLogCsv());
  appendFileSync(join(out, 'creator-desk.yaml'), TAKEDOWN_SETTINGS_YAML);
}
