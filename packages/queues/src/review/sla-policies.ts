import { compileCondition, computeSla, parseSlaPolicies, type ConditionCompiler, type Item, type SlaPolicySet } from '@creator-desk/core';
import { reviewFieldCheck, reviewItemForRules } from '../escalations/rules-routing.js';
import type { InputProblem } from '../readers/problems.js';
import type { ReviewSubmission } from '../readers/review-submissions.js';
import type { SlaEvaluator, SlaView } from './sla-view.js';

// SLA `when:` / `pause_when:` blocks are the rule language's checks over a `review` item, so a policy
// can say `kind: brand_award` or `status: waiting_on_artist` exactly as an escalation rule would.
const reviewConditions: ConditionCompiler = (checks, opts = {}) => {
  const c = compileCondition(checks, { ...opts, type: opts.type ?? 'review' });
  return { test: (item) => c.test(item as Item), diagnostics: c.diagnostics.map(reviewFieldCheck) };
};

/** The SLA verdict for one submission under a compiled policy set. */
export function slaViewOf(policies: SlaPolicySet, submission: ReviewSubmission, now: Date): SlaView {
  const history = submission.statusHistory.length ? submission.statusHistory : [{ status: 'pending', at: submission.submittedAt }];
  let result: ReturnType<typeof computeSla>;
  try {
    result = computeSla(policies, reviewItemForRules(submission, now), history, now);
  } catch (err) {
    // One item the clock refuses (a time outside the calendars' years) is that row's error, not the run's end.
    return { state: 'none', error: err instanceof Error ? err.message : String(err) };
  }
  if (!result) return { state: 'none' };
  const view: SlaView = { policy: result.policy, metric: result.metric, state: result.state, remainingMinutes: result.remainingMinutes };
  if (result.warnAt) view.warnAt = result.warnAt;
  if (result.breachAt) view.breachAt = result.breachAt;
  return view;
}

/**
 * Loads SLA policies (core's YAML format: `calendars:` and ordered `policies:`) into an evaluator.
 * Problems carry the YAML line; with any error the policies that did compile still run, and the
 * report exits 1 so the broken policy is noticed.
 */
export function loadSlaPolicies(text: string, file: string): { evaluator?: SlaEvaluator; problems: InputProblem[]; timeZone?: string } {
  const { policies, diagnostics } = parseSlaPolicies(text, { source: file, compileCondition: reviewConditions });
  const problems: InputProblem[] = diagnostics.map((d) => ({
    file: d.source ?? file,
    line: d.line,
    severity: d.severity,
    message: d.message,
  }));
  if (policies.policies.length === 0) {
    problems.push({ file, severity: 'error', message: 'no usable SLA policy: review items have no SLA' });
    return { problems };
  }
  // The team's zone, for showing times: the first calendar's (the report says which, and --tz overrides).
  const zone = Object.values(policies.calendars)[0]?.timeZone;
  return { evaluator: (submission, now) => slaViewOf(policies, submission, now), problems, ...(zone ? { timeZone: zone } : {}) };
}
