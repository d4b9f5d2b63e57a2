import { closestName } from '@creator-desk/core';
import { z } from 'zod';

/**
 * A strict settings object whose unknown-key error names the nearest known key (`restore_windw` → did you
 * mean 'restore_window'?) and lists the keys it takes, so a typo in creator-desk.yaml is fixed at a glance.
 */
export function hintedObject<T extends z.core.$ZodLooseShape>(shape: T) {
  const keys = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code !== 'unrecognized_keys') return undefined;
      const hints = issue.keys.map((k) => {
        const near = closestName(k, keys);
        return near === undefined ? `'${k}'` : `'${k}' (did you mean '${near}'?)`;
      });
      return `unknown key ${hints.join(', ')}: expected ${keys.join(', ')}`;
    },
  });
}
