import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { EntryView, TemplatesOverview } from '../../../shared/api/contract.js';
import type { Template } from '../../../shared/templates/template.js';
import { useSession } from '../session/SessionContext.js';
import { TemplateChoice } from './TemplateChoice.js';

interface SwitchTemplateProps {
  entryId: string;
  current: Template;
  /** Waits for text still being saved, so the switch moves every word; false when some could not be saved. */
  beforeSwitch(): Promise<boolean>;
  onSwitched(view: EntryView, message: string): void;
}

/** "Change template": a dialog listing the other templates; switching moves the text and loses none. */
export function SwitchTemplate({ entryId, current, beforeSwitch, onSwitched }: SwitchTemplateProps) {
  const session = useSession();
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [templates, setTemplates] = useState<TemplatesOverview | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    dialog.current?.showModal();
    let cancelled = false;
    void session.client.call('templates.list', {}).then((result) => {
      if (cancelled) return;
      if (result.ok) setTemplates(result.value);
      else setProblem(result.error.message);
    });
    return () => {
      cancelled = true;
    };
  }, [open, session]);

  const close = () => {
    // A switch on its way cannot be called back: the dialog stays until it is done.
    if (busy) return;
    dialog.current?.close();
    setOpen(false);
    setChosen(null);
    setProblem(null);
    opener.current?.focus();
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (chosen === null) {
      setProblem('Choose the template to switch to.');
      return;
    }
    setBusy(true);
    if (!(await beforeSwitch())) {
      setBusy(false);
      setProblem('Not switched: your latest words are not saved yet (see the save state at the top). Try again once they are saved.');
      return;
    }
    const result = await session.client.call('entry.switchTemplate', { entryId, templateId: chosen });
    setBusy(false);
    if (!result.ok) {
      setProblem(result.error.message);
      return;
    }
    const { moved, usedOtherNotes, ...view } = result.value;
    const parts = [`Switched to ${view.template.name}. No text was lost.`];
    if (moved.length > 0) parts.push(`Text moved into: ${moved.join(', ')}.`);
    if (usedOtherNotes) parts.push('Text with no matching section is in Other notes at the end.');
    dialog.current?.close();
    setOpen(false);
    setChosen(null);
    onSwitched(view, parts.join(' '));
    opener.current?.focus();
  };

  return (
    <>
      <button ref={opener} type="button" className="button button--quiet" onClick={() => setOpen(true)} data-testid="change-template">
        Change template
      </button>
      {open ? (
        <dialog ref={dialog} className="dialog switch-template" aria-labelledby="switch-template-title" onCancel={(event) => (event.preventDefault(), close())}>
          <form onSubmit={(event) => void submit(event)}>
            <h2 id="switch-template-title">Change template</h2>
            <p>
              Now written with <strong>{current.name}</strong>. Text moves to the closest section of the new template; anything without a match is kept in
              Other notes.
            </p>
            {templates ? (
              <TemplateChoice legend="Switch to" builtIns={templates.builtIns} custom={templates.custom} chosen={chosen} onChoose={setChosen} exclude={current.id} />
            ) : (
              <p className="muted">Reading the templates…</p>
            )}
            {problem ? (
              <p className="notice notice--error" role="alert">
                {problem}
              </p>
            ) : null}
            <div className="form-actions">
              <button type="submit" className="button button--primary" disabled={busy || templates === null}>
                {busy ? 'Switching…' : 'Switch template'}
              </button>
              <button type="button" className="button" onClick={close} disabled={busy}>
                Cancel
              </button>
            </div>
          </form>
        </dialog>
      ) : null}
    </>
  );
}
