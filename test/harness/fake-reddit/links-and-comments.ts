/** Fake `devvit.plugin.redditapi.linksandcomments.LinksAndComments`: read, submit, reply, lock, nsfw, sticky, report. */
import { FakeRedditError, type FakeComment, type FakePost, type FakeReddit } from './model.js';
import { commentR2, thingR2 } from './shapes.js';

type Req = Record<string, any>;

export function linksAndCommentsPlugin(m: FakeReddit) {
  const post = (id: string): FakePost => {
    const p = m.posts.get(id);
    if (!p) throw new FakeRedditError(404, `Not Found: ${id}`);
    return p;
  };
  const flag = (field: 'locked' | 'nsfw' | 'spoiler', value: boolean, action: string, permission = 'posts') => async (req: Req) => {
    const actor = m.requireModeratorActor(permission);
    const t = field === 'locked' ? m.requireThing(String(req.id)) : post(String(req.id));
    (t as unknown as Record<string, boolean>)[field] = value;
    m.log(action, actor, { targetId: t.id, targetAuthor: t.authorName });
    return {};
  };
  return {
    async Info(req: Req) {
      const children = (req.thingIds as string[])
        .map((id) => m.thing(id))
        .filter((t): t is FakePost | FakeComment => t !== undefined)
        .map((t) => thingR2(m, t));
      return { kind: 'Listing', data: { children } };
    },
    async Comment(req: Req) {
      const parentId = String(req.thingId);
      const parent = m.requireThing(parentId);
      if (parent.locked && !m.isModerator(m.appName)) throw new FakeRedditError(403, 'Forbidden: thread locked');
      const postId = 'postId' in parent ? parent.postId : parent.id;
      const c = m.addComment({ authorName: m.appName, postId, parentId, body: String(req.text ?? '') });
      return { json: { errors: [], data: { things: [{ kind: 't1', data: commentR2(m, c) }] } } };
    },
    async Submit(req: Req) {
      m.checkSubreddit(req.sr);
      const p = m.addPost({ authorName: m.appName, title: String(req.title), body: String(req.text ?? ''), url: String(req.url ?? '') });
      return { json: { errors: [], data: { id: p.id.slice(3), name: p.id, url: p.url } } };
    },
    async EditUserText(req: Req) {
      const t = m.requireThing(String(req.thingId));
      if (t.authorName.toLowerCase() !== m.appName.toLowerCase()) throw new FakeRedditError(403, 'Forbidden: not the author');
      t.body = String(req.text);
      t.editedUtc = m.nowSeconds();
      return { json: { errors: [], data: { things: [thingR2(m, t)] } } };
    },
    async Del(req: Req) {
      const t = m.requireThing(String(req.id));
      if (t.authorName.toLowerCase() !== m.appName.toLowerCase()) throw new FakeRedditError(403, 'Forbidden: not the author');
      t.deleted = true;
      return {};
    },
    Lock: flag('locked', true, 'lock'),
    Unlock: flag('locked', false, 'unlock'),
    MarkNSFW: flag('nsfw', true, 'marknsfw'),
    UnmarkNSFW: flag('nsfw', false, 'unmarknsfw'),
    Spoiler: flag('spoiler', true, 'spoiler'),
    Unspoiler: flag('spoiler', false, 'unspoiler'),
    async SetSubredditSticky(req: Req) {
      const actor = m.requireModeratorActor('posts');
      const p = post(String(req.id));
      if (req.state) {
        const stickied = [...m.posts.values()].filter((x) => x.stickied && x.id !== p.id);
        if (stickied.length >= 2) throw new FakeRedditError(409, 'Conflict: two posts are already stickied');
      }
      p.stickied = Boolean(req.state);
      m.log(req.state ? 'sticky' : 'unsticky', actor, { targetId: p.id, targetAuthor: p.authorName });
      return {};
    },
    async Report(req: Req) {
      const t = m.requireThing(String(req.thingId));
      // Reports made by the app account show as mod reports attributed to it.
      t.reports.push({ reason: String(req.reason ?? req.otherReason ?? ''), by: m.appName });
      return { json: { errors: [] } };
    },
  };
}
