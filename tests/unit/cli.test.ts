import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { writeProblem } from '../../electron/cli/outputFile.js';
import { runCli } from '../../electron/cli/runCli.js';
import { openPortfolio } from '../../electron/storage/openPortfolio.js';
import { doc, para, tagMark, text, unitWith } from '../fixtures/evidenceDocs.js';
import { openReflective, paragraphs } from '../fixtures/reflections.js';
import { useTempFolders } from '../fixtures/tempFolder.js';
import { weeklyLog } from '../fixtures/weeklyLogBuilder.js';
import { addSampleFeedback, sampleFeedbackWords } from '../fixtures/sampleFeedback.js';
import { buildSamplePortfolio } from '../fixtures/samplePortfolio.js';
import { convertToPdf, pdfText } from '../support/wordFile.js';

const tempFolder = useTempFolders();
const run = promisify(execFile);
const projectFolder = join(import.meta.dirname, '..', '..');

/** Runs the command line as a user would type it; what it printed and its exit status. */
async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const status = await runCli(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), now: () => new Date('2019-12-21T10:00:00Z') });
  return { status, stdout, stderr };
}

const unit = unitWith([
  { id: 'lo3', code: 'LO3', title: 'Outcomes of partnership working', archived: false, criteria: [{ id: 'p5', code: 'P5', text: 'Explain the benefits', archived: false }] },
  { id: 'lo4', code: 'LO4', title: 'Own contribution', archived: false, criteria: [] },
]);

const secretWords = 'Mrs Example on bay four';

/** A portfolio written through the real handlers: two weekly logs, one reflection, a unit with a tagged passage. */
async function writtenPortfolio(): Promise<{ folder: string; reflectionId: string }> {
  const folder = join(await tempFolder(), 'My portfolio');
  const { value, opened } = await openReflective(folder);
  await value('frameworks.save', { framework: unit });
  await value('week.save', {
    weekStart: '2019-09-02',
    sections: weeklyLog({
      weekStart: '2019-09-02',
      thisWeek: ['First week of the secondment.', { idea: 'idea-a', text: 'Shadow the discharge team' }],
      keyThoughts: ['Listening first'],
      achievements: ['Met the team'],
      plans: [{ id: 'plan-a', text: 'Book time with the ward manager' }],
    }).sections,
  });
  await value('week.save', {
    weekStart: '2019-09-09',
    sections: {
      ...weeklyLog({ weekStart: '2019-09-09', keyThoughts: [secretWords] }).sections,
      thisWeek: doc(para(text('Joint visit with the social worker went well', tagMark('lo3', 'p5')))),
    },
  });
  const reflection = await value('entry.create', { date: '2019-09-12', templateId: 'gibbs', title: 'Handover' });
  await value('entry.save', { entryId: reflection.entry.id, sections: { description: paragraphs('Handover on the ward ran late'), feelings: paragraphs('Anxious then relieved') } });
  await opened.close();
  return { folder, reflectionId: reflection.entry.id };
}

/** Every file under a folder with its size and modification time, to show nothing was touched. */
async function folderState(folder: string): Promise<string[]> {
  const names = await readdir(folder, { recursive: true });
  const states = await Promise.all(names.map(async (name) => `${name} ${(await stat(join(folder, name))).size} ${(await stat(join(folder, name))).mtimeMs}`));
  return states.sort();
}

describe('reflective-portfolio --help', () => {
  it('names the commands, an example and the exit statuses', async () => {
    const { status, stdout, stderr } = await cli('--help');
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^Usage: reflective-portfolio <command>/);
    for (const command of ['list frameworks', 'list entries', 'export weeks', 'export assignment', 'export appraisal', 'export reflection', 'export feedback']) expect(stdout).toContain(command);
    expect(stdout).toMatch(/Exit status: 0 .*; 1 .*; 2 /s);
  });

  it("gives each pack's own options", async () => {
    expect((await cli('export', 'weeks', '--help')).stdout).toMatch(/--week <YYYY-MM-DD>/);
    expect((await cli('export', 'assignment', '--help')).stdout).toMatch(/--commentary-file <file>/);
    expect((await cli('export', 'appraisal', '-h')).stdout).toMatch(/--registration <number>/);
    expect((await cli('help', 'export', 'reflection')).stdout).toMatch(/--entry <id>/);
    const feedback = await cli('export', 'feedback', '--help');
    expect(feedback).toMatchObject({ status: 0, stderr: '' });
    expect(feedback.stdout).toMatch(/^Usage: reflective-portfolio export feedback --portfolio <folder> --out <file\.docx> \[options\]/);
    for (const option of ['--framework <id>', '--from <YYYY-MM-DD>', '--to <YYYY-MM-DD>', '--leave-out-resolved', '--name <name>']) expect(feedback.stdout).toContain(option);
    expect((await cli('export', '--help')).stdout).toMatch(/^ {2}feedback +Mentors' comments and sign-offs/m);
    expect((await cli('list', '--help')).stdout).toMatch(/list entries/);
  });

  it('with no command, shows the help on stderr and exits 2', async () => {
    const { status, stdout, stderr } = await cli();
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^Usage:/);
  });
});

describe('reflective-portfolio list', () => {
  it('lists frameworks with their ids, names, outcome counts and whether archived', async () => {
    const { folder } = await writtenPortfolio();
    const { status, stdout } = await cli('list', 'frameworks', '--portfolio', folder);
    expect(status).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Id\s+Name\s+Outcomes\s+Archived$/);
    expect(lines[1]).toMatch(/^u26\s+Unit 26: Supporting team and partnership working\s+2\s+no$/);
  });

  it('lists entries oldest first with UK dates, kind, title or week, template and words', async () => {
    const { folder, reflectionId } = await writtenPortfolio();
    const { status, stdout } = await cli('list', 'entries', '--portfolio', folder);
    expect(status).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Id\s+Date\s+Kind\s+Title\s+Template\s+Words$/);
    expect(lines[1]).toMatch(/\s2 Sep 2019\s+Weekly log\s+w\/c 2 Sep 2019\s+Weekly log\s+\d+$/);
    expect(lines[2]).toMatch(/\s9 Sep 2019\s+Weekly log\s+w\/c 9 Sep 2019\s/);
    expect(lines[3]).toMatch(new RegExp(`^${reflectionId}\\s+12 Sep 2019\\s+Reflection\\s+Handover\\s+Gibbs.*\\s9$`));
  });

  it('lists only entries in the period --from and --to give', async () => {
    const { folder } = await writtenPortfolio();
    const { stdout } = await cli('list', 'entries', '--portfolio', folder, '--from', '2019-09-09', '--to', '2019-09-10');
    expect(stdout.trimEnd().split('\n')).toHaveLength(2);
    expect(stdout).toContain('w/c 9 Sep 2019');
  });

  it('reads while the app has the portfolio open, and changes nothing in the folder', async () => {
    const { folder } = await writtenPortfolio();
    const app = await openPortfolio(folder);
    const before = await folderState(folder);
    expect((await cli('list', 'entries', '--portfolio', folder)).status).toBe(0);
    expect((await cli('export', 'weeks', '--portfolio', folder, '--week', '2019-09-02', '--out', join(await tempFolder(), 'week.docx'))).status).toBe(0);
    expect(await folderState(folder)).toEqual(before);
    await app.close();
  });
});

describe('reflective-portfolio export', () => {
  it('exports weekly logs to a Word file that LibreOffice opens, and says what it holds and where it went', async () => {
    const { folder } = await writtenPortfolio();
    const out = join(await tempFolder(), 'log.docx');
    const { status, stdout, stderr } = await cli('export', 'weeks', '--portfolio', folder, '--from', '2019-09-02', '--to', '2019-09-15', '--name', 'Sam Jones', '--out', out);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Weekly reflective logs: w\/c 2 Sep 2019 to w\/c 9 Sep 2019 — 2 entries, \d+ words\.$/m);
    expect(stdout).toContain(`Saved ${out}`);
    const bytes = await readFile(out);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const pdf = await pdfText(await convertToPdf(out, await tempFolder()));
    expect(pdf).toContain('Key thoughts');
    expect(pdf).toContain('Shadow the discharge team');
  }, 90_000);

  it('exports assignment evidence with commentary named by outcome code and references from files', async () => {
    const { folder } = await writtenPortfolio();
    const work = await tempFolder();
    await writeFile(join(work, 'commentary.json'), JSON.stringify({ LO3: 'How partnership working showed in practice.' }));
    await writeFile(join(work, 'references.txt'), 'NMC (2018) The Code.\r\nSkills for Care (2014) Care Certificate.\r\n');
    const out = join(work, 'evidence.docx');
    const { status, stdout, stderr } = await cli(
      'export', 'assignment', '--portfolio', folder, '--framework', 'u26', '--word-limit', '3,000', '--submission-date', '2020-01-10',
      '--commentary-file', join(work, 'commentary.json'), '--references-file', join(work, 'references.txt'), '--out', out,
    );
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^.*Unit 26: Supporting team and partnership working — 1 entry, 1 passage, \d+ words \(\d+ quoted\)\.$/m);
    expect((await readFile(out)).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('exports a single reflection and an appraisal pack', async () => {
    const { folder, reflectionId } = await writtenPortfolio();
    const work = await tempFolder();
    expect(await cli('export', 'reflection', '--portfolio', folder, '--entry', reflectionId, '--out', join(work, 'r.docx'))).toMatchObject({ status: 0, stderr: '' });
    expect(await cli('export', 'appraisal', '--portfolio', folder, '--from', '2019-09-01', '--to', '2019-09-30', '--role', 'Staff nurse', '--out', join(work, 'a.docx'))).toMatchObject({ status: 0, stderr: '' });
    expect(existsSync(join(work, 'r.docx')) && existsSync(join(work, 'a.docx'))).toBe(true);
  });

  it('exports the mentor feedback and sign-off record, for one framework, leaving resolved comments out', async () => {
    const work = await tempFolder();
    const sample = await buildSamplePortfolio(join(work, 'portfolio'));
    await sample.close();
    await addSampleFeedback(sample, join(work, 'mentors'));
    const out = join(work, 'feedback.docx');
    const { status, stdout, stderr } = await cli('export', 'feedback', '--portfolio', sample.folder, '--framework', sample.unit26.frameworkId, '--leave-out-resolved', '--name', 'Shoniea Example', '--out', out);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Mentor feedback and sign-off record: Unit 26: .+ — 1 comment on 1 entry, 3 sign-offs, \d+ words\.$/m);
    expect(stdout).toContain('Note: 1 resolved comment is left out.');
    expect(stdout).toContain(`Saved ${out}`);
    const pdf = (await pdfText(await convertToPdf(out, work))).replace(/\s+/g, ' ');
    expect(pdf).toContain('Sign-off record');
    expect(pdf).toContain(sampleFeedbackWords.lo3Statement);
    expect(pdf).toContain(sampleFeedbackWords.wholeReplies[0]);
    expect(pdf).not.toContain(sampleFeedbackWords.exactComment);
    // Every comment and sign-off, when nothing limits it.
    const all = await cli('export', 'feedback', '--portfolio', sample.folder, '--out', join(work, 'all.docx'));
    expect(all).toMatchObject({ status: 0, stderr: '' });
    expect(all.stdout).toMatch(/^Mentor feedback and sign-off record — 6 comments on 5 entries, 4 sign-offs, \d+ words\.$/m);
  }, 120_000);

  it('names an unknown framework for the feedback record, and refuses a value given to --leave-out-resolved', async () => {
    const { folder } = await writtenPortfolio();
    const out = join(await tempFolder(), 'f.docx');
    expect(await cli('export', 'feedback', '--portfolio', folder, '--framework', 'unit-99', '--out', out)).toMatchObject({ status: 1, stderr: expect.stringMatching(/^There is no framework with the id "unit-99"/) });
    expect(await cli('export', 'feedback', '--portfolio', folder, '--leave-out-resolved=yes', '--out', out)).toMatchObject({ status: 2, stderr: expect.stringMatching(/^--leave-out-resolved does not take a value\./) });
    expect(await cli('export', 'weeks', '--portfolio', folder, '--week', '2019-09-02', '--leave-out-resolved', '--out', out)).toMatchObject({ status: 2, stderr: expect.stringMatching(/^--leave-out-resolved is not an option of `export weeks`\./) });
    // A portfolio with no feedback: the record says so, and the command line still writes it.
    const empty = await cli('export', 'feedback', '--portfolio', folder, '--out', out);
    expect(empty).toMatchObject({ status: 0, stderr: '' });
    expect(empty.stdout).toContain('Note: No mentor feedback has been imported yet.');
    expect(existsSync(out)).toBe(true);
  });

  it('replaces an existing file whole and leaves no temporary file beside it', async () => {
    const { folder } = await writtenPortfolio();
    const work = await tempFolder();
    const out = join(work, 'log.docx');
    await writeFile(out, 'an older export');
    expect((await cli('export', 'weeks', '--portfolio', folder, '--week', '2019-09-04', '--out', out)).status).toBe(0);
    expect(await readdir(work)).toEqual(['log.docx']);
    expect((await readFile(out)).subarray(0, 2).toString('latin1')).toBe('PK');
  });
});

describe('what the command line says when it cannot export', () => {
  it('names an unknown framework and exits 1, writing nothing', async () => {
    const { folder } = await writtenPortfolio();
    const out = join(await tempFolder(), 'evidence.docx');
    const { status, stdout, stderr } = await cli('export', 'assignment', '--portfolio', folder, '--framework', 'unit-99', '--out', out);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('There is no framework with the id "unit-99" in this portfolio. `reflective-portfolio list frameworks` shows the ids.\n');
    expect(existsSync(out)).toBe(false);
  });

  it('names an unknown entry and exits 1', async () => {
    const { folder } = await writtenPortfolio();
    const { status, stderr } = await cli('export', 'reflection', '--portfolio', folder, '--entry', 'nothing-here', '--out', join(await tempFolder(), 'r.docx'));
    expect(status).toBe(1);
    expect(stderr).toMatch(/no entry with the id "nothing-here"/);
  });

  it('says when the portfolio folder does not exist', async () => {
    const missing = join(await tempFolder(), 'Not made yet');
    const { status, stderr } = await cli('list', 'entries', '--portfolio', missing);
    expect(status).toBe(1);
    expect(stderr).toBe(`There is no folder at ${missing}.\n`);
    expect(existsSync(missing)).toBe(false);
  });

  it('says when the folder is not a portfolio, and leaves it empty', async () => {
    const folder = await tempFolder();
    const { status, stderr } = await cli('list', 'frameworks', '--portfolio', folder);
    expect(status).toBe(1);
    expect(stderr).toBe(`${folder} is not a portfolio folder: it has no portfolio.json.\n`);
    expect(await readdir(folder)).toEqual([]);
  });

  it('says the portfolio file is damaged, points to the backups the app can restore, and touches nothing', async () => {
    const { folder } = await writtenPortfolio();
    const cutShort = (await readFile(join(folder, 'portfolio.json'), 'utf8')).slice(0, 200);
    await writeFile(join(folder, 'portfolio.json'), cutShort);
    const before = await folderState(folder);
    const { status, stdout, stderr } = await cli('export', 'weeks', '--portfolio', folder, '--week', '2019-09-02', '--out', join(await tempFolder(), 'log.docx'));
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^The portfolio file ends part-way through, as if saving was cut off\. /);
    expect(stderr).toContain(`The backups folder (${join(folder, 'backups')}) holds`);
    expect(stderr).toMatch(/Open the portfolio in Reflective Portfolio and it offers to restore the newest one\.\n$/);
    expect(stderr.split('\n')).toHaveLength(2);
    expect(await folderState(folder)).toEqual(before);
  });

  it('says when the portfolio was saved by a newer version of the app', async () => {
    const { folder } = await writtenPortfolio();
    await writeFile(join(folder, 'portfolio.json'), JSON.stringify({ schemaVersion: 99, portfolioId: 'p' }));
    const { status, stderr } = await cli('list', 'entries', '--portfolio', folder);
    expect(status).toBe(1);
    expect(stderr).toMatch(/newer version of Reflective Portfolio .*Update the app/);
    expect(stderr).not.toContain('backups');
  });

  it("says which entry's text cannot be read, without printing any of its text", async () => {
    const { folder } = await writtenPortfolio();
    const app = await openReflective(folder, { idPrefix: 'again' });
    const week = app.data().entries.find((entry) => entry.weekStart === '2019-09-09' && entry.kind === 'weekly-log');
    await app.opened.close();
    await writeFile(join(folder, 'bodies', `${week?.body}.json`), `{"entryId": "${secretWords}`);
    const { status, stderr } = await cli('export', 'weeks', '--portfolio', folder, '--from', '2019-09-02', '--to', '2019-09-15', '--out', join(await tempFolder(), 'log.docx'));
    expect(status).toBe(1);
    expect(stderr).toMatch(/^The text of the weekly log for w\/c 9 Sep 2019 \(id .+\) could not be read: its file in .+ is damaged or missing\./);
    expect(stderr).not.toContain(secretWords);
  });

  it('says when the folder for --out does not exist, before reading anything', async () => {
    const { folder } = await writtenPortfolio();
    const out = join(await tempFolder(), 'no such folder', 'log.docx');
    const { status, stderr } = await cli('export', 'weeks', '--portfolio', folder, '--week', '2019-09-02', '--out', out);
    expect(status).toBe(1);
    expect(stderr).toMatch(/^The folder .*no such folder does not exist, so .*log\.docx cannot be saved there\.\n$/);
  });

  it('says when --out names a folder', async () => {
    const { folder } = await writtenPortfolio();
    const out = join(await tempFolder(), 'log.docx');
    await mkdir(out);
    const { status, stderr } = await cli('export', 'weeks', '--portfolio', folder, '--week', '2019-09-02', '--out', out);
    expect(status).toBe(1);
    expect(stderr).toBe(`${out} is a folder.\n`);
  });

  it('names the option holding a date that is not a date', async () => {
    const { folder } = await writtenPortfolio();
    const out = join(await tempFolder(), 'log.docx');
    const bad = await cli('export', 'weeks', '--portfolio', folder, '--from', '2019-02-30', '--to', '2019-03-10', '--out', out);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe('--from must be a date written as YYYY-MM-DD, for example 2019-09-02; "2019-02-30" is not one.\n');
    const week = await cli('export', 'weeks', '--portfolio', folder, '--week', '2/9/2019', '--out', out);
    expect(week.stderr).toMatch(/^--week must be a date/);
    const backwards = await cli('export', 'appraisal', '--portfolio', folder, '--from', '2019-10-01', '--to', '2019-09-01', '--out', out);
    expect(backwards).toMatchObject({ status: 1, stderr: '--from must not be after --to.\n' });
    expect(existsSync(out)).toBe(false);
  });

  it('names a word limit that is not a whole number', async () => {
    const { folder } = await writtenPortfolio();
    const { status, stderr } = await cli('export', 'assignment', '--portfolio', folder, '--framework', 'u26', '--word-limit', 'lots', '--out', join(await tempFolder(), 'e.docx'));
    expect(status).toBe(1);
    expect(stderr).toMatch(/^--word-limit must be a whole number from 1 to 1,000,000; "lots" is not one\./);
  });

  it('says which commentary outcome the framework does not have', async () => {
    const { folder } = await writtenPortfolio();
    const work = await tempFolder();
    await writeFile(join(work, 'commentary.json'), JSON.stringify({ LO9: 'Nothing' }));
    const { status, stderr } = await cli('export', 'assignment', '--portfolio', folder, '--framework', 'u26', '--commentary-file', join(work, 'commentary.json'), '--out', join(work, 'e.docx'));
    expect(status).toBe(1);
    expect(stderr).toMatch(/does not have: "LO9"\. Its outcomes are LO3, LO4\./);
  });

  it('says a file in use, read-only or a folder in plain words', () => {
    for (const code of ['EBUSY', 'EPERM', 'ETXTBSY']) expect(writeProblem('/docs/log.docx', code)).toBe('/docs/log.docx is open in another program (Word?) — close it and try again.');
    expect(writeProblem('/docs/log.docx', 'EACCES')).toBe('/docs/log.docx cannot be written here: permission was refused.');
    expect(writeProblem('/docs/log.docx', 'EISDIR')).toBe('/docs/log.docx is a folder.');
  });
});

describe('a command line that is not understood exits 2 with a hint', () => {
  it('refuses an unknown option', async () => {
    const { status, stdout, stderr } = await cli('export', 'weeks', '--portfolio', 'x', '--colour', 'blue');
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('Unknown option: --colour.\nUse `reflective-portfolio export weeks --help` to see what it accepts.\n');
  });

  it("refuses another pack's option", async () => {
    const { status, stderr } = await cli('export', 'weeks', '--portfolio', 'x', '--framework', 'u26', '--week', '2019-09-02', '--out', 'a.docx');
    expect(status).toBe(2);
    expect(stderr).toMatch(/^--framework is not an option of `export weeks`\./);
  });

  it('refuses an unknown command or pack', async () => {
    expect(await cli('print')).toMatchObject({ status: 2, stderr: expect.stringMatching(/^Unknown command: print\./) });
    expect(await cli('export', 'essay')).toMatchObject({ status: 2, stderr: expect.stringMatching(/no export pack called "essay"/) });
    expect(await cli('list', 'ideas')).toMatchObject({ status: 2, stderr: expect.stringMatching(/lists frameworks or entries/) });
  });

  it('refuses --out that is not a .docx file', async () => {
    const { status, stderr } = await cli('export', 'weeks', '--portfolio', 'x', '--week', '2019-09-02', '--out', 'log.pdf');
    expect(status).toBe(2);
    expect(stderr).toMatch(/^--out must name a Word file ending in \.docx/);
  });

  it('asks for what is missing before reading anything', async () => {
    expect(await cli('export', 'weeks', '--week', '2019-09-02', '--out', 'a.docx')).toMatchObject({ status: 2, stderr: expect.stringMatching(/^Say which portfolio to read with --portfolio/) });
    expect(await cli('export', 'weeks', '--portfolio', 'x', '--from', '2019-09-02', '--out', 'a.docx')).toMatchObject({ status: 2, stderr: expect.stringMatching(/^--from needs --to as well/) });
    expect(await cli('export', 'weeks', '--portfolio', 'x', '--week', '--out', 'a.docx')).toMatchObject({ status: 2, stderr: expect.stringMatching(/^--week needs a value/) });
    expect(await cli('export', 'weeks', '--portfolio', 'x', '--week', '2019-09-02')).toMatchObject({ status: 2, stderr: expect.stringMatching(/^Say where to save the Word document with --out/) });
  });
});

describe('the reflective-portfolio program', () => {
  it('runs the built command line', async () => {
    if (!existsSync(join(projectFolder, 'out', 'cli.mjs'))) await run(process.execPath, [join(projectFolder, 'build', 'build.mjs')], { cwd: projectFolder });
    const { stdout } = await run(process.execPath, [join(projectFolder, 'bin', 'reflective-portfolio.mjs'), '--help']);
    expect(stdout).toMatch(/^Usage: reflective-portfolio <command>/);
    const failure = await run(process.execPath, [join(projectFolder, 'bin', 'reflective-portfolio.mjs'), 'list', 'entries', '--portfolio', join(await tempFolder(), 'gone')]).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 1, stderr: expect.stringMatching(/^There is no folder at /) });
  }, 120_000);

  it('asks for a build when the command line has not been built', async () => {
    const copy = await tempFolder();
    await mkdir(join(copy, 'bin'));
    await copyFile(join(projectFolder, 'bin', 'reflective-portfolio.mjs'), join(copy, 'bin', 'reflective-portfolio.mjs'));
    const failure = await run(process.execPath, [join(copy, 'bin', 'reflective-portfolio.mjs'), '--help']).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 1, stderr: 'Run `npm run build` first.\n' });
  });
});
