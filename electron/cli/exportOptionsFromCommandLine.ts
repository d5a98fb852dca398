import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { z } from 'zod';
import { isCalendarDate } from '../../shared/dates/weeks.js';
import { type ExportOptions, type ExportPackKind, exportLimits, exportOptionsSchema } from '../../shared/export/exportOptions.js';
import type { Framework } from '../../shared/frameworks/framework.js';
import type { PortfolioData } from '../../shared/portfolio/portfolioData.js';
import { CliProblem, usageProblem } from './cliProblem.js';
import type { CliSwitch, CliValueOption, CommandLine } from './commandLine.js';
import { programName } from './helpTexts.js';

/** Which options each pack accepts besides --portfolio, --out and --help. */
export const packOptions: Record<ExportPackKind, readonly (CliValueOption | CliSwitch)[]> = {
  weeks: ['from', 'to', 'week', 'name', 'fail-on-findings'],
  assignment: ['framework', 'from', 'to', 'name', 'course', 'submission-date', 'word-limit', 'references-file', 'commentary-file', 'fail-on-findings'],
  appraisal: ['from', 'to', 'name', 'role', 'registration', 'fail-on-findings'],
  reflection: ['entry', 'name', 'fail-on-findings'],
  feedback: ['framework', 'from', 'to', 'name', 'leave-out-resolved', 'fail-on-findings'],
};

/** The option a field of the export options comes from, for messages. */
const optionOfField: Record<string, string> = {
  from: '--from',
  to: '--to',
  name: '--name',
  course: '--course',
  submissionDate: '--submission-date',
  wordLimit: '--word-limit',
  commentary: '--commentary-file',
  references: '--references-file',
  frameworkId: '--framework',
  entryId: '--entry',
  role: '--role',
  registration: '--registration',
};

/**
 * The export options the command line asks for, checked by the same schema the Export screen's
 * requests are checked with. A missing option is a usage problem; a value the schema refuses, or
 * a file that cannot be read, is a plain sentence naming the option.
 */
export async function exportOptionsFromCommandLine(pack: ExportPackKind, commandLine: CommandLine, data: PortfolioData): Promise<ExportOptions> {
  const values = commandLine.values;
  const candidate = await candidateOptions(pack, commandLine, data);
  const checked = exportOptionsSchema.safeParse(candidate);
  if (checked.success) return checked.data;
  const issue = checked.error.issues[0];
  if (!issue) throw new CliProblem('The export options were not accepted.');
  const weekGiven = pack === 'weeks' && values.week !== undefined;
  throw new CliProblem(describeIssue(issue, candidate, weekGiven, values));
}

/** What each pack cannot do without, checked before anything is read so usage mistakes come first. */
export function checkPackUsage(pack: ExportPackKind, values: CommandLine['values']): void {
  switch (pack) {
    case 'weeks':
      if (values.week !== undefined && (values.from !== undefined || values.to !== undefined)) throw usageProblem('Give either --week, or --from and --to, not both.');
      if (values.week !== undefined) return;
      if (values.from === undefined && values.to === undefined) throw usageProblem('Say which weeks with --from and --to, or --week for one week.');
      if (values.from === undefined) throw usageProblem('--to needs --from as well (or --week for one week).');
      if (values.to === undefined) throw usageProblem('--from needs --to as well (or --week for one week).');
      return;
    case 'assignment':
      if (values.framework === undefined) throw usageProblem(`Say which framework with --framework <id>; \`${programName} list frameworks\` shows the ids.`);
      return;
    case 'appraisal':
      if (values.from === undefined || values.to === undefined) throw usageProblem('Say which period with --from and --to, for example --from 2018-10-01 --to 2019-09-30.');
      return;
    case 'reflection':
      if (values.entry === undefined) throw usageProblem(`Say which reflection with --entry <id>; \`${programName} list entries\` shows the ids.`);
      return;
    case 'feedback':
      // Every option is optional: with none, every comment and sign-off received.
      return;
  }
}

async function candidateOptions(pack: ExportPackKind, commandLine: CommandLine, data: PortfolioData): Promise<Record<string, unknown>> {
  const values = commandLine.values;
  checkPackUsage(pack, values);
  const name = values.name ?? '';
  switch (pack) {
    case 'weeks':
      return { pack, from: values.week ?? values.from, to: values.week ?? values.to, name };
    case 'assignment': {
      const frameworkId = values.framework ?? '';
      const framework = data.frameworks.find((candidate) => candidate.id === frameworkId);
      if (!framework) throw new CliProblem(unknownFramework(frameworkId));
      return {
        pack,
        frameworkId,
        from: values.from ?? null,
        to: values.to ?? null,
        name,
        course: values.course ?? '',
        submissionDate: values['submission-date'] ?? null,
        wordLimit: wordLimitValue(values['word-limit']),
        commentary: values['commentary-file'] === undefined ? {} : commentaryByOutcome(await readTextFile('--commentary-file', values['commentary-file']), values['commentary-file'], framework),
        references: values['references-file'] === undefined ? '' : await readTextFile('--references-file', values['references-file']),
      };
    }
    case 'appraisal':
      return { pack, from: values.from, to: values.to, name, role: values.role ?? '', registration: values.registration ?? '' };
    case 'reflection': {
      const entryId = values.entry ?? '';
      if (!data.entries.some((entry) => entry.id === entryId)) throw new CliProblem(unknownEntry(entryId));
      return { pack, entryId, name };
    }
    case 'feedback': {
      const frameworkId = values.framework ?? null;
      if (frameworkId !== null && !data.frameworks.some((candidate) => candidate.id === frameworkId)) throw new CliProblem(unknownFramework(frameworkId));
      return { pack, frameworkId, from: values.from ?? null, to: values.to ?? null, includeResolved: commandLine.switches['leave-out-resolved'] !== true, name };
    }
  }
}

export const unknownFramework = (id: string) => `There is no framework with the id "${id}" in this portfolio. \`${programName} list frameworks\` shows the ids.`;
export const unknownEntry = (id: string) => `There is no entry with the id "${id}" in this portfolio. \`${programName} list entries\` shows the ids.`;

/** A whole number, with or without thousands separators; anything else is passed on for the schema to refuse. */
function wordLimitValue(value: string | undefined): number | string | null {
  if (value === undefined) return null;
  return /^\d+$|^\d{1,3}(,\d{3})+$/.test(value.trim()) ? Number(value.trim().replaceAll(',', '')) : value;
}

const maxOptionFileBytes = 4 * 1024 * 1024;

async function readTextFile(option: string, file: string): Promise<string> {
  const path = resolve(file);
  let bytes: Uint8Array;
  try {
    if ((await stat(path)).size > maxOptionFileBytes) throw new CliProblem(`The file given with ${option} is too large to be ${option === '--references-file' ? 'a list of references' : 'commentary'}: ${path}.`);
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof CliProblem) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliProblem(`There is no file at ${path} (given with ${option}).`);
    if (code === 'EISDIR') throw new CliProblem(`${path} (given with ${option}) is a folder, not a file.`);
    throw new CliProblem(`The file ${path} (given with ${option}) could not be read.`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/\r\n?/g, '\n');
  } catch {
    throw new CliProblem(`The file ${path} (given with ${option}) is not text saved as UTF-8.`);
  }
}

/**
 * The commentary file: JSON naming each outcome by its code as the student knows it ("LO1") or by
 * its id, with the words to go before that outcome's evidence. Keys become outcome ids.
 */
function commentaryByOutcome(text: string, file: string, framework: Framework): Record<string, string> {
  const shape = `It should hold JSON such as {"LO1": "My introduction to LO1…"}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new CliProblem(`The commentary file ${resolve(file)} is not JSON. ${shape}.`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new CliProblem(`The commentary file ${resolve(file)} is not in the expected form. ${shape}.`);
  const commentary: Record<string, string> = {};
  const normalise = (code: string) => code.replace(/\s+/g, '').toLowerCase();
  for (const [key, value] of Object.entries(parsed)) {
    const outcome = framework.outcomes.find((candidate) => candidate.id === key) ?? framework.outcomes.find((candidate) => normalise(candidate.code) === normalise(key));
    if (!outcome) {
      const codes = framework.outcomes.map((candidate) => candidate.code).join(', ');
      throw new CliProblem(`The commentary file names an outcome the framework "${framework.id}" does not have: "${key}". Its outcomes are ${codes || 'none yet'}.`);
    }
    if (typeof value !== 'string') throw new CliProblem(`In the commentary file, the value for "${key}" is not text. ${shape}.`);
    if (Object.hasOwn(commentary, outcome.id)) throw new CliProblem(`The commentary file gives ${outcome.code} more than once.`);
    commentary[outcome.id] = value.replace(/\r\n?/g, '\n');
  }
  return commentary;
}

const characters = (count: number) => `${count.toLocaleString('en-GB')} characters`;

/** One zod issue as a sentence naming the option the user typed. */
function describeIssue(issue: z.core.$ZodIssue, candidate: Record<string, unknown>, weekGiven: boolean, values: CommandLine['values']): string {
  const field = String(issue.path[0] ?? '');
  const option = weekGiven && (field === 'from' || field === 'to') ? '--week' : (optionOfField[field] ?? 'An option');
  const value = candidate[field];
  switch (field) {
    case 'from':
    case 'to':
    case 'submissionDate': {
      if (typeof value === 'string' && !isCalendarDate(value)) return `${option} must be a date written as YYYY-MM-DD, for example 2019-09-02; "${value}" is not one.`;
      return '--from must not be after --to.';
    }
    case 'wordLimit':
      return `--word-limit must be a whole number from 1 to ${exportLimits.maxWordLimit.toLocaleString('en-GB')}; "${values['word-limit'] ?? ''}" is not one.`;
    case 'frameworkId':
      return `--framework must be a framework id as \`${programName} list frameworks\` shows it; "${String(value)}" is not one.`;
    case 'entryId':
      return `--entry must be an entry id as \`${programName} list entries\` shows it; "${String(value)}" is not one.`;
    case 'references':
      return `The references file is too long: it may hold at most ${characters(exportLimits.references)}.`;
    case 'commentary': {
      const outcome = issue.path[1];
      if (issue.code === 'too_big' && outcome !== undefined) return `The commentary for one outcome is too long: each may hold at most ${characters(exportLimits.commentary)}.`;
      return 'The commentary file names more outcomes than a framework may have.';
    }
    default:
      if (issue.code === 'too_big' && 'maximum' in issue) return `${option} is too long: it may hold at most ${characters(Number(issue.maximum))}.`;
      return `${option} was not accepted: ${issue.message}.`;
  }
}
