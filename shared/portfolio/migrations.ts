import { currentSchemaVersion } from './portfolioData.js';

/** Turns a file written at version N into one at version N + 1. */
export type Migration = (data: Record<string, unknown>) => Record<string, unknown>;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Something that is not a record is passed on unchanged, for the schema check to reject. */
function upgradeEntry(entry: unknown): unknown {
  if (!isRecord(entry)) return entry;
  const summary = entry['summary'];
  return { ...entry, tags: [], summary: isRecord(summary) ? { ...summary, evidence: [] } : summary };
}

/** Every entry before version 3 was a weekly log written with the first weekly-log template. */
function entryAsWeeklyLog(entry: unknown): unknown {
  if (!isRecord(entry)) return entry;
  return { ...entry, date: entry['weekStart'], title: '', template: { id: 'weekly-log', version: 1 }, cpd: null };
}

/**
 * Steps keyed by the version they upgrade from. A step only adds what the newer format needs; the
 * schema check after migrating still decides whether the file is usable.
 */
export const migrations: Record<number, Migration> = {
  /** Version 2 adds frameworks, whole-entry tags and tagged-passage counts (none existed before). */
  1: (data) => ({
    ...data,
    frameworks: [],
    entries: Array.isArray(data['entries']) ? data['entries'].map(upgradeEntry) : data['entries'],
  }),
  /** Version 3 adds reflections, custom templates and CPD time: existing entries become weekly logs with no CPD recorded. */
  2: (data) => ({
    ...data,
    templates: [],
    entries: Array.isArray(data['entries']) ? data['entries'].map(entryAsWeeklyLog) : data['entries'],
  }),
  /** Version 4 adds mentors' feedback (none had been received). */
  3: (data) => ({ ...data, feedback: { comments: [], signOffs: [], imports: [] } }),
  /** Version 5 adds the privacy check's lists and dismissed findings (none existed). */
  4: (data) => ({ ...data, privacy: { alwaysFlag: [], neverFlag: [], dismissed: [] } }),
};

export type MigrationOutcome =
  | { kind: 'current'; data: Record<string, unknown>; migratedFrom: number | null }
  | { kind: 'newer'; version: number }
  | { kind: 'unversioned' };

export function migrateToCurrent(data: Record<string, unknown>, steps: Record<number, Migration> = migrations, target: number = currentSchemaVersion): MigrationOutcome {
  const version = data['schemaVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { kind: 'unversioned' };
  if (version > target) return { kind: 'newer', version };
  let upgraded = data;
  for (let from = version; from < target; from += 1) {
    const step = steps[from];
    if (!step) throw new Error(`No migration from schema version ${from}`);
    upgraded = { ...step(upgraded), schemaVersion: from + 1 };
  }
  return { kind: 'current', data: upgraded, migratedFrom: version === target ? null : version };
}
