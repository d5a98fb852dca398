import type { ExportPackKind } from '../../../shared/export/exportOptions.js';
import { exportPackKinds, exportPacks } from './exportPacks.js';

interface PackChoiceProps {
  chosen: ExportPackKind;
  onChoose(pack: ExportPackKind): void;
}

/** The four Word packs as radio buttons, each with a line saying what it holds; arrow keys move between them. */
export function PackChoice({ chosen, onChoose }: PackChoiceProps) {
  return (
    <fieldset className="pack-choice">
      <legend>What to export</legend>
      <ul className="pack-choice__list">
        {exportPackKinds.map((pack) => {
          const id = `export-pack-${pack}`;
          return (
            <li key={pack} className="pack-choice__item">
              <input type="radio" name="export-pack" id={id} value={pack} checked={chosen === pack} onChange={() => onChoose(pack)} aria-labelledby={`${id}-name`} aria-describedby={`${id}-explanation`} />
              <label htmlFor={id} className="pack-choice__label">
                <span className="pack-choice__name" id={`${id}-name`}>{exportPacks[pack].label}</span>
                <span className="pack-choice__explanation" id={`${id}-explanation`}>
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
