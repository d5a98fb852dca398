import { useState } from 'react';
import type { FeedbackCommentView } from '../../../shared/api/contract.js';
import { formatUkDate, formatWeekCommencingLong } from '../../../shared/dates/weeks.js';
import type { ReceivedComment } from '../../../shared/share/sharing.js';
import { routeHash } from '../routing/route.js';
import { CommentCard } from './CommentCard.js';
import { type EntryComments, commentCounts, groupCommentsByEntry } from './groupCommentsByEntry.js';

interface FeedbackListProps {
  comments: readonly FeedbackCommentView[];
  onChanged(comment: ReceivedComment): void;
}

const plural = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;

function EntryHeading({ group }: { group: EntryComments }) {
  const { entry } = group;
  if (!entry) return <h3 className="feedback-entry__title">A deleted entry</h3>;
  if (entry.kind === 'weekly-log') {
    return (
      <h3 className="feedback-entry__title">
        <a href={routeHash({ view: 'week', weekStart: entry.weekStart })}>{formatWeekCommencingLong(entry.weekStart)}</a>
      </h3>
    );
  }
  return (
    <h3 className="feedback-entry__title">
      <a href={routeHash({ view: 'reflection', entryId: group.entryId })}>{entry.title.trim() || 'Untitled reflection'}</a>
      <span className="feedback-entry__date"> · reflection, {formatUkDate(entry.date)}</span>
    </h3>
  );
}

/**
 * Every comment mentors have sent, under the entry each is on (a link that opens it). Resolved
 * comments are left out unless asked for; one resolved here stays until the choice changes, so
 * focus is not lost with it.
 */
export function FeedbackList({ comments, onChanged }: FeedbackListProps) {
  const [showResolved, setShowResolved] = useState(false);
  /** Comments resolved since the list was last filtered: kept in view where the author left them. */
  const [keptInView, setKeptInView] = useState<ReadonlySet<string>>(new Set());
  const counts = commentCounts(comments);
  const shown = comments.filter((comment) => showResolved || !comment.resolved || keptInView.has(comment.id));
  const groups = groupCommentsByEntry(shown);

  return (
    <section className="feedback-comments" aria-labelledby="feedback-comments-heading">
      <div className="feedback-comments__bar">
        <h3 id="feedback-comments-heading" className="feedback-comments__heading">
          Comments
        </h3>
        {comments.length > 0 ? (
          <>
            <p className="feedback-comments__counts" data-testid="feedback-counts">
              {plural(counts.open, 'open comment')}, {counts.resolved.toLocaleString('en-GB')} resolved
            </p>
            <label className="feedback-comments__filter">
              <input
                type="checkbox"
                checked={showResolved}
                onChange={(event) => {
                  setShowResolved(event.target.checked);
                  setKeptInView(new Set());
                }}
              />
              Show resolved ({counts.resolved.toLocaleString('en-GB')})
            </label>
          </>
        ) : null}
      </div>
      {comments.length === 0 ? <p className="muted">No comments yet. They appear here once you import a feedback file with comments in it.</p> : null}
      {comments.length > 0 && groups.length === 0 ? <p className="muted">Every comment is resolved. Tick “Show resolved” to read them again.</p> : null}
      <ul className="feedback-entries" data-testid="feedback-entries">
        {groups.map((group) => (
          <li key={group.entryId} className="feedback-entry" data-testid="feedback-entry">
            <EntryHeading group={group} />
            <ol className="feedback-entry__comments">
              {group.comments.map((comment) => (
                <li key={comment.id}>
                  <CommentCard
                    comment={comment}
                    place={comment.place}
                    headingLevel={4}
                    where={comment.place.state === 'exact' || comment.place.state === 'edited' ? `in “${comment.place.sectionTitle}”` : undefined}
                    onChanged={(changed) => {
                      if (changed.resolved && !showResolved) setKeptInView((kept) => new Set([...kept, changed.id]));
                      onChanged(changed);
                    }}
                  />
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ul>
    </section>
  );
}
