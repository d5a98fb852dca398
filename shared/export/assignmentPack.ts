import { type FileChild, Paragraph, TextRun } from 'docx';
import { formatUkDate, formatWeekCommencingShort } from '../dates/weeks.js';
import { countWords } from '../document/editorJson.js';
import { coverage } from '../evidence/coverage.js';
import { type EvidenceItem, entriesWithEvidence, evidenceInEntry } from '../evidence/evidenceList.js';
import { type Framework, type Outcome, frameworkDisplayName, resolveTag } from '../frameworks/framework.js';
import { byDate } from '../portfolio/entrySummary.js';
import type { PortfolioData } from '../portfolio/portfolioData.js';
import type { EntryRecord } from '../portfolio/weeklyLog.js';
import { otherNotesSection } from '../templates/template.js';
import { plainTextToWord } from './editorToWord.js';
import type { AssignmentExport } from './exportOptions.js';
import type { PackPlan } from './packPlan.js';
import { type ExportSource, ExportGap, coverPage, entryName, fileSlug, plural, rangeWords, sectionsOf, templateOf } from './packParts.js';
import { gridTable, heading, textParagraph, wordDocument, wordStyleIds } from './wordStyles.js';

const noLimits = { from: null, to: null };

function frameworkOf(data: PortfolioData, frameworkId: string): Framework {
  const framework = data.frameworks.find((candidate) => candidate.id === frameworkId);
  if (!framework) throw new ExportGap(`There is no framework with the id "${frameworkId}" in this portfolio.`);
  return framework;
}

const inDates = (entry: EntryRecord, options: Pick<AssignmentExport, 'from' | 'to'>) => (options.from === null || entry.date >= options.from) && (options.to === null || entry.date <= options.to);

const outcomesOf = (framework: Framework) => framework.outcomes.filter((outcome) => !outcome.archived);

/** Entries dated in the range holding any evidence for the framework, oldest first. */
export function assignmentEntries(data: PortfolioData, options: Pick<AssignmentExport, 'frameworkId' | 'from' | 'to'>): EntryRecord[] {
  const framework = data.frameworks.find((candidate) => candidate.id === options.frameworkId);
  if (!framework) return [];
  const ids = new Set<string>();
  const dated = data.entries.filter((entry) => inDates(entry, options));
  for (const outcome of outcomesOf(framework)) {
    for (const entry of entriesWithEvidence(framework, dated, { framework: framework.id, outcome: outcome.id, criterion: null, range: noLimits })) ids.add(entry.id);
  }
  return byDate(dated.filter((entry) => ids.has(entry.id)));
}

interface OutcomeEvidence {
  outcome: Outcome;
  items: EvidenceItem[];
}

function sectionTitleFor(data: PortfolioData, entry: EntryRecord): (sectionId: string) => string {
  const template = templateOf(data, entry);
  return (sectionId) => template.sections.find((section) => section.id === sectionId)?.title ?? (sectionId === otherNotesSection.id ? otherNotesSection.title : sectionId);
}

/** Every outcome's evidence, in the framework's order, each outcome's items oldest first. */
function gatherEvidence(source: ExportSource, framework: Framework, entries: readonly EntryRecord[]): OutcomeEvidence[] {
  return outcomesOf(framework).map((outcome) => {
    const query = { framework: framework.id, outcome: outcome.id, criterion: null, range: noLimits };
    const items = entriesWithEvidence(framework, entries, query).flatMap((entry) => evidenceInEntry(framework, entry, sectionsOf(source, entry), query, sectionTitleFor(source.data, entry)));
    return { outcome, items };
  });
}

function sourceLine(data: PortfolioData, item: EvidenceItem): string {
  const entry = data.entries.find((candidate) => candidate.id === item.entryId);
  const where = entry ? entryName(data, entry) : formatWeekCommencingShort(item.weekStart);
  const code = resolveTag(data.frameworks, item.tag)?.code ?? '';
  const section = item.kind === 'passage' ? `, ${item.sectionTitle}` : '';
  return `${where}${section}${code ? ` — ${code}` : ''}`;
}

function evidenceParagraphs(data: PortfolioData, item: EvidenceItem): FileChild[] {
  const source = new Paragraph({ style: wordStyleIds.note, keepLines: true, children: [new TextRun({ text: 'Source: ', bold: true }), new TextRun(`${sourceLine(data, item)} (${plural(item.words, 'word')})`)] });
  if (item.kind === 'whole-entry') {
    const entry = data.entries.find((candidate) => candidate.id === item.entryId);
    return [new Paragraph({ keepNext: true, children: [new TextRun({ text: 'The whole entry: ', bold: true }), new TextRun(entry ? entryName(data, entry) : 'an entry')] }), source];
  }
  const lines = item.text.split('\n');
  return [new Paragraph({ style: wordStyleIds.quote, keepNext: true, children: lines.map((line, index) => new TextRun({ text: line, ...(index > 0 ? { break: 1 } : {}) })) }), source];
}

/**
 * Assignment evidence for one framework: a cover page with the word count, contents, one part per
 * outcome (its criteria, the student's commentary, every tagged passage quoted with its source),
 * the mapping of outcomes to evidence, the word count against the limit, and the references.
 */
export function assignmentPack(source: ExportSource, options: AssignmentExport): PackPlan {
  const { data } = source;
  const framework = frameworkOf(data, options.frameworkId);
  const entries = assignmentEntries(data, options);
  const evidence = gatherEvidence(source, framework, entries);
  const passages = evidence.flatMap((outcome) => outcome.items.filter((item) => item.kind === 'passage'));
  // A passage tagged for an outcome and one of its criteria is quoted under the outcome twice but counted once.
  const quoted = new Map(passages.map((item) => [`${item.entryId}|${item.section}|${item.text}`, item.words]));
  const quotedWords = [...quoted.values()].reduce((sum, words) => sum + words, 0);
  const commentaryWords = outcomesOf(framework).reduce((sum, outcome) => sum + countWords(options.commentary[outcome.id] ?? ''), 0);
  const words = quotedWords + commentaryWords;
  const unit = frameworkDisplayName(framework);
  const title = `Assignment evidence: ${unit}`;
  const missing = evidence.filter((outcome) => outcome.items.length === 0).map((outcome) => outcome.outcome.code);
  const notes = [
    ...(entries.length === 0 ? [`Nothing is tagged against ${unit} ${options.from || options.to ? `in ${rangeWords(options.from, options.to)}` : 'yet'}.`] : []),
    ...(entries.length > 0 && missing.length > 0 ? [`No evidence yet for ${missing.join(', ')}.`] : []),
    ...(options.wordLimit !== null && words > options.wordLimit ? [`${plural(words, 'word')} with quotations is over the limit of ${options.wordLimit.toLocaleString('en-GB')}.`] : []),
  ];
  const limitLine = (count: number) => (options.wordLimit === null ? '' : count <= options.wordLimit ? ' (within the limit)' : ` (${(count - options.wordLimit).toLocaleString('en-GB')} over the limit)`);
  return {
    preview: { title, fileName: `assignment-evidence-${fileSlug(unit)}.docx`, entries: entries.length, passages: quoted.size, words, quotedWords, notes },
    steps: evidence.length + 1,
    document: (progress) => {
      const parts = evidence.map(({ outcome, items }, index) => {
        const children: FileChild[] = [];
        const criteria = outcome.criteria.filter((criterion) => !criterion.archived);
        if (criteria.length > 0) children.push(heading('Assessment criteria', wordStyleIds.heading2), gridTable(['Criterion', 'What it asks for'], criteria.map((criterion) => [criterion.code, criterion.text]), [0.15, 0.85]));
        const commentary = options.commentary[outcome.id]?.trim() ?? '';
        if (commentary) children.push(heading('Commentary', wordStyleIds.heading2), ...plainTextToWord(commentary));
        children.push(heading('Evidence', wordStyleIds.heading2));
        if (items.length === 0) children.push(textParagraph('No evidence is tagged against this outcome yet.', { style: wordStyleIds.note }));
        for (const item of items) children.push(...evidenceParagraphs(data, item));
        progress(index + 1);
        return { heading: `${outcome.code} ${outcome.title}`, children };
      });
      const map = coverage(framework, entries, noLimits);
      const mappingRows = map.rows
        .filter((row) => !row.archived)
        .map((row) => {
          const sources = row.cells.map((cell) => {
            const column = map.columns[cell.column]!;
            const entry = data.entries.find((candidate) => candidate.id === column.entryId);
            const what = cell.wholeEntry && cell.passages === 0 ? 'whole entry' : plural(cell.passages, 'passage');
            return `${entry ? entryName(data, entry) : column.date}: ${what}`;
          });
          return [row.code, row.title, sources.length > 0 ? sources.map((line) => new Paragraph({ spacing: { after: 0 }, children: [new TextRun(line)] })) : 'None yet', row.words.toLocaleString('en-GB')];
        });
      parts.push({ heading: 'Mapping of evidence to outcomes', children: [gridTable(['Code', 'Outcome or criterion', 'Evidence', 'Words'], mappingRows, [0.12, 0.38, 0.38, 0.12])] });
      parts.push({
        heading: 'Word count',
        children: [
          gridTable(
            ['Counted', 'Words'],
            [
              ['Commentary written for this document', commentaryWords.toLocaleString('en-GB')],
              ['Quoted evidence from the portfolio', quotedWords.toLocaleString('en-GB')],
              ['Total with quotations', `${words.toLocaleString('en-GB')}${limitLine(words)}`],
              ['Total without quotations', `${commentaryWords.toLocaleString('en-GB')}${limitLine(commentaryWords)}`],
              ...(options.wordLimit !== null ? [['Word limit', options.wordLimit.toLocaleString('en-GB')]] : []),
            ],
            [0.7, 0.3],
          ),
        ],
      });
      const references = options.references
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '');
      if (references.length > 0) parts.push({ heading: 'References', children: references.map((line) => new Paragraph({ indent: { left: 567, hanging: 567 }, children: [new TextRun(line)] })) });
      progress(evidence.length + 1);
      return wordDocument({
        title,
        subject: unit,
        author: options.name,
        description: `Evidence for ${plural(evidence.length, 'outcome')} from ${plural(entries.length, 'entry', 'entries')}. Made with Reflective Portfolio.`,
        cover: coverPage(unit, 'Assignment evidence', [
          ['Name', options.name],
          ['Course', options.course],
          ['Unit', unit],
          ['Submission date', options.submissionDate ? formatUkDate(options.submissionDate) : ''],
          ['Evidence from', rangeWords(options.from, options.to)],
          ['Word count', `${words.toLocaleString('en-GB')} with quotations, ${commentaryWords.toLocaleString('en-GB')} without${options.wordLimit !== null ? ` (limit ${options.wordLimit.toLocaleString('en-GB')})` : ''}`],
        ]),
        coverOwnPage: true,
        contents: true,
        parts,
      });
    },
  };
}

