/**
 * Typed transition errors, as a discriminated union on `code` so callers can `switch` exhaustively and
 * errors serialise as plain JSON (they end up in modmail, logs and API responses).
 */

/** Why a command was refused. `G` names the machine's own guard failures. */
export type MachineError<G extends string = string> =
  | InvalidStateTransition
  | AlreadyInTargetState
  | AlreadyClaimed
  | NotClaimedBy
  | UnknownCommand
  | InvalidInput
  | GuardFailed<G>;

/** The command is not allowed from the current state by the transition table. */
export interface InvalidStateTransition {
  code: 'InvalidStateTransition';
  message: string;
  command: string;
  from: string;
  to: string;
  allowedFrom: readonly string[];
}

/** The item is already where the command would put it (a duplicate or a race; usually safe to ignore). */
export interface AlreadyInTargetState {
  code: 'AlreadyInTargetState';
  message: string;
  command: string;
  state: string;
}

/** Another reviewer holds the claim. */
export interface AlreadyClaimed {
  code: 'AlreadyClaimed';
  message: string;
  claimedBy: string;
  claimedAt?: string;
}

/** The actor does not hold the claim the command requires. */
export interface NotClaimedBy {
  code: 'NotClaimedBy';
  message: string;
  actor: string;
  claimedBy?: string;
}

/** The machine has no such command. */
export interface UnknownCommand {
  code: 'UnknownCommand';
  message: string;
  command: string;
}

/** The command's data failed validation; `issues` say where and what was expected. */
export interface InvalidInput {
  code: 'InvalidInput';
  message: string;
  issues: ReadonlyArray<{ path: string; message: string }>;
}

/** A machine-specific precondition failed (e.g. the restore window is not open yet). */
export interface GuardFailed<G extends string = string> {
  code: 'GuardFailed';
  guard: G;
  message: string;
  details?: Readonly<Record<string, unknown>>;
}

/** Build a {@link GuardFailed} error. */
export function guardFailed<G extends string>(
  guard: G,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): GuardFailed<G> {
  return details === undefined ? { code: 'GuardFailed', guard, message } : { code: 'GuardFailed', guard, message, details };
}

/** Build an {@link InvalidInput} error from zod-style issues. */
export function invalidInput(
  message: string,
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
): InvalidInput {
  return {
    code: 'InvalidInput',
    message,
    issues: issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  };
}

/** Why an event log could not be replayed into a state. */
export interface ReplayError {
  code: 'ReplayError';
  message: string;
  /** 0-based index of the offending event. */
  index: number;
}
