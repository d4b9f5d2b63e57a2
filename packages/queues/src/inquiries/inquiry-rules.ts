import { compileRules, didYouMean, evaluate, parseRules, type Item } from '@creator-desk/core';
import { diagnosticToProblem } from '../escalations/rules-routing.js';
import type { InputProblem } from '../readers/problems.js';
import { INQUIRY_CATEGORIES, type InquiryCategory } from './categories.js';
import type { Inquiry } from './read-inquiries.js';

/** The rules file of the inquiries queue. */
export const INQUIRY_RULES_FILE = /^inquiry-rules\.ya?ml$/i;

/** Gives an inquiry its category and the rule that gave it (none: `other`). */
export type InquiryClassifier = (inquiry: Inquiry, now: Date) => { category: InquiryCategory; rule?: { line: number; name?: string } };

const HOUR = 3_600_000;
// The fields inquiryItem gives; a check on any other field could never match.
const INQUIRY_FIELDS: ReadonlySet<string> = new Set(['id', 'type', 'subject', 'body', 'contractor', 'status', 'age_hours', 'created_utc']);

/** An inquiry as the rule language sees a `type: inquiry` item. */
export function inquiryItem(q: Inquiry, now: Date): Item {
  const item: Item = {
    id: q.id,
    type: 'inquiry',
    subject: q.subject,
    contractor: q.contractor,
    status: q.status,
    age_hours: (now.getTime() - q.receivedAt.getTime()) / HOUR,
    created_utc: q.receivedAt.getTime() / 1000,
  };
  if (q.body !== undefined) item.body = q.body;
  return item;
}

/**
 * Loads `inquiry-rules.yaml` (core rule language, `type: inquiry`, `category: <one of the categories>`).
 * A rule of another type, a category that is not one of the five, or a check on a field inquiries do
 * not have is reported at the rule's line (errors for the last two: they would silently never classify).
 * The first matching rule by priority, then file order, decides.
 */
export function loadInquiryRules(text: string, file: string): { classify: InquiryClassifier; problems: InputProblem[]; rules: number } {
  const parsed = parseRules(text, { source: file });
  const problems: InputProblem[] = [];
  for (const d of parsed.diagnostics) {
    const field = d.undeclaredField;
    if (d.severity === 'warning' && field !== undefined && !INQUIRY_FIELDS.has(field)) {
      problems.push(diagnosticToProblem({ ...d, severity: 'error', message: `'${field}' is not a field of an inquiry (fields: ${[...INQUIRY_FIELDS].join(', ')}), so this check never matches` }, file));
    } else problems.push(diagnosticToProblem(d, file));
  }
  const usable = parsed.rules.filter((r) => {
    const at = { file: r.source ?? file, line: r.line };
    if (r.type !== 'inquiry') {
      problems.push({ ...at, severity: 'warning', message: `this rule is for type: ${r.type}, not inquiry, so it classifies no inquiry` });
      return false;
    }
    const c = r.actions.category;
    if (c === undefined) {
      problems.push({ ...at, severity: 'warning', message: `this rule has no category: action, so it classifies nothing (categories: ${INQUIRY_CATEGORIES.join(', ')})` });
      return false;
    }
    if (!(INQUIRY_CATEGORIES as readonly string[]).includes(c)) {
      problems.push({ ...at, field: 'category', severity: 'error', message: `unknown inquiry category '${c}'${didYouMean(c, INQUIRY_CATEGORIES)} (categories: ${INQUIRY_CATEGORIES.join(', ')})` });
      return false;
    }
    return true;
  });
  const compiled = compileRules(usable);
  const classify: InquiryClassifier = (q, now) => {
    for (const d of evaluate(compiled, inquiryItem(q, now), { now: now.getTime() })) {
      const c = d.actions.category;
      if (c !== undefined && (INQUIRY_CATEGORIES as readonly string[]).includes(c)) return { category: c as InquiryCategory, rule: { line: d.line, ...(d.name !== undefined ? { name: d.name } : {}) } };
    }
    return { category: 'other' };
  };
  return { classify, problems, rules: parsed.rules.length };
}
