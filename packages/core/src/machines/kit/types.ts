/** The fields every machine-managed entity has; machines add their own data. */
export interface EntityState<S extends string = string> {
  readonly id: string;
  readonly status: S;
  /** Number of events applied; the next event gets `seq = version + 1`. */
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The machine-specific part of a state (what events may change besides the status). */
export type DataOf<St extends EntityState> = Omit<St, keyof EntityState>;

/** Who does what and when; machines may extend it with their own dependencies. */
export interface TransitionContext {
  /** When the command happened (an instant; stored as ISO-8601 UTC). */
  at: Date | string;
  /** Username of the moderator/reviewer, or the system component (`creator-desk`, `automoderator` …). */
  actor: string;
  /** Whether a person or automation acts; some commands require a moderator. */
  role?: 'moderator' | 'reviewer' | 'system';
  /** Why; recorded in the audit event unless the command carries its own reason. */
  reason?: string;
}

/**
 * One append-only audit event. It records facts (the resulting `changes`), not how they were computed,
 * so replaying a log never needs the calendar or config that was in force at the time.
 */
export interface AuditEvent<St extends EntityState = EntityState, C extends string = string> {
  machine: string;
  /** The entity's id. */
  subject: string;
  /** 1-based position in the entity's log. */
  seq: number;
  at: string;
  actor: string;
  role?: TransitionContext['role'];
  command: C | 'create';
  from: St['status'] | null;
  to: St['status'];
  reason?: string;
  /** The data fields this event set (absent fields are unchanged). */
  changes: Partial<DataOf<St>>;
}

/** One row of a transition table: `command` moves an entity from any of `from` to `to`. */
export interface TransitionRow<S extends string, C extends string> {
  readonly command: C;
  readonly from: readonly S[];
  readonly to: S;
}
