// `npm run build`: the page (vite → out/renderer) and the Node/Electron entry points (esbuild → out/).
// Type checking is separate (`tsc -b`). Every npm dependency is bundled in, so a packaged app needs
// no node_modules, and the sandboxed preload is a single file that requires only `electron`.
import { existsSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const projectFolder = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const fromProject = (...parts) => path.join(projectFolder, ...parts);
const packageJson = JSON.parse(readFileSync(fromProject('package.json'), 'utf8'));

const define = { __PRODUCT_VERSION__: JSON.stringify(packageJson.version) };
// Some bundled packages may still call require(); ESM output has none, so give it one.
const esmRequireBanner = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

/** @type {import('esbuild').BuildOptions} */
const common = { bundle: true, define, logLevel: 'warning', legalComments: 'none', absWorkingDir: projectFolder, sourcemap: false };

const entryPoints = [
  { ...common, entryPoints: [fromProject('electron/main.ts')], outfile: fromProject('out/electron/main.cjs'), platform: 'node', format: 'cjs', target: 'node22', external: ['electron'] },
  { ...common, entryPoints: [fromProject('electron/preload.ts')], outfile: fromProject('out/electron/preload.cjs'), platform: 'browser', format: 'cjs', target: 'chrome140', external: ['electron'], minify: true },
  { ...common, entryPoints: [fromProject('electron/web/webMain.ts')], outfile: fromProject('out/web-server.mjs'), platform: 'node', format: 'esm', target: 'node20', banner: { js: esmRequireBanner } },
  // Word files are built in a worker thread beside main (desktop) or the web server (web mode).
  { ...common, entryPoints: [fromProject('electron/export/exportWorker.ts')], outfile: fromProject('out/electron/exportWorker.cjs'), platform: 'node', format: 'cjs', target: 'node20' },
  { ...common, entryPoints: [fromProject('electron/launch.ts')], outfile: fromProject('out/launch.mjs'), platform: 'node', format: 'esm', target: 'node20', banner: { js: esmRequireBanner } },
  { ...common, entryPoints: [fromProject('electron/cli/cliMain.ts')], outfile: fromProject('out/cli.mjs'), platform: 'node', format: 'esm', target: 'node20', banner: { js: esmRequireBanner } },
];

async function buildRenderer() {
  const config = fromProject('vite.config.ts');
  if (!existsSync(config)) {
    console.warn('build: vite.config.ts is missing, so the page (out/renderer) was not built.');
    return;
  }
  const { build } = await import('vite');
  await build({ configFile: config, logLevel: 'warn' });
}

async function buildEntryPoints() {
  await rm(fromProject('out/electron'), { recursive: true, force: true });
  await Promise.all(entryPoints.map((options) => esbuild.build(options)));
}

const started = Date.now();
try {
  await Promise.all([buildRenderer(), buildEntryPoints()]);
  console.log(`build: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  console.error(`build: failed${error instanceof Error ? `: ${error.message}` : ''}`);
  process.exitCode = 1;
}
