import { Paragraph, TextRun } from 'docx';
import { formatUkDate, formatWeekCommencingShort } from '../dates/weeks.js';
import { resolveTag } from '../frameworks/framework.js';
import type { ReflectionExport } from './exportOptions.js';
import type { PackPlan } from './packPlan.js';
import { type ExportSource, ExportGap, coverPage, cpdLine, entryFacts, entryName, entrySectionsToWord, fileSlug, sectionsOf, templateOf, wordContextFor } from './packParts.js';
import { bullet, heading, wordDocument, wordStyleIds } from './wordStyles.js';

/**
 * One entry in its template's layout: every section of the form under its title with the form's
 * prompt, a regulator's notice where the form has one, and the form's linked framework (the NMC
 * Code's themes, the HCPC standards) as the list of what was ticked.
 */
export function reflectionPack(source: ExportSource, options: ReflectionExport): PackPlan {
  const { data } = source;
  const entry = data.entries.find((candidate) => candidate.id === options.entryId);
  if (!entry) throw new ExportGap('That entry is not in this portfolio (it may have been deleted).');
  const template = templateOf(data, entry);
  const name = entryName(data, entry);
  const title = entry.kind === 'weekly-log' ? `Weekly reflective log: ${formatWeekCommencingShort(entry.weekStart)}` : entry.title.trim() || template.name;
  const linked = template.linkedFramework ? data.frameworks.find((framework) => framework.builtIn?.id === template.linkedFramework) : undefined;
  return {
    preview: { title, fileName: `${fileSlug(title)}-${entry.date}.docx`, entries: 1, passages: 0, words: entry.summary.words, quotedWords: 0, notes: [] },
    steps: 1,
    document: (progress) => {
      const context = wordContextFor(data, wordStyleIds.heading3, true);
      const ticked = linked ? entry.tags.filter((tag) => tag.framework === linked.id) : [];
      const otherFacts = entryFacts(data, { ...entry, tags: entry.tags.filter((tag) => !ticked.includes(tag)), cpd: null });
      const children = [
        ...(template.notice ? [new Paragraph({ style: wordStyleIds.note, children: [new TextRun(template.notice)] })] : []),
        ...otherFacts,
        ...entrySectionsToWord(data, entry, sectionsOf(source, entry), context, wordStyleIds.heading2, { keepEmpty: true, showPrompts: true }),
        ...(linked
          ? [
              heading(linked.title, wordStyleIds.heading2),
              ...(ticked.length > 0
                ? ticked.map((tag) => bullet(resolveTag(data.frameworks, tag)?.label ?? 'An outcome no longer in the framework'))
                : [new Paragraph({ style: wordStyleIds.note, children: [new TextRun('None ticked.')] })]),
            ]
          : []),
      ];
      progress(1);
      return wordDocument({
        title,
        subject: template.name,
        author: options.name,
        description: `${name}, written with the ${template.name} template. Made with Reflective Portfolio.`,
        cover: coverPage(title, options.name, [
          ['Template', template.name],
          ['Date', formatUkDate(entry.date)],
          ...(entry.cpd && entry.cpd.minutes > 0 ? ([['CPD time', cpdLine(entry.cpd)]] as const) : []),
        ]),
        coverOwnPage: false,
        contents: false,
        parts: [{ heading: entry.kind === 'weekly-log' ? formatWeekCommencingShort(entry.weekStart) : 'Reflection', children }],
      });
    },
  };
}
