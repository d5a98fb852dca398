import { format, parseISO } from 'date-fns';
import { enGB } from 'date-fns/locale/en-GB';
import { type FileChild, Paragraph, TextRun } from 'docx';
import { type CalendarDate, formatUkDate, formatWeekCommencingShort } from '../dates/weeks.js';
import { type EditorDoc, plainText } from '../document/editorJson.js';
import { type EvidenceTag, type Framework, resolveTag } from '../frameworks/framework.js';
import type { Coverage, CoverageCell } from '../evidence/coverage.js';
import { numberIdeas } from '../ideas/ideaNumbering.js';
import { formatCpdDuration } from '../portfolio/cpdDuration.js';
import { weeklyLogsOnly } from '../portfolio/entrySummary.js';
import { type PlanToReview, plansToReviewByWeek } from '../plans/planReview.js';
import type { PortfolioData } from '../portfolio/portfolioData.js';
import { type CpdRecord, type EntryRecord, type EntrySections, cpdActivityTypeLabels, planReviewStatusLabels } from '../portfolio/weeklyLog.js';
import { otherNotesSection, type Template } from '../templates/template.js';
import { templateName, templateVersion } from '../templates/templateLibrary.js';
import { type WordContext, editorDocToWord } from './editorToWord.js';
import { ExportGap } from './exportGap.js';
import { type HeadingStyle, checkbox, gridTable, heading, labelled, wordStyleIds } from './wordStyles.js';

/** What every pack reads: the portfolio's index and the rich text of the entries it needs. */
export interface ExportSource {
  data: PortfolioData;
  /** Rich text by entry id, for every id `entriesToLoad` named. */
  bodies: ReadonlyMap<string, EntrySections>;
  now: Date;
}

export { ExportGap } from './exportGap.js';

export function sectionsOf(source: ExportSource, entry: EntryRecord): EntrySections {
  const sections = source.bodies.get(entry.id);
  if (!sections) throw new ExportGap(`The text of ${entryName(source.data, entry)} could not be read.`);
  return sections;
}

/** "7 Oct 2019", where a table has little room. */
export function shortDate(day: CalendarDate): string {
  return format(parseISO(day), 'd MMM yyyy', { locale: enGB });
}

/** What the footer says before the page number: "Sam Taylor — Weekly reflective logs". */
export function footerText(name: string, what: string): string {
  return name.trim() ? `${name.trim()} — ${what}` : what;
}

/** "Weekly log, w/c 7 Oct 2019" for a weekly log; "Handover on the ward (5 October 2019)" for a reflection. */
export function entryName(data: PortfolioData, entry: EntryRecord): string {
  if (entry.kind === 'weekly-log') return `Weekly log, ${formatWeekCommencingShort(entry.weekStart)}`;
  const title = entry.title.trim() || templateName(data.templates, entry.template);
  return `${title} (${formatUkDate(entry.date)})`;
}

/** The rendering context for one document: idea numbers across the whole portfolio, tag codes, list numbering. */
export function wordContextFor(data: PortfolioData, headingStyle: HeadingStyle, showTags: boolean): WordContext {
  const ideas = new Map(numberIdeas(weeklyLogsOnly(data.entries), data.settings.ideaNumberStart, data.ideaStatuses).map((idea) => [idea.id, idea.number]));
  let instance = 0;
  return {
    ideaNumber: (id) => ideas.get(id) ?? null,
    tagCode: (tag: EvidenceTag) => resolveTag(data.frameworks, tag)?.code ?? null,
    headingStyle,
    showTags,
    nextListInstance: () => {
      instance += 1;
      return instance;
    },
  };
}

export function templateOf(data: PortfolioData, entry: EntryRecord): Template {
  const template = templateVersion(data.templates, entry.template);
  if (!template) throw new ExportGap(`The template ${entryName(data, entry)} was written with is missing from the portfolio.`);
  return template;
}

const hasText = (doc: EditorDoc): boolean => plainText(doc) !== '';

/**
 * An entry's sections in its template's order, each under its title, then Other notes if it holds
 * text. Sections with nothing written are left out unless `keepEmpty` (a form shows every prompt).
 */
export function entrySectionsToWord(
  data: PortfolioData,
  entry: EntryRecord,
  sections: EntrySections,
  context: WordContext,
  headingStyle: HeadingStyle,
  options: { keepEmpty?: boolean; showPrompts?: boolean; skip?: readonly string[] } = {},
): FileChild[] {
  const template = templateOf(data, entry);
  const out: FileChild[] = [];
  const known = new Set(template.sections.map((section) => section.id));
  for (const section of template.sections) {
    if (options.skip?.includes(section.id)) continue;
    const doc = sections[section.id];
    const written = doc !== undefined && hasText(doc);
    if (!written && !options.keepEmpty) continue;
    out.push(heading(section.title, headingStyle));
    if (options.showPrompts && section.prompt) out.push(new Paragraph({ style: wordStyleIds.note, children: [new TextRun(section.prompt)] }));
    if (written) out.push(...editorDocToWord(doc, context));
    else out.push(new Paragraph({ style: wordStyleIds.note, children: [new TextRun('Nothing written.')] }));
  }
  for (const [id, doc] of Object.entries(sections)) {
    if (known.has(id) || !hasText(doc)) continue;
    out.push(heading(id === otherNotesSection.id ? otherNotesSection.title : id, headingStyle), ...editorDocToWord(doc, context));
  }
  return out;
}

/** The title an entry's section has in its template ("Other notes" for text kept from another template). */
export function sectionTitleFor(data: PortfolioData, entry: EntryRecord): (sectionId: string) => string {
  const template = templateOf(data, entry);
  return (sectionId) => template.sections.find((section) => section.id === sectionId)?.title ?? (sectionId === otherNotesSection.id ? otherNotesSection.title : sectionId);
}

/** A reflection's title (its template's name if it has none); "Weekly log" for a weekly log. */
export function entryTitle(data: PortfolioData, entry: EntryRecord): string {
  return entry.kind === 'weekly-log' ? 'Weekly log' : entry.title.trim() || templateName(data.templates, entry.template);
}

/** One coverage cell as a line: "My own contribution to the team (16 Oct 2019): whole entry and 3 passages". */
export function evidenceLine(data: PortfolioData, map: Coverage, cell: CoverageCell): string {
  const column = map.columns[cell.column]!;
  const entry = data.entries.find((candidate) => candidate.id === column.entryId);
  const name = entry ? (entry.kind === 'weekly-log' ? entryName(data, entry) : `${entryTitle(data, entry)} (${shortDate(entry.date)})`) : shortDate(column.date);
  const what = cell.wholeEntry ? (cell.passages > 0 ? `whole entry and ${plural(cell.passages, 'passage')}` : 'whole entry') : plural(cell.passages, 'passage');
  return `${name}: ${what}`;
}

const reviewsByPortfolio = new WeakMap<PortfolioData, Map<string, PlanToReview[]>>();

/** Every weekly log's review of last week's plans, worked out once per portfolio in one pass (not once per week). */
function reviewsOf(data: PortfolioData): Map<string, PlanToReview[]> {
  let reviews = reviewsByPortfolio.get(data);
  if (!reviews) {
    const logs = weeklyLogsOnly(data.entries);
    reviews = plansToReviewByWeek(logs, logs.map((entry) => entry.weekStart));
    reviewsByPortfolio.set(data, reviews);
  }
  return reviews;
}

/** "Review of last week’s plans" as a table: each plan, the week it was made (and whether it was carried forward since), how it went. */
export function planReviewTable(data: PortfolioData, entry: EntryRecord, headingStyle: HeadingStyle): FileChild[] {
  const plans = reviewsOf(data).get(entry.weekStart) ?? [];
  if (plans.length === 0) return [];
  const rows = plans.map((plan) => [
    plan.planRemoved ? `${plan.text} (since removed from its week)` : plan.text,
    plan.carried ? `${formatWeekCommencingShort(plan.fromWeek)}, carried forward` : formatWeekCommencingShort(plan.fromWeek),
    plan.status ? planReviewStatusLabels[plan.status] : 'Not reviewed',
  ]);
  return [
    heading('Review of last week’s plans', headingStyle),
    gridTable(
      [
        { header: 'Plan', width: 0.52 },
        { header: 'Made in', width: 0.24 },
        { header: 'How it went', width: 0.24 },
      ],
      rows,
    ),
  ];
}

/** A weekly log as it reads: its CPD time and tags, the review of last week's plans, then its sections. */
export function weeklyLogToWord(data: PortfolioData, entry: EntryRecord, sections: EntrySections, context: WordContext, headingStyle: HeadingStyle): FileChild[] {
  return [...entryFacts(data, entry), ...planReviewTable(data, entry, headingStyle), ...entrySectionsToWord(data, entry, sections, context, headingStyle)];
}

/**
 * A form's linked framework (the NMC Code's themes, the HCPC standards) as a paper form shows it:
 * every outcome with a box, ticked where the entry as a whole is tagged with it.
 */
export function linkedChecklist(framework: Framework, entry: EntryRecord, headingStyle: HeadingStyle): FileChild[] {
  const ticked = new Set(entry.tags.filter((tag) => tag.framework === framework.id && tag.criterion === null).map((tag) => tag.outcome));
  const outcomes = framework.outcomes.filter((outcome) => !outcome.archived || ticked.has(outcome.id));
  return [heading(framework.title, headingStyle), ...outcomes.map((outcome) => checkbox(outcome.title, ticked.has(outcome.id)))];
}

export function cpdLine(cpd: CpdRecord): string {
  const type = cpd.activityType ? `${cpdActivityTypeLabels[cpd.activityType].toLowerCase()}, ` : '';
  return `${formatCpdDuration(cpd.minutes)} (${type}${cpd.participatory ? 'participatory' : 'not participatory'})`;
}

/** Lines about the entry as a whole: its CPD time and the outcomes it is evidence for. */
export function entryFacts(data: PortfolioData, entry: EntryRecord): Paragraph[] {
  const facts: Paragraph[] = [];
  if (entry.cpd && entry.cpd.minutes > 0) facts.push(labelled('CPD time', cpdLine(entry.cpd)));
  const codes = entry.tags.map((tag) => resolveTag(data.frameworks, tag)).filter((resolved) => resolved !== null);
  if (codes.length > 0) facts.push(labelled('Whole entry is evidence for', codes.map((resolved) => `${resolved.framework.title}: ${resolved.label}`).join('; ')));
  return facts;
}

/** A title page: the title, a subtitle and "Label: value" lines, then nothing until the next page. */
export function coverPage(title: string, subtitle: string, lines: readonly (readonly [string, string])[]): FileChild[] {
  return [
    new Paragraph({ style: wordStyleIds.title, children: [new TextRun(title)] }),
    ...(subtitle ? [new Paragraph({ style: wordStyleIds.subtitle, children: [new TextRun(subtitle)] })] : []),
    ...lines.filter(([, value]) => value.trim() !== '').map(([label, value]) => labelled(label, value)),
  ];
}

export function rangeWords(from: CalendarDate | null, to: CalendarDate | null): string {
  if (from && to) return from === to ? formatUkDate(from) : `${formatUkDate(from)} to ${formatUkDate(to)}`;
  if (from) return `from ${formatUkDate(from)}`;
  if (to) return `up to ${formatUkDate(to)}`;
  return 'all dates';
}

/** Words of a title fit for a file name, cut after a whole word: "unit-26-supporting-team-and-partnership". */
export function fileSlug(text: string, maxLength = 60): string {
  const slug = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug || 'export';
  const cut = slug.slice(0, maxLength + 1);
  const lastBreak = cut.lastIndexOf('-');
  return lastBreak > 0 ? cut.slice(0, lastBreak) : slug.slice(0, maxLength);
}

export const plural = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
