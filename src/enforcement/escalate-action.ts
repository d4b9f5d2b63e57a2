import type { Context, Form, FormKey, FormOnSubmitEvent, JSONObject, MenuItemOnPressEvent } from '@devvit/public-api';
import { requireModerator } from '../platform/require-moderator.js';
import { loadEnforcementConfig } from '../platform/settings.js';
import { escalationEffect } from '../platform/records/escalation-record.js';
import { beginOperation, openOperation, retryMessage, runOperation } from '../platform/ledger/operation.js';
import { modNoteEffect } from '../platform/effects/mod-note.js';
import { authorizeItemSubmission, loadTarget } from './target.js';
import { selectValue, textValue } from './form-values.js';
import { reportCorruptRecords } from '../platform/records/corrupt-records.js';

const ACTION = 'escalate';

/** The Escalate form: a team from the configured list and the reason. */
export function escalateForm(data: { teams?: string[] }): Form {
  const teams = data.teams ?? [];
  return {
    title: 'Escalate to another team',
    acceptLabel: 'Escalate',
    fields: [
      { type: 'select', name: 'team', label: 'Team', options: teams.map((t) => ({ label: t, value: t })), required: true },
      { type: 'paragraph', name: 'reason', label: 'Reason (what the team needs to know)', required: true },
    ],
  };
}

/** Menu item: checks the caller is a moderator, then opens the Escalate form. */
export function onEscalatePressed(formKey: FormKey) {
  return async (event: MenuItemOnPressEvent, context: Context): Promise<void> => {
    const auth = await requireModerator(context);
    if (!auth.ok) return context.ui.showToast(auth.message);
    const config = await loadEnforcementConfig(context.settings, new Date());
    await openOperation(context.redis, ACTION, event.targetId);
    context.ui.showForm(formKey, { teams: config.escalation.teams } as unknown as JSONObject);
  };
}

/** Form submission: records the escalation (core machine events, with actor and time) and a mod note. */
export async function onEscalateSubmit(event: FormOnSubmitEvent<JSONObject>, context: Context): Promise<void> {
  const allowed = await authorizeItemSubmission(context);
  if (!allowed) return;
  const { username, thingId } = allowed;
  const config = await loadEnforcementConfig(context.settings, new Date());
  const team = selectValue(event.values.team);
  const reason = textValue(event.values.reason);
  if (!config.escalation.teams.includes(team)) return context.ui.showToast(`creator-desk: choose a team (${config.escalation.teams.join(', ')}); nothing was done.`);
  if (!reason) return context.ui.showToast('creator-desk: say why, so the team can act without asking; nothing was done.');
  const op = await beginOperation(context.redis, ACTION, thingId, username, { team, reason });
  if (op.complete) return context.ui.showToast('creator-desk: this escalation was already recorded.');
  try {
    const target = await loadTarget(context, thingId);
    await runOperation(context.redis, op.opId, [
      escalationEffect(context.redis, op, { itemId: thingId, user: target.authorName, source: 'mod-menu:escalate', team: op.values.team, reason: op.values.reason, config: config.escalation }),
      modNoteEffect(context, target.authorName, thingId, () => ({ note: `Escalated to ${op.values.team} by u/${op.actor}: ${op.values.reason}` })),
    ]);
    await reportCorruptRecords(context);
    context.ui.showToast(`creator-desk: escalated to ${op.values.team}.`);
  } catch (e) {
    context.ui.showToast(retryMessage(e));
  }
}
