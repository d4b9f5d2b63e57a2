/**
 * The example week's help-article inventory (`examples/help-articles.csv`), the product changes it is
 * checked against (`examples/product-changes.csv`) and the `help_articles:` settings. Four of the twenty
 * are stale: one HCA and one shop page whose area changed after their review, one tutorial and one HCA
 * past their review interval; one HCA was reviewed on the day its area changed (not stale).
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../../packages/core/src/random/seeded-random.js';

/** The `help_articles:` block appended to the example creator-desk.yaml. */
export const HELP_ARTICLE_SETTINGS_YAML = `
# Help-center articles (HCAs), tutorials and shop pages: stale when their area changed after the review,
# or when the review is older than the interval (per kind).
help_articles:
  review_interval_days: 180
  kinds:
    shop_page: 120
`;

type Article = [id: string, title: string, kind: string, owner: string, lastReviewed: string, area: string];

const OWNERS = ['maya_ops', 'omar_docs', 'ines_creators', 'zoe_shop'] as const;

const cell = (v: string): string => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

// Days before 20 Feb 2026 of a review that is fresh on every count (after every change of its area).
const day = (daysBefore: number): string => new Date(Date.UTC(2026, 1, 20) - daysBefore * 86_400_000).toISOString().slice(0, 10);

/** The inventory: twenty articles, reviewed on fixed days (stale ones) or seeded recent days (the rest). */
export function helpArticlesCsv(seed = 20260215): string {
  const random = seededRandom(seed);
  const owner = (): string => OWNERS[Math.floor(random() * OWNERS.length)] as string;
  // Fresh: reviewed within the last 1–8 days (after every change below, inside every interval).
  const fresh = (): string => day(1 + Math.floor(random() * 8));
  const rows: Article[] = [
    ['hca-101', 'How payouts work', 'HCA', 'maya_ops', '2026-01-28', 'payouts'],
    ['hca-102', 'Connecting your Stripe account', 'HCA', 'maya_ops', fresh(), 'payouts'],
    ['hca-103', 'Payout schedule and minimums', 'HCA', owner(), fresh(), 'payouts'],
    ['hca-110', 'Verifying your identity with Persona', 'HCA', 'omar_docs', '2026-01-15', 'verification'],
    ['hca-111', 'Why was my verification declined?', 'HCA', owner(), fresh(), 'verification'],
    ['hca-120', 'Avatar file requirements', 'HCA', 'omar_docs', '2025-08-01', 'submissions'],
    ['hca-121', 'Submitting a Community Award', 'HCA', owner(), fresh(), 'submissions'],
    ['hca-122', 'Brand Award guidelines', 'HCA', owner(), fresh(), 'brand-awards'],
    ['hca-130', 'Review timelines', 'HCA', owner(), fresh(), 'review'],
    ['hca-131', 'Appealing a rejection', 'HCA', owner(), fresh(), 'review'],
    ['hca-140', 'Copyright and takedowns', 'HCA', owner(), fresh(), 'policy'],
    ['tut-201', 'Your first avatar: layers and traits', 'tutorial', 'ines_creators', '2025-07-30', 'submissions'],
    ['tut-202', 'Exporting transparent PNGs', 'tutorial', owner(), fresh(), 'submissions'],
    ['tut-203', 'Pricing your collection', 'tutorial', owner(), fresh(), 'avatar-shop'],
    ['tut-204', 'Promoting your drop in r/CollectibleCreators', 'tutorial', owner(), fresh(), 'community'],
    ['shop-301', 'Avatar shop: how listings work', 'shop page', 'zoe_shop', '2026-02-02', 'avatar-shop'],
    ['shop-302', 'Limited editions and sell-outs', 'shop page', owner(), fresh(), 'avatar-shop'],
    ['shop-303', 'Artist storefront pages', 'shop page', owner(), fresh(), 'storefront'],
    ['shop-304', 'Refunds and returns', 'shop page', owner(), fresh(), 'avatar-shop'],
    ['shop-305', 'Gifting avatars', 'shop page', owner(), fresh(), 'storefront'],
  ];
  return ['id,title,kind,owner,last_reviewed,area', ...rows.map((r) => r.map(cell).join(','))].join('\n') + '\n';
}

/** The product changes of the last months, by area and ship date. */
export function productChangesCsv(): string {
  const rows = [
    ['payouts', '2026-02-10', 'CHG-88', 'Stripe Connect express accounts replace standard accounts'],
    ['verification', '2026-01-15', 'CHG-71', 'Persona selfie check added to onboarding'],
    ['avatar-shop', '2026-02-09', 'CHG-86', 'Listings show remaining edition size'],
    ['submissions', '2025-12-01', 'CHG-60', 'Trait packs accept up to 12 layers'],
    ['review', '2026-01-06', 'CHG-65', 'Reviewer SLA moved to business hours'],
  ];
  return ['area,date,id,description', ...rows.map((r) => r.map(cell).join(','))].join('\n') + '\n';
}

/** Writes the inventory and the changes into `out` and appends the settings to its creator-desk.yaml. */
export function writeHelpArticleExamples(out: string): void {
  writeFileSync(join(out, 'help-articles.csv'), helpArticlesCsv());
  writeFileSync(join(out, 'product-changes.csv'), productChangesCsv());
  appendFileSync(join(out, 'creator-desk.yaml'), HELP_ARTICLE_SETTINGS_YAML);
}
