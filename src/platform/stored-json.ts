import type { z } from 'zod';

/**
 * Reads a stored JSON value through its schema. A value that no longer fits (written by another
 * version, or damaged) counts as absent, so the app re-derives it instead of crashing.
 */
export function readStored<T>(schema: z.ZodType<T>, json: string | null | undefined): T | undefined {
  if (!json) return undefined;
  try {
    const r = schema.safeParse(JSON.parse(json));
    return r.success ? r.data : undefined;
  } catch {
    return undefined;
  }
}
