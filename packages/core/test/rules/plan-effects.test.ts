import { describe, expect, it } from 'vitest';
import { describeVeto, evaluate, moderationVerdict, planEffects, removedByHuman, type Item, type ModerationState } from '../../src/index.js';
import { compile, decide } from './helpers.js';

const APP = { appName: 'creator-desk' };
const untouched: ModerationState = { isRemoved: false, isApproved: false };

describe('planEffects: which decision decides the moderation action', () => {
  it('removal rules are applied before others, and no rule runs after a removal', () => {
    const decisions = decide('title: [a]\naction: report\n---\ntitle: [a]\naction: remove', { title: 'a' });
    const plan = planEffects(decisions, { kind: 'submission', ...APP });
    expect(plan.effects.map((e) => [e.key, e.action, e.line])).toEqual([['1:remove', 'remove', 4]]);
    expect(plan.skipped).toEqual([]);
  });
  it('every rule\'s moderation action is performed, in order, as AutoModerator performs each rule', () => {
    const decisions = decide('title: [a]\naction: approve\n---\ntitle: [a]\naction: report', { title: 'a' });
    const plan = planEffects(decisions, { kind: 'submission', ...APP });
    expect(plan.effects.map((e) => e.key)).toEqual(['0:approve', '1:report']);
    expect(plan.skipped).toEqual([]);
  });
  it('no moderation action is planned after a removal, even in hand-built decisions', () => {
    const d = (ruleIndex: number, action: 'remove' | 'report') => ({ ruleIndex, line: ruleIndex + 1, actions: { action } });
    const plan = planEffects([d(0, 'remove'), d(1, 'report')], { kind: 'submission', ...APP });
    expect(plan.effects.map((e) => e.key)).toEqual(['0:remove']);
    expect(plan.skipped.map((e) => [e.key, e.reason])).toEqual([['1:report', 'decided-by-earlier-rule']]);
  });
  it('every other action of every matching rule applies, in evaluation order, after the moderation action', () => {
    const yaml = [
      'title: [a]',
      'comment: first',
      'comment_stickied: true',
      'set_locked: true',
      '---',
      'title: [a]',
      'action: report',
      'set_flair: Reported',
      'message: gone',
      'modmail: look',
      'author:',
      '  set_flair: Watch',
    ].join('\n');
    const decisions = decide(yaml, { title: 'a' });
    expect(decisions.map((d) => d.ruleIndex)).toEqual([0, 1]);
    const plan = planEffects(decisions, { kind: 'submission', ...APP });
    expect(plan.effects.map((e) => e.key)).toEqual([
      '1:report',
      '0:set_locked',
      '0:comment',
      '0:comment-distinguish',
      '1:post-flair',
      '1:user-flair',
      '1:message',
      '1:modmail',
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
    // The item carries the same state: AutoModerator checks no removal rule on it, so later rules run.
    const moderation = { is_removed: false, is_approved: true, approved_by: 'mod_alice' };
    const decisions = evaluate(compile(yaml), { id: 't3_x', type: 'submission', title: 'a', moderation } as Item, APP);
    const plan = planEffects(decisions, { kind: 'submission', ...APP, state: { isRemoved: false, isApproved: true, approvedBy: 'mod_alice' } });
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
  it('after a performed removal no other rule ran, so nothing else is planned or vetoed', () => {
    const decisions = decide('title: [a]\naction: remove\n---\ntitle: [a]\naction: report\ncomment: noted', { title: 'a' });
    const plan = planEffects(decisions, { kind: 'submission', ...APP, state: { isRemoved: false, isApproved: false } });
    expect(plan.veto).toBeUndefined();
    expect(plan.effects.map((e) => e.key)).toEqual(['0:remove']);
  });
  it('on a moderator-approved item the vetoed removal is the only removal, and the other rules run', () => {
    const yaml = 'title: [a]\naction: remove\n---\ntitle: [a]\naction: spam\n---\ntitle: [a]\ncomment: noted';
    const moderation = { is_removed: false, is_approved: true, approved_by: 'mod_alice' };
    const decisions = evaluate(compile(yaml), { id: 't3_x', type: 'submission', title: 'a', moderation } as Item, APP);
    expect(decisions.map((d) => d.line)).toEqual([1, 7]);
    const plan = planEffects(decisions, { kind: 'submission', ...APP, state: { isRemoved: false, isApproved: true, approvedBy: 'mod_alice' } });
    expect(plan.effects.map((e) => e.key)).toEqual(['2:comment', '2:comment-distinguish']);
    expect(plan.veto).toMatchObject({ ruleIndex: 0, by: 'mod_alice' });
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

describe('approve acts only on an item that needs it (AutoModerator\'s rule), decided in planEffects', () => {
  const approve = (yaml: string, item: Partial<Item>) => decide(yaml, item);
  const plain = () => approve('title: [a]\naction: approve', { title: 'a' });
  const onReports = () => approve('title: [a]\nreports: 1\naction: approve', { title: 'a', reports: 2 });
  const plan = (decisions: ReturnType<typeof decide>, state: ModerationState) => planEffects(decisions, { kind: 'submission', ...APP, state });
  it('approves an item removed by automation', () => {
    expect(plan(plain(), { isRemoved: true, isApproved: false, removedBy: 'AutoModerator' }).effects.map((e) => e.key)).toEqual(['0:approve']);
  });
  it('does not approve an untouched item, nor a reported one when the rule does not check reports', () => {
    expect(plan(plain(), untouched).skipped.map((e) => [e.key, e.reason])).toEqual([['0:approve', 'nothing-to-approve']]);
    expect(plan(plain(), { ...untouched, reports: 3 }).skipped.map((e) => e.reason)).toEqual(['nothing-to-approve']);
  });
  it('approves a reported item when the rule checks reports, unless the reports are gone', () => {
    expect(onReports()[0]?.checksReports).toBe(true);
    expect(plan(onReports(), { ...untouched, reports: 2 }).effects.map((e) => e.key)).toEqual(['0:approve']);
    expect(plan(onReports(), untouched).effects.map((e) => e.key)).toEqual(['0:approve']);
    expect(plan(onReports(), { ...untouched, reports: 0 }).skipped.map((e) => e.reason)).toEqual(['nothing-to-approve']);
  });
  it('never approves what a moderator removed, reported or not', () => {
    expect(plan(onReports(), { isRemoved: true, isApproved: false, removedBy: 'a_mod', reports: 2 }).skipped.map((e) => e.reason)).toEqual(['removed-by-moderator']);
  });
  it('moderationVerdict, asked at perform time, says the same', () => {
    expect(moderationVerdict('approve', untouched, APP)).toEqual({ perform: false, reason: 'nothing-to-approve' });
    expect(moderationVerdict('approve', { ...untouched, reports: 1 }, { ...APP, checksReports: true })).toEqual({ perform: true });
  });
});

describe('parent_submission actions of a comment rule are planned on the post', () => {
  it('its action and set_flair', () => {
    const d = decide('type: comment\nbody: [x]\nparent_submission:\n  reports: 1\n  action: approve\n  set_flair: Solved', { id: 't1_c', type: 'comment', body: 'x', parent_submission: { reports: 2 } });
    expect(d[0]?.parentChecksReports).toBe(true);
    const plan = planEffects(d, { kind: 'comment', ...APP });
    expect(plan.effects.map((e) => [e.key, e.kind, e.action])).toEqual([['0:parent-approve', 'parent-moderation', 'approve'], ['0:post-flair', 'post-flair', undefined]]);
  });
});
