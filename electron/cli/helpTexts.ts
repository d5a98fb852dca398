import type { ExportPackKind } from '../../shared/export/exportOptions.js';

export const programName = 'reflective-portfolio';

export const mainHelp = `Usage: ${programName} <command> [options]

Lists what a portfolio holds and exports Word documents from it, without opening the app. The
portfolio folder is only read, never changed, so this works while the app has it open (it reads
the last saved state). An encrypted portfolio is read with its passphrase, given in the
environment variable REFLECTIVE_PORTFOLIO_PASSPHRASE or, at a terminal, typed when asked (it is
not shown). Every export is checked for possible patient identifiers, which are listed.

Commands:
  list frameworks   The portfolio's frameworks, with the ids --framework takes.
  list entries      Weekly logs and reflections, with the ids --entry takes.
  export weeks      Weekly logs for one week or a range of weeks.
  export assignment Assignment evidence for a framework's outcomes.
  export appraisal  An appraisal or revalidation pack for a period.
  export reflection One reflection, laid out as its template.
  export feedback   Mentors' comments and sign-offs, as a record.

Options:
  -h, --help        Show this message, or a command's own options (export weeks --help).
  --version         Show the version.

Examples:
  ${programName} list frameworks --portfolio "My portfolio"
  ${programName} export weeks --portfolio "My portfolio" --from 2019-09-02 --to 2019-12-20 --out log.docx

Exit status: 0 when done; 1 when it could not be done (the message says why); 2 when the command
line was not understood.
`;

export const listHelp = `Usage: ${programName} list <frameworks|entries> --portfolio <folder>

  list frameworks   Each framework's id, name, number of outcomes and whether it is archived.
  list entries      Each entry's id, date, kind, title (a weekly log's is its week), template
                    and word count, oldest first.

Options:
  --portfolio <folder>  The portfolio folder (the one holding portfolio.json).
  --from <YYYY-MM-DD>   list entries: only entries dated on or after this day.
  --to <YYYY-MM-DD>     list entries: only entries dated on or before this day.
  -h, --help            Show this message.
`;

/** Options and what they do, the descriptions lined up; a description's \n continues it on the next line. */
function optionList(rows: ReadonlyArray<readonly [string, string]>): string {
  const width = Math.max(...rows.map(([option]) => option.length)) + 2;
  return rows.map(([option, description]) => `  ${option.padEnd(width)}${description.split('\n').join(`\n  ${' '.repeat(width)}`)}`).join('\n');
}

const portfolioOption = ['--portfolio <folder>', 'The portfolio folder (the one holding portfolio.json).'] as const;
const outOption = ['--out <file.docx>', 'Where to save the Word document. Its folder must exist; a file\nalready there is replaced.'] as const;
const helpOption = ['-h, --help', 'Show this message.'] as const;
const findingsOption = [
  '--fail-on-findings',
  'Save nothing, and fail, if the privacy check finds possible patient\nidentifiers in the document (they are listed either way).',
] as const;

export const exportHelp = `Usage: ${programName} export <weeks|assignment|appraisal|reflection|feedback>
         --portfolio <folder> --out <file.docx> [options]

Packs:
  weeks        Weekly logs for one week or a range of weeks.
  assignment   Assignment evidence for a framework's outcomes.
  appraisal    An appraisal or revalidation pack for a period.
  reflection   One reflection, laid out as its template.
  feedback     Mentors' comments and sign-offs, as a record.

Run \`${programName} export <pack> --help\` for a pack's options.
`;

export const exportPackHelp: Record<ExportPackKind, string> = {
  weeks: `Usage: ${programName} export weeks --portfolio <folder> --out <file.docx>
         (--from <date> --to <date> | --week <date>) [--name <name>]

Weekly logs as they read in the app: this week with its numbered ideas, key thoughts,
achievements, next week's plans and the review of last week's.

Options:
${optionList([
  portfolioOption,
  outOption,
  ['--from <YYYY-MM-DD>', 'The first week: the week holding this day.'],
  ['--to <YYYY-MM-DD>', 'The last week: the week holding this day.'],
  ['--week <YYYY-MM-DD>', 'Just one week: the week holding this day (instead of --from and --to).'],
  ['--name <name>', "Your name, for the title page and the document's author."],
  findingsOption,
  helpOption,
])}

Example:
  ${programName} export weeks --portfolio "My portfolio" --from 2019-09-02 --to 2019-12-20 --out log.docx
`,
  assignment: `Usage: ${programName} export assignment --portfolio <folder> --out <file.docx>
         --framework <id> [options]

Assignment evidence: a cover page, each outcome with its criteria and every passage tagged with
it (quoted, with its entry and date), a mapping table and word counts.

Options:
${optionList([
  portfolioOption,
  outOption,
  ['--framework <id>', 'The framework (unit) to gather evidence for; `list frameworks`\nshows the ids.'],
  ['--from <YYYY-MM-DD>', 'Only evidence from entries dated on or after this day.'],
  ['--to <YYYY-MM-DD>', 'Only evidence from entries dated on or before this day.'],
  ['--name <name>', "Your name, for the cover page and the document's author."],
  ['--course <course>', 'The course, for the cover page.'],
  ['--submission-date <date>', 'The submission date (YYYY-MM-DD), for the cover page.'],
  ['--word-limit <N>', "The assignment's word limit; the counts are shown against it."],
  ['--references-file <file>', 'A text file of references, one per line.'],
  [
    '--commentary-file <file>',
    'A JSON file of your words introducing each outcome\'s evidence:\n{"LO1": "text", "LO2": "text"} (an outcome\'s code or id; blank\nlines start new paragraphs).',
  ],
  findingsOption,
  helpOption,
])}

Example:
  ${programName} export assignment --portfolio "My portfolio" --framework unit-26 --word-limit 3000 --out evidence.docx
`,
  appraisal: `Usage: ${programName} export appraisal --portfolio <folder> --out <file.docx>
         --from <date> --to <date> [options]

An appraisal or revalidation pack: a summary of the period, achievements, ideas taken forward,
a development plan, reflective accounts in the NMC form and a CPD log with hours.

Options:
${optionList([
  portfolioOption,
  outOption,
  ['--from <YYYY-MM-DD>', 'The first day of the period.'],
  ['--to <YYYY-MM-DD>', 'The last day of the period.'],
  ['--name <name>', 'Your name.'],
  ['--role <role>', 'Your job title or role, e.g. "Staff nurse".'],
  ['--registration <number>', 'Your NMC PIN or HCPC registration number.'],
  findingsOption,
  helpOption,
])}

Example:
  ${programName} export appraisal --portfolio "My portfolio" --from 2018-10-01 --to 2019-09-30 --role "Staff nurse" --out appraisal.docx
`,
  reflection: `Usage: ${programName} export reflection --portfolio <folder> --out <file.docx>
         --entry <id> [--name <name>]

One reflection, laid out as the template it was written with.

Options:
${optionList([portfolioOption, outOption, ['--entry <id>', 'The reflection; `list entries` shows the ids.'], ['--name <name>', "Your name, for the document's author."], findingsOption, helpOption])}
`,
  feedback: `Usage: ${programName} export feedback --portfolio <folder> --out <file.docx> [options]

The comments and sign-offs mentors have sent back (from feedback files imported in the app): a
sign-off table for each framework, outcomes not signed off shown as such, then every comment
under its entry, oldest entry first, with the passage it is on quoted and where that passage
stands now, your replies, and whether it is resolved. Sign-offs the mentor withdrew are left out.

Options:
${optionList([
  portfolioOption,
  outOption,
  ['--framework <id>', "Only this framework's sign-offs, and comments on entries holding\nevidence for it; `list frameworks` shows the ids. Without it,\nevery framework signed against."],
  ['--from <YYYY-MM-DD>', 'Only comments on entries dated on or after this day.'],
  ['--to <YYYY-MM-DD>', 'Only comments on entries dated on or before this day.'],
  ['--leave-out-resolved', 'Leave out comments you have marked resolved.'],
  ['--name <name>', "Your name, for the title page, your replies and the document's author."],
  findingsOption,
  helpOption,
])}

Example:
  ${programName} export feedback --portfolio "My portfolio" --framework unit-26 --out feedback.docx
`,
};

/** The hint under a message about the command line itself. */
export function helpHint(words: readonly string[]): string {
  const command = words.length > 0 ? `${programName} ${words.join(' ')} --help` : `${programName} --help`;
  return `Use \`${command}\` to see what it accepts.`;
}
