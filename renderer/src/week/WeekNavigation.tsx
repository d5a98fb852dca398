import { weekShortcuts } from './useWeekShortcuts.js';

interface WeekNavigationProps {
  onPreviousWeek(): void;
  onThisWeek(): void;
  onNextWeek(): void;
  isThisWeek: boolean;
}

/** Previous / This / Next week, each with its shortcut in aria-keyshortcuts and its tooltip. */
export function WeekNavigation({ onPreviousWeek, onThisWeek, onNextWeek, isThisWeek }: WeekNavigationProps) {
  return (
    <div className="week-navigation" role="group" aria-label="Change week">
      <button type="button" className="button" onClick={onPreviousWeek} aria-keyshortcuts={weekShortcuts.previousWeek.aria} title={`Previous week (${weekShortcuts.previousWeek.shown})`}>
        <span aria-hidden="true">‹ </span>Previous week
      </button>
      <button
        type="button"
        className="button"
        onClick={onThisWeek}
        aria-keyshortcuts={weekShortcuts.thisWeek.aria}
        title={isThisWeek ? `You are on this week (${weekShortcuts.thisWeek.shown})` : `Go to this week (${weekShortcuts.thisWeek.shown})`}
      >
        This week
      </button>
      <button type="button" className="button" onClick={onNextWeek} aria-keyshortcuts={weekShortcuts.nextWeek.aria} title={`Next week (${weekShortcuts.nextWeek.shown})`}>
        Next week<span aria-hidden="true"> ›</span>
      </button>
    </div>
  );
}
