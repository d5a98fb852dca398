import { csvParseRows } from 'd3-dsv';
import { z } from 'zod';
import type { Criterion, Framework, Outcome } from './framework.js';
import { builtInSourceSchema, frameworkSchema } from './frameworkSchemas.js';
import { isObject, jsonTypeWords, listedProblems, valueAt, withThousands } from '../files/fileProblems.js';

/**
 * Framework files: a unit typed into a spreadsheet and saved as CSV, or the JSON file the app
 * writes when a framework is exported. Reading one never throws: everything wrong with a file
 * comes back as sentences for the user, and nothing is returned unless the whole file is good.
 * Ids are never taken from a file: every import gets fresh ids, so it cannot collide with, or
 * quietly replace, a framework already in the portfolio. See docs/framework-files.md.
 */
export type FrameworkImport = { ok: true; framework: Framework; warnings: string[] } | { ok: false; problems: string[] };

export const frameworkFileFormat = 'reflective-portfolio-framework';

/** The envelope version this app writes; a file with a higher one came from a newer app. */
const frameworkFileVersion = 1;

/** Larger than any real framework by a wide margin (500 outcomes × 200 criteria is well under). */
const maxFileLength = 2 * 1024 * 1024;

/** The same limits frameworkSchema enforces, repeated so problems can name them. */
const maxCodeLength = 40;
const maxNumberLength = 40;
const maxTextLength = 2_000;
const maxOutcomes = 500;
const maxCriteria = 200;

function plural(count: number, one: string, many: string): string {
  return `${withThousands(count)} ${count === 1 ? one : many}`;
}

function failed(problems: readonly string[]): FrameworkImport {
  return { ok: false, problems: listedProblems(problems) };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Checks shared by both formats; a problem, or null when the text is worth parsing. */
function unreadable(text: string): string | null {
  if (text.length > maxFileLength) return 'The file is too large to be a framework file (it is over 2 MB).';
  if (text.trim() === '') return 'The file is empty.';
  if (text.includes('\u0000')) return 'The file is not a text file (it holds binary data).';
  return null;
}

/** Writes "Unit 26" as "26": the app adds the word "Unit" itself when it shows the number. */
function unitNumberFrom(value: string): { number: string; changed: boolean } {
  const match = /^unit\s*(\S.*)$/i.exec(value);
  return match?.[1] ? { number: match[1].trim(), changed: true } : { number: value, changed: false };
}

/** Codes match whatever their case or spacing: "lo1" and "LO1 " name the same outcome. */
function codeKey(code: string): string {
  return code.replace(/\s+/g, ' ').trim().toLowerCase();
}

function quoted(value: string): string {
  const short = value.length > 60 ? `${value.slice(0, 57)}…` : value;
  return `“${short}”`;
}

// ---------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------

const csvColumns = ['unit_number', 'unit_title', 'outcome_code', 'outcome_title', 'criterion_code', 'criterion_text'] as const;
type CsvColumn = (typeof csvColumns)[number];
/** The columns a file must have; unit_number and the criterion columns may be left out. */
const requiredCsvColumns: readonly CsvColumn[] = ['unit_title', 'outcome_code', 'outcome_title'];
const csvColumnLimits: Record<CsvColumn, number> = {
  unit_number: maxNumberLength,
  unit_title: maxTextLength,
  outcome_code: maxCodeLength,
  outcome_title: maxTextLength,
  criterion_code: maxCodeLength,
  criterion_text: maxTextLength,
};

/** "A", "B", … "Z", "AA": a column as a spreadsheet labels it, for columns that have no name. */
function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function normaliseColumnName(name: string): string {
  return name.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/**
 * The spreadsheet row where a quoted field opens and is never closed, or null. d3-dsv reads such
 * a field to the end of the file without complaint, which would hide the rest of the file.
 */
function unclosedQuoteRow(text: string): number | null {
  let row = 1;
  let atFieldStart = true;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (atFieldStart && char === '"') {
      const openedOn = row;
      let closed = false;
      for (i += 1; i < text.length; i += 1) {
        const inner = text[i];
        if (inner === '"') {
          if (text[i + 1] === '"') i += 1;
          else {
            closed = true;
            break;
          }
        } else if (inner === '\n' || (inner === '\r' && text[i + 1] !== '\n')) row += 1;
      }
      if (!closed) return openedOn;
      atFieldStart = false;
    } else if (char === ',') atFieldStart = true;
    else if (char === '\n' || (char === '\r' && text[i + 1] !== '\n')) {
      row += 1;
      atFieldStart = true;
    } else if (char !== '\r') atFieldStart = false;
  }
  return null;
}

interface CsvOutcome {
  code: string;
  title: string;
  row: number;
  criteria: { code: string; text: string; row: number }[];
}

/**
 * Reads a unit from CSV. Row 1 (the first non-blank row) names the columns; each later row is an
 * outcome (outcome_code, outcome_title) or a criterion (criterion_code, criterion_text and the
 * outcome_code it belongs to). The unit's title, and number if it has one, go on the first row
 * after the header.
 */
export function importFrameworkCsv(text: string, newId: () => string): FrameworkImport {
  try {
    return readCsv(stripBom(text), newId);
  } catch {
    return failed(['The file could not be read as a framework (something unexpected went wrong).']);
  }
}

function readCsv(text: string, newId: () => string): FrameworkImport {
  const notReadable = unreadable(text);
  if (notReadable) return failed([notReadable]);
  const start = text.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return failed(['The file is not CSV (it looks like a JSON file). Import it as a JSON framework file instead.']);
  const openQuote = unclosedQuoteRow(text);
  if (openQuote !== null) return failed([`Row ${openQuote}: a quoted cell is never closed (a " is missing), so the file is not valid CSV.`]);

  const rows = csvParseRows(text).map((cells) => cells.map((cell) => cell.replace(/\r\n?/g, '\n')));
  const isBlank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '');
  const headerIndex = rows.findIndex((cells) => !isBlank(cells));
  const header = rows[headerIndex];
  if (headerIndex < 0 || !header) return failed(['The file is empty.']);
  const headerRow = headerIndex + 1;

  // The header: which column holds what.
  const problems: string[] = [];
  const columnAt = new Map<CsvColumn, number>();
  const named = header.map((name) => name.trim() !== '');
  const known = new Set<string>(csvColumns);
  if (header.length === 1 && /[;\t|]/.test(header[0] ?? '')) {
    const separator = (header[0] ?? '').includes(';') ? 'semicolons' : (header[0] ?? '').includes('\t') ? 'tabs' : 'bars';
    return failed([`Row ${headerRow}: the columns are separated by ${separator}. Save the file as CSV with commas between the columns.`]);
  }
  header.forEach((name, index) => {
    if (name.trim() === '') return;
    const column = normaliseColumnName(name);
    if (!known.has(column)) {
      problems.push(`Row ${headerRow}, column ${name.trim()}: this is not a column the app knows. Remove it; the columns are ${csvColumns.join(', ')}.`);
      return;
    }
    if (columnAt.has(column as CsvColumn)) {
      problems.push(`Row ${headerRow}, column ${column}: this column appears twice.`);
      return;
    }
    columnAt.set(column as CsvColumn, index);
  });
  if (columnAt.size === 0 && problems.length === header.filter((name) => name.trim() !== '').length) {
    return failed([`Row ${headerRow}: this is not a framework CSV file. The first row must name the columns: ${csvColumns.join(', ')}.`]);
  }
  for (const column of requiredCsvColumns) if (!columnAt.has(column)) problems.push(`Row ${headerRow}: the header has no ${column} column.`);
  if (problems.length > 0) return failed(problems);

  const cell = (cells: readonly string[], column: CsvColumn) => {
    const index = columnAt.get(column);
    return index === undefined ? '' : (cells[index] ?? '').trim();
  };

  const warnings: string[] = [];
  const outcomes: CsvOutcome[] = [];
  const outcomeByCode = new Map<string, CsvOutcome>();
  let unit: { title: string; number: string; row: number; rawNumber: string } | null = null;
  let tooManyOutcomesReported = false;

  rows.forEach((cells, index) => {
    if (index <= headerIndex || isBlank(cells)) return;
    const row = index + 1;
    const at = (column: string) => `Row ${row}, column ${column}`;

    // Cells beyond the named columns would be silently lost: say so instead.
    cells.forEach((value, column) => {
      if (value.trim() !== '' && !named[column]) problems.push(`${at(columnLetter(column))}: this cell is outside the named columns. Remove it, or name its column in row ${headerRow}.`);
    });

    let rowIsGood = true;
    for (const column of csvColumns) {
      const value = cell(cells, column);
      const limit = csvColumnLimits[column];
      if (value.length > limit) {
        problems.push(`${at(column)}: this is too long (${plural(value.length, 'character', 'characters')}; at most ${withThousands(limit)}).`);
        rowIsGood = false;
      }
    }

    const unitTitle = cell(cells, 'unit_title');
    const unitNumber = cell(cells, 'unit_number');
    if (unit === null) {
      if (unitTitle === '') problems.push(`${at('unit_title')}: the first row after the header needs the unit's title.`);
      const { number, changed } = unitNumberFrom(unitNumber);
      if (changed) warnings.push(`${at('unit_number')}: ${quoted(unitNumber)} was read as the unit number ${quoted(number)}.`);
      unit = { title: unitTitle, number, row, rawNumber: unitNumber };
    } else {
      if (unitTitle !== '' && unitTitle !== unit.title) {
        problems.push(
          unit.title === ''
            ? `${at('unit_title')}: the unit's title belongs on row ${unit.row}, the first row after the header.`
            : `${at('unit_title')}: this is not the unit title given on row ${unit.row} (${quoted(unit.title)}). Leave it empty or repeat the same title.`,
        );
      }
      if (unitNumber !== '' && unitNumber !== unit.rawNumber && unitNumber !== unit.number) {
        problems.push(
          unit.rawNumber === ''
            ? `${at('unit_number')}: the unit number belongs on row ${unit.row}, the first row after the header.`
            : `${at('unit_number')}: this is not the unit number given on row ${unit.row} (${quoted(unit.rawNumber)}). Leave it empty or repeat the same number.`,
        );
      }
    }

    const outcomeCode = cell(cells, 'outcome_code');
    const outcomeTitle = cell(cells, 'outcome_title');
    const criterionCode = cell(cells, 'criterion_code');
    const criterionText = cell(cells, 'criterion_text');

    const addOutcome = (): CsvOutcome | null => {
      if (outcomes.length >= maxOutcomes) {
        if (!tooManyOutcomesReported) problems.push(`${at('outcome_code')}: there are too many outcomes (at most ${withThousands(maxOutcomes)}).`);
        tooManyOutcomesReported = true;
        return null;
      }
      const created: CsvOutcome = { code: outcomeCode, title: outcomeTitle, row, criteria: [] };
      outcomes.push(created);
      outcomeByCode.set(codeKey(outcomeCode), created);
      return created;
    };

    if (criterionCode === '' && criterionText === '') {
      // An outcome row, or a row that carries only the unit's title and number.
      if (outcomeCode === '' && outcomeTitle === '') {
        if (unitTitle === '' && unitNumber === '') problems.push(`${at('outcome_code')}: this row has no outcome or criterion in it.`);
        return;
      }
      if (outcomeCode === '') problems.push(`${at('outcome_code')}: an outcome needs a code.`);
      if (outcomeTitle === '') problems.push(`${at('outcome_title')}: an outcome needs a title.`);
      const earlier = outcomeByCode.get(codeKey(outcomeCode));
      if (outcomeCode !== '' && earlier) {
        problems.push(`${at('outcome_code')}: outcome ${outcomeCode} is already given on row ${earlier.row}. Each outcome code can be used once.`);
        return;
      }
      if (outcomeCode === '' || outcomeTitle === '' || !rowIsGood) return;
      addOutcome();
      return;
    }

    // A criterion row.
    if (criterionCode === '') problems.push(`${at('criterion_code')}: a criterion needs a code.`);
    if (criterionText === '') problems.push(`${at('criterion_text')}: a criterion needs its text.`);
    if (outcomeCode === '') {
      problems.push(`${at('outcome_code')}: a criterion needs the code of the outcome it belongs to.`);
      return;
    }
    let owner = outcomeByCode.get(codeKey(outcomeCode)) ?? null;
    if (owner) {
      if (outcomeTitle !== '' && outcomeTitle !== owner.title) {
        problems.push(
          `${at('outcome_title')}: this is not the title outcome ${owner.code} was given on row ${owner.row} (${quoted(owner.title)}). Leave it empty or repeat the same title.`,
        );
      }
    } else if (outcomeTitle === '') {
      problems.push(`${at('outcome_code')}: there is no outcome ${outcomeCode} on an earlier row. Add a row for it above this one, or give its title in outcome_title.`);
      return;
    } else if (rowIsGood) {
      owner = addOutcome();
    }
    if (!owner || criterionCode === '' || criterionText === '' || !rowIsGood) return;
    const sameCode = owner.criteria.find((criterion) => codeKey(criterion.code) === codeKey(criterionCode));
    if (sameCode) {
      problems.push(`${at('criterion_code')}: outcome ${owner.code} already has a criterion ${criterionCode} (row ${sameCode.row}).`);
      return;
    }
    if (owner.criteria.length === maxCriteria) problems.push(`${at('criterion_code')}: outcome ${owner.code} has too many criteria (at most ${withThousands(maxCriteria)}).`);
    if (owner.criteria.length >= maxCriteria) return;
    owner.criteria.push({ code: criterionCode, text: criterionText, row });
  });

  const finalUnit = unit as { title: string; number: string } | null;
  if (finalUnit === null) return failed([...problems, 'The file has no rows after the header, so there is nothing to import.']);
  if (outcomes.length === 0 && problems.length === 0) problems.push('The file has no outcomes. Add at least one row with an outcome_code and an outcome_title.');
  if (problems.length > 0) return failed(problems);

  if (outcomes.some((outcome) => outcome.criteria.length > 0)) {
    for (const outcome of outcomes) if (outcome.criteria.length === 0) warnings.push(`Row ${outcome.row}: outcome ${outcome.code} has no criteria.`);
  }

  const framework: Framework = {
    id: newId(),
    title: finalUnit.title,
    number: finalUnit.number,
    archived: false,
    builtIn: null,
    outcomes: outcomes.map((outcome) => ({
      id: newId(),
      code: outcome.code,
      title: outcome.title,
      archived: false,
      criteria: outcome.criteria.map((criterion) => ({ id: newId(), code: criterion.code, text: criterion.text, archived: false })),
    })),
  };
  return checkedFramework(framework, warnings);
}

/** The last word: whatever an import builds must be a framework the portfolio accepts. */
function checkedFramework(framework: Framework, warnings: string[]): FrameworkImport {
  const checked = frameworkSchema.safeParse(framework);
  if (!checked.success) return failed(issueProblems(checked.error.issues, framework));
  return { ok: true, framework: checked.data, warnings };
}

// ---------------------------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------------------------

/**
 * What a framework file may hold. Looser than frameworkSchema where a hand-written file would
 * reasonably differ (ids and archived flags may be left out; a unit number may be a number);
 * ids are read past and replaced.
 */
const fileCode = z.string().trim().min(1).max(maxCodeLength);
const fileText = z.string().trim().min(1).max(maxTextLength);

const fileCriterionSchema = z.object({ code: fileCode, text: fileText, archived: z.boolean().optional() });

const fileOutcomeSchema = z.object({
  code: fileCode,
  title: fileText,
  archived: z.boolean().optional(),
  criteria: z.array(fileCriterionSchema).max(maxCriteria).optional(),
});

const fileFrameworkSchema = z.object({
  title: fileText,
  number: z.preprocess((value) => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? String(value) : value), z.string().trim().max(maxNumberLength)).optional(),
  archived: z.boolean().optional(),
  outcomes: z.array(fileOutcomeSchema).max(maxOutcomes),
});

type FileFramework = z.infer<typeof fileFrameworkSchema>;

const fieldWords: Record<string, string> = {
  id: 'id',
  title: 'title',
  number: 'unit number',
  code: 'code',
  text: 'text',
  archived: 'archived',
  outcomes: 'outcomes',
  criteria: 'criteria',
  builtIn: 'built-in source',
  version: 'version',
};

/** "Outcome 3, criterion 2: code is missing." from a zod issue at ['outcomes', 2, 'criteria', 1, 'code']. */
function issueProblem(issue: z.core.$ZodIssue, root: unknown): string {
  const path = issue.path;
  const places: string[] = [];
  let field: string | null = null;
  for (let i = 0; i < path.length; i += 1) {
    const key = path[i];
    const next = path[i + 1];
    if ((key === 'outcomes' || key === 'criteria') && typeof next === 'number') {
      places.push(`${key === 'outcomes' ? 'Outcome' : 'criterion'} ${next + 1}`);
      i += 1;
    } else {
      field = typeof key === 'number' ? `item ${key + 1}` : (fieldWords[String(key)] ?? String(key));
    }
  }
  const place = places.join(', ');
  const value = valueAt(root, path);

  let predicate: string;
  if (issue.code === 'invalid_type') {
    predicate = value === undefined || value === null ? 'is missing' : `should be ${jsonTypeWords[issue.expected] ?? issue.expected}`;
  } else if (issue.code === 'too_small' && issue.origin === 'string') {
    predicate = 'is empty';
  } else if (issue.code === 'too_big' && issue.origin === 'string') {
    predicate = `is too long (at most ${withThousands(Number(issue.maximum))} characters)`;
  } else if (issue.code === 'too_big' && issue.origin === 'array') {
    predicate = `has too many entries (at most ${withThousands(Number(issue.maximum))})`;
  } else {
    predicate = issue.message;
  }

  if (field === null) {
    // The problem is with an outcome or criterion as a whole.
    if (place === '') return `The framework ${predicate}.`;
    return issue.code === 'invalid_type' && value !== undefined && value !== null ? `${place} should be an object with a code and a ${place.includes('criterion') ? 'text' : 'title'}.` : `${place} ${predicate}.`;
  }
  if (field === 'outcomes' && issue.code === 'too_big') return `There are too many outcomes (at most ${withThousands(Number(issue.maximum))}).`;
  if (field === 'criteria' && issue.code === 'too_big') return `${place}: there are too many criteria (at most ${withThousands(Number(issue.maximum))}).`;
  if (place === '') return `${field.charAt(0).toUpperCase()}${field.slice(1)} ${predicate}.`;
  return `${place}: ${field} ${predicate}.`;
}

function issueProblems(issues: readonly z.core.$ZodIssue[], root: unknown): string[] {
  const problems = issues.map((issue) => issueProblem(issue, root));
  return problems.filter((problem, index) => problems.indexOf(problem) === index);
}

/**
 * Reads a framework from JSON: the file frameworkFileText writes ({"format", "version",
 * "framework"}), or a bare framework {title, number?, outcomes: [{code, title, criteria?: [{code,
 * text}]}]}. Ids in the file are replaced with fresh ones.
 */
export function importFrameworkJson(text: string, newId: () => string): FrameworkImport {
  try {
    return readJson(stripBom(text), newId);
  } catch {
    return failed(['The file could not be read as a framework (something unexpected went wrong).']);
  }
}

function readJson(text: string, newId: () => string): FrameworkImport {
  const notReadable = unreadable(text);
  if (notReadable) return failed([notReadable]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return failed(['The file is not JSON.']);
  }
  if (!isObject(parsed)) return failed(['The file does not hold a framework (it should be an object with a title and a list of outcomes).']);

  const warnings: string[] = [];
  let body: unknown = parsed;
  let builtIn: Framework['builtIn'] = null;
  if ('format' in parsed) {
    if (parsed['format'] !== frameworkFileFormat) return failed(['The file is not a Reflective Portfolio framework file.']);
    const version = parsed['version'];
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return failed(['The file does not say which version of the framework format it uses.']);
    if (version > frameworkFileVersion) {
      return failed([`The file was made by a newer version of Reflective Portfolio (framework format ${version}; this version reads format ${frameworkFileVersion}). Update the app to import it.`]);
    }
    body = parsed['framework'];
    if (!isObject(body)) return failed(['The file has no framework in it.']);
    const source = body['builtIn'];
    if (source !== undefined && source !== null) {
      const checkedSource = builtInSourceSchema.safeParse(source);
      if (checkedSource.success) builtIn = checkedSource.data;
      else warnings.push('The file says which built-in framework it came from in a way the app does not recognise, so it is imported as a framework of your own.');
    }
  }

  const read = fileFrameworkSchema.safeParse(body);
  if (!read.success) return failed(issueProblems(read.error.issues, body));
  const file: FileFramework = read.data;

  const { number, changed } = unitNumberFrom(file.number ?? '');
  if (changed) warnings.push(`The unit number ${quoted(file.number ?? '')} was read as ${quoted(number)}.`);
  if (file.outcomes.length === 0) warnings.push('The framework has no outcomes yet.');
  const codesSeen = new Map<string, number>();
  file.outcomes.forEach((outcome, index) => {
    if (outcome.archived) return;
    const earlier = codesSeen.get(codeKey(outcome.code));
    if (earlier !== undefined) warnings.push(`Outcome ${index + 1}: the code ${outcome.code} is also used by outcome ${earlier + 1}.`);
    else codesSeen.set(codeKey(outcome.code), index);
  });

  const framework: Framework = {
    id: newId(),
    title: file.title,
    number,
    archived: file.archived ?? false,
    builtIn,
    outcomes: file.outcomes.map(
      (outcome): Outcome => ({
        id: newId(),
        code: outcome.code,
        title: outcome.title,
        archived: outcome.archived ?? false,
        criteria: (outcome.criteria ?? []).map((criterion): Criterion => ({ id: newId(), code: criterion.code, text: criterion.text, archived: criterion.archived ?? false })),
      }),
    ),
  };
  return checkedFramework(framework, warnings);
}

/** The framework as a file to save or share: pretty JSON in the envelope importFrameworkJson reads. */
export function frameworkFileText(framework: Framework): string {
  const file = {
    format: frameworkFileFormat,
    version: frameworkFileVersion,
    framework: {
      id: framework.id,
      title: framework.title,
      number: framework.number,
      archived: framework.archived,
      builtIn: framework.builtIn === null ? null : { id: framework.builtIn.id, version: framework.builtIn.version },
      outcomes: framework.outcomes.map((outcome) => ({
        id: outcome.id,
        code: outcome.code,
        title: outcome.title,
        archived: outcome.archived,
        criteria: outcome.criteria.map((criterion) => ({ id: criterion.id, code: criterion.code, text: criterion.text, archived: criterion.archived })),
      })),
    },
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
