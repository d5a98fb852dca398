const focusableSelector = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[contenteditable="true"]',
  '[tabindex]',
].join(', ');

/** The first element after `element` (not inside it) that Tab would reach. */
export function nextFocusableAfter(element: HTMLElement): HTMLElement | null {
  for (const candidate of element.ownerDocument.querySelectorAll<HTMLElement>(focusableSelector)) {
    if (element.contains(candidate) || candidate.tabIndex < 0) continue;
    if (!(element.compareDocumentPosition(candidate) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
    if (candidate.getClientRects().length === 0) continue;
    return candidate;
  }
  return null;
}
