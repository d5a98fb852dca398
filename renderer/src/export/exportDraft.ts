import type { TimelineReflection } from '../../../shared/api/contract.js';
import { type CalendarDate, formatUkDate, isCalendarDate, shiftWeeks } from '../../../shared/dates/weeks.js';
import type { ExportOptions, ExportPackKind, exportLimits } from '../../../shared/export/exportOptions.js';
import type { Framework } from '../../../shared/frameworks/framework.js';
import { quickPeriod } from '../cpd/cpdPeriod.js';

/**
 * What the Export screen's fields hold, as typed: dates as the date fields give them ('' when
 * empty or half typed), the word limit as text. Every pack's choices are kept while another is
 * shown, so switching packs loses nothing.
 */
export interface ExportDraft {
  pack: ExportPackKind;
  /** The writer's name, shared by every pack. */
  name: string;
  weeks: { from: string; to: string };
  assignment: {
    /** '' until one is chosen: the first framework in use is then offered. */
    frameworkId: string;
    from: string;
    to: string;
    course: string;
    submissionDate: string;
    wordLimit: string;
    /** By outcome id. */
    commentary: Record<string, string>;
    references: string;
  };
  appraisal: { from: string; to: string; role: string; registration: string };
  /** '' until one is chosen: the newest reflection is then offered. */
  reflection: { entryId: string };
  /** `frameworkId` '' for every framework signed against; dates '' for no limit on that side. */
  feedback: { frameworkId: string; from: string; to: string; includeResolved: boolean };
}

/** The back end's limits (exportLimits), here as numbers so the page does not load its schemas; the type keeps them equal. */
const limits: typeof exportLimits = { name: 200, course: 300, commentary: 20_000, references: 50_000, maxWordLimit: 1_000_000 };
const registrationLimit = 50;

/** Weekly logs: the twelve weeks ending with this one. */
export function lastTwelveWeeks(thisWeek: CalendarDate): { from: CalendarDate; to: CalendarDate } {
  return { from: shiftWeeks(thisWeek, -11), to: thisWeek };
}

export function defaultExportDraft(today: CalendarDate, thisWeek: CalendarDate): ExportDraft {
  const year = quickPeriod('last-12-months', today);
  return {
    pack: 'weeks',
    name: '',
    weeks: lastTwelveWeeks(thisWeek),
    assignment: { frameworkId: '', from: '', to: '', course: '', submissionDate: '', wordLimit: '', commentary: {}, references: '' },
    appraisal: { from: year.from ?? '', to: year.to ?? today, role: '', registration: '' },
    reflection: { entryId: '' },
    feedback: { frameworkId: '', from: '', to: '', includeResolved: true },
  };
}

/** An address such as `#/export/weeks/2019-10-07` chooses the pack and the week, framework or reflection. */
export function withPreselection(draft: ExportDraft, pack: ExportPackKind | null, subject: string | null): ExportDraft {
  if (pack === null) return draft;
  if (subject === null) return { ...draft, pack };
  switch (pack) {
    case 'weeks':
      return { ...draft, pack, weeks: { from: subject, to: subject } };
    case 'assignment':
      return { ...draft, pack, assignment: { ...draft.assignment, frameworkId: subject } };
    case 'reflection':
      return { ...draft, pack, reflection: { entryId: subject } };
    case 'appraisal':
      return { ...draft, pack };
    case 'feedback':
      return { ...draft, pack, feedback: { ...draft.feedback, frameworkId: subject } };
  }
}

/** The framework offered: the one chosen if it is still there, else the first not archived. */
export function offeredFramework(frameworks: readonly Framework[], chosenId: string): Framework | null {
  return frameworks.find((framework) => framework.id === chosenId) ?? frameworks.find((framework) => !framework.archived) ?? null;
}

/** The framework the feedback pack is limited to: the one chosen if it is still there, else null (every framework). */
export function feedbackFramework(frameworks: readonly Framework[], chosenId: string): Framework | null {
  return chosenId === '' ? null : (frameworks.find((framework) => framework.id === chosenId) ?? null);
}

/** Reflections newest first, as the Export screen lists them. */
export function reflectionsNewestFirst(reflections: Iterable<TimelineReflection>): TimelineReflection[] {
  return [...reflections].sort((a, b) => (a.date === b.date ? 0 : a.date < b.date ? 1 : -1));
}

/** The reflection offered: the one chosen if it is still there, else the newest. */
export function offeredReflection(newestFirst: readonly TimelineReflection[], chosenId: string): TimelineReflection | null {
  return newestFirst.find((reflection) => reflection.entryId === chosenId) ?? newestFirst[0] ?? null;
}

/** Field names a problem can belong to: `from`, `to`, `name`, `commentary:<outcome id>`… */
export type DraftProblems = ReadonlyMap<string, string>;

export interface ReadDraft {
  /** What to ask the back end for; null while a field has a problem. */
  options: ExportOptions | null;
  problems: DraftProblems;
}

/** Whole words, as a person writes a limit: "3000", "3,000" or "3 000"; null for none, or why it cannot be read. */
export function readWordLimit(text: string): number | null | string {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const digits = trimmed.replace(/[,\s]/g, '');
  if (!/^\d+$/.test(digits)) return 'Give the word limit as a whole number of words, such as 3000, or leave it empty.';
  const limit = Number(digits);
  if (limit < 1) return 'A word limit must be at least 1 word.';
  if (limit > limits.maxWordLimit) return `A word limit can be at most ${limits.maxWordLimit.toLocaleString('en-GB')} words.`;
  return limit;
}

/**
 * The options the shown pack asks for, or the problems stopping them: a missing or backwards
 * date, an unreadable word limit, text longer than the back end keeps. `framework` and
 * `reflection` are the ones offered (see offeredFramework, offeredReflection).
 */
export function readExportDraft(draft: ExportDraft, offered: { framework: Framework | null; reflection: TimelineReflection | null; feedbackFramework?: Framework | null }): ReadDraft {
  const problems = new Map<string, string>();
  const note = (field: string, problem: string | null) => {
    if (problem !== null && !problems.has(field)) problems.set(field, problem);
  };
  const tooLong = (field: string, value: string, limit: number) =>
    note(field, value.length > limit ? `Keep this to ${limit.toLocaleString('en-GB')} characters or fewer (it has ${value.length.toLocaleString('en-GB')}).` : null);
  /** A date field's value: null when left empty (and allowed to be). */
  const date = (field: string, value: string, required: boolean): CalendarDate | null => {
    if (isCalendarDate(value)) return value;
    if (value === '' && !required) return null;
    note(field, value === '' && required ? 'Enter a date: day, month and year.' : 'Enter the whole date: day, month and year.');
    return null;
  };
  const inOrder = (from: CalendarDate | null, to: CalendarDate | null) => {
    if (from !== null && to !== null && from > to) note('to', `This is before the first date: choose ${formatUkDate(from)} or later.`);
  };
  const name = draft.name.trim();
  tooLong('name', name, limits.name);
  const finish = (options: ExportOptions): ReadDraft => ({ options: problems.size === 0 ? options : null, problems });

  switch (draft.pack) {
    case 'weeks': {
      const from = date('from', draft.weeks.from, true);
      const to = date('to', draft.weeks.to, true);
      inOrder(from, to);
      return finish({ pack: 'weeks', from: from ?? '', to: to ?? '', name });
    }
    case 'appraisal': {
      const { role, registration } = draft.appraisal;
      const from = date('from', draft.appraisal.from, true);
      const to = date('to', draft.appraisal.to, true);
      inOrder(from, to);
      tooLong('role', role.trim(), limits.name);
      tooLong('registration', registration.trim(), registrationLimit);
      return finish({ pack: 'appraisal', from: from ?? '', to: to ?? '', name, role: role.trim(), registration: registration.trim() });
    }
    case 'reflection':
      if (!offered.reflection) note('entryId', 'There is no reflection to export yet.');
      return finish({ pack: 'reflection', entryId: offered.reflection?.entryId ?? '', name });
    case 'feedback': {
      const from = date('from', draft.feedback.from, false);
      const to = date('to', draft.feedback.to, false);
      inOrder(from, to);
      return finish({ pack: 'feedback', frameworkId: offered.feedbackFramework?.id ?? null, from, to, includeResolved: draft.feedback.includeResolved, name });
    }
    case 'assignment': {
      const { framework } = offered;
      const choices = draft.assignment;
      if (!framework) note('frameworkId', 'Add a framework first.');
      const from = date('from', choices.from, false);
      const to = date('to', choices.to, false);
      inOrder(from, to);
      const submissionDate = date('submissionDate', choices.submissionDate, false);
      const course = choices.course.trim();
      tooLong('course', course, limits.course);
      const wordLimit = readWordLimit(choices.wordLimit);
      if (typeof wordLimit === 'string') note('wordLimit', wordLimit);
      const commentary: Record<string, string> = {};
      for (const outcome of framework?.outcomes.filter((candidate) => !candidate.archived) ?? []) {
        const text = choices.commentary[outcome.id]?.trim() ?? '';
        tooLong(`commentary:${outcome.id}`, text, limits.commentary);
        if (text !== '') commentary[outcome.id] = text;
      }
      tooLong('references', choices.references, limits.references);
      return finish({
        pack: 'assignment',
        frameworkId: framework?.id ?? '',
        from,
        to,
        name,
        course,
        submissionDate,
        wordLimit: typeof wordLimit === 'number' ? wordLimit : null,
        commentary,
        references: choices.references.trim(),
      });
    }
  }
}

const remembered = new WeakMap<object, ExportDraft>();

/** The choices last made on the Export screen in this window, so leaving it and coming back keeps them. */
export function rememberedExportDraft(session: object): ExportDraft | null {
  return remembered.get(session) ?? null;
}

export function rememberExportDraft(session: object, draft: ExportDraft): void {
  remembered.set(session, draft);
}
