import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_CONFIG, EXAMPLE_ESCALATION_RULES, EXAMPLE_SLA_POLICIES, generateWeek } from '../../../../scripts/generate-examples.js';

const examples = (name: string): string => readFileSync(fileURLToPath(new URL(`../../../../examples/${name}`, import.meta.url)), 'utf8');
const rows = (name: string): Record<string, string>[] => parse(examples(name), { columns: true });

const reviews = rows('review-submissions.csv');
const staging = rows('staging-items.csv');
const byId = new Map(reviews.map((r) => [r.id as string, r]));
const historyOf = (r: Record<string, string>): [string, number][] =>
  (r.status_history ?? '').split(';').filter(Boolean).map((e) => [e.slice(0, e.indexOf('@')), Date.parse(e.slice(e.indexOf('@') + 1))]);

// creator-ops hours (Pacific, PST all week): Mon–Thu 09:00–12:00 and 13:00–17:30, Fri until 16:00; 16 Feb off.
function atWork(t: number): boolean {
  const local = new Date(t - 8 * 3_600_000);
  const day = local.getUTCDay();
  if (day === 0 || day === 6 || local.toISOString().startsWith('2026-02-16')) return false;
  const m = local.getUTCHours() * 60 + local.getUTCMinutes();
  return (m >= 540 && m < 720) || (m >= 780 && m < (day === 5 ? 960 : 1050));
}

describe('the example week', () => {
  it('regenerates byte for byte from its seed', () => {
    const week = generateWeek({ seed: 20260215, reviews: 640, staging: 260 });
    expect(week.reviewsCsv).toBe(examples('review-submissions.csv'));
    expect(week.stagingCsv).toBe(examples('staging-items.csv'));
    // The queue modules' example generators append their settings blocks after the core settings.
    expect(examples('creator-desk.yaml').startsWith(EXAMPLE_CONFIG)).toBe(true);
    expect(EXAMPLE_SLA_POLICIES).toBe(examples('sla-policies.yaml'));
    expect(EXAMPLE_ESCALATION_RULES).toBe(examples('escalation-rules.yaml'));
  });

  it('stages only approved submissions, after their approval, under their artist', () => {
    const linked = staging.filter((s) => s.submission_id);
    expect(linked.length).toBeGreaterThan(220);
    for (const s of linked) {
      const sub = byId.get(s.submission_id as string);
      expect(sub?.status, s.id).toBe('approved');
      expect(s.artist, s.id).toBe(sub?.artist);
      const approvedAt = historyOf(sub!).find(([st]) => st === 'approved')![1];
      expect(Date.parse(s.entered_at as string), s.id).toBeGreaterThanOrEqual(approvedAt);
    }
  });

  it("has reviewers claim, escalate, ask and decide in the team's hours", () => {
    let checked = 0;
    for (const r of reviews) {
      const h = historyOf(r);
      h.forEach(([status, t], i) => {
        const artistBack = status === 'in_review' && h[i - 1]?.[0] === 'waiting_on_artist';
        if (['in_review', 'escalated', 'waiting_on_artist', 'approved', 'rejected'].includes(status) && !artistBack) {
          expect(atWork(t), `${r.id} ${status}@${new Date(t).toISOString()}`).toBe(true);
          checked++;
        }
      });
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('keeps the stage a failed upload failed in, and names the same brand in title and notes', () => {
    const failed = staging.filter((s) => s.stage === 'failed');
    expect(failed.length).toBeGreaterThan(5);
    for (const s of failed) expect(['upload', 'virus_scan', 'render', 'metadata_sync', 'publish']).toContain(s.failed_stage);
    for (const r of reviews.filter((x) => x.asset_type === 'brand_award' && /brand kit/.test(x.notes ?? ''))) {
      const brand = /the (.+) brand kit/.exec(r.notes as string)![1] as string;
      expect(r.title?.startsWith(brand), r.id).toBe(true);
    }
  });
});
