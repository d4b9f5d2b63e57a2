/**
 * Deterministic AutoModerator-style rules and items for the rules benchmark: the kinds of rules real
 * configs are made of (word lists on title/body, domain lists, new-account thresholds, flair, reports,
 * negations, priorities, regexes), and items that trigger some of them.
 */

// Seeded, so every run measures the same work.
import { seededRandom as rng } from '../../packages/core/src/random/seeded-random.js';

const WORDS = [
  'giveaway', 'free', 'nft', 'crypto', 'commission', 'discord', 'promo', 'sale', 'drop', 'mint', 'avatar', 'artist',
  'collectible', 'shop', 'payout', 'stripe', 'persona', 'verify', 'scam', 'leak', 'bot', 'follow', 'karma', 'upvote',
  'dm', 'telegram', 'whatsapp', 'onlyfans', 'porn', 'hate', 'spoiler', 'trade', 'buy', 'sell', 'wts', 'wtb', 'price',
  'floor', 'rare', 'legendary', 'gen', 'series', 'drop-date', 'wip', 'feedback', 'critique', 'question', 'help',
  'announcement', 'event', 'contest', 'winner', 'fanart', 'original', 'oc', 'repost', 'stolen', 'copyright', 'dmca',
];
const DOMAINS = ['bit.ly', 'tinyurl.com', 'imgur.com', 'youtube.com', 'opensea.io', 'discord.gg', 't.me', 'patreon.com', 'ko-fi.com', 'etsy.com', 'twitter.com', 'x.com', 'instagram.com', 'tiktok.com'];
const FLAIRS = ['Art', 'WIP', 'Question', 'Announcement', 'Showcase', 'Feedback', 'Meta'];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)] as T;
}
function some<T>(r: () => number, xs: readonly T[], n: number): T[] {
  const out = new Set<T>();
  while (out.size < n) out.add(pick(r, xs));
  return [...out];
}

/** `count` rules as one AutoModerator YAML config. */
export function generateRules(count: number, seed = 7): string {
  const r = rng(seed);
  const docs: string[] = [];
  for (let i = 0; i < count; i++) {
    const lines: string[] = [`# bench rule ${i + 1}`];
    const shape = i % 10;
    const action = pick(r, ['remove', 'filter', 'report', 'report', 'approve', 'spam']);
    switch (shape) {
      case 0:
        lines.push('type: submission', `title: [${some(r, WORDS, 6).join(', ')}]`);
        break;
      case 1:
        lines.push(`body: [${some(r, WORDS, 8).join(', ')}]`, 'author:', `    account_age: '< ${1 + Math.floor(r() * 30)} days'`);
        break;
      case 2:
        lines.push('type: submission', `domain: [${some(r, DOMAINS, 3).join(', ')}]`);
        break;
      case 3:
        lines.push('type: submission', `title+body (includes): [${some(r, WORDS, 4).join(', ')}]`, `~flair_text: [${some(r, FLAIRS, 2).join(', ')}]`);
        break;
      case 4:
        lines.push('author:', `    comment_karma: '< ${Math.floor(r() * 50)}'`, `    account_age: '< ${1 + Math.floor(r() * 10)} days'`, '    satisfy_any_threshold: true', `body (includes-word): [${some(r, WORDS, 3).join(', ')}]`);
        break;
      case 5:
        lines.push('type: submission', `title (regex): ['\\b(${some(r, WORDS, 3).join('|')})\\s+\\d+']`);
        break;
      case 6:
        lines.push(`reports: ${1 + Math.floor(r() * 4)}`, `~body: [${some(r, WORDS, 2).join(', ')}]`);
        break;
      case 7:
        lines.push('type: submission', `flair_text: [${some(r, FLAIRS, 2).join(', ')}]`, `title (starts-with): [${some(r, WORDS, 3).join(', ')}]`);
        break;
      case 8:
        lines.push(`body (regex, includes): ['(${some(r, WORDS, 2).join('|')})[0-9]{2,4}']`, 'author:', '    is_contributor: false');
        break;
      default:
        lines.push('type: submission', `~title+body: [${some(r, WORDS, 5).join(', ')}]`, 'author:', `    combined_karma: '< ${Math.floor(r() * 20)}'`);
        break;
    }
    if (r() < 0.3) lines.push(`priority: ${Math.floor(r() * 10) - 3}`);
    lines.push(`action: ${action}`);
    if (action === 'report') lines.push(`action_reason: 'rule ${i + 1}: {{match}}'`);
    docs.push(lines.join('\n'));
  }
  return docs.join('\n---\n');
}

export interface BenchItem {
  id: string;
  type: 'submission' | 'comment';
  title?: string;
  body: string;
  url?: string;
  domain?: string;
  flair_text?: string;
  reports: number;
  author: { name: string; account_age_days: number; comment_karma: number; post_karma: number; is_contributor: boolean; is_moderator: boolean };
}

/** `count` posts and comments with realistic lengths; about a third mention rule words. */
export function generateItems(count: number, seed = 11): BenchItem[] {
  const r = rng(seed);
  const filler = 'the quick brown fox jumps over a lazy dog while my avatar drawing comes along nicely today'.split(' ');
  const sentence = (n: number): string => {
    const ws: string[] = [];
    for (let i = 0; i < n; i++) ws.push(r() < 0.08 ? pick(r, WORDS) + (r() < 0.3 ? ` ${Math.floor(r() * 2000)}` : '') : pick(r, filler));
    return ws.join(' ');
  };
  const items: BenchItem[] = [];
  for (let i = 0; i < count; i++) {
    const isPost = r() < 0.6;
    const author = {
      name: `user${Math.floor(r() * 5000)}`,
      account_age_days: Math.floor(r() * 400),
      comment_karma: Math.floor(r() * 300) - 20,
      post_karma: Math.floor(r() * 200),
      is_contributor: r() < 0.1,
      is_moderator: r() < 0.02,
    };
    if (isPost) {
      const domain = pick(r, DOMAINS);
      items.push({
        id: `t3_${i}`,
        type: 'submission',
        title: sentence(4 + Math.floor(r() * 10)),
        body: sentence(10 + Math.floor(r() * 80)),
        url: `https://${domain}/p/${i}`,
        domain,
        flair_text: pick(r, FLAIRS),
        reports: r() < 0.1 ? Math.floor(r() * 5) : 0,
        author,
      });
    } else {
      items.push({ id: `t1_${i}`, type: 'comment', body: sentence(5 + Math.floor(r() * 60)), reports: r() < 0.1 ? Math.floor(r() * 5) : 0, author });
    }
  }
  return items;
}
