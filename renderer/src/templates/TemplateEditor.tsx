import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { type Template, templateLimits } from '../../../shared/templates/template.js';
import { focusById } from '../frameworks/editorDomIds.js';
import { TextField } from '../frameworks/TextField.js';
import { routeHash } from '../routing/route.js';
import type { EditorWelcome } from './editorWelcome.js';
import { SectionCard, type SectionEditing } from './SectionCard.js';
import { type DeletedSection, addSection, changeSection, deleteSection, fieldKeys, moveSection, newSectionId, sectionName, templateProblems, undoDeleteSection } from './templateDraft.js';
import { templateDomIds } from './templateDomIds.js';
import { type TemplateSaveState, useTemplateAutosave } from './useTemplateAutosave.js';

interface TemplateEditorProps {
  /** The draft to start from: the saved template, or changes left unsaved earlier. */
  initial: Template;
  /** The template as the back end holds it. */
  saved: Template;
  /** How many entries were written with this template. */
  usage: number;
  welcome: EditorWelcome | null;
}

type Focus = { id: string; select?: boolean };

type Announcement = { text: string; undo: { deleted: DeletedSection; name: string } | null } | null;

function saveStatusText(save: TemplateSaveState, hasProblems: boolean): { tone: 'ok' | 'busy' | 'problem'; text: string } {
  if (hasProblems) return { tone: 'problem', text: 'Not saved: fix the fields marked below' };
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
 * One of the user's own templates: its name, summary, notice and sections, saved as the user types.
 * Nothing is sent while a field has a problem; the problem is shown beside the field instead.
 */
export function TemplateEditor({ initial, saved, usage, welcome }: TemplateEditorProps) {
  const [draft, setDraft] = useState(initial);
  const [announcement, setAnnouncement] = useState<Announcement>(null);
  const current = useRef(draft);
  current.current = draft;
  const lastSavedVersion = useRef(saved.version);
  const focusAfterRender = useRef<Focus | null>(null);

  const problems = useMemo(() => templateProblems(draft), [draft]);
  const problemFor = useCallback((key: string) => problems.get(key) ?? null, [problems]);

  const save = useTemplateAutosave({
    draft,
    canSend: problems.size === 0,
    unsavedAtOpen: initial !== saved,
    onSaved: (template) => {
      if (template.version > lastSavedVersion.current) {
        setAnnouncement({
          text: `Saved as version ${template.version}: entries already written keep version ${lastSavedVersion.current} as it was.`,
          undo: null,
        });
      }
      lastSavedVersion.current = template.version;
    },
  });

  useEffect(() => {
    if (welcome?.focusName) focusById(templateDomIds.name, true);
  }, [welcome]);

  useLayoutEffect(() => {
    const focus = focusAfterRender.current;
    focusAfterRender.current = null;
    if (focus) focusById(focus.id, focus.select);
  });

  useEffect(() => {
    document.title = `${draft.name.trim() || 'Untitled template'} — Reflective Portfolio`;
  }, [draft.name]);

  const edit = useCallback((change: (template: Template) => Template, focus?: Focus) => {
    const next = change(current.current);
    if (next === current.current) return;
    current.current = next;
    if (focus) focusAfterRender.current = focus;
    setDraft(next);
  }, []);

  const editing: SectionEditing = {
    problemFor,
    change: (sectionId, change) => edit((template) => changeSection(template, sectionId, change)),
    move: (sectionId, direction) => {
      const template = current.current;
      const index = template.sections.findIndex((section) => section.id === sectionId);
      const section = template.sections[index];
      if (!section) return;
      const moved = moveSection(template, sectionId, direction);
      if (moved === template) return;
      setAnnouncement({ text: `Moved ${sectionName(section, index)} ${direction < 0 ? 'up' : 'down'}: it is now section ${index + direction + 1} of ${template.sections.length}.`, undo: null });
      edit(() => moved, { id: templateDomIds.section(sectionId, direction < 0 ? 'up' : 'down') });
    },
    remove: (sectionId) => {
      const template = current.current;
      const result = deleteSection(template, sectionId);
      if (!result) return;
      const { index, section } = result.deleted;
      const name = sectionName(section, index);
      const neighbour = template.sections[index + 1] ?? template.sections[index - 1];
      setAnnouncement({ text: `Deleted section ${name}.`, undo: { deleted: result.deleted, name } });
      edit(() => result.template, { id: neighbour ? templateDomIds.section(neighbour.id, 'delete') : templateDomIds.addSection });
    },
  };

  const undo = () => {
    if (!announcement?.undo) return;
    const { deleted, name } = announcement.undo;
    setAnnouncement({ text: `Put section ${name} back.`, undo: null });
    edit((template) => undoDeleteSection(template, deleted), { id: templateDomIds.section(deleted.section.id, 'delete') });
  };

  const addNewSection = () => {
    const template = current.current;
    const id = newSectionId(template);
    const position = template.sections.length + 1;
    const next = addSection(template, { id, title: `Section ${position}`, prompt: '', role: 'other' });
    if (next === template) return;
    setAnnouncement({ text: `Added section ${position}. Type its title.`, undo: null });
    edit(() => next, { id: fieldKeys.sectionTitle(id), select: true });
  };

  const status = saveStatusText(save, problems.size > 0);
  const atLimit = draft.sections.length >= templateLimits.maxSections;

  return (
    <main id="main-content" className="page template-editor" tabIndex={-1} data-testid="template-editor">
      <p className="back-link">
        <a href={routeHash({ view: 'templates', templateId: null })}>
          <span aria-hidden="true">← </span>All templates
        </a>
      </p>
      <h1>{draft.name.trim() || 'Untitled template'}</h1>
      <div className="template-editor__bar">
        <p role="status" className={`template-save template-save--${status.tone}`} data-testid="template-save-status">
          <span className="template-save__icon" aria-hidden="true" />
          {status.text}
        </p>
        <div className="template-editor__announcement" aria-live="polite" data-testid="template-announcement">
          {announcement ? (
            <p>
              {announcement.text}
              {announcement.undo ? (
                <>
                  {' '}
                  <button type="button" id={templateDomIds.undoDelete} className="button button--small" onClick={undo}>
                    Undo delete {announcement.undo.name}
                  </button>
                </>
              ) : null}
            </p>
          ) : null}
        </div>
      </div>

      {welcome ? (
        <div className="notice notice--ok" data-testid="template-welcome">
          <p>{welcome.text}</p>
        </div>
      ) : null}
      {usage > 0 ? (
        <p className="lede">
          {usage === 1 ? 'One entry was' : `${usage.toLocaleString('en-GB')} entries were`} written with this template. Changes here shape new entries; entries
          already written keep the sections they were written with.
        </p>
      ) : null}

      <section className="card template-editor__details" aria-labelledby="template-details-heading">
        <h2 id="template-details-heading">About this template</h2>
        <div className="template-editor__detail-fields">
          <TextField id={fieldKeys.name} shape="wrapping" label="Name" value={draft.name} onChange={(name) => edit((template) => ({ ...template, name }))} problem={problemFor(fieldKeys.name)} />
          <TextField
            id={fieldKeys.summary}
            shape="wrapping"
            label="One-line summary"
            hint="Shown when choosing a template for a new reflection."
            value={draft.summary}
            onChange={(summary) => edit((template) => ({ ...template, summary }))}
            problem={problemFor(fieldKeys.summary)}
          />
          <TextField
            id={fieldKeys.notice}
            shape="paragraph"
            label="Notice (optional)"
            hint="Shown at the top of the form, such as a reminder to leave out anything that could identify a person."
            value={draft.notice ?? ''}
            onChange={(notice) => edit((template) => ({ ...template, notice }))}
            problem={problemFor(fieldKeys.notice)}
          />
          <div className="field template-editor__checkbox">
            <input
              id={templateDomIds.asksForCpd}
              type="checkbox"
              checked={draft.asksForCpd}
              aria-describedby={`${templateDomIds.asksForCpd}-hint`}
              onChange={(event) => {
                const asksForCpd = event.target.checked;
                edit((template) => ({ ...template, asksForCpd }));
              }}
            />
            <div>
              <label htmlFor={templateDomIds.asksForCpd}>Asks for CPD hours</label>
              <p id={`${templateDomIds.asksForCpd}-hint`} className="hint">
                The form asks for the hours and the kind of CPD activity before the sections.
              </p>
            </div>
          </div>
        </div>
      </section>

      <section className="template-editor__sections" aria-labelledby="template-sections-heading">
        <h2 id="template-sections-heading">Sections</h2>
        <p className="hint">
          Each section has a title and a prompt, shown as a hint while the section is empty. <span id="template-role-hint">What a section is for decides where its
          text goes when an entry switches to another template: to the section there with the same purpose.</span>
        </p>
        <p id="template-one-section-hint" className="visually-hidden">
          A template needs at least one section.
        </p>
        <ol className="template-section-list">
          {draft.sections.map((section, index) => (
            <SectionCard key={section.id} section={section} index={index} count={draft.sections.length} editing={editing} />
          ))}
        </ol>
        <button type="button" id={templateDomIds.addSection} className="button" onClick={addNewSection} aria-disabled={atLimit ? true : undefined} aria-describedby={atLimit ? 'template-section-limit' : undefined}>
          Add section
        </button>
        {atLimit ? (
          <p id="template-section-limit" className="hint">
            A template has at most {templateLimits.maxSections} sections.
          </p>
        ) : null}
      </section>
    </main>
  );
}
