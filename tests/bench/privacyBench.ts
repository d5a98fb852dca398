import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { ScanOptions } from '../../shared/privacy/findings.js';
import { BlockScanner, scanText } from '../../shared/privacy/scanner.js';
import type { Figures } from './storageBench.js';
import { readSample } from './weeklyLogCorpus.js';

/**
 * The privacy scanner on a realistic long entry: about 5,000 words in about 150 paragraphs, built
 * from the two real reflective samples' sentences (reshuffled, seeded) with a few identifiers
 * sprinkled in. A full scan is every paragraph scanned afresh (opening the entry, or the check
 * before a file leaves); an incremental scan is the editor's after a keystroke: one character
 * changed in one paragraph, every paragraph handed to the BlockScanner again as new strings.
 */

const blogPath = fileURLToPath(new URL('../fixtures/samples/unit26-assignment-blog.txt', import.meta.url));

/** Sentences with identifiers in them, one added to every twelfth paragraph. */
const identifiers = [
  'I sat with Mrs Okonjo for a long time after her daughter left.',
  'The label read NHS number 401 023 2137, which I should not have copied down.',
  'Her son asked me to ring him on 07700 900461 if anything changed.',
  'The referral gave the address as a flat near LS6 2QB.',
  'He told me he was born on 4 March 1941, in the house he still lives in.',
  'The hospital number K448120 was written on the jug by the bed.',
  'Mr D Ferris asked whether he could go home before the weekend.',
  'The family emailed from k.ferris@example.com to ask for the plan.',
  'Kowalski was quieter than usual at lunch.',
  'Dr Anand explained the results carefully and in plain words.',
  'The daughter left her number, 0113 496 0872, with reception.',
  'DOB 12/03/1948 was on the front of the folder.',
  'Mrs Nkemelu would only let the female carers help her shower.',
];

export const benchLists: ScanOptions = { alwaysFlag: ['Kowalski', 'Nkemelu', 'Jean Hartley'], neverFlag: ['Okafor'] };

const sentencesOf = (text: string) =>
  text
    .split(/\n+/)
    .flatMap((line) => line.split(/(?<=[.!?])\s+(?=[A-Z‘'])/))
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.split(/\s+/).length >= 4);

const wordCount = (text: string) => text.split(/\s+/).filter((word) => word !== '').length;

/** A seeded shuffle (mulberry32), so every run builds the same entry. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

/** About `words` words in `paragraphs` paragraphs, with an identifier in every twelfth. */
export function longEntry(words = 5_000, paragraphs = 150): string[] {
  const pool = [...readSample().sentences, ...sentencesOf(readFileSync(blogPath, 'utf8'))];
  const perParagraph = words / paragraphs;
  const built: string[] = [];
  let next = 0;
  let round = 0;
  let order = shuffled(pool, 7);
  let total = 0;
  for (let index = 0; index < paragraphs; index += 1) {
    const sentences: string[] = index % 12 === 5 ? [identifiers[Math.floor(index / 12) % identifiers.length] ?? ''] : [];
    while (sentences.length === 0 || total + wordCount(sentences.join(' ')) < (index + 1) * perParagraph) {
      if (next === order.length) {
        round += 1;
        order = shuffled(pool, 7 + round);
        next = 0;
      }
      sentences.push(order[next] ?? '');
      next += 1;
    }
    built.push(sentences.join(' '));
    total += wordCount(sentences.join(' '));
  }
  return built;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};
const round = (value: number) => Math.round(value * 1000) / 1000;

/** The same text as a new string, as an editor hands over each time (so its hash is not already known). */
const fresh = (text: string) => ` ${text}`.slice(1);

export function benchPrivacyScan(runs: number): Figures {
  const paragraphs = longEntry();
  const words = paragraphs.reduce((total, paragraph) => total + wordCount(paragraph), 0);
  const whole = paragraphs.join('\n');
  const warmUp = Math.max(20, Math.floor(runs / 10));

  const full: number[] = [];
  let findings = 0;
  for (let run = -warmUp; run < runs; run += 1) {
    const started = performance.now();
    findings = 0;
    for (const paragraph of paragraphs) findings += scanText(paragraph, benchLists).length;
    if (run >= 0) full.push(performance.now() - started);
  }

  const wholeText: number[] = [];
  for (let run = -warmUp; run < runs; run += 1) {
    const started = performance.now();
    scanText(whole, benchLists);
    if (run >= 0) wholeText.push(performance.now() - started);
  }

  const scanner = new BlockScanner(benchLists);
  scanner.scan(paragraphs);
  const incremental: number[] = [];
  const current = [...paragraphs];
  for (let run = -warmUp; run < runs; run += 1) {
    const which = (run * 37 + 11 + warmUp * 37) % current.length;
    const paragraph = current[which] ?? '';
    const at = (run * 53 + 7 + warmUp * 53) % Math.max(1, paragraph.length);
    current[which] = `${paragraph.slice(0, at)}${'abcdefghij'[Math.abs(run) % 10]}${paragraph.slice(at)}`;
    const blocks = current.map(fresh);
    const started = performance.now();
    scanner.scan(blocks);
    if (run >= 0) incremental.push(performance.now() - started);
  }

  return {
    [`entry: ${paragraphs.length} paragraphs, ${words} words, findings`]: findings,
    [`full scan, every paragraph: median of ${runs} (ms)`]: round(percentile(full, 50)),
    'full scan, every paragraph: p95 (ms, target ≤ 10)': round(percentile(full, 95)),
    'full scan, the entry as one text: median (ms)': round(percentile(wholeText, 50)),
    'full scan, the entry as one text: p95 (ms)': round(percentile(wholeText, 95)),
    [`after a keystroke, BlockScanner: median of ${runs} (ms)`]: round(percentile(incremental, 50)),
    'after a keystroke, BlockScanner: p95 (ms, target ≤ 2)': round(percentile(incremental, 95)),
  };
}
