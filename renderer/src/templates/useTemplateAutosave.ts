import { useEffect, useRef, useState } from 'react';
import type { Template } from '../../../shared/templates/template.js';
import { worthRetrying } from '../frameworks/useFrameworkAutosave.js';
import { useSession } from '../session/SessionContext.js';
import { templateToSend } from './templateDraft.js';
import { unsavedTemplates } from './unsavedTemplates.js';

export type TemplateSaveState = { kind: 'saved' } | { kind: 'saving' } | { kind: 'retrying'; message: string } | { kind: 'refused'; message: string };

export function templateWriteKey(templateId: string): string {
  return `template:${templateId}`;
}

interface Autosave {
  draft: Template;
  /** False while the draft has problems: it is kept in the page and not sent. */
  canSend: boolean;
  /** The draft opened holds changes the back end does not have yet: send it once it can be. */
  unsavedAtOpen: boolean;
  onSaved: (saved: Template) => void;
}

/**
 * Saves the whole template like the rest of the app: through the page's one write queue, about
 * 0.6 s after the last change, retried if the back end cannot be reached, and sent at once when the
 * editor closes. The back end decides whether a save becomes a new version.
 */
export function useTemplateAutosave({ draft, canSend, unsavedAtOpen, onSaved }: Autosave): TemplateSaveState {
  const session = useSession();
  const [state, setState] = useState<TemplateSaveState>({ kind: 'saved' });
  const opened = useRef<Template | null>(unsavedAtOpen ? null : draft);
  const savedCallback = useRef(onSaved);

  useEffect(() => {
    savedCallback.current = onSaved;
  });

  useEffect(() => {
    if (draft === opened.current) return;
    unsavedTemplates.keep(draft);
    const key = templateWriteKey(draft.id);
    if (!canSend) {
      session.saves.hold(key, 'A template has fields to fix before it can be saved.');
      return;
    }
    session.saves.release(key);
    setState({ kind: 'saving' });
    const argument = { template: templateToSend(draft) };
    session.saves.put(
      key,
      {
        kind: 'choice',
        run: async () => {
          const result = await session.client.call('templates.save', argument);
          const newerWaiting = session.saves.isWaiting(key);
          if (result.ok) {
            unsavedTemplates.settle(draft);
            savedCallback.current(result.value);
            if (!newerWaiting) setState({ kind: 'saved' });
            return { ok: true };
          }
          const { code, message } = result.error;
          const retry = worthRetrying(code);
          if (retry) setState({ kind: 'retrying', message });
          else if (!newerWaiting) setState({ kind: 'refused', message });
          return { ok: false, message, retry };
        },
        sendWhileClosing: session.closingSender('templates.save', argument),
      },
      'after-pause',
    );
  }, [session, draft, canSend]);

  // Leaving the editor sends what is waiting rather than letting it wait for the pause; a draft
  // that could not be sent stays listed on the Templates page as not saved.
  const draftId = draft.id;
  useEffect(
    () => () => {
      session.saves.release(templateWriteKey(draftId));
      void session.saves.flush();
    },
    [session, draftId],
  );

  return state;
}
