import type { Template } from '../../../shared/templates/template.js';
import { routeHash } from '../routing/route.js';
import { sectionCount, usageText } from './templateActions.js';
import { templateDomIds } from './templateDomIds.js';

interface SharedActions {
  /** The template whose Duplicate or Export is under way, if any. */
  busy: string | null;
  onDuplicate: (template: Template) => void;
  onExport: (template: Template) => void;
}

function DuplicateAndExport({ template, busy, onDuplicate, onExport }: SharedActions & { template: Template }) {
  const isBusy = busy === template.id;
  return (
    <>
      {/* The weekly log is written from the week's page; a copy could only be used for reflections. */}
      {template.id === 'weekly-log' ? null : (
      <button
        type="button"
        id={templateDomIds.listItem(template.id, 'duplicate')}
        className="button button--small"
        aria-label={`Duplicate ${template.name}`}
        aria-disabled={isBusy ? true : undefined}
        onClick={() => {
          if (!isBusy) onDuplicate(template);
        }}
      >
        Duplicate
      </button>
      )}
      <button
        type="button"
        id={templateDomIds.listItem(template.id, 'export')}
        className="button button--small"
        aria-label={`Export ${template.name}`}
        aria-disabled={isBusy ? true : undefined}
        onClick={() => {
          if (!isBusy) onExport(template);
        }}
      >
        Export
      </button>
    </>
  );
}

/** A template that comes with the app: what it is, its sections on request, and Duplicate and Export. */
export function BuiltInTemplateItem({ template, ...actions }: SharedActions & { template: Template }) {
  return (
    <li className="template-item template-item--single" data-testid="builtin-template">
      <div className="template-item__about">
        <h3 className="template-item__name">
          <a href={routeHash({ view: 'templates', templateId: template.id })}>{template.name}</a>
        </h3>
        <p className="template-item__summary">{template.summary}</p>
        <details className="template-item__sections">
          <summary>
            {sectionCount(template)}
            <span className="visually-hidden"> in {template.name}</span>
          </summary>
          <ol>
            {template.sections.map((section) => (
              <li key={section.id}>{section.title}</li>
            ))}
          </ol>
        </details>
      </div>
      <div className="template-item__actions">
        <DuplicateAndExport template={template} {...actions} />
      </div>
    </li>
  );
}

interface CustomTemplateItemProps extends SharedActions {
  template: Template;
  usage: number;
  hasUnsavedChanges: boolean;
  confirmingDelete: boolean;
  deleting: boolean;
  onAskToDelete: (template: Template) => void;
  onCancelDelete: (template: Template) => void;
  onDelete: (template: Template) => void;
}

/** One of the user's own templates: a link to edit it, how many entries use it, and Duplicate, Export and Delete (asked twice). */
export function CustomTemplateItem({ template, usage, hasUnsavedChanges, confirmingDelete, deleting, onAskToDelete, onCancelDelete, onDelete, ...actions }: CustomTemplateItemProps) {
  const name = template.name;
  return (
    <li className="template-item" data-testid="custom-template">
      <div className="template-item__row">
        <div className="template-item__about">
          <h3 className="template-item__name">
            <a id={templateDomIds.listItem(template.id, 'link')} href={routeHash({ view: 'templates', templateId: template.id })}>
              {name}
            </a>
          </h3>
          {template.summary.trim() !== '' ? <p className="template-item__summary">{template.summary}</p> : null}
          <p className="template-item__meta">
            <span>{sectionCount(template)}</span>
            <span>{usageText(usage)}</span>
            {hasUnsavedChanges ? <span className="template-badge template-badge--warning">Changes not saved</span> : null}
          </p>
        </div>
        <div className="template-item__actions">
          <DuplicateAndExport template={template} {...actions} />
          <button
            type="button"
            id={templateDomIds.listItem(template.id, 'delete')}
            className="button button--small button--danger"
            aria-label={`Delete ${name}`}
            aria-expanded={confirmingDelete}
            onClick={() => (confirmingDelete ? onCancelDelete(template) : onAskToDelete(template))}
          >
            Delete
          </button>
        </div>
      </div>
      {confirmingDelete ? (
        <div
          className="template-item__confirm"
          role="group"
          aria-label={`Confirm deleting ${name}`}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              onCancelDelete(template);
            }
          }}
        >
          <p>
            Delete <strong>{name}</strong>? This cannot be undone.{usage > 0 ? ` ${usageText(usage)}, so it may not be possible.` : ''}
          </p>
          <button
            type="button"
            id={templateDomIds.listItem(template.id, 'confirm-delete')}
            className="button button--small button--danger-strong"
            aria-disabled={deleting ? true : undefined}
            onClick={() => {
              if (!deleting) onDelete(template);
            }}
          >
            {deleting ? 'Deleting…' : `Yes, delete ${name}`}
          </button>
          <button type="button" className="button button--small" onClick={() => onCancelDelete(template)}>
            Keep it
          </button>
        </div>
      ) : null}
    </li>
  );
}
