import { type FileChild, Paragraph, TextRun } from 'docx';
import { type CalendarDate, formatUkDate, formatWeekCommencingShort } from '../dates/weeks.js';
import { type EditorDoc, plainText } from '../document/editorJson.js';
import { type EvidenceTag, resolveTag } from '../frameworks/framework.js';
import { numberIdeas } from '../ideas/ideaNumbering.js';
import { formatCpdDuration } from '../portfolio/cpdDuration.js';
import { weeklyLogsOnly } from '../portfolio/entrySummary.js';
import type { PortfolioData } from '../portfolio/portfolioData.js';
import { type CpdRecord, type EntryRecord, type EntrySections, cpdActivityTypeLabels } from '../portfolio/weeklyLog.js';
import { otherNotesSection, type Template } from '../templates/template.js';
import { templateName, templateVersion } from '../templates/templateLibrary.js';
import { type WordContext, editorDocToWord } from './editorToWord.js';
import { type HeadingStyle, heading, labelled, wordStyleIds } from './wordStyles.js';

/** What every pack reads: the portfolio's index and the rich text of the entries it needs. */
export interface ExportSource {
  data: PortfolioData;
  /** Rich text by entry id, for every id `entriesToLoad` named. */
  bodies: ReadonlyMap<string, EntrySections>;
  now: Date;
}

/** Thrown inside a pack when something it needs is missing; planExport turns it into a plain answer. */
export class ExportGap extends Error {
  override name = 'ExportGap';
}

export function sectionsOf(source: ExportSource, entry: EntryRecord): EntrySections {
  const sections = source.bodies.get(entry.id);
  if (!sections) throw new ExportGap(`The text of ${entryName(source.data, entry)} could not be read.`);
  return sections;
}

/** "w/c 7 Oct 2019" for a weekly log; "Handover on the ward (5 Oct 2019)" for a reflection. */
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

export function fileSlug(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'export'
  );
}

export const plural = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
