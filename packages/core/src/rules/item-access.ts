/** Reading the values checks look at, with AutoModerator's fallbacks (derived domain, combined karma …). */
import type { TargetKind } from './fields.js';
import type { Facts, Item } from './item.js';

export type Obj = Record<string, unknown>;

/** A field that AutoModerator does not check on this item (url on a text post, body on a link post). */
export const SKIP = Symbol('skip');

const FULLNAME_PREFIX = /^t[1-6]_/i;
const NOT_WORD_EDGES = /^[^\p{L}\p{N}_]+|[^\p{L}\p{N}_]+$/gu;

/** The kind of target an item is, from its `type`. */
export function itemKind(item: Item): TargetKind | undefined {
  // The usual spellings first, without building a lower-cased copy per item.
  if (item.type === 'submission' || item.type === 'comment') return item.type;
  const t = String(item.type).toLowerCase();
  switch (t) {
    case 'submission':
    case 'post':
    case 'link':
    case 'self':
      return 'submission';
    case 'comment':
      return 'comment';
    case 'modmail':
    case 'review':
    case 'staging':
    case 'ticket':
    case 'takedown':
    case 'inquiry':
      return t;
    default:
      return undefined;
  }
}

/** text | link | crosspost | poll | gallery, from `submission_type` or the other fields. */
export function submissionType(obj: Obj): string {
  const explicit = obj.submission_type;
  if (typeof explicit === 'string') return explicit;
  if (obj.is_gallery === true) return 'gallery';
  if (obj.is_poll === true) return 'poll';
  if (typeof obj.crosspost_id === 'string' && obj.crosspost_id !== '') return 'crosspost';
  if (obj.is_self === true) return 'text';
  if (typeof obj.url === 'string' && obj.url !== '' && !(typeof obj.domain === 'string' && obj.domain.startsWith('self.'))) return 'link';
  return 'text';
}

function hostOf(url: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^/:?#]+)/i.exec(url.trim());
  return (m?.[1] ?? '').toLowerCase().replace(/^www\./, '');
}

/** The body without quoted lines — and, as AutoModerator drops them too, without empty lines. */
function stripBlockquotes(text: string): string {
  return text
    .split('\n')
    .filter((l) => l !== '' && !/^\s{0,3}>/.test(l))
    .join('\n');
}

function toText(v: unknown): string | string[] {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? x : x === null || x === undefined ? '' : String(x)));
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'number') return String(v);
  return JSON.stringify(v);
}

/** Text a search check looks at on `obj` (a submission, comment, user, subreddit or queue item). */
export function searchText(
  obj: Obj,
  field: string,
  kind: TargetKind | 'item',
  ignoreBlockquotes: boolean,
  subreddit: string | undefined,
): string | string[] | typeof SKIP {
  if (kind === 'submission') {
    const st = submissionType(obj);
    if (field === 'url' && st === 'text') return SKIP;
    if (field === 'body') {
      const body = typeof obj.body === 'string' ? obj.body : '';
      if (body === '' && st !== 'text') return SKIP;
      return ignoreBlockquotes ? stripBlockquotes(body) : body;
    }
    if (field === 'domain') {
      if (typeof obj.domain === 'string' && obj.domain !== '') return obj.domain;
      if (st === 'text') return `self.${subreddit ?? (typeof obj.subreddit === 'string' ? obj.subreddit : '')}`;
      return typeof obj.url === 'string' ? hostOf(obj.url) : '';
    }
  }
  if (field === 'body' && ignoreBlockquotes && typeof obj.body === 'string') return stripBlockquotes(obj.body);
  // AutoModerator's `id` is the base-36 id (`abc12`); items may carry the fullname (`t3_abc12`).
  if (field === 'id' && (kind === 'submission' || kind === 'comment' || kind === 'user') && typeof obj.id === 'string') return obj.id.replace(FULLNAME_PREFIX, '');
  return toText(obj[field]);
}

/**
 * AutoModerator compares karma no lower than Reddit's display floors (`g.link_karma_display_floor`,
 * `g.comment_karma_display_floor`): the engine reads them from configuration, and the documentation
 * states the production values — post karma never below 0, comment karma never below -100.
 */
const POST_KARMA_FLOOR = 0;
const COMMENT_KARMA_FLOOR = -100;

function floored(v: number | undefined, floor: number): number | undefined {
  return v === undefined ? undefined : Math.max(v, floor);
}

function num(obj: Obj, k: string): number | undefined {
  const v = obj[k];
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

/** Number a threshold or comparison reads; undefined when the item does not say. */
export function numberOf(obj: Obj, field: string, nowMs: number | undefined, ignoreBlockquotes: boolean): number | undefined {
  switch (field) {
    case 'post_karma':
      return floored(num(obj, 'post_karma') ?? num(obj, 'link_karma'), POST_KARMA_FLOOR);
    case 'comment_karma':
      return floored(num(obj, 'comment_karma'), COMMENT_KARMA_FLOOR);
    case 'combined_karma': {
      // AutoModerator adds the two floored karmas; a given total is used only when a part is unknown.
      const a = numberOf(obj, 'comment_karma', nowMs, ignoreBlockquotes);
      const b = numberOf(obj, 'post_karma', nowMs, ignoreBlockquotes);
      if (a !== undefined && b !== undefined) return a + b;
      return num(obj, 'combined_karma');
    }
    case 'combined_subreddit_karma': {
      const c = num(obj, 'combined_subreddit_karma');
      if (c !== undefined) return c;
      const a = num(obj, 'comment_subreddit_karma');
      const b = num(obj, 'post_subreddit_karma');
      return a !== undefined && b !== undefined ? a + b : undefined;
    }
    case 'account_age_days': {
      const d = num(obj, 'account_age_days');
      if (d !== undefined) return d;
      const created = num(obj, 'created_utc');
      return created !== undefined && nowMs !== undefined ? (nowMs - created * 1000) / 86_400_000 : undefined;
    }
    case 'body': {
      // Spacing and punctuation at either end are not counted (AutoModerator strips \W+ at both ends).
      const raw = typeof obj.body === 'string' ? obj.body : '';
      const body = ignoreBlockquotes ? stripBlockquotes(raw) : raw;
      const stripped = body.replace(NOT_WORD_EDGES, '');
      let len = 0;
      for (let i = 0; i < stripped.length; i++) {
        const code = stripped.charCodeAt(i);
        if (code < 0xdc00 || code > 0xdfff) len++;
      }
      return len;
    }
    case 'reports':
      return num(obj, 'reports') ?? 0;
    case 'contributor_quality': {
      const v = obj.contributor_quality;
      const levels: Record<string, number> = { lowest: 1, low: 2, moderate: 3, high: 4, highest: 5 };
      return typeof v === 'string' ? levels[v] : undefined;
    }
    default:
      return num(obj, field);
  }
}

/** The evaluation time: facts.now, else the item's creation time. */
export function evaluationTime(item: Item, facts: Facts | undefined): number | undefined {
  const now = facts?.now;
  if (now instanceof Date) return now.getTime();
  if (typeof now === 'number') return now;
  if (typeof now === 'string') {
    const t = Date.parse(now);
    if (Number.isFinite(t)) return t;
  }
  if (typeof item.created_utc === 'number') return item.created_utc * 1000;
  if (typeof item.created_at === 'string') {
    const t = Date.parse(item.created_at);
    if (Number.isFinite(t)) return t;
  }
  return undefined;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Day of week (0 = Sunday) and minutes after midnight at `ms` in `timeZone`. */
export function zonedClock(ms: number, timeZone: string): { day: number; minutes: number } {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  let day = 0;
  let hour = 0;
  let minute = 0;
  for (const p of f.formatToParts(new Date(ms))) {
    if (p.type === 'weekday') day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(p.value);
    else if (p.type === 'hour') hour = Number(p.value) % 24;
    else if (p.type === 'minute') minute = Number(p.value);
  }
  return { day, minutes: hour * 60 + minute };
}
