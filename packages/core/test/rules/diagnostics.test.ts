import { describe, expect, it } from 'vitest';
import { parseRules } from '../../src/index.js';
import { editDistance, closestName } from '../../src/rules/suggest.js';

const diags = (yaml: string) => parseRules(yaml).diagnostics.map((d) => [d.line, d.column, d.severity, d.message]);

describe('a YAML syntax error points where the construct opened and where the parser gave up', () => {
  it('an unterminated quote on line 6', () => {
    const yaml = "---\ntitle: [a]\naction: remove\n---\ntitle: [x]\nbody: 'unfinished\naction: remove\ncomment: hi\n";
    const [d] = parseRules(yaml).diagnostics;
    expect(d).toMatchObject({ line: 6, column: 7, severity: 'error', ruleIndex: 2 });
    expect(d?.message).toBe("YAML error: Missing closing 'quote: the single-quoted value opened here is never closed (the parser gave up at line 9, column 1; the whole rule is skipped)");
    expect(parseRules(yaml).rules).toHaveLength(1);
  });
  it('an unclosed flow list', () => {
    const [d] = parseRules('title: [x]\naction: remove\nbody: [abc, def\ncomment: hi\n').diagnostics;
    expect(d).toMatchObject({ line: 3, column: 7 });
    expect(d?.message).toMatch(/the list '\[' opened here is never closed \(the parser gave up at line 5, column 1;/);
  });
  it('a doubled quote inside a single-quoted value is not a close', () => {
    const [d] = parseRules("title: [x]\naction: remove\nbody: 'it''s\n").diagnostics;
    expect(d).toMatchObject({ line: 3, column: 7 });
  });
});

describe('an unknown check or modifier suggests the nearest known name', () => {
  it('checks, at the top and inside a sub-group', () => {
    expect(diags('titel: [x]\naction: remove')).toEqual([[1, 1, 'error', "unsupported: 'titel' is not a check AutoModerator or creator-desk knows — did you mean 'title'?"]]);
    expect(diags('author:\n  acount_age: 3\naction: remove')[0]?.[3]).toMatch(/did you mean 'account_age'\?$/);
    expect(diags('~domian: [x.com]\naction: remove')[0]?.[3]).toMatch(/did you mean 'domain'\?$/);
  });
  it('modifiers', () => {
    expect(diags('title (regx): [x]\naction: remove')[0]?.[3]).toBe("unknown modifier 'regx' — did you mean 'regex'?");
    expect(diags('title (includes-wrod): [x]\naction: remove')[0]?.[3]).toBe("unknown modifier 'includes-wrod' — did you mean 'includes-word'?");
  });
  it('nothing is suggested when nothing is close', () => {
    expect(diags('zzzqqq: [x]\naction: remove')[0]?.[3]).toBe("unsupported: 'zzzqqq' is not a check AutoModerator or creator-desk knows");
    expect(closestName('xyz', ['title', 'body'])).toBeUndefined();
    expect(editDistance('acount_age', 'account_age')).toBe(1);
    expect(editDistance('tilte', 'title')).toBe(1);
  });
});

describe('warnings are true', () => {
  it('no "does not exist" warning when type: any searches the field on submissions', () => {
    expect(diags('type: any\ntitle+body: [x]\naction: remove')).toEqual([]);
  });
  it('the warning stays when the field is searched on none of the rule\'s types', () => {
    expect(diags('type: comment\ntitle+body: [x]\naction: remove')).toEqual([[2, 1, 'warning', 'title does not exist on comment items: only body is searched']]);
  });
  it('a rule whose only check is type and which removes says it removes everything of that type', () => {
    expect(diags('type: comment\naction: remove')).toEqual([[1, 1, 'warning', "the only check of this rule is 'type: comment': it will remove every comment (moderators excepted)"]]);
    expect(diags('type: link submission\naction: spam\nmoderators_exempt: false')[0]?.[3]).toBe("the only check of this rule is 'type: link submission': it will spam every link post, moderators included");
    expect(diags('type: comment\ncomment: hi')).toEqual([]);
    expect(diags('type: comment\nbody: [x]\naction: remove')).toEqual([]);
  });
  it('type: any is no check: such a rule is dropped, as in AutoModerator', () => {
    const r = parseRules('type: any\naction: remove');
    expect(r.rules).toEqual([]);
    expect(r.diagnostics.map((d) => d.message)).toEqual(['rule has no checks: AutoModerator ignores it, and so does creator-desk']);
  });
});
