import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { type CpdActivityType, type CpdRecord, cpdActivityTypeLabels, cpdActivityTypes } from '../../../shared/portfolio/weeklyLog.js';
import { formatCpdDuration, formatCpdHoursField, readCpdHours } from './cpdTime.js';
import '../styles/cpd.css';

interface CpdFieldsProps {
  /** The CPD time saved for the entry. Read when the fields first show: give them a `key` per entry. */
  value: CpdRecord | null;
  /** Asks for the entry's CPD time to be saved (null removes it). The new `value` comes back once saved. */
  onSave: (next: CpdRecord | null) => void;
  disabled?: boolean;
  /** Makes the fields' ids unique on the page. */
  idPrefix: string;
  /** For templates that ask for CPD (the HCPC CPD activity): always open, the kind of activity first. */
  askFirst?: boolean;
  /** What the time is recorded on, in a sentence: "this week", "this reflection". */
  entryLabel: string;
}

function sameCpd(a: CpdRecord | null, b: CpdRecord | null): boolean {
  if (a === null || b === null) return a === b;
  return a.minutes === b.minutes && a.participatory === b.participatory && a.activityType === b.activityType;
}

function isActivityType(value: string): value is CpdActivityType {
  return (cpdActivityTypes as readonly string[]).includes(value);
}

/** "1 hour 30 minutes, participatory, work-based learning". */
export function describeCpd(cpd: CpdRecord): string {
  const parts = [formatCpdDuration(cpd.minutes), cpd.participatory ? 'participatory' : 'not participatory'];
  if (cpd.activityType) parts.push(cpdActivityTypeLabels[cpd.activityType].toLowerCase());
  return parts.join(', ');
}

/**
 * CPD time on one entry: hours, whether it was learning with others, and the kind of activity.
 * Saves when the hours field is left (or Enter is pressed) and when a choice changes, never on
 * each keystroke; hours that cannot be read are explained beside the field and not saved.
 */
export function CpdFields({ value, onSave, disabled = false, idPrefix, askFirst = false, entryLabel }: CpdFieldsProps) {
  const [expanded, setExpanded] = useState(askFirst || value !== null);
  const [hoursText, setHoursText] = useState(value ? formatCpdHoursField(value.minutes) : '');
  const [participatory, setParticipatory] = useState(value?.participatory ?? false);
  const [activityType, setActivityType] = useState<CpdActivityType | null>(value?.activityType ?? null);
  const [problem, setProblem] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  /** What has been asked for since the fields last took `value`: answers to these are not shown over newer typing. */
  const asked = useRef<Array<CpdRecord | null>>([]);
  const known = useRef<CpdRecord | null>(value);
  const focusNext = useRef<'hours' | 'record' | null>(null);
  const hoursInput = useRef<HTMLInputElement>(null);
  const recordButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const answered = asked.current.findIndex((candidate) => sameCpd(candidate, value));
    if (answered === -1) {
      // Changed from elsewhere: show what is saved now.
      asked.current = [];
      if (sameCpd(known.current, value)) return;
      known.current = value;
      setHoursText(value ? formatCpdHoursField(value.minutes) : '');
      setParticipatory(value?.participatory ?? false);
      setActivityType(value?.activityType ?? null);
      setProblem(null);
      if (value) setExpanded(true);
      return;
    }
    if (answered === asked.current.length - 1) {
      setMessage(value ? `Saved for ${entryLabel}: ${describeCpd(value)}.` : `CPD time removed from ${entryLabel}.`);
    }
    asked.current = asked.current.slice(answered + 1);
  }, [value, entryLabel]);

  // Fields taken away while hours are being typed, with no blur (another page opened by its address), still save them.
  const latest = useRef({ hoursText, participatory, activityType, onSave });
  useEffect(() => {
    latest.current = { hoursText, participatory, activityType, onSave };
  });
  useEffect(
    () => () => {
      const { hoursText: text, participatory: withOthers, activityType: type, onSave: save } = latest.current;
      const reading = readCpdHours(text);
      if (!reading.ok) return;
      const next = { minutes: reading.minutes, participatory: withOthers, activityType: type };
      if (!sameCpd(next, known.current)) save(next);
    },
    [],
  );

  useEffect(() => {
    if (focusNext.current === 'hours') hoursInput.current?.focus();
    if (focusNext.current === 'record') recordButton.current?.focus();
    focusNext.current = null;
  });

  const ask = (next: CpdRecord | null) => {
    if (sameCpd(next, known.current)) return;
    known.current = next;
    asked.current.push(next);
    setMessage(next ? 'Saving…' : 'Removing…');
    onSave(next);
  };

  /** Saves the fields as they stand, if the hours can be read; `showProblem` when the hours field was just left. */
  const save = (choices: { participatory: boolean; activityType: CpdActivityType | null }, showProblem: boolean) => {
    if (hoursText.trim() === '' && known.current === null) {
      setProblem(null);
      if (!showProblem) setMessage('Nothing is saved until you enter the CPD hours.');
      return;
    }
    const reading = readCpdHours(hoursText);
    if (!reading.ok) {
      if (showProblem || problem !== null) {
        setProblem(hoursText.trim() === '' ? `${reading.problem} To take the CPD time off ${entryLabel}, choose Remove CPD time.` : reading.problem);
      }
      if (!showProblem) setMessage('Not saved: the CPD hours need fixing first.');
      return;
    }
    setProblem(null);
    ask({ minutes: reading.minutes, ...choices });
  };

  const remove = () => {
    ask(null);
    setHoursText('');
    setParticipatory(false);
    setActivityType(null);
    setProblem(null);
    if (askFirst) focusNext.current = 'hours';
    else {
      setExpanded(false);
      focusNext.current = 'record';
    }
  };

  const onHoursKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    save({ participatory, activityType }, true);
  };

  const reading = readCpdHours(hoursText);
  const hoursId = `${idPrefix}-hours`;
  const hintId = `${idPrefix}-hours-hint`;
  const readingId = `${idPrefix}-hours-reading`;
  const problemId = `${idPrefix}-hours-problem`;
  const describedBy = [hintId, reading.ok ? readingId : null, problem ? problemId : null].filter(Boolean).join(' ');

  const hoursField = (
    <div className="cpd-fields__field cpd-fields__hours">
      <label htmlFor={hoursId}>CPD hours</label>
      <p id={hintId} className="hint">
        Hours, such as 1.5 or 1:30
      </p>
      {problem ? (
        <p id={problemId} className="field__problem">
          {problem}
        </p>
      ) : null}
      <div className="cpd-fields__hours-row">
        <input
          ref={hoursInput}
          id={hoursId}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          className="input cpd-fields__hours-input"
          value={hoursText}
          disabled={disabled}
          aria-invalid={problem ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => setHoursText(event.target.value)}
          onBlur={() => save({ participatory, activityType }, true)}
          onKeyDown={onHoursKeyDown}
        />
        <span id={readingId} className="cpd-fields__reading" hidden={!reading.ok}>
          {reading.ok ? formatCpdDuration(reading.minutes) : ''}
        </span>
      </div>
    </div>
  );

  const participatoryField = (
    <div className="cpd-fields__field cpd-fields__check">
      <input
        id={`${idPrefix}-participatory`}
        type="checkbox"
        checked={participatory}
        disabled={disabled}
        onChange={(event) => {
          setParticipatory(event.target.checked);
          save({ participatory: event.target.checked, activityType }, false);
        }}
      />
      <label htmlFor={`${idPrefix}-participatory`}>Participatory (learning with others)</label>
    </div>
  );

  const typeField = (
    <div className={`cpd-fields__field cpd-fields__type${askFirst ? ' cpd-fields__type--first' : ''}`}>
      <label htmlFor={`${idPrefix}-type`}>Type of activity</label>
      {askFirst ? (
        <p id={`${idPrefix}-type-hint`} className="hint">
          The kind of learning, as the HCPC groups it.
        </p>
      ) : null}
      <select
        id={`${idPrefix}-type`}
        value={activityType ?? ''}
        disabled={disabled}
        aria-describedby={askFirst ? `${idPrefix}-type-hint` : undefined}
        onChange={(event) => {
          const next = isActivityType(event.target.value) ? event.target.value : null;
          setActivityType(next);
          save({ participatory, activityType: next }, false);
        }}
      >
        <option value="">Not said</option>
        {cpdActivityTypes.map((type) => (
          <option key={type} value={type}>
            {cpdActivityTypeLabels[type]}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <fieldset className={`cpd-fields${expanded ? ' cpd-fields--open' : ''}${askFirst ? ' cpd-fields--asked' : ''}`} data-testid={`${idPrefix}-fields`}>
      <legend className="cpd-fields__legend">CPD time</legend>
      {expanded ? (
        <div className="cpd-fields__body">
          {askFirst ? typeField : null}
          {hoursField}
          {participatoryField}
          {askFirst ? null : typeField}
          {known.current !== null ? (
            <button type="button" className="button button--quiet cpd-fields__remove" disabled={disabled} onClick={remove}>
              Remove CPD time<span className="visually-hidden"> from {entryLabel}</span>
            </button>
          ) : null}
        </div>
      ) : (
        <div className="cpd-fields__closed">
          <span className="muted">None recorded for {entryLabel}.</span>
          <button
            ref={recordButton}
            type="button"
            className="button button--quiet"
            aria-expanded={false}
            disabled={disabled}
            onClick={() => {
              setExpanded(true);
              setMessage('');
              focusNext.current = 'hours';
            }}
          >
            Record CPD time<span className="visually-hidden"> for {entryLabel}</span>
          </button>
        </div>
      )}
      <p className="cpd-fields__message" role="status">
        {message}
      </p>
    </fieldset>
  );
}
