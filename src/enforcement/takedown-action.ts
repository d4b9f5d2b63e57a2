import type { Context, Form, FormKey, FormOnSubmitEvent, JSONObject, MenuItemOnPressEvent } from '@devvit/public-api';
import { escapeMarkdown, openTakedownCase, openTerminationReview, parseNoticeContact, terminationReviewMachine, validateTakedownNotice, type TakedownNotice } from '@creator-desk/core';
import { appendToLog } from '../platform/records/event-store.js';
import { requireModerator } from '../platform/require-moderator.js';
import { loadEnforcementConfig } from '../platform/settings.js';
import { scheduleNextDue } from '../platform/due/due-schedule.js';
import { beginOperation, openOperation, retryMessage, runOperation } from '../platform/ledger/operation.js';
import { modNoteEffect } from '../platform/effects/mod-note.js';
import { recordStrike, refreshStrikeCount } from '../platform/records/strike-record.js';
import { applyToCase, loadCase, must, recordCaseOpened } from '../platform/records/takedown-record.js';
import { authorizeItemSubmission, loadTarget, type Target } from './target.js';
import { conversationStartedSince } from '../platform/effects/sent-conversation.js';
import { renderEnforcementTemplate } from '../platform/templates.js';
import { textValue } from './form-values.js';
import { recordModeratorDecision } from '../platform/records/moderator-decision.js';
import { modInboxNoticeSince } from '../platform/effects/reddit-checks.js';
import { reportCorruptRecords } from '../platform/records/corrupt-records.js';

const ACTION = 'takedown';

/** The Copyright takedown form: the notice's six §512(c)(3)(A) elements as the coordinator received them. */
export const takedownForm: Form = {
  title: 'Copyright takedown (17 U.S.C. §512)',
  description: 'Removes the item, notifies the uploader by modmail, opens a takedown case and records a repeat-infringer strike (no ban).',
  acceptLabel: 'Take down',
  fields: [
    { type: 'string', name: 'reference', label: 'Notice reference (ticket number; quoted to the uploader)', required: true },
    { type: 'string', name: 'complainant', label: 'Complainant name', required: true },
    { type: 'string', name: 'contact', label: 'Complainant email, address or phone', required: true },
    { type: 'paragraph', name: 'work', label: 'Copyrighted work identified in the notice', required: true },
    { type: 'string', name: 'signature', label: 'Signature on the notice', required: true },
    { type: 'boolean', name: 'goodFaith', label: 'The notice states a good-faith belief that the use is not authorized', defaultValue: false },
    { type: 'boolean', name: 'accuracy', label: 'The notice states, under penalty of perjury, that it is accurate and the sender is authorized', defaultValue: false },
  ],
};

/** Menu item: checks the caller is a moderator, then opens the takedown form. */
export function onTakedownPressed(formKey: FormKey) {
  return async (event: MenuItemOnPressEvent, context: Context): Promise<void> => {
    const auth = await requireModerator(context, ['posts']);
    if (!auth.ok) return context.ui.showToast(auth.message);
    await openOperation(context.redis, ACTION, event.targetId);
    context.ui.showForm(formKey);
  };
}

/** The notice as core's schema expects it; the infringing material is the item itself. */
function noticeFromForm(values: JSONObject, target: Pick<Target, 'permalink'>): unknown {
  const channel = parseNoticeContact(textValue(values.contact));
  return {
    reference: textValue(values.reference),
    signature: textValue(values.signature),
    copyrightedWork: textValue(values.work),
    infringingMaterial: { locations: [target.permalink] },
    contact: { name: textValue(values.complainant), ...channel },
    ...(values.goodFaith === true ? { goodFaithStatement: true } : {}),
    ...(values.accuracy === true ? { accuracyStatement: true } : {}),
  };
}

/**
 * Form submission: validates the notice (missing elements are named, nothing is done), then —
 * each exactly once — opens the case, removes the item, notifies the uploader, records a
 * copyright strike (counted by the repeat-infringer policy; never a ban) and a mod note.
 */
export async function onTakedownSubmit(event: FormOnSubmitEvent<JSONObject>, context: Context): Promise<void> {
  const allowed = await authorizeItemSubmission(context, ['posts']);
  if (!allowed) return;
  const { username, thingId } = allowed;
  const target = await loadTarget(context, thingId);
  const checked = validateTakedownNotice(noticeFromForm(event.values, target));
  if (!checked.ok) return context.ui.showToast(`creator-desk: not a valid notice, nothing was done — ${checked.message}`.slice(0, 280));
  const op = await beginOperation<{ notice: TakedownNotice }>(context.redis, ACTION, thingId, username, { notice: checked.value });
  if (op.complete) return context.ui.showToast('creator-desk: this takedown was already done.');
  const config = await loadEnforcementConfig(context.settings, new Date());
  const subredditName = context.subredditName ?? '';
  const notice = op.values.notice;
  const caseId = `td-${thingId}-${Date.parse(op.at).toString(36)}`;
  const ctx = { at: op.at, actor: op.actor, role: 'moderator' as const };
  const user = target.authorName;
  const noticeSubject = `Copyright notice ${notice.reference}`.slice(0, 100);
  try {
    await runOperation(context.redis, op.opId, [
      {
        key: 'case',
        run: async () => {
          if (await loadCase(context.redis, caseId)) return;
          const opened = openTakedownCase({ id: caseId, itemId: thingId, uploader: user, notice, noticeReceivedAt: op.at }, ctx);
          if (!opened.ok) throw new Error(opened.error.message);
          await recordCaseOpened(context.redis, opened.audit, opened.state);
        },
      },
      {
        key: 'remove',
        run: async () => {
          await recordModeratorDecision(context.redis, thingId, 'remove', op.actor, op.at);
          await context.reddit.remove(thingId, false);
        },
        alreadyDone: async () => (await loadTarget(context, thingId)).removed,
      },
      { key: 'disabled', run: async () => must(await applyToCase(context.redis, caseId, { type: 'disable' }, ctx)) },
      {
        key: 'notify',
        alreadyDone: () => conversationStartedSince(context.reddit, subredditName, user, noticeSubject, op.at),
        run: async () => {
          const body = renderEnforcementTemplate(config.templates.takedown, {
            author: user,
            subreddit: subredditName,
            kind: target.kind,
            reference: notice.reference,
            work: notice.copyrightedWork,
            permalink: target.permalink,
          });
          const r = await context.reddit.modMail.createConversation({
            subredditName,
            to: user,
            subject: noticeSubject,
            body,
            isAuthorHidden: true,
          });
          return r.conversation.id ?? '';
        },
      },
      { key: 'notified', run: async () => must(await applyToCase(context.redis, caseId, { type: 'notify_uploader' }, ctx)) },
      {
        key: 'strike',
        run: async () => {
          const r = await recordStrike(context.redis, {
            id: `strike-${op.opId}`,
            user,
            kind: 'copyright',
            reason: `copyright notice ${notice.reference}`,
            source: caseId,
            actor: op.actor,
            at: op.at,
            // Counted by the ladder and the repeat-infringer policy; any ban is a separate moderator decision.
            action: 'none',
            ladder: config.ladder,
          });
          if (!r.ok) throw new Error(r.message);
        },
      },
      {
        key: 'repeat-infringer',
        alreadyDone: ({ since }) => modInboxNoticeSince(context.reddit, subredditName, context.appName, (s) => s.startsWith(`Repeat infringer: u/${user} (`), since),
        run: async () => {
          const standing = await refreshStrikeCount(context.redis, user, config.ladder, new Date());
          const ri = standing.repeatInfringer;
          if (!ri.terminationReviewDue) return;
          // §512(i): a human reviews termination; the review is recorded (core machine) for the queues.
          const review = openTerminationReview(user, standing, ctx);
          if (review.ok) {
            await appendToLog(context.redis, terminationReviewMachine.name, review.state.id, (events) => ({ append: events.length === 0 ? [review.audit] : [], result: undefined }));
          }
          await context.reddit.modMail.createModInboxConversation({
            subredditId: context.subredditId as `t5_${string}`,
            subject: `Repeat infringer: u/${user} (${ri.count} copyright strikes)`.slice(0, 100),
            bodyMarkdown:
              `u/${escapeMarkdown(user)} has ${ri.count} copyright strikes within the policy window (threshold ${ri.threshold}). ` +
              'A moderator should review whether to terminate (ban) the account; creator-desk never bans on its own.',
          });
        },
      },
      modNoteEffect(context, user, thingId, () => ({ note: `Copyright takedown ${notice.reference} (case ${caseId}) by u/${op.actor}`, label: 'ABUSE_WARNING' })),
      { key: 'schedule', run: async () => void (await scheduleNextDue(context.redis, context.scheduler)) },
    ]);
    await reportCorruptRecords(context);
    context.ui.showToast(`creator-desk: taken down; u/${user} notified; case ${caseId} opened (notice ${notice.reference}).`.slice(0, 280));
  } catch (e) {
    context.ui.showToast(retryMessage(e));
  }
}
