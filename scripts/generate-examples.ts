/**
 * Generates `examples/`: one realistic week of the Collectible Avatars creator program (Presidents' Day
 * week 2026, business hours in America/Los_Angeles). Seeded, so the output is identical on every run:
 *
 *   npx tsx scripts/generate-examples.ts [--seed N] [--out DIR] [--reviews N] [--staging N]
 *
 * The same generator feeds `bench/report/run.ts` with 100,000-row inputs (`generateWeek`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSupportExamples } from './examples/support.js';
import { seededRandom } from '../packages/core/src/random/seeded-random.js';
import { writeTakedownExamples } from './examples/takedowns.js';
import { writeHelpArticleExamples } from './examples/help-articles.js';
import { writeActivationExamples } from './examples/activations.js';
import { writeInquiryExamples } from './examples/inquiries.js';
import { writeQaExamples } from './examples/qa.js';


const HOUR = 3_600_000;
const MINUTE = 60_000;

/** The week: Sunday 15 Feb 2026 00:00 PST to the report's `now`, Friday 20 Feb 2026 11:30 PST. */
export const WEEK_START = Date.parse('2026-02-15T08:00:00Z');
export const EXAMPLE_NOW = '2026-02-20T19:30:00Z';

const ADJECTIVES = ['Cosmic', 'Velvet', 'Neon', 'Quiet', 'Feral', 'Golden', 'Pixel', 'Lunar', 'Salty', 'Frosted', 'Haunted', 'Tiny', 'Solar', 'Mossy', 'Chrome', 'Sleepy', 'Retro', 'Paper', 'Electric', 'Honey'];
const NOUNS = ['Otter', 'Snoo', 'Moth', 'Fox', 'Robot', 'Wizard', 'Axolotl', 'Ghost', 'Samurai', 'Frog', 'Comet', 'Mushroom', 'Astronaut', 'Knight', 'Raccoon', 'Dragon', 'Cat', 'Gardener', 'DJ', 'Skater'];
const AWARD_WORDS = ['Wholesome', 'Big Brain', 'Take My Energy', 'Helpful', 'Mind Blown', 'Hug', 'Cheers', 'Gold Star', 'Starry', 'Bravo'];
const BRANDS = ['Aurora Sneakers', 'Kettle & Crumb', 'Northwind Games', 'Blue Finch Coffee', 'Lumen Phones'];
const REVIEWERS = ['rev_amara', 'rev_jonas', 'rev_keiko', 'rev_luis', 'rev_priya', 'rev_tomasz'];
const HANDLE_A = ['pastel', 'inky', 'glitch', 'doodle', 'cloud', 'moon', 'sketch', 'rust', 'fern', 'neon', 'velvet', 'brush'];
const HANDLE_B = ['_fox', 'otter', '_makes_art', 'crafts', '_studio', 'paint', 'drawsalot', '_pixels', 'bean', 'works'];

const STAGES = ['upload', 'virus_scan', 'render', 'metadata_sync', 'publish'] as const;
const RETRYABLE_ERRORS = [
  'ETIMEDOUT: upload to asset-cdn timed out after 30000ms',
  '503 Service Unavailable from render-farm',
  'S3 SlowDown: please reduce your request rate',
  'ECONNRESET while streaming layer 4',
  '429 Too Many Requests from metadata-api',
];
const NON_RETRYABLE_ERRORS = [
  'E_DIMENSIONS: layer 3 is 1024x1000, expected 1024x1024',
  'invalid PNG: bad IHDR chunk in hat.png',
  'E_LICENSE: trait pack license not accepted by artist',
  '422 Unprocessable Entity: traits.json missing "rarity"',
];

// The creator-ops calendar of EXAMPLE_SLA_POLICIES, in minutes of the Pacific day (the week is all PST).
const WORK_DAY: [number, number][] = [
  [9 * 60, 12 * 60],
  [13 * 60, 17 * 60 + 30],
];
const WORK_FRIDAY: [number, number][] = [
  [9 * 60, 12 * 60],
  [13 * 60, 16 * 60],
];
const PST = 8 * HOUR;
const HOLIDAYS = new Set(['2026-02-16']);

/** `t` when the review team is at work then, else the start of their next working interval. */
export function atWork(t: number): number {
  for (let day = 0; day < 14; day++) {
    const local = new Date(t - PST);
    const midnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) + day * 24 * HOUR;
    const date = new Date(midnight);
    const weekday = date.getUTCDay();
    if (weekday === 0 || weekday === 6 || HOLIDAYS.has(date.toISOString().slice(0, 10))) continue;
    for (const [from, to] of weekday === 5 ? WORK_FRIDAY : WORK_DAY) {
      const start = midnight + from * MINUTE + PST;
      const end = midnight + to * MINUTE + PST;
      if (t < end) return Math.max(t, start);
    }
  }
  return t;
}

export interface GeneratedWeek {
  reviewsCsv: string;
  stagingCsv: string;
  reviewCount: number;
  stagingCount: number;
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function iso(t: number): string {
  return new Date(Math.round(t / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * Generates a week's review submissions and staging items as CSV. `now` bounds every timestamp;
 * statuses follow a plausible review flow (older items are mostly decided, some wait on the artist,
 * a few are escalated), and the staging pipeline has healthy, slow, stuck and failed uploads.
 */
export function generateWeek(opts: { seed: number; reviews: number; staging: number; now?: string }): GeneratedWeek {
  const rnd = seededRandom(opts.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const now = Date.parse(opts.now ?? EXAMPLE_NOW);
  const span = now - WEEK_START;
  const artists = Array.from({ length: Math.max(40, Math.round(opts.reviews / 5)) }, (_, i) => `${pick(HANDLE_A)}${pick(HANDLE_B)}${i % 7 === 0 ? i : ''}`);

  // Approved submissions, with when they were approved: only they reach staging, and only afterwards.
  const approved: { id: string; artist: string; at: number }[] = [];
  const reviewLines = ['id,asset_type,artist,submitted_at,priority,status,assignee,status_history,title,flags,notes'];
  for (let i = 0; i < opts.reviews; i++) {
    // More submissions on weekdays and in the Pacific afternoon: sample, then thin out quiet hours.
    let at = WEEK_START + rnd() * span;
    const localHour = new Date(at - 8 * HOUR).getUTCHours();
    if ((localHour < 7 || localHour > 22) && rnd() < 0.6) at = WEEK_START + rnd() * span;
    const r = rnd();
    const assetType = r < 0.6 ? 'avatar' : r < 0.9 ? 'community_award' : 'brand_award';
    const p = rnd();
    const priority = p < 0.05 ? 'urgent' : p < 0.2 ? 'high' : p < 0.9 ? 'normal' : 'low';
    const artist = pick(artists);
    // A brand award is for one brand: its title and any note about its brand kit name the same one.
    const brand = pick(BRANDS);
    const title =
      assetType === 'avatar' ? `${pick(ADJECTIVES)} ${pick(NOUNS)}` : assetType === 'community_award' ? `${pick(AWARD_WORDS)} ${pick(NOUNS)}` : `${brand} ${pick(AWARD_WORDS)}`;
    const flags: string[] = [];
    let notes = '';
    const f = rnd();
    if (f < 0.025) {
      flags.push('ip_report');
      notes = `Reporter says this copies a ${pick(['Nintendo', 'Disney', 'Sanrio', 'Studio Ghibli'])} character`;
    } else if (f < 0.06) {
      flags.push('ai_generated');
      notes = 'Reviewer suspects AI-generated art (mangled hands, inconsistent line weight)';
    } else if (f < 0.075) {
      flags.push('policy');
      notes = 'Possible content policy issue: weapon imagery';
    } else if (assetType === 'brand_award' && f < 0.3) {
      flags.push('brand_guidelines');
      notes = `Logo placement differs from the ${brand} brand kit`;
    }
    const age = now - at;
    const history: [string, number][] = [['pending', at]];
    let status = 'pending';
    let assignee = '';
    // Reviewers act in the team's hours: claims, escalations, requests to the artist and decisions.
    const claimAt = atWork(at + (0.5 + rnd() * 20) * HOUR);
    if (claimAt < now && age > 0) {
      assignee = pick(REVIEWERS);
      let t = claimAt;
      history.push(['in_review', t]);
      status = 'in_review';
      const o = rnd();
      if (flags.length && o < 0.7) {
        t = atWork(t + (0.2 + rnd() * 3) * HOUR);
        if (t < now) {
          history.push(['escalated', t]);
          status = 'escalated';
          const closeAfter = (6 + rnd() * 60) * HOUR;
          if (t + closeAfter < now && rnd() < 0.5) {
            history.push(['closed', t + closeAfter]);
            status = 'closed';
          }
        }
      } else if (o < 0.15) {
        t = atWork(t + (0.5 + rnd() * 4) * HOUR);
        if (t < now) {
          history.push(['waiting_on_artist', t]);
          status = 'waiting_on_artist';
          const back = (2 + rnd() * 40) * HOUR;
          if (t + back < now) {
            history.push(['in_review', t + back]);
            status = 'in_review';
            t += back;
          }
        }
      }
      if (status === 'in_review') {
        const decidedAt = atWork(t + (0.3 + rnd() * 30) * HOUR);
        if (decidedAt < now) {
          status = rnd() < 0.78 ? 'approved' : 'rejected';
          history.push([status, decidedAt]);
          if (status === 'approved') approved.push({ id: '', artist, at: decidedAt });
        }
      }
    }
    const id = `sub_${(1000 + i).toString(36)}${Math.floor(rnd() * 1296).toString(36).padStart(2, '0')}`;
    const last = approved[approved.length - 1];
    if (last && last.id === '') last.id = id;
    reviewLines.push(
      [
        id,
        assetType,
        artist,
        iso(at),
        priority,
        status,
        assignee,
        history.map(([s, t]) => `${s}@${iso(t)}`).join(';'),
        title,
        flags.join(';'),
        notes,
      ]
        .map(csvCell)
        .join(','),
    );
  }

  const stagingLines = ['id,submission_id,artist,stage,entered_at,heartbeat_at,attempts,last_error,failed_stage'];
  approved.sort((a, b) => a.at - b.at);
  for (let i = 0; i < opts.staging; i++) {
    const id = `stg_${(5000 + i).toString(36)}`;
    const k = rnd();
    let stage: string;
    let entered: number;
    let heartbeat: number | undefined;
    let attempts = 1;
    let lastError = '';
    let failedStage = '';
    if (k < 0.55) {
      stage = 'published';
      entered = now - rnd() * span;
    } else if (k < 0.78) {
      // Healthy, in flight.
      stage = pick(STAGES);
      entered = now - rnd() * 25 * MINUTE;
      heartbeat = now - rnd() * 3 * MINUTE;
    } else if (k < 0.85) {
      // Slow: past the warning age but still heartbeating.
      stage = pick(STAGES);
      entered = now - (40 + rnd() * 70) * MINUTE;
      heartbeat = now - rnd() * 4 * MINUTE;
    } else if (k < 0.91) {
      // Stuck: the worker went quiet.
      stage = pick(STAGES);
      entered = now - (2 + rnd() * 30) * HOUR;
      heartbeat = entered + rnd() * 20 * MINUTE;
      attempts = 1 + Math.floor(rnd() * 2);
    } else {
      // A failed upload says which stage it failed in: the one a retry reruns.
      stage = 'failed';
      failedStage = pick(STAGES);
      entered = now - rnd() * 30 * HOUR;
      const hard = rnd() < 0.3;
      lastError = hard ? pick(NON_RETRYABLE_ERRORS) : pick(RETRYABLE_ERRORS);
      attempts = hard ? 1 : 1 + Math.floor(rnd() * 5);
    }
    // The item belongs to a submission approved before it entered staging, and carries that artist.
    // (A published item may be for any approval: it entered staging some time after it.)
    // `approved` is sorted by time, so the eligible ones are a prefix of it (found by binary search: the
    // bench generates 100,000 of each).
    let upTo = approved.length;
    if (stage !== 'published') {
      let lo = 0;
      while (lo < upTo) {
        const mid = (lo + upTo) >> 1;
        if ((approved[mid] as { at: number }).at <= entered) lo = mid + 1;
        else upTo = mid;
      }
    }
    const from = upTo > 0 ? approved[Math.floor(rnd() * upTo)] : undefined;
    if (from && stage === 'published') entered = from.at + rnd() * (now - from.at);
    const submission = from?.id ?? '';
    const artist = from?.artist ?? pick(artists);
    stagingLines.push([id, submission, artist, stage, iso(entered), heartbeat === undefined ? '' : iso(heartbeat), String(attempts), lastError, failedStage].map(csvCell).join(','));
  }
  return {
    reviewsCsv: `${reviewLines.join('\n')}\n`,
    stagingCsv: `${stagingLines.join('\n')}\n`,
    reviewCount: opts.reviews,
    stagingCount: opts.staging,
  };
}

/** The queue settings for the examples: fixed `now`, per-stage limits, retry policy, error classes. */
export const EXAMPLE_CONFIG = `# creator-desk queue settings for this directory (read by \`creator-desk report\`).
# \`now\` pins the report to a moment inside the example week so its output is reproducible;
# delete it (or pass --now) to report on the real clock.
now: ${EXAMPLE_NOW}

review:
  inbound_window: 24h

staging:
  done_stages: [published]
  failed_stages: [failed]
  # A worker that stops heartbeating this long is stuck, whatever its stage age.
  heartbeat_timeout: 45m
  stages:
    upload:        { warn_after: 20m, stuck_after: 2h }
    virus_scan:    { warn_after: 10m, stuck_after: 1h }
    render:        { warn_after: 45m, stuck_after: 3h }
    metadata_sync: { warn_after: 15m, stuck_after: 1h }
    publish:       { warn_after: 30m, stuck_after: 2h }
  retry:
    base_delay: 10m
    factor: 2
    max_delay: 4h
    jitter: 0.3
    max_attempts: 5
  errors:
    non_retryable:
      - '^E_DIMENSIONS'
      - '^E_LICENSE'
      - 'invalid PNG'
      - '^4(?:00|22) '
    retryable:
      - 'ETIMEDOUT|ECONNRESET|SlowDown'
      - '^(?:429|5\\d\\d) '
    unknown: retryable
`;

/** SLA policies: Zendesk-style, first match wins, business hours in Los Angeles with Presidents' Day off. */
export const EXAMPLE_SLA_POLICIES = `# Review SLAs (core SLA policy format). Policies are tried in order; the first whose \`when\` matches applies.
# Times count business hours of the creator-ops calendar unless a target says \`hours: calendar\`.
calendars:
  creator-ops:
    timeZone: America/Los_Angeles
    hours:
      mon: [['09:00', '12:00'], ['13:00', '17:30']]
      tue: [['09:00', '12:00'], ['13:00', '17:30']]
      wed: [['09:00', '12:00'], ['13:00', '17:30']]
      thu: [['09:00', '12:00'], ['13:00', '17:30']]
      fri: [['09:00', '12:00'], ['13:00', '16:00']]
    holidays:
      - { date: '2026-02-16', name: "Presidents' Day" }
      - { date: '2026-05-25', name: Memorial Day }
      - { from: '2026-12-24', to: '2027-01-01', name: Winter break }

policies:
  - name: Brand awards
    when: { kind: brand_award }
    calendar: creator-ops
    hours: business
    warn_before: 2h
    metrics:
      decision:
        stop_when: { status: [approved, rejected, escalated, closed] }
        pause_when: { status: waiting_on_artist }
        targets:
          urgent: { target: 4h, hours: calendar, warn_before: 1h }
          high: 4h
          normal: 8h
          default: 16h

  - name: Community awards
    when: { kind: community_award }
    calendar: creator-ops
    hours: business
    warn_before: 3h
    metrics:
      decision:
        stop_when: { status: [approved, rejected, escalated, closed] }
        pause_when: { status: waiting_on_artist }
        targets:
          urgent: 4h
          high: 8h
          normal: 16h
          default: 24h

  - name: Avatars
    when: { kind: avatar }
    calendar: creator-ops
    hours: business
    warn_before: 4h
    metrics:
      decision:
        stop_when: { status: [approved, rejected, escalated, closed] }
        pause_when: { status: waiting_on_artist }
        targets:
          urgent: { target: 4h, warn_before: 1h }
          high: 8h
          normal: 24h
          default: 32h
`;

/** Escalation routing in the rule language: \`type: review\` rules with \`escalate: {team, reason}\`. */
export const EXAMPLE_ESCALATION_RULES = `# Escalation routing for the review queues (AutoModerator syntax, creator-desk's \`escalate\` action).
# Each rule that matches an open submission routes it to a team; the report lists the ones to escalate.

# IP reports go to Legal
type: review
tags: ip_report
escalate:
  team: Legal
  reason: "IP report on '{{title}}': {{body}}"
---
# Copyright or trademark words in the reviewer's notes, even without the flag
type: review
~tags: ip_report
body: [copyright, trademark, "cease and desist", DMCA]
escalate:
  team: Legal
  reason: "Notes mention '{{match}}'"
---
# Suspected AI-generated art goes to Trust & Safety
type: review
tags: ai_generated
escalate:
  team: Trust & Safety
  reason: "Suspected AI-generated art: {{body}}"
---
# Content policy questions go to Trust & Safety
type: review
tags: policy
escalate:
  team: Trust & Safety
  reason: "Policy question: {{body}}"
---
# Brand awards that deviate from the brand kit go to the Brand team
type: review
kind: brand_award
tags: brand_guidelines
escalate:
  team: Brand
  reason: "Brand kit check for '{{title}}': {{body}}"
`;

function main(): void {
  const args = process.argv.slice(2);
  const arg = (name: string, fallback: string): string => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] !== undefined ? (args[i + 1] as string) : fallback;
  };
  const out = arg('--out', fileURLToPath(new URL('../examples/', import.meta.url)));
  const week = generateWeek({ seed: Number(arg('--seed', '20260215')), reviews: Number(arg('--reviews', '640')), staging: Number(arg('--staging', '260')) });
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'review-submissions.csv'), week.reviewsCsv);
  writeFileSync(join(out, 'staging-items.csv'), week.stagingCsv);
  writeFileSync(join(out, 'creator-desk.yaml'), EXAMPLE_CONFIG);
  writeFileSync(join(out, 'sla-policies.yaml'), EXAMPLE_SLA_POLICIES);
  writeFileSync(join(out, 'escalation-rules.yaml'), EXAMPLE_ESCALATION_RULES);
  writeTakedownExamples(out);
  writeHelpArticleExamples(out);
  writeActivationExamples(out);
  writeInquiryExamples(out);
  writeQaExamples(out);
  writeSupportExamples(out);
  process.stdout.write(`wrote ${week.reviewCount} submissions and ${week.stagingCount} staging items to ${out}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
