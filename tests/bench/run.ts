import { benchStorage } from './storageBench.js';

/**
 * `npm run bench`: performance figures for a realistic large portfolio. Targets (issue 2): open
 * ≤ 400 ms; autosave p95 ≤ 150 ms with the event loop blocked ≤ 50 ms; page ready ≤ 600 ms.
 */
const entries = Number(process.env['BENCH_ENTRIES'] ?? 2520);
const figures = await benchStorage(entries, 40);
console.log('\nStorage (node', process.version, ')');
for (const [name, value] of Object.entries(figures)) console.log(`  ${name}: ${value}`);
