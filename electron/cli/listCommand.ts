import { format, parseISO } from 'date-fns';
import { enGB } from 'date-fns/locale/en-GB';
import { formatWeekCommencingShort } from '../../shared/dates/weeks.js';
import { byDate } from '../../shared/portfolio/entrySummary.js';
import type { PortfolioData } from '../../shared/portfolio/portfolioData.js';
import { templateName } from '../../shared/templates/templateLibrary.js';
import { CliProblem } from './cliProblem.js';
import type { CommandLine } from './commandLine.js';
import { dateOption } from './dateOption.js';
import { openPortfolioForCli } from './openPortfolioForCli.js';
import { textTable } from './textTable.js';

export const listSubjects = ['frameworks', 'entries'] as const;
export type ListSubject = (typeof listSubjects)[number];

/** `list frameworks` and `list entries`: what the ids for --framework and --entry are. */
export async function listCommand(subject: ListSubject, commandLine: CommandLine, print: (line: string) => void): Promise<void> {
  const from = dateOption('--from', commandLine.values.from);
  const to = dateOption('--to', commandLine.values.to);
  if (from !== null && to !== null && from > to) throw new CliProblem('--from must not be after --to.');
  const { data } = await openPortfolioForCli(commandLine);
  print(subject === 'frameworks' ? frameworksTable(data) : entriesTable(data, from, to));
}

export function frameworksTable(data: PortfolioData): string {
  if (data.frameworks.length === 0) return 'This portfolio has no frameworks yet. Add one on the Frameworks page of the app.';
  return textTable([
    ['Id', 'Name', 'Outcomes', 'Archived'],
    ...data.frameworks.map((framework) => [
      framework.id,
      framework.number === '' ? framework.title : `Unit ${framework.number}: ${framework.title}`,
      String(framework.outcomes.filter((outcome) => !outcome.archived).length),
      framework.archived ? 'yes' : 'no',
    ]),
  ]);
}

const ukDate = (day: string) => format(parseISO(day), 'd MMM yyyy', { locale: enGB });

export function entriesTable(data: PortfolioData, from: string | null, to: string | null): string {
  const entries = byDate(data.entries).filter((entry) => (from === null || entry.date >= from) && (to === null || entry.date <= to));
  if (entries.length === 0) return data.entries.length === 0 ? 'This portfolio has no entries yet.' : 'No entries are dated in that period.';
  return textTable([
    ['Id', 'Date', 'Kind', 'Title', 'Template', 'Words'],
    ...entries.map((entry) => [
      entry.id,
      ukDate(entry.date),
      entry.kind === 'weekly-log' ? 'Weekly log' : 'Reflection',
      entry.kind === 'weekly-log' ? formatWeekCommencingShort(entry.weekStart) : entry.title || '(untitled)',
      templateName(data.templates, entry.template),
      entry.summary.words.toLocaleString('en-GB'),
    ]),
  ]);
}
