import { LineCounter, isMap, parseDocument } from 'yaml';
import { yamlLocator } from '../text/yaml-locate.js';
import type { SlaDiagnostic } from './condition.js';
import { compileSlaPolicies, type CompileSlaOptions, type DocPath } from './compile-sla-policies.js';
import type { SlaPolicySet } from './policy-set.js';
import { slaPolicyFileSchema } from './schema.js';

/**
 * Loads an SLA policy file (YAML: `calendars:` and an ordered `policies:` list) and reports every problem
 * with its 1-based line and column. Policies with errors are left out (each named in an error); callers
 * keep their last good set when any error is reported.
 */
export function parseSlaPolicies(
  text: string,
  opts: Omit<CompileSlaOptions, 'locate'> = {},
): { policies: SlaPolicySet; diagnostics: SlaDiagnostic[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const src = opts.source === undefined ? {} : { source: opts.source };
  const empty: SlaPolicySet = { policies: [], calendars: {} };
  const yamlProblems: SlaDiagnostic[] = [...doc.errors, ...doc.warnings].map((e) => {
    const pos = lineCounter.linePos(e.pos[0]);
    return {
      ...src,
      line: pos.line,
      column: pos.col,
      severity: e.name === 'YAMLWarning' ? 'warning' : 'error',
      message: e.message.split('\n')[0] ?? e.message,
    };
  });
  if (doc.errors.length > 0) return { policies: empty, diagnostics: yamlProblems };

  const findPath = yamlLocator(doc, lineCounter);
  const locate = (path: DocPath): { line: number; column: number } => findPath(path);

  if (!isMap(doc.contents)) {
    return {
      policies: empty,
      diagnostics: [...yamlProblems, { ...src, ...locate([]), severity: 'error', message: 'expected a mapping with `calendars:` and `policies:`' }],
    };
  }
  const top = slaPolicyFileSchema.safeParse(doc.toJS());
  if (!top.success) {
    return {
      policies: empty,
      diagnostics: [
        ...yamlProblems,
        ...top.error.issues.map(
          (i): SlaDiagnostic => ({ ...src, ...locate(i.path as DocPath), severity: 'error', message: `${i.path.join('.') || '(top level)'}: ${i.message}` }),
        ),
      ],
    };
  }
  const result = compileSlaPolicies(
    // calendars are re-validated one by one so one bad calendar does not hide the others
    { calendars: (doc.toJS() as { calendars?: Record<string, unknown> }).calendars ?? {}, policies: top.data.policies },
    { ...opts, locate },
  );
  return { policies: result.policies, diagnostics: [...yamlProblems, ...result.diagnostics] };
}
