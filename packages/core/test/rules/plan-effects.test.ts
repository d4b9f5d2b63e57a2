import { describe, expect, it } from 'vitest';
import { describeVeto, moderationVerdict, planEffects, removedByHuman, type ModerationState } from '../../src/index.js';
import { decide } from './helpers.js';

const APP = { appName: 'creator-desk' };
const untouched: ModerationState = { isRemoved: false, isApproved: false };

describe('planEffects: which decision decides the moderation action', () => {
  it('removal rules are applied before others, so a later removal rule overrides an earlier report', () => {
    const decisions = decide('title: [a]\naction: report\n---\ntitle: [a]\naction: remove', { title: 'a' });
    const plan = planEffects(decisions, { kind: 'submission', ...APP });
    expect(plan.effects.filter((e) => e.kind === 'moderation').map((e) => [e.key, e.action, e.line])).toEqual([['1:remove', 'remove', 4]]);
    expect(plan.skipped).toEqual([expect.objectContaining({ key: '0:report', action: 'report', line: 1, reason: 'decided-by-earlier-rule' })]);
  });
  it('the first of two non-removal actions decides; the other is reported as skipped', () => {
    const decisions = decide('title: [a]\naction: approve\n---\ntitle: [a]\naction: report', { title: 'a' });
    const plan = planEffects(decisions, { kind: 'submission', ...APP });
    expect(plan.effects.map((e) => e.key)).toEqual(['0:approve']);
    expect(plan.skipped.map((e) => [e.key, e.reason])).toEqual([['1:report', 'decided-by-earlier-rule']]);
  });
  it('every other action of every matching rule applies, in evaluation order (removal rules first), after the moderation action', () => {
    const yaml = [
      'title: [a]',
      'comment: first',
      'comment_stickied: true',
      'set_locked: true',
      '---',
      'title: [a]',
      'action: remove',
      'set_flair: Removed',
      'message: gone',
      'modmail: look',
      'author:',
      '  set_flair: Watch',
    ].join('\n');
    const decisions = decide(yaml, { title: 'a' });
    expect(decisions.map((d) => d.ruleIndex)).toEqual([1, 0]);
    const plan = planEffects(decisions, { kind: 'submission', ...APP });
    expect(plan.effects.map((e) => e.key)).toEqual([
      '1:remove',
      '1:post-flair',
      '1:user-flair',
      '1:message',
      '1:modmail',
      '0:set_locked',
      '0:comment',
      '0:comment-distinguish',
    ]);
    expect(plan.skipped).toEqual([]);
  });
  it('on a comment, post flags come from parent_submission and set_flair is not post flair', () => {
    const yaml = 'type: comment\nbody: [a]\nparent_submission:\n  set_locked: true\ncomment: hi';
    const plan = planEffects(decide(yaml, { id: 't1_c', type: 'comment', body: 'a', parent_submission: {} }), { kind: 'comment', ...APP });
    expect(plan.effects.map((e) => e.kind)).toEqual(['set_locked', 'comment', 'comment-distinguish']);
  });
  it('a filter removes and lists the item for moderators (filter-notice); remove and spam do not', () => {
    const plan = planEffects(decide('title: [a]\naction: filter\nmodmail: look', { title: 'a' }), { kind: 'submission', ...APP });
    expect(plan.effects.map((e) => [e.key, e.kind])).toEqual([
      ['0:filter', 'moderation'],
      ['0:filter-notice', 'filter-notice'],
      ['0:modmail', 'modmail'],
    ]);
    for (const action of ['remove', 'spam']) {
      expect(planEffects(decide(`title: [a]\naction: ${action}`, { title: 'a' }), { kind: 'submission', ...APP }).effects.map((e) => e.kind)).toEqual(['moderation']);
    }
    // A vetoed filter lists nothing: the moderator already decided.
    const vetoed = planEffects(decide('title: [a]\naction: filter', { title: 'a' }), { kind: 'submission', ...APP, state: { isRemoved: false, isApproved: true } });
    expect(vetoed.effects).toEqual([]);
  });
  it('no decisions, no effects', () => {
    expect(planEffects([], { kind: 'submission', ...APP })).toEqual({ effects: [], skipped: [] });
  });
});

describe('never contradict a human moderator', () => {
  const removeDecisions = () => decide('title: [a]\naction: remove\ncomment: removed', { title: 'a' });
  it('does not remove an item a moderator approved, nor perform any other action of that rule', () => {
    const plan = planEffects(removeDecisions(), { kind: 'submission', ...APP, state: { isRemoved: false, isApproved: true } });
    expect(plan.effects).toEqual([]);
    expect(plan.skipped.map((e) => [e.key, e.reason])).toEqual([
      ['0:remove', 'approved-by-moderator'],
      ['0:comment', 'approved-by-moderator'],
      ['0:comment-distinguish', 'approved-by-moderator'],
    ]);
    expect(plan.veto).toEqual({ ruleIndex: 0, line: 1, reason: 'approved-by-moderator' });
  });
  it('the veto covers the whole overruled rule (lock, message, escalation …) and names the moderator; other rules still apply', () => {
    const yaml = [
      'title: [a]',
      'action: remove',
      'set_locked: true',
      'message: Your post was removed',
      'escalate:',
      '  team: Trust & Safety',
      '---',
      'title: [a]',
      'set_flair: Seen',
    ].join('\n');
    const plan = planEffects(decide(yaml, { title: 'a' }), { kind: 'submission', ...APP, state: { isRemoved: false, isApproved: true, approvedBy: 'mod_alice' } });
    expect(plan.effects.map((e) => e.key)).toEqual(['1:post-flair']);
    expect(plan.skipped.map((e) => [e.key, e.by])).toEqual([
      ['0:remove', 'mod_alice'],
      ['0:set_locked', 'mod_alice'],
      ['0:message', 'mod_alice'],
      ['0:escalate', 'mod_alice'],
    ]);
    expect(plan.veto && describeVeto(plan.veto)).toBe('approved by u/mod_alice');
    expect(describeVeto({ reason: 'approved-by-moderator' })).toBe('approved by a moderator');
  });
  it('a rule that loses the moderation action to an earlier rule is not vetoed: its other actions apply', () => {
    const decisions = decide('title: [a]\naction: remove\n---\ntitle: [a]\naction: report\ncomment: noted', { title: 'a' });
    const plan = planEffects(decisions, { kind: 'submission', ...APP, state: { isRemoved: false, isApproved: false } });
    expect(plan.veto).toBeUndefined();
    expect(plan.effects.map((e) => e.key)).toEqual(['0:remove', '1:comment', '1:comment-distinguish']);
  });
  it('removes an untouched item, and one approved by AutoModerator or the app itself', () => {
    for (const approvedBy of ['AutoModerator', 'Creator-Desk']) {
      const plan = planEffects(removeDecisions(), { kind: 'submission', ...APP, state: { isRemoved: false, isApproved: true, approvedBy } });
      expect(plan.effects.map((e) => e.key)).toContain('0:remove');
    }
    expect(planEffects(removeDecisions(), { kind: 'submission', ...APP, state: untouched }).skipped).toEqual([]);
  });
  it('does not approve an item a moderator removed, whether named or (as for comments) unknown', () => {
    const decisions = decide('title: [a]\naction: approve', { title: 'a' });
    for (const state of [{ isRemoved: true, isApproved: false, removedBy: 'some_mod' }, { isRemoved: true, isApproved: false }]) {
      const plan = planEffects(decisions, { kind: 'submission', ...APP, state });
      expect(plan.effects).toEqual([]);
      expect(plan.skipped).toEqual([expect.objectContaining({ key: '0:approve', reason: 'removed-by-moderator' })]);
      expect(plan.veto && describeVeto(plan.veto)).toBe(state.removedBy ? 'removed by u/some_mod' : 'removed by a moderator');
    }
  });
  it('approves an item removed by AutoModerator or the app (case-insensitive), as a later rule may', () => {
    for (const removedBy of ['AutoModerator', 'creator-desk', 'CREATOR-DESK']) {
      const state = { isRemoved: true, isApproved: false, removedBy };
      expect(removedByHuman(state, APP)).toBe(false);
      expect(moderationVerdict('approve', state, APP)).toEqual({ perform: true });
    }
  });
  it('reports whatever the moderation state, and spam/filter are removals like remove', () => {
    const approved = { isRemoved: false, isApproved: true };
    const removed = { isRemoved: true, isApproved: false, removedBy: 'mod' };
    expect(moderationVerdict('report', approved, APP)).toEqual({ perform: true });
    expect(moderationVerdict('report', removed, APP)).toEqual({ perform: true });
    expect(moderationVerdict('spam', approved, APP)).toEqual({ perform: false, reason: 'approved-by-moderator' });
    expect(moderationVerdict('filter', approved, APP)).toEqual({ perform: false, reason: 'approved-by-moderator' });
    expect(removedByHuman(untouched, APP)).toBe(false);
  });
});
