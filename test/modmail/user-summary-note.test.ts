import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normaliseConversationId } from '../../src/modmail/user-summary-note.js';
import { act, enforcementHarness, LABELS } from '../enforcement/fixture.js';
import type { Harness } from '../harness/index.js';

const HOUR = 3_600_000;
const NOTICE = { reference: 'DMCA-77', complainant: 'Pixel Studio LLC', contact: 'legal@pixelstudio.example', work: 'Neon Fox', signature: '/s/ J', goodFaith: true, accuracy: true };

describe('modmail: the user summary as an internal note on a new user conversation', () => {
  let h: Harness;
  let leakedId = '';
  let copiedId = '';
  beforeEach(async () => {
    h = enforcementHarness();
    const traced = h.reddit.addPost({ authorName: 'artist_ann', title: 'traced' });
    const leaked = h.reddit.addPost({ authorName: 'artist_ann', title: 'leaked' });
    const copied = h.reddit.addPost({ authorName: 'artist_ann', title: 'copied' });
    await act(h, LABELS.strike, traced.id, { kind: ['unoriginal'], reason: 'traced art', step: ['ladder'] });
    await act(h, LABELS.escalate, leaked.id, { team: ['Legal'], reason: 'unreleased drop leaked' });
    await act(h, LABELS.takedown, copied.id, NOTICE);
    [leakedId, copiedId] = [leaked.id, copied.id];
    h.calls.reset();
  });
  afterEach(async () => h.dispose());

  const notesIn = (conversationId: string) => (h.reddit.conversations.get(conversationId)?.messages ?? []).filter((m) => m.isInternal);

  it('posts strikes, escalations and takedowns once, though the trigger is delivered twice with the prefixed id', async () => {
    const { conversation, messageId } = h.reddit.userWritesModmail('artist_ann', 'why was my post removed?', { subject: 'removal' });
    const ev = h.events.modMail(conversation.id, messageId, 'artist_ann');
    expect(ev.conversationId).toBe(`ModmailConversation_${conversation.id}`);
    await h.trigger('ModMail', ev, 2);
    expect(h.deliveriesOf('ModMail').map((d) => d.ok)).toEqual([true, true]);
    const notes = notesIn(conversation.id);
    expect(notes).toHaveLength(1);
    expect(notes[0]?.author).toBe('creator-desk');
    expect(notes[0]?.body).toBe(
      [
        '**creator-desk summary for u/artist\\_ann**',
        '',
        'Account age: 400 days (since 2025-01-26); karma: 200 (100 post, 100 comment).',
        'Artist: not on the artist roster.',
        '',
        'Strikes: 2 active, 0 expired (ladder: warning → 7-day ban → permanent ban; strikes expire after 180 days). A further strike would mean a permanent ban. Next expiry 2026-08-29.',
        '- 2026-03-02 unoriginal: traced art (warning, by mod\\_alice)',
        '- 2026-03-02 copyright: copyright notice DMCA\\-77 (no action, by mod\\_alice)',
        'Repeat-infringer strikes: 1 of 3.',
        '',
        'Removed through creator-desk in the last 30 days: 1',
        `- 2026-03-02 removed ${copiedId}`,
        '',
        'Escalations: 1',
        `- 2026-03-02 Legal — escalated: unreleased drop leaked (${leakedId}, by mod\\_alice)`,
        '',
        'Takedowns: 1 (1 open)',
        `- 2026-03-02 notice DMCA\\-77 — uploader notified (${copiedId})`,
        '',
        'Previous modmail: none',
      ].join('\n'),
    );
    // Nothing the user can see: no public reply, no other conversation touched.
    expect(h.reddit.conversations.get(conversation.id)?.messages.filter((m) => !m.isInternal)).toHaveLength(1);
    expect(h.calls.count('NewModmail.CreateConversationMessage')).toBe(1);
  });

  it('a later message in the same conversation (after the 6 h ledger expired) adds no second note, for one conversation read and no Reddit write', async () => {
    const { conversation, messageId } = h.reddit.userWritesModmail('artist_ann', 'hello?');
    await h.trigger('ModMail', h.events.modMail(conversation.id, messageId, 'artist_ann'));
    await h.advance(24 * HOUR);
    h.calls.reset();
    const again = h.reddit.userWritesModmail('artist_ann', 'anyone?', { conversationId: conversation.id });
    await h.trigger('ModMail', h.events.modMail(conversation.id, again.messageId, 'artist_ann'));
    expect(notesIn(conversation.id)).toHaveLength(1);
    expect(h.calls.count('NewModmail.GetConversation')).toBe(1);
    expect(h.calls.redditWrites()).toEqual([]);
  });

  it('ignores a conversation the app started (the user replying to its takedown notice) and the app’s own note', async () => {
    const notice = h.reddit.conversationsOf('user').find((c) => c.participant === 'artist_ann' && c.subject.toLowerCase().includes('copyright'));
    expect(notice).toBeDefined();
    const reply = h.reddit.userWritesModmail('artist_ann', 'this is my own work', { conversationId: notice!.id });
    await h.trigger('ModMail', h.events.modMail(notice!.id, reply.messageId, 'artist_ann'));
    expect(notesIn(notice!.id)).toEqual([]);

    const { conversation, messageId } = h.reddit.userWritesModmail('artist_ann', 'question');
    await h.trigger('ModMail', h.events.modMail(conversation.id, messageId, 'artist_ann'));
    const note = notesIn(conversation.id)[0]!;
    h.calls.reset();
    await h.trigger('ModMail', h.events.modMail(conversation.id, note.id, 'creator-desk'));
    expect(h.calls.snapshot()).toEqual({});
    expect(notesIn(conversation.id)).toHaveLength(1);
  });

  it('a user with no record still gets a (short) summary note', async () => {
    const { conversation, messageId } = h.reddit.userWritesModmail('regular_bob', 'hi mods');
    await h.trigger('ModMail', h.events.modMail(conversation.id, messageId, 'regular_bob'));
    const body = notesIn(conversation.id)[0]?.body ?? '';
    expect(body).toContain('Strikes: 0 active, 0 expired');
    expect(body).toContain('Escalations: 0');
    expect(body).toContain('Takedowns: 0');
  });

  it('concurrent deliveries and a failed reply end with exactly one note', async () => {
    const { conversation, messageId } = h.reddit.userWritesModmail('artist_ann', 'help');
    const ev = h.events.modMail(conversation.id, messageId, 'artist_ann');
    h.calls.failNth('NewModmail.CreateConversationMessage', 1, 500);
    await expect(h.trigger('ModMail', ev)).rejects.toThrow();
    expect(notesIn(conversation.id)).toEqual([]);
    const settled = await Promise.allSettled([h.trigger('ModMail', ev), h.trigger('ModMail', ev), h.trigger('ModMail', ev)]);
    for (const r of settled) if (r.status === 'rejected') expect(String(r.reason)).toMatch(/another delivery/);
    await h.trigger('ModMail', ev);
    expect(notesIn(conversation.id)).toHaveLength(1);
  });
});

describe('normaliseConversationId', () => {
  it('strips the ModmailConversation_ prefix only', () => {
    expect(normaliseConversationId('ModmailConversation_2abc')).toBe('2abc');
    expect(normaliseConversationId('2abc')).toBe('2abc');
    expect(normaliseConversationId('x_ModmailConversation_2abc')).toBe('x_ModmailConversation_2abc');
  });
});
