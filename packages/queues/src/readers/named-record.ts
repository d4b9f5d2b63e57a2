import { didYouMean } from '@creator-desk/core';
import { z } from 'zod';

/**
 * A mapping whose keys must be among `names` (each value checked by `value`): an unknown key is an error
 * at the key saying which names there are, with "did you mean" for a slip (`brif` → `brief`).
 */
export function namedRecord<K extends string, V extends z.ZodType>(names: readonly K[], value: V, what: string) {
  return z.record(z.string(), value).superRefine((rec, ctx) => {
    for (const key of Object.keys(rec)) {
      if (!(names as readonly string[]).includes(key)) ctx.addIssue({ code: 'custom', path: [key], message: `unknown ${what} '${key}'${didYouMean(key, names)} (one of: ${names.join(', ')})` });
    }
  }) as unknown as z.ZodType<Partial<Record<K, z.output<V>>>, Partial<Record<K, z.input<V>>>>;
}
