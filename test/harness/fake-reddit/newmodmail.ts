/** Fake `devvit.plugin.redditapi.newmodmail.NewModmail`: conversations, replies, internal notes, archive, highlight, mute. */
import { FakeRedditError, type FakeConversation, type FakeReddit } from './model.js';

type Req = Record<string, any>;

export function newModmailPlugin(m: FakeReddit) {
  // Real conversation ids arrive as "ModmailConversation_<id>" in some payloads; accept both.
  const get = (rawId: unknown): FakeConversation => {
    const id = String(rawId).replace(/^ModmailConversation_/, '');
    const c = m.conversations.get(id);
    if (!c) throw new FakeRedditError(404, `Not Found: modmail conversation ${id}`);
    return c;
  };
  const participant = (name: string) => ({ name, isMod: m.isModerator(name), isAdmin: false, isOp: false, isParticipant: true, isHidden: false, isDeleted: false });
  const render = (c: FakeConversation) => {
    const messages: Record<string, unknown> = {};
    for (const msg of c.messages) {
      messages[msg.id] = { id: msg.id, body: msg.body, bodyMarkdown: msg.body, author: participant(msg.author), isInternal: msg.isInternal, date: msg.date };
    }
    const conversation = {
      id: c.id,
      subject: c.subject,
      isInternal: c.kind === 'internal',
      isHighlighted: c.highlighted,
      isAuto: false,
      isRepliable: true,
      state: c.state,
      numMessages: c.messages.length,
      conversationType: c.kind === 'user' ? 'sr_user' : 'internal',
      participant: c.participant ? participant(c.participant) : undefined,
      authors: [...new Set(c.messages.map((x) => x.author))].map(participant),
      objIds: c.messages.map((x) => ({ id: x.id, key: 'messages' })),
      owner: { displayName: m.subredditName, type: 'subreddit', id: m.subredditId },
      modActions: {},
      lastUpdated: c.messages.at(-1)?.date,
    };
    const userName = c.participant;
    const u = userName ? m.user(userName) : undefined;
    const user = u
      ? {
          id: u.id,
          name: u.name,
          created: new Date(u.createdUtc * 1000).toISOString(),
          isSuspended: u.suspended,
          banStatus: { isBanned: m.bans.has(u.name.toLowerCase()) },
          muteStatus: { isMuted: m.mutedUsers.has(u.name.toLowerCase()) },
          approveStatus: { isApproved: m.approvedUsers.has(u.name.toLowerCase()) },
          recentComments: {},
          recentPosts: {},
          recentConvos: {},
        }
      : undefined;
    return { conversation, messages, modActions: {}, user };
  };
  const addMessage = (c: FakeConversation, author: string, body: string, isInternal: boolean) => {
    c.messages.push({ id: `msg-${m.nextId()}`, author, body, isInternal, date: new Date(m.now()).toISOString() });
  };
  const create = (kind: FakeConversation['kind'], subject: string, body: string, participantName?: string): FakeConversation => {
    const actor = m.appName;
    if (!subject.trim()) throw new FakeRedditError(400, 'Bad Request: subject is required');
    if (subject.length > 100) throw new FakeRedditError(400, `Bad Request: subject is ${subject.length} characters (max 100)`);
    const c: FakeConversation = { id: m.nextId(), subject, kind, participant: participantName, state: 0, highlighted: false, messages: [], createdBy: actor };
    addMessage(c, actor, body, false);
    m.conversations.set(c.id, c);
    return c;
  };
  return {
    async CreateModmailConversation(req: Req) {
      if (req.subredditId !== m.subredditId) throw new FakeRedditError(404, `Not Found: subreddit ${req.subredditId}`);
      const c = create('modinbox', String(req.subject), String(req.bodyMarkdown));
      return { conversationId: c.id };
    },
    async CreateConversation(req: Req) {
      m.checkSubreddit(req.srName);
      const to = req.to ? m.requireUser(String(req.to)).name : undefined;
      const c = create(to ? 'user' : 'internal', String(req.subject), String(req.body), to);
      return render(c);
    },
    async CreateConversationMessage(req: Req) {
      const c = get(req.conversationId);
      addMessage(c, m.appName, String(req.body), Boolean(req.isInternal));
      if (c.state === 0) c.state = 1;
      return render(c);
    },
    async GetConversation(req: Req) {
      return render(get(req.conversationId));
    },
    /** Most recently updated first, at most `limit` (default 25, max 100), as Reddit lists them. */
    async GetConversations(req: Req) {
      const updated = (c: FakeConversation) => Date.parse(c.messages.at(-1)?.date ?? '') || 0;
      const limit = Math.min(Number(req.limit ?? 25) || 25, 100);
      const all = [...m.conversations.values()]
        .filter((c) => (req.state === 'archived' ? c.state === 2 : req.state === 'all' || !req.state ? true : c.state !== 2))
        .sort((a, b) => updated(b) - updated(a) || Number(b.id.replace(/\D/g, '')) - Number(a.id.replace(/\D/g, '')))
        .slice(0, limit);
      const conversations: Record<string, unknown> = {};
      const messages: Record<string, unknown> = {};
      for (const c of all) {
        const r = render(c);
        conversations[c.id] = r.conversation;
        Object.assign(messages, r.messages);
      }
      return { conversations, messages, conversationIds: all.map((c) => c.id), viewerId: '' };
    },
    async ArchiveConversation(req: Req) {
      const c = get(req.conversationId);
      c.state = 2;
      return render(c);
    },
    async UnarchiveConversation(req: Req) {
      const c = get(req.conversationId);
      c.state = 1;
      return render(c);
    },
    async HighlightConversation(req: Req) {
      const c = get(req.conversationId);
      c.highlighted = true;
      return render(c);
    },
    async UnhighlightConversation(req: Req) {
      const c = get(req.conversationId);
      c.highlighted = false;
      return render(c);
    },
    async MuteConversation(req: Req) {
      const c = get(req.conversationId);
      if (!c.participant) throw new FakeRedditError(400, 'Bad Request: no user to mute in this conversation');
      const hours = Number(req.numHours);
      if (![72, 168, 672].includes(hours)) throw new FakeRedditError(400, `Bad Request: numHours must be 72, 168 or 672, got ${hours}`);
      c.mutedUntil = m.now() + hours * 3600_000;
      m.mutedUsers.set(c.participant.toLowerCase(), m.nowSeconds());
      const r = render(c);
      return { conversations: r.conversation, messages: r.messages, user: r.user, modActions: {} };
    },
    async UnmuteConversation(req: Req) {
      const c = get(req.conversationId);
      c.mutedUntil = undefined;
      if (c.participant) m.mutedUsers.delete(c.participant.toLowerCase());
      return render(c);
    },
  };
}
