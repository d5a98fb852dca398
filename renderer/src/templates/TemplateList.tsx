import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Template } from '../../../shared/templates/template.js';
import { focusById } from '../frameworks/editorDomIds.js';
import { navigate } from '../routing/useRoute.js';
import { useSession } from '../session/SessionContext.js';
import { LoadFailure } from '../shell/LoadFailure.js';
import { editorWelcome } from './editorWelcome.js';
import { createTemplate, exportTemplate } from './templateActions.js';
import { templateDomIds } from './templateDomIds.js';
import { TemplateImport } from './TemplateImport.js';
import { BuiltInTemplateItem, CustomTemplateItem } from './TemplateListItems.js';
import { unsavedTemplates } from './unsavedTemplates.js';
import { useTemplatesOverview } from './useTemplatesOverview.js';

type Feedback = { tone: 'ok' | 'error'; text: string } | null;

/** The templates that come with the app and the user's own: make, duplicate, import, export and delete them. */
export function TemplateList() {
  const session = useSession();
  const { state, reload, replace } = useTemplatesOverview();
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const focusAfterRender = useRef<string | null>(null);

  useEffect(() => {
    document.title = 'Templates — Reflective Portfolio';
  }, []);

  useLayoutEffect(() => {
    const id = focusAfterRender.current;
    focusAfterRender.current = null;
    if (id) focusById(id);
  });

  const report = (outcome: { ok: boolean; text: string }) => setFeedback({ tone: outcome.ok ? 'ok' : 'error', text: outcome.text });

  const startNew = async () => {
    if (creating) return;
    setCreating(true);
    const outcome = await createTemplate(session, null);
    setCreating(false);
    if (!outcome.ok) report(outcome);
  };

  const duplicate = async (template: Template) => {
    setBusy(template.id);
    const outcome = await createTemplate(session, template);
    setBusy(null);
    if (!outcome.ok) report(outcome);
  };

  const exportOne = async (template: Template) => {
    setBusy(template.id);
    const outcome = await exportTemplate(session, template);
    setBusy(null);
    report(outcome);
  };

  const askToDelete = (template: Template) => {
    setConfirming(template.id);
    focusAfterRender.current = templateDomIds.listItem(template.id, 'confirm-delete');
  };

  const cancelDelete = (template: Template) => {
    setConfirming(null);
    focusAfterRender.current = templateDomIds.listItem(template.id, 'delete');
  };

  const deleteOne = async (template: Template) => {
    if (state.kind !== 'loaded') return;
    setDeleting(template.id);
    const result = await session.client.call('templates.delete', { templateId: template.id });
    setDeleting(null);
    setConfirming(null);
    if (!result.ok) {
      setFeedback({ tone: 'error', text: `${template.name} was not deleted. ${result.error.message}` });
      focusAfterRender.current = templateDomIds.listItem(template.id, 'delete');
      return;
    }
    const { custom } = state.overview;
    const index = custom.findIndex((candidate) => candidate.id === template.id);
    const neighbour = custom[index + 1] ?? custom[index - 1];
    unsavedTemplates.forget(template.id);
    replace({ ...state.overview, custom: custom.filter((candidate) => candidate.id !== template.id) });
    setFeedback({ tone: 'ok', text: `Deleted ${template.name}.` });
    focusAfterRender.current = neighbour ? templateDomIds.listItem(neighbour.id, 'link') : templateDomIds.newTemplate;
  };

  const imported = (template: Template, fileName: string) => {
    editorWelcome.leave(template.id, { text: `Imported ${template.name} from ${fileName}. Check it below; changes you make are saved as you type.`, focusName: false });
    navigate({ view: 'templates', templateId: template.id });
  };

  return (
    <main id="main-content" className="page templates-page" tabIndex={-1} data-testid="templates-view" aria-busy={state.kind === 'loading'}>
      <h1>Templates</h1>
      <p className="lede">
        The shape of a reflection: a model such as Gibbs or Borton, or a form such as the NMC reflective account, as a list of sections with a prompt in each.
        Duplicate one to make it your own, or start from a blank template.
      </p>

      {state.kind === 'failed' ? <LoadFailure message={state.message} onRetry={reload} /> : null}
      {state.kind === 'loading' ? <p className="muted">Loading your templates…</p> : null}

      <div className="templates-feedback" aria-live="polite" data-testid="templates-feedback">
        {feedback ? <p className={`notice ${feedback.tone === 'error' ? 'notice--error' : 'notice--ok'}`}>{feedback.text}</p> : null}
      </div>

      {state.kind === 'loaded' ? (
        <>
          <section className="templates-section" aria-labelledby={templateDomIds.yourTemplatesHeading}>
            <div className="templates-section__head">
              <h2 id={templateDomIds.yourTemplatesHeading}>Your templates</h2>
              <button
                type="button"
                id={templateDomIds.newTemplate}
                className="button button--primary"
                aria-disabled={creating ? true : undefined}
                onClick={() => void startNew()}
              >
                {creating ? 'Making a template…' : 'New template'}
              </button>
            </div>
            {state.overview.custom.length === 0 ? (
              <div className="empty-state">
                <h3>No templates of your own yet</h3>
                <p>
                  Duplicate a built-in template below to change its sections or prompts, choose <strong>New template</strong> to start from a blank one, or
                  import a template file.
                </p>
              </div>
            ) : (
              <ul className="template-list">
                {state.overview.custom.map((template) => (
                  <CustomTemplateItem
                    key={template.id}
                    template={template}
                    usage={state.overview.usage[template.id] ?? 0}
                    hasUnsavedChanges={unsavedTemplates.has(template.id)}
                    busy={busy}
                    confirmingDelete={confirming === template.id}
                    deleting={deleting === template.id}
                    onDuplicate={(chosen) => void duplicate(chosen)}
                    onExport={(chosen) => void exportOne(chosen)}
                    onAskToDelete={askToDelete}
                    onCancelDelete={cancelDelete}
                    onDelete={(chosen) => void deleteOne(chosen)}
                  />
                ))}
              </ul>
            )}
          </section>

          <section className="templates-section" aria-labelledby="builtin-templates-heading">
            <h2 id="builtin-templates-heading">Built-in templates</h2>
            <p className="hint">Reflective models and professional forms that come with the app. They cannot be changed; duplicate one to make your own version.</p>
            <ul className="template-list">
              {state.overview.builtIns.map((template) => (
                <BuiltInTemplateItem key={template.id} template={template} busy={busy} onDuplicate={(chosen) => void duplicate(chosen)} onExport={(chosen) => void exportOne(chosen)} />
              ))}
            </ul>
          </section>

          <TemplateImport onImported={imported} />
        </>
      ) : null}
    </main>
  );
}
