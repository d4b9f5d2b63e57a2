/**
 * Every literal the checks of a config look for — `includes` values, the literals a regex needs, and
 * whole-word values (with word boundaries) — in one Aho–Corasick automaton over lower-case ASCII. An
 * item's field is scanned once; each check then reads "does one of my literals occur" from the marks
 * instead of searching the text itself.
 */

const ALPHABET = 128;
const SHIFT = 7;
/** Beyond this many automaton states the index is not built and checks search the text themselves. */
const MAX_STATES = 40_000;

const IS_WORD = new Uint8Array(ALPHABET);
for (let c = 0; c < ALPHABET; c++) {
  const ch = String.fromCharCode(c);
  IS_WORD[c] = /[A-Za-z0-9_]/.test(ch) ? 1 : 0;
}

interface Group {
  needles: string[];
  /** Only whole words count: no word character right before or after. */
  words: boolean;
}

export class SubstringIndex {
  private readonly groups: Group[] = [];
  private delta: Int32Array | undefined;
  /** Per state: flat triples (group id, needle length, whole-word flag). */
  private outputs: number[][] = [];
  private hasOutput: Uint8Array = new Uint8Array(0);
  private built = false;
  private usable = false;

  /**
   * Registers a group of lower-case ASCII literals (`words`: whole words only); returns its id, or
   * undefined once the index is built.
   */
  register(needles: readonly string[], words = false): number | undefined {
    if (this.built || needles.length === 0) return undefined;
    this.groups.push({ needles: [...needles], words });
    return this.groups.length - 1;
  }

  private build(): void {
    this.built = true;
    const children: Int32Array[] = [new Int32Array(ALPHABET).fill(-1)];
    const out: number[][] = [[]];
    for (let id = 0; id < this.groups.length; id++) {
      const group = this.groups[id] as Group;
      for (const needle of group.needles) {
        let state = 0;
        for (let i = 0; i < needle.length; i++) {
          const c = needle.charCodeAt(i);
          if (c >= ALPHABET) return;
          const row = children[state] as Int32Array;
          let next = row[c] as number;
          if (next === -1) {
            next = children.length;
            if (next >= MAX_STATES) return;
            children.push(new Int32Array(ALPHABET).fill(-1));
            out.push([]);
            row[c] = next;
          }
          state = next;
        }
        (out[state] as number[]).push(id, needle.length, group.words ? 1 : 0);
      }
    }
    // Breadth-first: failure links, then a full transition table (one lookup per character when scanning).
    const n = children.length;
    const delta = new Int32Array(n * ALPHABET);
    const fail = new Int32Array(n);
    const queue: number[] = [];
    const root = children[0] as Int32Array;
    for (let c = 0; c < ALPHABET; c++) {
      const next = root[c] as number;
      if (next !== -1) {
        delta[c] = next;
        queue.push(next);
      }
    }
    for (let qi = 0; qi < queue.length; qi++) {
      const u = queue[qi] as number;
      const f = fail[u] as number;
      (out[u] as number[]).push(...(out[f] as number[]));
      const row = children[u] as Int32Array;
      for (let c = 0; c < ALPHABET; c++) {
        const next = row[c] as number;
        if (next === -1) delta[u * ALPHABET + c] = delta[f * ALPHABET + c] as number;
        else {
          delta[u * ALPHABET + c] = next;
          fail[next] = delta[f * ALPHABET + c] as number;
          queue.push(next);
        }
      }
    }
    // Next states pre-multiplied by the alphabet size: one add and one load per character.
    for (let i = 0; i < delta.length; i++) delta[i] = (delta[i] as number) << SHIFT;
    this.delta = delta;
    this.outputs = out;
    this.hasOutput = Uint8Array.from(out, (o) => (o.length > 0 ? 1 : 0));
    this.usable = true;
  }

  /** Marks the groups one of whose literals occurs in `lower` (lower-case ASCII); null when unusable. */
  mark(lower: string): Uint8Array | null {
    if (!this.built) this.build();
    const delta = this.delta;
    if (!this.usable || delta === undefined) return null;
    const marks = new Uint8Array(this.groups.length);
    const outputs = this.outputs;
    const hasOutput = this.hasOutput;
    const len = lower.length;
    let state = 0;
    for (let i = 0; i < len; i++) {
      state = delta[state + lower.charCodeAt(i)] as number;
      const node = state >> SHIFT;
      if (hasOutput[node] !== 1) continue;
      const o = outputs[node] as number[];
      for (let k = 0; k < o.length; k += 3) {
        const id = o[k] as number;
        if (marks[id] === 1) continue;
        if (o[k + 2] === 1) {
          // Whole word: the characters around the occurrence are not word characters.
          const before = i - (o[k + 1] as number);
          if (before >= 0 && IS_WORD[lower.charCodeAt(before)] === 1) continue;
          if (i + 1 < len && IS_WORD[lower.charCodeAt(i + 1)] === 1) continue;
        }
        marks[id] = 1;
      }
    }
    return marks;
  }
}
