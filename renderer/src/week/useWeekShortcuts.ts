import { useEffect, useRef } from 'react';

export interface WeekShortcutActions {
  previousWeek(): void;
  nextWeek(): void;
  thisWeek(): void;
  /** Ctrl+Alt+I when no editor took it (focus outside the text, or in the plans checklist). */
  addIdea(): void;
  /** Ctrl+Shift+E (⌘⇧E): tag the selected words as evidence. */
  tagEvidence(): void;
}

export const weekShortcuts = {
  previousWeek: { aria: 'Alt+PageUp', shown: 'Alt+Page Up' },
  nextWeek: { aria: 'Alt+PageDown', shown: 'Alt+Page Down' },
  thisWeek: { aria: 'Alt+T', shown: 'Alt+T' },
} as const;

/**
 * Week shortcuts work anywhere in the week view, even while typing: they are caught before the
 * editor sees the key.
 */
export function useWeekShortcuts(actions: WeekShortcutActions): void {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useEffect(() => {
    const onKeyDownFirst = (event: KeyboardEvent) => {
      // Nothing here while a dialog (the tag picker) is open: it belongs to the week on screen.
      if (document.querySelector('dialog[open]')) return;
      if ((event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey && event.code === 'KeyE' && !event.repeat) {
        event.preventDefault();
        event.stopPropagation();
        latest.current.tagEvidence();
        return;
      }
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.repeat) return;
      let action: (() => void) | null = null;
      if (event.key === 'PageUp') action = latest.current.previousWeek;
      else if (event.key === 'PageDown') action = latest.current.nextWeek;
      else if (event.code === 'KeyT') action = latest.current.thisWeek;
      if (!action) return;
      event.preventDefault();
      event.stopPropagation();
      action();
    };
    const onKeyDownLast = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !event.altKey || event.shiftKey || event.code !== 'KeyI') return;
      if (document.querySelector('dialog[open]')) return;
      if (!(event.ctrlKey || event.metaKey)) return;
      event.preventDefault();
      latest.current.addIdea();
    };
    window.addEventListener('keydown', onKeyDownFirst, { capture: true });
    window.addEventListener('keydown', onKeyDownLast);
    return () => {
      window.removeEventListener('keydown', onKeyDownFirst, { capture: true });
      window.removeEventListener('keydown', onKeyDownLast);
    };
  }, []);
}
