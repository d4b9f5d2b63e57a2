import type { Comment, Post } from '@devvit/public-api';
import type { CommentPayload, PostPayload } from './build-item.js';

/** A fetched Post as the payload shape the item builder reads. */
export function postPayloadFromModel(p: Post): PostPayload {
  return {
    id: p.id,
    title: p.title,
    selftext: p.body ?? '',
    url: p.url,
    permalink: p.permalink,
    createdAt: p.createdAt.getTime(),
    numReports: p.numberOfReports,
    linkFlair: p.flair ? { text: p.flair.text ?? '', cssClass: p.flair.cssClass ?? '', templateId: p.flair.templateId ?? '' } : undefined,
  };
}

/** A fetched Comment as the payload shape the item builder reads. */
export function commentPayloadFromModel(c: Comment): CommentPayload {
  return {
    id: c.id,
    parentId: c.parentId,
    postId: c.postId,
    body: c.body,
    permalink: c.permalink,
    createdAt: c.createdAt.getTime(),
    numReports: c.numReports,
  };
}
