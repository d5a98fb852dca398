import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { type Framework, frameworkDisplayName } from '../../../shared/frameworks/framework.js';
import { newItemId } from '../editor/newItemId.js';
import { routeHash } from '../routing/route.js';
import { useSession } from '../session/SessionContext.js';
import { draftProblems, fieldKeys } from './draftProblems.js';
import { frameworkLimits } from './frameworkLimits.js';
import { editorDomIds, focusById } from './editorDomIds.js';
import {
  type Deleted,
  addCriterion,
  addOutcome,
  changeCriterion,
  changeOutcome,
  criterionName,
  deleteCriterion,
  deleteOutcome,
  moveCriterion,
  moveOutcome,
  outcomeName,
  restoreDeleted,
  undoDelete,
} from './frameworkDraft.js';
import { importNotices } from './importNotices.js';
import { OutcomeCard, type OutcomeEditing } from './OutcomeCard.js';
import { TextField } from './TextField.js';
import { unsavedFrameworks } from './unsavedFrameworks.js';
import { type FrameworkSaveState, useFrameworkAutosave } from './useFrameworkAutosave.js';

interface FrameworkEditorProps {
  /** The draft to start from: the saved framework, or an unsaved draft left earlier. */
  initial: Framework;
  /** The framework as the back end holds it, or null for a new unit never saved. */
  saved: Framework | null;
}

type Focus = { id: string; select?: boolean };

function deleteButtonOf(item: Deleted): string {
  return item.kind === 'outcome' ? editorDomIds.outcome(item.outcome.id, 'delete') : editorDomIds.criterion(item.outcomeId, item.criterion.id, 'delete');
}

function saveStatusText(save: FrameworkSaveState, problemsShown: boolean, problemsWaiting: boolean): { tone: 'ok' | 'busy' | 'problem' | 'waiting'; text: string } {
  if (problemsShown) return { tone: 'problem', text: 'Not saved: fix the highlighted fields' };
  if (problemsWaiting) return { tone: 'waiting', text: 'Not saved yet: fill in the empty fields' };
  switch (save.kind) {
    case 'saving':
      return { tone: 'busy', text: 'Saving…' };
    case 'retrying':
      return { tone: 'problem', text: `Not saved: ${save.message} Trying again…` };
    case 'refused':
      return { tone: 'problem', text: `Not saved: ${save.message}` };
    default:
      return { tone: 'ok', text: 'All changes saved' };
  }
}

/**
 * One framework's title, number, outcomes and criteria, saved as the user types. Nothing is sent
 * while a field has a problem; the problem is shown beside the field instead.
 */
export function FrameworkEditor({ initial, saved }: FrameworkEditorProps) {
  const session = useSession();
  const [draft, setDraft] = useState(initial);
  // Coming back to changes left unsaved, what still stops them being saved is shown at once.
  const [touched, setTouched] = useState<ReadonlySet<string>>(() =>
    initial !== saved && (saved !== null || initial.title.trim() !== '') ? new Set(draftProblems(initial).keys()) : new Set(),
  );
  const [deleted, setDeleted] = useState<{ item: Deleted; name: string } | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [importNotice] = useState(() => importNotices.take(initial.id));
  const lastSaved = useRef<Framework | null>(saved);
  const current = useRef(draft);
  current.current = draft;
  const focusAfterRender = useRef<Focus | null>(null);
  const lastDeleted = useRef<Deleted | null>(null);
  lastDeleted.current = deleted?.item ?? null;

  const problems = useMemo(() => draftProblems(draft), [draft]);
  const shownProblem = useCallback(
    (key: string) => {
      const problem = problems.get(key);
      return problem && (!problem.missing || touched.has(key)) ? problem.message : null;
    },
    [problems, touched],
  );
  const problemsShown = [...problems.keys()].some((key) => shownProblem(key) !== null);

  const save = useFrameworkAutosave({
    draft,
    canSend: problems.size === 0,
    unsavedAtOpen: initial !== saved,
    onSaved: (framework) => {
      lastSaved.current = framework;
      session.frameworks.put(framework);
    },
    onRefused: (message) => {
      // The back end refuses to drop what has evidence: put it back, with the other changes kept.
      const base = lastSaved.current;
      const restored = base ? restoreDeleted(current.current, base) : current.current;
      if (restored === current.current) return;
      setRefusal(`${message} It is back in its place.`);
      setDeleted(null);
      const item = lastDeleted.current;
      edit(() => restored, item ? { id: deleteButtonOf(item) } : undefined);
    },
  });

  // A new unit starts with its title.
  useEffect(() => {
    if (saved === null && initial.title === '') focusById(editorDomIds.title);
  }, [saved, initial]);

  // A new unit opened and left without a word typed is not worth keeping as a draft.
  useEffect(
    () => () => {
      if (lastSaved.current === null && current.current === initial) unsavedFrameworks.forget(initial.id);
    },
    [initial],
  );

  useLayoutEffect(() => {
    const focus = focusAfterRender.current;
    focusAfterRender.current = null;
    if (focus) focusById(focus.id, focus.select);
  });

  const edit = useCallback((change: (framework: Framework) => Framework, focus?: Focus) => {
    const next = change(current.current);
    if (next === current.current) return;
    current.current = next;
    if (focus) focusAfterRender.current = focus;
    setDraft(next);
  }, []);

  const touch = useCallback((key: string) => setTouched((keys) => (keys.has(key) ? keys : new Set(keys).add(key))), []);

  const editing: OutcomeEditing = {
    problemFor: shownProblem,
    touch,
    changeOutcome: (outcomeId, change) => edit((framework) => changeOutcome(framework, outcomeId, (outcome) => ({ ...outcome, ...change }))),
    moveOutcome: (outcomeId, direction) =>
      edit((framework) => moveOutcome(framework, outcomeId, direction), { id: editorDomIds.outcome(outcomeId, direction < 0 ? 'up' : 'down') }),
    toggleOutcomeArchived: (outcomeId) => edit((framework) => changeOutcome(framework, outcomeId, (outcome) => ({ ...outcome, archived: !outcome.archived }))),
    deleteOutcome: (outcomeId) => {
      const framework = current.current;
      const index = framework.outcomes.findIndex((outcome) => outcome.id === outcomeId);
      const outcome = framework.outcomes[index];
      const result = deleteOutcome(framework, outcomeId);
      if (!outcome || !result) return;
      const neighbour = framework.outcomes[index + 1] ?? framework.outcomes[index - 1];
      setRefusal(null);
      setDeleted({ item: result.deleted, name: outcomeName(outcome, index) });
      edit(() => result.framework, { id: neighbour ? editorDomIds.outcome(neighbour.id, 'delete') : editorDomIds.addOutcome });
    },
    addCriterion: (outcomeId) => {
      const criterionId = newItemId();
      edit((framework) => addCriterion(framework, outcomeId, criterionId), { id: editorDomIds.criterion(outcomeId, criterionId, 'code'), select: true });
    },
    changeCriterion: (outcomeId, criterionId, change) =>
      edit((framework) => changeCriterion(framework, outcomeId, criterionId, (criterion) => ({ ...criterion, ...change }))),
    moveCriterion: (outcomeId, criterionId, direction) =>
      edit((framework) => moveCriterion(framework, outcomeId, criterionId, direction), { id: editorDomIds.criterion(outcomeId, criterionId, direction < 0 ? 'up' : 'down') }),
    toggleCriterionArchived: (outcomeId, criterionId) =>
      edit((framework) => changeCriterion(framework, outcomeId, criterionId, (criterion) => ({ ...criterion, archived: !criterion.archived }))),
    deleteCriterion: (outcomeId, criterionId) => {
      const framework = current.current;
      const outcomeIndex = framework.outcomes.findIndex((outcome) => outcome.id === outcomeId);
      const outcome = framework.outcomes[outcomeIndex];
      const index = outcome ? outcome.criteria.findIndex((criterion) => criterion.id === criterionId) : -1;
      const criterion = outcome?.criteria[index];
      const result = deleteCriterion(framework, outcomeId, criterionId);
      if (!outcome || !criterion || !result) return;
      const neighbour = outcome.criteria[index + 1] ?? outcome.criteria[index - 1];
      setRefusal(null);
      setDeleted({ item: result.deleted, name: criterionName(outcome, outcomeIndex, criterion, index) });
      edit(() => result.framework, { id: neighbour ? editorDomIds.criterion(outcomeId, neighbour.id, 'delete') : editorDomIds.outcome(outcomeId, 'add-criterion') });
    },
  };

  const undo = () => {
    if (!deleted) return;
    const { item } = deleted;
    setDeleted(null);
    edit((framework) => undoDelete(framework, item), { id: deleteButtonOf(item) });
  };

  // Every problem is shown, and the first of them is put in front of the user.
  const showProblems = () => {
    const keys = [...problems.keys()];
    const first = keys[0];
    if (first) focusAfterRender.current = { id: first };
    setTouched(new Set(keys));
  };

  const addNewOutcome = () => {
    const outcomeId = newItemId();
    edit((framework) => addOutcome(framework, outcomeId), { id: editorDomIds.outcome(outcomeId, 'code'), select: true });
  };

  const status = saveStatusText(save, problemsShown, problems.size > 0);
  const name = draft.title.trim() === '' ? (saved ? 'Untitled framework' : 'New unit') : frameworkDisplayName(draft);
  const titleProblem = shownProblem(fieldKeys.title);
  const numberProblem = shownProblem(fieldKeys.number);

  return (
    <main id="main-content" className="page framework-editor" tabIndex={-1} data-testid="framework-editor">
      <p className="back-link">
        <a href={routeHash({ view: 'frameworks', frameworkId: null })}>
          <span aria-hidden="true">← </span>All frameworks
        </a>
      </p>
      <h1>{name}</h1>
      <div className="framework-editor__bar">
        <p role="status" className={`framework-save framework-save--${status.tone}`} data-testid="framework-save-status">
          <span className="framework-save__icon" aria-hidden="true" />
          {status.text}
        </p>
        {problems.size > 0 ? (
          <button type="button" className="button button--small" onClick={showProblems}>
            Show what needs fixing
          </button>
        ) : null}
        <div className="framework-editor__notice" aria-live="polite">
          {deleted ? (
            <p className="framework-editor__deleted">
              Deleted {deleted.name}.{' '}
              <button type="button" id={editorDomIds.undoDelete} className="button button--small" onClick={undo}>
                Undo delete {deleted.name}
              </button>
            </p>
          ) : null}
        </div>
        {refusal ? (
          <div className="framework-editor__refusal" role="alert">
            <p>{refusal}</p>
            <button type="button" className="button button--small" onClick={() => setRefusal(null)}>
              Dismiss
            </button>
          </div>
        ) : null}
      </div>

      {importNotice ? (
        <div className="notice notice--ok" data-testid="import-confirmation">
          <p>
            Imported <strong>{frameworkDisplayName(initial)}</strong> from {importNotice.fileName}. Check it below; changes you make are saved as you type.
          </p>
          {importNotice.warnings.length > 0 ? (
            <>
              <p>Worth checking:</p>
              <ul>
                {importNotice.warnings.map((warning) => (
                  <li key={warning}>{warning}</li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}

      {!saved ? (
        <p className="lede">A new unit is saved as soon as it has a title and each outcome has a code and a title. Add the assessment criteria from your unit specification.</p>
      ) : null}
      {draft.builtIn ? (
        <p className="lede">
          Your own copy of a framework that comes with the app. Changes you make stay in your portfolio; rename or archive rather than delete anything you have
          tagged.
        </p>
      ) : null}
      {draft.archived ? (
        <p className="notice">
          This framework is archived, so it is not offered when you tag evidence. Restore it from the <a href={routeHash({ view: 'frameworks', frameworkId: null })}>list of frameworks</a>.
        </p>
      ) : null}

      <section className="card framework-editor__details" aria-labelledby="framework-details-heading">
        <h2 id="framework-details-heading">About this framework</h2>
        <div className="framework-editor__detail-fields">
          <TextField
            id={editorDomIds.title}
            className="field--wide"
            shape="wrapping"
            label="Title"
            value={draft.title}
            onChange={(title) => {
              touch(fieldKeys.title);
              edit((framework) => ({ ...framework, title }));
            }}
            problem={titleProblem}
          />
          <TextField
            id={editorDomIds.number}
            className="field--number"
            label="Unit number (optional)"
            hint="Shown as “Unit 26: …”."
            value={draft.number}
            onChange={(number) => {
              touch(fieldKeys.number);
              edit((framework) => ({ ...framework, number }));
            }}
            problem={numberProblem}
          />
        </div>
      </section>

      <section className="framework-editor__outcomes" aria-labelledby="framework-outcomes-heading">
        <h2 id="framework-outcomes-heading">Learning outcomes</h2>
        <p className="hint">
          Evidence stays linked to an outcome or criterion when you rename, move or archive it. Archive anything you no longer use; delete only what you added by
          mistake.
        </p>
        {draft.outcomes.length === 0 ? <p className="muted">No outcomes yet.</p> : null}
        <ol className="outcome-list">
          {draft.outcomes.map((outcome, index) => (
            <OutcomeCard key={outcome.id} outcome={outcome} index={index} count={draft.outcomes.length} editing={editing} />
          ))}
        </ol>
        <button type="button" id={editorDomIds.addOutcome} className="button" onClick={addNewOutcome} disabled={draft.outcomes.length >= frameworkLimits.outcomes}>
          Add outcome
        </button>
      </section>
    </main>
  );
}
