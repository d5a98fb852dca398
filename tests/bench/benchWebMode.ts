import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { type Browser, chromium } from '@playwright/test';
import { writeBenchPortfolio } from './storageBench.js';

const chromiumArgs = ['--lang=en-GB', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface BenchServer {
  /** The address web mode printed, token included. */
  url: string;
  /** From spawning web mode to its address being printed. */
  startMs: number;
  browser: Browser;
}

/**
 * Writes a generated portfolio of `entries` weekly logs, serves it in web mode (from `out/`, so
 * `npm run build` first) and opens Debian's Chromium; everything is stopped and removed after `work`.
 */
export async function withBenchServer<T>(entries: number, work: (server: BenchServer) => Promise<T>): Promise<T> {
  const { folder } = await writeBenchPortfolio(entries);
  const started = performance.now();
  const child = spawn(process.execPath, ['out/web-server.mjs', '--data', folder, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const line = output.split('\n').find((candidate) => candidate.startsWith('http://127.0.0.1:'));
        if (line) resolve(line.trim());
      });
      child.on('exit', (code) => reject(new Error(`web mode exited (${code})`)));
    });
    const startMs = performance.now() - started;
    const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: chromiumArgs });
    try {
      return await work({ url, startMs, browser });
    } finally {
      await browser.close();
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.on('exit', resolve));
    await rm(folder, { recursive: true, force: true });
  }
}
