import { describe, expect, it } from 'vitest';
import { parseRules } from '../../src/index.js';

describe('parseRules: structure and positions', () => {
  it('splits on every line starting with --- (banners and --- # comment too) and numbers lines in the file', () => {
    const text = [
      'title: [a]', // 1
      'action: remove', // 2
      '------------------------------', // 3 banner: a section of hyphens, ignored
      '# Section two', // 4
      '--- # trailing comment', // 5
      'title: [b]', // 6
      'action: filter', // 7
      '---   ', // 8
      '  title: [c]', // 9 indented body
      '  action: report', // 10
    ].join('\n');
    const r = parseRules(text, { source: 'a.yaml' });
    expect(r.diagnostics).toEqual([]);
    expect(r.rules.map((x) => [x.line, x.column])).toEqual([[1, 1], [6, 1], [9, 3]]);
    expect(r.rules[1]?.source).toBe('a.yaml');
  });

  it('reports each key\'s diagnostic at its own line and column', () => {
    const r = parseRules('---\ntitle: [x]\n    \naction: remove\nbogus_check: 1\n---\n  author:\n    account_age: soon\n  action: filter', { source: 'r.yaml' });
    expect(r.diagnostics).toEqual([
      { source: 'r.yaml', line: 5, column: 1, severity: 'error', message: "unsupported: 'bogus_check' is not a check AutoModerator or creator-desk knows", ruleIndex: 1, ruleLine: 2 },
      { source: 'r.yaml', line: 8, column: 18, severity: 'error', message: 'account_age: expected a comparison such as \'< 10\' or \'> 30 days\', got "soon"', ruleIndex: 2, ruleLine: 7 },
    ]);
  });

  it('a broken rule never hides the others', () => {
    const r = parseRules('title: [a]\naction: remove\n---\ntitle: [b\naction: : :\n---\ntitle: [c]\naction: report');
    expect(r.rules.map((x) => x.actions.action)).toEqual(['remove', 'report']);
    expect(r.diagnostics.every((d) => d.ruleIndex === 1 && d.severity === 'error')).toBe(true);
    expect(r.diagnostics[0]?.message).toMatch(/^YAML error: /);
  });

  it('YAML errors point into the file, not into the section', () => {
    const r = parseRules('title: [a]\naction: remove\n---\n/*\ntitle: "x\n');
    expect(r.diagnostics[0]?.line).toBeGreaterThanOrEqual(4);
  });

  it('sections that are not mappings are ignored with a warning (banners and comments silently)', () => {
    const r = parseRules('- https://example.com\n- b\n---\n# only a comment\n---\ntitle: [x]\naction: remove');
    expect(r.rules).toHaveLength(1);
    expect(r.diagnostics).toEqual([expect.objectContaining({ line: 1, severity: 'warning', message: 'this section is a list, not a rule: ignored (AutoModerator ignores it too)' })]);
  });

  it('duplicate keys: the later one wins, with a warning at the earlier one', () => {
    const r = parseRules('title: [x]\naction: report\naction: remove');
    expect(r.rules[0]?.actions.action).toBe('remove');
    expect(r.diagnostics).toEqual([expect.objectContaining({ line: 2, column: 1, severity: 'warning', message: "duplicate key 'action': the one on line 3 replaces this one (as in AutoModerator)" })]);
  });

  it('keys are case-insensitive (AutoModerator lower-cases them)', () => {
    expect(parseRules('Title: [x]\nACTION: remove').rules[0]?.actions.action).toBe('remove');
  });

  it('accepts flow lists whose continuation lines are not indented (PyYAML does), keeping columns', () => {
    const r = parseRules("    title: ['a',\n    'b', 'c',\n    ]\n    action: remove\n    bad_key: 1");
    expect(r.rules).toEqual([]);
    expect(r.diagnostics[0]).toMatchObject({ line: 5, column: 5 });
    const ok = parseRules("title: ['a',\n'b']\naction: remove");
    expect(ok.rules[0]?.condition.checks[0]).toMatchObject({ values: ['a', 'b'] });
  });

  it('reads YAML 1.1 like PyYAML: yes/no are booleans, with a warning when used as search text', () => {
    const r = parseRules('title: [yes, maybe]\naction: remove\nmoderators_exempt: no');
    expect(r.rules[0]?.moderatorsExempt).toBe(false);
    expect(r.rules[0]?.condition.checks[0]).toMatchObject({ values: ['True', 'maybe'] });
    expect(r.diagnostics[0]?.message).toMatch(/read by YAML as True/);
  });

  it('a trailing comma in a flow list adds no empty value', () => {
    expect(parseRules("title: ['x', ]\naction: remove").rules[0]?.condition.checks[0]).toMatchObject({ values: ['x'] });
  });

  it('unknown and legacy keys are unsupported: diagnostics, never silence', () => {
    const r = parseRules('title: [x]\nmodifiers: includes\naction: remove\nevent_label: launch');
    expect(r.diagnostics.map((d) => [d.line, d.message.split(' (')[0]])).toEqual([
      [2, 'unsupported: modifiers'],
      [4, 'unsupported: event_label'],
    ]);
  });

  it('names a rule from the comment above it', () => {
    expect(parseRules('# Remove link shorteners\ndomain: [bit.ly]\naction: remove').rules[0]?.name).toBe('Remove link shorteners');
    expect(parseRules('name: Shorteners\ndomain: [bit.ly]\naction: remove').rules[0]?.name).toBe('Shorteners');
  });

  it('standard conditions expand to their definition, and the rule\'s own keys override it', () => {
    const r = parseRules('standard: image hosting sites\naction: remove');
    expect(r.rules[0]?.condition.checks[0]).toMatchObject({ fields: ['domain'], method: 'domain' });
    expect(parseRules('standard: cat pictures\naction: remove').diagnostics[0]?.message).toMatch(/unknown standard condition/);
  });

  it('never throws on non-text input', () => {
    expect(parseRules(42 as unknown as string).diagnostics[0]?.message).toBe('rules must be text');
  });
});

describe('parseRules: re-reading a config', () => {
  it('gives the same result when a section moves (positions rebased, cached sections not mutated)', () => {
    const rule = 'title: [x]\naction: report\naction: remove\nbogus: 1';
    const a = parseRules(rule, { source: 'a.yaml' });
    const b = parseRules(`# header\ntitle: [why]\naction: remove\n---\n${rule}`, { source: 'b.yaml' });
    expect(a.diagnostics.map((d) => [d.line, d.ruleIndex, d.message])).toEqual([
      [2, 0, "duplicate key 'action': the one on line 3 replaces this one (as in AutoModerator)"],
      [4, 0, "unsupported: 'bogus' is not a check AutoModerator or creator-desk knows"],
    ]);
    expect(b.diagnostics.map((d) => [d.line, d.ruleIndex, d.source, d.message])).toEqual([
      [6, 1, 'b.yaml', "duplicate key 'action': the one on line 7 replaces this one (as in AutoModerator)"],
      [8, 1, 'b.yaml', "unsupported: 'bogus' is not a check AutoModerator or creator-desk knows"],
    ]);
    const again = parseRules(rule, { source: 'a.yaml' });
    expect(again).toEqual(a);
    const moved = parseRules(`title: [z]\naction: remove\n---\n\n${'title: [w]\naction: spam'}`);
    expect(moved.rules.map((r) => [r.index, r.line, r.condition.checks[0]?.line])).toEqual([[0, 1, 1], [1, 5, 5]]);
  });
});
