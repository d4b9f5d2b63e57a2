import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../src/report/html/escape-html.js';

describe('escapeHtml', () => {
  it('turns the markup characters into entities, in content and in quoted attributes', () => {
    expect(escapeHtml('<script>alert("x")</script>')).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(escapeHtml(`" onload="alert(1)`)).toBe('&quot; onload=&quot;alert(1)');
    expect(escapeHtml("' onmouseover='x")).toBe('&#39; onmouseover=&#39;x');
    expect(escapeHtml('Tom & Jerry &amp;')).toBe('Tom &amp; Jerry &amp;amp;');
  });
  it('leaves a javascript: URL as visible text and removes control characters', () => {
    expect(escapeHtml('javascript:alert(1)')).toBe('javascript:alert(1)');
    expect(escapeHtml('a\u0000b\u001bc\u007fd\te\nf')).toBe('a b c d\te\nf');
  });
  it('keeps non-ASCII text as it is', () => {
    expect(escapeHtml('κ ≥ 0.61 — “ok” 🦦')).toBe('κ ≥ 0.61 — “ok” 🦦');
  });
});
