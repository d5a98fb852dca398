import { ExternalHyperlink, type FileChild, Paragraph, type ParagraphChild, TextRun } from 'docx';
import { formatUkDate, formatWeekCommencingShort } from '../dates/weeks.js';
import { countWords } from '../document/editorJson.js';
import { coverage } from '../evidence/coverage.js';
import { type EvidenceItem, entriesWithEvidence, evidenceInEntry } from '../evidence/evidenceList.js';
import { type Criterion, type Framework, type Outcome, frameworkDisplayName } from '../frameworks/framework.js';
import { byDate } from '../portfolio/entrySummary.js';
import type { PortfolioData } from '../portfolio/portfolioData.js';
import type { EntryRecord } from '../portfolio/weeklyLog.js';
import { plainTextToWord, safeLinkTarget } from './editorToWord.js';
import type { AssignmentExport } from './exportOptions.js';
import type { PackPlan } from './packPlan.js';
import {
  type ExportSource,
  ExportGap,
  coverPage,
  entryFacts,
  entryName,
  evidenceLine,
  entrySectionsToWord,
  fileSlug,
  footerText,
  plural,
  rangeWords,
  sectionTitleFor,
  sectionsOf,
  templateOf,
  wordContextFor,
} from './packParts.js';
import { signOffLine, signOffsOf, standingSignOffs } from './signOffLines.js';
import { type GridCell, type GridColumn, type WordPart, gridTable, heading, linesOf, textParagraph, wordDocument, wordStyleIds } from './wordStyles.js';

const noLimits = { from: null, to: null };

function frameworkOf(data: PortfolioData, frameworkId: string): Framework {
  const framework = data.frameworks.find((candidate) => candidate.id === frameworkId);
  if (!framework) throw new ExportGap(`There is no framework with the id "${frameworkId}" in this portfolio.`);
  return framework;
}

const inDates = (entry: EntryRecord, options: Pick<AssignmentExport, 'from' | 'to'>) => (options.from === null || entry.date >= options.from) && (options.to === null || entry.date <= options.to);

const outcomesOf = (framework: Framework) => framework.outcomes.filter((outcome) => !outcome.archived);
const criteriaOf = (outcome: Outcome) => outcome.criteria.filter((criterion) => !criterion.archived);

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

/** One outcome's evidence: for the outcome as a whole, then for each criterion in the framework's order. */
interface OutcomeEvidence {
  outcome: Outcome;
  criteria: Criterion[];
  items: EvidenceItem[];
  groups: { criterion: Criterion | null; items: EvidenceItem[] }[];
}

/** Every outcome's evidence, in the framework's order, each group's items oldest first. */
function gatherEvidence(source: ExportSource, framework: Framework, entries: readonly EntryRecord[]): OutcomeEvidence[] {
  return outcomesOf(framework).map((outcome) => {
    const query = { framework: framework.id, outcome: outcome.id, criterion: null, range: noLimits };
    const items = entriesWithEvidence(framework, entries, query).flatMap((entry) => evidenceInEntry(framework, entry, sectionsOf(source, entry), query, sectionTitleFor(source.data, entry)));
    const criteria = criteriaOf(outcome);
    const groups = [null, ...criteria].map((criterion) => ({ criterion, items: items.filter((item) => item.tag.criterion === (criterion?.id ?? null)) }));
    return { outcome, criteria, items, groups: groups.filter((group) => group.items.length > 0) };
  });
}

/** "My own contribution to the team, 16 October 2019" or "Weekly log, w/c 7 Oct 2019". */
function sourceName(data: PortfolioData, item: EvidenceItem): string {
  const entry = data.entries.find((candidate) => candidate.id === item.entryId);
  if (!entry) return formatWeekCommencingShort(item.weekStart);
  if (entry.kind === 'weekly-log') return entryName(data, entry);
  return `${entry.title.trim() || templateOf(data, entry).name}, ${formatUkDate(entry.date)}`;
}

/** "‘What would success look like?’" — a section's title quoted inside a sentence. */
const quoted = (text: string) => `‘${text}’`;

function evidenceParagraphs(data: PortfolioData, item: EvidenceItem): FileChild[] {
  if (item.kind === 'whole-entry') {
    const entry = data.entries.find((candidate) => candidate.id === item.entryId);
    return [
      new Paragraph({
        keepLines: true,
        children: [
          new TextRun({ text: 'The whole entry ', bold: true }),
          new TextRun(`${quoted(entry ? (entry.kind === 'weekly-log' ? entryName(data, entry) : entry.title.trim() || templateOf(data, entry).name) : 'an entry')}`),
          new TextRun(`${entry && entry.kind !== 'weekly-log' ? `, ${formatUkDate(entry.date)}` : ''}, is evidence here (${plural(item.words, 'word')}); it is given in full in the appendix.`),
        ],
      }),
    ];
  }
  return [
    new Paragraph({ style: wordStyleIds.quote, keepNext: true, children: linesOf(item.text) }),
    new Paragraph({
      style: wordStyleIds.note,
      keepLines: true,
      children: [new TextRun({ text: 'Source: ', bold: true }), new TextRun(`${sourceName(data, item)}, ${quoted(item.sectionTitle)} (${plural(item.words, 'word')}).`)],
    }),
  ];
}

/** A reference line, its web address (if any) a link. */
function referenceRuns(line: string): ParagraphChild[] {
  const children: ParagraphChild[] = [];
  let rest = line;
  for (let match = /https?:\/\/[^\s<>"]+[^\s<>".,;:)]/.exec(rest); match; match = /https?:\/\/[^\s<>"]+[^\s<>".,;:)]/.exec(rest)) {
    const target = safeLinkTarget(match[0]);
    if (match.index > 0) children.push(new TextRun(rest.slice(0, match.index)));
    children.push(target ? new ExternalHyperlink({ link: target, children: [new TextRun({ text: match[0], style: wordStyleIds.hyperlink })] }) : new TextRun(match[0]));
    rest = rest.slice(match.index + match[0].length);
  }
  if (rest) children.push(new TextRun(rest));
  return children;
}

const number = (count: number) => count.toLocaleString('en-GB');

/** The mapping table's columns: a column of sign-offs when a mentor has signed anything in the framework off. */
function mappingColumns(withSignOffs: boolean): GridColumn[] {
  return withSignOffs
    ? [
        { header: 'Code', width: 0.09 },
        { header: 'Outcome or criterion', width: 0.25 },
        { header: 'Evidence', width: 0.29 },
        { header: 'Words', width: 0.11, align: 'right' },
        { header: 'Signed off', width: 0.26 },
      ]
    : [
        { header: 'Code', width: 0.09 },
        { header: 'Outcome or criterion', width: 0.4 },
        { header: 'Evidence', width: 0.39 },
        { header: 'Words', width: 0.12, align: 'right' },
      ];
}

/**
 * Assignment evidence for one framework: a cover page with the word count, contents, one part per
 * outcome (its criteria, the student's commentary, every tagged passage quoted with its source,
 * grouped by criterion), the mapping of outcomes to evidence, the word count against the limit,
 * the references, and entries tagged as a whole given in full.
 */
export function assignmentPack(source: ExportSource, options: AssignmentExport): PackPlan {
  const { data } = source;
  const framework = frameworkOf(data, options.frameworkId);
  const entries = assignmentEntries(data, options);
  const evidence = gatherEvidence(source, framework, entries);
  const passages = evidence.flatMap((outcome) => outcome.items.filter((item) => item.kind === 'passage'));
  // A passage is quoted once under its outcome or criterion; the same words tagged twice are counted once.
  const quotedPassages = new Map(passages.map((item) => [`${item.entryId}|${item.section}|${item.text}`, item.words]));
  const quotedWords = [...quotedPassages.values()].reduce((sum, words) => sum + words, 0);
  const wholeIds = new Set(evidence.flatMap((outcome) => outcome.items.filter((item) => item.kind === 'whole-entry').map((item) => item.entryId)));
  const wholeEntries = entries.filter((entry) => wholeIds.has(entry.id));
  const appendixWords = wholeEntries.reduce((sum, entry) => sum + entry.summary.words, 0);
  const commentaryWords = outcomesOf(framework).reduce((sum, outcome) => sum + countWords(options.commentary[outcome.id] ?? ''), 0);
  const words = quotedWords + commentaryWords;
  const unit = frameworkDisplayName(framework);
  const title = `Assignment evidence: ${unit}`;
  const missing = evidence.filter((outcome) => outcome.items.length === 0).map((outcome) => outcome.outcome.code);
  const limit = options.wordLimit;
  const notes = [
    ...(entries.length === 0 ? [`Nothing is tagged against ${unit} ${options.from || options.to ? `in ${rangeWords(options.from, options.to)}` : 'yet'}.`] : []),
    ...(entries.length > 0 && missing.length > 0 ? [`No evidence yet for ${missing.join(', ')}.`] : []),
    ...(limit !== null && commentaryWords > limit ? [`Your commentary (${plural(commentaryWords, 'word')}) is over the word limit of ${number(limit)}.`] : []),
    ...(limit !== null && commentaryWords <= limit && words > limit ? [`With quotations the document has ${plural(words, 'word')}, over the word limit of ${number(limit)}.`] : []),
    ...(wholeEntries.length > 0 ? [`${plural(wholeEntries.length, 'entry', 'entries')} tagged as a whole (${plural(appendixWords, 'word')}) ${wholeEntries.length === 1 ? 'is' : 'are'} given in full in an appendix, not counted.`] : []),
  ];
  const againstLimit = (count: number) => (limit === null ? [] : [count <= limit ? `Within the limit (${number(limit - count)} to spare)` : `${number(count - limit)} over the limit`]);
  const footer = footerText(options.name, framework.number.trim() ? `Unit ${framework.number.trim()} assignment evidence` : 'Assignment evidence');
  const signOffs = standingSignOffs(data, framework.id);
  /** "LO3: Signed off by Jo Bloggs, Practice assessor, 12A3456E on 24 October 2019: …" for the outcome, then each criterion. */
  const signOffParagraphs = (outcome: Outcome): Paragraph[] =>
    [{ code: outcome.code, id: null as string | null }, ...criteriaOf(outcome).map((criterion) => ({ code: criterion.code, id: criterion.id }))].flatMap(({ code, id }) =>
      signOffsOf(signOffs, framework.id, outcome.id, id).map((signOff) => new Paragraph({ keepLines: true, children: [new TextRun({ text: `${code}: `, bold: true }), new TextRun(signOffLine(signOff))] })),
    );
  return {
    preview: { title, fileName: `assignment-evidence-${fileSlug(unit)}.docx`, entries: entries.length, passages: quotedPassages.size, words, quotedWords, notes },
    steps: evidence.length + 1,
    document: (progress) => {
      const parts: WordPart[] = evidence.map(({ outcome, criteria, items, groups }, index) => {
        const children: FileChild[] = [];
        if (criteria.length > 0) {
          const found = (criterion: Criterion) => {
            const mine = items.filter((item) => item.tag.criterion === criterion.id);
            const passageCount = mine.filter((item) => item.kind === 'passage').length;
            const whole = mine.some((item) => item.kind === 'whole-entry');
            return passageCount > 0 ? plural(passageCount, 'passage') + (whole ? ' and a whole entry' : '') : whole ? 'A whole entry' : 'None yet';
          };
          children.push(
            heading('Assessment criteria', wordStyleIds.heading2),
            gridTable(
              [
                { header: 'Criterion', width: 0.14 },
                { header: 'What it asks for', width: 0.64 },
                { header: 'Evidence here', width: 0.22 },
              ],
              criteria.map((criterion) => [criterion.code, criterion.text, found(criterion)]),
            ),
          );
        }
        const signed = signOffParagraphs(outcome);
        if (signed.length > 0) children.push(heading('Sign-off', wordStyleIds.heading2), ...signed);
        const commentary = options.commentary[outcome.id]?.trim() ?? '';
        if (commentary) children.push(heading('Commentary', wordStyleIds.heading2), ...plainTextToWord(commentary));
        children.push(heading('Evidence', wordStyleIds.heading2));
        if (items.length === 0) children.push(textParagraph('No evidence is tagged against this outcome yet.', { style: wordStyleIds.note }));
        for (const group of groups) {
          // Headings only where there is more than one group: "Evidence" alone says it all otherwise.
          if (groups.length > 1 || group.criterion !== null) children.push(heading(group.criterion ? `For ${group.criterion.code}` : `For ${outcome.code} as a whole`, wordStyleIds.heading3));
          for (const item of group.items) children.push(...evidenceParagraphs(data, item));
        }
        progress(index + 1);
        return { heading: `${outcome.code} ${outcome.title}`, children };
      });

      const map = coverage(framework, entries, noLimits);
      const mappingRows = map.rows
        .filter((row) => !row.archived)
        .map((row) => {
          const cells: GridCell[] = [row.code, row.title, row.cells.length > 0 ? row.cells.map((cell) => evidenceLine(data, map, cell)) : 'None yet', number(row.words)];
          if (signOffs.length > 0) {
            const signedHere = signOffsOf(signOffs, framework.id, row.tag.outcome, row.tag.criterion);
            cells.push(signedHere.length > 0 ? signedHere.map(signOffLine) : 'Not signed off');
          }
          // The sign-off statements stay in ordinary type on an outcome's emphasised row.
          return row.level === 'outcome' ? { cells, emphasis: true, plainFrom: 4 } : cells;
        });
      parts.push({
        heading: 'Mapping of evidence to outcomes',
        children: [
          textParagraph('Each outcome is followed by its criteria. Words are those of the passages tagged; an outcome counts its criteria’s too.', { style: wordStyleIds.note, keepNext: true }),
          gridTable(mappingColumns(signOffs.length > 0), mappingRows),
        ],
      });

      parts.push({
        heading: 'Word count',
        newPage: false,
        children: [
          ...(limit !== null ? [textParagraph(`The word limit is ${number(limit)}.`, { keepNext: true })] : []),
          gridTable(
            [
              { header: 'Counted', width: limit === null ? 0.8 : 0.48 },
              { header: 'Words', width: limit === null ? 0.2 : 0.12, align: 'right' },
              ...(limit === null ? [] : [{ header: 'Against the limit', width: 0.4 }]),
            ],
            [
              ['Commentary written for this document', number(commentaryWords), ...(limit === null ? [] : [''])],
              ['Passages quoted from the portfolio', number(quotedWords), ...(limit === null ? [] : [''])],
              { cells: ['Total without quotations', number(commentaryWords), ...againstLimit(commentaryWords)], emphasis: true },
              { cells: ['Total with quotations', number(words), ...againstLimit(words)], emphasis: true },
              ...(wholeEntries.length > 0 ? [['Entries given in full in the appendix (not counted)', number(appendixWords), ...(limit === null ? [] : [''])]] : []),
            ],
          ),
        ],
      });

      const references = options.references
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '');
      if (references.length > 0) parts.push({ heading: 'References', children: references.map((line) => new Paragraph({ indent: { left: 567, hanging: 567 }, children: referenceRuns(line) })) });

      if (wholeEntries.length > 0) {
        const context = wordContextFor(data, wordStyleIds.heading4, true);
        parts.push({
          heading: 'Appendix: entries given in full',
          children: wholeEntries.flatMap((entry, index) => [
            heading(entryName(data, entry), wordStyleIds.heading2, { pageBreakBefore: index > 0 }),
            ...entryFacts(data, entry),
            ...entrySectionsToWord(data, entry, sectionsOf(source, entry), context, wordStyleIds.heading3),
          ]),
        });
      }
      progress(evidence.length + 1);
      return wordDocument({
        title,
        subject: unit,
        author: options.name,
        description: `Evidence for ${plural(evidence.length, 'outcome')} from ${plural(entries.length, 'entry', 'entries')}. Made with Reflective Portfolio.`,
        footer,
        cover: coverPage(unit, 'Assignment evidence', [
          ['Name', options.name],
          ['Course', options.course],
          ['Submission date', options.submissionDate ? formatUkDate(options.submissionDate) : ''],
          ['Evidence from', options.from || options.to ? rangeWords(options.from, options.to) : ''],
          ['Word count', `${plural(commentaryWords, 'word')} without quotations, ${number(words)} with them${limit !== null ? ` (limit ${number(limit)})` : ''}`],
        ]),
        coverOwnPage: true,
        contents: 1,
        parts,
      });
    },
  };
}
