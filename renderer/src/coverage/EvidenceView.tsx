import { useEffect, useState } from 'react';
import type { EvidenceItem } from '../../../shared/evidence/evidenceList.js';
import { frameworkDisplayName, resolveTag } from '../../../shared/frameworks/framework.js';
import { routeHash } from '../routing/route.js';
import { useFrameworksSnapshot } from '../session/FrameworksStore.js';
import { useSession } from '../session/SessionContext.js';
import { LoadFailure } from '../shell/LoadFailure.js';
import { plural } from './coverageCells.js';
import { EvidenceItems } from './EvidenceItems.js';

interface EvidenceViewProps {
  frameworkId: string;
  outcomeId: string;
  criterionId: string | null;
}

type Loading = { state: 'loading' } | { state: 'ready'; items: EvidenceItem[] } | { state: 'error'; message: string };

/** Every passage and whole week tagged with one outcome (or criterion), quoted, oldest first. */
export function EvidenceView({ frameworkId, outcomeId, criterionId }: EvidenceViewProps) {
  const session = useSession();
  const snapshot = useFrameworksSnapshot(session.frameworks);
  const [loading, setLoading] = useState<Loading>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const resolved = resolveTag(snapshot.frameworks, { framework: frameworkId, outcome: outcomeId, criterion: criterionId });

  useEffect(() => {
    void session.frameworks.load();
  }, [session]);

  useEffect(() => {
    document.title = `${resolved ? resolved.code : 'Evidence'} — Reflective Portfolio`;
  }, [resolved?.code]);

  useEffect(() => {
    let cancelled = false;
    setLoading({ state: 'loading' });
    void session.client.call('evidence.list', { frameworkId, outcomeId, criterionId, from: null, to: null }).then((result) => {
      if (cancelled) return;
      setLoading(result.ok ? { state: 'ready', items: result.value.items } : { state: 'error', message: result.error.message });
    });
    return () => {
      cancelled = true;
    };
  }, [session, frameworkId, outcomeId, criterionId, attempt]);

  const items = loading.state === 'ready' ? loading.items : [];
  const passages = items.filter((item) => item.kind === 'passage');
  const weeks = items.filter((item) => item.kind === 'whole-entry');
  const words = passages.reduce((total, item) => total + item.words, 0);

  return (
    <main id="main-content" className="page evidence-page" tabIndex={-1} data-testid="evidence-view" aria-busy={loading.state === 'loading'}>
      <p className="breadcrumb">
        <a href={routeHash({ view: 'coverage', frameworkId })}>Coverage{resolved ? ` of ${frameworkDisplayName(resolved.framework)}` : ''}</a>
      </p>
      <h1>{resolved ? resolved.label : 'Evidence'}</h1>
      {resolved && criterionId === null && resolved.outcome.criteria.length > 0 ? (
        <p className="lede">Passages tagged with {resolved.code} or any of its criteria.</p>
      ) : null}
      {snapshot.loaded && !resolved ? <p className="notice notice--error">This outcome is no longer in its framework.</p> : null}
      {loading.state === 'loading' ? <p className="muted">Finding the passages…</p> : null}
      {loading.state === 'error' ? <LoadFailure message={loading.message} onRetry={() => setAttempt((count) => count + 1)} /> : null}
      {loading.state === 'ready' ? (
        <p className="evidence-summary" data-testid="evidence-summary">
          {items.length === 0
            ? 'Nothing is tagged with this yet. Select words in a weekly log and choose Tag evidence.'
            : `${plural(passages.length, 'passage')} (${plural(words, 'word')} quoted)${weeks.length > 0 ? ` and ${plural(weeks.length, 'whole week')}` : ''}, oldest first.`}
        </p>
      ) : null}
      {items.length > 0 ? <EvidenceItems items={items} frameworks={snapshot.frameworks} showWeek /> : null}
    </main>
  );
}
