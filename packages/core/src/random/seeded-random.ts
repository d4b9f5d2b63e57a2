/**
 * The one seeded PRNG of the project: the QA sampler's audit samples, the example generator, the
 * benchmarks and the test harness's fault injection. The same seed gives the same sequence on every
 * machine, so a sample or a fixture can be drawn again by anyone with the seed. mulberry32 — fine for
 * sampling and fixtures, never for anything secret.
 */

/** Returns a function giving floats in [0, 1), deterministic for `seed`. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
