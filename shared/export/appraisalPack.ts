import { type FileChild, Paragraph, TextRun } from 'docx';
import { formatUkDate, formatWeekCommencingLong, formatWeekCommencingShort, weekCommencing } from '../dates/weeks.js';
import { coverage } from '../evidence/coverage.js';
import { numberIdeas } from '../ideas/ideaNumbering.js';
import { formatCpdDuration } from '../portfolio/cpdDuration.js';
import { byDate, byWeek, weeklyLogsOnly } from '../portfolio/entrySummary.js';
import type { PortfolioData } from '../portfolio/portfolioData.js';
import { type EntryRecord, type PlanReviewStatus, cpdActivityTypeLabels, ideaStatusLabels, planReviewStatusLabels } from '../portfolio/weeklyLog.js';
import { cpdSummary } from '../services/cpdHandlers.js';
import { editorDocToWord } from './editorToWord.js';
import type { AppraisalExport } from './exportOptions.js';
import type { PackPlan } from './packPlan.js';
import { type ExportSource, coverPage, entryName, entrySectionsToWord, plural, rangeWords, sectionsOf, templateOf, wordContextFor } from './packParts.js';
import { bullet, gridTable, heading, textParagraph, wordDocument, wordStyleIds } from './wordStyles.js';

const nmcAccount = 'nmc-reflective-account';
const nmcThemes = 'nmc-code-themes';
const hcpcStandards = 'hcpc-cpd-standards';
const achievementsSection = 'achievements';

/** Entries dated in the period, oldest first: what an appraisal of that period draws on. */
export function appraisalEntries(data: PortfolioData, options: Pick<AppraisalExport, 'from' | 'to'>): EntryRecord[] {
  return byDate(data.entries.filter((entry) => entry.date >= options.from && entry.date <= options.to));
}

interface PlanLine {
  text: string;
  fromWeek: string;
  status: PlanReviewStatus | null;
}

/** Plans made in the period, each with the last word a later review gave it. */
function plansMade(data: PortfolioData, logs: readonly EntryRecord[]): PlanLine[] {
  const all = byWeek(weeklyLogsOnly(data.entries));
  return logs.flatMap((entry) =>
    entry.summary.plans.map((plan) => {
      let status: PlanReviewStatus | null = null;
      for (const later of all) if (later.weekStart > entry.weekStart && later.planReview[plan.id]) status = later.planReview[plan.id]!.status;
      return { text: plan.text, fromWeek: entry.weekStart, status };
    }),
  );
}

const stillOpen = (status: PlanReviewStatus | null) => status === null || status === 'carried' || status === 'partly' || status === 'not-done';

/**
 * An appraisal or revalidation record for a period: the numbers, achievements, ideas and what
 * became of them, a development plan drawn from the plans, the written reflective accounts in the
 * NMC form with their Code themes, the CPD log with hours, and the HCPC standards where used.
 */
export function appraisalPack(source: ExportSource, options: AppraisalExport): PackPlan {
  const { data } = source;
  const entries = appraisalEntries(data, options);
  const logs = entries.filter((entry) => entry.kind === 'weekly-log');
  const reflections = entries.filter((entry) => entry.kind === 'reflection');
  const accounts = reflections.filter((entry) => entry.template.id === nmcAccount);
  const others = reflections.filter((entry) => entry.template.id !== nmcAccount);
  const weekSet = new Set(logs.map((entry) => entry.weekStart));
  const ideas = numberIdeas(weeklyLogsOnly(data.entries), data.settings.ideaNumberStart, data.ideaStatuses).filter((idea) => weekSet.has(idea.weekStart));
  const plans = plansMade(data, logs);
  const cpd = cpdSummary(data, options.from, options.to);
  const hcpc = data.frameworks.find((framework) => framework.builtIn?.id === hcpcStandards);
  const nmc = data.frameworks.find((framework) => framework.builtIn?.id === nmcThemes);
  const period = rangeWords(options.from, options.to);
  const title = `Appraisal and revalidation record: ${period}`;
  const words = entries.reduce((sum, entry) => sum + entry.summary.words, 0);
  const notes = entries.length === 0 ? [`There are no entries dated ${period}.`] : accounts.length === 0 ? ['No NMC reflective accounts are dated in this period.'] : [];
  return {
    preview: { title, fileName: `appraisal-${options.from}-to-${options.to}.docx`, entries: entries.length, passages: 0, words, quotedWords: 0, notes },
    steps: logs.length + accounts.length + 1,
    document: (progress) => {
      let done = 0;
      const step = () => progress(++done);
      const context = wordContextFor(data, wordStyleIds.heading4, false);
      const parts: { heading: string; children: FileChild[] }[] = [];

      const plansDone = plans.filter((plan) => plan.status === 'done').length;
      parts.push({
        heading: 'Summary',
        children: [
          gridTable(
            ['In this period', 'Count'],
            [
              ['Weekly logs', logs.length.toLocaleString('en-GB')],
              ['Reflections', reflections.length.toLocaleString('en-GB')],
              ['Written reflective accounts (NMC form)', accounts.length.toLocaleString('en-GB')],
              ['Ideas', ideas.length.toLocaleString('en-GB')],
              ['Plans made / done', `${plans.length.toLocaleString('en-GB')} / ${plansDone.toLocaleString('en-GB')}`],
              ['CPD time', `${formatCpdDuration(cpd.totalMinutes)} (${formatCpdDuration(cpd.participatoryMinutes)} participatory)`],
              ['Words written', words.toLocaleString('en-GB')],
            ],
            [0.7, 0.3],
          ),
        ],
      });

      const achievements: FileChild[] = [];
      for (const entry of logs) {
        const doc = sectionsOf(source, entry)[achievementsSection];
        const written = doc ? editorDocToWord(doc, context) : [];
        if (written.length > 0) achievements.push(heading(formatWeekCommencingLong(entry.weekStart), wordStyleIds.heading3), ...written);
        step();
      }
      parts.push({ heading: 'Achievements', children: achievements.length > 0 ? achievements : [textParagraph('No achievements are written in the weekly logs of this period.', { style: wordStyleIds.note })] });

      parts.push({
        heading: 'Ideas and what became of them',
        children:
          ideas.length > 0
            ? [gridTable(['Idea', 'Week', 'What it was', 'Status'], ideas.map((idea) => [`Idea ${idea.number}`, formatWeekCommencingShort(idea.weekStart), idea.text, ideaStatusLabels[idea.status]]), [0.12, 0.18, 0.52, 0.18])]
            : [textParagraph('No ideas are written in the weekly logs of this period.', { style: wordStyleIds.note })],
      });

      const open = plans.filter((plan) => stillOpen(plan.status));
      const planRows = (list: readonly PlanLine[]) => list.map((plan) => [plan.text, formatWeekCommencingShort(plan.fromWeek), plan.status ? planReviewStatusLabels[plan.status] : 'Not reviewed yet']);
      parts.push({
        heading: 'Development plan',
        children: [
          heading('Still to do', wordStyleIds.heading2),
          ...(open.length > 0 ? [gridTable(['Plan', 'Made in', 'Last review'], planRows(open), [0.56, 0.24, 0.2])] : [textParagraph('Every plan made in this period was reviewed as done.', { style: wordStyleIds.note })]),
          heading('Done', wordStyleIds.heading2),
          ...(plans.length - open.length > 0
            ? [gridTable(['Plan', 'Made in', 'Last review'], planRows(plans.filter((plan) => !stillOpen(plan.status))), [0.56, 0.24, 0.2])]
            : [textParagraph('No plan made in this period has been reviewed as done yet.', { style: wordStyleIds.note })]),
        ],
      });

      const accountChildren: FileChild[] = [];
      for (const entry of accounts) {
        const template = templateOf(data, entry);
        accountChildren.push(heading(entryName(data, entry), wordStyleIds.heading2));
        accountChildren.push(...entrySectionsToWord(data, entry, sectionsOf(source, entry), context, wordStyleIds.heading3, { keepEmpty: true }));
        const themes = nmc ? entry.tags.filter((tag) => tag.framework === nmc.id) : [];
        accountChildren.push(heading('Themes of the Code', wordStyleIds.heading3));
        const themeNames = themes.map((tag) => nmc?.outcomes.find((outcome) => outcome.id === tag.outcome)?.title).filter((name): name is string => Boolean(name));
        if (themeNames.length > 0) accountChildren.push(...themeNames.map((name) => bullet(name)));
        else accountChildren.push(textParagraph('No theme ticked.', { style: wordStyleIds.note }));
        if (template.notice) accountChildren.push(textParagraph(template.notice, { style: wordStyleIds.note }));
        step();
      }
      if (others.length > 0) {
        accountChildren.push(heading('Other reflections in this period', wordStyleIds.heading2));
        accountChildren.push(gridTable(['Reflection', 'Template', 'Words'], others.map((entry) => [entryName(data, entry), templateOf(data, entry).name, entry.summary.words.toLocaleString('en-GB')]), [0.55, 0.3, 0.15]));
      }
      parts.push({ heading: 'Reflective accounts', children: accountChildren.length > 0 ? accountChildren : [textParagraph('No reflections are dated in this period.', { style: wordStyleIds.note })] });

      const cpdRows = cpd.lines.map((line) => {
        const entry = data.entries.find((candidate) => candidate.id === line.entryId);
        return [formatUkDate(line.date), entry ? entryName(data, entry) : line.title, line.activityType ? cpdActivityTypeLabels[line.activityType] : 'Not given', formatCpdDuration(line.minutes), line.participatory ? 'Yes' : 'No'];
      });
      parts.push({
        heading: 'CPD log',
        children:
          cpdRows.length > 0
            ? [
                gridTable(['Date', 'Activity', 'Type', 'Time', 'Participatory'], [...cpdRows, ['', 'Total', '', formatCpdDuration(cpd.totalMinutes), `${formatCpdDuration(cpd.participatoryMinutes)} participatory`]], [0.14, 0.4, 0.18, 0.14, 0.14]),
              ]
            : [textParagraph('No CPD time is recorded in this period.', { style: wordStyleIds.note })],
      });

      if (hcpc) {
        const map = coverage(hcpc, entries, { from: null, to: null });
        const used = map.rows.some((row) => row.cells.length > 0);
        if (used) {
          parts.push({
            heading: 'HCPC standards for CPD',
            children: [
              gridTable(
                ['Standard', 'What it asks', 'Evidence in this period'],
                map.rows
                  .filter((row) => row.level === 'outcome' && !row.archived)
                  .map((row) => [
                    row.code,
                    row.title,
                    row.cells.length > 0
                      ? row.cells.map((cell) => {
                          const entry = data.entries.find((candidate) => candidate.id === map.columns[cell.column]!.entryId);
                          return new Paragraph({ spacing: { after: 0 }, children: [new TextRun(entry ? entryName(data, entry) : map.columns[cell.column]!.date)] });
                        })
                      : 'None in this period',
                  ]),
                [0.14, 0.46, 0.4],
              ),
            ],
          });
        }
      }
      step();
      const week = (date: string) => formatWeekCommencingShort(weekCommencing(date));
      return wordDocument({
        title,
        subject: 'Appraisal and revalidation',
        author: options.name,
        description: `${plural(entries.length, 'entry', 'entries')} from ${week(options.from)} to ${week(options.to)}. Made with Reflective Portfolio.`,
        cover: coverPage('Appraisal and revalidation record', options.name, [
          ['Role', options.role],
          ['Registration number', options.registration],
          ['Period', period],
          ['Prepared', formatUkDate(source.now.toISOString().slice(0, 10))],
        ]),
        coverOwnPage: true,
        contents: true,
        parts,
      });
    },
  };
}
