import { compileSlaPolicies, computeSla, type ConditionCompiler, type DocPath, type SlaPolicySet, type SlaState } from '@creator-desk/core';
import { isNode, LineCounter, parseDocument } from 'yaml';
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
  /** The clock stands still now (pending), also once breached. */
  paused: boolean;
}

// The policy's conditions test the composite clock status (`first_reply=running;…`), not rule checks:
// the histories are built here, so a condition is one metric in one state.
const clockConditions: ConditionCompiler = (checks) => {
  const [metric, state] = Object.entries(checks)[0] ?? [];
  return { test: (item) => metric !== undefined && hasClockState(item.status, metric, String(state)), diagnostics: [] };
};

/** Where a path of the generated policy document was written in `creator-desk.yaml`'s `support:`. */
function settingsPath(path: DocPath): (string | number)[] {
  const [top, , third, metric, fifth, priority] = path;
  if (top === 'calendars') return ['support', 'calendar', ...path.slice(2)];
  if (third === 'warn_before') return ['support', 'due_soon'];
  if (third === 'metrics' && typeof metric === 'string') return ['support', 'targets', metric, ...(fifth === 'targets' && priority !== undefined ? [priority] : [])];
  return ['support'];
}

/** 1-based line and column of `path` in the settings text (of its nearest ancestor there). */
function locator(text: string | undefined): (path: (string | number)[]) => { line: number; column: number } | undefined {
  if (text === undefined) return () => undefined;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  return (path) => {
    for (let depth = path.length; depth > 0; depth--) {
      const node = doc.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) {
        const pos = lineCounter.linePos(node.range[0]);
        return { line: pos.line, column: pos.col };
      }
    }
    return undefined;
  };
}

/**
 * The support settings as a core SLA policy set: one policy, a metric per Zendesk metric, targets per
 * priority. What compiling reports (a warning lead not shorter than its target …) is placed at its line
 * of `creator-desk.yaml` (`settingsText`).
 */
export function supportPolicySet(settings: SupportSettings, file: string, settingsText?: string): { policies: SlaPolicySet; problems: InputProblem[] } {
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
  if (Object.keys(metrics).length === 0) return { policies: { policies: [], calendars: {} }, problems: [] };
  const business = (settings.hours ?? (settings.calendar ? 'business' : 'calendar')) === 'business';
  const policy = {
    name: 'support',
    ...(settings.calendar ? { calendar: 'support' } : {}),
    hours: business ? 'business' : 'calendar',
    warn_before: settings.due_soon,
    metrics,
  };
  const { policies, diagnostics } = compileSlaPolicies(
    { calendars: settings.calendar ? { support: settings.calendar } : {}, policies: [policy] },
    { compileCondition: clockConditions, source: file },
  );
  const locate = locator(settingsText);
  const problems = diagnostics.map((d): InputProblem => {
    const cut = d.message.indexOf(': ');
    const docPath = cut > 0 ? d.message.slice(0, cut).replace(/\[(\d+)\]/g, '.$1') : '';
    // The message starts with the generated document's path (`policies[0].metrics.…`): map it back.
    const at = docPath === '' ? ['support'] : settingsPath(docPath.split('.'));
    const pos = locate(at);
    return { file, field: at.join('.'), ...(pos ?? {}), severity: d.severity, message: cut > 0 ? d.message.slice(cut + 2) : d.message };
  });
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
  // the clock's state now: the last change at or before now
  let current: unknown;
  for (const h of history) if (new Date(h.at).getTime() <= now.getTime()) current = h.status;
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
      paused: hasClockState(current, metric, 'paused'),
    };
    if (r.warnAt) clock.warnAt = r.warnAt;
    if (r.breachAt) clock.breachAt = r.breachAt;
    clocks.push(clock);
  }
  clocks.sort((a, b) => (a.breachAt?.getTime() ?? Number.POSITIVE_INFINITY) - (b.breachAt?.getTime() ?? Number.POSITIVE_INFINITY));
  return { clocks };
}
