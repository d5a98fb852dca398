/** out/web-server.mjs: web mode on its own, without the desktop launcher (`node out/web-server.mjs --data …`). */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArguments, usageExitCode, usageText } from '../startup/arguments.js';
import { portfolioFolderFor } from '../startup/defaultPortfolioFolder.js';
import { reportFaultsQuietly } from '../security/quietFaults.js';
import { explainStartFailure, runWebMode } from './runWebMode.js';

reportFaultsQuietly(process, (line) => process.stderr.write(line), (code) => process.exit(code));

const here = path.dirname(fileURLToPath(import.meta.url));
const reading = parseArguments(process.argv.slice(2));
if (!reading.ok) {
  process.stderr.write(`${reading.problem}\n`);
  process.exit(usageExitCode);
}
if (reading.arguments.help) {
  process.stdout.write(usageText);
  process.exit(0);
}
const folder = portfolioFolderFor(reading.arguments.dataFolder, { platform: process.platform, env: process.env, homeFolder: os.homedir() });
try {
  await runWebMode({ folder, port: reading.arguments.port, rendererDir: path.join(here, 'renderer') });
} catch (error) {
  process.stderr.write(`${explainStartFailure(error, reading.arguments.port)}\n`);
  process.exit(1);
}
