/** Pure helpers turning trigger payloads and author facts into the core rule language's `Item`. */
import type { Author, Item } from '@creator-desk/core';

/** The parts of a PostV2 payload the rules read. */
export interface PostPayload {
  id: string;
  title: string;
  selftext: string;
  url: string;
  permalink: string;
  createdAt: number; // ms
  updatedAt?: number; // ms
  numReports: number;
  isSelf?: boolean;
  isGallery?: boolean;
  isPoll?: boolean;
  linkFlair?: { text: string; cssClass: string; templateId: string } | undefined;
}

/** The parts of a CommentV2 payload the rules read. */
export interface CommentPayload {
  id: string;
  parentId: string;
  postId: string;
  body: string;
  permalink: string;
  createdAt: number; // ms
  lastModifiedAt?: number; // ms
  numReports: number;
}

/** Host name of a link, without `www.`; undefined for self posts and unparsable URLs. */
function domainOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}

function submissionFields(p: PostPayload, subredditName: string) {
  const isSelf = p.isSelf ?? (!p.url || p.url.includes(`/r/${subredditName}/comments/`));
  return {
    title: p.title,
    body: p.selftext,
    url: isSelf ? undefined : p.url,
    domain: isSelf ? `self.${subredditName}` : domainOf(p.url),
    permalink: p.permalink,
    flair_text: p.linkFlair?.text || undefined,
    flair_css_class: p.linkFlair?.cssClass || undefined,
    flair_template_id: p.linkFlair?.templateId || undefined,
    is_self: isSelf,
    is_gallery: p.isGallery ?? false,
    is_poll: p.isPoll ?? false,
    submission_type: (p.isPoll ? 'poll' : p.isGallery ? 'gallery' : isSelf ? 'text' : 'link') as 'poll' | 'gallery' | 'text' | 'link',
  };
}

/** How an item is built: where, whether edited, and (for explain and backtest) its moderation state. */
export interface ItemOptions {
  subredditName: string;
  edited: boolean;
  reports?: number;
  moderation?: Item['moderation'];
}

/** A post as a rules `Item` of type submission. */
export function submissionItem(p: PostPayload, author: Author, opts: ItemOptions): Item {
  return {
    id: p.id,
    type: 'submission',
    ...submissionFields(p, opts.subredditName),
    is_edited: opts.edited,
    reports: opts.reports ?? p.numReports,
    created_utc: Math.floor(p.createdAt / 1000),
    subreddit: opts.subredditName,
    author,
    ...(opts.moderation ? { moderation: opts.moderation } : {}),
  };
}

/** A comment as a rules `Item` of type comment; `post` fills `parent_submission`. */
export function commentItem(c: CommentPayload, post: PostPayload | undefined, author: Author, opts: ItemOptions): Item {
  return {
    id: c.id,
    type: 'comment',
    body: c.body,
    permalink: c.permalink,
    is_edited: opts.edited,
    is_top_level: c.parentId.startsWith('t3_'),
    reports: opts.reports ?? c.numReports,
    created_utc: Math.floor(c.createdAt / 1000),
    subreddit: opts.subredditName,
    author,
    ...(opts.moderation ? { moderation: opts.moderation } : {}),
    parent_submission: post ? { id: post.id, ...submissionFields(post, opts.subredditName) } : undefined,
  };
}

/** Accounts whose content the rules never touch: the app itself, AutoModerator and <sub>-ModTeam. */
export function isIgnoredAuthor(name: string | undefined, appName: string, subredditName: string): boolean {
  if (!name) return true;
  const n = name.toLowerCase();
  return n === appName.toLowerCase() || n === 'automoderator' || n === `${subredditName.toLowerCase()}-modteam`;
}
