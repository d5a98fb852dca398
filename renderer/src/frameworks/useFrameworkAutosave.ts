import { useEffect, useRef, useState } from 'react';
import type { ApiErrorCode } from '../../../shared/api/result.js';
import type { Framework } from '../../../shared/frameworks/framework.js';
import { useSession } from '../session/SessionContext.js';
import { unsavedFrameworks } from './unsavedFrameworks.js';

export type FrameworkSaveState =
  | { kind: 'saved' }
  | { kind: 'saving' }
  | { kind: 'retrying'; message: string }
  | { kind: 'refused'; message: string };

/** Answers the same framework would get again: the queue stops retrying them. */
const refusedForGood: ReadonlySet<ApiErrorCode> = new Set<ApiErrorCode>(['invalid-argument', 'not-found', 'unknown-operation', 'unauthorised']);

/** True when sending the same save again might work (the back end could not be reached or could not write). */
export function worthRetrying(code: ApiErrorCode): boolean {
  return !refusedForGood.has(code);
}

export function frameworkWriteKey(frameworkId: string): string {
  return `framework:${frameworkId}`;
}

interface Autosave {
  draft: Framework;
  /** False while the draft has problems: it is kept in the page and not sent. */
  canSend: boolean;
  /** The draft opened is not what the back end holds (a new unit, or changes left unsent): send it once it can be. */
  unsavedAtOpen: boolean;
  onSaved: (saved: Framework) => void;
  onRefused: (message: string) => void;
}

/**
 * Saves the whole framework like the rest of the app: through the page's one write queue, about
 * 0.6 s after the last change, retried if the back end cannot be reached, and sent at once when the
 * editor closes.
 */
export function useFrameworkAutosave({ draft, canSend, unsavedAtOpen, onSaved, onRefused }: Autosave): FrameworkSaveState {
  const session = useSession();
  const [state, setState] = useState<FrameworkSaveState>({ kind: 'saved' });
  const opened = useRef<Framework | null>(unsavedAtOpen ? null : draft);
  const callbacks = useRef({ onSaved, onRefused });

  useEffect(() => {
    callbacks.current = { onSaved, onRefused };
  });

  useEffect(() => {
    if (draft === opened.current) return;
    unsavedFrameworks.keep(draft);
    const key = frameworkWriteKey(draft.id);
    if (!canSend) {
      session.saves.hold(key, 'A framework has fields to fix before it can be saved.');
      return;
    }
    session.saves.release(key);
    setState({ kind: 'saving' });
    session.saves.put(
      key,
      {
        kind: 'choice',
        run: async () => {
          const result = await session.client.call('frameworks.save', { framework: draft });
          const newerWaiting = session.saves.isWaiting(key);
          if (result.ok) {
            unsavedFrameworks.settle(draft);
            callbacks.current.onSaved(result.value);
            if (!newerWaiting) setState({ kind: 'saved' });
            return { ok: true };
          }
          const { code, message } = result.error;
          const retry = worthRetrying(code);
          if (retry) setState({ kind: 'retrying', message });
          else if (!newerWaiting) {
            setState({ kind: 'refused', message });
            callbacks.current.onRefused(message);
          }
          return { ok: false, message, retry };
        },
        sendWhileClosing: session.closingSender('frameworks.save', { framework: draft }),
      },
      'after-pause',
    );
  }, [session, draft, canSend]);

  // Leaving the editor sends what is waiting rather than letting it wait for the pause; a draft
  // that could not be sent stays listed on the Frameworks page as not saved yet.
  const draftId = draft.id;
  useEffect(
    () => () => {
      session.saves.release(frameworkWriteKey(draftId));
      void session.saves.flush();
    },
    [session, draftId],
  );

  return state;
}
