import { describe, expect, test } from 'vitest';
import { takeAccessToken, tokenFromHash, tokenStorageKey } from '../../renderer/src/api/accessToken.js';
import { parseRoute, routeHash } from '../../renderer/src/routing/route.js';

describe('routes in the address', () => {
  test('a week, the Ideas view and Settings each have an address that reads back the same', () => {
    for (const route of [{ view: 'week', weekStart: '2019-10-07' }, { view: 'ideas' }, { view: 'settings' }] as const) {
      expect(parseRoute(routeHash(route), '2026-11-23')).toEqual(route);
    }
    expect(routeHash({ view: 'week', weekStart: '2019-10-07' })).toBe('#/week/2019-10-07');
  });

  test('coverage, evidence, frameworks and a passage in a week read back the same', () => {
    const routes = [
      { view: 'coverage', frameworkId: null },
      { view: 'coverage', frameworkId: 'nmc-code-themes' },
      { view: 'frameworks', frameworkId: null },
      { view: 'frameworks', frameworkId: 'u26' },
      { view: 'evidence', frameworkId: 'u26', outcomeId: 'lo3', criterionId: null },
      { view: 'evidence', frameworkId: 'u26', outcomeId: 'lo3', criterionId: 'p5' },
      { view: 'week', weekStart: '2019-10-07', passage: { section: 'keyThoughts', occurrence: 2, tag: 'u26/lo3/p5' } },
    ] as const;
    for (const route of routes) expect(parseRoute(routeHash(route), '2026-11-23')).toEqual(route);
  });

  test('the Export screen, a pack and what it exports read back the same', () => {
    const routes = [
      { view: 'export', pack: null, subject: null },
      { view: 'export', pack: 'appraisal', subject: null },
      { view: 'export', pack: 'weeks', subject: '2019-10-07' },
      { view: 'export', pack: 'assignment', subject: 'u26' },
      { view: 'export', pack: 'reflection', subject: 'entry-1' },
    ] as const;
    for (const route of routes) expect(parseRoute(routeHash(route), '2026-11-23')).toEqual(route);
    expect(routeHash({ view: 'export', pack: 'weeks', subject: '2019-10-07' })).toBe('#/export/weeks/2019-10-07');
  });

  test('an export address names a week by any day in it, and drops what its pack cannot use', () => {
    expect(parseRoute('#/export/weeks/2019-10-09', '2026-11-23')).toEqual({ view: 'export', pack: 'weeks', subject: '2019-10-07' });
    expect(parseRoute('#/export/weeks/2019-02-30', '2026-11-23')).toEqual({ view: 'export', pack: 'weeks', subject: null });
    expect(parseRoute('#/export/appraisal/2019-10-07', '2026-11-23')).toEqual({ view: 'export', pack: 'appraisal', subject: null });
    expect(parseRoute('#/export/reflection/%3Cscript%3E', '2026-11-23')).toEqual({ view: 'export', pack: 'reflection', subject: null });
    expect(parseRoute('#/export/everything', '2026-11-23')).toEqual({ view: 'export', pack: null, subject: null });
    expect(parseRoute('#/export/toString', '2026-11-23')).toEqual({ view: 'export', pack: null, subject: null });
  });

  test('a passage address with an unknown section or a bad tag opens the week alone', () => {
    expect(parseRoute('#/week/2019-10-07/passage/nowhere/0/u26%2Flo3', '2026-11-23')).toEqual({ view: 'week', weekStart: '2019-10-07' });
    expect(parseRoute('#/week/2019-10-07/passage/thisWeek/0/%3Cscript%3E', '2026-11-23')).toEqual({ view: 'week', weekStart: '2019-10-07' });
    expect(parseRoute('#/week/2019-10-07/passage/thisWeek/0/%E0%A4%A', '2026-11-23')).toEqual({ view: 'week', weekStart: '2019-10-07' });
  });

  test('a day that is not a Monday opens the week holding it', () => {
    expect(parseRoute('#/week/2019-10-09', '2026-11-23')).toEqual({ view: 'week', weekStart: '2019-10-07' });
  });

  test('an empty or unknown address opens this week', () => {
    for (const hash of ['', '#', '#/', '#/nowhere', '#/week/2019-02-30', '#main-content']) {
      expect(parseRoute(hash, '2026-11-23')).toEqual({ view: 'week', weekStart: '2026-11-23' });
    }
  });
});

describe('the access token', () => {
  const token = 'IYCWHtviKjXfg7mLA9NCfc7HVQTNGCj6ilrd7Sb-WG4';

  function memoryStorage(initial: Record<string, string> = {}) {
    const items = new Map(Object.entries(initial));
    return { items, getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value) };
  }

  test('is read from #token=…', () => {
    expect(tokenFromHash(`#token=${token}`)).toBe(token);
    expect(tokenFromHash('#/week/2019-10-07')).toBeNull();
    expect(tokenFromHash('#token=<script>')).toBeNull();
  });

  test('is moved out of the address into session storage, and the address becomes a route', () => {
    const storage = memoryStorage();
    const replaced: string[] = [];
    expect(takeAccessToken({ hash: `#token=${token}` }, storage, (hash) => replaced.push(hash), '#/week/2026-11-23')).toBe(token);
    expect(storage.items.get(tokenStorageKey)).toBe(token);
    expect(replaced).toEqual(['#/week/2026-11-23']);
  });

  test('survives a reload from session storage, and the route is left alone', () => {
    const replaced: string[] = [];
    expect(takeAccessToken({ hash: '#/ideas' }, memoryStorage({ [tokenStorageKey]: token }), (hash) => replaced.push(hash), '#/week/2026-11-23')).toBe(token);
    expect(replaced).toEqual([]);
  });

  test('is missing when neither the address nor the tab has one', () => {
    expect(takeAccessToken({ hash: '' }, memoryStorage(), () => undefined, '#/')).toBeNull();
  });
});
