import { format, isValid } from 'date-fns';
import { enGB } from 'date-fns/locale/en-GB';
import type { ReviewEntryListing } from '../../../shared/api/contract.js';
import { formatUkDate } from '../../../shared/dates/weeks.js';
import type { SentState } from '../../../shared/share/review.js';
import { isApplePlatform } from '../format/keyboardShortcutText.js';

/** The words the mentor sees for whether a comment or sign-off has gone in a feedback file. */
export const sentStateLabels: Record<SentState, string> = {
  'not-sent': 'Not sent yet',
  sent: 'Sent',
  'changed-since-sent': 'Changed since sent',
};

/** "Jo Bloggs’s portfolio". */
export function possessive(name: string): string {
  return `${name}’s`;
}

/** "23 November 2026 at 14:05", local time. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return isValid(date) ? format(date, "d MMMM yyyy 'at' HH:mm", { locale: enGB }) : iso;
}

/** "23 November 2026", from a time. */
export function formatDayOf(iso: string): string {
  const date = new Date(iso);
  return isValid(date) ? format(date, 'd MMMM yyyy', { locale: enGB }) : iso;
}

/** "Week commencing 7 October 2019": how the review names a week. */
export function weekName(weekStart: string): string {
  return `Week commencing ${formatUkDate(weekStart)}`;
}

/** "Week commencing 7 October 2019" for a weekly log, "“Handover at night”" for a reflection. */
export function entryName(entry: Pick<ReviewEntryListing, 'kind' | 'weekStart' | 'title'>): string {
  return entry.kind === 'weekly-log' ? weekName(entry.weekStart) : `“${entry.title || 'Untitled reflection'}”`;
}

/** A comment's passage cut short for a list ("…" where it was cut). */
export function shortQuote(quote: string, limit = 160): string {
  const oneLine = quote.replace(/\s+/g, ' ').trim();
  if (oneLine.length <= limit) return oneLine;
  const cut = oneLine.slice(0, limit);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > limit / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

/** Mod-Alt-m, for commenting on the selected words, as aria-keyshortcuts wants it and as people read it. */
export function commentShortcut(): { aria: string; shown: string } {
  return isApplePlatform() ? { aria: 'Meta+Alt+M', shown: '⌘⌥M' } : { aria: 'Control+Alt+M', shown: 'Ctrl+Alt+M' };
}
