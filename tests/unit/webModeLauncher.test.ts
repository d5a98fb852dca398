import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../electron/startup/electronBinary.js';
import { explainStartFailure, runWebMode } from '../../electron/web/runWebMode.js';

let workFolder: string;

beforeAll(async () => {
  workFolder = await mkdtemp(path.join(tmpdir(), 'rp-launch-'));
});

afterAll(async () => {
  await rm(workFolder, { recursive: true, force: true });
});

/** Runs the launcher from source as `npm start` would run its build, collecting what it prints. */
function launcher(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/launch.ts', ...args], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const printed = (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(stdout);
        if (match) resolve(match[0]);
      };
      check();
      child.stdout.on('data', check);
      void exited.then(() => reject(new Error(`exited before printing ${pattern}: ${stdout}${stderr}`)));
    });
  return { child, exited, printed, output: () => ({ stdout, stderr }) };
}

describe.concurrent('the launcher', () => {
  it('refuses an unknown option with exit code 2 and a plain sentence', async () => {
    const run = launcher(['--colour', 'blue']);
    expect(await run.exited).toBe(2);
    expect(run.output().stderr.trim()).toBe('Unknown option: --colour. Use --help to see the options.');
  });

  it('without Electron’s program says so, serves the app to the browser and exits cleanly on Ctrl+C', async () => {
    const run = launcher(['--data', path.join(workFolder, 'portfolio'), '--port', '0']);
    const url = await run.printed(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{43}$/m);
    const response = await fetch(`${url.split('/#')[0]}/api/call`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${url.split('#token=')[1]}` },
      body: JSON.stringify({ name: 'app.info', argument: {} }),
    });
    expect(await response.json()).toMatchObject({ ok: true, value: { mode: 'web' } });
    run.child.kill('SIGINT');
    await run.printed(/^Saving and closing…$/m);
    // A second Ctrl+C skips the wait for a save the page might still send.
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    expect(run.output().stdout).toContain('The desktop window is not available on this computer');
  });
});

describe('web mode started for a person at a terminal', () => {
  it('prints a short explanation, then the address with its token on a line of its own', async () => {
    const lines: string[] = [];
    const rendererDir = path.join(workFolder, 'renderer');
    await mkdir(rendererDir, { recursive: true });
    await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html>');
    const server = await runWebMode({ folder: path.join(workFolder, 'printed'), port: 0, rendererDir, print: (line) => lines.push(line), handleSignals: false });
    await server.close();
    expect(lines[0]).toBe('Reflective Portfolio is running in your web browser. Open this address:');
    expect(lines[1]).toBe(server.url);
  });

  it('explains a port that is already taken in plain words', () => {
    const taken = Object.assign(new Error('listen EADDRINUSE'), { code: 'EADDRINUSE' });
    expect(explainStartFailure(taken, 8080)).toBe('Port 8080 is already in use. Choose another with --port, or leave --port out to use any free port.');
  });
});

describe('finding Electron’s program', () => {
  it('finds nothing when the electron package has not downloaded it', async () => {
    const packageFolder = path.join(workFolder, 'electron-missing');
    await mkdir(packageFolder, { recursive: true });
    expect(findElectronBinary(packageFolder, {})).toBeNull();
  });

  it('finds nothing when path.txt names a program that is not there', async () => {
    const packageFolder = path.join(workFolder, 'electron-half');
    await mkdir(packageFolder, { recursive: true });
    await writeFile(path.join(packageFolder, 'path.txt'), 'electron');
    expect(findElectronBinary(packageFolder, {})).toBeNull();
  });

  it('finds the program that path.txt names inside dist/', async () => {
    const packageFolder = path.join(workFolder, 'electron-present');
    await mkdir(path.join(packageFolder, 'dist'), { recursive: true });
    await writeFile(path.join(packageFolder, 'path.txt'), 'electron');
    await writeFile(path.join(packageFolder, 'dist', 'electron'), '');
    expect(findElectronBinary(packageFolder, {})).toBe(path.join(packageFolder, 'dist', 'electron'));
  });
});
