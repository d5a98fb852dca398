import { Selection } from '@tiptap/pm/state';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type CalendarDate, formatWeekCommencingInSentence, formatWeekCommencingLong, formatWeekCommencingShort, shiftWeeks } from '../../../shared/dates/weeks.js';
import type { EditorDoc } from '../../../shared/document/editorJson.js';
import type { PlanToReview } from '../../../shared/plans/planReview.js';
import { type CpdRecord, type PlanReviewStatus, type WeeklyLogSectionId, type WeeklyLogSections, emptySections, weeklyLogSectionIds, weeklyLogSections } from '../../../shared/portfolio/weeklyLog.js';
import type { EvidenceTag } from '../../../shared/frameworks/framework.js';
import { tagKey } from '../../../shared/frameworks/framework.js';
import { showPassage } from '../editor/showPassage.js';
import { readSelectionNow } from '../editor/readSelectionNow.js';
import { ideaNumberingOf } from '../editor/ideaNumberingPlugin.js';
import { EvidenceAtCaret } from '../evidence/EvidenceAtCaret.js';
import { TagPicker } from '../evidence/TagPicker.js';
import { WeekEvidenceBar } from '../evidence/WeekEvidenceBar.js';
import { tagLabel } from '../evidence/tagLabels.js';
import { type PassageTarget, routeHash } from '../routing/route.js';
import { useFrameworksSnapshot } from '../session/FrameworksStore.js';
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
import { CpdFields } from '../cpd/CpdFields.js';
import { worthRetrying } from '../frameworks/useFrameworkAutosave.js';
import { type EntryEditors, EntryWithComments } from '../sharing/EntryWithComments.js';
import { PrivacyAtCaret } from '../privacy/PrivacyAtCaret.js';
import { PrivacySummary } from '../privacy/PrivacySummary.js';
import { useEntryPrivacy } from '../privacy/useEntryPrivacy.js';

interface WeekViewProps {
  weekStart: CalendarDate;
  thisWeek: CalendarDate;
  /** A tagged passage to bring into view and highlight once the week is open. */
  passage?: PassageTarget | null;
}

/** The open tag picker, and the week it was opened for (applying it to another week is refused). */
type Picker = { kind: 'passage'; section: WeeklyLogSectionId; week: CalendarDate } | { kind: 'week'; week: CalendarDate } | null;

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


export function WeekView({ weekStart, thisWeek, passage = null }: WeekViewProps) {
  const session = useSession();
  const frameworksSnapshot = useFrameworksSnapshot(session.frameworks);
  const { frameworks } = frameworksSnapshot;
  const editors = useWeekEditors(useCallback((tag: EvidenceTag) => tagLabel(session.frameworks.snapshot().frameworks, tag).code, [session]));
  const [weekTags, setWeekTags] = useState<EvidenceTag[]>([]);
  const [picker, setPicker] = useState<Picker>(null);
  const [evidenceNotice, setEvidenceNotice] = useState<string | null>(null);
  const [cpd, setCpd] = useState<CpdRecord | null>(null);
  const [cpdProblem, setCpdProblem] = useState<string | null>(null);
  /** The section the writer was last in: where "Tag evidence" looks for selected words. */
  const lastSection = useRef<WeeklyLogSectionId>('thisWeek');
  const [load, setLoad] = useState<LoadState>({ state: 'loading' });
  const [plans, setPlans] = useState<PlanToReview[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  /** The week whose log is on screen: it changes only once the next week has loaded, with the heading. */
  const [shownWeek, setShownWeek] = useState<CalendarDate | null>(null);
  /** The shown week's log, for the comments mentors sent on it; null while loading or before it is written. */
  const [entryId, setEntryId] = useState<string | null>(null);
  /** The week whose text the editors hold; null while a week is loading. */
  const loadedWeek = useRef<CalendarDate | null>(null);
  const sections = useRef<WeeklyLogSections>(emptySections());
  const firstIdeaNumber = useRef(1);
  const thisWeekFocusedSinceLoad = useRef(false);
  const weeksShown = useRef(0);

  useEffect(() => {
    void session.timeline.load();
    void session.frameworks.load();
  }, [session]);

  // A dismissal names the week's log, so a week typed into for the first time is saved first.
  const privacy = useEntryPrivacy(
    useCallback(async () => {
      const week = loadedWeek.current;
      if (week === null) return null;
      await session.saves.flush();
      const result = await session.client.call('week.get', { weekStart: week });
      return result.ok ? (result.value.entry?.id ?? null) : null;
    }, [session]),
    useCallback(() => (loadedWeek.current === null ? null : `week:${loadedWeek.current}`), []),
  );

  // A renamed outcome shows its new code on hover at once.
  useEffect(() => {
    for (const sectionId of weeklyLogSectionIds) editors[sectionId].commands.refreshEvidenceLabels();
  }, [frameworks, editors]);

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
    setEntryId(null);

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
      setWeekTags(view.entry?.tags ?? []);
      setCpd(view.entry?.cpd ?? null);
      setCpdProblem(null);
      setEvidenceNotice(null);
      setShownWeek(weekStart);
      setEntryId(view.entry?.id ?? null);
      setLoad({ state: 'ready' });
      weeksShown.current += 1;
      if (weeksShown.current > 1) setAnnouncement(`Showing the ${formatWeekCommencingInSentence(weekStart)}`);
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
    const detachFocus = weeklyLogSectionIds.map((sectionId) => {
      const onFocus = () => {
        lastSection.current = sectionId;
      };
      editors[sectionId].on('focus', onFocus);
      return () => editors[sectionId].off('focus', onFocus);
    });
    return () => {
      for (const off of detach) off();
      for (const off of detachFocus) off();
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

  const openPassagePicker = useCallback(() => {
    if (loadedWeek.current === null) return;
    const section = weeklyLogSectionIds.find((sectionId) => editors[sectionId].isFocused) ?? lastSection.current;
    readSelectionNow(editors[section]);
    if (editors[section].state.selection.empty) {
      setEvidenceNotice('Select the words you want to tag first (hold Shift and use the arrow keys), then choose Tag evidence.');
      return;
    }
    setEvidenceNotice(null);
    setPicker({ kind: 'passage', section, week: loadedWeek.current });
  }, [editors]);

  // A picker belongs to the week it was opened on: moving to another week (Back, a link) closes it.
  useEffect(() => {
    setPicker((open) => (open && open.week !== weekStart ? null : open));
  }, [weekStart]);

  const saveWeekTags = useCallback(
    (tags: EvidenceTag[]) => {
      const week = loadedWeek.current;
      if (week === null) return;
      setWeekTags(tags);
      session.writeWeekTags(week, tags, (kept) => {
        if (loadedWeek.current === week) setWeekTags(kept);
      });
    },
    [session],
  );

  /** CPD time belongs to the week its fields were shown for, even if they are left as another week opens. */
  const saveCpd = useCallback(
    (week: CalendarDate, next: CpdRecord | null) => {
      const argument = { weekStart: week, cpd: next };
      const key = `week-cpd:${week}`;
      setCpdProblem(null);
      session.saves.put(
        key,
        {
          kind: 'choice',
          run: async () => {
            const result = await session.client.call('week.setCpd', argument);
            if (result.ok) {
              session.timeline.recordReviewed(week);
              if (loadedWeek.current === week) {
                setCpd(result.value);
                setCpdProblem(null);
              }
              return { ok: true };
            }
            const retry = worthRetrying(result.error.code);
            if (loadedWeek.current === week) setCpdProblem(`CPD time ${retry ? 'not saved yet' : 'not saved'}: ${result.error.message}${retry ? ' Trying again…' : ''}`);
            return { ok: false, message: result.error.message, retry };
          },
          sendWhileClosing: session.closingSender('week.setCpd', argument),
        },
        'now',
      );
    },
    [session],
  );

  /** Focus goes back where the picker was opened from: the text, or the whole-week button. */
  const closePicker = useCallback(() => {
    const closing = picker;
    setPicker(null);
    if (closing?.kind === 'passage') editors[closing.section].view.focus();
    else document.querySelector<HTMLElement>('[data-testid="tag-week"]')?.focus();
  }, [picker, editors]);

  const applyPicker = useCallback(
    (tags: EvidenceTag[]) => {
      if (picker && picker.week !== loadedWeek.current) {
        setEvidenceNotice('Nothing was tagged: another week was opened while choosing.');
      } else if (picker?.kind === 'passage') {
        const editor = editors[picker.section];
        const tagged = editor.chain().focus().addEvidenceTags(tags).run();
        setEvidenceNotice(
          tagged ? `Tagged as evidence: ${tags.map((tag) => tagLabel(frameworks, tag).code).join(', ')}.` : 'Nothing was tagged: the selected words are no longer selected.',
        );
      } else if (picker?.kind === 'week') {
        saveWeekTags(tags);
        setEvidenceNotice(tags.length === 0 ? 'The whole week is no longer tagged.' : `The whole week is tagged: ${tags.map((tag) => tagLabel(frameworks, tag).code).join(', ')}.`);
      }
      closePicker();
    },
    [picker, editors, frameworks, saveWeekTags, closePicker],
  );

  // A jump from the coverage or evidence view: select the passage, scroll to it and highlight it —
  // once for each time it is asked for, not again when other things (the frameworks) load later.
  const passageShown = useRef<PassageTarget | null>(null);
  useEffect(() => {
    if (!passage || shownWeek !== weekStart || load.state !== 'ready' || passageShown.current === passage) return;
    passageShown.current = passage;
    // The route only names weekly-log sections for a week.
    const editor = editors[passage.section as WeeklyLogSectionId];
    const run = showPassage(editor, passage.tag, passage.occurrence);
    if (!run) {
      setEvidenceNotice('That passage is no longer tagged in this week: it may have been edited or its tag removed.');
      return;
    }
    const code = tagLabel(session.frameworks.snapshot().frameworks, run.tag).code;
    setEvidenceNotice(`Showing the passage tagged ${code} in “${weeklyLogSections.find((section) => section.id === passage.section)?.title ?? ''}”.`);
  }, [passage, shownWeek, weekStart, load.state, editors, session]);

  const entryEditors = useMemo<EntryEditors>(
    () => ({
      current: () => new Map(weeklyLogSectionIds.map((sectionId) => [sectionId, editors[sectionId]] as const)),
      key: 'week',
      sectionTitle: (sectionId) => weeklyLogSections.find((section) => section.id === sectionId)?.title ?? '',
    }),
    [editors],
  );

  const goToWeek = useCallback((week: CalendarDate) => navigate({ view: 'week', weekStart: week }), []);

  useWeekShortcuts({
    previousWeek: () => goToWeek(shiftWeeks(weekStart, -1)),
    nextWeek: () => goToWeek(shiftWeeks(weekStart, 1)),
    thisWeek: () => goToWeek(thisWeek),
    addIdea,
    tagEvidence: openPassagePicker,
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
          <a href={routeHash({ view: 'export', pack: 'weeks', subject: headingWeek })}>Export this week to Word</a>
        </header>
        <p className="visually-hidden" aria-live="polite">
          {announcement}
        </p>
        {load.state === 'error' ? <LoadFailure message={load.message} onRetry={() => setAttempt((count) => count + 1)} /> : null}
        {shownWeek !== null && plans.length > 0 ? <PlanReviewList weekStart={shownWeek} plans={plans} onChange={reviewPlan} /> : null}
        {shownWeek === null && load.state === 'loading' ? <p className="muted">Opening the week…</p> : null}
        {shownWeek !== null ? (
          <WeekEvidenceBar
            frameworks={frameworks}
            weekTags={weekTags}
            disabled={!ready}
            notice={evidenceNotice}
            onTagSelection={openPassagePicker}
            onTagWeek={() => {
              if (loadedWeek.current !== null) setPicker({ kind: 'week', week: loadedWeek.current });
            }}
            onRemoveWeekTag={(tag) => {
              saveWeekTags(weekTags.filter((candidate) => tagKey(candidate) !== tagKey(tag)));
              setEvidenceNotice(`Removed ${tagLabel(frameworks, tag).code} from the whole week.`);
            }}
          />
        ) : null}
        {shownWeek !== null ? (
          <>
            <CpdFields key={shownWeek} value={cpd} onSave={(next) => saveCpd(shownWeek, next)} disabled={!ready} idPrefix="week-cpd" entryLabel="this week" />
            {cpdProblem ? (
              <p className="notice notice--error cpd-save-problem" role="alert">
                {cpdProblem}
              </p>
            ) : null}
          </>
        ) : null}
        <EntryWithComments entryId={entryId} ready={ready} editors={entryEditors} entryKind="week">
          <PrivacySummary privacy={privacy} entryLabel="this week" ready={ready} />
          <div className={`log-sections${ready ? '' : ' log-sections--inactive'}`} hidden={shownWeek === null}>
            {weeklyLogSections.map((section) => (
              <SectionEditor
                key={section.id}
                sectionId={section.id}
                title={section.title}
                editor={editors[section.id]}
                hint={sectionHints[section.id]}
                actions={section.id === 'thisWeek' ? <AddIdeaButton onAddIdea={addIdea} disabled={!ready} /> : undefined}
                footer={
                  <>
                    <EvidenceAtCaret editor={editors[section.id]} frameworks={frameworks} sectionTitle={section.title} />
                    <PrivacyAtCaret editor={editors[section.id]} privacy={privacy} sectionTitle={section.title} />
                  </>
                }
              />
            ))}
          </div>
        </EntryWithComments>
        {picker ? (
          <TagPicker
            title={picker.kind === 'passage' ? 'Tag the selected words' : 'Tag the whole week'}
            description={
              picker.kind === 'passage'
                ? `Tick the outcomes or criteria the words you selected in “${weeklyLogSections.find((section) => section.id === picker.section)?.title ?? ''}” are evidence for.`
                : `Tick the outcomes or criteria the whole of the ${formatWeekCommencingInSentence(weekStart)} is evidence for.`
            }
            frameworks={frameworks}
            initial={picker.kind === 'week' ? weekTags : []}
            applyLabel={picker.kind === 'passage' ? 'Tag the words' : 'Save whole-week tags'}
            allowNone={picker.kind === 'week'}
            onApply={applyPicker}
            onClose={() => closePicker()}
          />
        ) : null}
      </main>
    </div>
  );
}
