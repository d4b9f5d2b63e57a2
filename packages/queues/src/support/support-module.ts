import { readFileSync } from 'node:fs';
import type { SlaPolicySet } from '@creator-desk/core';
import { isMap, parseDocument } from 'yaml';
import type { InputProblem } from '../readers/problems.js';
import { readModuleSettings, type QueueModule, type QueueModuleContext, type QueueModuleReport } from '../report/queue-module.js';
import { readTicketPages, type SupportTicket } from './read-ticket-pages.js';
import { plural, supportReport } from './support-report.js';
import { loadSupportRules, type TicketClassification, type TicketDirectory } from './support-rules.js';
import { supportSettingsSchema, type SupportSettings } from './support-settings.js';
import { supportWorklist } from './support-worklist.js';
import { supportPolicySet } from './ticket-sla.js';

/** The support rules file of the report directory. */
export const SUPPORT_RULES_FILE = /^support-rules\.ya?ml$/i;

/** The category of every ticket when there is no rules file. */
export const UNCATEGORISED = 'uncategorised';

function hasSupportKey(text: string | undefined): boolean {
  if (text === undefined) return false;
  const doc = parseDocument(text);
  return isMap(doc.contents) && doc.contents.has('support');
}

/** Reads the support files of the directory into the support part of the report. */
export function buildSupport(ctx: QueueModuleContext): QueueModuleReport {
  const problems: InputProblem[] = [];
  const notes: string[] = [];
  const settingsRead = readModuleSettings(ctx, 'support', supportSettingsSchema);
  problems.push(...settingsRead.problems);
  const settingsFile = ctx.settings?.file ?? 'creator-desk.yaml';

  const rulesFile = ctx.files.find((f) => SUPPORT_RULES_FILE.test(f.name));
  const pageFiles = ctx.files.filter((f) => !SUPPORT_RULES_FILE.test(f.name));
  const pages = readTicketPages(pageFiles, ctx.now);
  if (pageFiles.length === 0) notes.push('no support*.json / tickets*.json file: the support queue has no tickets');
  problems.push(...pages.problems);
  const inputs = [...pages.inputs];
  const dir: TicketDirectory = { users: pages.users, groups: pages.groups };

  let classify: (t: SupportTicket) => TicketClassification = () => ({ category: UNCATEGORISED });
  if (rulesFile) {
    let text: string | undefined;
    try {
      text = readFileSync(rulesFile.path, 'utf8');
    } catch (err) {
      problems.push({ file: rulesFile.path, severity: 'error', message: `cannot read the support rules: ${(err as Error).message}` });
    }
    if (text !== undefined) {
      const rules = loadSupportRules(text, rulesFile.path);
      problems.push(...rules.problems);
      inputs.push({ file: rulesFile.path, kind: 'support rules', records: rules.rules });
      classify = (t) => rules.classify(t, dir, ctx.now);
    }
  } else if (pages.tickets.length > 0) {
    notes.push(`no support-rules.yaml: every support ticket is "${UNCATEGORISED}" and no macro is suggested`);
  }

  let settings: SupportSettings | undefined;
  let policies: SlaPolicySet | undefined;
  if (settingsRead.ok) {
    settings = settingsRead.value;
    const set = supportPolicySet(settings, settingsFile, ctx.settings?.text);
    problems.push(...set.problems);
    policies = set.policies.policies.length > 0 ? set.policies : undefined;
    if (!policies) notes.push('`support: targets:` names no metric with a target: no support SLA is computed');
    if (!hasSupportKey(ctx.settings?.text)) notes.push('no `support:` in creator-desk.yaml: support SLAs use the default targets in calendar hours (first reply 8h for normal priority)');
  } else notes.push('support SLAs not computed: the `support:` settings have errors');

  const w = supportWorklist(pages, classify, policies, dir, ctx.now);
  problems.push(...w.problems);
  if (w.unclockedReplies > 0) notes.push(`${plural(w.unclockedReplies, 'open support ticket has', 'open support tickets have')} neither comments nor metric events: first and next reply are not clocked for them`);
  if (w.deleted > 0) notes.push(`${plural(w.deleted, 'deleted ticket', 'deleted tickets')} in the incremental export left out`);
  return supportReport(w, dir, settings, ctx.timeZone, { problems, notes, inputs });
}

/** The support (Zendesk) queue: ticket pages and the rules that classify them. */
export const supportModule: QueueModule = {
  name: 'support',
  files: /^(?:(?:support|tickets)[\w.-]*\.json|support-rules\.ya?ml)$/i,
  // A folder of exported pages, named as the API's resources are (`tickets/page-001.json` …).
  dirs: { name: /^(?:support|tickets|zendesk)$/i, files: /\.json$/i },
  settingsKey: 'support',
  build: buildSupport,
};
