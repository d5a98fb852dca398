import type { Criterion, Outcome } from '../../../shared/frameworks/framework.js';
import { fieldKeys } from './draftProblems.js';
import { frameworkLimits } from './frameworkLimits.js';
import { editorDomIds } from './editorDomIds.js';
import { type Direction, criterionName, outcomeName } from './frameworkDraft.js';
import { ItemActions } from './ItemActions.js';
import { TextField, fieldProblemId } from './TextField.js';

/** Everything the editor lets the user do to an outcome and its criteria. */
export interface OutcomeEditing {
  problemFor: (fieldKey: string) => string | null;
  touch: (fieldKey: string) => void;
  changeOutcome: (outcomeId: string, change: Partial<Pick<Outcome, 'code' | 'title'>>) => void;
  moveOutcome: (outcomeId: string, direction: Direction) => void;
  toggleOutcomeArchived: (outcomeId: string) => void;
  deleteOutcome: (outcomeId: string) => void;
  addCriterion: (outcomeId: string) => void;
  changeCriterion: (outcomeId: string, criterionId: string, change: Partial<Pick<Criterion, 'code' | 'text'>>) => void;
  moveCriterion: (outcomeId: string, criterionId: string, direction: Direction) => void;
  toggleCriterionArchived: (outcomeId: string, criterionId: string) => void;
  deleteCriterion: (outcomeId: string, criterionId: string) => void;
}

interface OutcomeCardProps {
  outcome: Outcome;
  index: number;
  count: number;
  editing: OutcomeEditing;
}

/** One outcome: its code and title, its assessment criteria, and the buttons that act on them. */
export function OutcomeCard({ outcome, index, count, editing }: OutcomeCardProps) {
  const name = outcomeName(outcome, index);
  const position = `Outcome ${index + 1}`;
  const codeKey = fieldKeys.outcomeCode(outcome.id);
  const titleKey = fieldKeys.outcomeTitle(outcome.id);
  // A code field is narrow: its problem goes under the whole row, where it has room.
  const codeProblem = editing.problemFor(codeKey);
  return (
    <li className={`outcome-card${outcome.archived ? ' outcome-card--archived' : ''}`} data-testid="outcome-card">
      <div className="outcome-card__head">
        <h3 id={editorDomIds.outcome(outcome.id, 'heading')} className="outcome-card__heading">
          {position}
          {outcome.archived ? ' ' : null}
          {outcome.archived ? <span className="framework-badge framework-badge--archived">Archived</span> : null}
        </h3>
        <ItemActions
          name={name}
          domId={(part) => editorDomIds.outcome(outcome.id, part)}
          isFirst={index === 0}
          isLast={index === count - 1}
          archived={outcome.archived}
          onMove={(direction) => editing.moveOutcome(outcome.id, direction)}
          onToggleArchived={() => editing.toggleOutcomeArchived(outcome.id)}
          onDelete={() => editing.deleteOutcome(outcome.id)}
        />
      </div>
      {outcome.archived ? <p className="outcome-card__archived-note">Archived: kept with any evidence tagged to it, but no longer offered when you tag.</p> : null}
      <div className="outcome-card__fields">
        <TextField
          id={editorDomIds.outcome(outcome.id, 'code')}
          className="field--code"
          label={
            <>
              <span className="visually-hidden">{position} </span>Code
            </>
          }
          value={outcome.code}
          onChange={(code) => {
            editing.touch(codeKey);
            editing.changeOutcome(outcome.id, { code });
          }}
          problem={codeProblem}
          problemShownElsewhere
        />
        <TextField
          id={editorDomIds.outcome(outcome.id, 'title')}
          className="field--wide"
          shape="wrapping"
          label={
            <>
              <span className="visually-hidden">{position} </span>Title
            </>
          }
          value={outcome.title}
          onChange={(title) => {
            editing.touch(titleKey);
            editing.changeOutcome(outcome.id, { title });
          }}
          problem={editing.problemFor(titleKey)}
        />
        {codeProblem ? (
          <p id={fieldProblemId(editorDomIds.outcome(outcome.id, 'code'))} className="field__problem field__problem--row">
            {codeProblem}
          </p>
        ) : null}
      </div>

      <div className="criteria">
        <h4 className="criteria__heading">Assessment criteria</h4>
        {outcome.criteria.length === 0 ? <p className="muted criteria__none">None yet. Some frameworks have none; a course unit usually lists pass, merit and distinction criteria (P, M, D).</p> : null}
        {outcome.criteria.length > 0 ? (
          <ol className="criterion-list">
            {outcome.criteria.map((criterion, criterionIndex) => {
              const criterionPosition = `${position} criterion ${criterionIndex + 1}`;
              const criterionCodeKey = fieldKeys.criterionCode(outcome.id, criterion.id);
              const textKey = fieldKeys.criterionText(outcome.id, criterion.id);
              const criterionCodeProblem = editing.problemFor(criterionCodeKey);
              return (
                <li key={criterion.id} className={`criterion-row${criterion.archived ? ' criterion-row--archived' : ''}`} data-testid="criterion-row">
                  <TextField
                    id={editorDomIds.criterion(outcome.id, criterion.id, 'code')}
                    className="field--code"
                    label={
                      <>
                        <span className="visually-hidden">{criterionPosition} </span>Code
                      </>
                    }
                    value={criterion.code}
                    onChange={(code) => {
                      editing.touch(criterionCodeKey);
                      editing.changeCriterion(outcome.id, criterion.id, { code });
                    }}
                    problem={criterionCodeProblem}
                    problemShownElsewhere
                  />
                  <TextField
                    id={editorDomIds.criterion(outcome.id, criterion.id, 'text')}
                    className="field--wide"
                    shape="paragraph"
                    aside={criterion.archived ? <span className="framework-badge framework-badge--archived">Archived</span> : null}
                    label={
                      <>
                        <span className="visually-hidden">{criterionPosition} </span>Criterion text
                      </>
                    }
                    value={criterion.text}
                    onChange={(text) => {
                      editing.touch(textKey);
                      editing.changeCriterion(outcome.id, criterion.id, { text });
                    }}
                    problem={editing.problemFor(textKey)}
                  />
                  <div className="criterion-row__side">
                    <ItemActions
                    name={criterionName(outcome, index, criterion, criterionIndex)}
                    domId={(part) => editorDomIds.criterion(outcome.id, criterion.id, part)}
                    isFirst={criterionIndex === 0}
                    isLast={criterionIndex === outcome.criteria.length - 1}
                    archived={criterion.archived}
                    onMove={(direction) => editing.moveCriterion(outcome.id, criterion.id, direction)}
                    onToggleArchived={() => editing.toggleCriterionArchived(outcome.id, criterion.id)}
                    onDelete={() => editing.deleteCriterion(outcome.id, criterion.id)}
                    />
                  </div>
                  {criterionCodeProblem ? (
                    <p id={fieldProblemId(editorDomIds.criterion(outcome.id, criterion.id, 'code'))} className="field__problem field__problem--row">
                      {criterionCodeProblem}
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ol>
        ) : null}
        <button
          type="button"
          id={editorDomIds.outcome(outcome.id, 'add-criterion')}
          className="button button--small"
          onClick={() => editing.addCriterion(outcome.id)}
          disabled={outcome.criteria.length >= frameworkLimits.criteria}
        >
          Add criterion to {name}
        </button>
      </div>
    </li>
  );
}
