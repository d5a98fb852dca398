import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { chromium } from '@playwright/test';
import type { Figures } from './storageBench.js';
import { writeBenchPortfolio } from './storageBench.js';

const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Web mode with a large portfolio: from navigation to the "This week" editor being focusable
 * (the page has fetched the status, the timeline and the week, and the editors are mounted).
 * Needs `npm run build` first (it serves out/renderer).
 */
export async function benchPageReady(entries: number, runs: number): Promise<Figures> {
  const { folder } = await writeBenchPortfolio(entries);
  const started = performance.now();
  const server = spawn(process.execPath, ['out/web-server.mjs', '--data', folder, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      server.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const line = output.split('\n').find((candidate) => candidate.startsWith('http://127.0.0.1:'));
        if (line) resolve(line.trim());
      });
      server.on('exit', (code) => reject(new Error(`web mode exited (${code})`)));
    });
    const serverStart = performance.now() - started;
    const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: chromiumArgs });
    const times: number[] = [];
    const marks: number[] = [];
    try {
      for (let run = 0; run < runs; run += 1) {
        const context = await browser.newContext();
        const page = await context.newPage();
        const begin = performance.now();
        await page.goto(url);
        const editor = page.getByRole('textbox', { name: 'This week', exact: true });
        await editor.waitFor({ state: 'visible' });
        await editor.focus();
        await page.waitForFunction(() => document.activeElement?.getAttribute('contenteditable') === 'true');
        times.push(performance.now() - begin);
        marks.push(await page.evaluate(() => performance.getEntriesByName('reflective-portfolio:week-editable')[0]?.startTime ?? Number.NaN));
        await context.close();
      }
    } finally {
      await browser.close();
    }
    const sorted = [...times].sort((a, b) => a - b);
    const sortedMarks = [...marks].sort((a, b) => a - b);
    return {
      [`page ready as the page measures it (navigation start to week editable): median of ${runs} (ms)`]: Math.round(sortedMarks[Math.floor(sortedMarks.length / 2)] ?? Number.NaN),
      'web mode: start to address printed (ms)': Math.round(serverStart),
      [`page ready as Playwright sees it (goto to editor focused): median of ${runs} (ms)`]: Math.round(sorted[Math.floor(sorted.length / 2)] ?? Number.NaN),
      [`page ready: slowest of ${runs} (ms)`]: Math.round(sorted[sorted.length - 1] ?? Number.NaN),
    };
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.on('exit', resolve));
    await rm(folder, { recursive: true, force: true });
  }
}
