import type { Context, Form, FormKey, FormOnSubmitEvent, JSONObject } from '@devvit/public-api';
import { escapeMarkdown, parseDateInput, validateCounterNotice, type CounterNotice } from '@creator-desk/core';
import { requireModerator } from '../platform/require-moderator.js';
import { loadEnforcementConfig } from '../platform/settings.js';
import { scheduleNextDue } from '../platform/due/due-schedule.js';
import { beginKeyedOperation, retryMessage, runOperation } from '../platform/ledger/operation.js';
import { applyToCase, casesAwaitingCounterNotice, loadCase, must } from '../platform/records/takedown-record.js';
import { formatInZone } from './format-time.js';
import { selectValue, textValue } from './form-values.js';
import { modInboxNoticeSince } from '../platform/effects/reddit-checks.js';
import { reportCorruptRecords } from '../platform/records/corrupt-records.js';

/** The subject of the mod-inbox notice that a counter-notice was recorded (its take-over check looks for it). */
const inboxSubject = (reference: string): string => `Takedown ${reference}: counter-notice recorded`.slice(0, 100);

/** The counter-notice form: which case, and the §512(g)(3) elements as received. */
export function counterNoticeForm(data: { cases?: { label: string; value: string }[] }): Form {
  const cases = data.cases ?? [];
  return {
    title: 'Record a counter-notice (17 U.S.C. §512(g))',
    description: 'The restore window (10–14 business days after receipt) is computed on the subreddit’s business calendar.',
    acceptLabel: 'Record',
    fields: [
      { type: 'select', name: 'case', label: 'Takedown case', options: cases, required: true },
      { type: 'string', name: 'signature', label: 'Signature of the uploader', required: true },
      { type: 'string', name: 'name', label: 'Name', required: true },
      { type: 'string', name: 'address', label: 'Address', required: true },
      { type: 'string', name: 'phone', label: 'Telephone number', required: true },
      { type: 'boolean', name: 'mistake', label: 'States under penalty of perjury that the removal was a mistake or misidentification', defaultValue: false },
      { type: 'boolean', name: 'jurisdiction', label: 'Consents to the jurisdiction of a Federal District Court', defaultValue: false },
      { type: 'boolean', name: 'service', label: 'Agrees to accept service of process from the complainant', defaultValue: false },
      { type: 'string', name: 'receivedAt', label: 'Received on (YYYY-MM-DD in the subreddit’s time zone, or a date-time such as 2026-07-01T15:00Z; empty = now)' },
      { type: 'boolean', name: 'forwarded', label: 'I have forwarded it to the complainant', defaultValue: true },
    ],
  };
}

/** Subreddit menu item: lists the cases waiting for a counter-notice and opens the form. */
export function onCounterNoticePressed(formKey: FormKey) {
  return async (_event: unknown, context: Context): Promise<void> => {
    const auth = await requireModerator(context, ['posts']);
    if (!auth.ok) return context.ui.showToast(auth.message);
    const cases = await casesAwaitingCounterNotice(context.redis);
    if (cases.length === 0) return context.ui.showToast('creator-desk: no takedown case is waiting for a counter-notice.');
    const options = cases.map((c) => ({ label: `${c.notice.reference} — u/${c.uploader} — ${c.itemId}`.slice(0, 100), value: c.id }));
    context.ui.showForm(formKey, { cases: options } as unknown as JSONObject);
  };
}

/**
 * Form submission: validates the counter-notice (missing elements named, nothing recorded), then
 * records it on the case — which fixes the restore window on the business calendar — marks it
 * forwarded, tells the mod inbox the window, and reschedules the next-due reminder job.
 */
export async function onCounterNoticeSubmit(event: FormOnSubmitEvent<JSONObject>, context: Context): Promise<void> {
  const auth = await requireModerator(context, ['posts']);
  if (!auth.ok) return context.ui.showToast(auth.message);
  const caseId = selectValue(event.values.case);
  const state = caseId ? await loadCase(context.redis, caseId) : undefined;
  if (!state) return context.ui.showToast('creator-desk: choose a takedown case; nothing was recorded.');
  const receivedRaw = textValue(event.values.receivedAt);
  // A date alone is a day on the subreddit's calendar (core compares it by day with the notice).
  const received = receivedRaw ? parseDateInput(receivedRaw) : undefined;
  if (received && !received.ok) return context.ui.showToast(`creator-desk: ${received.error}; nothing was recorded.`.slice(0, 280));
  const receipt = received?.ok ? (received.value.kind === 'date' ? { receivedOn: received.value.date } : { receivedAt: received.value.at.toISOString() }) : {};
  const checked = validateCounterNotice({
    signature: textValue(event.values.signature),
    removedMaterial: { locations: state.notice.infringingMaterial.locations },
    subscriber: { name: textValue(event.values.name), address: textValue(event.values.address), phone: textValue(event.values.phone) },
    ...(event.values.mistake === true ? { mistakeStatement: true } : {}),
    ...(event.values.jurisdiction === true ? { jurisdictionConsent: true } : {}),
    ...(event.values.service === true ? { acceptsService: true } : {}),
  });
  if (!checked.ok) return context.ui.showToast(`creator-desk: not a valid counter-notice, nothing recorded — ${checked.message}`.slice(0, 280));
  const op = await beginKeyedOperation<{ counterNotice: CounterNotice; receivedAt?: string; receivedOn?: string; forwarded: boolean }>(context.redis, `counter-${caseId}`, auth.username, {
    counterNotice: checked.value,
    ...receipt,
    forwarded: event.values.forwarded !== false,
  });
  if (op.complete) return context.ui.showToast('creator-desk: this counter-notice was already recorded.');
  const config = await loadEnforcementConfig(context.settings, new Date(op.values.receivedAt ?? op.at));
  const ctx = { at: op.at, actor: op.actor, role: 'moderator' as const, businessDays: config.calendar };
  const tz = config.calendar.timeZone;
  try {
    await runOperation(context.redis, op.opId, [
      {
        key: 'receive',
        run: async () => {
          const { receivedAt, receivedOn } = op.values;
          const r = await applyToCase(
            context.redis,
            caseId,
            { type: 'receive_counter_notice', counterNotice: op.values.counterNotice, ...(receivedAt ? { receivedAt } : {}), ...(receivedOn ? { receivedOn } : {}) },
            ctx,
          );
          if (!r.ok) throw new Error(r.error.message);
        },
      },
      ...(op.values.forwarded
        ? [{ key: 'forward', run: async () => void must(await applyToCase(context.redis, caseId, { type: 'forward_counter_notice' }, ctx)) }]
        : []),
      {
        key: 'inbox',
        alreadyDone: async ({ since }) => {
          const c = await loadCase(context.redis, caseId);
          return c !== undefined && modInboxNoticeSince(context.reddit, context.subredditName ?? '', context.appName, inboxSubject(c.notice.reference), since);
        },
        run: async () => {
          const c = await loadCase(context.redis, caseId);
          if (!c?.restoreOpensAt || !c.restoreClosesAt) throw new Error(`case ${caseId} has no restore window`);
          await context.reddit.modMail.createModInboxConversation({
            subredditId: context.subredditId as `t5_${string}`,
            subject: inboxSubject(c.notice.reference),
            bodyMarkdown:
              `u/${escapeMarkdown(op.actor)} recorded a counter-notice from u/${escapeMarkdown(c.uploader)} for ${c.itemId} ` +
              `(notice ${escapeMarkdown(c.notice.reference)}). Restore window: from **${formatInZone(c.restoreOpensAt, tz)}** to **${formatInZone(c.restoreClosesAt, tz)}** ` +
              `(10–14 business days, ${tz}). Unless the complainant reports a lawsuit first, use "creator-desk: restore (takedown)" on the item in that window; ` +
              'creator-desk reminds this inbox when it opens and if it is overdue.' +
              (op.values.forwarded ? '' : ' The counter-notice has not been forwarded to the complainant yet.'),
          });
        },
      },
      { key: 'schedule', run: async () => void (await scheduleNextDue(context.redis, context.scheduler)) },
    ]);
    await reportCorruptRecords(context);
    const c = await loadCase(context.redis, caseId);
    context.ui.showToast(`creator-desk: counter-notice recorded; restore from ${formatInZone(c?.restoreOpensAt ?? '', tz)} to ${formatInZone(c?.restoreClosesAt ?? '', tz)}.`);
  } catch (e) {
    context.ui.showToast(retryMessage(e));
  }
}
