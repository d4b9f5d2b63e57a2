import type { Comment, Post, TriggerContext } from '@devvit/public-api';
import { escapeMarkdown, isRemoval, moderationVerdict, planEffects, type Decision, type ModerationState, type PlannedEffect } from '@creator-desk/core';
import { loadEnforcementConfig } from '../enforcement/config.js';
import { recordEscalation } from '../enforcement/escalation-record.js';
import { MODNOTE_MAX } from '../enforcement/mod-note.js';
import { conversationStartedSince } from '../enforcement/sent-conversation.js';
import { recordStrikeProposal } from '../enforcement/strike-record.js';
import type { Effect } from './effect-ledger.js';

/** The decisions core's `evaluate` returns, as far as the app needs them. */
export type DecisionLike = Pick<Decision, 'ruleIndex' | 'line' | 'name' | 'actions' | 'checksReports' | 'parentChecksReports'>;

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

/** The item's moderation state as core's `moderationVerdict` reads it. */
function moderationState(thing: Post | Comment): ModerationState {
  const removedBy = 'removedBy' in thing ? thing.removedBy : undefined;
  return { isRemoved: thing.removed, isApproved: thing.approved, ...(removedBy ? { removedBy } : {}) };
}

async function fetchThing(ctx: Ctx, t: EffectTarget): Promise<Post | Comment> {
  return t.kind === 'comment' ? ctx.reddit.getCommentById(t.thingId) : ctx.reddit.getPostById(t.postId);
}

/**
 * Turns matched decisions into effects: core's `planEffects` says which effects apply and in what
 * order (every rule's moderation action, none after a removal), and `moderationVerdict`,
 * asked when the action is performed, keeps it from contradicting a human moderator. This module
 * only reads Reddit and performs them.
 */
export function decisionEffects(ctx: Ctx, target: EffectTarget, decisions: readonly DecisionLike[]): Effect[] {
  const subredditName = ctx.subredditName ?? '';
  const appName = ctx.appName;
  // No moderation state here: it is read when the action runs, as a retry may come hours later.
  const plan = planEffects(decisions, { kind: target.kind, appName });
  const byRule = new Map(decisions.map((d) => [d.ruleIndex, d]));
  const effects: Effect[] = [];
  for (const planned of plan.effects) {
    const d = byRule.get(planned.ruleIndex);
    if (!d) continue;
    const effect = performEffect(ctx, target, d, planned, subredditName, appName);
    if (effect) effects.push(effect);
  }
  return effects;
}

/** Sets or clears one post flag a rule names; undefined when the rule does not name it. */
function postFlag(
  onPost: NonNullable<DecisionLike['actions']['parent_submission']>,
  flag: 'set_sticky' | 'set_locked' | 'set_nsfw' | 'set_spoiler',
): ((p: Post) => Promise<void>) | undefined {
  switch (flag) {
    case 'set_sticky': {
      const v = onPost.set_sticky;
      if (v === undefined) return undefined;
      return (p) => (v ? p.sticky(typeof v === 'number' ? (Math.min(4, Math.max(1, v)) as 1 | 2 | 3 | 4) : undefined) : p.unsticky());
    }
    case 'set_locked': {
      const v = onPost.set_locked;
      return v === undefined ? undefined : (p) => (v ? p.lock() : p.unlock());
    }
    case 'set_nsfw': {
      const v = onPost.set_nsfw;
      return v === undefined ? undefined : (p) => (v ? p.markAsNsfw() : p.unmarkAsNsfw());
    }
    case 'set_spoiler': {
      const v = onPost.set_spoiler;
      return v === undefined ? undefined : (p) => (v ? p.markAsSpoiler() : p.unmarkAsSpoiler());
    }
  }
}

/** The Reddit/Redis side of one planned effect. */
function performEffect(ctx: Ctx, target: EffectTarget, d: DecisionLike, planned: PlannedEffect, subredditName: string, appName: string): Effect | undefined {
  const a = d.actions;
  const key = planned.key;
  const k = (name: string) => `${d.ruleIndex}:${name}`;
  const onPost = target.kind === 'submission' ? a : a.parent_submission;
  switch (planned.kind) {
    case 'moderation':
    case 'parent-moderation': {
      const action = planned.action;
      if (!action) return undefined;
      const onItem = planned.kind === 'moderation';
      const reason = (onItem ? a.action_reason : a.parent_submission?.action_reason) ?? d.name ?? `rule at line ${d.line}`;
      const id = onItem ? target.thingId : target.postId;
      const fetch = () => (onItem ? fetchThing(ctx, target) : ctx.reddit.getPostById(target.postId));
      return {
        key,
        run: async () => {
          const thing = await fetch();
          const checksReports = (onItem ? d.checksReports : d.parentChecksReports) === true;
          const verdict = moderationVerdict(action, moderationState(thing), { appName, checksReports });
          if (!verdict.perform) return `skipped:${verdict.reason}`;
          if (isRemoval(action)) await ctx.reddit.remove(id, action === 'spam');
          else if (action === 'approve') await ctx.reddit.approve(id);
          else await ctx.reddit.report(thing, { reason: reason.slice(0, 100) });
          return action;
        },
        alreadyDone: async () => {
          const thing = await fetch();
          return isRemoval(action) ? thing.removed : action === 'approve' ? thing.approved : false;
        },
      };
    }
    case 'post-flair': {
      const flair = onPost?.set_flair;
      if (!flair) return undefined;
      return {
        key,
        run: async () => {
          if (onPost?.overwrite_flair !== true) {
            const p = await ctx.reddit.getPostById(target.postId);
            if (p.flair?.text || p.flair?.templateId) return 'skipped:has-flair';
          }
          await ctx.reddit.setPostFlair({ subredditName, postId: target.postId as `t3_${string}`, text: flair.text, cssClass: flair.css_class, flairTemplateId: flair.template_id });
        },
      };
    }
    case 'user-flair': {
      const flair = a.author?.set_flair;
      if (!flair) return undefined;
      const overwrite = a.author?.overwrite_flair;
      return {
        key,
        run: async () => {
          if (overwrite !== true) {
            const current = await ctx.reddit.getUserByUsername(target.authorName);
            const userFlair = current ? await current.getUserFlairBySubreddit(subredditName) : undefined;
            if (userFlair?.flairText) return 'skipped:has-flair';
          }
          await ctx.reddit.setUserFlair({ subredditName, username: target.authorName, text: flair.text, cssClass: flair.css_class, flairTemplateId: flair.template_id });
        },
      };
    }
    case 'set_sticky':
    case 'set_locked':
    case 'set_nsfw':
    case 'set_spoiler': {
      const apply = onPost ? postFlag(onPost, planned.kind) : undefined;
      if (!apply) return undefined;
      return { key, run: async () => apply(await ctx.reddit.getPostById(target.postId)) };
    }
    case 'comment': {
      const text = a.comment;
      if (!text) return undefined;
      return { key, run: async () => (await ctx.reddit.submitComment({ id: target.thingId as `t3_${string}`, text })).id };
    }
    case 'comment-distinguish':
      return {
        key,
        run: async (results) => {
          const id = results.get(k('comment'));
          if (!id) return 'skipped:no-comment';
          const c = await ctx.reddit.getCommentById(id);
          await c.distinguish(Boolean(a.comment_stickied) && target.kind === 'submission');
          if (a.comment_locked) await c.lock();
        },
      };
    case 'message': {
      const body = a.message;
      if (!body) return undefined;
      const subject = (a.message_subject ?? `About your ${target.kind === 'comment' ? 'comment' : 'post'} in r/${subredditName}`).slice(0, 100);
      return {
        key,
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
      };
    }
    case 'modmail': {
      const body = a.modmail;
      if (!body) return undefined;
      return {
        key,
        run: async () =>
          ctx.reddit.modMail.createModInboxConversation({
            subredditId: ctx.subredditId as `t5_${string}`,
            subject: (a.modmail_subject ?? `creator-desk: ${d.name ?? `rule at line ${d.line}`}`).slice(0, 100),
            bodyMarkdown: body,
          }),
      };
    }
    case 'modnote': {
      const note = a.add_modnote;
      if (!note) return undefined;
      return {
        key,
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
      };
    }
    case 'escalate': {
      const esc = a.escalate;
      if (!esc) return undefined;
      const rule = d.name ?? `rule at line ${d.line}`;
      return {
        key,
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
      };
    }
    case 'strike-proposal': {
      const strike = a.strike;
      if (!strike) return undefined;
      return {
        key,
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
      };
    }
  }
}
