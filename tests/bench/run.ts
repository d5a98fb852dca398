import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { benchCoverageCompute, benchCoverageView } from './coverageBench.js';
import { benchExport } from './exportBench.js';
import { benchPageReady } from './pageReadyBench.js';
import { benchPrivacyScan } from './privacyBench.js';
import { benchStorage } from './storageBench.js';

/**
 * `npm run bench`: performance figures for a realistic large portfolio (generated: weekly logs of
 * 300–2,000 words with ideas and plans). Targets (issue 2): open ≤ 400 ms; autosave p95 ≤ 150 ms
 * with the event loop blocked ≤ 50 ms; web-mode page ready ≤ 600 ms. Issue 3: coverage of 2,520
 * entries × 30 outcomes computed ≤ 100 ms and first drawn ≤ 100 ms, no long tasks while scrolling.
 * Issue 5: 500 weekly logs of 400–700 words exported as one Word file ≤ 10 s and ≤ 1 GB, and in
 * ≤ 0.7 × the time pandoc takes over the same content as Markdown. Issue 7: the privacy scan of a
 * 5,000-word entry (150 paragraphs) ≤ 10 ms for a full scan and ≤ 2 ms for the incremental scan
 * after a keystroke (one paragraph changed), medians and p95 over 200 runs after a warm-up.
 *
 * `npm run bench -- --only export` (or `npm run bench:export`) runs one group: storage, coverage,
 * web, export or privacy.
 */
const entries = Number(process.env['BENCH_ENTRIES'] ?? 2520);
const exportWeeks = Number(process.env['BENCH_EXPORT_WEEKS'] ?? 500);
const exportRuns = Number(process.env['BENCH_EXPORT_RUNS'] ?? 3);
const privacyRuns = Number(process.env['BENCH_PRIVACY_RUNS'] ?? 200);
const groups = ['storage', 'coverage', 'web', 'export', 'privacy'] as const;
const { only } = parseArgs({ options: { only: { type: 'string' } } }).values;
if (only !== undefined && !(groups as readonly string[]).includes(only)) {
  console.error(`--only takes one of: ${groups.join(', ')}`);
  process.exit(2);
}
const runs = (group: (typeof groups)[number]) => only === undefined || only === group;

const print = (title: string, figures: Record<string, string | number>) => {
  console.log(`\n${title}`);
  for (const [name, value] of Object.entries(figures)) console.log(`  ${name}: ${value}`);
};

if (runs('storage')) print(`Storage, ${entries} entries (node ${process.version})`, await benchStorage(entries, 40));
if (runs('coverage')) print(`Coverage, ${entries} entries`, benchCoverageCompute(entries, 20));
if (runs('web')) {
  if (existsSync('out/web-server.mjs') && existsSync('out/renderer/index.html')) {
    print(`Web mode in Chromium, ${entries} entries`, await benchPageReady(entries, 5));
    print(`Coverage matrix in Chromium, ${entries} entries`, await benchCoverageView(entries, 5));
  } else {
    console.log('\nWeb mode: skipped (run `npm run build` first).');
  }
}
if (runs('export')) {
  if (existsSync('out/electron/exportWorker.cjs')) {
    const { figures, table } = await benchExport(exportWeeks, exportRuns);
    print(`Word export, ${exportWeeks} weekly logs as one weekly-logs pack, ${exportRuns} runs each, ours and pandoc's alternating`, figures);
    console.log(`\nWord export beside pandoc ${exportWeeks} weekly logs`);
    for (const line of table) console.log(line);
  } else {
    console.log('\nWord export: skipped (run `npm run build` first).');
  }
}
if (runs('privacy')) print(`Privacy scan, a 5,000-word entry, ${privacyRuns} runs after a warm-up`, benchPrivacyScan(privacyRuns));
