import { migrateToCurrent } from './migrations.js';
import { type PortfolioData, currentSchemaVersion, portfolioDataSchema } from './portfolioData.js';
import type { EntryBody, EntryRecord } from './weeklyLog.js';
import { entryBodySchema } from './weeklyLogSchemas.js';

export type PortfolioFileReading = { ok: true; data: PortfolioData; migratedFrom: number | null } | { ok: false; problem: string };

const notOurs = 'The portfolio file is not a Reflective Portfolio file.';

/**
 * Reads the text of a portfolio file. Anything wrong with it — empty, cut short, not JSON, the
 * wrong shape, a newer format — comes back as a plain sentence for the user, never as a throw.
 */
export function readPortfolioText(text: string): PortfolioFileReading {
  if (text.trim() === '') return { ok: false, problem: 'The portfolio file is empty.' };
  if (text.includes('\u0000')) return { ok: false, problem: 'The portfolio file contains damaged bytes (it may have been partly overwritten).' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    const looksCutShort = text.trimStart().startsWith('{') && !text.trimEnd().endsWith('}');
    return {
      ok: false,
      problem: looksCutShort ? 'The portfolio file ends part-way through, as if saving was cut off.' : 'The portfolio file is not in a format this app can read.',
    };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { ok: false, problem: notOurs };
  const migrated = migrateToCurrent(parsed as Record<string, unknown>);
  if (migrated.kind === 'unversioned') return { ok: false, problem: notOurs };
  if (migrated.kind === 'newer') {
    return {
      ok: false,
      problem: `The portfolio was saved by a newer version of Reflective Portfolio (file format ${migrated.version}; this version reads format ${currentSchemaVersion}). Update the app to open it.`,
    };
  }
  const checked = portfolioDataSchema.safeParse(migrated.data);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` (at ${issue.path.map(String).join('.')})` : '';
    return { ok: false, problem: `The portfolio file is missing information it needs or holds something unexpected${where}.` };
  }
  return { ok: true, data: checked.data as PortfolioData, migratedFrom: migrated.migratedFrom };
}

const entryTextCache = new WeakMap<EntryRecord, string>();

function entryText(entry: EntryRecord): string {
  let text = entryTextCache.get(entry);
  if (text === undefined) {
    text = JSON.stringify(entry);
    entryTextCache.set(entry, text);
  }
  return text;
}

/**
 * Writes the portfolio index as JSON. Records are replaced, never changed in place, so each
 * record's text is kept and reused: a save re-serialises only the records that changed.
 */
export function portfolioText(data: PortfolioData): string {
  const { entries, ...rest } = data;
  const head = JSON.stringify(rest);
  const parts: string[] = new Array(entries.length);
  for (let i = 0; i < entries.length; i += 1) parts[i] = entryText(entries[i] as EntryRecord);
  return `${head.slice(0, -1)}${head.length > 2 ? ',' : ''}"entries":[${parts.join(',')}]}`;
}

/** Serialises a few entries ahead of time so the first save after opening does not stall. */
export function prepareEntryTexts(entries: readonly EntryRecord[], from: number, count: number): number {
  const end = Math.min(entries.length, from + count);
  for (let i = from; i < end; i += 1) entryText(entries[i] as EntryRecord);
  return end;
}

export type EntryBodyReading = { ok: true; body: EntryBody } | { ok: false; problem: string };

/** Reads one entry's body file; damage comes back as a sentence, as for the index. */
export function readEntryBodyText(text: string, expectedEntryId: string): EntryBodyReading {
  const damaged = { ok: false as const, problem: "This week's text could not be read: its file is damaged." };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return damaged;
  }
  const checked = entryBodySchema.safeParse(parsed);
  if (!checked.success || checked.data.entryId !== expectedEntryId) return damaged;
  return { ok: true, body: checked.data as EntryBody };
}
