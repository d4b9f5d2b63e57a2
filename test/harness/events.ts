/** Builders for trigger payloads, shaped like the protobuf events the runtime delivers. */
import type { FakeComment, FakePost, FakeReddit } from './fake-reddit/model.js';
import { commentV2, postV2, subredditV2, userV2 } from './fake-reddit/shapes.js';

export type TriggerEvent = Record<string, unknown>;

export function eventBuilders(m: FakeReddit) {
  return {
    appInstall: (installer = 'installer_mod'): TriggerEvent => ({ subreddit: subredditV2(m), installer: userV2(m, installer) }),
    appUpgrade: (installer = 'installer_mod'): TriggerEvent => ({ subreddit: subredditV2(m), installer: userV2(m, installer) }),
    postSubmit: (p: FakePost): TriggerEvent => ({ post: postV2(m, p), author: userV2(m, p.authorName), subreddit: subredditV2(m) }),
    postUpdate: (p: FakePost, previousBody = ''): TriggerEvent => ({ post: postV2(m, p), author: userV2(m, p.authorName), previousBody, subreddit: subredditV2(m) }),
    postReport: (p: FakePost, reason: string): TriggerEvent => ({ post: postV2(m, p), subreddit: subredditV2(m), reason }),
    commentSubmit: (c: FakeComment): TriggerEvent => {
      const p = m.posts.get(c.postId);
      return { comment: commentV2(m, c), author: userV2(m, c.authorName), post: p ? postV2(m, p) : undefined, subreddit: subredditV2(m) };
    },
    commentUpdate: (c: FakeComment, previousBody = ''): TriggerEvent => {
      const p = m.posts.get(c.postId);
      return { comment: commentV2(m, c), author: userV2(m, c.authorName), post: p ? postV2(m, p) : undefined, previousBody, subreddit: subredditV2(m) };
    },
    commentReport: (c: FakeComment, reason: string): TriggerEvent => ({ comment: commentV2(m, c), subreddit: subredditV2(m), reason }),
    /** A mod action as the ModAction trigger delivers it (a wiki edit is action 'wikirevise'). */
    modAction: (action: string, moderator: string, target: { post?: FakePost; comment?: FakeComment; user?: string } = {}): TriggerEvent => ({
      action,
      actionedAt: new Date(m.now()),
      id: `ModAction_${m.nextId()}`,
      subreddit: subredditV2(m),
      moderator: userV2(m, moderator),
      targetUser: target.user ? userV2(m, target.user) : undefined,
      targetPost: target.post ? postV2(m, target.post) : undefined,
      targetComment: target.comment ? commentV2(m, target.comment) : undefined,
    }),
  };
}
