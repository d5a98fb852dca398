/**
 * The Export screen: choose a Word pack (weekly logs, assignment evidence, appraisal, a single
 * reflection or mentors' feedback), set its options, see what the document will hold, and export it. The document is
 * built by the back end in a worker; the page only asks how far it has got, so it never freezes.
 */
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { thisWeek as weekOf, todayAsCalendarDate } from '../../../shared/dates/weeks.js';
import type { ExportPackKind } from '../../../shared/export/exportOptions.js';
import { TextField } from '../frameworks/TextField.js';
import { useFrameworksSnapshot } from '../session/FrameworksStore.js';
import { useSession } from '../session/SessionContext.js';
import { AppraisalOptions } from './AppraisalOptions.js';
import { AssignmentOptions } from './AssignmentOptions.js';
import { ExportActions } from './ExportActions.js';
import { FeedbackAbout, FeedbackOptions } from './FeedbackOptions.js';
import { exportJobFor, useExportJob } from './ExportJob.js';
import { nothingToExport } from '../../../shared/export/nothingToExport.js';
import {
  type ExportDraft,
  defaultExportDraft,
  feedbackFramework,
  offeredFramework,
  offeredReflection,
  readExportDraft,
  reflectionsNewestFirst,
  rememberExportDraft,
  rememberedExportDraft,
  withPreselection,
} from './exportDraft.js';
import { exportPacks } from './exportPacks.js';
import { PackChoice } from './PackChoice.js';
import { PreviewPanel } from './PreviewPanel.js';
import { ReflectionOptions } from './ReflectionOptions.js';
import { useExportPreview } from './useExportPreview.js';
import { WeeksOptions } from './WeeksOptions.js';
import '../styles/export.css';

interface ExportViewProps {
  /** A pack the address chose (`#/export/<pack>`), else the last one used. */
  pack: ExportPackKind | null;
  /** The week, framework or reflection the address chose. */
  subject: string | null;
}

const notSavedYet = 'Not exported: your latest words are not saved yet (see the save state at the top), so the Word file would miss them. Try again once they are saved.';

export function ExportView({ pack, subject }: ExportViewProps) {
  const session = useSession();
  const job = exportJobFor(session);
  const jobState = useExportJob(job);
  const frameworks = useFrameworksSnapshot(session.frameworks);
  const timeline = useSyncExternalStore(session.timeline.subscribe, session.timeline.snapshot);
  const now = new Date();
  const today = todayAsCalendarDate(now);
  const thisWeek = weekOf(now);
  const [draft, setDraft] = useState<ExportDraft>(() => withPreselection(rememberedExportDraft(session) ?? defaultExportDraft(today, thisWeek), pack, subject));
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    document.title = 'Export to Word — Reflective Portfolio';
    void session.frameworks.load();
    void session.timeline.load();
  }, [session]);

  useEffect(() => rememberExportDraft(session, draft), [session, draft]);

  const reflections = useMemo(() => reflectionsNewestFirst(timeline.reflections.values()), [timeline.reflections]);
  const framework = offeredFramework(frameworks.frameworks, draft.assignment.frameworkId);
  const reflection = offeredReflection(reflections, draft.reflection.entryId);
  const feedbackLimit = feedbackFramework(frameworks.frameworks, draft.feedback.frameworkId);
  const loggedWeeks = useMemo(() => {
    const weeks = [...timeline.weeks.keys()].sort();
    return weeks.length > 0 ? { first: weeks[0] as string, last: weeks[weeks.length - 1] as string } : null;
  }, [timeline.weeks]);
  const listsLoaded = draft.pack === 'assignment' || draft.pack === 'feedback' ? frameworks.loaded : draft.pack === 'reflection' ? timeline.loaded : true;
  const read = useMemo(() => readExportDraft(draft, { framework, reflection, feedbackFramework: feedbackLimit }), [draft, framework, reflection, feedbackLimit]);
  const preview = useExportPreview(listsLoaded ? read.options : null, attempt);

  const wordLimit = read.options?.pack === 'assignment' ? read.options.wordLimit : null;
  const shown = preview.state === 'ready' || preview.state === 'loading' ? preview.preview : null;
  const nothing = shown !== null && nothingToExport(shown) ? (shown.notes[0] ?? 'There is nothing to export for these choices.') : null;
  const unavailable = !listsLoaded
    ? 'Finding what there is to export…'
    : draft.pack === 'assignment' && !framework
      ? 'There is no framework to export evidence for yet.'
      : draft.pack === 'reflection' && !reflection
        ? 'There are no reflections to export yet.'
        : null;
  const blockedBecause = unavailable ?? (read.options === null ? 'Fix the options marked above first.' : nothing);
  const missingChoice =
    (draft.pack === 'assignment' && frameworks.loaded && draft.assignment.frameworkId !== '' && framework?.id !== draft.assignment.frameworkId) ||
    (draft.pack === 'reflection' && timeline.loaded && draft.reflection.entryId !== '' && reflection?.entryId !== draft.reflection.entryId) ||
    (draft.pack === 'feedback' && frameworks.loaded && draft.feedback.frameworkId !== '' && feedbackLimit === null);

  const problems = read.problems;
  const label = exportPacks[draft.pack].label;
  return (
    <main id="main-content" className="page export-page" tabIndex={-1} data-testid="export-view">
      <h1>Export to Word</h1>
      <p className="lede">Make a Word document from your portfolio to hand to a tutor, an assessor or an appraiser. See what it will hold before you export it.</p>
      <div className="export-layout">
        <form className="export-form" onSubmit={(event) => event.preventDefault()} aria-label="Export options">
          <PackChoice chosen={draft.pack} onChoose={(chosen) => setDraft((current) => ({ ...current, pack: chosen }))} />
          <section className="export-options" aria-labelledby="export-options-heading">
            <h2 id="export-options-heading">Options for {label.charAt(0).toLowerCase() + label.slice(1)}</h2>
            {missingChoice ? (
              <p className="notice" data-testid="export-choice-gone">
                {draft.pack === 'feedback'
                  ? 'The framework this page was opened for is no longer in your portfolio, so every framework is offered below.'
                  : `The ${draft.pack === 'assignment' ? 'framework' : 'reflection'} this page was opened for is no longer in your portfolio, so another is offered below.`}
              </p>
            ) : null}
            {draft.pack === 'feedback' ? <FeedbackAbout /> : null}
            <TextField
              id="export-name"
              label="Your name"
              hint="On the title page and as the document’s author. Optional."
              value={draft.name}
              onChange={(name) => setDraft((current) => ({ ...current, name }))}
              problem={problems.get('name') ?? null}
            />
            {draft.pack === 'weeks' ? (
              <WeeksOptions value={draft.weeks} onChange={(weeks) => setDraft((current) => ({ ...current, weeks }))} problems={problems} thisWeek={thisWeek} loggedWeeks={loggedWeeks} />
            ) : null}
            {draft.pack === 'assignment' ? (
              <AssignmentOptions
                value={draft.assignment}
                onChange={(assignment) => setDraft((current) => ({ ...current, assignment }))}
                problems={problems}
                frameworks={frameworks.frameworks}
                framework={framework}
                loaded={frameworks.loaded}
              />
            ) : null}
            {draft.pack === 'appraisal' ? (
              <AppraisalOptions value={draft.appraisal} onChange={(appraisal) => setDraft((current) => ({ ...current, appraisal }))} problems={problems} today={today} />
            ) : null}
            {draft.pack === 'feedback' ? (
              <FeedbackOptions
                value={draft.feedback}
                onChange={(feedback) => setDraft((current) => ({ ...current, feedback }))}
                problems={problems}
                frameworks={frameworks.frameworks}
                framework={feedbackLimit}
                loaded={frameworks.loaded}
              />
            ) : null}
            {draft.pack === 'reflection' ? (
              <ReflectionOptions
                reflections={reflections}
                chosen={reflection}
                loaded={timeline.loaded}
                onChoose={(entryId) => setDraft((current) => ({ ...current, reflection: { entryId } }))}
              />
            ) : null}
          </section>
        </form>
        <div className="export-side">
          <PreviewPanel pack={draft.pack} preview={preview} wordLimit={wordLimit} waiting={unavailable} onRetry={() => setAttempt((count) => count + 1)} />
          <ExportActions
            job={jobState}
            blockedBecause={blockedBecause}
            onExport={() => {
              if (read.options) void job.start(read.options, async () => ((await session.flushWithin(15_000)) ? null : notSavedYet));
            }}
            onCancel={() => void job.cancel()}
            onConfirmFindings={(fingerprint) => void job.confirmFindings(fingerprint)}
            onHoldBack={() => job.holdBack()}
          />
        </div>
      </div>
    </main>
  );
}
