import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseRules } from '@creator-desk/core';
import Devvit from '../../src/main.js';
import { checkEscalationTeams } from '../../src/moderation/escalation-teams-check.js';
import { RULES_KEYS, RULES_PAGE } from '../../src/platform/rules/rules-page.js';
import { createHarness, type Harness } from '../harness/index.js';

const TEAMS = ['Legal', 'Trust & Safety'];
const PAGE = `---
type: submission
title (includes-word): ["stolen"]
escalate:
    team: "legal"
---
type: submission
title (includes-word): ["leak"]
escalate:
    reason: "leaked drop"
    team: "Marketing"
---
type: submission
title (includes-word): ["drama"]
escalate: Brand
`;

describe('checkEscalationTeams', () => {
  it('flags each escalate: team the settings do not list, where the team is written; known teams match case-insensitively', () => {
    const { rules, diagnostics } = parseRules(PAGE);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const found = checkEscalationTeams(rules, PAGE, TEAMS);
    expect(found.map((d) => [d.line, d.column, d.severity])).toEqual([
      [11, 5, 'error'],
      [15, 11, 'error'],
    ]);
    expect(found[0]?.message).toBe('escalate: unknown team "Marketing" (expected one of Legal, Trust & Safety; teams are set in the app\'s installation settings)');
    expect(found[1]?.message).toContain('unknown team "Brand"');
    expect(checkEscalationTeams(rules, PAGE, [...TEAMS, 'marketing', 'BRAND'])).toEqual([]);
  });
});

describe('a rules page escalating to an unknown team (ModAction wikirevise)', () => {
  let h: Harness;
  beforeEach(() => {
    h = createHarness(Devvit, { settings: { 'enforcement-teams': TEAMS.join(', ') } });
    h.reddit.addModerator('mod_alice');
  });
  afterEach(async () => h.dispose());

  it('is rejected with line:col in the one mod-inbox message; nothing is put in force', async () => {
    h.reddit.editWikiPage(RULES_PAGE, PAGE, 'mod_alice');
    await h.trigger('ModAction', h.events.modAction('wikirevise', 'mod_alice'), 2);
    const inbox = h.reddit.conversationsOf('modinbox');
    expect(inbox).toHaveLength(1);
    const body = inbox[0]?.messages[0]?.body ?? '';
    expect(body).toMatch(/^ {4}11:5: escalate: unknown team "Marketing"/m);
    expect(body).toMatch(/^ {4}15:11: escalate: unknown team "Brand"/m);
    expect(body).toContain('        |     team: "Marketing"\n        |     ^');
    expect(await h.redisGet(RULES_KEYS.active)).toBeUndefined();
  });
});
