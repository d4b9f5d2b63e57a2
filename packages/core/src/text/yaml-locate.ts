import { isMap, isNode, isScalar, type Document, type LineCounter } from 'yaml';

/** A path into a YAML document (map keys and sequence indexes). */
export type YamlPath = readonly (string | number)[];

/**
 * A function giving the 1-based line:col of a path in a parsed document: the deepest node of the path
 * that exists (so a missing key points at its parent), or with `key` the key itself inside the map at
 * `path` (for "unknown key" problems). Line 1, column 1 when nothing matches.
 */
export function yamlLocator(doc: Document, lineCounter: LineCounter): (path: YamlPath, key?: string) => { line: number; column: number } {
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  return (path, key) => {
    const map = path.length === 0 ? doc.contents : doc.getIn(path, true);
    if (key !== undefined && isMap(map)) {
      const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
      if (pair && isNode(pair.key) && pair.key.range) return at(pair.key.range[0]);
    }
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return at(node.range[0]);
    }
    return { line: 1, column: 1 };
  };
}
