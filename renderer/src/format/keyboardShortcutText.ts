/** True on Apple computers, where Mod means the Command key. */
export function isApplePlatform(): boolean {
  return /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}

/** Mod-Alt-i as aria-keyshortcuts wants it ("Control+Alt+I") and as people read it ("Ctrl+Alt+I"). */
export function addIdeaShortcut(): { aria: string; shown: string } {
  return isApplePlatform() ? { aria: 'Meta+Alt+I', shown: '⌘⌥I' } : { aria: 'Control+Alt+I', shown: 'Ctrl+Alt+I' };
}

/** Mod-Shift-e, for tagging the selected words as evidence. */
export function tagEvidenceShortcut(): { aria: string; shown: string } {
  return isApplePlatform() ? { aria: 'Meta+Shift+E', shown: '⌘⇧E' } : { aria: 'Control+Shift+E', shown: 'Ctrl+Shift+E' };
}
