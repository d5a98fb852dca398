import { useEffect, useRef, useState } from 'react';
import type { Coverage } from '../../../shared/evidence/coverage.js';
import type { EvidenceItem } from '../../../shared/evidence/evidenceList.js';
import type { Framework } from '../../../shared/frameworks/framework.js';
import { useFrameworksSnapshot } from '../session/FrameworksStore.js';
import { useSession } from '../session/SessionContext.js';
import { entryLabel } from './coverageCells.js';
import { LoadFailure } from '../shell/LoadFailure.js';
import { rowCode } from './CoverageMatrix.js';
import { EvidenceItems } from './EvidenceItems.js';

export interface OpenCell {
  row: number;
  column: number;
}

type Loading = { state: 'loading' } | { state: 'ready'; items: EvidenceItem[] } | { state: 'error'; message: string };

/** The passages behind one cell of the matrix, under it, with a link to each in its week. */
export function CellEvidence({ framework, coverage, cell, onClose }: { framework: Framework; coverage: Coverage; cell: OpenCell; onClose(): void }) {
  const session = useSession();
  const { frameworks } = useFrameworksSnapshot(session.frameworks);
  const heading = useRef<HTMLHeadingElement>(null);
  const [loading, setLoading] = useState<Loading>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const row = coverage.rows[cell.row];
  const column = coverage.columns[cell.column];

  useEffect(() => {
    if (!row || !column) return;
    let cancelled = false;
    setLoading({ state: 'loading' });
    void session.client
      .call('evidence.list', { frameworkId: framework.id, outcomeId: row.tag.outcome, criterionId: row.tag.criterion, from: null, to: null, entryId: column.entryId })
      .then((result) => {
        if (cancelled) return;
        setLoading(result.ok ? { state: 'ready', items: result.value.items } : { state: 'error', message: result.error.message });
      });
    return () => {
      cancelled = true;
    };
  }, [session, framework.id, row, column, attempt]);

  useEffect(() => {
    heading.current?.focus();
  }, [cell.row, cell.column]);

  if (!row || !column) return null;
  return (
    <section className="cell-evidence" aria-labelledby="cell-evidence-heading" data-testid="cell-evidence">
      <div className="cell-evidence__header">
        <h2 id="cell-evidence-heading" tabIndex={-1} ref={heading}>
          {rowCode(framework, row)} in the {entryLabel(column).sentence}
        </h2>
        <button type="button" className="button button--quiet" onClick={onClose}>
          Close
        </button>
      </div>
      {loading.state === 'loading' ? <p className="muted">Finding the passages…</p> : null}
      {loading.state === 'error' ? <LoadFailure message={loading.message} onRetry={() => setAttempt((count) => count + 1)} /> : null}
      {loading.state === 'ready' && loading.items.length === 0 ? <p className="muted">Nothing in this week is tagged with {rowCode(framework, row)}.</p> : null}
      {loading.state === 'ready' && loading.items.length > 0 ? <EvidenceItems items={loading.items} frameworks={frameworks} showWeek={false} /> : null}
    </section>
  );
}
