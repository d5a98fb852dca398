import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { openPortfolio } from '../../electron/storage/openPortfolio.js';
import { savedStateNumber } from '../crash/crashStates.js';
import { useTempFolders } from '../fixtures/tempFolder.js';

const tempFolder = useTempFolders();
const kills = Number(process.env['CRASH_TEST_KILLS'] ?? 100);
let childScript = '';

beforeAll(async () => {
  const folder = await tempFolder();
  childScript = join(folder, 'saveRepeatedly.mjs');
  await build({ entryPoints: ['tests/crash/saveRepeatedly.ts'], bundle: true, platform: 'node', format: 'esm', outfile: childScript, packages: 'bundle', logLevel: 'silent' });
});

function startSaving(folder: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, folder], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      // Wait for one whole save after opening, so every kill moves the portfolio on by at least one state.
      if (/^SAVED \d+$/m.test(output)) resolve(child);
      if (output.includes('DAMAGED')) reject(new Error(`the portfolio did not open after a kill: ${output}`));
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (!/^SAVED \d+$/m.test(output)) reject(new Error(`the saving process stopped early (exit ${code}): ${output}`));
    });
  });
}

function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.on('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe('a save killed part-way', () => {
  it(`always leaves a portfolio that opens and equals one of the saved states (${kills} kills)`, async () => {
    const folder = await tempFolder();
    await (await openPortfolio(folder)).close();

    const seen: number[] = [];
    for (let kill = 0; kill < kills; kill += 1) {
      const child = await startSaving(folder);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 80));
      await killHard(child);

      const reopened = await openPortfolio(folder);
      const store = reopened.store();
      if (!store) throw new Error(`after kill ${kill + 1} the portfolio did not open: ${JSON.stringify(reopened.status())}`);
      seen.push(await savedStateNumber(store));
      await reopened.close();
    }
    const reopened = await openPortfolio(folder);
    expect(reopened.status().state).toBe('ready');
    expect((await reopened.listBackups()).every((backup) => backup.usable)).toBe(true);
    await reopened.close();
    // Each kill came after at least one completed save, so the states seen strictly increase: no save was lost or undone.
    expect(seen.every((n, i) => i === 0 || n > (seen[i - 1] ?? 0))).toBe(true);
  }, 600_000);
});
