import { useEffect, useMemo, useRef, useState } from 'react';
import type { ReviewView as ReviewData } from '../../../shared/api/contract.js';
import type { Coverage, CoverageRow } from '../../../shared/evidence/coverage.js';
import type { EvidenceItem } from '../../../shared/evidence/evidenceList.js';
import { type EvidenceTag, type Framework, tagKey } from '../../../shared/frameworks/framework.js';
import type { OpenCell } from '../coverage/CellEvidence.js';
import { CoverageMatrix, type SignOffMark, rowCode } from '../coverage/CoverageMatrix.js';
import { entryLabel, rowsWithoutEvidence } from '../coverage/coverageCells.js';
import { routeHash } from '../routing/route.js';
import { useSession } from '../session/SessionContext.js';
import { LoadFailure } from '../shell/LoadFailure.js';
import { ReviewEvidenceItems } from './ReviewEvidenceItems.js';
import type { SignOffDraft } from './SignOffForm.js';
import { SignOffList, signOffKey } from './SignOffList.js';

type Loading = { state: 'loading' } | { state: 'ready'; coverage: Coverage } | { state: 'error'; message: string };
type CellLoading = { state: 'loading' } | { state: 'ready'; items: EvidenceItem[] } | { state: 'error'; message: string };

interface ReviewCoveragePageProps {
  review: ReviewData;
  frameworkId: string | null;
  reload(): Promise<void>;
}

/** The passages behind one cell of the review's matrix, with a link to each in its entry. */
function ReviewCellEvidence({ review, framework, coverage, cell, onClose }: { review: ReviewData; framework: Framework; coverage: Coverage; cell: OpenCell; onClose(): void }) {
  const session = useSession();
  const heading = useRef<HTMLHeadingElement>(null);
  const [loading, setLoading] = useState<CellLoading>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const row = coverage.rows[cell.row];
  const column = coverage.columns[cell.column];
  const reviewId = review.summary.reviewId;

  useEffect(() => {
    if (!row || !column) return;
    let cancelled = false;
    setLoading({ state: 'loading' });
    void session.client
      .call('review.evidence', { reviewId, frameworkId: framework.id, outcomeId: row.tag.outcome, criterionId: row.tag.criterion, entryId: column.entryId })
      .then((result) => {
        if (cancelled) return;
        setLoading(result.ok ? { state: 'ready', items: result.value.items } : { state: 'error', message: result.error.message });
      });
    return () => {
      cancelled = true;
    };
  }, [session, reviewId, framework.id, row, column, attempt]);

  useEffect(() => {
    heading.current?.focus();
  }, [cell.row, cell.column]);

  if (!row || !column) return null;
  const code = rowCode(framework, row);
  return (
    <section className="cell-evidence" aria-labelledby="review-cell-heading" data-testid="review-cell-evidence">
      <div className="cell-evidence__header">
        <h2 id="review-cell-heading" tabIndex={-1} ref={heading}>
          {code} in the {entryLabel(column).sentence}
        </h2>
        <button type="button" className="button button--quiet" onClick={onClose}>
          Close
        </button>
      </div>
      {loading.state === 'loading' ? <p className="muted">Finding the passages…</p> : null}
      {loading.state === 'error' ? <LoadFailure message={loading.message} onRetry={() => setAttempt((count) => count + 1)} /> : null}
      {loading.state === 'ready' && loading.items.length === 0 ? <p className="muted">Nothing in this entry is tagged with {code}.</p> : null}
      {loading.state === 'ready' && loading.items.length > 0 ? <ReviewEvidenceItems reviewId={reviewId} items={loading.items} frameworks={review.frameworks} showWeek={false} /> : null}
      <p>
        <a href={routeHash({ view: 'review', reviewId, page: { kind: 'evidence', frameworkId: framework.id, outcomeId: row.tag.outcome, criterionId: row.tag.criterion } })}>
          All evidence for {code}
        </a>
      </p>
    </section>
  );
}

/**
 * `#/review/<id>/coverage/<framework>`: the shared entries' coverage of one framework, the
 * passages behind each cell, and the mentor's sign-offs of its outcomes and criteria.
 */
export function ReviewCoveragePage({ review, frameworkId, reload }: ReviewCoveragePageProps) {
  const session = useSession();
  const reviewId = review.summary.reviewId;
  const framework = review.frameworks.find((candidate) => candidate.id === frameworkId) ?? null;
  const [loading, setLoading] = useState<Loading>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [openKey, setOpenKey] = useState<{ row: string; entryId: string } | null>(null);

  useEffect(() => {
    if (!framework) return;
    let cancelled = false;
    setLoading({ state: 'loading' });
    void session.client.call('review.coverage', { reviewId, frameworkId: framework.id }).then((result) => {
      if (cancelled) return;
      setLoading(result.ok ? { state: 'ready', coverage: result.value } : { state: 'error', message: result.error.message });
    });
    return () => {
      cancelled = true;
    };
  }, [session, reviewId, framework, attempt]);

  const coverage = loading.state === 'ready' ? loading.coverage : null;
  const openCell = useMemo<OpenCell | null>(() => {
    if (!coverage || !openKey) return null;
    const row = coverage.rows.findIndex((candidate) => tagKey(candidate.tag) === openKey.row);
    const column = coverage.columns.findIndex((candidate) => candidate.entryId === openKey.entryId);
    return row >= 0 && column >= 0 ? { row, column } : null;
  }, [coverage, openKey]);
  const setOpenCell = (cell: OpenCell | null) => {
    const row = cell ? coverage?.rows[cell.row] : undefined;
    const column = cell ? coverage?.columns[cell.column] : undefined;
    setOpenKey(row && column ? { row: tagKey(row.tag), entryId: column.entryId } : null);
  };

  const marks = useMemo(() => {
    const byRow = new Map<string, SignOffMark[]>();
    for (const signOff of review.signOffs) {
      const key = signOffKey(signOff);
      byRow.set(key, [...(byRow.get(key) ?? []), { name: signOff.signer.name, date: signOff.date }]);
    }
    return byRow;
  }, [review.signOffs]);

  if (!framework) {
    return review.frameworks.length === 0 ? (
      <p className="notice">None of the entries shared with you are tagged against a framework, so there is no coverage to show.</p>
    ) : (
      <p className="notice notice--error">This framework is not in the share file. Choose one of the frameworks above.</p>
    );
  }

  const missing = coverage ? rowsWithoutEvidence(coverage) : [];
  const rowHref = (row: CoverageRow) => routeHash({ view: 'review', reviewId, page: { kind: 'evidence', frameworkId: framework.id, outcomeId: row.tag.outcome, criterionId: row.tag.criterion } });

  const saveSignOff = async (tag: EvidenceTag, signOffId: string | null, draft: SignOffDraft): Promise<{ problem: string } | { savedId: string }> => {
    const result = await session.client.call('review.saveSignOff', {
      reviewId,
      signOffId,
      frameworkId: tag.framework,
      outcomeId: tag.outcome,
      criterionId: tag.criterion,
      statement: draft.statement,
      date: draft.date,
      signer: draft.signer,
    });
    if (!result.ok) return { problem: result.error.message };
    await reload();
    return { savedId: result.value.id };
  };

  const deleteSignOff = async (signOffId: string): Promise<string | null> => {
    const result = await session.client.call('review.deleteSignOff', { reviewId, signOffId });
    if (!result.ok) return result.error.message;
    await reload();
    return null;
  };

  return (
    <div className="review-coverage-page" aria-busy={loading.state === 'loading'} data-testid="review-coverage">
      <p className="lede">
        Which outcomes the entries shared with you are evidence for. Choose a cell to read its passages, or an outcome to read all of its evidence; sign outcomes off
        below.
      </p>
      {loading.state === 'error' ? <LoadFailure message={loading.message} onRetry={() => setAttempt((count) => count + 1)} /> : null}
      {loading.state === 'loading' ? <p className="muted">Working out coverage…</p> : null}
      {coverage ? (
        <>
          <p className="coverage-summary" data-testid="review-coverage-summary">
            {coverage.columns.length === 0
              ? 'None of the shared entries are tagged against this framework.'
              : missing.length === 0
                ? 'Every outcome and criterion has some evidence.'
                : `Without evidence: ${missing.map((row) => rowCode(framework, row)).join(', ')}.`}
          </p>
          <CoverageMatrix framework={framework} coverage={coverage} openCell={openCell} onOpenCell={setOpenCell} rowHref={rowHref} signOffs={marks} />
          {openCell ? (
            <ReviewCellEvidence
              review={review}
              framework={framework}
              coverage={coverage}
              cell={openCell}
              onClose={() => {
                setOpenCell(null);
                document.querySelector<HTMLElement>('.coverage-grid [data-cell][tabindex="0"]')?.focus();
              }}
            />
          ) : null}
        </>
      ) : null}
      <SignOffList framework={framework} signOffs={review.signOffs} reviewer={review.reviewer} authorName={review.summary.authorName} onSave={saveSignOff} onDelete={deleteSignOff} />
    </div>
  );
}
