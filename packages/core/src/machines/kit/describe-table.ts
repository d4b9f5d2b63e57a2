import type { TransitionRow } from './types.js';

/** The transition table as a Markdown table (command | from | to), for help pages and docs. */
export function describeTransitions(machine: {
  name: string;
  table: readonly TransitionRow<string, string>[];
  terminal: readonly string[];
}): string {
  const lines = [
    `| ${machine.name} command | from | to |`,
    '| --- | --- | --- |',
    ...machine.table.map((r) => `| ${r.command} | ${r.from.join(', ')} | ${r.to} |`),
  ];
  if (machine.terminal.length > 0) lines.push('', `Final states: ${machine.terminal.join(', ')}.`);
  return lines.join('\n');
}
