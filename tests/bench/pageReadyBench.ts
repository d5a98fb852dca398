import { performance } from 'node:perf_hooks';
import { withBenchServer } from './benchWebMode.js';
import type { Figures } from './storageBench.js';

/**
 * Web mode with a large portfolio: from navigation to the "This week" editor being focusable
 * (the page has fetched the status, the timeline and the week, and the editors are mounted).
 * Needs `npm run build` first (it serves out/renderer).
 */
export function benchPageReady(entries: number, runs: number): Promise<Figures> {
  return withBenchServer(entries, async ({ url, startMs, browser }) => {
    const times: number[] = [];
    const marks: number[] = [];
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
    const sorted = [...times].sort((a, b) => a - b);
    const sortedMarks = [...marks].sort((a, b) => a - b);
    return {
      [`page ready as the page measures it (navigation start to week editable): median of ${runs} (ms)`]: Math.round(sortedMarks[Math.floor(sortedMarks.length / 2)] ?? Number.NaN),
      'web mode: start to address printed (ms)': Math.round(startMs),
      [`page ready as Playwright sees it (goto to editor focused): median of ${runs} (ms)`]: Math.round(sorted[Math.floor(sorted.length / 2)] ?? Number.NaN),
      [`page ready: slowest of ${runs} (ms)`]: Math.round(sorted[sorted.length - 1] ?? Number.NaN),
    };
  });
}
