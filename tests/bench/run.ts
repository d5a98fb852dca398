import { existsSync } from 'node:fs';
import { benchCoverageCompute, benchCoverageView } from './coverageBench.js';
import { benchPageReady } from './pageReadyBench.js';
import { benchStorage } from './storageBench.js';

/**
 * `npm run bench`: performance figures for a realistic large portfolio (generated: weekly logs of
 * 300–2,000 words with ideas and plans). Targets (issue 2): open ≤ 400 ms; autosave p95 ≤ 150 ms
 * with the event loop blocked ≤ 50 ms; web-mode page ready ≤ 600 ms. Issue 3: coverage of 2,520
 * entries × 30 outcomes computed ≤ 100 ms and first drawn ≤ 100 ms, no long tasks while scrolling.
 */
const entries = Number(process.env['BENCH_ENTRIES'] ?? 2520);

const print = (title: string, figures: Record<string, string | number>) => {
  console.log(`\n${title}`);
  for (const [name, value] of Object.entries(figures)) console.log(`  ${name}: ${value}`);
};

print(`Storage, ${entries} entries (node ${process.version})`, await benchStorage(entries, 40));
print(`Coverage, ${entries} entries`, benchCoverageCompute(entries, 20));
if (existsSync('out/web-server.mjs') && existsSync('out/renderer/index.html')) {
  print(`Web mode in Chromium, ${entries} entries`, await benchPageReady(entries, 5));
  print(`Coverage matrix in Chromium, ${entries} entries`, await benchCoverageView(entries, 5));
} else {
  console.log('\nWeb mode: skipped (run `npm run build` first).');
}
