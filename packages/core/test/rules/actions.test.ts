import { describe, expect, it } from 'vitest';
import { parseRules } from '../../src/index.js';
import { decide, errors } from './helpers.js';

const actionsOf = (yaml: string) => {
  const { rules, diagnostics } = parseRules(yaml);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return rules[0]?.actions;
};

describe('actions', () => {
  it('action takes approve, remove, spam, filter or report', () => {
    for (const a of ['approve', 'remove', 'spam', 'filter', 'report']) expect(actionsOf(`title: [x]\naction: ${a}`)?.action).toBe(a);
    expect(errors('title: [x]\naction: delete')[0]).toMatch(/action: expected approve, remove, spam, filter or report/);
  });
  it('report_reason is an alias of action_reason; action_reason wins when both are given', () => {
    expect(actionsOf('title: [x]\naction: report\nreport_reason: r')?.action_reason).toBe('r');
    expect(actionsOf('title: [x]\naction: report\nreport_reason: r\naction_reason: a')?.action_reason).toBe('a');
  });
  it('set_flair: text, [text, css_class] or {text, css_class, template_id}', () => {
    expect(actionsOf('type: submission\nset_flair: Art')?.set_flair).toEqual({ text: 'Art' });
    expect(actionsOf('type: submission\nset_flair: [Art, art-css]')?.set_flair).toEqual({ text: 'Art', css_class: 'art-css' });
    expect(actionsOf('type: submission\nset_flair:\n  text: Art\n  template_id: abc')?.set_flair).toEqual({ text: 'Art', template_id: 'abc' });
    expect(errors('type: submission\nset_flair:\n  colour: red')[0]).toMatch(/unknown key 'colour'/);
  });
  it('set_flair under author: sets user flair', () => {
    const a = actionsOf('author:\n  ~flair_text (regex): [".+"]\n  set_flair: Newcomer\n  overwrite_flair: false');
    expect(a?.author).toEqual({ set_flair: { text: 'Newcomer' }, overwrite_flair: false });
  });
  it('set_flair is not a comment action: type any narrows to submissions', () => {
    expect(parseRules('title: [x]\nset_flair: Art').rules[0]?.appliesTo).toEqual(['submission']);
    expect(errors('type: comment\nset_flair: Art')[0]).toMatch(/action 'set_flair' cannot be used on comments/);
  });
  it('set_sticky: true/false or a slot number; set_locked, set_nsfw, set_spoiler booleans', () => {
    expect(actionsOf('type: submission\nset_sticky: 2')?.set_sticky).toBe(2);
    expect(actionsOf('type: submission\nset_sticky: true\nset_locked: true\nset_nsfw: true\nset_spoiler: false')).toMatchObject({ set_sticky: true, set_locked: true, set_nsfw: true, set_spoiler: false });
    expect(errors('type: submission\nset_sticky: 9')[0]).toMatch(/slot number 1-4/);
  });
  it('comment with comment_stickied / comment_locked; message and modmail with subjects', () => {
    const a = actionsOf('type: submission\ncomment: hi\ncomment_stickied: true\ncomment_locked: true\nmessage: m\nmessage_subject: s\nmodmail: mm\nmodmail_subject: ms');
    expect(a).toMatchObject({ comment: 'hi', comment_stickied: true, comment_locked: true, message: 'm', message_subject: 's', modmail: 'mm', modmail_subject: 'ms' });
  });
  it('set_suggested_sort and set_contest_mode', () => {
    expect(actionsOf('type: submission\nset_suggested_sort: new\nset_contest_mode: true')).toMatchObject({ set_suggested_sort: 'new', set_contest_mode: true });
    expect(errors('type: submission\nset_suggested_sort: newest')[0]).toMatch(/set_suggested_sort/);
  });
  it('extensions: escalate, add_modnote, strike (proposed), category', () => {
    const a = actionsOf("title: [dmca]\nescalate: {team: Legal, reason: 'copyright claim'}\nadd_modnote: {note: 'claimed {{match}}', label: spam_watch}\nstrike: repeat infringement\ncategory: legal");
    expect(a).toMatchObject({ escalate: { team: 'Legal', reason: 'copyright claim' }, add_modnote: { note: 'claimed {{match}}', label: 'SPAM_WATCH' }, strike: { reason: 'repeat infringement' }, category: 'legal' });
    expect(errors('title: [x]\nadd_modnote: {note: n, label: nice}')[0]).toMatch(/unknown label 'nice'/);
    expect(errors('title: [x]\nescalate: {reason: r}')[0]).toMatch(/'team' is required/);
  });
  it('modmail-only actions (reply, private_note, archive, highlight, mute) need type: modmail', () => {
    expect(actionsOf('type: modmail\nsubject: [refund]\nreply: We got it\nprivate_note: check\narchive: true\nhighlight: true\nmute: 7')).toMatchObject({ reply: 'We got it', private_note: 'check', archive: true, highlight: true, mute: 7 });
    expect(errors('type: submission\ntitle: [x]\nreply: hi')[0]).toMatch(/action 'reply' cannot be used on submissions/);
  });
  it('parent_submission actions act on the parent post', () => {
    const d = decide('type: comment\nbody: [!solved]\nparent_submission:\n  set_flair: Solved\n  overwrite_flair: true', { type: 'comment', body: 'thanks !solved', parent_submission: {} });
    expect(d[0]?.actions.parent_submission).toEqual({ set_flair: { text: 'Solved' }, overwrite_flair: true });
  });
  it('a rule with no action or no check is reported and ignored, as AutoModerator ignores it', () => {
    const r = parseRules('title: [x]\n---\naction: remove');
    expect(r.rules).toEqual([]);
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      'rule has no actions: AutoModerator ignores it, and so does creator-desk',
      'rule has no checks: AutoModerator ignores it, and so does creator-desk',
    ]);
  });
});
