import { useCallback, useEffect, useRef, useState } from 'react';
import type { EntrySections } from '../../../shared/portfolio/weeklyLog.js';
import type { ReceivedComment } from '../../../shared/share/sharing.js';
import { mentorCommentPassagesOf } from '../editor/MentorCommentHighlights.js';
import { showCommentPassage } from '../editor/showCommentPassage.js';
import { toEditorDoc } from '../editor/toEditorDoc.js';
import { routeHash } from '../routing/route.js';
import { CommentCard } from './CommentCard.js';
import type { EntryEditors } from './EntryWithComments.js';
import { type CommentPlacement, inReadingOrder, passagesBySection, placeComments, placementAsPlace } from './placeComments.js';
import { reviewerName } from './receivedDates.js';

interface EntryCommentsPanelProps {
  comments: readonly ReceivedComment[];
  onChanged(comment: ReceivedComment): void;
  editors: EntryEditors;
  ready: boolean;
  entryKind: 'week' | 'reflection';
}

/** A pause in typing this long finds the passages again in the edited text (meanwhile they follow the edits). */
export const replacePauseMs = 250;

/**
 * "Mentor comments (N)" beside an entry: each comment with its passage found in the text as it is
 * now (live, as the author types) and underlined there, "Show passage" to go to it, replies and
 * Resolve. The underlines are decorations: nothing here is ever saved with the entry.
 */
export function EntryCommentsPanel({ comments, onChanged, editors, ready, entryKind }: EntryCommentsPanelProps) {
  const [placed, setPlaced] = useState<ReadonlyMap<string, CommentPlacement>>(new Map());
  const [announcement, setAnnouncement] = useState('');
  const { key: editorsKey } = editors;

  /** Finds every passage in the editors' text now and underlines it there. */
  const place = useCallback((): ReadonlyMap<string, CommentPlacement> => {
    const live = [...editors.current()].filter(([, editor]) => !editor.isDestroyed);
    const sections: EntrySections = {};
    for (const [sectionId, editor] of live) sections[sectionId] = toEditorDoc(editor.getJSON());
    const found = placeComments(comments, sections);
    const passages = passagesBySection(comments, found);
    for (const [sectionId, editor] of live) editor.commands.setMentorCommentPassages(passages.get(sectionId) ?? []);
    setPlaced(found);
    return found;
    // The editors are read through `current()`; `editorsKey` says when they were replaced.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [comments, editorsKey]);

  useEffect(() => {
    if (ready) place();
  }, [place, ready]);

  // As the author types the underlines follow the edits; once typing pauses the passages are found again.
  useEffect(() => {
    if (!ready) return;
    const live = [...editors.current().values()];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(place, replacePauseMs);
    };
    for (const editor of live) editor.on('update', later);
    return () => {
      clearTimeout(timer);
      for (const editor of live) editor.off('update', later);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [place, ready, editorsKey]);

  // The underlines go with the panel.
  useEffect(
    () => () => {
      for (const editor of editors.current().values()) if (!editor.isDestroyed) editor.commands.setMentorCommentPassages([]);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [editorsKey],
  );

  // The comments on the words at the cursor are marked in the list, and said once as the cursor reaches them.
  const [atCaret, setAtCaret] = useState<readonly string[]>([]);
  const atCaretNow = useRef<readonly string[]>([]);
  useEffect(() => {
    if (!ready) return;
    const live = [...editors.current().values()];
    const update = () => {
      const editor = live.find((candidate) => candidate.isFocused);
      if (!editor) return;
      const { from, to } = editor.state.selection;
      const here = mentorCommentPassagesOf(editor.state)
        .filter((passage) => !passage.settled && passage.from <= to && from <= passage.to)
        .map((passage) => passage.commentId);
      const previous = atCaretNow.current;
      if (previous.length === here.length && previous.every((id, index) => id === here[index])) return;
      atCaretNow.current = here;
      setAtCaret(here);
      const reached = here.filter((id) => !previous.includes(id));
      const first = comments.find((comment) => comment.id === reached[0]);
      if (first) setAnnouncement(`Your mentor commented on these words: ${reviewerName(first.reviewer)}${reached.length > 1 ? ` and ${reached.length - 1} more` : ''}. See Mentor comments.`);
    };
    for (const editor of live) editor.on('selectionUpdate', update);
    return () => {
      for (const editor of live) editor.off('selectionUpdate', update);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready, editorsKey, comments]);

  const show = (comment: ReceivedComment) => {
    const found = place().get(comment.id);
    const editor = found && (found.state === 'exact' || found.state === 'edited') ? editors.current().get(found.sectionId) : undefined;
    if (!found || !editor || (found.state !== 'exact' && found.state !== 'edited') || !showCommentPassage(editor, comment.id)) {
      setAnnouncement('That passage is no longer in the text.');
      return;
    }
    setAnnouncement(`Showing the passage in “${editors.sectionTitle(found.sectionId)}”.`);
  };

  const order = [...editors.current().keys()];
  const listed = inReadingOrder(comments, placed, order);
  return (
    <aside className="mentor-comments" aria-labelledby="mentor-comments-heading" data-testid="mentor-comments">
      <h2 id="mentor-comments-heading" className="mentor-comments__heading">
        Mentor comments ({comments.length.toLocaleString('en-GB')})
      </h2>
      <p className="hint mentor-comments__hint">
        Passages your mentor commented on are underlined in your text. The underlines are not part of your {entryKind === 'week' ? 'weekly log' : 'reflection'} and are never saved
        with it.
      </p>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <ol className="mentor-comments__list">
        {listed.map((comment) => {
          const placement = placed.get(comment.id);
          const located = placement !== undefined && (placement.state === 'exact' || placement.state === 'edited');
          return (
            <li key={comment.id} className={atCaret.includes(comment.id) ? 'mentor-comments__item--at-caret' : undefined}>
              <CommentCard
                comment={comment}
                place={placementAsPlace(comment, placement, editors.sectionTitle)}
                headingLevel={3}
                where={located ? `in “${editors.sectionTitle(placement.sectionId)}”` : undefined}
                onShowPassage={located ? () => show(comment) : undefined}
                onChanged={onChanged}
              />
            </li>
          );
        })}
      </ol>
      <p className="mentor-comments__more">
        <a href={routeHash({ view: 'sharing' })}>All feedback from mentors</a>
      </p>
    </aside>
  );
}
