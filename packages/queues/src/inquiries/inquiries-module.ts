import { readFileSync } from 'node:fs';
import { validateTemplate } from '@creator-desk/core';
import type { InputProblem } from '../readers/problems.js';
import { tableFormatOf } from '../readers/table.js';
import { formatMinutes } from '../readers/duration.js';
import { readModuleSettings, type QueueModule, type QueueModuleContext, type QueueModuleReport } from '../report/queue-module.js';
import { id, plain, section, user, type Cell } from '../report/section.js';
import { rowTime } from '../report/sections.js';
import { DEFAULT_TEMPLATES, INQUIRY_CATEGORIES, TEMPLATE_PLACEHOLDERS, type InquiryCategory } from './categories.js';
import { firstResponses, type FirstResponse } from './first-response.js';
import { INQUIRY_RULES_FILE, loadInquiryRules, type InquiryClassifier } from './inquiry-rules.js';
import { INQUIRY_FILES, readInquiries, type Inquiry } from './read-inquiries.js';
import { repeatedQuestions } from './repeated-questions.js';
import { firstResponseMinutes, inquiryCalendar, inquirySettingsSchema } from './settings.js';

/** How far after the report's now a time may be (clock skew between the inbox and this machine). */
const FUTURE_SLACK_MS = 5 * 60_000;

const TONE: Record<FirstResponse['state'], Cell['tone']> = { breached: 'red', 'due-soon': 'yellow', 'on-time': 'green', answered: 'dim', 'answered-late': 'dim' };
const ORDER: Record<FirstResponse['state'], number> = { breached: 0, 'due-soon': 1, 'on-time': 2, answered: 3, 'answered-late': 3 };

/** The `inquiries` queue: review contractors' questions against a first-response target, and the questions asked again and again. */
export const inquiriesModule: QueueModule = {
  name: 'inquiries',
  files: new RegExp(`(?:${INQUIRY_FILES.source})|(?:${INQUIRY_RULES_FILE.source})`, 'i'),
  settingsKey: 'inquiries',
  build(ctx: QueueModuleContext): QueueModuleReport {
    const settings = readModuleSettings(ctx, 'inquiries', inquirySettingsSchema);
    const problems: InputProblem[] = [...settings.problems];
    const notes: string[] = [];
    const inputs: QueueModuleReport['inputs'] = [];
    const s = settings.value;
    const templates: Record<InquiryCategory, string> = { ...DEFAULT_TEMPLATES };
    for (const c of INQUIRY_CATEGORIES) {
      const t = s.templates[c];
      if (t === undefined) continue;
      const bad = validateTemplate(t, TEMPLATE_PLACEHOLDERS).filter((d) => d.severity === 'error');
      for (const d of bad) problems.push({ file: ctx.settings?.file ?? 'creator-desk.yaml', field: `inquiries.templates.${c}`, severity: 'error', message: `${d.message} (placeholders: ${TEMPLATE_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')})` });
      if (bad.length === 0) templates[c] = t;
    }
    const read = (f: { path: string }): string | undefined => {
      try {
        return readFileSync(f.path, 'utf8');
      } catch (err) {
        problems.push({ file: f.path, severity: 'error', message: `cannot read the file (${(err as NodeJS.ErrnoException).code ?? String(err)})` });
        return undefined;
      }
    };
    let classify: InquiryClassifier = () => ({ category: 'other' });
    const ruleFiles = ctx.files.filter((f) => INQUIRY_RULES_FILE.test(f.name));
    for (const f of ruleFiles) {
      const text = read(f);
      if (text === undefined) continue;
      const rules = loadInquiryRules(text, f.path);
      problems.push(...rules.problems);
      inputs.push({ file: f.path, kind: 'inquiry rules', records: rules.rules });
      classify = rules.classify;
    }
    if (ruleFiles.length === 0) notes.push('no inquiry-rules.yaml: every inquiry is "other"');
    const inquiries: Inquiry[] = [];
    for (const f of ctx.files.filter((x) => INQUIRY_FILES.test(x.name))) {
      const text = read(f);
      const format = tableFormatOf(f.name);
      if (text === undefined || format === undefined) continue;
      const r = readInquiries(text, f.path, format);
      problems.push(...r.problems);
      const late = ctx.now.getTime() + FUTURE_SLACK_MS;
      for (const q of r.items) {
        // A time after the report's now is a clock or export error, as for the review export.
        const future = q.receivedAt.getTime() > late ? 'received_at' : q.answeredAt !== undefined && q.answeredAt.getTime() > late ? 'answered_at' : undefined;
        if (future === undefined) inquiries.push(q);
        else problems.push({ file: q.source.file, row: q.source.row, ...(q.source.line !== undefined ? { line: q.source.line } : {}), field: future, severity: 'error', message: `${future} is after the report's now (${ctx.now.toISOString()}): a clock or export error; the row is not used` });
      }
      inputs.push({ file: f.path, kind: 'contractor inquiries', records: r.records });
    }
    const classified = inquiries.map((inquiry) => ({ inquiry, category: classify(inquiry, ctx.now).category }));
    // Answered or closed without an answer time: nothing to measure, and it must not look like it is waiting.
    const onClock = classified.filter(({ inquiry: q }) => {
      if (q.answeredAt !== undefined || q.status === 'open' || q.status === 'pending') return true;
      if (q.status === 'answered') problems.push({ file: q.source.file, row: q.source.row, ...(q.source.line !== undefined ? { line: q.source.line } : {}), field: 'answered_at', severity: 'warning', message: `inquiry ${q.id} is answered but has no answered_at, so its first response time is unknown (left out of the SLA)` });
      return false;
    });
    const years = inquiries.map((q) => q.receivedAt.getUTCFullYear());
    const yearNow = ctx.now.getUTCFullYear();
    const calendar = inquiryCalendar(s, [years.reduce((a, b) => Math.min(a, b), yearNow), years.reduce((a, b) => Math.max(a, b), yearNow)]);
    let clocks: FirstResponse[] = [];
    try {
      clocks = firstResponses(onClock, calendar, firstResponseMinutes(s), s.warn_before, templates, ctx.now);
    } catch (err) {
      // Only a calendar without working time (holidays covering years) gets here.
      problems.push({ file: ctx.settings?.file ?? 'creator-desk.yaml', field: 'inquiries', severity: 'error', message: `first responses cannot be timed: ${err instanceof Error ? err.message : String(err)} (check the inquiries hours and holidays)` });
    }
    const waiting = clocks.filter((c) => c.state === 'breached' || c.state === 'due-soon' || c.state === 'on-time');
    waiting.sort((a, b) => ORDER[a.state] - ORDER[b.state] || (a.breachAt?.getTime() ?? 0) - (b.breachAt?.getTime() ?? 0) || (a.inquiry.id < b.inquiry.id ? -1 : 1));
    const breached = waiting.filter((c) => c.state === 'breached').length;
    const repeats = repeatedQuestions(classified, s.time_zone, s.duplicate_threshold);
    const tz = ctx.timeZone;
    const awaiting = (c: FirstResponse): Cell => plain(c.state === 'breached' ? 'breached' : c.state === 'due-soon' ? 'due soon' : 'on time', TONE[c.state]);
    return {
      name: 'inquiries',
      sections: (limit) => [
        section(
          'Contractor inquiries — first response',
          ['Inquiry', 'Contractor', 'Subject', 'Category', 'Received', 'Due', 'State', 'Suggested template'],
          waiting,
          (c) => [id(c.inquiry.id), user(c.inquiry.contractor), user(c.inquiry.subject), plain(c.category), plain(rowTime(c.inquiry.receivedAt, tz)), plain(rowTime(c.breachAt, tz)), awaiting(c), user(c.suggestion)],
          limit,
          'No inquiry is waiting for a first response.',
          ['Suggested template', 'Received', 'Category'],
        ),
        section(
          'Repeated questions',
          ['Week of', 'By', 'Question', 'Category', 'Threads', 'Inquiries'],
          repeats,
          (r) => [plain(r.week), plain(r.kind), r.kind === 'category' ? plain(r.label) : user(r.label), plain(r.category), plain(String(r.count), 'bold'), id(r.ids.slice(0, 6).join(' ') + (r.ids.length > 6 ? ` +${r.ids.length - 6}` : ''))],
          limit,
          'No question was asked twice in a week.',
          ['Inquiries', 'Category'],
        ),
      ],
      json: {
        targets: Object.fromEntries(Object.entries(firstResponseMinutes(s)).map(([k, v]) => [k, formatMinutes(v)])),
        inquiries: clocks.map((c) => ({
          id: c.inquiry.id,
          contractor: c.inquiry.contractor,
          subject: c.inquiry.subject,
          status: c.inquiry.status,
          thread: c.inquiry.thread,
          category: c.category,
          receivedAt: c.inquiry.receivedAt.toISOString(),
          answeredAt: c.inquiry.answeredAt?.toISOString() ?? null,
          state: c.state,
          breachAt: c.breachAt?.toISOString() ?? null,
          warnAt: c.warnAt?.toISOString() ?? null,
          suggestion: c.suggestion,
        })),
        awaitingFirstResponse: waiting.map((c) => c.inquiry.id),
        repeated: repeats,
      },
      headline: breached > 0 ? [`${breached} inquir${breached === 1 ? 'y' : 'ies'} awaiting a first response past SLA`] : [],
      problems,
      notes,
      inputs,
    };
  },
};
