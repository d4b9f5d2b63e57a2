import type { Comment, Post, TriggerContext } from '@devvit/public-api';
import { escapeMarkdown, isRemoval, RULE_STRIKE_KIND, moderationVerdict, planEffects, type Decision, type PlannedEffect } from '@creator-desk/core';
import { loadEnforcementConfig } from '../platform/settings.js';
import { recordEscalation } from '../platform/records/escalation-record.js';
import { MODNOTE_MAX } from '../platform/effects/mod-note.js';
import { appCommentSince, modInboxNoticeSince, reportedByApp } from '../platform/effects/reddit-checks.js';
import { conversationStartedSince } from '../platform/effects/sent-conversation.js';
import { recordStrikeProposal } from '../platform/records/strike-record.js';
import type { Effect } from '../platform/ledger/effect-ledger.js';
import { filterNoticeEffects } from './filtered-items.js';
import { readModerationState } from './moderation-state.js';

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


async function fetchThing(ctx: Ctx, t: EffectTarget): Promise<Post | Comment> {
  return t.kind === 'comment' ? ctx.reddit.getCommentById(t.thingId) : ctx.reddit.getPostById(t.postId);
}

/** Ledger results of a moderation effect a moderator's decision vetoed when it ran. */
const VETOED = new Set(['skipped:approved-by-moderator', 'skipped:removed-by-moderator']);

/**
 * Turns matched decisions into effects: core's `planEffects` says which effects apply and in what
 * order (the first rule with an `action` decides the moderation action) and, from the item's
 * moderation state read now, vetoes the whole rule a human moderator overruled. The state is asked
 * again when the action runs (a retry may come hours later); a veto then also skips the rest of
 * that rule. This module only reads Reddit and performs the plan.
 */
export async function decisionEffects(ctx: Ctx, target: EffectTarget, decisions: readonly DecisionLike[]): Promise<Effect[]> {
  const subredditName = ctx.subredditName ?? '';
  const appName = ctx.appName;
  // Only a moderation action can contradict a moderator: no read when no rule has one.
  const deciding = decisions.find((d) => d.actions.action !== undefined)?.actions.action;
  const state = deciding ? await readModerationState(ctx, await fetchThing(ctx, target), deciding) : undefined;
  const plan = planEffects(decisions, { kind: target.kind, appName, ...(state ? { state } : {}) });
  const byRule = new Map(decisions.map((d) => [d.ruleIndex, d]));
  const moderationKeyOf = new Map(plan.effects.filter((e) => e.kind === 'moderation').map((e) => [e.ruleIndex, e.key]));
  const effects: Effect[] = [];
  for (const planned of plan.effects) {
    const d = byRule.get(planned.ruleIndex);
    if (!d) continue;
    const performed = performEffect(ctx, target, d, planned, subredditName, appName);
    const modKey = moderationKeyOf.get(planned.ruleIndex);
    for (const effect of performed === undefined ? [] : Array.isArray(performed) ? performed : [performed]) {
      if (planned.kind === 'moderation' || modKey === undefined) {
        effects.push(effect);
        continue;
      }
      // A moderator who acted between planning and performing vetoes the rest of the rule too.
      effects.push({
        ...effect,
        needs: [...(effect.needs ?? []), modKey],
        run: async (results) => (VETOED.has(results.get(modKey) ?? '') ? (results.get(modKey) as string) : effect.run(results)),
      });
    }
  }
  return effects;
}

/** A post flag a rule sets or clears, and whether the post already shows it (the take-over check). */
interface PostFlag {
  apply: (p: Post) => Promise<void>;
  holds: (p: Post) => boolean;
}

/** Sets or clears one post flag a rule names; undefined when the rule does not name it. */
function postFlag(
  onPost: NonNullable<DecisionLike['actions']['parent_submission']>,
  flag: 'set_sticky' | 'set_locked' | 'set_nsfw' | 'set_spoiler',
): PostFlag | undefined {
  switch (flag) {
    case 'set_sticky': {
      const v = onPost.set_sticky;
      if (v === undefined) return undefined;
      return {
        apply: (p) => (v ? p.sticky(typeof v === 'number' ? (Math.min(4, Math.max(1, v)) as 1 | 2 | 3 | 4) : undefined) : p.unsticky()),
        holds: (p) => p.stickied === Boolean(v),
      };
    }
    case 'set_locked': {
      const v = onPost.set_locked;
      return v === undefined ? undefined : { apply: (p) => (v ? p.lock() : p.unlock()), holds: (p) => p.locked === v };
    }
    case 'set_nsfw': {
      const v = onPost.set_nsfw;
      return v === undefined ? undefined : { apply: (p) => (v ? p.markAsNsfw() : p.unmarkAsNsfw()), holds: (p) => p.nsfw === v };
    }
    case 'set_spoiler': {
      const v = onPost.set_spoiler;
      return v === undefined ? undefined : { apply: (p) => (v ? p.markAsSpoiler() : p.unmarkAsSpoiler()), holds: (p) => p.spoiler === v };
    }
  }
}

/** The Reddit/Redis side of one planned effect (a filter notice is two ledger steps). */
function performEffect(ctx: Ctx, target: EffectTarget, d: DecisionLike, planned: PlannedEffect, subredditName: string, appName: string): Effect | Effect[] | undefined {
  const a = d.actions;
  const key = planned.key;
  const k = (name: string) => `${d.ruleIndex}:${name}`;
  const onPost = target.kind === 'submission' ? a : a.parent_submission;
  switch (planned.kind) {
    case 'moderation': {
      const action = planned.action;
      if (!action) return undefined;
      const reason = (a.action_reason ?? d.name ?? `rule at line ${d.line}`).slice(0, 100);
      return {
        key,
        run: async () => {
          const thing = await fetchThing(ctx, target);
          const verdict = moderationVerdict(action, await readModerationState(ctx, thing, action), { appName });
          if (!verdict.perform) return `skipped:${verdict.reason}`;
          if (isRemoval(action)) await ctx.reddit.remove(target.thingId, action === 'spam');
          else if (action === 'approve') await ctx.reddit.approve(target.thingId);
          else await ctx.reddit.report(thing, { reason });
          return action;
        },
        alreadyDone: async () => {
          const thing = await fetchThing(ctx, target);
          return isRemoval(action) ? thing.removed : action === 'approve' ? thing.approved : reportedByApp(thing, appName, reason);
        },
      };
    }
    case 'filter-notice': {
      const rule = `line ${d.line}${d.name ? ` (${d.name})` : ''}`;
      const reason = a.action_reason ?? d.name ?? 'filtered by a rule';
      const filtered = (results: ReadonlyMap<string, string>) => results.get(k(a.action ?? 'filter')) === 'filter';
      // Only after the filter itself was performed (not when a moderator's decision skipped it).
      return filterNoticeEffects(ctx, key, { thingId: target.thingId, author: target.authorName, kind: target.kind, rule, reason }, () => fetchThing(ctx, target)).map((e) => ({
        ...e,
        run: async (results: ReadonlyMap<string, string>) => (filtered(results) ? e.run(results) : 'skipped:not-filtered'),
      }));
    }
    case 'post-flair': {
      const flair = a.set_flair;
      if (!flair) return undefined;
      return {
        key,
        run: async () => {
          if (a.overwrite_flair === false) {
            const p = await ctx.reddit.getPostById(target.postId);
            if (p.flair?.text || p.flair?.templateId) return 'skipped:has-flair';
          }
          await ctx.reddit.setPostFlair({ subredditName, postId: target.postId as `t3_${string}`, text: flair.text, cssClass: flair.css_class, flairTemplateId: flair.template_id });
        },
        alreadyDone: async () => {
          const f = (await ctx.reddit.getPostById(target.postId)).flair;
          return flair.template_id ? f?.templateId === flair.template_id : flair.text !== undefined && f?.text === flair.text;
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
          if (overwrite === false) {
            const current = await ctx.reddit.getUserByUsername(target.authorName);
            const userFlair = current ? await current.getUserFlairBySubreddit(subredditName) : undefined;
            if (userFlair?.flairText) return 'skipped:has-flair';
          }
          await ctx.reddit.setUserFlair({ subredditName, username: target.authorName, text: flair.text, cssClass: flair.css_class, flairTemplateId: flair.template_id });
        },
        alreadyDone: async () => {
          const user = await ctx.reddit.getUserByUsername(target.authorName);
          const f = user ? await user.getUserFlairBySubreddit(subredditName) : undefined;
          // Without a text to compare (template only) the flair is set again, which changes nothing.
          return flair.text !== undefined && f?.flairText === flair.text;
        },
      };
    }
    case 'set_sticky':
    case 'set_locked':
    case 'set_nsfw':
    case 'set_spoiler': {
      const flag = onPost ? postFlag(onPost, planned.kind) : undefined;
      if (!flag) return undefined;
      return {
        key,
        run: async () => flag.apply(await ctx.reddit.getPostById(target.postId)),
        alreadyDone: async () => flag.holds(await ctx.reddit.getPostById(target.postId)),
      };
    }
    case 'comment': {
      const text = a.comment;
      if (!text) return undefined;
      return {
        key,
        run: async () => (await ctx.reddit.submitComment({ id: target.thingId as `t3_${string}`, text })).id,
        alreadyDone: async ({ since }) => (await appCommentSince(ctx.reddit, appName, target.thingId, text, since)) ?? false,
      };
    }
    case 'comment-distinguish':
      return {
        key,
        needs: [k('comment')],
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
      const subject = (a.modmail_subject ?? `creator-desk: ${d.name ?? `rule at line ${d.line}`}`).slice(0, 100);
      return {
        key,
        run: async () => ctx.reddit.modMail.createModInboxConversation({ subredditId: ctx.subredditId as `t5_${string}`, subject, bodyMarkdown: body }),
        alreadyDone: ({ since }) => modInboxNoticeSince(ctx.reddit, subredditName, appName, subject, since),
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
      const refusedSubject = `creator-desk: escalation not recorded (${rule})`.slice(0, 100);
      return {
        key,
        // Recording is idempotent; only the refusal notice could repeat, so that is what is looked for.
        alreadyDone: ({ since }) => modInboxNoticeSince(ctx.reddit, subredditName, appName, refusedSubject, since),
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
            subject: refusedSubject,
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
