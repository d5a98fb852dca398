import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';

export interface WebApp {
  /** The address the server printed, token included. */
  url: string;
  folder: string;
  /**
   * Stops the server the way Ctrl+C does (it saves first) and starts it again on the same folder,
   * doing `meanwhile` while it is stopped. Resolves to the new address.
   */
  restart(meanwhile?: () => Promise<void>): Promise<string>;
}

/** Starts web mode on `folder` (a second server serves a second portfolio, as a mentor's). */
export async function startServer(folder: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['out/web-server.mjs', '--data', folder, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`web mode did not print its address: ${output}`)), 20_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((candidate) => /^http:\/\/127\.0\.0\.1:\d+\/#token=/.test(candidate.trim()));
      if (line) {
        clearTimeout(timer);
        resolve(line.trim());
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`web mode exited (${code}): ${output}`)));
  });
  return { child, url };
}

export function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.on('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Every test gets the real web-mode server on its own fresh portfolio folder. */
export const test = base.extend<{ app: WebApp }>({
  app: async ({}, use) => {
    const folder = await mkdtemp(join(tmpdir(), 'reflective-portfolio-e2e-'));
    let server = await startServer(folder);
    await use({
      get url() {
        return server.url;
      },
      folder,
      restart: async (meanwhile) => {
        await stopServer(server.child);
        await meanwhile?.();
        server = await startServer(folder);
        return server.url;
      },
    });
    await stopServer(server.child);
    await rm(folder, { recursive: true, force: true });
  },
});

export { expect };
