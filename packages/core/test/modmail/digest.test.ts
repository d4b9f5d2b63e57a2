import { describe, expect, it } from 'vitest';
import { buildModmailItem, macroNameOf, muteHours, normaliseConversationId, renderDigest, selectDigest, type WaitingConversation } from '../../src/modmail/index.js';
import { WORD_JOINER as J } from '../../src/templates/index.js';

const at = (iso: string) => new Date(iso);
const w = (id: string, since: string, warn: string, breach: string, subject = 'help'): WaitingConversation => ({
  conversationId: id, subject, user: 'artist_ann', category: 'payout', waitingSince: at(since), warnAt: at(warn), breachAt: at(breach),
});

describe('modmail digest', () => {
  it('lists breached and near-breach conversations, oldest first, and nothing else', () => {
    const now = at('2026-12-07T12:00:00Z');
    const picked = selectDigest([
      w('c3', '2026-12-07T08:00:00Z', '2026-12-07T11:00:00Z', '2026-12-07T13:00:00Z'),
      w('c1', '2026-12-04T08:00:00Z', '2026-12-04T11:00:00Z', '2026-12-04T13:00:00Z'),
      w('c2', '2026-12-07T10:00:00Z', '2026-12-07T15:00:00Z', '2026-12-07T16:00:00Z'),
    ], now);
    expect(picked.map((e) => [e.conversationId, e.status])).toEqual([['c1', 'breached'], ['c3', 'near breach']]);
    expect(renderDigest(picked, now, (id) => `https://mod.reddit.com/mail/all/${id}`)).toBe([
      '**Modmail first-response digest, 2026-12-07 12:00 UTC** — 1 breached, 1 near breach',
      '',
      '- **breached** · payout · u/artist\\_ann: help — waiting since 2026-12-04 08:00 UTC, breached 71 h 0 min ago · [open](https://mod.reddit.com/mail/all/c1)',
      '- **near breach** · payout · u/artist\\_ann: help — waiting since 2026-12-07 08:00 UTC, breaches in 1 h 0 min · [open](https://mod.reddit.com/mail/all/c3)',
    ].join('\n'));
  });

  it('escapes a subject that tries to ping or link', () => {
    const text = renderDigest(selectDigest([w('c1', '2026-12-04T08:00:00Z', '2026-12-04T09:00:00Z', '2026-12-04T10:00:00Z', 'u/someone [x](http://x) **')], at('2026-12-05T00:00:00Z')), at('2026-12-05T00:00:00Z'), (id) => id);
    expect(text).toContain(`u${J}\\/someone \\[x\\]\\(http${J}\\:\\/\\/x\\) \\*\\*`);
  });
});

describe('modmail item', () => {
  it('carries the conversation facts rules check', () => {
    expect(normaliseConversationId('ModmailConversation_abc')).toBe('abc');
    expect(normaliseConversationId('abcModmailConversation_')).toBe('abcModmailConversation_');
    expect([3, 7, 28].map((d) => muteHours(d as 3 | 7 | 28))).toEqual([72, 168, 672]);
    expect(macroNameOf('macro:payout')).toBe('payout');
    const item = buildModmailItem({ conversationId: 'abc', messageId: 'm1', subject: 's', body: 'b', author: { name: 'ann', is_artist: true, strikes: 1 }, conversationType: 'sr_user', isFirstMessage: true, isHighlighted: false, isAuto: false, messageCount: 1, openTakedowns: 2, permalink: 'p' });
    expect(item).toMatchObject({ type: 'modmail', id: 'abc', is_first_message: true, open_takedowns: 2, conversation_type: 'sr_user', author: { is_artist: true } });
  });
});
