import { describe, expect, it } from 'vitest';
import { lineStartOffsets, positionAt } from '../../src/text/line-position.js';

describe('positionAt', () => {
  const text = 'title: a\n\n  body: b\n';
  const starts = lineStartOffsets(text);

  it('gives 1-based line and column, blank lines counted', () => {
    expect(positionAt(starts, 0)).toEqual({ line: 1, column: 1 });
    expect(positionAt(starts, text.indexOf('a'))).toEqual({ line: 1, column: 8 });
    expect(positionAt(starts, text.indexOf('\n\n') + 1)).toEqual({ line: 2, column: 1 });
    expect(positionAt(starts, text.indexOf('body'))).toEqual({ line: 3, column: 3 });
  });

  it('places the end of the text on the last (empty) line', () => {
    expect(positionAt(starts, text.length)).toEqual({ line: 4, column: 1 });
  });
});
