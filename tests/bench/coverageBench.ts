import { performance } from 'node:perf_hooks';
import { coverage } from '../../shared/evidence/coverage.js';
import { benchFramework, generatePortfolio } from './generatePortfolio.js';
import { withBenchServer } from './benchWebMode.js';
import type { Figures } from './storageBench.js';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const round = (value: number) => Math.round(value * 10) / 10;

/** The pure coverage function over the generated index (what `evidence.coverage` runs in main). */
export function benchCoverageCompute(entries: number, runs: number): Figures {
  const { data } = generatePortfolio(entries);
  const times: number[] = [];
  let cells = 0;
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    const result = coverage(benchFramework, data.entries, { from: null, to: null });
    times.push(performance.now() - started);
    cells = result.rows.reduce((total, row) => total + row.cells.length, 0);
  }
  return {
    [`coverage computed, ${entries} entries × ${benchFramework.outcomes.length} outcomes: median of ${runs} (ms)`]: round(median(times)),
    'coverage computed: slowest (ms)': round(Math.max(...times)),
    'cells with evidence': cells,
  };
}

/**
 * The matrix in Chromium (web mode): from asking for coverage to the matrix drawn and painted,
 * then long tasks (over 50 ms) while it is scrolled from the latest week back to the first.
 */
export function benchCoverageView(entries: number, runs: number): Promise<Figures> {
  return withBenchServer(entries, async ({ url, browser }) => {
    const requestToPainted: number[] = [];
    const answerToDrawn: number[] = [];
    const answerToPainted: number[] = [];
    let scroll = { longTasks: 0, longest: 0, frames: 0 };
    for (let run = 0; run < runs; run += 1) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
      // tsx names the functions it compiles with a helper the page does not have.
      await context.addInitScript('window.__name = (target) => target;');
      const page = await context.newPage();
      await page.goto(url);
      await page.getByRole('textbox', { name: 'This week', exact: true }).waitFor();
      await page.evaluate(() => {
        performance.clearMarks();
        window.location.hash = '#/coverage/bench-unit';
      });
      await page.getByRole('grid').waitFor();
      await page.waitForFunction(() => performance.getEntriesByName('reflective-portfolio:coverage-painted').length > 0);
      const figures = await page.evaluate(() => {
        const at = (name: string) => performance.getEntriesByName(name).at(-1)?.startTime ?? Number.NaN;
        return { requested: at('reflective-portfolio:coverage-requested'), answered: at('reflective-portfolio:coverage-answered'), drawn: at('reflective-portfolio:coverage-drawn'), painted: at('reflective-portfolio:coverage-painted') };
      });
      requestToPainted.push(figures.painted - figures.requested);
      answerToDrawn.push(figures.drawn - figures.answered);
      answerToPainted.push(figures.painted - figures.answered);
      if (run === runs - 1) {
        scroll = await page.evaluate(
          () =>
            new Promise<{ longTasks: number; longest: number; frames: number }>((resolve) => {
              const scroller = document.querySelector<HTMLElement>('.coverage-scroller');
              if (!scroller) throw new Error('no matrix');
              const durations: number[] = [];
              const observer = new PerformanceObserver((list) => {
                for (const entry of list.getEntries()) durations.push(entry.duration);
              });
              observer.observe({ type: 'longtask', buffered: false });
              let frames = 0;
              const step = () => {
                frames += 1;
                scroller.scrollLeft = Math.max(0, scroller.scrollLeft - 400);
                if (scroller.scrollLeft > 0 && frames < 2000) requestAnimationFrame(step);
                else
                  setTimeout(() => {
                    observer.disconnect();
                    resolve({ longTasks: durations.length, longest: Math.max(0, ...durations), frames });
                  }, 200);
              };
              requestAnimationFrame(step);
            }),
        );
      }
      await context.close();
    }
    return {
      [`matrix first render (answer in → drawn): median of ${runs} (ms)`]: round(median(answerToDrawn)),
      [`matrix first render (answer in → painted): median of ${runs} (ms)`]: round(median(answerToPainted)),
      [`coverage view (request sent → painted, includes the API call): median of ${runs} (ms)`]: round(median(requestToPainted)),
      [`scrolling all ${entries} weeks, 400 px a frame (${scroll.frames} frames): long tasks over 50 ms`]: scroll.longTasks,
      'scrolling: longest task (ms)': round(scroll.longest),
    };
  });
}
