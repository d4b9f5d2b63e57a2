/** Fake `devvit.plugin.redditapi.listings.Listings`: the subreddit's new posts, newest first. */
import type { FakeReddit } from './model.js';
import { postR2 } from './shapes.js';

type Req = Record<string, any>;

export function listingsPlugin(m: FakeReddit) {
  return {
    async New(req: Req) {
      m.checkSubreddit(req.subreddit);
      const all = [...m.posts.values()].filter((p) => !p.deleted).sort((a, b) => b.createdUtc - a.createdUtc || b.id.localeCompare(a.id));
      const start = req.after ? all.findIndex((p) => p.id === req.after) + 1 : 0;
      const limit = Math.min(Number(req.limit ?? 25) || 25, 100);
      const page = all.slice(start, start + limit);
      const after = start + limit < all.length ? page.at(-1)?.id : undefined;
      return { kind: 'Listing', data: { children: page.map((p) => ({ kind: 't3', data: postR2(m, p) })), after } };
    },
  };
}
