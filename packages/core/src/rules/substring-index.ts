/**
 * Every literal the checks of a config look for — `includes` values, the literals a regex needs, and
 * whole-word values (with word boundaries) — in one Aho–Corasick automaton over ASCII, case-insensitive. An
 * item's field is scanned once; each check then reads "does one of my literals occur" from the marks
 * instead of searching the text itself.
 */

const ALPHABET = 128;
/** Beyond this many automaton states the index is not built and checks search the text themselves. */
const MAX_STATES = 40_000;

const IS_WORD = new Uint8Array(ALPHABET);
for (let c = 0; c < ALPHABET; c++) {
  const ch = String.fromCharCode(c);
  IS_WORD[c] = /[A-Za-z0-9_]/.test(ch) ? 1 : 0;
}

/** An ASCII upper-case letter's lower-case code; any other code unchanged. */
function foldAscii(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

interface Group {
  needles: string[];
  /** Only whole words count: no word character right before or after. */
  words: boolean;
}

export class SubstringIndex {
  private readonly groups: Group[] = [];
  /**
   * Transitions over character classes (every character no literal uses shares class 0, and an
   * upper-case letter is its lower-case one, so the text needs no lower-casing): a small table that stays
   * in cache. Entries are next state × class count, bit-inverted when that state has outputs.
   */
  private delta: Int32Array | undefined;
  private classOf: Uint8Array = new Uint8Array(ALPHABET);
  private classes = 1;
  /** Per state: flat triples (group id, needle length, whole-word flag). */
  private outputs: number[][] = [];
  private built = false;
  private usable = false;
  private readonly buffers: Uint8Array[] = [];

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
    const classOf = this.classOf;
    let classes = 1;
    for (const group of this.groups) {
      for (const needle of group.needles) {
        for (let i = 0; i < needle.length; i++) {
          const c = foldAscii(needle.charCodeAt(i));
          if (c >= ALPHABET) return;
          if (classOf[c] === 0) {
            classOf[c] = classes;
            // The scan reads the original text: an upper-case letter walks like its lower-case literal.
            if (c >= 97 && c <= 122) classOf[c - 32] = classes;
            classes++;
          }
        }
      }
    }
    if (classes > 255) return;
    this.classes = classes;
    const children: Int32Array[] = [new Int32Array(classes).fill(-1)];
    const out: number[][] = [[]];
    for (let id = 0; id < this.groups.length; id++) {
      const group = this.groups[id] as Group;
      for (const needle of group.needles) {
        let state = 0;
        for (let i = 0; i < needle.length; i++) {
          const c = classOf[foldAscii(needle.charCodeAt(i))] as number;
          const row = children[state] as Int32Array;
          let next = row[c] as number;
          if (next === -1) {
            next = children.length;
            if (next >= MAX_STATES) return;
            children.push(new Int32Array(classes).fill(-1));
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
    const delta = new Int32Array(n * classes);
    const fail = new Int32Array(n);
    const queue: number[] = [];
    const root = children[0] as Int32Array;
    // Class 0 (no literal uses it) always leads back to the root.
    for (let c = 1; c < classes; c++) {
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
      for (let c = 0; c < classes; c++) {
        const next = row[c] as number;
        if (next === -1) delta[u * classes + c] = delta[f * classes + c] as number;
        else {
          delta[u * classes + c] = next;
          fail[next] = delta[f * classes + c] as number;
          queue.push(next);
        }
      }
    }
    // Next states pre-multiplied by the class count (one add and one load per character), and marked
    // (bit-inverted) when they have outputs, so the common case is one sign test.
    for (let i = 0; i < delta.length; i++) {
      const next = delta[i] as number;
      delta[i] = (out[next] as number[]).length > 0 ? ~(next * classes) : next * classes;
    }
    this.delta = delta;
    this.outputs = out;
    this.usable = true;
  }

  /**
   * Marks the groups one of whose literals occurs in `text`, compared case-insensitively; null when the
   * text is not pure ASCII (the caller's regex decides then) or the index is unusable. With `reuse`, the
   * result is overwritten by the next call with the same `reuse` (evaluation marks each field of one
   * item at a time, synchronously).
   */
  mark(text: string, reuse?: number): Uint8Array | null {
    if (!this.built) this.build();
    const delta = this.delta;
    if (!this.usable || delta === undefined) return null;
    // Allocating a typed array per field per item costs more than scanning the field: with `reuse`
    // (a field slot), the marks live in a buffer of that slot, valid until the slot is marked again.
    let marks: Uint8Array;
    if (reuse === undefined) marks = new Uint8Array(this.groups.length);
    else {
      marks = this.buffers[reuse] ??= new Uint8Array(this.groups.length);
      marks.fill(0);
    }
    const outputs = this.outputs;
    const classOf = this.classOf;
    const classes = this.classes;
    const len = text.length;
    let state = 0;
    for (let i = 0; i < len; i++) {
      const code = text.charCodeAt(i);
      if (code >= ALPHABET) return null;
      state = delta[state + (classOf[code] as number)] as number;
      if (state >= 0) continue;
      state = ~state;
      const o = outputs[(state / classes) | 0] as number[];
      for (let k = 0; k < o.length; k += 3) {
        const id = o[k] as number;
        if (marks[id] === 1) continue;
        if (o[k + 2] === 1) {
          // Whole word: the characters around the occurrence are not word characters.
          const before = i - (o[k + 1] as number);
          if (before >= 0 && IS_WORD[text.charCodeAt(before)] === 1) continue;
          if (i + 1 < len && IS_WORD[text.charCodeAt(i + 1) & 127] === 1) continue;
        }
        marks[id] = 1;
      }
    }
    return marks;
  }
}
