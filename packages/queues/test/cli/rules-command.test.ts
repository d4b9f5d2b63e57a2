import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerRulesCommand, type RulesIo } from '../../src/cli/rules-command.js';

function run(argv: string[], files: Record<string, string>): { out: string; err: string; code: number } {
  let out = '';
  let err = '';
  let code = 0;
  const io: RulesIo = {
    out: (t) => { out += t; },
    err: (t) => { err += t; },
    readFile: (p) => {
      const f = files[p];
      if (f === undefined) throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
      return f;
    },
    exit: (c) => { code = Math.max(code, c); },
  };
  const program = new Command('creator-desk').exitOverride();
  registerRulesCommand(program, io);
  program.parse(argv, { from: 'user' });
  return { out, err, code };
}

const RULES = [
  '# Link shorteners',
  'domain: [bit.ly, tinyurl.com]',
  'action: remove',
  'action_reason: "shortener {{match}}"',
  '---',
  'type: comment',
  'body (regex): ["\\\\b(?P<n>\\\\d{3})-\\\\d{4}\\\\b"]',
  'action: report',
  '---',
  'title: [welcome]',
  'comment: "Hi u/{{author}}"',
].join('\n');

const ITEMS = [
  '{"id":"t3_a","type":"submission","title":"free stuff","url":"https://bit.ly/x","author":{"name":"spammer"}}',
  '',
  '{"id":"t1_b","type":"comment","body":"call 555-1234","author":{"name":"bob"}}',
  '{"id":"t3_c","type":"submission","title":"welcome all","is_self":true,"author":{"name":"new_artist"}}',
].join('\n');

describe('creator-desk rules check', () => {
  it('a clean file prints nothing on stdout and exits 0', () => {
    const r = run(['rules', 'check', 'ok.yaml'], { 'ok.yaml': RULES });
    expect(r.out).toBe('');
    expect(r.err).toBe('ok.yaml: 3 rules OK, 0 with errors; 0 errors, 0 warnings\nok.yaml: regex checks: 0 on re2js (linear time), 1 on V8 (bounded repetition only); --engines lists each\n');
    expect(r.code).toBe(0);
  });
  it('--engines names the engine of each regex check at its line', () => {
    const r = run(['rules', 'check', 'e.yaml', '--engines'], { 'e.yaml': "title (regex): ['(cat|dog)s?']\naction: remove\n---\nbody (regex): ['\\s+$']\naction: remove\n" });
    expect(r.out.split('\n').filter(Boolean)).toEqual([
      "e.yaml:1:1: note: title (regex) runs on V8, JavaScript's own engine (no unbounded repetition, so a bounded walk per start position: linear time too)",
      'e.yaml:4:1: note: body (regex) runs on re2js, a linear-time engine (no text can make it slow)',
    ]);
    expect(r.err).toContain('e.yaml: regex checks: 1 on re2js (linear time), 1 on V8 (bounded repetition only)');
    expect(r.code).toBe(0);
  });
  it('prints FILE:LINE:COL: severity: message per diagnostic and exits 1 on an error', () => {
    const r = run(['rules', 'check', 'bad.yaml'], { 'bad.yaml': 'title: [x]\naction: remove\naction: spam\n---\ntitle (regex): ["a++"]\naction: remove\n' });
    expect(r.out.split('\n').filter(Boolean)).toEqual([
      "bad.yaml:2:1: warning: duplicate key 'action': the one on line 3 replaces this one (as in AutoModerator)",
      'bad.yaml:5:17: error: regex "a++": unsupported: possessive quantifier (Python 3.11+ syntax) — JavaScript has no possessive quantifiers',
    ]);
    expect(r.code).toBe(1);
  });
  it('warnings alone exit 0', () => {
    expect(run(['rules', 'check', 'w.yaml'], { 'w.yaml': 'title: [x]\naction: remove\naction: spam' }).code).toBe(0);
  });
  it('a missing file is an error naming the file', () => {
    const r = run(['rules', 'check', 'nope.yaml'], {});
    expect(r.err).toBe('nope.yaml: error: cannot read the file (ENOENT)\n');
    expect(r.code).toBe(1);
  });
});

describe('creator-desk rules test', () => {
  it('prints one JSON line per item with the decisions in AutoModerator order', () => {
    const r = run(['rules', 'test', 'r.yaml', '--items', 'i.jsonl'], { 'r.yaml': RULES, 'i.jsonl': ITEMS });
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l) as { id: string; decisions: unknown[] });
    expect(lines).toEqual([
      { id: 't3_a', decisions: [{ rule: 'Link shorteners', line: 2, actions: { action: 'remove', action_reason: 'shortener bit.ly' } }] },
      { id: 't1_b', decisions: [{ rule: 'rule 2', line: 6, actions: { action: 'report' } }] },
      { id: 't3_c', decisions: [{ rule: 'rule 3', line: 10, actions: { comment: 'Hi u/new_artist' } }] },
    ]);
    expect(r.code).toBe(0);
  });
  it('a decision lists the actions left out and why (set_flair over existing flair)', () => {
    const r = run(['rules', 'test', 'r.yaml', '--items', 'i.jsonl'], { 'r.yaml': 'title: [x]\nset_flair: New\ncomment: hi', 'i.jsonl': '{"id":"t3_f","type":"submission","title":"x","flair_text":"Old"}' });
    expect(JSON.parse(r.out)).toEqual({ id: 't3_f', decisions: [{ rule: 'rule 1', line: 1, actions: { comment: 'hi' }, skipped: [{ action: 'set_flair', reason: 'the post already has flair and overwrite_flair is not true' }] }] });
  });
  it('--explain adds each rule\'s checks and why', () => {
    const r = run(['rules', 'test', 'r.yaml', '--items', 'i.jsonl', '--explain'], { 'r.yaml': RULES, 'i.jsonl': ITEMS.split('\n')[0] ?? '' });
    const line = JSON.parse(r.out) as { explain: { rule: string; fired: boolean; notRun?: string; checks: { why: string }[] }[] };
    expect(line.explain.map((e) => [e.rule, e.fired])).toEqual([['Link shorteners', true], ['rule 2', false], ['rule 3', false]]);
    expect(line.explain[1]?.notRun).toMatch(/rule is for comment items/);
    expect(line.explain[2]?.checks[0]?.why).toMatch(/title: none of 1 value found/);
  });
  it('--json prints one document with per-rule hit counts', () => {
    const r = run(['rules', 'test', 'r.yaml', '--items', 'i.jsonl', '--json'], { 'r.yaml': RULES, 'i.jsonl': ITEMS });
    const doc = JSON.parse(r.out) as { items: unknown[]; summary: { itemsActedOn: number; rules: { rule: string; hits: number; items: string[] }[] } };
    expect(doc.items).toHaveLength(3);
    expect(doc.summary.itemsActedOn).toBe(3);
    expect(doc.summary.rules.map((x) => [x.rule, x.hits, x.items])).toEqual([['Link shorteners', 1, ['t3_a']], ['rule 2', 1, ['t1_b']], ['rule 3', 1, ['t3_c']]]);
  });
  it('bad item lines are reported by file and line, the others still run, exit 1', () => {
    const r = run(['rules', 'test', 'r.yaml', '--items', 'i.jsonl'], { 'r.yaml': RULES, 'i.jsonl': `{"id":"x"}\nnot json\n${ITEMS.split('\n')[0]}` });
    expect(r.err).toContain('i.jsonl:1: error: not an item: type:');
    expect(r.err).toContain('i.jsonl:2: error: not valid JSON');
    expect(r.out.trim().split('\n')).toHaveLength(1);
    expect(r.code).toBe(1);
  });
  it('rule errors go to stderr; the valid rules still run; exit 1', () => {
    const r = run(['rules', 'test', 'r.yaml', '--items', 'i.jsonl'], { 'r.yaml': `title (regex): ["(a+) .*\\\\1"]\naction: remove\n---\n${RULES}`, 'i.jsonl': ITEMS.split('\n')[0] ?? '' });
    expect(r.err).toMatch(/^r\.yaml:1:17: error: regex "\(a\+\) \.\*\\\\1" rejected: it could take more than linear time on a long text: a backreference/);
    expect(JSON.parse(r.out).decisions).toHaveLength(1);
    expect(r.code).toBe(1);
  });
  it('--items is required', () => {
    expect(() => run(['rules', 'test', 'r.yaml'], { 'r.yaml': RULES })).toThrow(/required option '--items/);
  });
});

describe('creator-desk rules schema', () => {
  it('prints the JSON Schema', () => {
    const r = run(['rules', 'schema'], {});
    expect(JSON.parse(r.out)).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object' });
  });
});

describe('creator-desk rules test: queue items', () => {
  it('validates queue items by their type and reports a wrongly typed field by line', () => {
    const rules = "type: staging\nstatus: [failed]\nattempts: '>= 3'\nescalate: {team: Engineering}";
    const items = '{"id":"s1","type":"staging","status":"failed","attempts":"three"}\n{"id":"s2","type":"staging","status":"failed","attempts":4}';
    const r = run(['rules', 'test', 'r.yaml', '--items', 'i.jsonl'], { 'r.yaml': rules, 'i.jsonl': items });
    expect(r.err).toMatch(/^i\.jsonl:1: error: not an item: attempts: /m);
    expect(r.out.trim().split('\n').map((l) => JSON.parse(l))).toEqual([{ id: 's2', decisions: [{ rule: 'rule 1', line: 1, actions: { escalate: { team: 'Engineering' } } }] }]);
    expect(r.code).toBe(1);
  });
});
