import type { Comment, Post, TriggerContext } from '@devvit/public-api';
import { escapeMarkdown, type Decision } from '@creator-desk/core';
import { loadEnforcementConfig } from '../enforcement/config.js';
import { recordEscalation } from '../enforcement/escalation-record.js';
import { MODNOTE_MAX } from '../enforcement/mod-note.js';
import { conversationStartedSince } from '../enforcement/sent-conversation.js';
import { recordStrikeProposal } from '../enforcement/strike-record.js';
import type { Effect } from './effect-ledger.js';

/** The decisions core's `evaluate` returns, as far as the app needs them. */
export type DecisionLike = Pick<Decision, 'ruleIndex' | 'line' | 'name' | 'actions'>;

/** The item a rule's effects act on. */
export interface EffectTarget {
  /** `t3_…` or `t1_…`. */
  thingId: string;
  /** The post itself, or the comment's post (post-level actions such as lock apply there). */
  postId: string;
  authorName: string;
  kind: 'submission' | 'comment';
}

type Ctx = Pick<TriggerContext, 'reddit' | 'redis' | 'settings' | 'subredditName' | 'subredditId' | 'appName'>;

/** The kind of a strike a rule proposes (a rule's `strike:` names only the reason). */
const RULE_STRIKE_KIND = 'policy';

const REMOVALS = new Set(['remove', 'spam', 'filter']);

/** Whether a removal was done by a human moderator (not this app, AutoModerator or Reddit's filters). */
function removedByHuman(thing: Post | Comment, appName: string): boolean {
  if (!thing.removed) return false;
  // Comments do not expose who removed them: assume a human, never overrule one.
  const by = 'removedBy' in thing ? thing.removedBy : undefined;
  if (!by) return true;
  const a = by.toLowerCase();
  return a !== appName.toLowerCase() && a !== 'automoderator';
}

async function fetchThing(ctx: Ctx, t: EffectTarget): Promise<Post | Comment> {
  return t.kind === 'comment' ? ctx.reddit.getCommentById(t.thingId) : ctx.reddit.getPostById(t.postId);
}

/**
 * Turns matched decisions into effects, in AutoModerator's spirit: the first rule with an
 * `action` decides the moderation action; other actions of every matching rule are all applied.
 * Effects never contradict a human moderator: no removal of an item a human approved, no approval
 * of an item a human removed.
 */
export function decisionEffects(ctx: Ctx, target: EffectTarget, decisions: readonly DecisionLike[]): Effect[] {
  const effects: Effect[] = [];
  const subredditName = ctx.subredditName ?? '';
  const appName = ctx.appName;
  const moderation = decisions.find((d) => d.actions.action);
  if (moderation?.actions.action) {
    const action = moderation.actions.action;
    const reason = moderation.actions.action_reason ?? moderation.name ?? `rule at line ${moderation.line}`;
    effects.push({
      key: `${moderation.ruleIndex}:${action}`,
      run: async () => {
        const thing = await fetchThing(ctx, target);
        if (REMOVALS.has(action)) {
          // The app never approves and then removes, so an approved item was approved by a moderator.
          if (thing.approved) return 'skipped:approved-by-moderator';
          await ctx.reddit.remove(target.thingId, action === 'spam');
          return action;
        }
        if (action === 'approve') {
          if (removedByHuman(thing, appName)) return 'skipped:removed-by-moderator';
          await ctx.reddit.approve(target.thingId);
          return action;
        }
        await ctx.reddit.report(thing, { reason: reason.slice(0, 100) });
        return action;
      },
      alreadyDone: async () => {
        const thing = await fetchThing(ctx, target);
        return REMOVALS.has(action) ? thing.removed : action === 'approve' ? thing.approved : false;
      },
    });
  }
  for (const d of decisions) {
    const a = d.actions;
    const k = (name: string) => `${d.ruleIndex}:${name}`;
    const onPost = target.kind === 'submission' ? a : a.parent_submission;
    if (target.kind === 'submission' && a.set_flair) {
      const flair = a.set_flair;
      effects.push({
        key: k('post-flair'),
        run: async () => {
          if (a.overwrite_flair === false) {
            const p = await ctx.reddit.getPostById(target.postId);
            if (p.flair?.text || p.flair?.templateId) return 'skipped:has-flair';
          }
          await ctx.reddit.setPostFlair({ subredditName, postId: target.postId as `t3_${string}`, text: flair.text, cssClass: flair.css_class, flairTemplateId: flair.template_id });
        },
      });
    }
    if (a.author?.set_flair) {
      const flair = a.author.set_flair;
      const overwrite = a.author.overwrite_flair;
      effects.push({
        key: k('user-flair'),
        run: async () => {
          if (overwrite === false) {
            const current = await ctx.reddit.getUserByUsername(target.authorName);
            const userFlair = current ? await current.getUserFlairBySubreddit(subredditName) : undefined;
            if (userFlair?.flairText) return 'skipped:has-flair';
          }
          await ctx.reddit.setUserFlair({ subredditName, username: target.authorName, text: flair.text, cssClass: flair.css_class, flairTemplateId: flair.template_id });
        },
      });
    }
    if (onPost) {
      const postFlags: [keyof typeof onPost, (p: Post) => Promise<void>][] = [];
      if (onPost.set_sticky !== undefined) postFlags.push(['set_sticky', (p) => (onPost.set_sticky ? p.sticky(typeof onPost.set_sticky === 'number' ? (Math.min(4, Math.max(1, onPost.set_sticky)) as 1 | 2 | 3 | 4) : undefined) : p.unsticky())]);
      if (onPost.set_locked !== undefined) postFlags.push(['set_locked', (p) => (onPost.set_locked ? p.lock() : p.unlock())]);
      if (onPost.set_nsfw !== undefined) postFlags.push(['set_nsfw', (p) => (onPost.set_nsfw ? p.markAsNsfw() : p.unmarkAsNsfw())]);
      if (onPost.set_spoiler !== undefined) postFlags.push(['set_spoiler', (p) => (onPost.set_spoiler ? p.markAsSpoiler() : p.unmarkAsSpoiler())]);
      for (const [flag, apply] of postFlags) {
        effects.push({ key: k(String(flag)), run: async () => apply(await ctx.reddit.getPostById(target.postId)) });
      }
    }
    if (a.comment) {
      const text = a.comment;
      effects.push({
        key: k('comment'),
        run: async () => (await ctx.reddit.submitComment({ id: target.thingId as `t3_${string}`, text })).id,
      });
      effects.push({
        key: k('comment-distinguish'),
        run: async (results) => {
          const id = results.get(k('comment'));
          if (!id) return 'skipped:no-comment';
          const c = await ctx.reddit.getCommentById(id);
          await c.distinguish(Boolean(a.comment_stickied) && target.kind === 'submission');
          if (a.comment_locked) await c.lock();
        },
      });
    }
    if (a.message) {
      const body = a.message;
      const subject = (a.message_subject ?? `About your ${target.kind === 'comment' ? 'comment' : 'post'} in r/${subredditName}`).slice(0, 100);
      effects.push({
        key: k('message'),
        alreadyDone: ({ since }) => conversationStartedSince(ctx.reddit, subredditName, target.authorName, subject, since),
        run: async () => {
          const r = await ctx.reddit.modMail.createConversation({
            subredditName,
            to: target.authorName,
            subject,
            body,
            isAuthorHidden: true,
          });
          return r.conversation.id;
        },
      });
    }
    if (a.modmail) {
      const body = a.modmail;
      effects.push({
        key: k('modmail'),
        run: async () =>
          ctx.reddit.modMail.createModInboxConversation({
            subredditId: ctx.subredditId as `t5_${string}`,
            subject: (a.modmail_subject ?? `creator-desk: ${d.name ?? `rule at line ${d.line}`}`).slice(0, 100),
            bodyMarkdown: body,
          }),
      });
    }
    if (a.add_modnote) {
      const note = a.add_modnote;
      effects.push({
        key: k('modnote'),
        run: async () => {
          await ctx.reddit.addModNote({
            subreddit: subredditName,
            user: target.authorName,
            note: note.note.slice(0, MODNOTE_MAX),
            label: note.label as never,
            redditId: target.thingId as `t3_${string}`,
          });
        },
        alreadyDone: async () => {
          const notes = await ctx.reddit.getModNotes({ subreddit: subredditName, user: target.authorName, filter: 'NOTE', limit: 25 }).all();
          return notes.some((n) => n.userNote?.redditId === target.thingId && n.userNote?.note === note.note.slice(0, MODNOTE_MAX));
        },
      });
    }
    if (a.escalate) {
      const esc = a.escalate;
      const rule = d.name ?? `rule at line ${d.line}`;
      effects.push({
        key: k('escalate'),
        run: async () => {
          // The same record the mod-menu actions write (core escalation machine), so the queues and
          // the modmail summary read one layout. One escalation per item and team, whatever rule or edit.
          const config = await loadEnforcementConfig(ctx.settings, new Date());
          const r = await recordEscalation(ctx.redis, {
            id: `esc-rule-${target.thingId}-${esc.team.trim().toLowerCase()}`,
            itemId: target.thingId,
            user: target.authorName,
            source: `rule:${d.line}`,
            team: esc.team,
            reason: esc.reason?.trim() || rule,
            actor: appName,
            role: 'system',
            at: new Date().toISOString(),
            config: config.escalation,
          });
          if (r.ok) return r.state.id;
          // Nothing was recorded (e.g. a team the settings do not list): tell the mods rather than drop it.
          await ctx.reddit.modMail.createModInboxConversation({
            subredditId: ctx.subredditId as `t5_${string}`,
            subject: `creator-desk: escalation not recorded (${rule})`.slice(0, 100),
            bodyMarkdown: `The rules page asked to escalate ${target.thingId} by u/${escapeMarkdown(target.authorName)}, but ${escapeMarkdown(r.message, { maxLength: 300 })}. Fix the rule's \`escalate: team\` or the escalation teams setting.`,
          });
          return `refused:${r.message}`.slice(0, 200);
        },
      });
    }
    if (a.strike) {
      const strike = a.strike;
      effects.push({
        key: k('strike-proposal'),
        run: async () =>
          // Only proposed, in the enforcement strike store: a moderator confirms it with the Strike
          // menu on the item (bans are never automatic).
          (
            await recordStrikeProposal(ctx.redis, {
              id: `strike-rule-${target.thingId}`,
              user: target.authorName,
              kind: RULE_STRIKE_KIND,
              reason: strike.reason,
              itemId: target.thingId,
              source: `rule:${d.line}`,
              actor: appName,
              at: new Date().toISOString(),
            })
          ).id,
      });
    }
  }
  return effects;
}
