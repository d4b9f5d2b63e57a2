/** Fake `devvit.plugin.redditapi.subreddits.Subreddits`: about, and the moderator/approved/banned lists. */
import type { FakeReddit } from './model.js';

type Req = Record<string, any>;

export function subredditsPlugin(m: FakeReddit) {
  return {
    async SubredditAbout(req: Req) {
      m.checkSubreddit(req.subreddit);
      return {
        data: {
          id: m.subredditId.replace(/^t5_/, ''),
          name: m.subredditId,
          displayName: m.subredditName,
          title: m.subredditName,
          createdUtc: m.nowSeconds() - 1000 * 86400,
          subscribers: 1000,
          activeUserCount: 10,
          over18: false,
          lang: 'en',
          url: `/r/${m.subredditName}/`,
          description: '',
          subredditType: 'public',
        },
      };
    },
    async AboutWhere(req: Req) {
      m.checkSubreddit(req.subreddit);
      const wanted = req.user ? String(req.user).toLowerCase() : undefined;
      const rows: Record<string, unknown>[] = [];
      const push = (name: string, extra: Record<string, unknown>) => {
        if (wanted && name !== wanted) return;
        const u = m.user(name);
        if (!u) return;
        rows.push({ id: u.id, name: u.name, ...extra });
      };
      switch (req.where) {
        case 'moderators':
          for (const [name, e] of m.moderators) push(name, { date: e.addedUtc, modPermissions: e.permissions });
          break;
        case 'contributors':
          for (const [name, date] of m.approvedUsers) push(name, { date });
          break;
        case 'muted':
          for (const [name, date] of m.mutedUsers) push(name, { date });
          break;
        case 'banned':
          for (const [name, b] of m.bans) {
            const daysLeft = b.durationDays === undefined ? undefined : Math.max(0, Math.ceil(b.durationDays - (m.nowSeconds() - b.date) / 86400));
            if (daysLeft === 0) {
              m.bans.delete(name); // a temporary ban ends by itself
              continue;
            }
            push(name, { date: b.date, note: b.note, daysLeft });
          }
          break;
        default:
          throw new Error(`fake Reddit: Subreddits.AboutWhere where='${req.where}' is not implemented`);
      }
      // One page holds everything: no `after`, so the client's Listing stops.
      return { kind: 'UserList', data: { children: rows.map((data) => ({ kind: 't2', data })) } };
    },
  };
}
