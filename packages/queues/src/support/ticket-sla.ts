import { compileSlaPolicies, computeSla, type ConditionCompiler, type SlaPolicySet, type SlaState } from '@creator-desk/core';
import type { InputProblem } from '../readers/problems.js';
import type { SupportTicket } from './read-ticket-pages.js';
import { DEFAULT_SUPPORT_TARGETS, SUPPORT_METRICS, type SupportMetric, type SupportSettings } from './support-settings.js';
import { hasClockState, ticketClocks, type ClockSource } from './ticket-clocks.js';
import type { ZendeskMetricEvent, ZendeskUser } from './zendesk-schema.js';

/** One metric of one ticket at `now`. */
export interface TicketMetricClock {
  metric: SupportMetric;
  state: SlaState;
  source: ClockSource;
  startedAt: Date;
  warnAt?: Date;
  breachAt?: Date;
  /** Target minus counted time (working minutes for business-hours targets); < 0 once breached. */
  remainingMinutes: number;
  targetMinutes: number;
  hours: 'business' | 'calendar';
  /** The due-soon window has begun and the metric is still open. */
  dueSoon: boolean;
}

// The policy's conditions test the composite clock status (`first_reply=running;…`), not rule checks:
// the histories are built here, so a condition is one metric in one state.
const clockConditions: ConditionCompiler = (checks) => {
  const [metric, state] = Object.entries(checks)[0] ?? [];
  return { test: (item) => metric !== undefined && hasClockState(item.status, metric, String(state)), diagnostics: [] };
};

/** The support settings as a core SLA policy set: one policy, a metric per Zendesk metric, targets per priority. */
export function supportPolicySet(settings: SupportSettings, file: string): { policies: SlaPolicySet; problems: InputProblem[] } {
  const targets = settings.targets ?? DEFAULT_SUPPORT_TARGETS;
  const metrics: Record<string, unknown> = {};
  for (const m of SUPPORT_METRICS) {
    const t = targets[m];
    if (!t || Object.keys(t).length === 0) continue;
    metrics[m] = {
      start_when: { [m]: 'running' },
      stop_when: { [m]: 'done' },
      pause_when: { [m]: 'paused' },
      // Zendesk's next reply is a new instance each time; only the latest is reported.
      repeat: m === 'next_reply',
      targets: t,
    };
  }
  const business = (settings.hours ?? (settings.calendar ? 'business' : 'calendar')) === 'business';
  const policy = {
    name: 'support',
    ...(settings.calendar ? { calendar: 'support' } : {}),
    hours: business ? 'business' : 'calendar',
    warn_before: settings.due_soon,
    metrics,
  };
  if (Object.keys(metrics).length === 0) return { policies: { policies: [], calendars: {} }, problems: [] };
  const { policies, diagnostics } = compileSlaPolicies(
    { calendars: settings.calendar ? { support: settings.calendar } : {}, policies: [policy] },
    { compileCondition: clockConditions, source: file },
  );
  // The settings schema already caught what compiling reports with a line; what is left is said plainly.
  const problems = diagnostics.map((d): InputProblem => ({ file, field: 'support', severity: d.severity, message: d.message.replace(/^policies\[0\]\.?/, '') }));
  return { policies, problems };
}

/**
 * The open clocks of an open ticket (new, open, pending, hold) at `now`, most pressing first. Throws
 * nothing: a ticket the clock refuses is returned as an error message for its row.
 */
export function ticketSla(
  policies: SlaPolicySet,
  ticket: SupportTicket,
  events: readonly ZendeskMetricEvent[],
  users: ReadonlyMap<number, ZendeskUser>,
  now: Date,
): { clocks: TicketMetricClock[]; error?: string } {
  const { history, sources } = ticketClocks(ticket, events, users);
  let result: ReturnType<typeof computeSla>;
  try {
    result = computeSla(policies, { priority: ticket.priority ?? 'default', created_at: ticket.createdAt }, history, now);
  } catch (err) {
    return { clocks: [], error: err instanceof Error ? err.message : String(err) };
  }
  const clocks: TicketMetricClock[] = [];
  for (const r of result?.metrics ?? []) {
    const metric = r.metric as SupportMetric;
    const source = sources[metric];
    if (source === undefined || r.stoppedAt !== undefined) continue;
    const clock: TicketMetricClock = {
      metric,
      state: r.state,
      source,
      startedAt: r.startedAt,
      remainingMinutes: r.remainingMinutes,
      targetMinutes: r.targetMinutes,
      hours: r.hours,
      dueSoon: r.warning,
    };
    if (r.warnAt) clock.warnAt = r.warnAt;
    if (r.breachAt) clock.breachAt = r.breachAt;
    clocks.push(clock);
  }
  clocks.sort((a, b) => (a.breachAt?.getTime() ?? Number.POSITIVE_INFINITY) - (b.breachAt?.getTime() ?? Number.POSITIVE_INFINITY));
  return { clocks };
}
