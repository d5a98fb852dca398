import { type ChildProcess, spawn } from 'node:child_process';
import { access, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PortfolioInUseError, lockFileName } from '../../electron/storage/folderLock.js';
import { openPortfolio } from '../../electron/storage/openPortfolio.js';
import { useTempFolders } from '../fixtures/tempFolder.js';

const tempFolder = useTempFolders();
const exists = (path: string) => access(path).then(() => true, () => false);

function runningProcess(): ChildProcess {
  return spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
}

function stopped(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else {
      child.on('exit', () => resolve());
      child.kill('SIGKILL');
    }
  });
}

describe('one program at a time per portfolio folder', () => {
  it('holds a lock while open and lets it go on close', async () => {
    const folder = await tempFolder();
    const opened = await openPortfolio(folder);
    const owner = JSON.parse(await readFile(join(folder, lockFileName), 'utf8'));
    expect(owner).toMatchObject({ pid: process.pid, host: hostname() });
    await opened.close();
    expect(await exists(join(folder, lockFileName))).toBe(false);
  });

  it('keeps the lock until every opening in this process has closed', async () => {
    const folder = await tempFolder();
    const first = await openPortfolio(folder);
    const second = await openPortfolio(folder);
    await first.close();
    expect(await exists(join(folder, lockFileName))).toBe(true);
    await second.close();
    expect(await exists(join(folder, lockFileName))).toBe(false);
  });

  it('refuses a folder another running process holds, and takes it over once that process has gone', async () => {
    const folder = await tempFolder();
    const other = runningProcess();
    try {
      await writeFile(join(folder, lockFileName), JSON.stringify({ pid: other.pid, host: hostname(), since: '2026-11-23T09:00:00.000Z' }));
      const refusal = openPortfolio(folder);
      await expect(refusal).rejects.toBeInstanceOf(PortfolioInUseError);
      await expect(refusal).rejects.toThrow(/already open in another Reflective Portfolio on this computer \(process \d+\)/);
      // Nothing was created or changed while refused.
      expect(await exists(join(folder, 'portfolio.json'))).toBe(false);
    } finally {
      await stopped(other);
    }
    const opened = await openPortfolio(folder);
    expect(opened.status().state).toBe('ready');
    await opened.close();
  });

  it('names the other computer and the lock file when the folder is open elsewhere', async () => {
    const folder = await tempFolder();
    await writeFile(join(folder, lockFileName), JSON.stringify({ pid: 1, host: 'ward-laptop-07', since: '2026-11-23T09:00:00.000Z' }));
    await expect(openPortfolio(folder)).rejects.toThrow(new RegExp(`another computer \\(ward-laptop-07\\).*delete the file ${join(folder, lockFileName).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });

  it('takes over a lock file that cannot be read (only this app writes it)', async () => {
    const folder = await tempFolder();
    await writeFile(join(folder, lockFileName), 'not a lock');
    const opened = await openPortfolio(folder);
    expect(opened.status().state).toBe('ready');
    await opened.close();
  });

  it('a second web mode on the same folder says so in one sentence and exits with status 1', async () => {
    const folder = await tempFolder();
    const first = spawn(process.execPath, ['out/web-server.mjs', '--data', folder, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      await new Promise<void>((resolve, reject) => {
        let output = '';
        first.stdout?.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('http://127.0.0.1:')) resolve();
        });
        first.on('exit', (code) => reject(new Error(`web mode exited early (${code})`)));
      });
      const second = spawn(process.execPath, ['out/web-server.mjs', '--data', folder, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let errors = '';
      second.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => second.on('exit', resolve));
      expect(code).toBe(1);
      expect(errors.trim()).toMatch(/^This portfolio is already open in another Reflective Portfolio on this computer \(process \d+\)\. Close that one first, then start again\.$/);
    } finally {
      first.kill('SIGTERM');
      await new Promise((resolve) => first.on('exit', resolve));
    }
  });
});
