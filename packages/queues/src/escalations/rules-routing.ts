import { compileRules, evaluate, parseRules, type Diagnostic, type Item } from '@creator-desk/core';
import type { InputProblem } from '../readers/problems.js';
import type { ReviewSubmission } from '../readers/review-submissions.js';
import type { RouteDecision, RouteEvaluator } from './routing.js';
import { unknownTeamDiagnostics } from './team-check.js';

const HOUR = 3_600_000;

/** Converts a core rules diagnostic to an input problem. */
export function diagnosticToProblem(d: Diagnostic, file: string): InputProblem {
  return { file: d.source ?? file, line: d.line, severity: d.severity, message: d.column > 1 ? `column ${d.column}: ${d.message}` : d.message };
}

/**
 * The submission as the rule language sees a `review` item: `kind`/`queue` are the asset type, `tags`
 * the flags, `body` the reviewer notes, `reviewer` the assignee, `age_hours` counted to `now`.
 */
export function reviewItemForRules(s: ReviewSubmission, now: Date): Item {
  const ageHours = (now.getTime() - s.submittedAt.getTime()) / HOUR;
  const item: Item = {
    id: s.id,
    type: 'review',
    kind: s.assetType,
    queue: s.assetType,
    status: s.status,
    priority: s.priority,
    artist: s.artist,
    tags: s.flags,
    age_hours: ageHours,
    age_days: ageHours / 24,
    escalated: s.status === 'escalated',
    // Seconds, not an ISO string: the rule engine would re-parse a string on every check.
    created_utc: s.submittedAt.getTime() / 1000,
    author: { name: s.artist },
  };
  if (s.title !== undefined) item.title = s.title;
  if (s.notes !== undefined) item.body = s.notes;
  if (s.assignee !== undefined) item.reviewer = s.assignee;
  return item;
}

// The fields reviewItemForRules gives a submission; a check on any other field can never match.
const REVIEW_ITEM_FIELDS: ReadonlySet<string> = new Set(['id', 'type', 'kind', 'queue', 'status', 'priority', 'artist', 'tags', 'age_hours', 'age_days', 'escalated', 'created_utc', 'author', 'title', 'body', 'reviewer']);

/**
 * A check on a field review items never have (`knd: avatar`) is an error here, not the rule language's
 * warning: the report builds every review item itself, so such a check silently never matches — an SLA
 * policy that applies to nothing, a route that never fires.
 */
export function reviewFieldCheck<D extends { severity: 'error' | 'warning'; message: string; undeclaredField?: string | undefined }>(d: D): D {
  const field = d.undeclaredField;
  if (d.severity !== 'warning' || field === undefined || REVIEW_ITEM_FIELDS.has(field)) return d;
  return { ...d, severity: 'error', message: `'${field}' is not a field of a review submission (fields: ${[...REVIEW_ITEM_FIELDS].join(', ')}), so this check never matches` };
}

/**
 * Loads escalation rules (core rule language, `type: review`, `escalate: {team, reason}`) into a
 * router. Rules with errors are reported with their line; the rest still route.
 */
export function loadEscalationRules(text: string, file: string): { evaluator?: RouteEvaluator; problems: InputProblem[] } {
  const parsed = parseRules(text, { source: file });
  const problems = [...parsed.diagnostics, ...unknownTeamDiagnostics(parsed.rules, file)]
    .sort((a, b) => a.line - b.line || a.column - b.column)
    .map((d) => diagnosticToProblem(reviewFieldCheck(d), file));
  const compiled = compileRules(parsed.rules);
  const escalating = parsed.rules.filter((r) => r.actions?.escalate !== undefined).length;
  if (parsed.rules.length > 0 && escalating === 0) {
    problems.push({ file, severity: 'warning', message: 'no rule has an `escalate:` action, so nothing is routed' });
  }
  const evaluator: RouteEvaluator = (submission, now) => {
    const out: RouteDecision[] = [];
    for (const d of evaluate(compiled, reviewItemForRules(submission, now), { now: now.getTime() })) {
      const esc = d.actions.escalate;
      if (!esc) continue;
      out.push({
        team: esc.team,
        reason: esc.reason ?? d.name ?? `rule at line ${d.line}`,
        rule: { line: d.line, source: file, ...(d.name !== undefined ? { name: d.name } : {}) },
      });
    }
    return out;
  };
  return { evaluator, problems };
}
