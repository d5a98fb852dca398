import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { type EvidenceTag, type Framework, type TagKey, frameworkDisplayName, parseTagKey, tagKey, tagsOffered } from '../../../shared/frameworks/framework.js';
import { routeHash } from '../routing/route.js';
import { tagLabel } from './tagLabels.js';

interface TagPickerProps {
  /** "Tag the selected words" or "Tag the whole week". */
  title: string;
  /** One sentence under the title: what will be tagged. */
  description: string;
  frameworks: readonly Framework[];
  /** Tags ticked when the picker opens. */
  initial: readonly EvidenceTag[];
  /** The button that applies the choice. */
  applyLabel: string;
  /** Whether applying with nothing ticked is allowed (clearing a whole week's tags). */
  allowNone: boolean;
  onApply(tags: EvidenceTag[]): void;
  onClose(): void;
}

interface Choice {
  key: TagKey;
  tag: EvidenceTag;
  code: string;
  text: string;
  level: 'outcome' | 'criterion';
  /** Lower-case words searched by the filter. */
  haystack: string;
}

function choicesOf(framework: Framework, frameworks: readonly Framework[]): Choice[] {
  return tagsOffered(framework).map((tag) => {
    const outcome = framework.outcomes.find((candidate) => candidate.id === tag.outcome);
    const criterion = tag.criterion === null ? null : (outcome?.criteria.find((candidate) => candidate.id === tag.criterion) ?? null);
    const code = criterion ? criterion.code : (outcome?.code ?? '');
    const text = criterion ? criterion.text : (outcome?.title ?? '');
    return { key: tagKey(tag), tag, code, text, level: criterion ? 'criterion' : 'outcome', haystack: `${tagLabel(frameworks, tag).label} ${frameworkDisplayName(framework)}`.toLowerCase() };
  });
}

/**
 * A modal list of every outcome and criterion in the active frameworks, filtered as you type (by
 * code or words), ticked with Space and applied with Enter. Esc closes it without changing anything.
 */
export function TagPicker({ title, description, frameworks, initial, applyLabel, allowNone, onApply, onClose }: TagPickerProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const filterInput = useRef<HTMLInputElement>(null);
  const [filter, setFilter] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<TagKey>>(() => new Set(initial.map(tagKey)));
  const [problem, setProblem] = useState<string | null>(null);
  const ids = useId();
  const active = useMemo(() => frameworks.filter((framework) => !framework.archived), [frameworks]);
  const groups = useMemo(() => active.map((framework) => ({ framework, choices: choicesOf(framework, frameworks) })), [active, frameworks]);
  const words = filter.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const visible = groups
    .map((group) => ({ ...group, choices: group.choices.filter((choice) => words.every((word) => choice.haystack.includes(word))) }))
    .filter((group) => group.choices.length > 0);
  const visibleCount = visible.reduce((total, group) => total + group.choices.length, 0);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (!element.open) element.showModal();
    filterInput.current?.focus();
  }, []);

  /** Leaves the modal state first, so focus can go back to the page (it is inert while the dialog is modal). */
  const close = () => {
    dialog.current?.close();
    onClose();
  };

  const toggle = (key: TagKey) => {
    setProblem(null);
    setChosen((previous) => {
      const next = new Set(previous);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  };

  /** Leaves the modal state, then hands over the ticked tags. */
  const applyKeys = (keys: Iterable<TagKey>) => {
    const tags = [...keys].map(parseTagKey).filter((tag): tag is EvidenceTag => tag !== null);
    dialog.current?.close();
    onApply(tags);
  };

  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (chosen.size === 0 && !allowNone) {
      setProblem('Tick at least one outcome or criterion.');
      return;
    }
    applyKeys(chosen);
  };

  const chosenCodes = [...chosen].map((key) => {
    const tag = parseTagKey(key);
    return tag ? tagLabel(frameworks, tag).code : key;
  });

  return (
    <dialog
      ref={dialog}
      className="tag-picker"
      aria-labelledby={`${ids}-title`}
      aria-describedby={`${ids}-description`}
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
      // Esc closes at once, even from the filter box (where it would otherwise first clear the text).
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        close();
      }}
      data-testid="tag-picker"
    >
      <form onSubmit={apply} className="tag-picker__form">
        <h2 id={`${ids}-title`}>{title}</h2>
        <p id={`${ids}-description`} className="muted">
          {description}
        </p>
        {active.length === 0 ? (
          <p className="tag-picker__empty">
            There are no frameworks to tag against yet. Add a built-in framework or create your unit on the <a href={routeHash({ view: 'frameworks', frameworkId: null })}>Frameworks page</a>.
          </p>
        ) : (
          <>
            <label htmlFor={`${ids}-filter`} className="tag-picker__filter-label">
              Filter outcomes
            </label>
            <input
              id={`${ids}-filter`}
              ref={filterInput}
              type="search"
              className="tag-picker__filter"
              value={filter}
              placeholder="Type a code such as LO3, or some words"
              autoComplete="off"
              aria-describedby={`${ids}-count`}
              onChange={(event) => setFilter(event.target.value)}
              onKeyDown={(event) => {
                // Type a code, press Enter: with one match left, Enter ticks it (if it is not ticked) and applies.
                if (event.key !== 'Enter' || visibleCount !== 1) return;
                const only = visible[0]?.choices[0];
                if (!only || chosen.has(only.key)) return;
                event.preventDefault();
                applyKeys([...chosen, only.key]);
              }}
            />
            <p id={`${ids}-count`} className="visually-hidden" aria-live="polite">
              {visibleCount === 1 ? '1 match: press Enter to use it.' : `${visibleCount} matches.`}
            </p>
            <div className="tag-picker__list" data-testid="tag-picker-list">
              {visible.length === 0 ? <p className="muted">Nothing matches “{filter.trim()}”.</p> : null}
              {visible.map(({ framework, choices }) => (
                <fieldset key={framework.id} className="tag-picker__group">
                  <legend>{frameworkDisplayName(framework)}</legend>
                  <ul>
                    {choices.map((choice) => (
                      <li key={choice.key} className={`tag-picker__choice tag-picker__choice--${choice.level}`}>
                        <label>
                          <input type="checkbox" checked={chosen.has(choice.key)} onChange={() => toggle(choice.key)} data-tag={choice.key} />
                          <span className="tag-picker__code">{choice.level === 'criterion' ? `${tagLabel(frameworks, choice.tag).code}` : choice.code}</span>{' '}
                          <span className="tag-picker__text">{choice.text}</span>
                        </label>
                      </li>
                    ))}
                  </ul>
                </fieldset>
              ))}
            </div>
          </>
        )}
        <p className="tag-picker__chosen" aria-live="polite">
          {chosen.size === 0 ? 'Nothing ticked.' : `Ticked: ${chosenCodes.join(', ')}.`}
        </p>
        {problem ? (
          <p className="field__problem" role="alert">
            {problem}
          </p>
        ) : null}
        <div className="tag-picker__actions">
          {active.length > 0 ? (
            <button type="submit" className="button">
              {applyLabel}
            </button>
          ) : null}
          <button type="button" className="button button--quiet" onClick={close}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
