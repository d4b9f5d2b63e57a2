/** Declaring many optional fields of one zod type by name: the item schemas read as tables. */
import type { z } from 'zod';

/** `{ a: type.optional(), b: type.optional(), … }` for the given names, typed field by field. */
export function optionalFields<T extends z.ZodType, K extends string>(type: T, ...names: K[]): { [P in K]: z.ZodOptional<T> } {
  const optional = type.optional();
  return Object.fromEntries(names.map((n) => [n, optional])) as { [P in K]: z.ZodOptional<T> };
}
