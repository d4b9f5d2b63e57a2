import { describe, expect, it } from 'vitest';
import { moderationVerdict, planEffects, removedByHuman, type ModerationState } from '../../src/index.js';
import type { Item } from '../../src/index.js';
import { decide } from './helpers.js';

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
  it('no decisions, no effects', () => {
    expect(planEffects([], { kind: 'submission', ...APP })).toEqual({ effects: [], skipped: [] });
  });
});

describe('never contradict a human moderator', () => {
  const removeDecisions = () => decide('title: [a]\naction: remove\ncomment: removed', { title: 'a' });
  it('does not remove an item a moderator approved, but still performs the rule\'s other actions', () => {
    const plan = planEffects(removeDecisions(), { kind: 'submission', ...APP, state: { isRemoved: false, isApproved: true } });
    expect(plan.effects.map((e) => e.key)).toEqual(['0:comment', '0:comment-distinguish']);
    expect(plan.skipped).toEqual([expect.objectContaining({ key: '0:remove', reason: 'approved-by-moderator' })]);
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
