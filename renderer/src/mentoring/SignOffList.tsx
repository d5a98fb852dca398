import { useEffect, useId, useRef, useState } from 'react';
import type { ReviewSignOff } from '../../../shared/api/contract.js';
import { formatUkDate } from '../../../shared/dates/weeks.js';
import { type EvidenceTag, type Framework, tagKey } from '../../../shared/frameworks/framework.js';
import type { Reviewer } from '../../../shared/share/sharing.js';
import { type SignOffDraft, SignOffForm } from './SignOffForm.js';
import { sentStateLabels } from './reviewWords.js';

/** One outcome or criterion that can be signed off. */
interface SignOffTarget {
  tag: EvidenceTag;
  level: 'outcome' | 'criterion';
  code: string;
  title: string;
}

function targetsOf(framework: Framework): SignOffTarget[] {
  const targets: SignOffTarget[] = [];
  for (const outcome of framework.outcomes) {
    if (outcome.archived) continue;
    targets.push({ tag: { framework: framework.id, outcome: outcome.id, criterion: null }, level: 'outcome', code: outcome.code, title: outcome.title });
    for (const criterion of outcome.criteria) {
      if (criterion.archived) continue;
      targets.push({ tag: { framework: framework.id, outcome: outcome.id, criterion: criterion.id }, level: 'criterion', code: `${outcome.code} ${criterion.code}`, title: criterion.text });
    }
  }
  return targets;
}

export function signOffKey(signOff: Pick<ReviewSignOff, 'frameworkId' | 'outcomeId' | 'criterionId'>): string {
  return tagKey({ framework: signOff.frameworkId, outcome: signOff.outcomeId, criterion: signOff.criterionId });
}

function signerWords(signer: Reviewer): string {
  const details = [signer.role, signer.registration ? `registration ${signer.registration}` : ''].filter((part) => part !== '');
  return details.length > 0 ? `${signer.name} (${details.join(', ')})` : signer.name;
}

type Editing = { kind: 'new'; key: string } | { kind: 'edit'; signOffId: string } | null;

interface SignOffListProps {
  framework: Framework;
  signOffs: readonly ReviewSignOff[];
  reviewer: Reviewer | null;
  authorName: string;
  /** Saves a new sign-off (id null) or changes one; resolves to a problem, or null once saved. */
  onSave(tag: EvidenceTag, signOffId: string | null, draft: SignOffDraft): Promise<{ problem: string } | { savedId: string }>;
  onDelete(signOffId: string): Promise<string | null>;
}

/**
 * Every outcome and criterion of the framework with whether it is signed off, a Sign off button,
 * and each sign-off's statement, signer and sent state with Edit and Delete.
 */
export function SignOffList({ framework, signOffs, reviewer, authorName, onSave, onDelete }: SignOffListProps) {
  const ids = useId();
  const [editing, setEditing] = useState<Editing>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  /** The element to focus once the list has been drawn again. */
  const focusNext = useRef<string | null>(null);

  useEffect(() => {
    if (!focusNext.current) return;
    const element = document.getElementById(focusNext.current);
    if (!element) return;
    focusNext.current = null;
    element.focus();
  });

  useEffect(() => {
    if (confirming) document.getElementById(`${ids}-keep-${confirming}`)?.focus();
  }, [confirming, ids]);

  const byKey = new Map<string, ReviewSignOff[]>();
  for (const signOff of signOffs) {
    if (signOff.frameworkId !== framework.id) continue;
    const key = signOffKey(signOff);
    byKey.set(key, [...(byKey.get(key) ?? []), signOff]);
  }
  const targets = targetsOf(framework);
  const signed = targets.filter((target) => byKey.has(tagKey(target.tag))).length;
  const buttonId = (key: string) => `${ids}-sign-${key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const signOffId = (id: string) => `${ids}-signoff-${id}`;

  const save = async (target: SignOffTarget, existing: ReviewSignOff | null, draft: SignOffDraft): Promise<string | null> => {
    const outcome = await onSave(target.tag, existing?.id ?? null, draft);
    if ('problem' in outcome) return outcome.problem;
    focusNext.current = signOffId(outcome.savedId);
    setEditing(null);
    setAnnouncement(existing ? `Sign-off of ${target.code} changed.` : `${target.code} signed off. It goes in your next feedback file.`);
    return null;
  };

  const remove = async (target: SignOffTarget, signOff: ReviewSignOff) => {
    const outcome = await onDelete(signOff.id);
    if (outcome !== null) {
      setProblem(outcome);
      return;
    }
    setProblem(null);
    setConfirming(null);
    focusNext.current = buttonId(tagKey(target.tag));
    setAnnouncement(`Sign-off of ${target.code} deleted.`);
  };

  return (
    <section className="signoffs" aria-labelledby={`${ids}-heading`} data-testid="signoffs">
      <h2 id={`${ids}-heading`}>Sign-offs</h2>
      <p className="hint">
        Sign an outcome or criterion off when {authorName}’s evidence shows it is met. {signed === 0 ? 'Nothing is signed off yet.' : `${signed} of ${targets.length} signed off.`}
      </p>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      <ul className="signoff-rows">
        {targets.map((target) => {
          const key = tagKey(target.tag);
          const rowSignOffs = byKey.get(key) ?? [];
          const adding = editing?.kind === 'new' && editing.key === key;
          return (
            <li key={key} className={`signoff-row signoff-row--${target.level}`} data-testid="signoff-row" data-code={target.code}>
              <div className="signoff-row__head">
                <p className="signoff-row__name">
                  <span className="signoff-row__code">{target.code}</span> {target.title}
                </p>
                {rowSignOffs.length === 0 && !adding ? (
                  <div className="signoff-row__action">
                    <p className="signoff-row__status muted">Not signed off</p>
                    <button
                      id={buttonId(key)}
                      type="button"
                      className="button"
                      onClick={() => {
                        setConfirming(null);
                        setEditing({ kind: 'new', key });
                      }}
                    >
                      Sign off {target.code}
                    </button>
                  </div>
                ) : null}
              </div>
              {rowSignOffs.map((signOff) =>
                editing?.kind === 'edit' && editing.signOffId === signOff.id ? (
                  <SignOffForm
                    key={signOff.id}
                    code={target.code}
                    existing={signOff}
                    reviewer={reviewer}
                    onSave={(draft) => save(target, signOff, draft)}
                    onCancel={() => {
                      focusNext.current = `${signOffId(signOff.id)}-edit`;
                      setEditing(null);
                    }}
                  />
                ) : (
                  <div key={signOff.id} id={signOffId(signOff.id)} tabIndex={-1} className="signoff" data-testid="signoff">
                    <p className="signoff__who">
                      <span className="signoff-mark__tick" aria-hidden="true">
                        ✓
                      </span>{' '}
                      Signed off by {signerWords(signOff.signer)} on {formatUkDate(signOff.date)}
                    </p>
                    <blockquote className="signoff__statement">
                      {signOff.statement.split('\n').map((line, index) => (
                        <p key={index}>{line}</p>
                      ))}
                    </blockquote>
                    <p className="signoff__meta">
                      <span className={`sent-state sent-state--${signOff.sent}`}>{sentStateLabels[signOff.sent]}</span>
                    </p>
                    {confirming === signOff.id ? (
                      <div className="review-comment__confirm" role="group" aria-label={`Delete the sign-off of ${target.code}?`}>
                        <p>
                          <strong>Delete the sign-off of {target.code}?</strong>{' '}
                          {signOff.sent === 'not-sent' ? 'It has not been sent, so it is simply gone.' : `You have sent it: your next feedback file withdraws it from ${authorName}’s portfolio.`}
                        </p>
                        {problem ? (
                          <p className="field__problem" role="alert">
                            {problem}
                          </p>
                        ) : null}
                        <div className="form-actions">
                          <button
                            id={`${ids}-keep-${signOff.id}`}
                            type="button"
                            className="button"
                            onClick={() => {
                              focusNext.current = `${signOffId(signOff.id)}-delete`;
                              setConfirming(null);
                              setProblem(null);
                            }}
                          >
                            Keep it
                          </button>
                          <button type="button" className="button button--danger" onClick={() => void remove(target, signOff)}>
                            Delete sign-off
                          </button>
                        </div>
                      </div>
                    ) : (
                      <div className="review-comment__actions">
                        <button
                          id={`${signOffId(signOff.id)}-edit`}
                          type="button"
                          className="button button--quiet"
                          aria-label={`Edit the sign-off of ${target.code}`}
                          onClick={() => {
                            setConfirming(null);
                            setEditing({ kind: 'edit', signOffId: signOff.id });
                          }}
                        >
                          Edit
                        </button>
                        <button
                          id={`${signOffId(signOff.id)}-delete`}
                          type="button"
                          className="button button--quiet"
                          aria-label={`Delete the sign-off of ${target.code}`}
                          onClick={() => setConfirming(signOff.id)}
                        >
                          Delete
                        </button>
                      </div>
                    )}
                  </div>
                ),
              )}
              {adding ? (
                <SignOffForm
                  code={target.code}
                  existing={null}
                  reviewer={reviewer}
                  onSave={(draft) => save(target, null, draft)}
                  onCancel={() => {
                    focusNext.current = buttonId(key);
                    setEditing(null);
                  }}
                />
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
