import { describe, expect, it } from 'vitest';
import { parseTable } from '../../src/readers/table.js';

describe('parseTable (CSV)', () => {
  it('numbers data rows from 1 and gives the line each record starts on, across quoted newlines and blank lines', () => {
    const csv = 'id,notes\na,"one\ntwo"\n\nb,plain\nc,x\n';
    const { rows, problems } = parseTable(csv, 'f.csv', 'csv');
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.row, r.line, r.data.id])).toEqual([
      [1, 2, 'a'],
      [2, 5, 'b'],
      [3, 6, 'c'],
    ]);
    expect(rows[0]?.data.notes).toBe('one\ntwo');
  });

  it('reports a record with the wrong number of columns by line and keeps the others', () => {
    const { rows, problems } = parseTable('id,name\na,1\nb,2,extra\nc,3\n', 'f.csv', 'csv');
    expect(rows.map((r) => [r.data.id, r.row, r.line])).toEqual([
      ['a', 1, 2],
      ['c', 3, 4],
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'f.csv', line: 3, row: 2, severity: 'error' });
    expect(problems[0]?.message).toMatch(/wrong number of columns/);
  });

  it('points a malformed multi-line record at the line it starts on and keeps numbering the rest', () => {
    const { rows, problems } = parseTable('id,notes\na,"x\ny",extra\nb,z\n', 'f.csv', 'csv');
    expect(problems[0]).toMatchObject({ line: 2, row: 1 });
    expect(rows.map((r) => [r.data.id, r.row, r.line])).toEqual([['b', 2, 4]]);
  });

  it('treats empty cells as missing values and lower-cases header names', () => {
    const { rows } = parseTable('ID,Assignee\na,\n', 'f.csv', 'csv');
    expect(rows[0]?.data).toEqual({ id: 'a' });
  });

  it('reports a duplicate header column', () => {
    const { problems } = parseTable('id,id\na,b\n', 'f.csv', 'csv');
    expect(problems[0]).toMatchObject({ field: 'id', line: 1, severity: 'error' });
  });
});

describe('parseTable (JSON)', () => {
  it('accepts an array or an object holding the array under a known key', () => {
    expect(parseTable('[{"id":"a"}]', 'f.json', 'json').rows).toHaveLength(1);
    expect(parseTable('{"submissions":[{"id":"a"},{"id":"b"}]}', 'f.json', 'json', ['submissions']).rows).toHaveLength(2);
  });

  it('reports entries that are not objects by row and keeps the rest', () => {
    const { rows, problems } = parseTable('[{"id":"a"}, 3, {"id":"c"}]', 'f.json', 'json');
    expect(rows.map((r) => r.row)).toEqual([1, 3]);
    expect(problems).toEqual([{ file: 'f.json', row: 2, field: '[1]', severity: 'error', message: 'expected an object' }]);
  });

  it('reports invalid JSON as one error for the file', () => {
    const { rows, problems } = parseTable('[{"id":', 'f.json', 'json');
    expect(rows).toEqual([]);
    expect(problems[0]?.message).toMatch(/not valid JSON/);
  });
});

describe('chunked CSV reading (large files)', () => {
  it('gives the same rows, lines and problems as reading the file whole', async () => {
    const { readCsvTableChunked, readTable } = await import('../../src/readers/table.js');
    const lines = ['id,notes'];
    for (let i = 0; i < 40; i++) {
      if (i === 7) lines.push('bad,1,2');
      else if (i === 12) lines.push(`r${i},"multi\nline"`);
      else if (i === 20) lines.push('');
      else lines.push(`r${i},n${i}`);
    }
    const text = `${lines.join('\n')}\n`;
    const whole = readTable(text, 'f.csv', 'csv', [], (raw) => raw);
    for (const size of [1, 3, 5, 16]) {
      const chunked = readCsvTableChunked(text, 'f.csv', size, (raw) => raw);
      expect(chunked).toEqual(whole);
    }
    expect(whole.problems).toEqual([expect.objectContaining({ line: 9, row: 8 })]);
    expect(whole.items.find((r) => r.data.id === 'r13')).toMatchObject({ row: 14, line: 16 });
  });
});

describe('CSV read as bytes', () => {
  it('handles a BOM, CRLF line ends, multi-byte text and quoted newlines the same whole and in chunks', async () => {
    const { readCsvTableChunked, readTable } = await import('../../src/readers/table.js');
    const lines = ['id,notes'];
    for (let i = 0; i < 30; i++) lines.push(i === 9 ? `r${i},"zwei\r\nZeilen — ünïcødé 🎨"` : i === 15 ? `r${i},"a,""quoted"" 🦊"` : `r${i},n${i} é`);
    const text = `\uFEFF${lines.join('\r\n')}\r\n`;
    const bytes = Buffer.from(text);
    const whole = readTable(bytes, 'f.csv', 'csv', [], (raw) => raw);
    expect(whole.problems).toEqual([]);
    expect(whole.items).toHaveLength(30);
    expect(whole.items[9]).toMatchObject({ row: 10, line: 11, data: { id: 'r9', notes: 'zwei\r\nZeilen — ünïcødé 🎨' } });
    expect(whole.items[10]).toMatchObject({ row: 11, line: 13 });
    expect(whole.items[15]?.data.notes).toBe('a,"quoted" 🦊');
    expect(readTable(text, 'f.csv', 'csv', [], (raw) => raw)).toEqual(whole);
    for (const size of [1, 4, 7]) expect(readCsvTableChunked(bytes, 'f.csv', size, (raw) => raw)).toEqual(whole);
  });
});
