import { eventChecksOf } from '@creator-desk/core';
import type { ConfigPage } from '../platform/wiki-config/config-page.js';
import { loadEnforcementConfig } from '../platform/settings.js';
import { parseRulesPage, rememberCompiled } from '../platform/rules/engine.js';
import { loadEvents } from '../platform/event-calendar.js';
import { checkEscalationTeams } from './escalation-teams-check.js';
import { checkEventIds } from './event-ids-check.js';
import { RULES_KEYS, RULES_PAGE } from '../platform/rules/rules-page.js';
import { SEED_RULES } from './seed-rules.js';

/**
 * The content rules' wiki config page: AutoModerator-syntax rules, each `escalate:` team checked
 * against the escalation-teams setting and each `event:` id against the events in force; an accepted revision's compiled form is cached.
 */
export const rulesConfigPage: ConfigPage = {
  page: RULES_PAGE,
  noun: 'rules',
  noneInForce: 'no content rules are in force',
  keys: RULES_KEYS,
  seed: SEED_RULES,
  async validate(source, context) {
    const parsed = parseRulesPage(source);
    const { escalation } = await loadEnforcementConfig(context.settings, new Date());
    // The events are read only when a rule has an `event:` check.
    const eventIds = eventChecksOf(parsed.rules).length > 0 ? new Set((await loadEvents(context.redis)).events.map((e) => e.event.id)) : new Set<string>();
    return {
      diagnostics: [...parsed.diagnostics, ...checkEscalationTeams(parsed.rules, source, escalation.teams), ...checkEventIds(parsed.rules, eventIds)],
      entries: parsed.ruleCount,
      onAccepted: (revisionId) => rememberCompiled(revisionId, parsed.compile()),
    };
  },
};
