import { Selection } from '@tiptap/pm/state';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type CalendarDate, formatWeekCommencingLong, formatWeekCommencingShort, shiftWeeks } from '../../../shared/dates/weeks.js';
import type { EditorDoc } from '../../../shared/document/editorJson.js';
import type { PlanToReview } from '../../../shared/plans/planReview.js';
import { type PlanReviewStatus, type WeeklyLogSections, emptySections, weeklyLogSectionIds, weeklyLogSections } from '../../../shared/portfolio/weeklyLog.js';
import { ideaNumberingOf } from '../editor/ideaNumberingPlugin.js';
import { toEditorDoc } from '../editor/toEditorDoc.js';
import { navigate } from '../routing/useRoute.js';
import { weekWriteKey } from '../saving/WriteJob.js';
import { useSession } from '../session/SessionContext.js';
import { AddIdeaButton } from './AddIdeaButton.js';
import { PlanReviewList } from './PlanReviewList.js';
import { SectionEditor } from './SectionEditor.js';
import { WeekNavigation } from './WeekNavigation.js';
import { WeekTimeline } from './WeekTimeline.js';
import { sectionHints } from './sectionHints.js';
import { useWeekEditors } from './useWeekEditors.js';
import { useWeekShortcuts } from './useWeekShortcuts.js';
import { LoadFailure } from '../shell/LoadFailure.js';

interface WeekViewProps {
  weekStart: CalendarDate;
  thisWeek: CalendarDate;
}

type LoadState = { state: 'loading' } | { state: 'ready' } | { state: 'error'; message: string };

const unreadableWeek =
  'This week’s log holds something the editor cannot show, so it has been left exactly as it is. Nothing in it will be changed from this screen.';

/** A stored section with no blocks at all would not fit the editor's schema: start it afresh. */
function sectionContent(sections: Partial<WeeklyLogSections>, sectionId: keyof WeeklyLogSections): EditorDoc {
  const doc = sections[sectionId];
  return doc && doc.content && doc.content.length > 0 ? doc : emptySections()[sectionId];
}

/** The weekly log: timeline, week heading and navigation, review of last week's plans and the four sections. */
/** A performance mark set when the first week shown becomes editable. */
export const weekEditableMark = 'reflective-portfolio:week-editable';

export function WeekView({ weekStart, thisWeek }: WeekViewProps) {
  const session = useSession();
  const editors = useWeekEditors();
  const [load, setLoad] = useState<LoadState>({ state: 'loading' });
  const [plans, setPlans] = useState<PlanToReview[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  /** The week whose log is on screen: it changes only once the next week has loaded, with the heading. */
  const [shownWeek, setShownWeek] = useState<CalendarDate | null>(null);
  /** The week whose text the editors hold; null while a week is loading. */
  const loadedWeek = useRef<CalendarDate | null>(null);
  const sections = useRef<WeeklyLogSections>(emptySections());
  const firstIdeaNumber = useRef(1);
  const thisWeekFocusedSinceLoad = useRef(false);
  const weeksShown = useRef(0);

  useEffect(() => {
    void session.timeline.load();
  }, [session]);

  useEffect(() => {
    document.title = `${formatWeekCommencingShort(weekStart)} — Reflective Portfolio`;
  }, [weekStart]);

  /** Each section numbers its ideas on from the sections before it. */
  const renumberIdeas = useCallback(() => {
    let next = firstIdeaNumber.current;
    for (const sectionId of weeklyLogSectionIds) {
      const editor = editors[sectionId];
      const { start, count } = ideaNumberingOf(editor.state);
      if (start !== next) editor.commands.setIdeaNumberStart(next);
      next += count;
    }
  }, [editors]);

  useEffect(() => {
    let cancelled = false;
    const focusedSection = weeklyLogSectionIds.find((sectionId) => editors[sectionId].isFocused) ?? null;
    void session.saves.flush();
    loadedWeek.current = null;
    for (const sectionId of weeklyLogSectionIds) editors[sectionId].setEditable(false, false);
    setLoad({ state: 'loading' });

    void session.getWeek(weekStart).then((result) => {
      if (cancelled) return;
      if (!result.ok) {
        setShownWeek(null);
        setLoad({ state: 'error', message: result.error.message });
        return;
      }
      const view = result.value;
      // Text typed into this week that is still on its way to the back end is newer than the answer.
      const unsaved = session.saves.unsaved(weekWriteKey(weekStart));
      const stored: Partial<WeeklyLogSections> = unsaved?.kind === 'week' ? unsaved.sections : (view.entry?.sections ?? emptySections());
      const loaded = emptySections();
      try {
        for (const sectionId of weeklyLogSectionIds) {
          const editor = editors[sectionId];
          editor.chain().setContent(sectionContent(stored, sectionId), { emitUpdate: false, errorOnInvalidContent: true }).setMeta('addToHistory', false).run();
          loaded[sectionId] = toEditorDoc(editor.getJSON());
        }
      } catch {
        setShownWeek(null);
        setLoad({ state: 'error', message: unreadableWeek });
        return;
      }
      sections.current = loaded;
      firstIdeaNumber.current = view.firstIdeaNumber;
      renumberIdeas();
      thisWeekFocusedSinceLoad.current = false;
      loadedWeek.current = weekStart;
      for (const sectionId of weeklyLogSectionIds) editors[sectionId].setEditable(true, false);
      // The moment the first week can be typed in: what `npm run bench` reports as page ready.
      if (weeksShown.current === 0) performance.mark(weekEditableMark);
      setPlans(view.plansToReview);
      setShownWeek(weekStart);
      setLoad({ state: 'ready' });
      weeksShown.current += 1;
      if (weeksShown.current > 1) setAnnouncement(`Showing the ${formatWeekCommencingLong(weekStart).toLowerCase()}`);
      const active = document.activeElement;
      if (focusedSection && (active === null || active === document.body)) {
        const editor = editors[focusedSection];
        editor.commands.command(({ tr }) => Boolean(tr.setSelection(Selection.atEnd(tr.doc))));
        editor.view.focus();
      }
    });
    return () => {
      cancelled = true;
    };
  }, [weekStart, attempt, editors, session, renumberIdeas]);

  useEffect(() => {
    const detach = weeklyLogSectionIds.map((sectionId) => {
      const editor = editors[sectionId];
      const onUpdate = () => {
        const week = loadedWeek.current;
        if (week === null) return;
        sections.current = { ...sections.current, [sectionId]: toEditorDoc(editor.getJSON()) };
        renumberIdeas();
        session.writeWeek(week, sections.current);
      };
      editor.on('update', onUpdate);
      return () => editor.off('update', onUpdate);
    });
    const onThisWeekFocus = () => {
      thisWeekFocusedSinceLoad.current = true;
    };
    editors.thisWeek.on('focus', onThisWeekFocus);
    return () => {
      for (const off of detach) off();
      editors.thisWeek.off('focus', onThisWeekFocus);
      void session.saves.flush();
    };
  }, [editors, session, renumberIdeas]);

  const addIdea = useCallback(() => {
    const editor = editors.thisWeek;
    if (loadedWeek.current === null || !editor.isEditable) return;
    // Until the writer has been in "This week", "at the cursor" means at the end of the text.
    if (!thisWeekFocusedSinceLoad.current) editor.commands.command(({ tr }) => Boolean(tr.setSelection(Selection.atEnd(tr.doc))));
    // Focus at once (the focus command waits a frame), so the next keystroke lands in the idea.
    editor.view.focus();
    editor.commands.insertIdea();
  }, [editors]);

  const reviewPlan = useCallback(
    (planId: string, status: PlanReviewStatus) => {
      const week = loadedWeek.current;
      if (week === null) return;
      setPlans((previous) => previous.map((plan) => (plan.planId === planId ? { ...plan, status } : plan)));
      session.writePlanReview(week, planId, status, (updated) => {
        if (loadedWeek.current === week) setPlans(updated);
      });
    },
    [session],
  );

  const goToWeek = useCallback((week: CalendarDate) => navigate({ view: 'week', weekStart: week }), []);

  useWeekShortcuts({
    previousWeek: () => goToWeek(shiftWeeks(weekStart, -1)),
    nextWeek: () => goToWeek(shiftWeeks(weekStart, 1)),
    thisWeek: () => goToWeek(thisWeek),
    addIdea,
  });

  const ready = load.state === 'ready';
  const headingWeek = load.state === 'error' ? weekStart : (shownWeek ?? weekStart);
  return (
    <div className="week-layout">
      <WeekTimeline openWeek={weekStart} thisWeek={thisWeek} />
      <main id="main-content" className="week-page" tabIndex={-1} aria-busy={load.state === 'loading'} data-testid="week-view" data-week={shownWeek ?? undefined} data-state={load.state}>
        <header className="week-header">
          <h1>{formatWeekCommencingLong(headingWeek)}</h1>
          <WeekNavigation
            onPreviousWeek={() => goToWeek(shiftWeeks(weekStart, -1))}
            onThisWeek={() => goToWeek(thisWeek)}
            onNextWeek={() => goToWeek(shiftWeeks(weekStart, 1))}
            isThisWeek={weekStart === thisWeek}
          />
        </header>
        <p className="visually-hidden" aria-live="polite">
          {announcement}
        </p>
        {load.state === 'error' ? <LoadFailure message={load.message} onRetry={() => setAttempt((count) => count + 1)} /> : null}
        {shownWeek !== null && plans.length > 0 ? <PlanReviewList weekStart={shownWeek} plans={plans} onChange={reviewPlan} /> : null}
        {shownWeek === null && load.state === 'loading' ? <p className="muted">Opening the week…</p> : null}
        <div className={`log-sections${ready ? '' : ' log-sections--inactive'}`} hidden={shownWeek === null}>
          {weeklyLogSections.map((section) => (
            <SectionEditor
              key={section.id}
              sectionId={section.id}
              title={section.title}
              editor={editors[section.id]}
              hint={sectionHints[section.id]}
              actions={section.id === 'thisWeek' ? <AddIdeaButton onAddIdea={addIdea} disabled={!ready} /> : undefined}
            />
          ))}
        </div>
      </main>
    </div>
  );
}
