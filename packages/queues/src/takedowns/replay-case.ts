import {
  impliedRetraction,
  openTakedownCase,
  takedownMachine,
  type BusinessCalendar,
  type MachineError,
  type RestoreWindowBounds,
  type TakedownContext,
  type TakedownResolution,
  type TakedownState,
} from '@creator-desk/core';
import type { InputProblem } from '../readers/problems.js';
import type { TakedownEvent } from './takedown-events.js';

/** Where a case is before (or instead of) the takedown machine: the notice's own steps. */
export type NoticePhase = 'notice_pending' | 'notice_rejected' | 'retracted_implied' | 'closed_before_validation';

/** What the replay needs besides the events. */
export interface ReplayEnv {
  calendar: BusinessCalendar;
  restoreWindow: RestoreWindowBounds;
  /** Business days of complainant silence after a rejected notice before it counts as retracted. */
  silenceBusinessDays: number;
  now: Date;
}

/** A case as replayed from its log. */
export interface ReplayedCase {
  id: string;
  uploader: string | undefined;
  claimant: string | undefined;
  itemId: string | undefined;
  /** The notice's own phase while the machine has no case yet (or never will). */
  phase: NoticePhase | undefined;
  /** The machine's state once the notice was validated. */
  state: TakedownState | undefined;
  noticeReceivedAt: Date | undefined;
  /** When the complainant was last asked to complete the notice (the silence counts from here). */
  rejectedAt: Date | undefined;
  /** When the implied retraction took (or takes) effect, for a rejected notice. */
  impliedRetractionAt: Date | undefined;
  /** A counter-notice received and not yet validated. */
  counterReceivedAt: Date | undefined;
  events: number;
  lastEventAt: Date | undefined;
  /** Rows of this case the machine refused (each also a problem); the case is kept and flagged. */
  refused: number;
}

/** The state a case is in, as a problem message names it. */
export function caseStateName(c: Pick<ReplayedCase, 'phase' | 'state' | 'counterReceivedAt'>): string {
  if (c.state !== undefined) return c.state.status === 'uploader_notified' && c.counterReceivedAt !== undefined ? 'counter_notice_pending' : c.state.status;
  return c.phase ?? 'no_notice';
}

function why(error: MachineError): string {
  switch (error.code) {
    case 'InvalidStateTransition':
      return `the takedown machine allows it only from ${error.allowedFrom.join(', ')}`;
    case 'AlreadyInTargetState':
      return `the case is already ${error.state}`;
    default:
      return error.message;
  }
}

const ACTOR = 'takedown log';

/**
 * Replays one case's events, in time order (ties keep file order), through core's takedown machine. A row
 * the machine (or the notice's steps) forbids becomes an error problem "case X: state → event is not
 * allowed (why)" and is skipped; the case goes on from where it was. A rejected notice whose complainant
 * stays silent for the configured business days becomes an implied retraction.
 */
export function replayTakedownCase(id: string, events: readonly TakedownEvent[], env: ReplayEnv): { case: ReplayedCase; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const c: ReplayedCase = {
    id,
    uploader: undefined,
    claimant: undefined,
    itemId: undefined,
    phase: undefined,
    state: undefined,
    noticeReceivedAt: undefined,
    rejectedAt: undefined,
    impliedRetractionAt: undefined,
    counterReceivedAt: undefined,
    events: 0,
    lastEventAt: undefined,
    refused: 0,
  };
  const sorted = [...events].sort((a, b) => a.at.getTime() - b.at.getTime());
  const refuse = (e: TakedownEvent, reason: string, from = caseStateName(c)): void => {
    c.refused++;
    problems.push({
      file: e.source.file,
      row: e.source.row,
      ...(e.source.line !== undefined ? { line: e.source.line } : {}),
      field: 'event',
      severity: 'error',
      message: `case ${id}: ${from} → ${e.event} is not allowed (${reason})`,
    });
  };
  // The silence runs until the next thing that happens; once it has run out the notice is retracted.
  const lapse = (until: Date): void => {
    if (c.phase !== 'notice_rejected' || c.rejectedAt === undefined) return;
    const r = impliedRetraction(c.rejectedAt, until, env.silenceBusinessDays, env.calendar);
    c.impliedRetractionAt = r.at;
    if (r.retracted) c.phase = 'retracted_implied';
  };
  const ctxAt = (at: Date): TakedownContext => ({ at, actor: ACTOR, role: 'moderator', businessDays: env.calendar, restoreWindow: env.restoreWindow });

  for (const e of sorted) {
    c.events++;
    lapse(e.at);
    const a = e.action;
    let refusedHere = false;
    const no = (reason: string): void => {
      refuse(e, reason);
      refusedHere = true;
    };
    if (a.kind === 'notice_received') {
      if (c.state !== undefined) no('the notice was already validated and the case is open in the takedown machine');
      else if (c.phase === 'notice_pending' || c.phase === 'notice_rejected') no(`a notice is already ${c.phase === 'notice_pending' ? 'waiting for validation' : 'waiting for the complainant'}`);
      else {
        // A new notice after a retraction starts the case over.
        c.phase = 'notice_pending';
        c.noticeReceivedAt = e.at;
        c.rejectedAt = undefined;
        c.impliedRetractionAt = undefined;
      }
    } else if (a.kind === 'notice_rejected') {
      if (c.state !== undefined) no('the notice was already validated');
      else if (c.phase !== 'notice_pending' && c.phase !== 'notice_rejected') no(c.phase === undefined ? 'no notice was received' : 'the notice was closed or counts as retracted; a new notice_received comes first');
      else {
        c.phase = 'notice_rejected';
        c.rejectedAt = e.at;
        c.impliedRetractionAt = undefined;
        lapse(env.now);
      }
    } else if (a.kind === 'notice_validated') {
      if (c.state !== undefined) no('the notice was already validated');
      else if (c.phase === 'retracted_implied') no(`the complainant was silent for ${env.silenceBusinessDays} business days after the notice was rejected, so it counts as retracted since ${c.impliedRetractionAt?.toISOString() ?? '?'}; a new notice_received comes first`);
      else if (c.phase === 'closed_before_validation') no('the notice was closed before validation; a new notice_received comes first');
      else {
        const uploader = e.uploader ?? c.uploader;
        const itemId = e.itemId ?? c.itemId;
        const claimant = e.claimant ?? c.claimant;
        if (uploader === undefined || itemId === undefined || claimant === undefined) {
          const missing = [uploader === undefined ? 'uploader' : '', itemId === undefined ? 'item_id' : '', claimant === undefined ? 'claimant' : ''].filter(Boolean);
          no(`a validated notice needs ${missing.join(', ')} on this row or an earlier row of the case`);
        } else {
          // The log records that the coordinator checked the six §512(c)(3)(A) elements; the notice text stays in Legal's ticket.
          const notice = {
            reference: id,
            signature: claimant,
            copyrightedWork: e.note ?? `the work identified in notice ${id}`,
            infringingMaterial: { locations: [itemId] },
            contact: { name: claimant, address: `on file with notice ${id}` },
            goodFaithStatement: true,
            accuracyStatement: true,
          };
          const opened = openTakedownCase({ id, itemId, uploader, notice, noticeReceivedAt: c.noticeReceivedAt ?? e.at }, ctxAt(e.at));
          if (!opened.ok) no(opened.error.message);
          else {
            c.state = opened.state;
            c.phase = undefined;
            c.noticeReceivedAt ??= e.at;
          }
        }
      }
    } else if (a.kind === 'counter_notice_received') {
      if (c.state === undefined) no('the notice has not been validated yet');
      else if (c.counterReceivedAt !== undefined) no('a counter-notice is already waiting for validation');
      else if (!takedownMachine.allowedCommands(c.state.status).includes('receive_counter_notice')) {
        no(`the takedown machine takes a counter-notice only from ${takedownMachine.table.find((r) => r.command === 'receive_counter_notice')?.from.join(', ') ?? '?'}`);
      } else c.counterReceivedAt = e.at;
    } else {
      // counter_validated and the machine's commands
      if (c.state === undefined) {
        if (a.kind === 'command' && a.command === 'close' && (c.phase === 'notice_pending' || c.phase === 'notice_rejected')) {
          c.phase = 'closed_before_validation';
        } else no(c.phase === 'retracted_implied' ? 'the notice already counts as retracted (complainant silence)' : 'the notice has not been validated yet');
      } else {
        const ctx = ctxAt(e.at);
        const r =
          a.kind === 'counter_validated'
            ? takedownMachine.transition(
                c.state,
                {
                  type: 'receive_counter_notice',
                  // As with the notice: the log records that the counter-notice was checked for the §512(g)(3) elements.
                  counterNotice: {
                    signature: c.state.uploader,
                    removedMaterial: { locations: [c.state.itemId] },
                    mistakeStatement: true,
                    subscriber: { name: c.state.uploader, address: `on file with counter-notice ${id}`, phone: 'on file' },
                    jurisdictionConsent: true,
                    acceptsService: true,
                  },
                  receivedAt: c.counterReceivedAt ?? e.at,
                },
                ctx,
              )
            : takedownMachine.transition(
                c.state,
                a.command === 'report_lawsuit'
                  ? { type: 'report_lawsuit', lawsuitReference: e.note ?? '' }
                  : a.command === 'close'
                    ? // An unknown resolution is the machine's guard to refuse, so it is passed on as written.
                      { type: 'close', resolution: (a.resolution ?? e.resolution ?? 'other') as TakedownResolution }
                    : { type: a.command },
                ctx,
              );
        if (!r.ok) no(why(r.error));
        else {
          c.state = r.state;
          if (a.kind === 'counter_validated') c.counterReceivedAt = undefined;
        }
      }
    }
    if (!refusedHere) {
      c.uploader ??= e.uploader;
      c.claimant ??= e.claimant;
      c.itemId ??= e.itemId;
    }
    c.lastEventAt = e.at;
  }
  lapse(env.now);
  return { case: c, problems };
}
