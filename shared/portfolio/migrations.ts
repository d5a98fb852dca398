import { currentSchemaVersion } from './portfolioData.js';

/** Turns a file written at version N into one at version N + 1. */
export type Migration = (data: Record<string, unknown>) => Record<string, unknown>;

/**
 * Steps keyed by the version they upgrade from. Version 1 is the first released format, so there
 * is nothing to upgrade yet; the next format change adds `1: (data) => …` here.
 */
export const migrations: Record<number, Migration> = {};

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
