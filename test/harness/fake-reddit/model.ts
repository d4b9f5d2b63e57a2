/**
 * One coherent in-memory model of a subreddit, shared by every fake Reddit plugin so that an
 * action through one plugin (e.g. Moderation.Remove) is visible through another (LinksAndComments.Info).
 */

export interface FakeUser {
  id: string; // t2_…
  name: string;
  createdUtc: number; // seconds
  linkKarma: number;
  commentKarma: number;
  suspended: boolean;
  deleted: boolean;
  isEmployee: boolean;
}

export interface FakeFlair {
  text: string;
  cssClass: string;
  templateId: string;
  textColor?: string;
  backgroundColor?: string;
}

export interface FakeFlairTemplate extends FakeFlair {
  kind: 'user' | 'post';
  modOnly: boolean;
  textEditable: boolean;
}

export interface FakeReport {
  reason: string;
  by?: string; // moderator name for mod reports; undefined for anonymous user reports
}

interface ModeratedThing {
  removed: boolean;
  spam: boolean;
  approved: boolean;
  removedBy?: string;
  approvedBy?: string;
  locked: boolean;
  stickied: boolean;
  distinguished: '' | 'moderator' | 'admin';
  deleted: boolean;
  reports: FakeReport[];
  ignoreReports: boolean;
  editedUtc?: number;
}

export interface FakePost extends ModeratedThing {
  id: string; // t3_…
  authorName: string;
  title: string;
  body: string;
  url: string;
  createdUtc: number;
  nsfw: boolean;
  spoiler: boolean;
  flair?: FakeFlair;
}

export interface FakeComment extends ModeratedThing {
  id: string; // t1_…
  postId: string;
  parentId: string;
  authorName: string;
  body: string;
  createdUtc: number;
}

export interface FakeBan {
  date: number; // seconds
  durationDays?: number; // undefined = permanent
  reason: string;
  message: string;
  note: string;
  by: string;
}

export interface FakeModNote {
  id: string;
  user: string;
  userId: string;
  note: string;
  label?: string;
  redditId?: string;
  operator: string;
  operatorId: string;
  createdAt: number; // seconds
  type: string;
}

export interface FakeModmailMessage {
  id: string;
  author: string;
  body: string;
  isInternal: boolean;
  date: string; // ISO
}

export interface FakeConversation {
  id: string;
  subject: string;
  /** 'modinbox' = app notice to the mod inbox; 'user' = with a user; 'internal' = mod discussion. */
  kind: 'modinbox' | 'user' | 'internal';
  participant?: string;
  state: 0 | 1 | 2; // new, in progress, archived
  highlighted: boolean;
  mutedUntil?: number; // ms
  messages: FakeModmailMessage[];
  createdBy: string;
  /** Sent as the subreddit (`isAuthorHidden`): the user does not see which moderator or app wrote. */
  authorHidden?: boolean;
}

export interface FakeWikiRevision {
  id: string;
  content: string;
  reason: string;
  author: string;
  at: number; // seconds
}

export interface FakeWikiPage {
  name: string;
  revisions: FakeWikiRevision[]; // oldest first
  /** 0 = subreddit wiki permissions, 1 = approved editors only, 2 = mods only. */
  permLevel: number;
  listed: boolean;
  editors: string[];
}

export interface FakeModLogEntry {
  id: string;
  action: string;
  moderator: string;
  at: number; // seconds
  targetId?: string;
  targetAuthor?: string;
  details?: string;
  description?: string;
}

export interface FakePrivateMessage {
  id: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  fromSubreddit?: string;
  at: number;
}

export interface ModeratorEntry {
  permissions: string[];
  addedUtc: number;
}

/** Thrown by the fake backend with an HTTP-like status, like the real plugin errors. */
export class FakeRedditError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(`HTTP ${status} ${message}`);
    this.name = 'FakeRedditError';
  }
}

export interface FakeRedditOptions {
  subredditName?: string;
  subredditId?: string;
  appName?: string;
  now: () => number; // ms
}

/** The fake subreddit and everything in it. Seeding helpers are used by tests; plugins mutate it. */
export class FakeReddit {
  readonly subredditName: string;
  readonly subredditId: string;
  readonly appName: string;
  readonly now: () => number;

  readonly users = new Map<string, FakeUser>(); // key: lower-case name
  readonly moderators = new Map<string, ModeratorEntry>(); // key: lower-case name
  readonly approvedUsers = new Map<string, number>(); // lower-case name -> seconds
  readonly bans = new Map<string, FakeBan>();
  readonly mutedUsers = new Map<string, number>();
  readonly posts = new Map<string, FakePost>();
  readonly comments = new Map<string, FakeComment>();
  readonly userFlair = new Map<string, FakeFlair>();
  readonly flairTemplates: FakeFlairTemplate[] = [];
  readonly modNotes: FakeModNote[] = [];
  readonly conversations = new Map<string, FakeConversation>();
  readonly wiki = new Map<string, FakeWikiPage>();
  readonly modLog: FakeModLogEntry[] = [];
  readonly privateMessages: FakePrivateMessage[] = [];
  private seq = 0;

  constructor(opts: FakeRedditOptions) {
    this.subredditName = opts.subredditName ?? 'CollectibleCreators';
    this.subredditId = opts.subredditId ?? 't5_cc01';
    this.appName = opts.appName ?? 'creator-desk';
    this.now = opts.now;
    this.addUser({ name: this.appName, createdDaysAgo: 30 });
    this.addModerator(this.appName, ['all']);
    this.addUser({ name: 'AutoModerator', createdDaysAgo: 4000 });
    this.addModerator('AutoModerator', ['all']);
  }

  nowSeconds(): number {
    return Math.floor(this.now() / 1000);
  }

  nextId(): string {
    this.seq += 1;
    return this.seq.toString(36).padStart(4, '0');
  }

  // ---- seeding helpers (tests) ----

  addUser(u: {
    name: string;
    createdDaysAgo?: number;
    linkKarma?: number;
    commentKarma?: number;
    suspended?: boolean;
    deleted?: boolean;
  }): FakeUser {
    const user: FakeUser = {
      id: `t2_${this.nextId()}`,
      name: u.name,
      createdUtc: this.nowSeconds() - Math.round((u.createdDaysAgo ?? 365) * 86400),
      linkKarma: u.linkKarma ?? 100,
      commentKarma: u.commentKarma ?? 100,
      suspended: u.suspended ?? false,
      deleted: u.deleted ?? false,
      isEmployee: false,
    };
    this.users.set(u.name.toLowerCase(), user);
    return user;
  }

  addModerator(name: string, permissions: string[] = ['all']): void {
    if (!this.users.has(name.toLowerCase())) this.addUser({ name });
    this.moderators.set(name.toLowerCase(), { permissions, addedUtc: this.nowSeconds() });
  }

  /** The state a new post or comment starts in: just created, nothing moderated, no reports. */
  private freshThing(): Required<Omit<ModeratedThing, 'removedBy' | 'approvedBy' | 'editedUtc'>> & { body: string; createdUtc: number } {
    return { body: '', createdUtc: this.nowSeconds(), removed: false, spam: false, approved: false, locked: false, stickied: false, distinguished: '', deleted: false, reports: [], ignoreReports: false };
  }

  addPost(p: Partial<FakePost> & { authorName: string; title?: string }): FakePost {
    const id = p.id ?? `t3_${this.nextId()}`;
    const post: FakePost = { title: 'untitled', url: '', nsfw: false, spoiler: false, ...this.freshThing(), ...p, id };
    if (!post.url) post.url = `https://www.reddit.com/r/${this.subredditName}/comments/${id.slice(3)}/`;
    this.posts.set(id, post);
    return post;
  }

  addComment(c: Partial<FakeComment> & { authorName: string; postId: string }): FakeComment {
    const id = c.id ?? `t1_${this.nextId()}`;
    const comment: FakeComment = { parentId: c.postId, ...this.freshThing(), ...c, id };
    this.comments.set(id, comment);
    return comment;
  }

  /** Edit a wiki page as `author` (a human moderator by default), as Reddit's wiki editor would. */
  editWikiPage(page: string, content: string, author: string, reason = ''): FakeWikiRevision {
    let wp = this.wiki.get(page);
    if (!wp) {
      wp = { name: page, revisions: [], permLevel: 0, listed: true, editors: [] };
      this.wiki.set(page, wp);
    }
    const rev: FakeWikiRevision = {
      id: `rev-${this.nextId()}`,
      content,
      reason,
      author,
      at: this.nowSeconds(),
    };
    wp.revisions.push(rev);
    this.log('wikirevise', author, { details: `Page ${page} edited`, description: reason });
    return rev;
  }

  /** A user writes to the mod team (a new conversation, or a reply when `conversationId` is given). */
  userWritesModmail(author: string, body: string, opts: { subject?: string; conversationId?: string } = {}): { conversation: FakeConversation; messageId: string } {
    this.requireUser(author);
    let c = opts.conversationId ? this.conversations.get(opts.conversationId) : undefined;
    if (!c) {
      c = { id: this.nextId(), subject: opts.subject ?? 'question', kind: 'user', participant: author, state: 0, highlighted: false, messages: [], createdBy: author };
      this.conversations.set(c.id, c);
    } else if (c.state === 2) {
      c.state = 1; // a user reply unarchives
    }
    const messageId = `msg-${this.nextId()}`;
    c.messages.push({ id: messageId, author, body, isInternal: false, date: new Date(this.now()).toISOString() });
    return { conversation: c, messageId };
  }

  /** A moderator answers in a conversation (a public reply, or an internal note with `internal`). */
  modRepliesModmail(mod: string, conversationId: string, body: string, opts: { internal?: boolean } = {}): { messageId: string } {
    const c = this.conversations.get(conversationId);
    if (!c) throw new FakeRedditError(404, `Not Found: modmail conversation ${conversationId}`);
    const messageId = `msg-${this.nextId()}`;
    c.messages.push({ id: messageId, author: mod, body, isInternal: Boolean(opts.internal), date: new Date(this.now()).toISOString() });
    if (c.state === 0) c.state = 1;
    return { messageId };
  }

  // ---- lookups used by plugins ----

  user(name: string): FakeUser | undefined {
    return this.users.get(name.toLowerCase());
  }

  userById(id: string): FakeUser | undefined {
    const full = id.startsWith('t2_') ? id : `t2_${id}`;
    for (const u of this.users.values()) if (u.id === full) return u;
    return undefined;
  }

  requireUser(name: string): FakeUser {
    const u = this.user(name);
    if (!u || u.deleted) throw new FakeRedditError(404, `Not Found: user ${name}`);
    return u;
  }

  isModerator(name: string): boolean {
    return this.moderators.has(name.toLowerCase());
  }

  thing(id: string): FakePost | FakeComment | undefined {
    return id.startsWith('t1_') ? this.comments.get(id) : this.posts.get(id);
  }

  requireThing(id: string): FakePost | FakeComment {
    const t = this.thing(id);
    if (!t) throw new FakeRedditError(404, `Not Found: ${id}`);
    return t;
  }

  checkSubreddit(name: string | undefined): void {
    if (name && name.toLowerCase() !== this.subredditName.toLowerCase()) {
      throw new FakeRedditError(404, `Not Found: subreddit ${name} (the fake holds r/${this.subredditName})`);
    }
  }

  /** The acting account for every plugin call: the app account, as on Reddit. */
  requireModeratorActor(permission?: string): string {
    const mod = this.moderators.get(this.appName.toLowerCase());
    if (!mod) throw new FakeRedditError(403, `Forbidden: u/${this.appName} is not a moderator`);
    if (permission && !mod.permissions.includes('all') && !mod.permissions.includes(permission)) {
      throw new FakeRedditError(403, `Forbidden: u/${this.appName} lacks the ${permission} permission`);
    }
    return this.appName;
  }

  log(action: string, moderator: string, extra: Omit<FakeModLogEntry, 'id' | 'action' | 'moderator' | 'at'> = {}): void {
    this.modLog.push({ id: `ModAction_${this.nextId()}`, action, moderator, at: this.nowSeconds(), ...extra });
  }

  /** Latest revision of a wiki page, or undefined. */
  wikiContent(page: string): string | undefined {
    const wp = this.wiki.get(page);
    return wp?.revisions.at(-1)?.content;
  }

  /** All conversations of a given kind, oldest first. */
  conversationsOf(kind: FakeConversation['kind']): FakeConversation[] {
    return [...this.conversations.values()].filter((c) => c.kind === kind);
  }
}
