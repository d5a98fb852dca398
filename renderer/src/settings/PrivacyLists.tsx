import { type FormEvent, useEffect, useState } from 'react';
import type { PrivacyOverview } from '../../../shared/api/contract.js';
import { findingKindNames } from '../../../shared/privacy/findings.js';
import { privacyLimits } from '../../../shared/privacy/privacySettings.js';
import { useSession } from '../session/SessionContext.js';

type Said = { kind: 'saving' } | { kind: 'saved'; text: string } | { kind: 'problem'; text: string } | null;

const linesOf = (text: string) => text.split('\n').map((line) => line.trim()).filter((line) => line !== '');

/** Problems with a list as typed, one sentence, or null. */
function listProblem(names: readonly string[]): string | null {
  if (names.length > privacyLimits.listNames) return `A list can hold at most ${privacyLimits.listNames} names.`;
  const long = names.find((name) => name.length > privacyLimits.nameLength);
  return long ? `“${long.slice(0, 20)}…” is longer than ${privacyLimits.nameLength} characters.` : null;
}

interface PrivacyListsProps {
  /** Called after the lists or the dismissed findings change, so open editors check again. */
  onChanged?(overview: PrivacyOverview): void;
}

/** The privacy check's always-flag and never-flag lists, and the findings dismissed in the editor. */
export function PrivacyLists({ onChanged }: PrivacyListsProps) {
  const session = useSession();
  const [overview, setOverview] = useState<PrivacyOverview | null>(null);
  const [always, setAlways] = useState('');
  const [never, setNever] = useState('');
  const [problems, setProblems] = useState<{ always: string | null; never: string | null }>({ always: null, never: null });
  const [said, setSaid] = useState<Said>(null);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);

  const show = (value: PrivacyOverview) => {
    setOverview(value);
    setAlways(value.alwaysFlag.join('\n'));
    setNever(value.neverFlag.join('\n'));
  };

  useEffect(() => {
    let cancelled = false;
    void session.client.call('privacy.get', {}).then((result) => {
      if (cancelled) return;
      if (result.ok) show(result.value);
      else setLoadProblem(result.error.message);
    });
    return () => {
      cancelled = true;
    };
  }, [session]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const alwaysFlag = linesOf(always);
    const neverFlag = linesOf(never);
    const found = { always: listProblem(alwaysFlag), never: listProblem(neverFlag) };
    setProblems(found);
    if (found.always || found.never) {
      document.getElementById(found.always ? 'privacy-always' : 'privacy-never')?.focus();
      return;
    }
    setSaid({ kind: 'saving' });
    const result = await session.client.call('privacy.setLists', { alwaysFlag, neverFlag });
    if (!result.ok) {
      setSaid({ kind: 'problem', text: result.error.message });
      return;
    }
    show(result.value);
    onChanged?.(result.value);
    setSaid({ kind: 'saved', text: `Saved. ${result.value.alwaysFlag.length} always flagged, ${result.value.neverFlag.length} never flagged.` });
  };

  const restore = async (dismissalId: string) => {
    const result = await session.client.call('privacy.undismiss', { dismissalId });
    if (!result.ok) {
      setSaid({ kind: 'problem', text: result.error.message });
      return;
    }
    setOverview(result.value);
    onChanged?.(result.value);
    setSaid({ kind: 'saved', text: 'That finding will be flagged again.' });
    document.getElementById('privacy-dismissed-heading')?.focus();
  };

  if (loadProblem) {
    return (
      <p className="notice notice--error" role="alert">
        {loadProblem}
      </p>
    );
  }

  const field = (id: string, label: string, hint: string, value: string, setValue: (value: string) => void, problem: string | null) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <p id={`${id}-hint`} className="hint">
        {hint}
      </p>
      {problem ? (
        <p id={`${id}-problem`} className="field__problem">
          {problem}
        </p>
      ) : null}
      <textarea
        id={id}
        className="input privacy-list"
        rows={5}
        spellCheck={false}
        value={value}
        readOnly={overview === null}
        aria-busy={overview === null ? true : undefined}
        onChange={(event) => {
          setValue(event.target.value);
          setSaid(null);
        }}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-hint ${id}-problem` : `${id}-hint`}
      />
    </div>
  );

  return (
    <>
      <p>
        As you write, possible identifiers are underlined: NHS numbers, dates of birth, postcodes, phone numbers, email addresses, names with a title (“Mrs Patel”) and hospital or case
        numbers. Every Word export, share file and feedback file is checked again before it is saved.
      </p>
      <form onSubmit={(event) => void save(event)} noValidate aria-label="Privacy check lists">
        <div className="export-row">
          {field('privacy-always', 'Always flag', 'One per line: names that must never leave, such as the surnames of people you care for.', always, setAlways, problems.always)}
          {field('privacy-never', 'Never flag', 'One per line: your own name, colleagues who agreed to be named, public figures.', never, setNever, problems.never)}
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={overview === null || said?.kind === 'saving'}>
            Save lists
          </button>
          <p className="confirmation" role="status" data-testid="privacy-lists-status">
            {said?.kind === 'saving' ? 'Saving…' : said?.kind === 'saved' ? said.text : null}
          </p>
        </div>
        {said?.kind === 'problem' ? (
          <p className="notice notice--error" role="alert">
            Not saved: {said.text}
          </p>
        ) : null}
      </form>
      <h3 id="privacy-dismissed-heading" tabIndex={-1}>
        Marked as not an identifier
      </h3>
      {overview && overview.dismissed.length > 0 ? (
        <ul className="privacy-dismissed" aria-labelledby="privacy-dismissed-heading">
          {overview.dismissed.map((item) => (
            <li key={item.id}>
              <span>
                {findingKindNames[item.kind]}: “{item.text}”
              </span>{' '}
              <button type="button" className="button" aria-label={`Flag “${item.text}” again`} onClick={() => void restore(item.id)}>
                Flag again
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">None. In an entry, choose “Not an identifier” on an underlined finding to stop it being flagged there.</p>
      )}
    </>
  );
}
