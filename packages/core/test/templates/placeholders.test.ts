import { describe, expect, it } from 'vitest';
import { isMatchPlaceholder, templatePlaceholders, validateTemplate } from '../../src/templates/index.js';

describe('templatePlaceholders', () => {
  it('lists placeholders with 1-based line and column', () => {
    const t = 'Hi {{author}},\nmatched {{match-2}} in {{ match-title-1 }}';
    expect(templatePlaceholders(t)).toEqual([
      { name: 'author', raw: '{{author}}', index: 3, line: 1, column: 4 },
      { name: 'match-2', raw: '{{match-2}}', index: 23, line: 2, column: 9 },
      { name: 'match-title-1', raw: '{{ match-title-1 }}', index: 38, line: 2, column: 24 },
    ]);
  });

  it('finds nothing in a template without placeholders', () => {
    expect(templatePlaceholders('plain { text } {x}')).toEqual([]);
  });
});

describe('validateTemplate', () => {
  it('reports unknown names as errors and malformed braces as warnings, in source order', () => {
    const t = 'Hi {{autor}}\n{{ title\n{{bad name}} {{match-3}}';
    const known = (n: string): boolean => ['author', 'title'].includes(n) || isMatchPlaceholder(n);
    expect(validateTemplate(t, known)).toEqual([
      { line: 1, column: 4, severity: 'error', message: 'unknown placeholder {{autor}}', placeholder: 'autor' },
      { line: 2, column: 1, severity: 'warning', message: '"{{ title" is not a placeholder (expected {{name}}); it will be shown literally' },
      { line: 3, column: 1, severity: 'warning', message: '"{{bad name}} {{match-3}}" is not a placeholder (expected {{name}}); it will be shown literally' },
    ]);
  });

  it('accepts a list of known names', () => {
    expect(validateTemplate('{{author}} {{{title}}}', ['author', 'title'])).toEqual([]);
  });
});

describe('isMatchPlaceholder', () => {
  it.each(['match', 'match-2', 'match-title-1', 'match-title+body-3', 'match-body'])('accepts %s', (n) => {
    expect(isMatchPlaceholder(n)).toBe(true);
  });
  it.each(['matches', 'author', 'match-', 'match-2-title'])('rejects %s', (n) => {
    expect(isMatchPlaceholder(n)).toBe(false);
  });
});

describe('multi-field match placeholders', () => {
  it('parses {{match-title+body-1}} as one placeholder', () => {
    expect(templatePlaceholders('{{match-title+body-1}}').map((p) => p.name)).toEqual(['match-title+body-1']);
  });
});
