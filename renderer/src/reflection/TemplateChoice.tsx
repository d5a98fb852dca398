import type { Template } from '../../../shared/templates/template.js';

interface TemplateChoiceProps {
  /** The group's visible name. */
  legend: string;
  builtIns: readonly Template[];
  custom: readonly Template[];
  chosen: string | null;
  onChoose(templateId: string): void;
  /** A template to leave out (the one a reflection already uses). */
  exclude?: string;
}

function Option({ template, chosen, onChoose }: { template: Template; chosen: string | null; onChoose(templateId: string): void }) {
  const id = `template-option-${template.id}`;
  return (
    <li className="template-choice__item">
      <input type="radio" name="template" id={id} value={template.id} checked={chosen === template.id} onChange={() => onChoose(template.id)} aria-describedby={`${id}-summary`} />
      <label htmlFor={id} className="template-choice__label">
        <span className="template-choice__name">{template.name}</span>
        <span className="template-choice__summary" id={`${id}-summary`}>
          {template.summary || `${template.sections.length} ${template.sections.length === 1 ? 'section' : 'sections'}: ${template.sections.map((section) => section.title).join(', ')}`}
        </span>
      </label>
    </li>
  );
}

/**
 * The short template picker: each reflective model with its one-line explanation, as radio
 * buttons (arrow keys move between them). Weekly logs are written from the week's page, so the
 * weekly-log template is never offered here.
 */
export function TemplateChoice({ legend, builtIns, custom, chosen, onChoose, exclude }: TemplateChoiceProps) {
  const offered = (templates: readonly Template[]) => templates.filter((template) => template.id !== 'weekly-log' && template.id !== exclude);
  const all = [...offered(builtIns), ...offered(custom)];
  return (
    <fieldset className="template-choice">
      <legend>{legend}</legend>
      <ul className="template-choice__list" data-testid="template-choice">
        {all.map((template) => (
          <Option key={template.id} template={template} chosen={chosen} onChoose={onChoose} />
        ))}
      </ul>
    </fieldset>
  );
}
