import type { ExportPackKind } from '../../../shared/export/exportOptions.js';
import { exportPackKinds, exportPacks } from './exportPacks.js';
import '../styles/reflection.css';

interface PackChoiceProps {
  chosen: ExportPackKind;
  onChoose(pack: ExportPackKind): void;
}

/**
 * The four Word packs as radio buttons, each with a line saying what it holds (arrow keys move
 * between them); drawn as the reflection template picker is.
 */
export function PackChoice({ chosen, onChoose }: PackChoiceProps) {
  return (
    <fieldset className="template-choice pack-choice">
      <legend>What to export</legend>
      <ul className="template-choice__list">
        {exportPackKinds.map((pack) => {
          const id = `export-pack-${pack}`;
          return (
            <li key={pack} className="template-choice__item">
              <input type="radio" name="export-pack" id={id} value={pack} checked={chosen === pack} onChange={() => onChoose(pack)} aria-labelledby={`${id}-name`} aria-describedby={`${id}-explanation`} />
              <label htmlFor={id} className="template-choice__label">
                <span className="template-choice__name" id={`${id}-name`}>
                  {exportPacks[pack].label}
                </span>
                <span className="template-choice__summary" id={`${id}-explanation`}>
                  {exportPacks[pack].explanation}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
