import type { Diagnostic } from '@creator-desk/core';

/**
 * Renders diagnostics as `line:col: message` lines, each followed by the offending source line and
 * a caret under the column, inside an indented code block so that text echoed from the wiki page
 * stays inert markdown.
 */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], source?: string, limit = 40): string {
  const sourceLines = source?.split(/\r?\n/) ?? [];
  const out: string[] = [];
  for (const d of diagnostics.slice(0, limit)) {
    out.push(`    ${d.line}:${d.column}: ${d.severity === 'warning' ? 'warning: ' : ''}${d.message.replace(/\s*\n\s*/g, ' ')}`);
    const text = sourceLines[d.line - 1];
    if (text !== undefined && text.trim() !== '') {
      const shown = text.length > 120 ? `${text.slice(0, 117)}...` : text;
      out.push(`        | ${shown}`);
      if (d.column - 1 <= shown.length) out.push(`        | ${' '.repeat(Math.max(0, d.column - 1))}^`);
    }
  }
  if (diagnostics.length > limit) out.push(`    … and ${diagnostics.length - limit} more`);
  return out.join('\n');
}
