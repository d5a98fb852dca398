import { isApplePlatform } from '../format/keyboardShortcutText.js';

/**
 * Mod-Alt-p goes to the next possible identifier ("p" for privacy), in the app's Mod+Alt pattern
 * beside Ctrl+Alt+I (add idea) and Ctrl+Alt+M (comment). Alt+Shift+I was not used: Chrome on
 * Windows and Linux opens its feedback form with it, and on a Mac Option+Shift+I types a character.
 */
export function nextIdentifierShortcut(): { aria: string; shown: string } {
  return isApplePlatform() ? { aria: 'Meta+Alt+P', shown: '⌘⌥P' } : { aria: 'Control+Alt+P', shown: 'Ctrl+Alt+P' };
}

/** Whether a key press is that shortcut (by key position, so it works whatever Alt makes of the letter). */
export function isNextIdentifierShortcut(event: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'code'>): boolean {
  const mod = isApplePlatform() ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  return mod && event.altKey && !event.shiftKey && event.code === 'KeyP';
}
