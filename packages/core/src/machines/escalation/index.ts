export { DEFAULT_ESCALATION_TEAMS, escalationConfigSchema, type EscalationConfig } from './config.js';
export {
  escalationMachine,
  escalationTable,
  openEscalation,
  type EscalationCommand,
  type EscalationContext,
  type EscalationGuard,
  type EscalationState,
  type EscalationStatus,
} from './machine.js';
