import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { writeFileAtomically } from '../../electron/storage/atomicWrite.js';
import { readPortfolioSnapshot } from '../../electron/storage/readPortfolioSnapshot.js';
import { type ExportEvent, workerEngine } from '../../electron/export/exportJobs.js';
import { entriesToLoad } from '../../shared/export/exportPack.js';
import { exportOptionsSchema } from '../../shared/export/exportOptions.js';
import type { EntrySections } from '../../shared/portfolio/weeklyLog.js';
import { type ExportJobInput, buildExport } from '../../shared/services/exportHandlers.js';

/**
 * One weekly-logs export, in a process of its own so its peak memory is the export's: the
 * benchmark (exportBench.ts) bundles this file and runs it with node, once per measured run.
 *
 *   node export-child.mjs <portfolio folder> <out.docx> <from> <to> <name> <worker file | in-process>
 *
 * As the app does it: the portfolio is read read-only (as the command line reads it), the job's
 * input is the index plus the text of every entry `entriesToLoad` names (export.start's
 * exportInput), the Word file is built by buildExport in the built worker thread
 * (out/electron/exportWorker.cjs, through the same workerEngine main uses) and saved atomically.
 * Prints one line of JSON: the timings and process.resourceUsage().maxRSS.
 */
const [folder, out, from, to, name, engine] = process.argv.slice(2);
if (!folder || !out || !from || !to || name === undefined || !engine) {
  console.error('usage: export-child <portfolio folder> <out.docx> <from> <to> <name> <worker file | in-process>');
  process.exit(2);
}

const viaWorker = (workerFile: string, input: ExportJobInput, laidOut: () => void) =>
  new Promise<Uint8Array>((resolve, reject) => {
    workerEngine(workerFile)(input, (event: ExportEvent) => {
      if (event.type === 'writing') laidOut();
      else if (event.type === 'done') resolve(event.bytes);
      else if (event.type === 'failed') reject(new Error(event.message));
    });
  });

const started = performance.now();
const reading = await readPortfolioSnapshot(folder);
if (!reading.ok) throw new Error(reading.message);
const snapshot = reading.value;
const opened = performance.now();

const options = exportOptionsSchema.parse({ pack: 'weeks', from, to, name });
const bodies: Array<[string, EntrySections]> = [];
for (const entryId of entriesToLoad(snapshot.data, options)) {
  const sections = await snapshot.sections(entryId);
  if (!sections.ok) throw new Error(sections.message);
  bodies.push([entryId, sections.value]);
}
const input: ExportJobInput = { options, data: snapshot.data, bodies, now: new Date().toISOString() };
const bodiesRead = performance.now();

let laidOutAt = Number.NaN;
const laidOut = () => {
  laidOutAt = performance.now();
};
let bytes: Uint8Array;
if (engine === 'in-process') {
  bytes = (await buildExport(input, (done, total) => done >= total && laidOut())).bytes;
} else {
  if (!existsSync(engine)) throw new Error(`${engine} is missing: run npm run build first`);
  bytes = await viaWorker(engine, input, laidOut);
}
const built = performance.now();
await writeFileAtomically(out, bytes);
const written = performance.now();

console.log(
  JSON.stringify({
    entries: bodies.length,
    bytes: bytes.byteLength,
    openMs: opened - started,
    readBodiesMs: bodiesRead - opened,
    layOutMs: laidOutAt - bodiesRead,
    packMs: built - laidOutAt,
    writeMs: written - built,
    exportMs: written - opened,
    totalMs: written - started,
    maxRssKb: process.resourceUsage().maxRSS,
  }),
);
