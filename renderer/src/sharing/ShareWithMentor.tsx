import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { type CalendarDate, formatWeekCommencingLong, thisWeek as weekOf, todayAsCalendarDate } from '../../../shared/dates/weeks.js';
import { rememberedExportDraft } from '../export/exportDraft.js';
import { TextField } from '../frameworks/TextField.js';
import { formatFileSize } from '../format/formatFileSize.js';
import { useFrameworksSnapshot } from '../session/FrameworksStore.js';
import { useSession } from '../session/SessionContext.js';
import { EntryPicker } from './EntryPicker.js';
import { PassphraseFields } from './PassphraseFields.js';
import { type ShareSaveOutcome, saveShareFile } from './saveShareFile.js';
import {
  type ShareDraft,
  defaultShareDraft,
  offeredShareFramework,
  pickableEntries,
  readPickKey,
  readSaveFields,
  readShareSelection,
  rememberShareDraft,
  rememberedShareDraft,
} from './shareDraft.js';
import { ShareFrameworkOptions } from './ShareFrameworkOptions.js';
import { ShareKindChoice, shareKindLabel } from './ShareKindChoice.js';
import { SharePreviewPanel, nothingToShare } from './SharePreviewPanel.js';
import { ShareRangeOptions } from './ShareRangeOptions.js';
import { useSharePreview } from './useSharePreview.js';
import { useWeekEntryIds } from './useWeekEntryIds.js';
import { PrivacyCheckDialog } from '../privacy/PrivacyCheckDialog.js';

const heldBackMessage = 'Nothing was saved. Replace the possible identifiers (they are underlined in each entry), then save the share file again.';

type Saving = { state: 'idle' } | { state: 'saving' } | { state: 'done'; outcome: ShareSaveOutcome; encrypted: boolean };

export const sharedMessage = 'Share file saved. Send it to your mentor; when their feedback file comes back, import it below.';

/** The fields only saving checks, in the order the form shows them: the first with a problem gets focus. */
const fieldOrder: readonly [field: string, id: string][] = [
  ['name', 'share-name'],
  ['passphrase', 'share-passphrase'],
  ['passphraseAgain', 'share-passphrase-again'],
];

/**
 * Share with a mentor: what to share (a date range, a framework's evidence or picked entries), the
 * author's name and an optional passphrase, a preview of what the file will hold, and saving it.
 */
export function ShareWithMentor() {
  const session = useSession();
  const frameworks = useFrameworksSnapshot(session.frameworks);
  const timeline = useSyncExternalStore(session.timeline.subscribe, session.timeline.snapshot);
  const now = new Date();
  const today = todayAsCalendarDate(now);
  const thisWeek = weekOf(now);
  const [draft, setDraft] = useState<ShareDraft>(() => rememberedShareDraft(session) ?? defaultShareDraft(thisWeek, today, rememberedExportDraft(session)?.name.trim() ?? ''));
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState<Saving>({ state: 'idle' });
  /** Problems with the name and passphrase are shown once saving has been tried. */
  const [triedToSave, setTriedToSave] = useState(false);
  const saveButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    void session.frameworks.load();
    void session.timeline.load();
  }, [session]);

  useEffect(() => rememberShareDraft(session, draft), [session, draft]);

  const framework = offeredShareFramework(frameworks.frameworks, draft.framework.frameworkId);
  const pickedWeeks = useMemo(
    () => (draft.kind === 'entries' ? draft.picked.map(readPickKey).flatMap((picked) => (picked?.kind === 'week' ? [picked.weekStart] : [])) : []),
    [draft.kind, draft.picked],
  );
  const weekIds = useWeekEntryIds(pickedWeeks);
  const read = useMemo(() => readShareSelection(draft, framework, weekIds.ids), [draft, framework, weekIds.ids]);
  const listsLoaded = draft.kind === 'framework' ? frameworks.loaded : draft.kind === 'entries' ? timeline.loaded : true;
  const preview = useSharePreview(listsLoaded ? read.selection : null, attempt);
  const saveFields = readSaveFields(draft);

  const pickable = useMemo(() => pickableEntries(timeline.weeks.values(), timeline.reflections.values(), formatWeekCommencingLong), [timeline.weeks, timeline.reflections]);
  const written = useMemo(() => {
    const days = [...timeline.weeks.keys(), ...[...timeline.reflections.values()].map((reflection) => reflection.date)].sort();
    return days.length > 0 ? { first: days[0] as CalendarDate, last: days[days.length - 1] as CalendarDate } : null;
  }, [timeline.weeks, timeline.reflections]);

  const shown = preview.state === 'ready' ? preview.preview : null;
  const waiting = !listsLoaded
    ? 'Finding what there is to share…'
    : draft.kind === 'framework' && !framework
      ? 'There is no framework to share evidence for yet.'
      : (weekIds.problem ?? read.waiting ?? (read.problems.size > 0 ? 'Fix the choices marked first.' : null));
  const blockedBecause =
    saving.state === 'saving'
      ? null
      : preview.state !== 'ready'
        ? preview.state === 'loading'
          ? 'Counting what the file will hold…'
          : (waiting ?? 'Fix the choices marked first.')
        : shown && nothingToShare(shown)
          ? 'There is nothing to share with these choices.'
          : null;
  const problems = new Map([...read.problems, ...(triedToSave ? saveFields.problems : [])]);

  const change = (next: Partial<ShareDraft>) => {
    setDraft((current) => ({ ...current, ...next }));
    if (saving.state === 'done') setSaving({ state: 'idle' });
  };

  const save = async (confirmedFindings: string | null = null) => {
    if (saving.state === 'saving' || blockedBecause !== null || !read.selection) return;
    setTriedToSave(true);
    if (saveFields.problems.size > 0) {
      const first = fieldOrder.find(([field]) => saveFields.problems.has(field));
      if (first) document.getElementById(first[1])?.focus();
      return;
    }
    setSaving({ state: 'saving' });
    const outcome = await saveShareFile(session, { selection: read.selection, authorName: saveFields.authorName, passphrase: saveFields.passphrase, confirmedFindings });
    setSaving({ state: 'done', outcome, encrypted: saveFields.passphrase !== null });
    if (outcome.saved) {
      setTriedToSave(false);
      setDraft((current) => ({ ...current, passphrase: '', passphraseAgain: '' }));
    }
    if (!('check' in outcome)) saveButton.current?.focus();
  };

  const heldBack = () => {
    setSaving({ state: 'done', outcome: { saved: false, message: heldBackMessage }, encrypted: false });
    saveButton.current?.focus();
  };

  const label = shareKindLabel(draft.kind);
  return (
    <section className="sharing-part" aria-labelledby="share-heading">
      <h2 id="share-heading">Share with a mentor</h2>
      <p className="hint sharing-part__intro">
        Save a share file of the entries you choose and send it to your mentor, practice assessor or supervisor. They open it in Reflective Portfolio, where they can read it, comment
        and sign outcomes off, but cannot change your words.
      </p>
      <div className="export-layout">
        <form className="export-form" onSubmit={(event) => event.preventDefault()} aria-label="Share options">
          <ShareKindChoice chosen={draft.kind} onChoose={(kind) => change({ kind })} />
          <section className="export-options" aria-labelledby="share-options-heading">
            <h3 id="share-options-heading">{label}</h3>
            {draft.kind === 'range' ? (
              <ShareRangeOptions value={draft.range} onChange={(range) => change({ range })} problems={problems} thisWeek={thisWeek} today={today} written={written} />
            ) : null}
            {draft.kind === 'framework' ? (
              <ShareFrameworkOptions
                value={draft.framework}
                onChange={(chosen) => change({ framework: chosen })}
                problems={problems}
                frameworks={frameworks.frameworks}
                framework={framework}
                loaded={frameworks.loaded}
              />
            ) : null}
            {draft.kind === 'entries' ? (
              <EntryPicker entries={pickable} picked={draft.picked} onChange={(picked) => change({ picked })} problem={problems.get('picked') ?? null} loaded={timeline.loaded} />
            ) : null}
            <TextField
              id="share-name"
              label="Your name"
              hint="Your mentor sees it on the file and their feedback is addressed to it."
              value={draft.name}
              onChange={(name) => change({ name })}
              problem={problems.get('name') ?? null}
            />
            <PassphraseFields idPrefix="share" passphrase={draft.passphrase} again={draft.passphraseAgain} onChange={(passphrase, passphraseAgain) => change({ passphrase, passphraseAgain })} problems={problems} />
          </section>
        </form>
        <div className="export-side">
          <SharePreviewPanel preview={preview} waiting={waiting} authorName={draft.name} protectedByPassphrase={draft.passphrase !== ''} onRetry={() => setAttempt((count) => count + 1)} />
          <div className="export-actions">
            <button
              ref={saveButton}
              type="button"
              className="button button--primary export-actions__export"
              aria-disabled={blockedBecause !== null || saving.state === 'saving' ? true : undefined}
              aria-describedby={blockedBecause !== null ? 'share-blocked' : triedToSave && saveFields.problems.size > 0 ? 'share-fix-fields' : undefined}
              onClick={() => void save()}
            >
              Save share file
            </button>
            {blockedBecause !== null ? (
              <p id="share-blocked" className="export-actions__blocked" data-testid="share-blocked">
                {blockedBecause}
              </p>
            ) : null}
            {triedToSave && saveFields.problems.size > 0 && blockedBecause === null ? (
              <p id="share-fix-fields" className="export-actions__blocked">
                Fix the fields marked first: {[...saveFields.problems.keys()].map((field) => (field === 'name' ? 'your name' : 'the passphrase')).filter((item, index, all) => all.indexOf(item) === index).join(' and ')}.
              </p>
            ) : null}
            <div role="status" className="share-status" data-testid="share-status">
              {saving.state === 'saving' ? <p className="muted">Saving the share file…</p> : null}
              {saving.state === 'done' && saving.outcome.saved ? (
                <>
                  <p className="export-actions__status">{sharedMessage}</p>
                  <p className="hint">
                    Saved {saving.outcome.fileName} ({formatFileSize(saving.outcome.bytes)}){saving.encrypted ? ', encrypted with your passphrase' : ''}.
                  </p>
                </>
              ) : null}
            </div>
            {saving.state === 'done' && !saving.outcome.saved && 'message' in saving.outcome ? (
              <div className="notice notice--error" role="alert" data-testid="share-failed">
                <p>{saving.outcome.message}</p>
              </div>
            ) : null}
            {saving.state === 'done' && 'check' in saving.outcome ? (
              <PrivacyCheckDialog check={saving.outcome.check} what="share file" onConfirm={(fingerprint) => void save(fingerprint)} onCancel={heldBack} />
            ) : null}
          </div>
        </div>
      </div>
    </section>
  );
}

