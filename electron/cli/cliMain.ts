/** out/cli.mjs, started by bin/reflective-portfolio.mjs: the command line as a process. */
import { runCli } from './runCli.js';

// `npm run cli -- …` runs in the project folder; the paths the user typed are relative to where they typed them.
const typedIn = process.env['INIT_CWD'];
if (process.env['npm_lifecycle_event'] === 'cli' && process.env['npm_package_name'] === 'reflective-portfolio' && typedIn) process.chdir(typedIn);

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  now: () => new Date(),
  debug: process.env['REFLECTIVE_PORTFOLIO_DEBUG'] === '1',
});
