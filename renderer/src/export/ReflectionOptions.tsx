import type { TimelineReflection } from '../../../shared/api/contract.js';
import { formatUkDate } from '../../../shared/dates/weeks.js';
import { routeHash } from '../routing/route.js';

interface ReflectionOptionsProps {
  /** Every reflection, newest first. */
  reflections: readonly TimelineReflection[];
  chosen: TimelineReflection | null;
  onChoose(entryId: string): void;
  loaded: boolean;
}

export function reflectionName(reflection: TimelineReflection): string {
  return `${reflection.title.trim() || 'Untitled reflection'} — ${formatUkDate(reflection.date)} (${reflection.templateName})`;
}

/** A single reflection: which one, newest first. */
export function ReflectionOptions({ reflections, chosen, onChoose, loaded }: ReflectionOptionsProps) {
  if (!loaded) return <p className="muted">Finding your reflections…</p>;
  if (!chosen) {
    return (
      <p className="notice" data-testid="export-no-reflections">
        There are no reflections to export yet. Write one with <a href={routeHash({ view: 'new-reflection' })}>New reflection</a>.
      </p>
    );
  }
  return (
    <div className="field">
      <label htmlFor="export-reflection">Reflection</label>
      <select id="export-reflection" className="export-select" value={chosen.entryId} onChange={(event) => onChoose(event.target.value)}>
        {reflections.map((reflection) => (
          <option key={reflection.entryId} value={reflection.entryId}>
            {reflectionName(reflection)}
          </option>
        ))}
      </select>
    </div>
  );
}
