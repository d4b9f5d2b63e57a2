import { describe, expect, it } from 'vitest';
import { formatDiagnostics } from '../../../src/platform/wiki-config/format-diagnostics.js';

describe('formatDiagnostics', () => {
  const source = 'type: submission\nbody (bogus): ["x"]\naction: remove';

  it('gives line:col: message, the source line and a caret, all as an indented code block', () => {
    const text = formatDiagnostics([{ line: 2, column: 7, severity: 'error', message: 'unknown search method "bogus"' }], source);
    expect(text.split('\n')).toEqual(['    2:7: unknown search method "bogus"', '        | body (bogus): ["x"]', '        |       ^']);
  });

  it('marks warnings, keeps each message on one line and caps the list', () => {
    const many = Array.from({ length: 3 }, (_, i) => ({ line: 1, column: 1, severity: 'warning' as const, message: `w${i}\nsecond line` }));
    const text = formatDiagnostics(many, undefined, 2);
    expect(text.split('\n')).toEqual(['    1:1: warning: w0 second line', '    1:1: warning: w1 second line', '    … and 1 more']);
  });

  it('keeps markdown from the page inert: every line is inside the code block', () => {
    const text = formatDiagnostics([{ line: 1, column: 1, severity: 'error', message: '[click](https://evil.example) u/someone' }], '# [click](https://evil.example)');
    for (const line of text.split('\n')) expect(line.startsWith('    ')).toBe(true);
  });
});
