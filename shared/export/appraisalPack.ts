import type { FileChild } from 'docx';
import { formatUkDate, formatWeekCommencingLong, formatWeekCommencingShort, todayAsCalendarDate, weekCommencing } from '../dates/weeks.js';
import { coverage } from '../evidence/coverage.js';
import { numberIdeas } from '../ideas/ideaNumbering.js';
import { formatCpdDuration } from '../portfolio/cpdDuration.js';
import { byDate, byWeek, weeklyLogsOnly } from '../portfolio/entrySummary.js';
import type { PortfolioData } from '../portfolio/portfolioData.js';
import { type EntryRecord, type IdeaStatus, type PlanReviewStatus, cpdActivityTypeLabels, ideaStatusLabels, planReviewStatusLabels } from '../portfolio/weeklyLog.js';
import { cpdSummary } from '../services/cpdHandlers.js';
import { editorDocToWord } from './editorToWord.js';
import type { AppraisalExport } from './exportOptions.js';
import type { PackPlan } from './packPlan.js';
import {
  type ExportSource,
  coverPage,
  entryName,
  entrySectionsToWord,
  entryTitle,
  evidenceLine,
  footerText,
  linkedChecklist,
  plural,
  rangeWords,
  sectionsOf,
  shortDate,
  templateOf,
  wordContextFor,
} from './packParts.js';
import { signedCode, signerLines, standingSignOffs } from './signOffLines.js';
import { type WordPart, gridTable, heading, textParagraph, wordDocument, wordStyleIds } from './wordStyles.js';

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

const stillOpen = (status: PlanReviewStatus | null) => status !== 'done';

const count = (value: number) => value.toLocaleString('en-GB');

/** "4 (1 done, 2 in progress)" */
function withBreakdown(total: number, parts: readonly (readonly [number, string])[]): string {
  const named = parts.filter(([value]) => value > 0).map(([value, label]) => `${count(value)} ${label}`);
  return named.length > 0 && total > 0 ? `${count(total)} (${named.join(', ')})` : count(total);
}

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
      const parts: WordPart[] = [];

      // The short parts follow one another; the accounts and the CPD log each start a page.
      const plansDone = plans.filter((plan) => plan.status === 'done').length;
      const ideasBy = (status: IdeaStatus) => ideas.filter((idea) => idea.status === status).length;
      const participatory = cpd.participatoryMinutes === cpd.totalMinutes ? 'all participatory' : `${formatCpdDuration(cpd.participatoryMinutes)} participatory`;
      parts.push({
        heading: 'Summary',
        children: [
          gridTable(
            [
              { header: 'Record', width: 0.4 },
              { header: 'In this period', width: 0.6 },
            ],
            [
              ['Weekly logs', count(logs.length)],
              ['Reflections', accounts.length > 0 ? `${count(reflections.length)} (${count(accounts.length)} on the NMC reflective account form)` : count(reflections.length)],
              ['Ideas', withBreakdown(ideas.length, [[ideasBy('done'), 'done'], [ideasBy('in-progress'), 'in progress'], [ideasBy('dropped'), 'dropped']])],
              ['Plans made', withBreakdown(plans.length, [[plansDone, 'done'], [plans.length - plansDone, 'still open']])],
              ['CPD time', cpd.totalMinutes > 0 ? `${formatCpdDuration(cpd.totalMinutes)}, ${participatory}` : 'None recorded'],
              ['Words written', count(words)],
            ],
          ),
        ],
      });

      const achievements: FileChild[] = [];
      for (const entry of logs) {
        const doc = sectionsOf(source, entry)[achievementsSection];
        const written = doc ? editorDocToWord(doc, { ...context, headingStyle: wordStyleIds.heading3 }) : [];
        if (written.length > 0) achievements.push(heading(formatWeekCommencingLong(entry.weekStart), wordStyleIds.heading2), ...written);
        step();
      }
      parts.push({
        heading: 'Achievements',
        newPage: false,
        children: achievements.length > 0 ? achievements : [textParagraph('No achievements are written in the weekly logs of this period.', { style: wordStyleIds.note })],
      });

      parts.push({
        heading: 'Ideas and what became of them',
        newPage: false,
        children:
          ideas.length > 0
            ? [
                gridTable(
                  [
                    { header: 'Idea', width: 0.08 },
                    { header: 'What it was', width: 0.53 },
                    { header: 'Written in', width: 0.21 },
                    { header: 'Status', width: 0.18 },
                  ],
                  ideas.map((idea) => [String(idea.number), idea.text, formatWeekCommencingShort(idea.weekStart), ideaStatusLabels[idea.status]]),
                ),
              ]
            : [textParagraph('No ideas are written in the weekly logs of this period.', { style: wordStyleIds.note })],
      });

      const open = plans.filter((plan) => stillOpen(plan.status));
      const planTable = (list: readonly PlanLine[]) =>
        gridTable(
          [
            { header: 'Plan', width: 0.58 },
            { header: 'Made in', width: 0.21 },
            { header: 'Last review', width: 0.21 },
          ],
          list.map((plan) => [plan.text, formatWeekCommencingShort(plan.fromWeek), plan.status ? planReviewStatusLabels[plan.status] : 'Not reviewed yet']),
        );
      parts.push({
        heading: 'Development plan',
        newPage: false,
        children:
          plans.length === 0
            ? [textParagraph('No plans are written in the weekly logs of this period.', { style: wordStyleIds.note })]
            : [
                heading('Still to do', wordStyleIds.heading2),
                ...(open.length > 0 ? [planTable(open)] : [textParagraph('Every plan made in this period was reviewed as done.', { style: wordStyleIds.note })]),
                heading('Done', wordStyleIds.heading2),
                ...(plans.length > open.length ? [planTable(plans.filter((plan) => !stillOpen(plan.status)))] : [textParagraph('No plan made in this period has been reviewed as done yet.', { style: wordStyleIds.note })]),
              ],
      });

      // Outcomes mentors signed off in the period: what an appraiser or confirmer looks for beside the accounts.
      const signOffs = standingSignOffs(data).filter((signOff) => signOff.date >= options.from && signOff.date <= options.to);
      if (signOffs.length > 0) {
        parts.push({
          heading: 'Sign-offs from mentors',
          newPage: false,
          children: [
            gridTable(
              [
                { header: 'Outcome', width: 0.3 },
                { header: 'Signed off by', width: 0.2 },
                { header: 'Date', width: 0.17 },
                { header: 'Statement', width: 0.33 },
              ],
              signOffs.map((signOff) => {
                const framework = data.frameworks.find((candidate) => candidate.id === signOff.frameworkId);
                const signed = signedCode(framework, signOff);
                return [
                  [framework ? (framework.number.trim() ? `Unit ${framework.number.trim()}` : framework.title) : 'A framework no longer in this portfolio', signed ? `${signed.code} ${signed.title}` : 'No longer in the framework'],
                  signerLines(signOff.signer),
                  shortDate(signOff.date),
                  signOff.statement.trim(),
                ];
              }),
            ),
          ],
        });
      }

      // Each account is a form of its own, on its own page, its Code themes ticked at the top as on the NMC's form.
      const accountChildren: FileChild[] = [];
      accounts.forEach((entry, index) => {
        accountChildren.push(heading(entryName(data, entry), wordStyleIds.heading2, { pageBreakBefore: index > 0 }));
        if (nmc) accountChildren.push(...linkedChecklist(nmc, entry, wordStyleIds.heading3));
        accountChildren.push(...entrySectionsToWord(data, entry, sectionsOf(source, entry), context, wordStyleIds.heading3, { keepEmpty: true }));
        step();
      });
      if (others.length > 0) {
        accountChildren.push(
          heading(accounts.length > 0 ? 'Other reflections in this period' : 'Reflections in this period', wordStyleIds.heading2),
          gridTable(
            [
              { header: 'Date', width: 0.17 },
              { header: 'Reflection', width: 0.41 },
              { header: 'Written with', width: 0.3 },
              { header: 'Words', width: 0.12, align: 'right' },
            ],
            others.map((entry) => [shortDate(entry.date), entryTitle(data, entry), templateOf(data, entry).name, count(entry.summary.words)]),
          ),
        );
      }
      parts.push({ heading: 'Reflective accounts', children: accountChildren.length > 0 ? accountChildren : [textParagraph('No reflections are dated in this period.', { style: wordStyleIds.note })] });

      const cpdRows = cpd.lines.map((line) => {
        const entry = data.entries.find((candidate) => candidate.id === line.entryId);
        return [shortDate(line.date), entry ? entryTitle(data, entry) : line.title, line.activityType ? cpdActivityTypeLabels[line.activityType] : 'Not given', formatCpdDuration(line.minutes), line.participatory ? 'Yes' : 'No'];
      });
      const cpdChildren: FileChild[] =
        cpdRows.length > 0
          ? [
              gridTable(
                [
                  { header: 'Date', width: 0.17 },
                  { header: 'Activity', width: 0.31 },
                  { header: 'Type', width: 0.19 },
                  { header: 'Time', width: 0.13 },
                  { header: 'Participatory', width: 0.2 },
                ],
                [...cpdRows, { cells: ['', 'Total', '', formatCpdDuration(cpd.totalMinutes), formatCpdDuration(cpd.participatoryMinutes)], emphasis: true }],
              ),
            ]
          : [textParagraph('No CPD time is recorded in this period.', { style: wordStyleIds.note })];

      if (hcpc) {
        const map = coverage(hcpc, entries, { from: null, to: null });
        if (map.rows.some((row) => row.cells.length > 0)) {
          cpdChildren.push(
            heading('HCPC standards for CPD', wordStyleIds.heading2),
            gridTable(
              [
                { header: 'Standard', width: 0.14 },
                { header: 'What it asks', width: 0.46 },
                { header: 'Evidence in this period', width: 0.4 },
              ],
              map.rows
                .filter((row) => row.level === 'outcome' && !row.archived)
                .map((row) => [
                  row.code,
                  row.title,
                  row.cells.length > 0 ? row.cells.map((cell) => evidenceLine(data, map, cell)) : 'None in this period',
                ]),
            ),
          );
        }
      }
      parts.push({ heading: 'CPD log', children: cpdChildren });
      step();
      const week = (date: string) => formatWeekCommencingShort(weekCommencing(date));
      return wordDocument({
        title,
        subject: 'Appraisal and revalidation',
        author: options.name,
        description: `${plural(entries.length, 'entry', 'entries')} from ${week(options.from)} to ${week(options.to)}. Made with Reflective Portfolio.`,
        footer: footerText(options.name, 'Appraisal and revalidation record'),
        cover: coverPage('Appraisal and revalidation record', options.name, [
          ['Role', options.role],
          ['Registration number', options.registration],
          ['Period', period],
          ['Prepared', formatUkDate(todayAsCalendarDate(source.now))],
        ]),
        coverOwnPage: true,
        // The parts only: a year's achievements would fill the contents with weeks.
        contents: 1,
        parts,
      });
    },
  };
}
