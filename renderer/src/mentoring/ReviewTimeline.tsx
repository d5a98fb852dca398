import { useId } from 'react';
import type { ReviewEntryListing } from '../../../shared/api/contract.js';
import { formatUkDate } from '../../../shared/dates/weeks.js';
import { plural } from '../coverage/coverageCells.js';
import { routeHash } from '../routing/route.js';
import { weekName } from './reviewWords.js';

interface WeekGroup {
  weekStart: string;
  entries: ReviewEntryListing[];
}

/** Entries by the week they are in, oldest first; in a week, the weekly log before its reflections. */
function byWeek(entries: readonly ReviewEntryListing[]): WeekGroup[] {
  const groups: WeekGroup[] = [];
  for (const entry of entries) {
    let group = groups.find((candidate) => candidate.weekStart === entry.weekStart);
    if (!group) {
      group = { weekStart: entry.weekStart, entries: [] };
      groups.push(group);
    }
    group.entries.push(entry);
  }
  groups.sort((a, b) => a.weekStart.localeCompare(b.weekStart));
  for (const group of groups) {
    group.entries.sort((a, b) => (a.kind === b.kind ? a.date.localeCompare(b.date) : a.kind === 'weekly-log' ? -1 : 1));
  }
  return groups;
}

function commentCount(count: number) {
  return count === 0 ? <span className="muted">No comments</span> : <span className="review-count">{plural(count, 'comment')}</span>;
}

/** The shared entries, each with its length and how many comments the mentor has written on it. */
export function ReviewTimeline({ reviewId, entries }: { reviewId: string; entries: readonly ReviewEntryListing[] }) {
  const ids = useId();
  const groups = byWeek(entries);
  return (
    <section className="review-timeline" aria-labelledby={`${ids}-heading`} data-testid="review-timeline">
      <h2 id={`${ids}-heading`}>Entries</h2>
      {entries.length === 0 ? <p className="muted">This share file holds no entries.</p> : <p className="hint">Oldest first. Open an entry to read it and comment on it.</p>}
      <ol className="review-timeline__weeks">
        {groups.map((group) => {
          const headingId = `${ids}-${group.weekStart}`;
          return (
            <li key={group.weekStart} className="review-week">
              <h3 id={headingId} className="review-week__name">
                {weekName(group.weekStart)}
              </h3>
              <ul className="review-week__entries">
                {group.entries.map((entry) => {
                  const href = routeHash({ view: 'review', reviewId, page: { kind: 'entry', entryId: entry.entryId } });
                  return (
                    <li key={entry.entryId} className={`review-entry review-entry--${entry.kind}`}>
                      {entry.kind === 'weekly-log' ? (
                        <a href={href} className="review-entry__link" aria-label={`Weekly log, week commencing ${formatUkDate(group.weekStart)}`}>
                          Weekly log
                        </a>
                      ) : (
                        <a href={href} className="review-entry__link">
                          “{entry.title || 'Untitled reflection'}”
                        </a>
                      )}
                      <span className="review-entry__meta">
                        {entry.kind === 'reflection' ? `Reflection, ${formatUkDate(entry.date)} · ${entry.templateName} · ` : ''}
                        {plural(entry.words, 'word')} · {commentCount(entry.comments)}
                      </span>
                    </li>
                  );
                })}
              </ul>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
