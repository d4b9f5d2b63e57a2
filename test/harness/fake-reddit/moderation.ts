/** Fake `devvit.plugin.redditapi.moderation.Moderation`: remove/spam, approve, distinguish, reports, mod log. */
import type { FakeComment, FakePost, FakeReddit } from './model.js';
import { thingR2 } from './shapes.js';

type Req = Record<string, any>;

export function moderationPlugin(m: FakeReddit) {
  const kindOf = (t: FakePost | FakeComment): 'link' | 'comment' => ('title' in t ? 'link' : 'comment');
  return {
    async Remove(req: Req) {
      const actor = m.requireModeratorActor('posts');
      const t = m.requireThing(String(req.id));
      t.removed = true;
      t.spam = Boolean(req.spam);
      t.approved = false;
      t.removedBy = actor;
      m.log(req.spam ? 'spam' + kindOf(t) : 'remove' + kindOf(t), actor, { targetId: t.id, targetAuthor: t.authorName });
      return {};
    },
    async Approve(req: Req) {
      const actor = m.requireModeratorActor('posts');
      const t = m.requireThing(String(req.id));
      t.removed = false;
      t.spam = false;
      t.approved = true;
      t.approvedBy = actor;
      t.reports = [];
      m.log('approve' + kindOf(t), actor, { targetId: t.id, targetAuthor: t.authorName });
      return {};
    },
    async Distinguish(req: Req) {
      const actor = m.requireModeratorActor('posts');
      const t = m.requireThing(String(req.id));
      t.distinguished = req.how === 'no' ? '' : req.how === 'admin' ? 'admin' : 'moderator';
      if ('postId' in t && req.sticky) {
        for (const c of m.comments.values()) if (c.postId === t.postId) c.stickied = false;
        t.stickied = true;
      }
      m.log('distinguish', actor, { targetId: t.id, targetAuthor: t.authorName });
      return { json: { errors: [], data: { things: [thingR2(m, t)] } } };
    },
    async IgnoreReports(req: Req) {
      m.requireModeratorActor('posts');
      m.requireThing(String(req.id)).ignoreReports = true;
      return {};
    },
    async UnignoreReports(req: Req) {
      m.requireModeratorActor('posts');
      m.requireThing(String(req.id)).ignoreReports = false;
      return {};
    },
    async AboutLog(req: Req) {
      m.checkSubreddit(req.subreddit);
      const mods = req.mod ? String(req.mod).toLowerCase().split(',') : undefined;
      const entries = [...m.modLog]
        .reverse()
        .filter((e) => (!req.type || e.action === req.type) && (!mods || mods.includes(e.moderator.toLowerCase())))
        .slice(0, req.limit ?? 100);
      const children = entries.map((e) => ({
        kind: 'modaction',
        data: {
          id: e.id,
          mod: e.moderator,
          modId36: (m.user(e.moderator)?.id ?? 't2_0').slice(3),
          createdUtc: e.at,
          subreddit: m.subredditName,
          subredditNamePrefixed: `r/${m.subredditName}`,
          action: e.action,
          srId36: m.subredditId.slice(3),
          description: e.description ?? '',
          details: e.details ?? '',
          targetAuthor: e.targetAuthor ?? '',
          targetFullname: e.targetId ?? '',
          targetBody: '',
          targetPermalink: '',
          targetTitle: '',
        },
      }));
      return { kind: 'Listing', data: { children } };
    },
  };
}
