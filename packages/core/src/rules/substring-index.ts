/**
 * Every literal substring the checks of a config look for (their `includes` values and the literals a
 * regex needs), in one Aho–Corasick automaton over lower-case ASCII: an item's field is scanned once,
 * and each check reads "does one of my substrings occur" from the marks, instead of each check
 * searching the text again.
 */

const ALPHABET = 128;
/** Beyond this many automaton states the index is not built and checks search the text themselves. */
const MAX_STATES = 40_000;

export class SubstringIndex {
  private readonly groups: string[][] = [];
  private delta: Int32Array | undefined;
  private outputs: number[][] = [];
  private hasOutput: Uint8Array = new Uint8Array(0);
  private built = false;
  private usable = false;

  /** Registers a group of lower-case ASCII substrings; returns its id, or undefined if there are too many. */
  register(needles: readonly string[]): number | undefined {
    if (this.built || needles.length === 0) return undefined;
    this.groups.push([...needles]);
    return this.groups.length - 1;
  }

  get size(): number {
    return this.groups.length;
  }

  private build(): void {
    this.built = true;
    const children: Int32Array[] = [new Int32Array(ALPHABET).fill(-1)];
    const out: number[][] = [[]];
    for (let id = 0; id < this.groups.length; id++) {
      for (const needle of this.groups[id] ?? []) {
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
        (out[state] as number[]).push(id);
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
      if (next === -1) delta[c] = 0;
      else {
        delta[c] = next;
        fail[next] = 0;
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
    // Store next states pre-multiplied by the alphabet size: one add and one load per character.
    for (let i = 0; i < delta.length; i++) delta[i] = (delta[i] as number) * ALPHABET;
    this.delta = delta;
    this.outputs = out.map((ids) => [...new Set(ids)]);
    this.hasOutput = Uint8Array.from(this.outputs, (ids) => (ids.length > 0 ? 1 : 0));
    this.usable = true;
  }

  /** Marks the groups one of whose substrings occurs in `lower` (lower-case ASCII); null when unusable. */
  mark(lower: string): Uint8Array | null {
    if (!this.built) this.build();
    const delta = this.delta;
    if (!this.usable || delta === undefined) return null;
    const marks = new Uint8Array(this.groups.length);
    const outputs = this.outputs;
    const hasOutput = this.hasOutput;
    let state = 0;
    for (let i = 0; i < lower.length; i++) {
      state = delta[state + lower.charCodeAt(i)] as number;
      const node = state >> 7;
      if (hasOutput[node] === 1) {
        const ids = outputs[node] as number[];
        for (let k = 0; k < ids.length; k++) marks[ids[k] as number] = 1;
      }
    }
    return marks;
  }
}
