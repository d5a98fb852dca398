import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { openPortfolio } from '../../electron/storage/openPortfolio.js';
import { readPortfolioSnapshot } from '../../electron/storage/readPortfolioSnapshot.js';
import { formatWeekCommencingShort } from '../../shared/dates/weeks.js';
import { planExport } from '../../shared/export/exportPack.js';
import type { WeeksExport } from '../../shared/export/exportOptions.js';
import type { EntrySections } from '../../shared/portfolio/weeklyLog.js';
import { saveWeeks } from '../fixtures/weeklyLogBuilder.js';
import { benchFramework } from './generatePortfolio.js';
import type { Figures } from './storageBench.js';
import { weeklyLogCorpus } from './weeklyLogCorpus.js';
import { weeksMarkdown } from './weeksMarkdown.js';

/**
 * Issue 5's benchmark: `weeks` weekly logs of 400–700 words exported as one weekly-logs pack, wall
 * time and peak memory, beside pandoc converting the same content written as Markdown, in the
 * same run (after one uncounted run of each, our runs and pandoc's alternate). Targets: ≤ 10 s, ≤ 1 GB, our time ≤ 0.7 × pandoc's.
 *
 * Ours runs in a fresh node process per run (exportChild.ts, bundled with esbuild as the app's
 * code is), so its peak RSS is the export's own: GNU time's "Maximum resident set size" for the
 * whole process (main thread and the export worker), checked against the child's own
 * process.resourceUsage().maxRSS. Needs `npm run build` first (the worker is out/electron/exportWorker.cjs).
 */

const timeBinary = '/usr/bin/time';
const pandocBinary = process.env['PANDOC'] ?? '/usr/bin/pandoc';
const builtWorker = resolve('out/electron/exportWorker.cjs');

interface Measured {
  wallMs: number;
  /** GNU time's maximum resident set size, or null without /usr/bin/time. */
  maxRssKb: number | null;
  /** GNU time's user + system CPU time (all threads), or null without /usr/bin/time. */
  cpuMs: number | null;
  stdout: string;
}

/** Runs a command to its end under GNU time -v (when present): wall time from spawn to exit and peak RSS. */
function measure(command: string, args: readonly string[], timeoutMs = 10 * 60_000): Promise<Measured> {
  const timed = existsSync(timeBinary);
  const [file, argv] = timed ? [timeBinary, ['-v', command, ...args]] : [command, [...args]];
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(file, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const wallMs = performance.now() - started;
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8');
      if (code !== 0) {
        reject(new Error(`${command} ${args.join(' ')} failed (exit ${code}):\n${stderr.slice(-3000)}`));
        return;
      }
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
      const system = /System time \(seconds\): ([\d.]+)/.exec(stderr);
      const cpuMs = user?.[1] && system?.[1] ? (Number(user[1]) + Number(system[1])) * 1000 : null;
      resolvePromise({ wallMs, maxRssKb: rss?.[1] ? Number(rss[1]) : null, cpuMs, stdout });
    });
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const seconds = (ms: number) => (ms / 1000).toFixed(2);
const megabytes = (kb: number | null) => (kb === null ? 'n/a' : (kb / 1024).toFixed(0));

/** LibreOffice prints the file to PDF (its own throwaway profile); the page count, or why not. */
async function pageCount(docx: string, outDir: string): Promise<string> {
  if (process.env['BENCH_EXPORT_PDF'] === '0') return 'skipped (BENCH_EXPORT_PDF=0)';
  const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((candidate) => existsSync(candidate));
  if (!soffice) return 'skipped (soffice not installed)';
  const profile = await mkdtemp(join(tmpdir(), 'lo-profile-'));
  try {
    await mkdir(outDir, { recursive: true });
    const started = performance.now();
    await measure(soffice, [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--nolockcheck', '--convert-to', 'pdf', '--outdir', outDir, docx]);
    const took = performance.now() - started;
    const pdf = join(outDir, `${docx.split('/').pop()?.replace(/\.docx$/, '')}.pdf`);
    if (!existsSync(pdf)) return 'LibreOffice made no PDF';
    const info = await measure('/usr/bin/pdfinfo', [pdf]).catch(() => null);
    const pages = info ? /Pages:\s+(\d+)/.exec(info.stdout)?.[1] : undefined;
    return `${pages ?? '? (pdfinfo missing)'} pages (LibreOffice took ${seconds(took)} s)`;
  } catch (error) {
    return `LibreOffice failed: ${(error as Error).message.split('\n')[0]}`;
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

interface ChildFigures {
  entries: number;
  bytes: number;
  openMs: number;
  readBodiesMs: number;
  layOutMs: number;
  packMs: number;
  writeMs: number;
  exportMs: number;
  totalMs: number;
  maxRssKb: number;
}

export interface ExportBenchResult {
  figures: Figures;
  /** The side-by-side table, one line each. */
  table: string[];
}

export async function benchExport(weeks: number, runs: number): Promise<ExportBenchResult> {
  if (!existsSync(builtWorker)) throw new Error(`${builtWorker} is missing: run npm run build first`);
  const root = await mkdtemp(join(tmpdir(), 'reflective-portfolio-export-bench-'));
  try {
    // The built worker (one self-contained file), copied so a rebuild during the runs cannot take it away.
    const workerFile = join(root, 'exportWorker.cjs');
    await copyFile(builtWorker, workerFile);
    // A real portfolio folder, written through the store as the app saves weeks.
    const folder = join(root, 'portfolio');
    const corpus = weeklyLogCorpus(weeks);
    const opened = await openPortfolio(folder);
    const store = opened.store();
    if (!store) throw new Error('the bench portfolio did not open');
    await saveWeeks(store, corpus, (data) => ({ ...data, frameworks: [benchFramework] }));
    await opened.close();

    // The same content as Markdown, from what was saved.
    const reading = await readPortfolioSnapshot(folder);
    if (!reading.ok) throw new Error(reading.message);
    const { data } = reading.value;
    const options: WeeksExport = { pack: 'weeks', from: corpus[0]?.weekStart ?? '', to: corpus.at(-1)?.weekStart ?? '', name: 'Alex Morgan' };
    const sections = new Map<string, EntrySections>();
    for (const entry of data.entries) {
      const read = await reading.value.sections(entry.id);
      if (!read.ok) throw new Error(read.message);
      sections.set(entry.id, read.value);
    }
    const planned = planExport({ data, bodies: sections, now: new Date() }, options);
    if (!planned.ok) throw new Error(planned.error.message);
    const { preview } = planned.value;
    const ideas = data.entries.reduce((sum, entry) => sum + entry.summary.ideas.length, 0);
    const markdownPath = join(root, 'weekly-logs.md');
    const markdown = weeksMarkdown(data, sections, {
      title: preview.title,
      name: options.name,
      cover: [
        ['Weeks', `${formatWeekCommencingShort(options.from)} to ${formatWeekCommencingShort(options.to)}`],
        ['In this document', `${preview.entries.toLocaleString('en-GB')} weekly logs, ${ideas.toLocaleString('en-GB')} ideas, ${preview.words.toLocaleString('en-GB')} words`],
      ],
    });
    await writeFile(markdownPath, markdown);

    // Our export as the app's code runs it: bundled, in a process of its own.
    const childScript = join(root, 'export-child.mjs');
    await esbuild.build({
      entryPoints: [resolve('tests/bench/exportChild.ts')],
      outfile: childScript,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'warning',
      banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    });

    const ours: Array<ChildFigures & { processMs: number; timeRssKb: number | null; cpuMs: number | null }> = [];
    const pandoc: Measured[] = [];
    const ourFile = join(root, 'ours.docx');
    const pandocFile = join(root, 'pandoc.docx');
    const runOurs = () => measure(process.execPath, [childScript, folder, ourFile, options.from, options.to, options.name, workerFile]);
    const runPandoc = () => measure(pandocBinary, ['-f', 'markdown', '-t', 'docx', '-o', pandocFile, markdownPath]);
    // One run of each first, not counted: both then start with the files they read in the page cache.
    await runOurs();
    await runPandoc();
    for (let run = 0; run < runs; run += 1) {
      const child = await runOurs();
      ours.push({ ...(JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as ChildFigures), processMs: child.wallMs, timeRssKb: child.maxRssKb, cpuMs: child.cpuMs });
      pandoc.push(await runPandoc());
    }

    const first = ours[0] as (typeof ours)[number];
    if (first.entries !== weeks) throw new Error(`the export held ${first.entries} weeks, not ${weeks}`);
    const ourRss = Math.max(...ours.map((run) => run.timeRssKb ?? run.maxRssKb));
    const pandocRss = pandoc.every((run) => run.maxRssKb !== null) ? Math.max(...pandoc.map((run) => run.maxRssKb ?? 0)) : null;
    const pandocMedian = median(pandoc.map((run) => run.wallMs));
    const ourProcess = { median: median(ours.map((run) => run.processMs)), max: Math.max(...ours.map((run) => run.processMs)) };
    const ourTotal = { median: median(ours.map((run) => run.totalMs)), max: Math.max(...ours.map((run) => run.totalMs)) };
    const ourExport = { median: median(ours.map((run) => run.exportMs)), max: Math.max(...ours.map((run) => run.exportMs)) };
    const ratio = ourProcess.median / pandocMedian;
    const verdict = (pass: boolean) => (pass ? 'PASS' : 'FAIL');

    const ourPages = await pageCount(ourFile, join(root, 'pdf'));
    const pandocPages = await pageCount(pandocFile, join(root, 'pdf'));

    const cpu = (values: Array<number | null>) => (values.every((value) => value !== null) ? seconds(median(values as number[])) : 'n/a');
    const row = (cells: string[]) => `  ${cells[0]?.padEnd(52)}${cells.slice(1).map((value) => value.padStart(16)).join('')}`;
    const table = [
      row(['', 'wall median (s)', 'wall max (s)', 'peak RSS (MB)', 'CPU median (s)']),
      row(['ours: export only (portfolio open → file written)', seconds(ourExport.median), seconds(ourExport.max), '', '']),
      row(['ours: open + export (read-only open → written)', seconds(ourTotal.median), seconds(ourTotal.max), '', '']),
      row(['ours: whole process (spawn node → exit)', seconds(ourProcess.median), seconds(ourProcess.max), megabytes(ourRss), cpu(ours.map((run) => run.cpuMs))]),
      row(['pandoc -f markdown -t docx (spawn → exit)', seconds(pandocMedian), seconds(Math.max(...pandoc.map((run) => run.wallMs))), megabytes(pandocRss), cpu(pandoc.map((run) => run.cpuMs))]),
      '',
      `  (CPU = user + system time of all threads, from GNU time; wall times are what the targets judge. Machine load when the runs ended: ${loadavg()
        .map((value) => value.toFixed(2))
        .join(', ')})`,
      `  ours ÷ pandoc (whole process, medians): ${ratio.toFixed(2)}   (open + export ÷ pandoc: ${(ourTotal.median / pandocMedian).toFixed(2)}; export only ÷ pandoc: ${(ourExport.median / pandocMedian).toFixed(2)})`,
      `  target ≤ 10 s (whole process, slowest of ${runs}): ${verdict(ourProcess.max <= 10_000)}`,
      `  target ≤ 1 GB peak RSS (largest of ${runs}): ${verdict(ourRss <= 1024 * 1024)}`,
      `  target ≤ 0.7 × pandoc (whole process, medians): ${verdict(ratio <= 0.7)}`,
    ];

    return {
      figures: {
        machine: `${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}`,
        'weekly logs exported': first.entries,
        'words (as the pack counts them)': preview.words.toLocaleString('en-GB'),
        'Markdown for pandoc (MB)': (Buffer.byteLength(markdown) / 1e6).toFixed(2),
        'our .docx (MB)': (first.bytes / 1e6).toFixed(2),
        "pandoc's .docx (MB)": ((await stat(pandocFile)).size / 1e6).toFixed(2),
        [`ours, median of ${runs} (ms): open read-only`]: Math.round(median(ours.map((run) => run.openMs))),
        [`ours, median of ${runs} (ms): read ${first.entries} bodies`]: Math.round(median(ours.map((run) => run.readBodiesMs))),
        [`ours, median of ${runs} (ms): worker start + lay out (document())`]: Math.round(median(ours.map((run) => run.layOutMs))),
        [`ours, median of ${runs} (ms): pack the .docx (Packer, zip)`]: Math.round(median(ours.map((run) => run.packMs))),
        [`ours, median of ${runs} (ms): write the file`]: Math.round(median(ours.map((run) => run.writeMs))),
        "ours: peak RSS, process.resourceUsage (MB), largest": megabytes(Math.max(...ours.map((run) => run.maxRssKb))),
        'ours as LibreOffice prints it': ourPages,
        "pandoc's as LibreOffice prints it": pandocPages,
      },
      table,
    };
  } finally {
    if (process.env['BENCH_KEEP']) console.log(`\n(kept ${root})`);
    else await rm(root, { recursive: true, force: true });
  }
}
