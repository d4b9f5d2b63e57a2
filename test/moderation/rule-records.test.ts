import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { escalationMachine, strikeMachine } from '@creator-desk/core';
import { escalationsOfUser } from '../../src/platform/records/escalation-record.js';
import { readEvents } from '../../src/platform/records/event-store.js';
import { KEYS } from '../../src/platform/keys.js';
import { strikesOfUser } from '../../src/platform/records/strike-record.js';
import { loadUserSummary } from '../../src/modmail/user-summary.js';
import { loadEnforcementConfig } from '../../src/platform/settings.js';
import { act, enforcementHarness, LABELS, shownForm } from '../enforcement/fixture.js';
import { redisView, type Harness } from '../harness/index.js';
import { installRules } from './rules-fixture.js';

/** Rules whose `escalate:` and `strike:` actions write the enforcement records. */
const RECORD_RULES = `---
type: submission
title (includes-word): ["stolen"]
escalate:
    team: "legal"
    reason: "reported as stolen art"
strike:
    reason: "posting stolen art"
---
type: submission
title (includes-word): ["leak"]
escalate:
    team: "Marketing"
`;

describe('rules record escalations and strike proposals in the enforcement layout', () => {
  let h: Harness;
  beforeEach(async () => {
    // Marketing is a team when the page is saved (the page is validated against the teams then).
    h = enforcementHarness({ settings: { 'enforcement-teams': 'Legal, Trust & Safety, Brand, Engineering, Marketing' } });
    await installRules(h, RECORD_RULES);
    expect(h.reddit.conversationsOf('modinbox')).toEqual([]);
  });
  afterEach(async () => h.dispose());

  it('an escalate: action is a core escalation-machine record by the app, indexed for the queues, once per item and team', async () => {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'stolen art here' });
    await h.trigger('PostSubmit', h.events.postSubmit(post), 2);
    const escalations = await escalationsOfUser(redisView(h), 'artist_ann');
    expect(escalations).toHaveLength(1);
    // The configured spelling of the team is recorded, as for the mod-menu actions.
    expect(escalations[0]).toMatchObject({ status: 'escalated', itemId: post.id, team: 'Legal', escalationReason: 'reported as stolen art', escalatedBy: 'creator-desk', source: 'rule:2' });
    const id = escalations[0]!.id;
    const events = await readEvents(redisView(h), escalationMachine.name, id);
    expect(events.map((e) => [e.command, e.actor, e.role])).toEqual([
      ['create', 'creator-desk', 'system'],
      ['escalate', 'creator-desk', 'system'],
    ]);
    expect((await redisView(h).zRange(KEYS.escalationIndex, 0, -1, { by: 'rank' })).map((m) => m.member)).toEqual([id]);
    expect((await redisView(h).zRange(KEYS.escalationsOfItem(post.id), 0, -1, { by: 'rank' })).map((m) => m.member)).toEqual([id]);

    // An edit matching again keeps the one escalation of this item for this team.
    h.clock.advance(60_000);
    post.title = 'stolen art here (edited)';
    post.editedUtc = h.reddit.nowSeconds();
    await h.trigger('PostUpdate', h.events.postUpdate(post, 'stolen art here'));
    expect(await escalationsOfUser(redisView(h), 'artist_ann')).toHaveLength(1);
  });

  it('an escalation to a team removed from the settings after the page was accepted is not recorded; the mod inbox is told once', async () => {
    h.settings.update({ 'enforcement-teams': 'Legal, Trust & Safety, Brand, Engineering' });
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'a leak' });
    await h.trigger('PostSubmit', h.events.postSubmit(post), 2);
    expect(await escalationsOfUser(redisView(h), 'artist_ann')).toEqual([]);
    const inbox = h.reddit.conversationsOf('modinbox');
    expect(inbox.map((c) => c.subject)).toEqual(['creator-desk: escalation not recorded (rule at line 10)']);
    expect(inbox[0]?.messages[0]?.body).toContain('unknown team "Marketing"');
  });

  it('a strike: action is a proposed strike (no count, no ban) that the Strike menu on the item confirms', async () => {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'stolen art here' });
    await h.trigger('PostSubmit', h.events.postSubmit(post), 2);
    let strikes = await strikesOfUser(redisView(h), 'artist_ann');
    expect(strikes).toMatchObject([{ id: `strike-rule-${post.id}`, status: 'proposed', kind: 'policy', reason: 'posting stolen art', proposedBy: 'creator-desk', source: 'rule:2' }]);
    expect((await redisView(h).zRange(KEYS.strikeProposals, 0, -1, { by: 'rank' })).map((m) => m.member)).toEqual([`strike-rule-${post.id}`]);
    expect(await h.redisGet(KEYS.strikeCount('artist_ann'))).toBeUndefined();
    expect(h.reddit.bans.size).toBe(0);
    expect(h.reddit.conversationsOf('user')).toEqual([]);
    const config = await loadEnforcementConfig({ getAll: async () => ({}) } as never, new Date());
    expect(await loadUserSummary(redisView(h), 'artist_ann', config.ladder, new Date())).toContain(
      'Proposed strikes awaiting a moderator: 1\n- ' + new Date().toISOString().slice(0, 10) + ' policy: posting stolen art (proposed by creator\\-desk, rule\\:2)',
    );

    const opened = shownForm(await h.menuAction(LABELS.strike, { as: 'mod_alice', postId: post.id }));
    expect(opened.description).toContain('A rule proposed a strike for this item (posting stolen art)');
    expect(opened.json).toContain('"fieldId":"reason","fieldType":0,"label":"Reason (shown to the user)","defaultValue":{"fieldType":0,"stringValue":"posting stolen art"}');
    const { submitted } = await act(h, LABELS.strike, post.id, { kind: ['policy'], reason: 'stolen art, confirmed', step: ['ladder'] });
    expect(submitted[0]?.toasts[0]).toContain('warning sent');

    strikes = await strikesOfUser(redisView(h), 'artist_ann');
    expect(strikes).toHaveLength(1);
    expect(strikes[0]).toMatchObject({ id: `strike-rule-${post.id}`, status: 'confirmed', confirmedBy: 'mod_alice', enforcement: { action: 'warn' } });
    const events = await readEvents(redisView(h), strikeMachine.name, `strike-rule-${post.id}`);
    expect(events.map((e) => [e.command, e.actor, e.reason])).toEqual([
      ['create', 'creator-desk', undefined],
      ['confirm', 'mod_alice', 'stolen art, confirmed'],
    ]);
    expect(await redisView(h).zRange(KEYS.strikeProposals, 0, -1, { by: 'rank' })).toEqual([]);
    expect(await h.redisGet(KEYS.strikeCount('artist_ann'))).toBe('1');
    // The pending proposal is gone: the next Strike on the item is a new strike.
    expect(shownForm(await h.menuAction(LABELS.strike, { as: 'mod_alice', postId: post.id })).description).not.toContain('A rule proposed');
  });
});
