import { useEffect, useState } from 'react';
import type { Template } from '../../../shared/templates/template.js';
import { routeHash } from '../routing/route.js';
import { useSession } from '../session/SessionContext.js';
import { sectionRoleLabels } from './sectionRoleLabels.js';
import { createTemplate, exportTemplate } from './templateActions.js';

/** A template that comes with the app, as it is: it cannot be changed, only duplicated and the copy changed. */
export function TemplateReadOnly({ template }: { template: Template }) {
  const session = useSession();
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    document.title = `${template.name} — Reflective Portfolio`;
  }, [template]);

  const run = async (action: () => Promise<{ ok: boolean; text: string }>, reportSuccess: boolean) => {
    if (busy) return;
    setBusy(true);
    const outcome = await action();
    setBusy(false);
    if (!outcome.ok || reportSuccess) setFeedback(outcome);
  };

  return (
    <main id="main-content" className="page template-editor template-editor--read-only" tabIndex={-1} data-testid="template-read-only">
      <p className="back-link">
        <a href={routeHash({ view: 'templates', templateId: null })}>
          <span aria-hidden="true">← </span>All templates
        </a>
      </p>
      <h1>{template.name}</h1>
      <p className="lede">{template.summary}</p>
      <div className="template-read-only__bar">
        <p className="template-badge">Built in: cannot be changed</p>
        {template.id === 'weekly-log' ? (
          <p className="muted">The weekly log is written from the week’s page, one for each week.</p>
        ) : (
          <button type="button" className="button button--primary" aria-disabled={busy ? true : undefined} onClick={() => void run(() => createTemplate(session, template), false)}>
            Duplicate to edit
          </button>
        )}
        <button
          type="button"
          className="button"
          aria-label={`Export ${template.name}`}
          aria-disabled={busy ? true : undefined}
          onClick={() => void run(() => exportTemplate(session, template), true)}
        >
          Export
        </button>
      </div>
      <div aria-live="polite">{feedback ? <p className={`notice ${feedback.ok ? 'notice--ok' : 'notice--error'}`}>{feedback.text}</p> : null}</div>

      {template.notice ? (
        <section className="card" aria-labelledby="template-notice-heading">
          <h2 id="template-notice-heading">Notice at the top of the form</h2>
          <p>{template.notice}</p>
        </section>
      ) : null}
      {template.asksForCpd ? <p>The form asks for CPD hours and the kind of activity before the sections.</p> : null}

      <section aria-labelledby="template-sections-heading">
        <h2 id="template-sections-heading">Sections</h2>
        <ol className="template-section-list">
          {template.sections.map((section, index) => (
            <li key={section.id} className="template-section-card">
              <h3 className="template-section-card__title">
                <span className="template-section-card__number">{index + 1}.</span> {section.title}
              </h3>
              {section.prompt ? <p className="template-section-card__prompt">{section.prompt}</p> : null}
              <p className="template-section-card__role">
                <span className="muted">What it is for:</span> {sectionRoleLabels[section.role]}
              </p>
            </li>
          ))}
        </ol>
      </section>
    </main>
  );
}
