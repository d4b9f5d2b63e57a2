export { defineMachine, toIso, type Effect, type Machine, type MachineSpec, type TransitionResult } from './define-machine.js';
export { describeTransitions } from './describe-table.js';
export {
  guardFailed,
  invalidInput,
  type AlreadyClaimed,
  type AlreadyInTargetState,
  type GuardFailed,
  type InvalidInput,
  type InvalidStateTransition,
  type MachineError,
  type NotClaimedBy,
  type ReplayError,
  type UnknownCommand,
} from './errors.js';
export type { AuditEvent, DataOf, EntityState, TransitionContext, TransitionRow } from './types.js';
