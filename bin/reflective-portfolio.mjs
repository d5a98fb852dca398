#!/usr/bin/env node
// The `reflective-portfolio` command: runs the command line that `npm run build` bundles into out/cli.mjs.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../out/cli.mjs', import.meta.url);
if (existsSync(fileURLToPath(cli))) {
  await import(cli.href);
} else {
  process.stderr.write('Run `npm run build` first.\n');
  process.exitCode = 1;
}
