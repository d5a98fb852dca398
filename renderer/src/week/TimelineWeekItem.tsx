import { memo } from 'react';
import type { TimelineWeek } from '../../../shared/api/contract.js';
import { type CalendarDate, formatWeekCommencingShort } from '../../../shared/dates/weeks.js';
import { routeHash } from '../routing/route.js';
import { describeTimelineWeek } from './timelineWeeks.js';

interface TimelineWeekItemProps {
  weekStart: CalendarDate;
  logged: TimelineWeek | undefined;
  isOpen: boolean;
  isThisWeek: boolean;
}

/** One week in the timeline: its date and whether it has a log. */
export const TimelineWeekItem = memo(function TimelineWeekItem({ weekStart, logged, isOpen, isThisWeek }: TimelineWeekItemProps) {
  const classes = ['timeline-week', logged ? 'timeline-week--logged' : 'timeline-week--empty', isOpen ? 'timeline-week--open' : ''].filter(Boolean).join(' ');
  return (
    <li>
      <a href={routeHash({ view: 'week', weekStart })} className={classes} aria-current={isOpen ? 'page' : undefined} data-testid="timeline-week" data-week={weekStart} data-roving={`week:${weekStart}`}>
        <span className="timeline-week__date">
          {formatWeekCommencingShort(weekStart)}
        </span>
        <span className="visually-hidden">, </span>
        <span className="timeline-week__summary">
          {describeTimelineWeek(logged)}
          {isThisWeek ? <span className="timeline-week__now"> · this week</span> : null}
        </span>
      </a>
    </li>
  );
});
