import { Command } from 'commander';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { registerQaCommand, type QaIo } from '../../src/cli/qa-command.js';
import { coreLoaders } from '../../src/report/core-loaders.js';
import { tempDir } from '../helpers/temp-dir.js';

function run(argv: string[]): { out: string; err: string; code: number } {
  let out = '';
  let err = '';
  let code = 0;
  const io: QaIo = {
    out: (t) => { out += t; },
    err: (t) => { err += t; },
    exit: (c) => { code = Math.max(code, c); },
    clock: () => new Date('2026-02-20T19:30:00Z'),
    loaders: coreLoaders,
  };
  const program = new Command('creator-desk').exitOverride().configureOutput({ writeErr: (t) => { err += t; }, writeOut: (t) => { out += t; } });
  registerQaCommand(program, io);
  try {
    program.parse(argv, { from: 'user' });
  } catch {
    code = Math.max(code, 2);
  }
  return { out, err, code };
}

// 40 decisions by two contractors, 10 of them audited; "q,uote" needs CSV quoting.
const DECISIONS = ['item_id,contractor,decision,decided_at', ...Array.from({ length: 40 }, (_, i) => `q${String(i).padStart(2, '0')},${i % 2 ? '"q,uote"' : 'plain'},${i % 4 === 0 ? 'reject' : 'approve'},2026-02-18T1${i % 10}:00:00Z`)].join('\n');
const AUDITS = ['item_id,decision,audited_at', ...Array.from({ length: 10 }, (_, i) => `q${String(i).padStart(2, '0')},approve,2026-02-19T12:00:00Z`)].join('\n');

describe('creator-desk qa sample', () => {
  it('prints the next sample as CSV: the size for the margin less the audits made, from decisions not audited yet', () => {
    const dir = tempDir({ 'qa-decisions.csv': DECISIONS, 'qa-audits.csv': AUDITS });
    const r = run(['qa', 'sample', dir, '--seed', '5', '--method', 'random']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const [header, ...rest] = r.out.split('\n');
    // ⌈384.15 / (1 + 383.15/40)⌉ = 37; 10 audited → 27 of the 30 not audited.
    expect(header).toBe('# QA sample: 27 of 30 decisions not audited yet (±5% at 95% over 40 decisions needs 37, 10 audited; random, seed 5)');
    const rows: Record<string, string>[] = parse(rest.join('\n'), { columns: true });
    expect(rows).toHaveLength(27);
    expect(rows.every((row) => Number(row.item_id?.slice(1)) >= 10)).toBe(true);
    expect(new Set(rows.map((row) => row.contractor))).toEqual(new Set(['plain', 'q,uote']));
    // Same seed, same sample.
    expect(run(['qa', 'sample', dir, '--seed', '5', '--method', 'random']).out).toBe(r.out);
    expect(run(['qa', 'sample', dir, '--seed', '6', '--method', 'random']).out).not.toBe(r.out);
  });

  it('takes a fixed --size, or a margin and confidence, and prints JSON with --json', () => {
    const dir = tempDir({ 'qa-decisions.csv': DECISIONS, 'qa-audits.csv': AUDITS });
    const fixed = JSON.parse(run(['qa', 'sample', dir, '--size', '6', '--seed', '1', '--json']).out);
    // Stratified by default: plain·approve, plain·reject, q,uote·approve → at least one each, 6 in all.
    expect(fixed).toMatchObject({ method: 'stratified', size: 6, fixed: true, seed: 1 });
    expect(fixed.items).toHaveLength(6);
    expect(new Set(fixed.items.map((i: { stratum: string }) => i.stratum)).size).toBe(3);
    const wide = JSON.parse(run(['qa', 'sample', dir, '--margin', '0.2', '--confidence', '0.9', '--json']).out);
    // z = 1.645: n₀ = 16.9, n = 16.9 / (1 + 15.9/40) = 12.1 → 13; 10 audited → 3.
    expect(wide).toMatchObject({ required: 13, size: 3, seed: 20260220 });
  });

  it('refuses bad flags and a directory without a decision log; bad rows go to stderr with exit 1', () => {
    const dir = tempDir({ 'qa-decisions.csv': `${DECISIONS}\nzz,plain,aprove,2026-02-18T10:00:00Z\n` });
    expect(run(['qa', 'sample', dir, '--margin', '5']).code).toBe(2);
    expect(run(['qa', 'sample', dir, '--size', '3', '--margin', '0.1']).code).toBe(2);
    expect(run(['qa', 'sample', dir, '--method', 'clustered']).code).toBe(2);
    const bad = run(['qa', 'sample', dir, '--size', '2']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/qa-decisions\.csv:42 \(row 41\) decision: error: expected one of approve \| reject \| escalate, got "aprove" — did you mean 'approve'\?\n$/);
    expect(bad.out).toContain('# QA sample: ');
    expect(run(['qa', 'sample', `${dir}/nowhere`])).toMatchObject({ code: 2, err: expect.stringMatching(/is not a directory/) });
    const empty = run(['qa', 'sample', tempDir({ 'qa-audits.csv': AUDITS })]);
    expect(empty).toMatchObject({ code: 1, out: '' });
    expect(empty.err).toMatch(/has no contractor decision log/);
  });
});
