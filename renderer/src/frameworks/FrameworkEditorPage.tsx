import { useEffect, useState } from 'react';
import { type Framework, frameworkDisplayName } from '../../../shared/frameworks/framework.js';
import { routeHash } from '../routing/route.js';
import { useFrameworksSnapshot } from '../session/FrameworksStore.js';
import { useSession } from '../session/SessionContext.js';
import { LoadFailure } from '../shell/LoadFailure.js';
import { FrameworkEditor } from './FrameworkEditor.js';
import { unsavedFrameworks } from './unsavedFrameworks.js';

interface Opened {
  initial: Framework;
  saved: Framework | null;
}

/** The framework the editor starts from: a draft left unsaved earlier, or the saved framework. */
function openFramework(frameworkId: string, frameworks: readonly Framework[], loaded: boolean): Opened | null {
  const saved = frameworks.find((framework) => framework.id === frameworkId) ?? null;
  const draft = unsavedFrameworks.get(frameworkId);
  // Archiving happens in the list, so the saved framework says whether it is archived.
  if (draft) return { initial: saved && saved.archived !== draft.archived ? { ...draft, archived: saved.archived } : draft, saved };
  return loaded && saved ? { initial: saved, saved } : null;
}

/** Waits for the portfolio's frameworks, then opens one in the editor. */
export function FrameworkEditorPage({ frameworkId }: { frameworkId: string }) {
  const session = useSession();
  const snapshot = useFrameworksSnapshot(session.frameworks);
  const [opened, setOpened] = useState<Opened | null>(() => openFramework(frameworkId, snapshot.frameworks, snapshot.loaded));

  useEffect(() => {
    void session.frameworks.load();
  }, [session]);

  if (opened === null) {
    const now = openFramework(frameworkId, snapshot.frameworks, snapshot.loaded);
    if (now) setOpened(now);
  }

  useEffect(() => {
    document.title = `${opened ? frameworkDisplayName(opened.initial) || 'New unit' : 'Framework'} — Reflective Portfolio`;
  }, [opened]);

  if (opened) return <FrameworkEditor initial={opened.initial} saved={opened.saved} />;

  return (
    <main id="main-content" className="page framework-editor" tabIndex={-1} data-testid="framework-editor" aria-busy={!snapshot.loaded && !snapshot.error}>
      <p className="back-link">
        <a href={routeHash({ view: 'frameworks', frameworkId: null })}>
          <span aria-hidden="true">← </span>All frameworks
        </a>
      </p>
      {snapshot.error ? (
        <>
          <h1>Framework</h1>
          <LoadFailure message={snapshot.error} onRetry={() => void session.frameworks.load(true)} />
        </>
      ) : null}
      {!snapshot.loaded && !snapshot.error ? (
        <>
          <h1>Framework</h1>
          <p className="muted">Loading the framework…</p>
        </>
      ) : null}
      {snapshot.loaded ? (
        <div className="empty-state">
          <h1>This framework is not in your portfolio</h1>
          <p>
            It may be a new unit that was never saved because it had no title yet. Go back to <a href={routeHash({ view: 'frameworks', frameworkId: null })}>your frameworks</a>{' '}
            to choose another or start a new unit.
          </p>
        </div>
      ) : null}
    </main>
  );
}
