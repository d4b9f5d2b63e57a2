/** Pure helpers turning trigger payloads and author facts into the core rule language's `Item`. */
import type { Item } from '@creator-desk/core';

/** What the app knows about an author when it evaluates rules. */
export interface AuthorFacts {
  name: string;
  accountAgeDays?: number;
  commentKarma?: number;
  postKarma?: number;
  isContributor: boolean;
  isModerator: boolean;
  isArtist: boolean;
  artistSinceDays?: number;
  strikes: number;
  flairText?: string;
  flairCssClass?: string;
  flairTemplateId?: string;
}

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

function authorGroup(a: AuthorFacts): NonNullable<Item['author']> {
  const combined = a.commentKarma !== undefined && a.postKarma !== undefined ? a.commentKarma + a.postKarma : undefined;
  return {
    name: a.name,
    account_age_days: a.accountAgeDays,
    comment_karma: a.commentKarma,
    post_karma: a.postKarma,
    combined_karma: combined,
    is_contributor: a.isContributor,
    is_moderator: a.isModerator,
    is_artist: a.isArtist,
    artist_since_days: a.artistSinceDays,
    strikes: a.strikes,
    flair_text: a.flairText,
    flair_css_class: a.flairCssClass,
    flair_template_id: a.flairTemplateId,
  };
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

/** A post as a rules `Item` of type submission. */
export function submissionItem(p: PostPayload, author: AuthorFacts, opts: { subredditName: string; edited: boolean; reports?: number }): Item {
  return {
    id: p.id,
    type: 'submission',
    ...submissionFields(p, opts.subredditName),
    is_edited: opts.edited,
    reports: opts.reports ?? p.numReports,
    created_utc: Math.floor(p.createdAt / 1000),
    subreddit: opts.subredditName,
    author: authorGroup(author),
  };
}

/** A comment as a rules `Item` of type comment; `post` fills `parent_submission`. */
export function commentItem(c: CommentPayload, post: PostPayload | undefined, author: AuthorFacts, opts: { subredditName: string; edited: boolean; reports?: number }): Item {
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
    author: authorGroup(author),
    parent_submission: post ? { id: post.id, ...submissionFields(post, opts.subredditName) } : undefined,
  };
}

/** Accounts whose content the rules never touch: the app itself, AutoModerator and <sub>-ModTeam. */
export function isIgnoredAuthor(name: string | undefined, appName: string, subredditName: string): boolean {
  if (!name) return true;
  const n = name.toLowerCase();
  return n === appName.toLowerCase() || n === 'automoderator' || n === `${subredditName.toLowerCase()}-modteam`;
}
