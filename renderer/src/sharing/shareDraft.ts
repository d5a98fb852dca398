import type { TimelineReflection, TimelineWeek } from '../../../shared/api/contract.js';
import { type CalendarDate, formatUkDate, isCalendarDate, shiftWeeks } from '../../../shared/dates/weeks.js';
import type { Framework } from '../../../shared/frameworks/framework.js';
import type { ShareSelection, sharingLimits } from '../../../shared/share/sharing.js';

export type ShareKind = ShareSelection['kind'];

export const shareKinds: readonly ShareKind[] = ['range', 'framework', 'entries'];

/**
 * What the "Share with a mentor" form holds, as typed: dates as the date fields give them ('' when
 * empty or half typed). Every choice's fields are kept while another is shown.
 */
export interface ShareDraft {
  kind: ShareKind;
  range: { from: string; to: string };
  /** frameworkId is '' until one is chosen: the first framework in use is then offered. */
  framework: { frameworkId: string; from: string; to: string };
  /** Picked entries as pick keys (see pickKey), in the order they were ticked. */
  picked: string[];
  name: string;
  passphrase: string;
  passphraseAgain: string;
}

/** The back end's limits (sharingLimits), here as numbers so the page does not load its schemas; the type keeps them equal. */
const limits: Pick<typeof sharingLimits, 'personName' | 'passphraseMin' | 'passphraseMax' | 'entries'> = { personName: 200, passphraseMin: 8, passphraseMax: 1_024, entries: 5_000 };

export const passphraseMinimum = limits.passphraseMin;

/** The entries written in the twelve weeks ending with this one. */
export function lastTwelveWeeksToToday(thisWeek: CalendarDate, today: CalendarDate): { from: CalendarDate; to: CalendarDate } {
  return { from: shiftWeeks(thisWeek, -11), to: today };
}

export function defaultShareDraft(thisWeek: CalendarDate, today: CalendarDate, name: string): ShareDraft {
  return {
    kind: 'range',
    range: lastTwelveWeeksToToday(thisWeek, today),
    framework: { frameworkId: '', from: '', to: '' },
    picked: [],
    name,
    passphrase: '',
    passphraseAgain: '',
  };
}

/** A weekly log is picked by its week (the timeline does not name its entry); a reflection by its id. */
export type PickedEntry = { kind: 'week'; weekStart: CalendarDate } | { kind: 'reflection'; entryId: string };

export function pickKey(picked: PickedEntry): string {
  return picked.kind === 'week' ? `week:${picked.weekStart}` : `reflection:${picked.entryId}`;
}

export function readPickKey(key: string): PickedEntry | null {
  const [kind, value] = key.split(':', 2);
  if (kind === 'week' && value !== undefined && isCalendarDate(value)) return { kind: 'week', weekStart: value };
  if (kind === 'reflection' && value) return { kind: 'reflection', entryId: value };
  return null;
}

/** One line of the list of entries to pick from. */
export interface PickableEntry {
  key: string;
  kind: 'week' | 'reflection';
  /** The week it is listed under. */
  weekStart: CalendarDate;
  /** The day it is about: a weekly log's Monday, a reflection's date. */
  date: CalendarDate;
  /** "Week commencing Monday 7 October 2019" or the reflection's title. */
  name: string;
  /** "Weekly log · 320 words", "Reflection · 2 October 2019 · Gibbs' reflective cycle · 410 words". */
  details: string;
}

const words = (count: number) => `${count.toLocaleString('en-GB')} ${count === 1 ? 'word' : 'words'}`;

/** Weekly logs and reflections, newest week first; in each week its log, then its reflections newest first. */
export function pickableEntries(weeks: Iterable<TimelineWeek>, reflections: Iterable<TimelineReflection>, describeWeek: (weekStart: CalendarDate) => string): PickableEntry[] {
  const listed: PickableEntry[] = [];
  for (const week of weeks) {
    listed.push({ key: pickKey({ kind: 'week', weekStart: week.weekStart }), kind: 'week', weekStart: week.weekStart, date: week.weekStart, name: describeWeek(week.weekStart), details: `Weekly log · ${words(week.words)}` });
  }
  for (const reflection of reflections) {
    listed.push({
      key: pickKey({ kind: 'reflection', entryId: reflection.entryId }),
      kind: 'reflection',
      weekStart: reflection.weekStart,
      date: reflection.date,
      name: reflection.title.trim() || 'Untitled reflection',
      details: `Reflection · ${formatUkDate(reflection.date)} · ${reflection.templateName} · ${words(reflection.words)}`,
    });
  }
  const newestFirst = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);
  return listed.sort((a, b) => newestFirst(a.weekStart, b.weekStart) || (a.kind === b.kind ? newestFirst(a.date, b.date) : a.kind === 'week' ? -1 : 1));
}

/** Field names a problem can belong to: `from`, `to`, `frameworkId`, `picked`, `name`, `passphrase`, `passphraseAgain`. */
export type ShareProblems = ReadonlyMap<string, string>;

export interface ReadShareDraft {
  /** What to preview and share; null while a field has a problem or picked weeks are still being looked up. */
  selection: ShareSelection | null;
  problems: ShareProblems;
  /** Why there is no selection yet although nothing is wrong (picked weeks being looked up). */
  waiting: string | null;
}

/**
 * What the form asks to share, or the problems stopping it. `framework` is the one offered;
 * `weekEntryIds` the entry ids of picked weeks looked up so far.
 */
export function readShareSelection(draft: ShareDraft, framework: Framework | null, weekEntryIds: ReadonlyMap<CalendarDate, string | null>): ReadShareDraft {
  const problems = new Map<string, string>();
  const note = (field: string, problem: string) => {
    if (!problems.has(field)) problems.set(field, problem);
  };
  const date = (field: string, value: string, required: boolean): CalendarDate | null => {
    if (isCalendarDate(value)) return value;
    if (value === '' && !required) return null;
    note(field, value === '' ? 'Enter a date: day, month and year.' : 'Enter the whole date: day, month and year.');
    return null;
  };
  const inOrder = (from: CalendarDate | null, to: CalendarDate | null) => {
    if (from !== null && to !== null && from > to) note('to', `This is before the first date: choose ${formatUkDate(from)} or later.`);
  };
  const finish = (selection: ShareSelection | null, waiting: string | null = null): ReadShareDraft => ({ selection: problems.size === 0 && waiting === null ? selection : null, problems, waiting });

  switch (draft.kind) {
    case 'range': {
      const from = date('from', draft.range.from, true);
      const to = date('to', draft.range.to, true);
      inOrder(from, to);
      return finish(from !== null && to !== null ? { kind: 'range', from, to } : null);
    }
    case 'framework': {
      if (!framework) note('frameworkId', 'Add a framework first, then tag passages as evidence for it.');
      const from = date('from', draft.framework.from, false);
      const to = date('to', draft.framework.to, false);
      inOrder(from, to);
      return finish(framework ? { kind: 'framework', frameworkId: framework.id, from, to } : null);
    }
    case 'entries': {
      const picked = draft.picked.map(readPickKey).filter((entry) => entry !== null);
      // Nothing ticked yet is where picking starts, not a mistake.
      if (picked.length === 0) return finish(null, 'Tick the weekly logs and reflections to share.');
      if (picked.length > limits.entries) note('picked', `A share file can hold at most ${limits.entries.toLocaleString('en-GB')} entries.`);
      const entryIds: string[] = [];
      let lookingUp = false;
      for (const entry of picked) {
        if (entry.kind === 'reflection') {
          entryIds.push(entry.entryId);
          continue;
        }
        const entryId = weekEntryIds.get(entry.weekStart);
        if (entryId === undefined) lookingUp = true;
        else if (entryId !== null) entryIds.push(entryId);
      }
      if (!lookingUp && entryIds.length === 0) note('picked', 'The weeks ticked have no weekly log any more: tick others.');
      return finish({ kind: 'entries', entryIds }, lookingUp ? 'Finding the weekly logs you ticked…' : null);
    }
  }
}

/** Problems with the name and passphrase, which only saving needs. */
export function readSaveFields(draft: ShareDraft): { authorName: string; passphrase: string | null; problems: ShareProblems } {
  const problems = new Map<string, string>();
  const authorName = draft.name.trim();
  if (authorName === '') problems.set('name', 'Give your name: your mentor sees it on the file and on their feedback.');
  else if (authorName.length > limits.personName) problems.set('name', `Keep your name to ${limits.personName} characters or fewer.`);
  const { passphrase, passphraseAgain } = draft;
  for (const [field, problem] of passphraseProblems(passphrase, passphraseAgain)) problems.set(field, problem);
  return { authorName, passphrase: passphrase === '' ? null : passphrase, problems };
}

/** What is wrong with an optional passphrase typed twice (both empty: none wanted), by field. */
export function passphraseProblems(passphrase: string, again: string): Map<'passphrase' | 'passphraseAgain', string> {
  const problems = new Map<'passphrase' | 'passphraseAgain', string>();
  if (passphrase === '' && again !== '') problems.set('passphrase', 'Type the passphrase here too, or clear the box below to save the file without one.');
  else if (passphrase !== '' && passphrase.length < limits.passphraseMin) problems.set('passphrase', `A passphrase needs at least ${limits.passphraseMin} characters; a few words are easiest to say over the phone.`);
  else if (passphrase.length > limits.passphraseMax) problems.set('passphrase', `A passphrase can be at most ${limits.passphraseMax.toLocaleString('en-GB')} characters.`);
  else if (passphrase !== '' && again !== passphrase) problems.set('passphraseAgain', 'The two passphrases are not the same: type it again.');
  return problems;
}

/** The offered framework: the one chosen if it is still there, else the first not archived. */
export function offeredShareFramework(frameworks: readonly Framework[], chosenId: string): Framework | null {
  return frameworks.find((framework) => framework.id === chosenId) ?? frameworks.find((framework) => !framework.archived) ?? null;
}

const remembered = new WeakMap<object, ShareDraft>();

/** The choices last made on the Sharing page in this window, without the passphrase (it is never kept). */
export function rememberedShareDraft(session: object): ShareDraft | null {
  return remembered.get(session) ?? null;
}

export function rememberShareDraft(session: object, draft: ShareDraft): void {
  remembered.set(session, { ...draft, passphrase: '', passphraseAgain: '' });
}
