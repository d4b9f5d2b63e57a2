/**
 * The example week's support queue: Zendesk tickets as the API returns them — two list-endpoint pages
 * (`GET /api/v2/tickets.json?include=users&per_page=25`) and the week's ticket metric events
 * (`GET /api/v2/incremental/ticket_metric_events`) — plus the rules that classify them. Seeded, so the
 * files are identical on every run.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../../packages/core/src/random/seeded-random.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const API = 'https://creatorprogram.zendesk.com/api/v2';
const WEEK_START = Date.parse('2026-02-15T08:00:00Z');
const NOW = Date.parse('2026-02-20T19:30:00Z');
const PST = 8 * HOUR;

/** `examples/support-rules.yaml`: `type: ticket` rules naming a category and the macro to answer with. */
export const EXAMPLE_SUPPORT_RULES = `# Support (Zendesk) tickets: a category for each onboarding problem, and the macro to answer with
# (the names of the macros page the modmail triage uses). The first matching rule by priority names the
# category; a ticket no rule matches is "other".
---
# Copyright takedowns and counter-notices: a person answers (legal deadlines), so no macro.
type: ticket
priority: 80
subject+body (regex): ['dmca', 'take ?down', 'copyright(ed)?', 'counter[- ]?notice', 'infring(e|es|ed|ing|ement)']
category: takedown
---
# Persona flagged a real ID: the identity check's false positives.
type: ticket
priority: 70
subject+body (regex): ['persona', 'identity (check|verification)', 'verify(ing)? my identity', 'id (check|verification)', 'selfie']
category: identity-false-positive
reply: "macro: persona-false-positive"
---
# Stripe account resets: the wrong account connected, a move to another country, a restricted account.
type: ticket
priority: 60
subject+body: [stripe]
subject+body (regex): ['reset', 'reconnect', 'wrong (account|country|email)', 'disconnect', 'moved (to|countries)', 'restricted']
category: stripe-reset
reply: "macro: stripe-reset"
---
# Upload errors in the staging pipeline (its error codes, or the artist's words).
type: ticket
priority: 50
subject+body (regex): ['upload(ing|ed|s)?', 'E_[A-Z]+', 'invalid png', 'staging', 'file (was |got )?rejected']
category: upload-error
reply: "macro: upload-error"
---
# Payouts (after the Stripe resets, which name payouts too).
type: ticket
priority: 40
subject+body (regex): ['payouts?', "(haven't|have not|wasn't|not) (been )?paid", 'payments?', 'earnings', 'royalt(y|ies)']
category: payout
reply: "macro: payout-timing"
`;

/** The `support:` block appended to `examples/creator-desk.yaml`. */
export const EXAMPLE_SUPPORT_SETTINGS = `
# Support (Zendesk) SLAs: Zendesk's metrics per priority, counted in the support team's business hours.
support:
  calendar:
    timeZone: America/Los_Angeles
    hours:
      mon: [['08:00', '17:00']]
      tue: [['08:00', '17:00']]
      wed: [['08:00', '17:00']]
      thu: [['08:00', '17:00']]
      fri: [['08:00', '17:00']]
    holidays:
      - { date: '2026-02-16', name: "Presidents' Day" }
  due_soon: 45m
  targets:
    first_reply:    { urgent: 1h, high: 2h, normal: 4h, low: 8h, default: 4h }
    next_reply:     { urgent: 2h, high: 4h, normal: 8h, low: 16h, default: 8h }
    requester_wait: { urgent: 8h, high: 16h, normal: 24h, low: 40h, default: 24h }
`;

interface Topic {
  subject: string;
  description: string;
  tags: string[];
}

const TOPICS: Record<string, Topic[]> = {
  identity: [
    { subject: 'Persona says my passport is not valid', description: "My identity check with Persona failed twice. It's my real passport and the photo is clear. What else can I do?", tags: ['onboarding', 'persona'] },
    { subject: 'Selfie check keeps failing', description: 'The selfie step rejects me every time even in good light. I need to finish onboarding before the drop.', tags: ['onboarding', 'persona'] },
    { subject: 'ID verification rejected', description: 'My driver licence was rejected by the ID verification, it says the document looks edited. It is not edited.', tags: ['onboarding'] },
  ],
  stripe: [
    { subject: 'Need to reset my Stripe account', description: 'I connected the wrong Stripe account (my old business one). Can you reset it so I can connect the right one?', tags: ['onboarding', 'stripe'] },
    { subject: 'Moved to Canada, Stripe account is wrong country', description: 'I moved countries and my Stripe account is still set to the US. Stripe says I need a new account.', tags: ['stripe'] },
    { subject: 'Stripe account restricted', description: 'Stripe shows my account as restricted and I cannot reconnect it from the creator dashboard.', tags: ['stripe'] },
  ],
  upload: [
    { subject: 'Upload fails with E_DIMENSIONS', description: 'Every time I upload my avatar I get E_DIMENSIONS: layer 3 is 1024x1000. I exported at 1024x1024!', tags: ['upload'] },
    { subject: 'Avatar stuck in staging for 2 days', description: 'My approved avatar has been in staging since Tuesday and never went to the shop.', tags: ['upload'] },
    { subject: 'invalid PNG error', description: 'The uploader says invalid PNG: bad IHDR chunk in hat.png. It opens fine in Photoshop.', tags: [] },
  ],
  payout: [
    { subject: "January payout hasn't arrived", description: "My January earnings still haven't arrived in my bank. The dashboard says paid.", tags: ['payouts'] },
    { subject: 'Payout amount looks wrong', description: 'My payout is about half of what the sales page shows. Are fees taken twice?', tags: ['payouts'] },
    { subject: 'When are royalties paid?', description: 'I sold 40 avatars this week. When will the royalties be paid out?', tags: [] },
  ],
  takedown: [
    { subject: 'DMCA notice on my avatar', description: 'I got a DMCA takedown notice for my Neon Otter avatar. I drew it myself. How do I file a counter-notice?', tags: ['legal'] },
    { subject: 'Someone copied my art', description: 'A shop listing copies my Mossy Frog avatar line for line. This is infringement of my copyright.', tags: ['legal'] },
  ],
  other: [
    { subject: 'How do I change my shop display name?', description: 'I want my shop to show my new handle. Where is the setting?', tags: [] },
    { subject: 'Question about the Brand Awards deadline', description: 'Is the Brand Awards submission deadline Friday at midnight Pacific or UTC?', tags: [] },
    { subject: 'Can I sell the same avatar twice?', description: 'Can I re-release a sold-out avatar in a new colour?', tags: [] },
  ],
};

const TOPIC_WEIGHTS: [string, number][] = [['identity', 0.2], ['stripe', 0.15], ['upload', 0.22], ['payout', 0.18], ['takedown', 0.1], ['other', 0.15]];
const HANDLES = ['pastel_fox', 'inkyotter', 'glitch_studio', 'doodlecrafts', 'cloud_makes_art', 'moonpaint', 'sketch_pixels', 'rustbean', 'fernworks', 'neon_fox', 'velvetdrawsalot', 'brush_studio'];
const AGENTS = [
  { id: 900001, name: 'Priya (Creator Support)' },
  { id: 900002, name: 'Jonas (Creator Support)' },
  { id: 900003, name: 'Keiko (Creator Support)' },
];

/** `t` when the support team (Mon–Fri 08:00–17:00 Pacific, PST all week, 16 Feb off) is at work, else their next start. */
function atSupportWork(t: number): number {
  for (let day = 0; day < 14; day++) {
    const local = new Date(t - PST);
    const midnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) + day * 24 * HOUR;
    const weekday = new Date(midnight).getUTCDay();
    if (weekday === 0 || weekday === 6 || new Date(midnight).toISOString().startsWith('2026-02-16')) continue;
    const start = midnight + 8 * HOUR + PST;
    const end = midnight + 17 * HOUR + PST;
    if (t < end) return Math.max(t, start);
  }
  return t;
}

function iso(t: number): string {
  return new Date(Math.round(t / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** The example's Zendesk files, as text. */
export interface SupportExample {
  page1: string;
  page2: string;
  metricEvents: string;
  tickets: number;
}

/** Generates the week's tickets, their users and their metric events. */
export function generateSupportExample(seed = 20260215): SupportExample {
  const rnd = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const weighted = (): string => {
    let r = rnd();
    for (const [name, w] of TOPIC_WEIGHTS) {
      if ((r -= w) < 0) return name;
    }
    return 'other';
  };
  const tickets: Record<string, unknown>[] = [];
  const users = new Map<number, Record<string, unknown>>();
  const events: Record<string, unknown>[] = [];
  let eventId = 71_000_000;
  const event = (ticketId: number, metric: string, instance: number, type: string, t: number): void => {
    events.push({ id: eventId++, ticket_id: ticketId, metric, instance_id: instance, type, time: iso(t) });
  };
  for (const a of AGENTS) users.set(a.id, { id: a.id, url: `${API}/users/${a.id}.json`, name: a.name, email: `${a.name.split(' ')[0]?.toLowerCase()}@creatorprogram.example`, role: 'agent', time_zone: 'Pacific Time (US & Canada)', active: true });

  const count = 40;
  for (let i = 0; i < count; i++) {
    const id = 48_210 + i;
    // Spread over the week, later tickets closer together (the queue fills up towards Friday).
    const created = WEEK_START + Math.sqrt((i + rnd()) / count) * (NOW - WEEK_START - 20 * MINUTE);
    const kind = weighted();
    const topic = pick(TOPICS[kind] as Topic[]);
    const p = rnd();
    const priority = kind === 'takedown' || kind === 'payout' ? (p < 0.3 ? 'urgent' : p < 0.7 ? 'high' : 'normal') : p < 0.08 ? 'urgent' : p < 0.25 ? 'high' : p < 0.85 ? 'normal' : p < 0.95 ? 'low' : null;
    const handle = `${pick(HANDLES)}${i % 5 === 0 ? i : ''}`;
    const requesterId = 1_100_000 + i;
    users.set(requesterId, { id: requesterId, url: `${API}/users/${requesterId}.json`, name: handle, email: `${handle}@example.com`, role: 'end-user', time_zone: 'Pacific Time (US & Canada)', active: true });
    const agent = pick(AGENTS);

    // The ticket's life: first reply in the team's hours, then the artist answers (or not), then solved.
    event(id, 'reply_time', 1, 'activate', created);
    event(id, 'requester_wait_time', 1, 'activate', created);
    event(id, 'agent_work_time', 1, 'activate', created);
    let status = 'new';
    let updated = created;
    let assignee: number | null = null;
    // Most first replies come within the day; a backlog of slow ones is what the worklist is for.
    const slow = rnd() < 0.3;
    const firstReply = atSupportWork(created + (slow ? 4 + rnd() * 14 : 0.3 + rnd() * rnd() * 6) * HOUR);
    if (firstReply < NOW) {
      assignee = agent.id;
      event(id, 'reply_time', 1, 'fulfill', firstReply);
      const hold = kind === 'upload' && rnd() < 0.4;
      if (hold) {
        // Waiting on Engineering: on-hold still counts as the artist's wait.
        status = 'hold';
        event(id, 'agent_work_time', 1, 'pause', firstReply);
      } else {
        status = 'pending';
        event(id, 'requester_wait_time', 1, 'pause', firstReply);
        event(id, 'agent_work_time', 1, 'pause', firstReply);
      }
      updated = firstReply;
      const back = firstReply + (1 + rnd() * 30) * HOUR;
      if (!hold && back < NOW && rnd() < 0.65) {
        status = 'open';
        updated = back;
        event(id, 'requester_wait_time', 1, 'activate', back);
        event(id, 'agent_work_time', 1, 'activate', back);
        event(id, 'reply_time', 2, 'activate', back);
        const second = atSupportWork(back + (0.5 + rnd() * rnd() * 10) * HOUR);
        if (second < NOW) {
          event(id, 'reply_time', 2, 'fulfill', second);
          updated = second;
          if (rnd() < 0.75) {
            status = 'solved';
            event(id, 'requester_wait_time', 1, 'fulfill', second);
            event(id, 'agent_work_time', 1, 'fulfill', second);
          } else {
            status = 'pending';
            event(id, 'requester_wait_time', 1, 'pause', second);
            event(id, 'agent_work_time', 1, 'pause', second);
          }
        }
      } else if (!hold && rnd() < 0.45 && firstReply + 2 * HOUR < NOW) {
        // Answered in one go: solved with the first reply.
        status = 'solved';
        event(id, 'requester_wait_time', 1, 'fulfill', firstReply);
        event(id, 'agent_work_time', 1, 'fulfill', firstReply);
      }
    } else if (created + 30 * MINUTE < NOW && rnd() < 0.5) {
      status = 'open';
      assignee = agent.id;
      updated = created + 30 * MINUTE;
    }
    tickets.push({
      url: `${API}/tickets/${id}.json`,
      id,
      external_id: null,
      via: { channel: pick(['web', 'web', 'email', 'api']), source: { from: {}, to: {}, rel: null } },
      created_at: iso(created),
      updated_at: iso(updated),
      generated_timestamp: Math.round(updated / 1000),
      type: kind === 'other' ? 'question' : 'problem',
      subject: topic.subject,
      raw_subject: topic.subject,
      description: topic.description,
      priority,
      status,
      recipient: 'creators@creatorprogram.example',
      requester_id: requesterId,
      submitter_id: requesterId,
      assignee_id: assignee,
      organization_id: null,
      group_id: 360_004_211,
      collaborator_ids: [],
      follower_ids: [],
      email_cc_ids: [],
      forum_topic_id: null,
      problem_id: null,
      has_incidents: false,
      is_public: true,
      due_at: null,
      tags: topic.tags,
      custom_fields: [{ id: 360_012_345, value: kind === 'other' ? null : 'creator_onboarding' }],
      satisfaction_rating: null,
      sharing_agreement_ids: [],
      custom_status_id: 1,
      fields: [{ id: 360_012_345, value: kind === 'other' ? null : 'creator_onboarding' }],
      followup_ids: [],
      ticket_form_id: 360_000_117,
      brand_id: 360_000_042,
      allow_channelback: false,
      allow_attachments: true,
      from_messaging_channel: false,
    });
  }
  events.sort((a, b) => String(a.time).localeCompare(String(b.time)) || Number(a.id) - Number(b.id));
  const usersOf = (list: Record<string, unknown>[]): unknown[] => {
    const ids = new Set<number>();
    for (const t of list) for (const k of ['requester_id', 'assignee_id']) if (typeof t[k] === 'number') ids.add(t[k] as number);
    return [...ids].sort((a, b) => a - b).map((u) => users.get(u));
  };
  const perPage = 25;
  const first = tickets.slice(0, perPage);
  const second = tickets.slice(perPage);
  const list = `${API}/tickets.json?include=users&per_page=${perPage}`;
  const page = (ts: Record<string, unknown>[], n: number, last: boolean): string =>
    `${JSON.stringify({ tickets: ts, users: usersOf(ts), next_page: last ? null : `${list}&page=${n + 1}`, previous_page: n > 1 ? `${list}&page=${n - 1}` : null, count: tickets.length }, null, 2)}\n`;
  const metricEvents = `${JSON.stringify({ ticket_metric_events: events, next_page: null, count: events.length, end_time: Math.round(NOW / 1000), end_of_stream: true }, null, 2)}\n`;
  return { page1: page(first, 1, false), page2: page(second, 2, true), metricEvents, tickets: tickets.length };
}

/** Writes the support example files into `out` and appends the `support:` settings to its creator-desk.yaml. */
export function writeSupportExamples(out: string): void {
  const ex = generateSupportExample();
  writeFileSync(join(out, 'support-tickets-1.json'), ex.page1);
  writeFileSync(join(out, 'support-tickets-2.json'), ex.page2);
  writeFileSync(join(out, 'support-metric-events.json'), ex.metricEvents);
  writeFileSync(join(out, 'support-rules.yaml'), EXAMPLE_SUPPORT_RULES);
  appendFileSync(join(out, 'creator-desk.yaml'), EXAMPLE_SUPPORT_SETTINGS);
}
