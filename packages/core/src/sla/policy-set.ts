import type { BusinessCalendar } from '../calendar/schema.js';
import type { ConditionTest } from './condition.js';
import type { HoursMode } from './schema.js';

/** A resolved target: its length, warning lead and how it is counted. */
export interface SlaTarget {
  minutes: number;
  /** Minutes before breach at which `warnAt` falls; undefined: no warning. */
  warnBeforeMinutes: number | undefined;
  mode: HoursMode;
  /** Set (only) for business-time targets. */
  calendar: BusinessCalendar | undefined;
}

/** A metric with compiled conditions. */
export interface CompiledSlaMetric {
  name: string;
  start: ConditionTest | undefined;
  stop: ConditionTest;
  pause: ConditionTest | undefined;
  repeat: boolean;
  /** Lower-cased priority → target; key `default` covers any other priority. */
  targets: ReadonlyMap<string, SlaTarget>;
}

/** A policy with compiled conditions. */
export interface CompiledSlaPolicy {
  name: string;
  /** Position in the file (0-based); policies are tried in this order. */
  index: number;
  /** 1-based line of the policy in its source, when parsed from text. */
  line: number | undefined;
  when: ConditionTest;
  metrics: readonly CompiledSlaMetric[];
}

/** An ordered SLA policy set, ready for `computeSla`. */
export interface SlaPolicySet {
  policies: readonly CompiledSlaPolicy[];
  calendars: Readonly<Record<string, BusinessCalendar>>;
}
