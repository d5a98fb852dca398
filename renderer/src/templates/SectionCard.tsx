import { type TemplateSection, sectionRoles } from '../../../shared/templates/template.js';
import { TextField } from '../frameworks/TextField.js';
import { sectionRoleLabels } from './sectionRoleLabels.js';
import { type Direction, fieldKeys, sectionName } from './templateDraft.js';
import { templateDomIds } from './templateDomIds.js';

/** Everything the editor lets the user do to one section. */
export interface SectionEditing {
  problemFor: (fieldKey: string) => string | null;
  change: (sectionId: string, change: Partial<Pick<TemplateSection, 'title' | 'prompt' | 'role'>>) => void;
  move: (sectionId: string, direction: Direction) => void;
  remove: (sectionId: string) => void;
}

interface SectionCardProps {
  section: TemplateSection;
  index: number;
  count: number;
  editing: SectionEditing;
}

/** One section: its title, prompt and role, and the buttons that move or delete it. */
export function SectionCard({ section, index, count, editing }: SectionCardProps) {
  const name = sectionName(section, index);
  const position = `Section ${index + 1}`;
  const isFirst = index === 0;
  const isLast = index === count - 1;
  const onlyOne = count === 1;
  const roleId = templateDomIds.section(section.id, 'role');
  return (
    <li className="template-section-card" data-testid="template-section">
      <div className="template-section-card__head">
        <h3 id={templateDomIds.section(section.id, 'heading')} className="template-section-card__heading">
          {position}
        </h3>
        {/* Buttons at the ends stay focusable (aria-disabled, not disabled) so focus never drops off a moved section. */}
        <div className="template-section-card__actions">
          <button
            type="button"
            id={templateDomIds.section(section.id, 'up')}
            className="button button--small button--quiet"
            aria-label={`Move ${name} up`}
            aria-disabled={isFirst ? true : undefined}
            onClick={() => {
              if (!isFirst) editing.move(section.id, -1);
            }}
          >
            <span aria-hidden="true">↑</span> Move up
          </button>
          <button
            type="button"
            id={templateDomIds.section(section.id, 'down')}
            className="button button--small button--quiet"
            aria-label={`Move ${name} down`}
            aria-disabled={isLast ? true : undefined}
            onClick={() => {
              if (!isLast) editing.move(section.id, 1);
            }}
          >
            <span aria-hidden="true">↓</span> Move down
          </button>
          <button
            type="button"
            id={templateDomIds.section(section.id, 'delete')}
            className="button button--small button--quiet button--danger"
            aria-label={`Delete section ${name}`}
            aria-disabled={onlyOne ? true : undefined}
            aria-describedby={onlyOne ? 'template-one-section-hint' : undefined}
            onClick={() => {
              if (!onlyOne) editing.remove(section.id);
            }}
          >
            Delete section
          </button>
        </div>
      </div>
      <div className="template-section-card__fields">
        <TextField
          id={fieldKeys.sectionTitle(section.id)}
          shape="wrapping"
          label={
            <>
              <span className="visually-hidden">{position} </span>Title
            </>
          }
          value={section.title}
          onChange={(title) => editing.change(section.id, { title })}
          problem={editing.problemFor(fieldKeys.sectionTitle(section.id))}
        />
        <TextField
          id={fieldKeys.sectionPrompt(section.id)}
          shape="paragraph"
          label={
            <>
              <span className="visually-hidden">{position} </span>Prompt
            </>
          }
          value={section.prompt}
          onChange={(prompt) => editing.change(section.id, { prompt })}
          problem={editing.problemFor(fieldKeys.sectionPrompt(section.id))}
        />
        <div className="field template-section-card__role">
          <label htmlFor={roleId}>
            <span className="visually-hidden">{position} </span>What it is for
          </label>
          <select
            id={roleId}
            className="input template-role-select"
            value={section.role}
            aria-describedby="template-role-hint"
            onChange={(event) => {
              const role = sectionRoles.find((candidate) => candidate === event.target.value);
              if (role) editing.change(section.id, { role });
            }}
          >
            {sectionRoles.map((role) => (
              <option key={role} value={role}>
                {sectionRoleLabels[role]}
              </option>
            ))}
          </select>
        </div>
      </div>
    </li>
  );
}
