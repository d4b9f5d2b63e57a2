import type { Diagnostic } from '@creator-desk/core';

/**
 * Renders diagnostics as `line:col: message` lines inside an indented code block, so text echoed
 * from the wiki page (which anyone with wiki access could write) stays inert markdown.
 */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], limit = 40): string {
  const lines = diagnostics
    .slice(0, limit)
    .map((d) => `    ${d.line}:${d.column}: ${d.severity === 'warning' ? 'warning: ' : ''}${d.message.replace(/\s*\n\s*/g, ' ')}`);
  if (diagnostics.length > limit) lines.push(`    … and ${diagnostics.length - limit} more`);
  return lines.join('\n');
}
