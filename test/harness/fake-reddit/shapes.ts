/** Renders model objects as the R2/protobuf-JSON shapes the Devvit Reddit client parses. */
import type { FakeComment, FakePost, FakeReddit, FakeUser } from './model.js';

const short = (id: string): string => id.replace(/^t\d_/, '');

export function userAbout(m: FakeReddit, u: FakeUser): Record<string, unknown> {
  return {
    id: short(u.id),
    name: u.name,
    createdUtc: u.createdUtc,
    linkKarma: u.linkKarma,
    commentKarma: u.commentKarma,
    totalKarma: u.linkKarma + u.commentKarma,
    isEmployee: u.isEmployee,
    isMod: m.isModerator(u.name),
    isGold: false,
    isSuspended: u.suspended,
    over18: false,
    hasVerifiedEmail: true,
    snoovatarSize: [],
    iconImg: '',
    snoovatarImg: '',
  };
}

function authorFields(m: FakeReddit, authorName: string): Record<string, unknown> {
  const u = m.user(authorName);
  const flair = m.userFlair.get(authorName.toLowerCase());
  return {
    author: u?.deleted ? '[deleted]' : authorName,
    authorFullname: u?.id ?? '',
    authorFlairText: flair?.text ?? '',
    authorFlairCssClass: flair?.cssClass ?? '',
    authorFlairTemplateId: flair?.templateId ?? '',
    authorFlairBackgroundColor: flair?.backgroundColor ?? '',
    authorFlairTextColor: flair?.textColor ?? '',
    authorFlairRichtext: [],
    authorFlairType: 'text',
  };
}

function modFields(t: FakePost | FakeComment): Record<string, unknown> {
  return {
    removed: t.removed,
    spam: t.spam,
    approved: t.approved,
    approvedBy: t.approvedBy ?? '',
    removedBy: t.removedBy ?? '',
    removedByCategory: t.removed ? 'moderator' : '',
    bannedBy: t.removedBy ?? '',
    locked: t.locked,
    stickied: t.stickied,
    distinguished: t.distinguished,
    edited: t.editedUtc !== undefined,
    numReports: t.reports.length,
    userReports: t.reports.filter((r) => !r.by).map((r) => [r.reason, 1]),
    modReports: t.reports.filter((r) => r.by).map((r) => [r.reason, r.by]),
    ignoreReports: t.ignoreReports,
  };
}

export function postR2(m: FakeReddit, p: FakePost): Record<string, unknown> {
  return {
    id: short(p.id),
    name: p.id,
    title: p.title,
    selftext: p.body,
    url: p.url,
    permalink: `/r/${m.subredditName}/comments/${short(p.id)}/`,
    createdUtc: p.createdUtc,
    subreddit: m.subredditName,
    subredditId: m.subredditId,
    subredditNamePrefixed: `r/${m.subredditName}`,
    over18: p.nsfw,
    spoiler: p.spoiler,
    linkFlairText: p.flair?.text ?? '',
    linkFlairCssClass: p.flair?.cssClass ?? '',
    linkFlairTemplateId: p.flair?.templateId ?? '',
    linkFlairBackgroundColor: p.flair?.backgroundColor ?? '',
    linkFlairTextColor: p.flair?.textColor ?? '',
    linkFlairRichtext: [],
    linkFlairType: 'text',
    score: 1,
    numComments: [...m.comments.values()].filter((c) => c.postId === p.id).length,
    ...authorFields(m, p.authorName),
    ...modFields(p),
  };
}

export function commentR2(m: FakeReddit, c: FakeComment): Record<string, unknown> {
  return {
    id: short(c.id),
    name: c.id,
    body: c.body,
    parentId: c.parentId,
    linkId: c.postId,
    permalink: `/r/${m.subredditName}/comments/${short(c.postId)}/_/${short(c.id)}/`,
    createdUtc: c.createdUtc,
    subreddit: m.subredditName,
    subredditId: m.subredditId,
    score: 1,
    ...authorFields(m, c.authorName),
    ...modFields(c),
  };
}

export function thingR2(m: FakeReddit, t: FakePost | FakeComment): { kind: string; data: Record<string, unknown> } {
  return 'title' in t ? { kind: 't3', data: postR2(m, t) } : { kind: 't1', data: commentR2(m, t) };
}

/** Shapes of the event payloads (PostV2, CommentV2, UserV2, SubredditV2) used by triggers. */
export function userV2(m: FakeReddit, name: string): Record<string, unknown> {
  const u = m.user(name);
  const flair = m.userFlair.get(name.toLowerCase());
  return {
    id: u?.id ?? '',
    name,
    isGold: false,
    snoovatarImage: '',
    url: `https://www.reddit.com/user/${name}/`,
    spam: false,
    banned: m.bans.has(name.toLowerCase()),
    karma: u ? u.linkKarma + u.commentKarma : 0,
    iconImage: '',
    description: '',
    suspended: u?.suspended ?? false,
    flair: flair
      ? { userId: u?.id ?? '', subredditId: m.subredditId, text: flair.text, cssClass: flair.cssClass, templateId: flair.templateId, textColor: '', backgroundColor: '', enabled: true }
      : undefined,
  };
}

export function subredditV2(m: FakeReddit): Record<string, unknown> {
  return { id: m.subredditId, name: m.subredditName, nsfw: false, type: 0, spam: false, quarantined: false, topics: [], rating: 0, subscribersCount: 1000, permalink: `/r/${m.subredditName}/`, title: m.subredditName, description: '' };
}

export function postV2(m: FakeReddit, p: FakePost): Record<string, unknown> {
  const u = m.user(p.authorName);
  return {
    id: p.id,
    title: p.title,
    selftext: p.body,
    nsfw: p.nsfw,
    authorId: u?.id ?? '',
    numReports: p.reports.length,
    createdAt: p.createdUtc * 1000,
    updatedAt: (p.editedUtc ?? p.createdUtc) * 1000,
    isApproved: p.approved,
    isSpoiler: p.spoiler,
    isLocked: p.locked,
    isSticky: p.stickied,
    spam: p.spam,
    deleted: p.deleted,
    subredditId: m.subredditId,
    url: p.url,
    permalink: `/r/${m.subredditName}/comments/${short(p.id)}/`,
    isSelf: !p.url || p.url.includes(`/r/${m.subredditName}/comments/`),
    linkFlair: p.flair ? { text: p.flair.text, cssClass: p.flair.cssClass, templateId: p.flair.templateId, backgroundColor: '', textColor: '' } : undefined,
    type: 'text',
  };
}

export function commentV2(m: FakeReddit, c: FakeComment): Record<string, unknown> {
  return {
    id: c.id,
    parentId: c.parentId,
    postId: c.postId,
    body: c.body,
    author: m.user(c.authorName)?.id ?? '',
    numReports: c.reports.length,
    spam: c.spam,
    deleted: c.deleted,
    createdAt: c.createdUtc * 1000,
    lastModifiedAt: (c.editedUtc ?? c.createdUtc) * 1000,
    subredditId: m.subredditId,
    permalink: `/r/${m.subredditName}/comments/${short(c.postId)}/_/${short(c.id)}/`,
  };
}
