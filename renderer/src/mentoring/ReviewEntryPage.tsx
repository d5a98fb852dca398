import { type Editor, getSchema } from '@tiptap/core';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ReviewComment, ReviewEntryView, ReviewView as ReviewData } from '../../../shared/api/contract.js';
import { formatUkDate } from '../../../shared/dates/weeks.js';
import { type EditorDoc, emptyDoc, plainText, walkNodes } from '../../../shared/document/editorJson.js';
import { type EvidenceTag, tagKey } from '../../../shared/frameworks/framework.js';
import { formatCpdDuration } from '../../../shared/portfolio/cpdDuration.js';
import { cpdActivityTypeLabels, ideaNodeType } from '../../../shared/portfolio/weeklyLog.js';
import { type AnchorMatch, anchorForRange, resolveAnchor } from '../../../shared/share/anchor.js';
import type { TextAnchor } from '../../../shared/share/sharing.js';
import { type TemplateSection, otherNotesSection } from '../../../shared/templates/template.js';
import { plural } from '../coverage/coverageCells.js';
import type { CommentPassage } from '../editor/MentorCommentHighlights.js';
import { sectionExtensions } from '../editor/sectionExtensions.js';
import { showPassage as showTaggedPassage } from '../editor/showPassage.js';
import { toEditorDoc } from '../editor/toEditorDoc.js';
import { tagLabel } from '../evidence/tagLabels.js';
import { routeHash } from '../routing/route.js';
import { useSession } from '../session/SessionContext.js';
import { LoadFailure } from '../shell/LoadFailure.js';
import { CommentForm } from './CommentForm.js';
import { type CommentWhere, CommentItem, commentElementId } from './CommentItem.js';
import { ReadOnlySection } from './ReadOnlySection.js';
import { takePassageToShow } from './passageToShow.js';
import { commentShortcut, entryName, shortQuote } from './reviewWords.js';

type Loading = { state: 'loading' } | { state: 'ready'; view: ReviewEntryView } | { state: 'missing' } | { state: 'error'; message: string };

/** A new comment being written: on a passage (its anchor) or on the whole entry. */
interface Draft {
  anchor: TextAnchor | null;
  sectionTitle: string | null;
  /** Where the passage is, to highlight it while the comment is written. */
  range: { sectionId: string; from: number; to: number } | null;
}

const draftId = 'draft';

/** Every section's editor has the same schema: one copy checks whether a section's stored text fits it. */
const schema = getSchema(sectionExtensions('check', () => false, undefined, false));

function fitsEditor(doc: EditorDoc): boolean {
  try {
    schema.nodeFromJSON(doc).check();
    return true;
  } catch {
    return false;
  }
}

function countIdeas(doc: EditorDoc | undefined): number {
  let count = 0;
  if (doc) {
    walkNodes(doc, (node) => {
      if (node.type === ideaNodeType) count += 1;
    });
  }
  return count;
}

/** The template's sections, then Other notes when the entry holds text there. */
function sectionsOf(view: ReviewEntryView): TemplateSection[] {
  return Object.hasOwn(view.entry.sections, otherNotesSection.id) ? [...view.template.sections, otherNotesSection] : view.template.sections;
}

interface ReviewEntryPageProps {
  review: ReviewData;
  entryId: string;
  reload(): Promise<void>;
}

/**
 * `#/review/<id>/entry/<entry>`: one shared entry, read-only, with the mentor's comments beside it.
 * Select words and choose Comment on selection (or press Ctrl+Alt+M) to comment on a passage;
 * comments are anchored by the quoted words and the text either side of them.
 */
export function ReviewEntryPage({ review, entryId, reload }: ReviewEntryPageProps) {
  const session = useSession();
  const ids = useId();
  const reviewId = review.summary.reviewId;
  const [loading, setLoading] = useState<Loading>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const editors = useRef(new Map<string, Editor>());
  const selections = useRef(new Map<string, { from: number; to: number }>());
  const [draft, setDraft] = useState<Draft | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [sectionNotice, setSectionNotice] = useState<{ sectionId: string; message: string } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const focusAfterLoad = useRef<{ kind: 'comment'; commentId: string } | { kind: 'heading' } | null>(null);
  const commentsHeading = useRef<HTMLHeadingElement>(null);
  const wholeEntryButton = useRef<HTMLButtonElement>(null);
  const [editorsReady, setEditorsReady] = useState(0);

  const loadEntry = useCallback(async () => {
    const result = await session.client.call('review.entry', { reviewId, entryId });
    if (result.ok) setLoading({ state: 'ready', view: result.value });
    else if (result.error.code === 'not-found') setLoading({ state: 'missing' });
    else setLoading({ state: 'error', message: result.error.message });
  }, [session, reviewId, entryId]);

  useEffect(() => {
    void loadEntry();
  }, [loadEntry, attempt]);

  const view = loading.state === 'ready' ? loading.view : null;
  const sections = useMemo(() => (view ? sectionsOf(view) : []), [view]);
  const codeOf = useCallback((tag: EvidenceTag) => tagLabel(review.frameworks, tag).code, [review.frameworks]);

  /** Where each comment's passage is in the text now (a mentor's own anchors on an unchanged copy are always found exactly). */
  const matches = useMemo(() => {
    const found = new Map<string, AnchorMatch>();
    if (!view) return found;
    for (const comment of view.comments) if (comment.anchor) found.set(comment.id, resolveAnchor(view.entry.sections, comment.anchor));
    return found;
  }, [view]);

  const passagesBySection = useMemo(() => {
    const bySection = new Map<string, CommentPassage[]>();
    const add = (sectionId: string, passage: CommentPassage) => bySection.set(sectionId, [...(bySection.get(sectionId) ?? []), passage]);
    for (const [commentId, match] of matches) if (match.state !== 'gone') add(match.sectionId, { commentId, from: match.from, to: match.to, settled: false });
    if (draft?.range) add(draft.range.sectionId, { commentId: draftId, from: draft.range.from, to: draft.range.to, settled: false });
    return bySection;
  }, [matches, draft]);

  const sectionTitle = useCallback((sectionId: string) => sections.find((section) => section.id === sectionId)?.title ?? 'another section', [sections]);

  const whereOf = useCallback(
    (comment: ReviewComment): CommentWhere => {
      if (!comment.anchor) return { kind: 'whole-entry' };
      const match = matches.get(comment.id);
      return match && match.state !== 'gone' ? { kind: 'passage', sectionTitle: sectionTitle(match.sectionId) } : { kind: 'not-found' };
    },
    [matches, sectionTitle],
  );

  /** Whole-entry comments first, then passages in reading order, then any whose words are not found. */
  const orderedComments = useMemo(() => {
    if (!view) return [];
    const sectionIndex = (sectionId: string) => sections.findIndex((section) => section.id === sectionId);
    const rank = (comment: ReviewComment): [number, number, number] => {
      if (!comment.anchor) return [0, 0, 0];
      const match = matches.get(comment.id);
      if (!match || match.state === 'gone') return [3, 0, 0];
      return [1, sectionIndex(match.sectionId), match.from];
    };
    return [...view.comments].sort((a, b) => {
      const [a1, a2, a3] = rank(a);
      const [b1, b2, b3] = rank(b);
      return a1 - b1 || a2 - b2 || a3 - b3 || a.createdAt.localeCompare(b.createdAt);
    });
  }, [view, sections, matches]);

  /** Sections whose stored text the editor's schema cannot take: shown as a notice, never half drawn. */
  const unreadable = useMemo(() => new Set(view ? sections.filter((section) => !fitsEditor(view.entry.sections[section.id] ?? emptyDoc())).map((section) => section.id) : []), [view, sections]);

  const ideaStarts = useMemo(() => {
    const starts = new Map<string, number>();
    if (!view || view.entry.firstIdeaNumber === null) return starts;
    let next = view.entry.firstIdeaNumber;
    for (const section of sections) {
      starts.set(section.id, next);
      next += countIdeas(view.entry.sections[section.id]);
    }
    return starts;
  }, [view, sections]);

  // After a save or delete the list is drawn afresh: focus goes to the comment saved, or the list's heading.
  useEffect(() => {
    const target = focusAfterLoad.current;
    if (!target || !view) return;
    const element = target.kind === 'comment' ? document.getElementById(commentElementId(target.commentId)) : commentsHeading.current;
    if (!element) return;
    focusAfterLoad.current = null;
    element.focus();
  }, [view]);

  const onReady = useCallback((sectionId: string, editor: Editor | null) => {
    if (editor) editors.current.set(sectionId, editor);
    else editors.current.delete(sectionId);
    setEditorsReady((count) => count + 1);
  }, []);

  // A passage followed from a coverage cell or an evidence list is selected and shown once its section is on the page.
  useEffect(() => {
    if (!view || editorsReady === 0) return;
    const passage = takePassageToShow(reviewId, entryId);
    if (!passage) return;
    const editor = editors.current.get(passage.section);
    if (editor) showTaggedPassage(editor, passage.tag, passage.occurrence);
  }, [view, editorsReady, reviewId, entryId]);

  const onSelect = useCallback((sectionId: string, range: { from: number; to: number } | null) => {
    if (range) selections.current.set(sectionId, range);
    else selections.current.delete(sectionId);
    setSectionNotice((notice) => (notice && notice.sectionId === sectionId && range ? null : notice));
  }, []);

  const commentOnSelection = useCallback(
    (sectionId: string) => {
      const editor = editors.current.get(sectionId);
      const range = selections.current.get(sectionId);
      const title = sectionTitle(sectionId);
      if (!editor || !range) {
        setSectionNotice({ sectionId, message: `Select some words in ${title} first (Shift and the arrow keys, or the mouse), then choose Comment on selection.` });
        return;
      }
      const anchor = anchorForRange(toEditorDoc(editor.getJSON()), sectionId, range.from, range.to);
      if (!anchor) {
        setSectionNotice({ sectionId, message: 'The selection holds no words. Select some words, then choose Comment on selection.' });
        return;
      }
      setSectionNotice(null);
      setEditingId(null);
      setActiveId(draftId);
      setDraft({ anchor, sectionTitle: title, range: { sectionId, from: range.from, to: range.to } });
    },
    [sectionTitle],
  );

  const commentOnWholeEntry = () => {
    setEditingId(null);
    setActiveId(null);
    setDraft({ anchor: null, sectionTitle: null, range: null });
  };

  const cancelDraft = () => {
    const range = draft?.range;
    setDraft(null);
    setActiveId(null);
    // Back where the comment was started: the passage's section, or the whole-entry button.
    if (range) editors.current.get(range.sectionId)?.view.focus();
    else wholeEntryButton.current?.focus();
  };

  const refreshAfter = async (focus: { kind: 'comment'; commentId: string } | { kind: 'heading' }, message: string) => {
    focusAfterLoad.current = focus;
    await Promise.all([loadEntry(), reload()]);
    setAnnouncement(message);
  };

  const saveDraft = async (text: string): Promise<string | null> => {
    if (!draft) return null;
    const result = await session.client.call('review.saveComment', { reviewId, commentId: null, entryId, anchor: draft.anchor, text });
    if (!result.ok) return result.error.message;
    setDraft(null);
    setActiveId(result.value.id);
    await refreshAfter({ kind: 'comment', commentId: result.value.id }, 'Comment saved. It goes in your next feedback file.');
    return null;
  };

  const saveEdit = async (comment: ReviewComment, text: string): Promise<string | null> => {
    const result = await session.client.call('review.saveComment', { reviewId, commentId: comment.id, entryId, anchor: comment.anchor, text });
    if (!result.ok) return result.error.message;
    setEditingId(null);
    await refreshAfter({ kind: 'comment', commentId: comment.id }, 'Comment changed.');
    return null;
  };

  const deleteComment = async (comment: ReviewComment): Promise<string | null> => {
    const result = await session.client.call('review.deleteComment', { reviewId, commentId: comment.id });
    if (!result.ok) return result.error.message;
    if (activeId === comment.id) setActiveId(null);
    await refreshAfter({ kind: 'heading' }, 'Comment deleted.');
    return null;
  };

  const showPassage = (comment: ReviewComment) => {
    const match = matches.get(comment.id);
    if (!match || match.state === 'gone') return;
    const editor = editors.current.get(match.sectionId);
    if (!editor) return;
    setActiveId(comment.id);
    editor.chain().setTextSelection({ from: match.from, to: match.to }).scrollIntoView().run();
    editor.view.focus();
    editor.view.dom.querySelector('.mentor-comment-passage--shown')?.scrollIntoView({ block: 'center' });
  };

  const listing = review.entries.find((entry) => entry.entryId === entryId);
  const position = review.entries.findIndex((entry) => entry.entryId === entryId);
  const previous = position > 0 ? review.entries[position - 1] : undefined;
  const next = position >= 0 ? review.entries[position + 1] : undefined;
  const entryHref = (id: string) => routeHash({ view: 'review', reviewId, page: { kind: 'entry', entryId: id } });

  if (loading.state === 'loading') return <p className="muted">Opening the entry…</p>;
  if (loading.state === 'missing') {
    return (
      <p className="notice notice--error" role="alert">
        This entry is not in the share file. Choose one from the <a href={routeHash({ view: 'review', reviewId, page: { kind: 'overview' } })}>list of entries</a>.
      </p>
    );
  }
  if (loading.state === 'error') return <LoadFailure message={loading.message} onRetry={() => setAttempt((count) => count + 1)} />;

  const { entry, template } = loading.view;
  const cpd = entry.cpd;
  const shortcut = commentShortcut();

  return (
    <div className="review-entry-page" data-testid="review-entry">
      <p className="review-entry-page__meta">
        {entry.kind === 'weekly-log' ? 'Weekly log' : `Reflection, ${formatUkDate(entry.date)} · ${template.name}`}
        {listing ? ` · ${plural(listing.words, 'word')}` : ''}
        {cpd ? ` · CPD: ${formatCpdDuration(cpd.minutes)}${cpd.participatory ? ', participatory' : ''}${cpd.activityType ? `, ${cpdActivityTypeLabels[cpd.activityType]}` : ''}` : ''}
      </p>
      {entry.tags.length > 0 ? (
        <div className="review-entry-page__tags">
          <span id={`${ids}-whole-tags`}>The whole entry is tagged as evidence for:</span>
          <ul aria-labelledby={`${ids}-whole-tags`}>
            {entry.tags.map((tag) => (
              <li key={tagKey(tag)} className="tag-chip tag-chip--static" title={tagLabel(review.frameworks, tag).label}>
                {codeOf(tag)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="hint review-entry-page__how">
        To comment on a passage, select its words (with the mouse, or Shift and the arrow keys), then choose Comment on selection or press {shortcut.shown}.
      </p>
      <div className="review-entry-layout">
        <div className="review-entry-text">
          {sections.map((section) => {
            const doc = entry.sections[section.id] ?? emptyDoc();
            const notice = sectionNotice?.sectionId === section.id ? sectionNotice.message : '';
            if (plainText(doc).trim() === '') {
              return (
                <section key={section.id} className="log-section review-section" aria-labelledby={`${ids}-${section.id}`}>
                  <div className="log-section__header">
                    <h2 id={`${ids}-${section.id}`}>{section.title}</h2>
                  </div>
                  <p className="muted review-section__empty">Nothing written here.</p>
                </section>
              );
            }
            if (unreadable.has(section.id)) {
              return (
                <section key={section.id} className="log-section review-section" aria-labelledby={`${ids}-${section.id}`}>
                  <div className="log-section__header">
                    <h2 id={`${ids}-${section.id}`}>{section.title}</h2>
                  </div>
                  <p className="notice notice--error">This section holds something this version of the app cannot show, so it is not shown.</p>
                </section>
              );
            }
            return (
              <ReadOnlySection
                key={section.id}
                sectionId={section.id}
                title={section.title}
                doc={doc}
                firstIdeaNumber={ideaStarts.get(section.id) ?? null}
                passages={passagesBySection.get(section.id) ?? noPassages}
                activeCommentId={activeId}
                codeOf={codeOf}
                onReady={onReady}
                onSelect={onSelect}
                onCommentShortcut={commentOnSelection}
                footer={
                  <div className="review-section__actions">
                    <button
                      type="button"
                      className="button"
                      onClick={() => commentOnSelection(section.id)}
                      aria-label={`Comment on selection in ${section.title}`}
                      aria-keyshortcuts={shortcut.aria}
                    >
                      Comment on selection
                    </button>
                    <p className="hint review-section__notice" role="status">
                      {notice}
                    </p>
                  </div>
                }
              />
            );
          })}
        </div>

        <section className="review-comments" aria-labelledby={`${ids}-comments`} data-testid="review-comments">
          <h2 id={`${ids}-comments`} ref={commentsHeading} tabIndex={-1}>
            Your comments {loading.view.comments.length > 0 ? <span className="review-count">({loading.view.comments.length})</span> : null}
          </h2>
          <p className="visually-hidden" role="status">
            {announcement}
          </p>
          {draft ? (
            <div className="review-comment review-comment--new">
              <h3 className="review-comment__heading">New comment</h3>
              {draft.anchor ? <p className="review-comment__where muted">In {draft.sectionTitle}</p> : null}
              <CommentForm
                subject={draft.anchor ? `“${shortQuote(draft.anchor.quote)}”` : 'the whole entry'}
                initialText=""
                submitLabel="Save comment"
                onSave={saveDraft}
                onCancel={cancelDraft}
              />
            </div>
          ) : (
            <button ref={wholeEntryButton} type="button" className="button" onClick={commentOnWholeEntry}>
              Comment on the whole entry
            </button>
          )}
          {orderedComments.length === 0 && !draft ? (
            <p className="hint">No comments yet. Select words in the text and choose Comment on selection, or comment on the whole entry.</p>
          ) : null}
          <ol className="review-comments__list">
            {orderedComments.map((comment) => (
              <CommentItem
                key={comment.id}
                comment={comment}
                where={whereOf(comment)}
                authorName={review.summary.authorName}
                active={activeId === comment.id}
                editing={editingId === comment.id}
                onShowPassage={() => showPassage(comment)}
                onEdit={() => {
                  setDraft(null);
                  setEditingId(comment.id);
                  setActiveId(comment.id);
                }}
                onCancelEdit={() => setEditingId(null)}
                onSaveEdit={(text) => saveEdit(comment, text)}
                onDelete={() => deleteComment(comment)}
              />
            ))}
          </ol>
        </section>
      </div>

      {previous || next ? (
        <nav className="review-pager" aria-label="Other entries">
          {previous ? (
            <a href={entryHref(previous.entryId)} className="review-pager__previous">
              <span aria-hidden="true">← </span>Previous: {entryName(previous)}
            </a>
          ) : (
            <span />
          )}
          {next ? (
            <a href={entryHref(next.entryId)} className="review-pager__next">
              Next: {entryName(next)}
              <span aria-hidden="true"> →</span>
            </a>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}

const noPassages: readonly CommentPassage[] = [];
