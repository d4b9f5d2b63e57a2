import { isMap, isNode, isScalar, type Document, type LineCounter } from 'yaml';

/** Finds the 1-based line of a path (or of its key) in a parsed YAML document. */
export type YamlLineOf = (path: readonly (string | number)[], key?: boolean) => number | undefined;

/**
 * The line of the node at `path` (with `key`: of the last path element's key), or of its nearest
 * ancestor that exists, so a problem deep in a bad entry still points into that entry.
 */
export function yamlLineOf(doc: Document, lineCounter: LineCounter): YamlLineOf {
  return (path, key = false) => {
    if (key && path.length > 0) {
      const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
      if (isMap(parent)) {
        const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === path[path.length - 1]);
        if (pair && isNode(pair.key) && pair.key.range) return lineCounter.linePos(pair.key.range[0]).line;
      }
    }
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
}
