import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CORE_VERSION } from '../src/index.js';

describe('CORE_VERSION', () => {
  it('matches the package version users install', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(CORE_VERSION).toBe(pkg.version);
  });
});
