/** Fake `devvit.plugin.redditapi.users.Users`: accounts and subreddit relationships (ban, approve, mute). */
import { FakeRedditError, type FakeReddit } from './model.js';
import { commentR2, userAbout } from './shapes.js';

type Req = Record<string, any>;

export function usersPlugin(m: FakeReddit) {
  return {
    async UserAbout(req: Req) {
      const u = m.user(String(req.username));
      // Suspended and deleted accounts 404 on about.json, as on Reddit.
      if (!u || u.deleted || u.suspended) throw new FakeRedditError(404, `Not Found: user ${req.username}`);
      return { data: userAbout(m, u) };
    },
    async UserDataByAccountIds(req: Req) {
      const users: Record<string, unknown> = {};
      for (const id of String(req.ids).split(',')) {
        const u = m.userById(id);
        if (u && !u.deleted) {
          users[id] = { name: u.name, createdUtc: u.createdUtc, linkKarma: u.linkKarma, commentKarma: u.commentKarma, profileOver18: false };
        }
      }
      return { users };
    },
    /** A user's listings; only `comments` (newest first), what the app's take-over checks read. */
    async UserWhere(req: Req) {
      const u = m.requireUser(String(req.username));
      if (req.where !== 'comments') throw new FakeRedditError(400, `Bad Request: the fake lists only a user's comments, not ${req.where}`);
      const all = [...m.comments.values()]
        .filter((c) => !c.deleted && c.authorName.toLowerCase() === u.name.toLowerCase())
        .sort((a, b) => b.createdUtc - a.createdUtc || b.id.localeCompare(a.id));
      const start = req.after ? all.findIndex((c) => c.id === req.after) + 1 : 0;
      const limit = Math.min(Number(req.limit ?? 25) || 25, 100);
      const page = all.slice(start, start + limit);
      const after = start + limit < all.length ? page.at(-1)?.id : undefined;
      return { kind: 'Listing', data: { children: page.map((c) => ({ kind: 't1', data: commentR2(m, c) })), after } };
    },
    async GetUserKarmaForSubreddit(req: Req) {
      const u = m.requireUser(String(req.username));
      return { fromPosts: u.linkKarma, fromComments: u.commentKarma };
    },
    async Friend(req: Req) {
      m.checkSubreddit(req.subreddit);
      const name = String(req.name);
      const u = m.requireUser(name);
      const key = u.name.toLowerCase();
      switch (req.type) {
        case 'banned': {
          const actor = m.requireModeratorActor('access');
          const duration = typeof req.duration === 'number' && req.duration > 0 ? req.duration : undefined;
          m.bans.set(key, {
            date: m.nowSeconds(),
            durationDays: duration,
            reason: String(req.banReason ?? ''),
            message: String(req.banMessage ?? ''),
            note: String(req.note ?? ''),
            by: actor,
          });
          m.log('banuser', actor, { targetAuthor: u.name, details: duration ? `${duration} days` : 'permanent', description: req.note });
          if (req.banMessage) {
            m.conversations.set(`ban-${m.nextId()}`, {
              id: `ban-${m.nextId()}`,
              subject: `You've been banned from participating in r/${m.subredditName}`,
              kind: 'user',
              participant: u.name,
              state: 2,
              highlighted: false,
              messages: [{ id: m.nextId(), author: actor, body: String(req.banMessage), isInternal: false, date: new Date(m.now()).toISOString() }],
              createdBy: actor,
            });
          }
          return { json: { errors: [] } };
        }
        case 'contributor': {
          const actor = m.requireModeratorActor('access');
          m.approvedUsers.set(key, m.nowSeconds());
          m.log('addcontributor', actor, { targetAuthor: u.name });
          return { json: { errors: [] } };
        }
        case 'muted': {
          const actor = m.requireModeratorActor('mail');
          m.mutedUsers.set(key, m.nowSeconds());
          m.log('muteuser', actor, { targetAuthor: u.name });
          return { json: { errors: [] } };
        }
        case 'moderator':
        case 'moderator_invite': {
          const actor = m.requireModeratorActor('all');
          m.addModerator(u.name, String(req.permissions ?? '+all').split(',').map((p) => p.replace(/^[+-]/, '')));
          m.log('addmoderator', actor, { targetAuthor: u.name });
          return { json: { errors: [] } };
        }
        default:
          throw new Error(`fake Reddit: Users.Friend type '${req.type}' is not implemented`);
      }
    },
    async Unfriend(req: Req) {
      m.checkSubreddit(req.subreddit);
      const key = String(req.name).toLowerCase();
      const actor = m.requireModeratorActor('access');
      const table = { banned: m.bans, contributor: m.approvedUsers, muted: m.mutedUsers, moderator: m.moderators } as const;
      const map = table[req.type as keyof typeof table];
      if (!map) throw new Error(`fake Reddit: Users.Unfriend type '${req.type}' is not implemented`);
      map.delete(key);
      const action = { banned: 'unbanuser', contributor: 'removecontributor', muted: 'unmuteuser', moderator: 'removemoderator' }[req.type as keyof typeof table];
      m.log(action, actor, { targetAuthor: req.name });
      return {};
    },
  };
}
