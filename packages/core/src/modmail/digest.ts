import { escapeMarkdown } from '../templates/escape-markdown.js';

/** A conversation waiting for a moderator's first response, as the app records it. */
export interface WaitingConversation {
  conversationId: string;
  subject: string;
  user: string;
  category: string;
  waitingSince: Date;
  warnAt: Date;
  breachAt: Date;
}

/** One line of the digest. */
export interface DigestEntry extends WaitingConversation {
  status: 'breached' | 'near breach';
}

/**
 * The conversations the digest lists at `now`: breached (past `breachAt`) and near breach (past
 * `warnAt`), oldest waiting first (ties by id, so the order is stable). Others are left out.
 */
export function selectDigest(waiting: readonly WaitingConversation[], now: Date): DigestEntry[] {
  const t = now.getTime();
  return waiting
    .filter((w) => w.warnAt.getTime() <= t || w.breachAt.getTime() <= t)
    .map((w): DigestEntry => ({ ...w, status: w.breachAt.getTime() <= t ? 'breached' : 'near breach' }))
    .sort((a, b) => a.waitingSince.getTime() - b.waitingSince.getTime() || a.conversationId.localeCompare(b.conversationId));
}

const minutesText = (ms: number): string => {
  const m = Math.round(Math.abs(ms) / 60_000);
  return m >= 60 ? `${Math.floor(m / 60)} h ${m % 60} min` : `${m} min`;
};

/**
 * The digest note: one line per conversation with its status, category, user, subject, when it
 * breaches (or breached) and a link. Subjects and names are user text and escaped.
 */
export function renderDigest(entries: readonly DigestEntry[], now: Date, link: (conversationId: string) => string): string {
  const breached = entries.filter((e) => e.status === 'breached').length;
  const head = `**Modmail first-response digest, ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC** — ${breached} breached, ${entries.length - breached} near breach`;
  if (entries.length === 0) return `${head}\n\nNo conversation is near its first-response target.`;
  const lines = entries.map((e) => {
    const when = e.status === 'breached' ? `breached ${minutesText(now.getTime() - e.breachAt.getTime())} ago` : `breaches in ${minutesText(e.breachAt.getTime() - now.getTime())}`;
    return `- **${e.status}** · ${escapeMarkdown(e.category, { maxLength: 40 })} · u/${escapeMarkdown(e.user, { maxLength: 40 })}: ${escapeMarkdown(e.subject, { maxLength: 100 })} — waiting since ${e.waitingSince.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${when} · [open](${link(e.conversationId)})`;
  });
  return [head, '', ...lines].join('\n');
}
