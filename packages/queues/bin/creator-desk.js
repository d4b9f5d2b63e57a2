#!/usr/bin/env node
// The `creator-desk` command. npm links this file at `npm ci`, before anything is built, so it exists in
// the repository and loads the build; without one it says what to run instead of npx's "could not
// determine executable".
import { existsSync } from 'node:fs';
import process from 'node:process';
import { URL } from 'node:url';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('creator-desk: not built yet — run `npm run build` in the repository first\n');
  process.exitCode = 2;
} else {
  await import(cli.href);
}
