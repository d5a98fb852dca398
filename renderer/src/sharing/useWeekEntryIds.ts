import { useEffect, useState } from 'react';
import type { CalendarDate } from '../../../shared/dates/weeks.js';
import { useSession } from '../session/SessionContext.js';

/**
 * The entry ids of weekly logs picked by their week: the timeline names weeks, a share names
 * entries. Each week is asked about once; null means the week has no log (any more).
 */
export function useWeekEntryIds(weeks: readonly CalendarDate[]): { ids: ReadonlyMap<CalendarDate, string | null>; problem: string | null } {
  const session = useSession();
  const [ids, setIds] = useState<ReadonlyMap<CalendarDate, string | null>>(new Map());
  const [problem, setProblem] = useState<string | null>(null);
  const wanted = weeks.filter((week) => !ids.has(week)).join(',');

  useEffect(() => {
    if (wanted === '') return;
    let cancelled = false;
    void Promise.all(wanted.split(',').map(async (weekStart) => [weekStart, await session.client.call('week.get', { weekStart })] as const)).then((answers) => {
      if (cancelled) return;
      const failed = answers.find(([, result]) => !result.ok);
      if (failed && !failed[1].ok) {
        setProblem(`The weekly logs you ticked could not be looked up: ${failed[1].error.message}`);
        return;
      }
      setProblem(null);
      setIds((known) => {
        const next = new Map(known);
        for (const [weekStart, result] of answers) if (result.ok) next.set(weekStart, result.value.entry?.id ?? null);
        return next;
      });
    });
    return () => {
      cancelled = true;
    };
  }, [session, wanted]);

  return { ids, problem };
}
