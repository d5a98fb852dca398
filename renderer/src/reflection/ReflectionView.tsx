import type { Editor } from '@tiptap/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { EntryView } from '../../../shared/api/contract.js';
import { type CalendarDate, formatUkDate, isCalendarDate, thisWeek, weekCommencing } from '../../../shared/dates/weeks.js';
import type { EditorDoc } from '../../../shared/document/editorJson.js';
import { type EvidenceTag, tagKey } from '../../../shared/frameworks/framework.js';
import type { CpdRecord, Entry } from '../../../shared/portfolio/weeklyLog.js';
import { type Template, type TemplateSection, otherNotesSection } from '../../../shared/templates/template.js';
import { CpdFields } from '../cpd/CpdFields.js';
import { showPassage } from '../editor/showPassage.js';
import { readSelectionNow } from '../editor/readSelectionNow.js';
import { TagPicker } from '../evidence/TagPicker.js';
import { WeekEvidenceBar } from '../evidence/WeekEvidenceBar.js';
import { tagLabel } from '../evidence/tagLabels.js';
import { type PassageTarget, routeHash } from '../routing/route.js';
import { entryWriteKey } from '../saving/WriteJob.js';
import { useFrameworksSnapshot } from '../session/FrameworksStore.js';
import { useSession } from '../session/SessionContext.js';
import { LoadFailure } from '../shell/LoadFailure.js';
import { type EntryEditors, EntryWithComments } from '../sharing/EntryWithComments.js';
import { WeekTimeline } from '../week/WeekTimeline.js';
import { PrivacySummary } from '../privacy/PrivacySummary.js';
import { useEntryPrivacy } from '../privacy/useEntryPrivacy.js';
import { DeleteReflection } from './DeleteReflection.js';
import { ReflectionDeleted } from './ReflectionDeleted.js';
import { LinkedOutcomes } from './LinkedOutcomes.js';
import { ReflectionDetails } from './ReflectionDetails.js';
import { ReflectionSection } from './ReflectionSection.js';
import { SwitchTemplate } from './SwitchTemplate.js';
import '../styles/reflection.css';

interface ReflectionViewProps {
  entryId: string;
  /** A tagged passage to bring into view and highlight once the reflection is open. */
  passage?: PassageTarget | null;
}

type LoadState =
  | { state: 'loading' }
  | { state: 'ready'; view: EntryView }
  | { state: 'error'; message: string }
  | { state: 'unreadable' }
  | { state: 'deleted'; title: string; weekStart: CalendarDate; templateName: string };

const unreadable = 'This reflection holds something the editor cannot show, so it has been left exactly as it is. Nothing in it will be changed from this screen.';

/** The template's sections, then Other notes when the entry holds text there. */
function sectionsShown(template: Template, entry: Entry): TemplateSection[] {
  return Object.hasOwn(entry.sections, otherNotesSection.id) ? [...template.sections, otherNotesSection] : template.sections;
}

/** `#/reflection/<id>`: one reflection written with a template, with its details, evidence and CPD time. */
export function ReflectionView({ entryId, passage = null }: ReflectionViewProps) {
  const session = useSession();
  const { frameworks } = useFrameworksSnapshot(session.frameworks);
  const [load, setLoad] = useState<LoadState>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  /** Bumped when the sections are replaced (a template switch), so every section editor starts afresh. */
  const [generation, setGeneration] = useState(0);
  const [tags, setTags] = useState<EvidenceTag[]>([]);
  const [cpd, setCpd] = useState<CpdRecord | null>(null);
  const [picker, setPicker] = useState<{ kind: 'passage'; section: string } | { kind: 'whole' } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const editors = useRef(new Map<string, Editor>());
  const sections = useRef<Record<string, EditorDoc>>({});
  const order = useRef<string[]>([]);
  const lastSection = useRef<string | null>(null);
  const readOnly = useRef(false);

  useEffect(() => {
    void session.frameworks.load();
    void session.timeline.load();
  }, [session]);

  const privacy = useEntryPrivacy(
    useCallback(async () => entryId, [entryId]),
    useCallback(() => entryId, [entryId]),
  );

  useEffect(() => {
    let cancelled = false;
    setLoad({ state: 'loading' });
    void session.saves.flush().then(() =>
      session.client.call('entry.get', { entryId }).then((result) => {
        if (cancelled) return;
        if (!result.ok) {
          setLoad({ state: 'error', message: result.error.message });
          return;
        }
        const { entry, template } = result.value;
        // Text typed here that is still on its way to the back end is newer than the answer.
        const unsaved = session.saves.unsaved(entryWriteKey(entryId));
        const text = unsaved?.kind === 'entry' ? unsaved.sections : entry.sections;
        sections.current = { ...text };
        order.current = sectionsShown(template, entry).map((section) => section.id);
        readOnly.current = false;
        setTags(entry.tags);
        setCpd(entry.cpd);
        setLoad({ state: 'ready', view: { entry: { ...entry, sections: text }, template } });
        setGeneration((count) => count + 1);
      }),
    );
    return () => {
      cancelled = true;
    };
  }, [entryId, attempt, session]);

  const view = load.state === 'ready' ? load.view : null;
  const entry = view?.entry ?? null;
  const template = view?.template ?? null;

  useEffect(() => {
    if (!entry) return;
    document.title = `${entry.title || 'Untitled reflection'} — Reflective Portfolio`;
  }, [entry]);

  const codeOf = useCallback((tag: EvidenceTag) => tagLabel(session.frameworks.snapshot().frameworks, tag).code, [session]);

  // A renamed outcome shows its new code on hover at once.
  useEffect(() => {
    for (const editor of editors.current.values()) editor.commands.refreshEvidenceLabels();
  }, [frameworks]);

  const onReady = useCallback((sectionId: string, editor: Editor | null) => {
    if (editor) editors.current.set(sectionId, editor);
    else editors.current.delete(sectionId);
  }, []);

  const onUnreadable = useCallback(() => {
    readOnly.current = true;
    setLoad({ state: 'unreadable' });
  }, []);

  const onChange = useCallback(
    (sectionId: string, doc: EditorDoc) => {
      if (readOnly.current) return;
      sections.current = { ...sections.current, [sectionId]: doc };
      // Sections go in the template's order, so passages and exports read top to bottom.
      const ordered = Object.fromEntries(order.current.filter((id) => Object.hasOwn(sections.current, id)).map((id) => [id, sections.current[id] as EditorDoc]));
      session.writeEntry(entryId, ordered);
    },
    [entryId, session],
  );

  const onFocus = useCallback((sectionId: string) => {
    lastSection.current = sectionId;
  }, []);

  const replaceView = useCallback((next: EntryView) => {
    sections.current = { ...next.entry.sections };
    order.current = sectionsShown(next.template, next.entry).map((section) => section.id);
    setTags(next.entry.tags);
    setCpd(next.entry.cpd);
    setLoad({ state: 'ready', view: next });
  }, []);

  const saveDetails = useCallback(
    (title: string, date: CalendarDate) => {
      if (!view) return;
      setLoad({ state: 'ready', view: { ...view, entry: { ...view.entry, title, date, weekStart: weekCommencing(date) } } });
      session.timeline.updateReflection(entryId, { title, date, weekStart: weekCommencing(date) });
      session.writeEntryChoice(`entry-details:${entryId}`, 'entry.setDetails', { entryId, title, date }, (saved) => {
        session.timeline.updateReflection(entryId, { title: saved.entry.title, date: saved.entry.date, weekStart: saved.entry.weekStart });
      });
    },
    [entryId, session, view],
  );

  const saveTags = useCallback(
    (next: EvidenceTag[]) => {
      setTags(next);
      session.writeEntryChoice(`entry-tags:${entryId}`, 'entry.setTags', { entryId, tags: next }, setTags);
    },
    [entryId, session],
  );

  const saveCpd = useCallback(
    (next: CpdRecord | null) => {
      setCpd(next);
      session.writeEntryChoice(`entry-cpd:${entryId}`, 'entry.setCpd', { entryId, cpd: next }, setCpd);
    },
    [entryId, session],
  );

  const openPassagePicker = useCallback(() => {
    const focused = [...editors.current.entries()].find(([, editor]) => editor.isFocused)?.[0];
    const sectionId = focused ?? lastSection.current;
    const editor = sectionId ? editors.current.get(sectionId) : undefined;
    if (editor) readSelectionNow(editor);
    if (!sectionId || !editor || editor.state.selection.empty) {
      setNotice('Select the words you want to tag first (hold Shift and use the arrow keys), then choose Tag evidence.');
      return;
    }
    setNotice(null);
    setPicker({ kind: 'passage', section: sectionId });
  }, []);

  // Ctrl+Shift+E tags the selected words, as on the week page.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (document.querySelector('dialog[open]')) return;
      if ((event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey && event.code === 'KeyE' && !event.repeat) {
        event.preventDefault();
        event.stopPropagation();
        openPassagePicker();
      }
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [openPassagePicker]);

  const entryEditors = useMemo<EntryEditors>(
    () => ({
      current: () => editors.current,
      key: String(generation),
      sectionTitle: (sectionId) => (template ? [...template.sections, otherNotesSection].find((section) => section.id === sectionId)?.title : undefined) ?? '',
    }),
    [generation, template],
  );

  const sectionTitle = (sectionId: string) => (template ? sectionsShown(template, entry as Entry).find((section) => section.id === sectionId)?.title : undefined) ?? '';

  const closePicker = useCallback(() => {
    const closing = picker;
    setPicker(null);
    if (closing?.kind === 'passage') editors.current.get(closing.section)?.view.focus();
    else document.querySelector<HTMLElement>('[data-testid="tag-week"]')?.focus();
  }, [picker]);

  const applyPicker = useCallback(
    (chosen: EvidenceTag[]) => {
      if (picker?.kind === 'passage') {
        const editor = editors.current.get(picker.section);
        const tagged = editor?.chain().focus().addEvidenceTags(chosen).run() ?? false;
        setNotice(tagged ? `Tagged as evidence: ${chosen.map((tag) => tagLabel(frameworks, tag).code).join(', ')}.` : 'Nothing was tagged: the selected words are no longer selected.');
      } else if (picker?.kind === 'whole') {
        saveTags(chosen);
        setNotice(chosen.length === 0 ? 'The whole reflection is no longer tagged.' : `The whole reflection is tagged: ${chosen.map((tag) => tagLabel(frameworks, tag).code).join(', ')}.`);
      }
      closePicker();
    },
    [picker, frameworks, saveTags, closePicker],
  );

  // A jump from the coverage or evidence view: select the passage, scroll to it and highlight it, once.
  const passageShown = useRef<PassageTarget | null>(null);
  useEffect(() => {
    if (!passage || load.state !== 'ready' || passageShown.current === passage) return;
    passageShown.current = passage;
    const editor = editors.current.get(passage.section);
    if (!editor) {
      setNotice('That passage is no longer in this reflection: its section may have moved when the template changed. Look for it in the sections below.');
      return;
    }
    const run = showPassage(editor, passage.tag, passage.occurrence);
    if (!run) {
      setNotice('That passage is no longer tagged in this reflection: it may have been edited or its tag removed.');
      return;
    }
    setNotice(`Showing the passage tagged ${tagLabel(session.frameworks.snapshot().frameworks, run.tag).code} in “${sectionTitle(passage.section)}”.`);
  });

  const switched = useCallback(
    (next: EntryView, message: string) => {
      replaceView(next);
      setGeneration((count) => count + 1);
      session.timeline.updateReflection(entryId, { templateName: next.template.name });
      void session.frameworks.load(true);
      setAnnouncement(message);
      setNotice(message);
    },
    [entryId, replaceView, session],
  );

  const today = thisWeek(new Date());
  return (
    <div className="week-layout">
      <WeekTimeline openWeek={entry?.weekStart ?? today} thisWeek={today} openEntry={entryId} />
      <main id="main-content" className="week-page reflection-page" tabIndex={-1} aria-busy={load.state === 'loading'} data-testid="reflection-view" data-state={load.state}>
        <p className="visually-hidden" aria-live="polite">
          {announcement}
        </p>
        {load.state === 'loading' ? <p className="muted">Opening the reflection…</p> : null}
        {load.state === 'error' ? (
          <>
            <h1>Reflection</h1>
            <LoadFailure message={load.message} onRetry={() => setAttempt((count) => count + 1)} />
            <p>
              <a href={routeHash({ view: 'week', weekStart: today })}>Go to this week’s log</a>
            </p>
          </>
        ) : null}
        {load.state === 'deleted' ? (
          <ReflectionDeleted
            title={load.title}
            weekStart={load.weekStart}
            onUndo={async () => {
              const result = await session.client.call('entry.restore', { entryId });
              if (!result.ok) return result.error.message;
              const { entry: restored, template: restoredWith } = result.value;
              session.timeline.recordReflection({
                entryId,
                date: restored.date,
                weekStart: restored.weekStart,
                title: restored.title,
                templateName: restoredWith.name,
                words: restored.words,
              });
              setAnnouncement('The reflection is back.');
              setAttempt((count) => count + 1);
              return null;
            }}
          />
        ) : null}
        {load.state === 'unreadable' ? (
          <>
            <h1>Reflection</h1>
            <div className="notice notice--error" role="alert">
              <p>{unreadable}</p>
            </div>
          </>
        ) : null}
        {entry && template ? (
          <>
            <header className="week-header reflection-header">
              <div>
                <h1>{entry.title || 'Untitled reflection'}</h1>
                <p className="reflection-header__meta">
                  {template.name} · {isCalendarDate(entry.date) ? formatUkDate(entry.date) : entry.date} ·{' '}
                  <a href={routeHash({ view: 'export', pack: 'reflection', subject: entryId })}>Export to Word</a>
                </p>
              </div>
              <SwitchTemplate entryId={entryId} current={template} onSwitched={switched} beforeSwitch={() => session.flushWithin(15_000)} />
            </header>
            {template.notice ? (
              <div className="reflection-notice" role="note" data-testid="template-notice">
                <p>
                  <strong>Before you write:</strong> {template.notice}
                </p>
              </div>
            ) : null}
            <ReflectionDetails key={`details-${entryId}`} title={entry.title} date={entry.date} onSave={saveDetails} />
            {template.linkedFramework ? (
              <LinkedOutcomes frameworkId={template.linkedFramework} frameworks={frameworks} tags={tags} onChange={saveTags} />
            ) : null}
            <CpdFields key={template.id} value={cpd} onSave={saveCpd} idPrefix={`reflection-${entryId}`} askFirst={template.asksForCpd} entryLabel="this reflection" />
            <WeekEvidenceBar
              frameworks={frameworks}
              weekTags={tags}
              disabled={false}
              notice={notice}
              wholeName="reflection"
              onTagSelection={openPassagePicker}
              onTagWeek={() => setPicker({ kind: 'whole' })}
              onRemoveWeekTag={(tag) => {
                saveTags(tags.filter((candidate) => tagKey(candidate) !== tagKey(tag)));
                setNotice(`Removed ${tagLabel(frameworks, tag).code} from the whole reflection.`);
              }}
            />
            <EntryWithComments entryId={entryId} ready={load.state === 'ready'} editors={entryEditors} entryKind="reflection">
              <PrivacySummary privacy={privacy} entryLabel="this reflection" ready={load.state === 'ready'} />
              <div className="log-sections" key={`sections-${generation}`}>
                {sectionsShown(template, entry).map((section) => (
                  <ReflectionSection
                    key={section.id}
                    section={section}
                    initial={entry.sections[section.id]}
                    frameworks={frameworks}
                    codeOf={codeOf}
                    onReady={onReady}
                    onUnreadable={onUnreadable}
                    onChange={onChange}
                    onFocus={onFocus}
                    privacy={privacy}
                  />
                ))}
              </div>
            </EntryWithComments>
            <DeleteReflection
              entryId={entryId}
              title={entry.title}
              onDeleted={() => {
                session.timeline.forgetReflection(entryId);
                setLoad({ state: 'deleted', title: entry.title, weekStart: entry.weekStart, templateName: template.name });
                setAnnouncement('The reflection was deleted. Undo delete brings it back.');
              }}
              beforeDelete={() => session.saves.flush()}
            />
            {picker ? (
              <TagPicker
                title={picker.kind === 'passage' ? 'Tag the selected words' : 'Tag the whole reflection'}
                description={
                  picker.kind === 'passage'
                    ? `Tick the outcomes or criteria the words you selected in “${sectionTitle(picker.section)}” are evidence for.`
                    : 'Tick the outcomes or criteria the whole of this reflection is evidence for.'
                }
                frameworks={frameworks}
                initial={picker.kind === 'whole' ? tags : []}
                applyLabel={picker.kind === 'passage' ? 'Tag the words' : 'Save whole-reflection tags'}
                allowNone={picker.kind === 'whole'}
                onApply={applyPicker}
                onClose={closePicker}
              />
            ) : null}
          </>
        ) : null}
      </main>
    </div>
  );
}
