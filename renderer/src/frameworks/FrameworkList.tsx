import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { BuiltInFrameworkListing } from '../../../shared/api/contract.js';
import { type Framework, frameworkDisplayName } from '../../../shared/frameworks/framework.js';
import { newItemId } from '../editor/newItemId.js';
import { routeHash } from '../routing/route.js';
import { navigate } from '../routing/useRoute.js';
import { useFrameworksSnapshot } from '../session/FrameworksStore.js';
import { useSession } from '../session/SessionContext.js';
import { LoadFailure } from '../shell/LoadFailure.js';
import { BuiltInList } from './BuiltInList.js';
import { downloadTextFile } from './downloadTextFile.js';
import { draftProblems } from './draftProblems.js';
import { focusById } from './editorDomIds.js';
import { FrameworkImport } from './FrameworkImport.js';
import { FrameworkListItem, listDomIds } from './FrameworkListItem.js';
import { newUnitDraft } from './frameworkDraft.js';
import { importNotices } from './importNotices.js';
import { unsavedFrameworks } from './unsavedFrameworks.js';
import { worthRetrying } from './useFrameworkAutosave.js';

type Feedback = { tone: 'ok' | 'error'; text: string } | null;

/** Waiting for the editor's last save first means an export holds what was just typed. */
const waitForSavesMs = 3000;

/** The portfolio's frameworks, the built-in ones to add, and new units made or imported. */
export function FrameworkList() {
  const session = useSession();
  const snapshot = useFrameworksSnapshot(session.frameworks);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [adding, setAdding] = useState<string | null>(null);
  const [archiving, setArchiving] = useState<ReadonlySet<string>>(() => new Set());
  const focusAfterRender = useRef<string | null>(null);

  useEffect(() => {
    document.title = 'Frameworks — Reflective Portfolio';
    void session.frameworks.load();
  }, [session]);

  useLayoutEffect(() => {
    const id = focusAfterRender.current;
    focusAfterRender.current = null;
    if (id) focusById(id);
  });

  const active = snapshot.frameworks.filter((framework) => !framework.archived);
  const archived = snapshot.frameworks.filter((framework) => framework.archived);
  // Read after the editor that was open has closed (its clean-up forgets an untouched new unit).
  // A draft without problems is on its way to the back end; only one that cannot be sent is shown.
  const [unsaved, setUnsaved] = useState<readonly Framework[]>([]);
  useEffect(() => setUnsaved(unsavedFrameworks.all().filter((draft) => draftProblems(draft).size > 0)), [snapshot]);
  const newUnits = unsaved.filter((draft) => !snapshot.frameworks.some((framework) => framework.id === draft.id));
  const hasUnsavedChanges = (framework: Framework) => unsaved.some((draft) => draft.id === framework.id);

  const startNewUnit = () => {
    const draft = newUnitDraft(newItemId(), newItemId());
    unsavedFrameworks.start(draft);
    navigate({ view: 'frameworks', frameworkId: draft.id });
  };

  const exportFramework = async (framework: Framework) => {
    const name = frameworkDisplayName(framework);
    await session.flushWithin(waitForSavesMs);
    const result = await session.client.call('frameworks.exportFile', { frameworkId: framework.id });
    if (!result.ok) {
      setFeedback({ tone: 'error', text: `${name} was not exported: ${result.error.message}` });
      return;
    }
    downloadTextFile(result.value.fileName, result.value.text, 'application/json');
    setFeedback({ tone: 'ok', text: `Exported ${name} as ${result.value.fileName}. Import that file into another portfolio to use the same framework there.` });
  };

  const toggleArchived = (framework: Framework) => {
    const archive = !framework.archived;
    const name = frameworkDisplayName(framework);
    setArchiving((ids) => new Set(ids).add(framework.id));
    session.saves.put(
      `framework-archive:${framework.id}`,
      {
        kind: 'choice',
        run: async () => {
          // Read now rather than when clicked: an edit saved just before is kept.
          const latest = session.frameworks.snapshot().frameworks.find((candidate) => candidate.id === framework.id) ?? framework;
          const result = await session.client.call('frameworks.save', { framework: { ...latest, archived: archive } });
          const retry = !result.ok && worthRetrying(result.error.code);
          if (!retry) {
            setArchiving((ids) => {
              const next = new Set(ids);
              next.delete(framework.id);
              return next;
            });
          }
          if (!result.ok) {
            const outcome = retry ? 'not yet' : 'not';
            setFeedback({ tone: 'error', text: `${name} was ${outcome} ${archive ? 'archived' : 'restored'}: ${result.error.message}${retry ? ' Trying again…' : ''}` });
            return { ok: false, message: result.error.message, retry };
          }
          focusAfterRender.current = listDomIds.archiveToggle(framework.id);
          session.frameworks.put(result.value);
          setFeedback({
            tone: 'ok',
            text: archive ? `Archived ${name}. Its evidence is kept; it is no longer offered when you tag.` : `Restored ${name}. It is offered again when you tag.`,
          });
          return { ok: true };
        },
      },
      'now',
    );
  };

  const addBuiltIn = async (builtIn: BuiltInFrameworkListing) => {
    setAdding(builtIn.id);
    const result = await session.client.call('frameworks.addBuiltIn', { builtInId: builtIn.id });
    setAdding(null);
    if (!result.ok) {
      setFeedback({ tone: 'error', text: `${builtIn.title} was not added: ${result.error.message}` });
      return;
    }
    session.frameworks.put(result.value);
    setFeedback({ tone: 'ok', text: `Added ${frameworkDisplayName(result.value)} to your frameworks.` });
  };

  const imported = (framework: Framework, fileName: string, warnings: readonly string[]) => {
    session.frameworks.put(framework);
    importNotices.leave(framework.id, { fileName, warnings });
    navigate({ view: 'frameworks', frameworkId: framework.id });
  };

  const itemFor = (framework: Framework) => (
    <FrameworkListItem
      key={framework.id}
      framework={framework}
      hasUnsavedChanges={hasUnsavedChanges(framework)}
      busy={archiving.has(framework.id)}
      onExport={(chosen) => void exportFramework(chosen)}
      onToggleArchived={toggleArchived}
    />
  );

  return (
    <main id="main-content" className="page frameworks-page" tabIndex={-1} data-testid="frameworks-view" aria-busy={!snapshot.loaded && !snapshot.error}>
      <h1>Frameworks</h1>
      <p className="lede">
        The learning outcomes and standards your writing is evidence for: your course units and the professional frameworks you work to. Tag passages in your
        weekly log against them, then see your coverage.
      </p>

      {snapshot.error ? <LoadFailure message={snapshot.error} onRetry={() => void session.frameworks.load(true)} /> : null}
      {!snapshot.loaded && !snapshot.error ? <p className="muted">Loading your frameworks…</p> : null}

      {snapshot.loaded ? (
        <>
          <section className="frameworks-section" aria-labelledby="your-frameworks-heading">
            <div className="frameworks-section__head">
              <h2 id="your-frameworks-heading">Your frameworks</h2>
              <button type="button" className="button button--primary" onClick={startNewUnit}>
                New unit
              </button>
            </div>
            <div className="frameworks-feedback" aria-live="polite" data-testid="frameworks-feedback">
              {feedback ? <p className={`notice ${feedback.tone === 'error' ? 'notice--error' : 'notice--ok'}`}>{feedback.text}</p> : null}
            </div>
            {active.length === 0 && newUnits.length === 0 ? (
              <div className="empty-state">
                <h3>{archived.length > 0 ? 'No frameworks in use' : 'No frameworks yet'}</h3>
                <p>
                  Add one that comes with the app below, choose <strong>New unit</strong> to type in a course unit from its specification, or import a unit
                  from a spreadsheet.
                </p>
              </div>
            ) : (
              <ul className="framework-list">
                {active.map(itemFor)}
                {newUnits.map((draft) => (
                  <li key={draft.id} className="framework-item framework-item--draft" data-testid="framework-item">
                    <div className="framework-item__about">
                      <h3 className="framework-item__name">{draft.title.trim() === '' ? 'New unit' : frameworkDisplayName(draft)}</h3>
                      <p className="framework-item__meta">
                        <span className="framework-badge framework-badge--warning">Not saved yet</span>
                        <span>It is saved once it has a title and each outcome has a code and a title.</span>
                      </p>
                    </div>
                    <div className="framework-item__actions">
                      <a
                        className="button"
                        href={routeHash({ view: 'frameworks', frameworkId: draft.id })}
                        aria-label={`Carry on with ${draft.title.trim() === '' ? 'the new unit' : frameworkDisplayName(draft)}`}
                      >
                        Carry on
                      </a>
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </section>

          {archived.length > 0 ? (
            <section className="frameworks-section" aria-labelledby="archived-heading">
              <h2 id="archived-heading">Archived</h2>
              <p className="hint">Not offered when you tag. Evidence already tagged to them is kept.</p>
              <ul className="framework-list">{archived.map(itemFor)}</ul>
            </section>
          ) : null}

          <section className="frameworks-section" aria-labelledby="builtin-heading">
            <h2 id="builtin-heading">Add a built-in framework</h2>
            <p className="hint">Frameworks that come with the app. Adding one puts your own copy in your portfolio.</p>
            <BuiltInList builtIns={snapshot.builtIns} frameworks={snapshot.frameworks} adding={adding} onAdd={(builtIn) => void addBuiltIn(builtIn)} />
          </section>

          <FrameworkImport onImported={imported} />

        </>
      ) : null}
    </main>
  );
}
