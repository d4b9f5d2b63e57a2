/**
 * A copyright takedown case under 17 U.S.C. §512:
 * received → disabled → uploader_notified → counter_notice_received → restore_window → restored,
 * with litigation_hold when the complainant reports a lawsuit before the restore, and closed.
 */
import { defineMachine, toIso } from '../kit/define-machine.js';
import { guardFailed, invalidInput, type MachineError } from '../kit/errors.js';
import type { AuditEvent, EntityState, TransitionContext, TransitionRow } from '../kit/types.js';
import { validateCounterNotice, validateTakedownNotice, type CounterNotice, type TakedownNotice } from './notice.js';
import { computeRestoreWindow, type BusinessDays, type RestoreWindowBounds } from './restore-window.js';
import { calendarDateOf, parseDateInput, startOfCalendarDate } from '../../calendar/index.js';

/** Where a takedown case is. */
export type TakedownStatus =
  | 'received'
  | 'disabled'
  | 'uploader_notified'
  | 'counter_notice_received'
  | 'restore_window'
  | 'restored'
  | 'litigation_hold'
  | 'closed';

/** Why a case closed without a restore. */
export const TAKEDOWN_RESOLUTIONS = [
  'no_counter_notice',
  'notice_withdrawn',
  'counter_notice_withdrawn',
  'litigation_concluded',
  'other',
] as const;
/** One of {@link TAKEDOWN_RESOLUTIONS}. */
export type TakedownResolution = (typeof TAKEDOWN_RESOLUTIONS)[number];

/** A takedown case as folded from its events. Instants are ISO-8601 strings. */
export interface TakedownState extends EntityState<TakedownStatus> {
  /** The Reddit thing taken down (`t3_…`/`t1_…`) and its author. */
  itemId: string;
  uploader: string;
  notice: TakedownNotice;
  noticeReceivedAt: string;
  disabledAt?: string;
  uploaderNotifiedAt?: string;
  counterNotice?: CounterNotice;
  counterNoticeReceivedAt?: string;
  /** Computed when the counter-notice is recorded, on the calendar in force then. */
  restoreOpensAt?: string;
  restoreClosesAt?: string;
  counterNoticeForwardedAt?: string;
  restoredAt?: string;
  /** True when restored after the window closed (the safe harbour needs ≤ 14 business days). */
  restoredLate?: boolean;
  lawsuitReportedAt?: string;
  lawsuitReference?: string;
  resolution?: TakedownResolution;
}

/** Commands on a takedown case. */
export type TakedownCommand =
  | { type: 'disable'; reason?: string }
  | { type: 'notify_uploader'; reason?: string }
  /**
   * `counterNotice` is validated here; `receivedAt` defaults to the command time (it may be earlier,
   * never later). `receivedOn` (YYYY-MM-DD) instead gives only the calendar date of receipt, a day
   * in the business calendar's time zone.
   */
  | { type: 'receive_counter_notice'; counterNotice: unknown; receivedAt?: Date | string; receivedOn?: string; reason?: string }
  | { type: 'forward_counter_notice'; reason?: string }
  | { type: 'restore'; reason?: string }
  | { type: 'report_lawsuit'; lawsuitReference: string; reason?: string }
  | { type: 'close'; resolution: TakedownResolution; reason?: string };

/** Guard failures specific to takedowns. */
export type TakedownGuard =
  | 'invalid_counter_notice'
  | 'received_in_future'
  | 'received_before_notice'
  | 'restore_window_not_open'
  | 'lawsuit_reference_required'
  | 'unknown_resolution';

/** Context: the business calendar (or a business-day function) for the restore window. */
export interface TakedownContext extends TransitionContext {
  businessDays?: BusinessDays;
  /** The installation's restore window (default the statute's 10–14 business days). */
  restoreWindow?: RestoreWindowBounds;
}

const OPEN_STATES = ['received', 'disabled', 'uploader_notified', 'counter_notice_received', 'litigation_hold'] as const;

/** The allowed transitions, as data. */
export const takedownTable = [
  { command: 'disable', from: ['received'], to: 'disabled' },
  { command: 'notify_uploader', from: ['disabled'], to: 'uploader_notified' },
  { command: 'receive_counter_notice', from: ['uploader_notified'], to: 'counter_notice_received' },
  { command: 'forward_counter_notice', from: ['counter_notice_received'], to: 'restore_window' },
  { command: 'restore', from: ['restore_window'], to: 'restored' },
  { command: 'report_lawsuit', from: ['counter_notice_received', 'restore_window'], to: 'litigation_hold' },
  // Not from restore_window: once a valid counter-notice is forwarded the content must go back (or a suit be filed).
  { command: 'close', from: OPEN_STATES, to: 'closed' },
] as const satisfies readonly TransitionRow<TakedownStatus, TakedownCommand['type']>[];

type Fail = { ok: false; error: MachineError<TakedownGuard> };
const fail = (error: MachineError<TakedownGuard>): Fail => ({ ok: false, error });

/**
 * When the counter-notice was received, checked against the notice and the clock. A date-only
 * receipt is compared by calendar date in the calendar's zone (the same day as the notice is fine)
 * and counts from the start of that day, or from the notice if it came earlier that same day.
 */
function receiptOf(
  state: TakedownState,
  command: Extract<TakedownCommand, { type: 'receive_counter_notice' }>,
  ctx: TakedownContext,
  businessDays: BusinessDays,
): { ok: true; at: string } | Fail {
  const now = toIso(ctx.at);
  if (command.receivedOn === undefined) {
    const receivedAt = toIso(command.receivedAt ?? ctx.at);
    if (receivedAt > now) return fail(guardFailed('received_in_future', `the counter-notice cannot be received (${receivedAt}) after it is recorded`));
    if (receivedAt < state.noticeReceivedAt) {
      return fail(guardFailed('received_before_notice', `a counter-notice dated ${receivedAt} predates the notice (${state.noticeReceivedAt})`));
    }
    return { ok: true, at: receivedAt };
  }
  if (typeof businessDays === 'function') throw new TypeError('takedown: a date-only receivedOn needs ctx.businessDays to be a calendar (its time zone)');
  const tz = businessDays.timeZone;
  const on = command.receivedOn;
  const parsed = parseDateInput(on);
  if (!parsed.ok || parsed.value.kind !== 'date') return fail(invalidInput(`receivedOn: "${on}" is not a calendar date YYYY-MM-DD`, []));
  const today = calendarDateOf(new Date(now), tz);
  if (on > today) return fail(guardFailed('received_in_future', `the counter-notice cannot be received on ${on}, after today (${today} in ${tz})`));
  const noticeDay = calendarDateOf(new Date(state.noticeReceivedAt), tz);
  if (on < noticeDay) return fail(guardFailed('received_before_notice', `a counter-notice received on ${on} predates the notice (received ${noticeDay} in ${tz})`));
  const start = startOfCalendarDate(on, tz).toISOString();
  return { ok: true, at: start < state.noticeReceivedAt ? state.noticeReceivedAt : start };
}

/** The takedown machine. */
export const takedownMachine = defineMachine<TakedownState, TakedownCommand, TakedownContext, TakedownGuard>({
  name: 'takedown',
  states: [
    'received', 'disabled', 'uploader_notified', 'counter_notice_received', 'restore_window', 'restored', 'litigation_hold', 'closed',
  ],
  initial: 'received',
  table: takedownTable,
  effects: {
    disable: (_s, _c, ctx) => ({ ok: true, changes: { disabledAt: toIso(ctx.at) } }),
    notify_uploader: (_s, _c, ctx) => ({ ok: true, changes: { uploaderNotifiedAt: toIso(ctx.at) } }),
    receive_counter_notice: (state, command, ctx) => {
      const v = validateCounterNotice(command.counterNotice);
      if (!v.ok) return fail(guardFailed('invalid_counter_notice', v.message, { missing: v.missing, issues: v.issues }));
      if (ctx.businessDays === undefined) {
        throw new TypeError('takedown: receive_counter_notice needs ctx.businessDays (a business calendar) for the restore window');
      }
      const received = receiptOf(state, command, ctx, ctx.businessDays);
      if (!received.ok) return received;
      const receivedAt = received.at;
      const w = computeRestoreWindow(new Date(receivedAt), ctx.businessDays, ctx.restoreWindow);
      return {
        ok: true,
        changes: {
          counterNotice: v.value,
          counterNoticeReceivedAt: receivedAt,
          restoreOpensAt: w.opensAt.toISOString(),
          restoreClosesAt: w.closesAt.toISOString(),
        },
      };
    },
    forward_counter_notice: (_s, _c, ctx) => ({ ok: true, changes: { counterNoticeForwardedAt: toIso(ctx.at) } }),
    restore: (state, _c, ctx) => {
      const at = toIso(ctx.at);
      const opensAt = state.restoreOpensAt ?? '';
      if (at < opensAt) {
        return fail(
          guardFailed('restore_window_not_open', `restoring before ${opensAt} would be sooner than ${ctx.restoreWindow?.earliest ?? 10} business days after the counter-notice`, {
            opensAt,
          }),
        );
      }
      return { ok: true, changes: { restoredAt: at, restoredLate: at > (state.restoreClosesAt ?? at) } };
    },
    report_lawsuit: (_s, command, ctx) =>
      command.lawsuitReference.trim()
        ? { ok: true, changes: { lawsuitReportedAt: toIso(ctx.at), lawsuitReference: command.lawsuitReference.trim() } }
        : fail(guardFailed('lawsuit_reference_required', 'record the court or case number the complainant gave')),
    close: (_s, command) =>
      (TAKEDOWN_RESOLUTIONS as readonly string[]).includes(command.resolution)
        ? { ok: true, changes: { resolution: command.resolution } }
        : fail(guardFailed('unknown_resolution', `resolution must be one of ${TAKEDOWN_RESOLUTIONS.join(', ')}`)),
  },
});

/** What a new case needs besides the notice. */
export interface NewTakedownCase {
  id: string;
  itemId: string;
  uploader: string;
  /** Validated here: a notice without the six elements does not open a case. */
  notice: unknown;
  /** When the notice arrived; defaults to the command time. */
  noticeReceivedAt?: Date | string;
}

/** Open a case in `received` from a valid notice, or say which §512(c)(3)(A) elements are missing. */
export function openTakedownCase(
  input: NewTakedownCase,
  ctx: TakedownContext,
):
  | { ok: true; state: TakedownState; audit: AuditEvent<TakedownState, TakedownCommand['type']> }
  | { ok: false; error: MachineError<'invalid_notice'> } {
  const v = validateTakedownNotice(input.notice);
  if (!v.ok) {
    return {
      ok: false,
      error: guardFailed('invalid_notice', v.message, { missing: v.missing, issues: v.issues }),
    };
  }
  if (!input.itemId.trim() || !input.uploader.trim()) {
    return {
      ok: false,
      error: invalidInput('a case needs the item id and its uploader', [
        ...(!input.itemId.trim() ? [{ path: ['itemId'], message: 'missing' }] : []),
        ...(!input.uploader.trim() ? [{ path: ['uploader'], message: 'missing' }] : []),
      ]),
    };
  }
  return takedownMachine.create(
    input.id,
    { itemId: input.itemId, uploader: input.uploader, notice: v.value, noticeReceivedAt: toIso(input.noticeReceivedAt ?? ctx.at) },
    ctx,
  );
}

/** The case's restore window, once a counter-notice has been recorded. */
export function restoreWindow(takedown: TakedownState): { opensAt: Date; closesAt: Date } | undefined {
  if (takedown.restoreOpensAt === undefined || takedown.restoreClosesAt === undefined) return undefined;
  return { opensAt: new Date(takedown.restoreOpensAt), closesAt: new Date(takedown.restoreClosesAt) };
}
