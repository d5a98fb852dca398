import { memo } from 'react';
import { formatWeekCommencingShort } from '../../../shared/dates/weeks.js';
import type { NumberedIdea } from '../../../shared/ideas/ideaNumbering.js';
import { type IdeaStatus, ideaStatusLabels, ideaStatuses } from '../../../shared/portfolio/weeklyLog.js';
import { routeHash } from '../routing/route.js';

interface IdeaRowProps {
  idea: NumberedIdea;
  onStatusChange(ideaId: string, status: IdeaStatus): void;
}

function isIdeaStatus(value: string): value is IdeaStatus {
  return (ideaStatuses as readonly string[]).includes(value);
}

/** One idea: its number, first line, the week it was written in and its status. */
export const IdeaRow = memo(function IdeaRow({ idea, onStatusChange }: IdeaRowProps) {
  return (
    <tr data-testid="idea-row" data-idea-id={idea.id} className={`idea-row idea-row--${idea.status}`}>
      <th scope="row" className="idea-row__number">
        Idea {idea.number}
      </th>
      <td className="idea-row__text">{idea.text.trim() ? idea.text : <span className="muted">(no words yet)</span>}</td>
      <td className="idea-row__week">
        <a href={routeHash({ view: 'week', weekStart: idea.weekStart })}>{formatWeekCommencingShort(idea.weekStart)}</a>
      </td>
      <td className="idea-row__status">
        <select
          aria-label={`Status of idea ${idea.number}`}
          value={idea.status}
          onChange={(event) => {
            if (isIdeaStatus(event.target.value)) onStatusChange(idea.id, event.target.value);
          }}
        >
          {ideaStatuses.map((status) => (
            <option key={status} value={status}>
              {ideaStatusLabels[status]}
            </option>
          ))}
        </select>
      </td>
    </tr>
  );
});
