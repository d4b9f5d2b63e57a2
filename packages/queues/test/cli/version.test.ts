import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

describe('creator-desk version', () => {
  it('prints the installed package version, as a command and as -V', async () => {
    for (const argv of [['version'], ['-V'], ['--version']]) {
      const run = await cli(argv);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(`creator-desk ${version}\n`);
    }
  });
});
