/**
 * out/launch.mjs, run by `npm start`: opens the desktop window when Electron's program is present
 * (fetching it once if it is not), and otherwise serves the same app to the web browser.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArguments, usageExitCode, usageText } from './startup/arguments.js';
import { portfolioFolderFor } from './startup/defaultPortfolioFolder.js';
import { findElectronBinary } from './startup/electronBinary.js';
import { explainStartFailure, runWebMode } from './web/runWebMode.js';
import { reportFaultsQuietly } from './security/quietFaults.js';

reportFaultsQuietly(process, (line) => process.stderr.write(line), (code) => process.exit(code));

const outFolder = path.dirname(fileURLToPath(import.meta.url));
const projectFolder = path.dirname(outFolder);
const installTimeoutMs = 20_000;

function electronPackageFolder(): string | null {
  try {
    return path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    const guess = path.join(projectFolder, 'node_modules', 'electron');
    return existsSync(guess) ? guess : null;
  }
}

/** Electron's program, fetched once (with a hard time limit) if the package is there but the program is not. */
function electronProgram(): string | null {
  const packageFolder = electronPackageFolder();
  if (packageFolder === null) return null;
  const found = findElectronBinary(packageFolder);
  if (found !== null || process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return found;
  process.stdout.write('Fetching Electron, the program behind the desktop window…\n');
  spawnSync(process.execPath, [path.join(packageFolder, 'install.js')], { stdio: 'ignore', timeout: installTimeoutMs, killSignal: 'SIGKILL' });
  return findElectronBinary(packageFolder);
}

function runDesktop(program: string, args: readonly string[]): void {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  // Electron reads package.json in the project folder ("main": out/electron/main.cjs, productName).
  const child = spawn(program, [projectFolder, ...args], { stdio: 'inherit', env });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('error', (error) => {
    process.stderr.write(`The desktop window could not be started (${error.name}).\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const args = process.argv.slice(2);
const reading = parseArguments(args);
if (!reading.ok) {
  process.stderr.write(`${reading.problem}\n`);
  process.exit(usageExitCode);
}
const options = reading.arguments;
if (options.help) {
  process.stdout.write(usageText);
  process.exit(0);
}

const program = options.web ? null : electronProgram();
if (program !== null) {
  runDesktop(program, args);
} else {
  if (!options.web) {
    process.stdout.write(
      "The desktop window is not available on this computer (Electron's program could not be downloaded), so Reflective Portfolio will open in your web browser instead.\n",
    );
  }
  const folder = portfolioFolderFor(options.dataFolder, { platform: process.platform, env: process.env, homeFolder: os.homedir() });
  try {
    await runWebMode({ folder, port: options.port, rendererDir: path.join(outFolder, 'renderer') });
  } catch (error) {
    process.stderr.write(`${explainStartFailure(error, options.port)}\n`);
    process.exit(1);
  }
}
