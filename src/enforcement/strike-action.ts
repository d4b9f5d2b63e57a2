import type { Context, Form, FormKey, FormOnSubmitEvent, JSONObject, MenuItemOnPressEvent } from '@devvit/public-api';
import {
  describeEnforcement,
  describeLadder,
  describeStep,
  parseStrikeRequest,
  STRIKE_KINDS,
  STRIKE_STEPS,
  strikeMachine,
  strikeStatus,
  type StrikeLadderConfig,
  type StrikeState,
  type StrikeStep,
} from '@creator-desk/core';
import { requireModerator } from '../platform/require-moderator.js';
import { loadEnforcementConfig } from '../platform/settings.js';
import { scheduleNextDue } from '../platform/due/due-schedule.js';
import { loadEntity } from '../platform/records/event-store.js';
import { beginOperation, openOperation, retryMessage, runOperation } from '../platform/ledger/operation.js';
import { modNoteEffect } from '../platform/effects/mod-note.js';
import { pendingProposalOfItem, recordStrike, refreshStrikeCount, strikesOfUser } from '../platform/records/strike-record.js';
import { authorizeItemSubmission, loadTarget } from './target.js';
import { conversationStartedSince } from '../platform/effects/sent-conversation.js';
import { renderEnforcementTemplate } from '../platform/templates.js';
import { selectValue, textValue } from './form-values.js';
import { reportCorruptRecords } from '../platform/records/corrupt-records.js';

const ACTION = 'strike';


/** What the Strike form tells the moderator before confirming: the user's strikes and the next step. */
function strikePreview(user: string, strikes: readonly StrikeState[], ladder: StrikeLadderConfig, now: Date): string {
  const st = strikeStatus(strikes, now, ladder);
  const list = st.active.map((s) => `${s.createdAt.slice(0, 10)} ${s.kind}: ${s.reason}`.slice(0, 80)).join('; ');
  return (
    `u/${user} has ${st.active.length} active strike${st.active.length === 1 ? '' : 's'}${list ? ` (${list})` : ''}` +
    `${st.expired.length ? ` and ${st.expired.length} expired` : ''}. ` +
    `Confirming this strike applies ${describeStep(st.nextStep, 'no action')} (ladder: ${describeLadder(ladder)}; strikes expire after ${ladder.expiryDays} days).`
  );
}

/** The Strike form; `data.preview` lists the user's current strikes and what this one would do. */
export function strikeForm(data: { preview?: string; reason?: string }): Form {
  return {
    title: 'Strike (moderator decision)',
    description: data.preview ?? '',
    acceptLabel: 'Confirm strike',
    fields: [
      { type: 'select', name: 'kind', label: 'Kind', options: STRIKE_KINDS.map((k) => ({ label: k, value: k })), defaultValue: ['policy'], required: true },
      { type: 'string', name: 'reason', label: 'Reason (shown to the user)', required: true, ...(data.reason ? { defaultValue: data.reason } : {}) },
      {
        type: 'select',
        name: 'step',
        label: 'Step',
        options: STRIKE_STEPS.map((st) => ({ label: st.label, value: st.value })),
        defaultValue: ['ladder'],
      },
      { type: 'number', name: 'days', label: 'Ban days (only for "Temporary ban")' },
    ],
  };
}

/** Menu item: checks the caller, then opens the Strike form showing the author's current strikes. */
export function onStrikePressed(formKey: FormKey) {
  return async (event: MenuItemOnPressEvent, context: Context): Promise<void> => {
    const auth = await requireModerator(context, ['access']);
    if (!auth.ok) return context.ui.showToast(auth.message);
    const now = new Date();
    const config = await loadEnforcementConfig(context.settings, now);
    const target = await loadTarget(context, event.targetId);
    await openOperation(context.redis, ACTION, event.targetId);
    const proposal = await pendingProposalOfItem(context.redis, event.targetId);
    const preview =
      strikePreview(target.authorName, await strikesOfUser(context.redis, target.authorName), config.ladder, now) +
      (proposal ? ` A rule proposed a strike for this item (${proposal.reason.slice(0, 80)}): confirming records that proposal (kind ${proposal.kind}).` : '');
    context.ui.showForm(formKey, { preview, ...(proposal ? { reason: proposal.reason } : {}) } as unknown as JSONObject);
  };
}

interface StrikeValues {
  kind: string;
  reason: string;
  step: StrikeStep;
  days?: number;
  /** A rule's pending proposal for the item, confirmed by this submission instead of a new strike. */
  proposalId?: string;
}

/** Form submission: records the confirmed strike, performs its step (warning or ban, from templates), mod note. */
export async function onStrikeSubmit(event: FormOnSubmitEvent<JSONObject>, context: Context): Promise<void> {
  const allowed = await authorizeItemSubmission(context, ['access']);
  if (!allowed) return;
  const { username, thingId } = allowed;
  const config = await loadEnforcementConfig(context.settings, new Date());
  const request = parseStrikeRequest({
    kind: selectValue(event.values.kind),
    reason: textValue(event.values.reason),
    step: selectValue(event.values.step),
    ...(typeof event.values.days === 'number' ? { days: event.values.days } : {}),
  });
  if (!request.ok) return context.ui.showToast(`creator-desk: ${request.error}; nothing was done.`);
  const { kind, reason, step, days } = request.value;
  const proposal = await pendingProposalOfItem(context.redis, thingId);
  const op = await beginOperation<StrikeValues>(context.redis, ACTION, thingId, username, {
    kind: proposal?.kind ?? kind,
    reason,
    step,
    ...(days !== undefined ? { days } : {}),
    ...(proposal ? { proposalId: proposal.id } : {}),
  });
  if (op.complete) return context.ui.showToast('creator-desk: this strike was already recorded.');
  const v = op.values;
  const subredditName = context.subredditName ?? '';
  const strikeId = v.proposalId ?? `strike-${op.opId}`;
  const warningSubject = `Warning from the moderators of r/${subredditName}`.slice(0, 100);
  try {
    const target = await loadTarget(context, thingId);
    const user = target.authorName;
    const loadStrike = async (): Promise<StrikeState> => {
      const s = await loadEntity(context.redis, strikeMachine, strikeId);
      if (!s) throw new Error(`strike ${strikeId} is not recorded`);
      return s;
    };
    const vars = async (s: StrikeState) => {
      const standing = strikeStatus(await strikesOfUser(context.redis, user), new Date(op.at), config.ladder);
      const e = s.enforcement;
      return {
        author: user,
        subreddit: subredditName,
        reason: v.reason,
        strikes: standing.active.length,
        ban: describeEnforcement(e).ban,
        ladder: describeLadder(config.ladder),
        expiry_days: config.ladder.expiryDays,
        permalink: target.permalink,
      };
    };
    const outcome = await runOperation(context.redis, op.opId, [
      {
        key: 'strike',
        run: async () => {
          const r = await recordStrike(context.redis, {
            id: strikeId,
            user,
            kind: v.kind,
            reason: v.reason,
            source: thingId,
            actor: op.actor,
            at: op.at,
            ...(v.step !== 'ladder' ? { action: v.step } : {}),
            ...(v.days !== undefined && v.step === 'temp_ban' ? { durationDays: v.days } : {}),
            ladder: config.ladder,
          });
          if (!r.ok) throw new Error(r.message);
        },
      },
      {
        key: 'enforce',
        run: async () => {
          const s = await loadStrike();
          const e = s.enforcement;
          if (!e || e.action === 'none') return;
          if (e.action === 'warn') {
            await context.reddit.modMail.createConversation({
              subredditName,
              to: user,
              subject: warningSubject,
              body: renderEnforcementTemplate(config.templates.warning, await vars(s)),
              isAuthorHidden: true,
            });
            return;
          }
          await context.reddit.banUser({
            subredditName,
            username: user,
            ...(e.action === 'temp_ban' ? { duration: e.durationDays } : {}),
            reason: `${v.kind}: ${v.reason}`.slice(0, 100),
            message: renderEnforcementTemplate(config.templates.ban, await vars(s)),
            note: `strike by u/${op.actor}`.slice(0, 100),
            context: thingId,
          });
        },
        alreadyDone: async () => {
          const s = await loadStrike();
          if (s.enforcement?.action === 'warn') return conversationStartedSince(context.reddit, subredditName, user, warningSubject, op.at);
          if (s.enforcement?.action !== 'temp_ban' && s.enforcement?.action !== 'perm_ban') return false;
          const banned = await context.reddit.getBannedUsers({ subredditName, username: user }).all();
          return banned.some((b) => b.username.toLowerCase() === user.toLowerCase());
        },
      },
      modNoteEffect(context, user, thingId, async () => {
        const w = describeEnforcement((await loadStrike()).enforcement);
        return { note: `Strike (${v.kind}, ${w.note}) by u/${op.actor}: ${v.reason}`, label: w.noteLabel };
      }),
      {
        key: 'count',
        run: async () => {
          await refreshStrikeCount(context.redis, user, config.ladder, new Date());
          await scheduleNextDue(context.redis, context.scheduler);
        },
      },
    ]);
    await reportCorruptRecords(context);
    const what = describeEnforcement((await loadStrike()).enforcement).outcome;
    context.ui.showToast(`creator-desk: strike against u/${user} ${outcome.performed.length ? '' : 'already '}${what}.`);
  } catch (e) {
    context.ui.showToast(retryMessage(e));
  }
}
