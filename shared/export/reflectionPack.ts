import type { FileChild } from 'docx';
import { formatUkDate, formatWeekCommencingLong } from '../dates/weeks.js';
import type { ReflectionExport } from './exportOptions.js';
import type { PackPlan } from './packPlan.js';
import {
  type ExportSource,
  ExportGap,
  coverPage,
  cpdLine,
  entryFacts,
  entryName,
  entrySectionsToWord,
  fileSlug,
  footerText,
  linkedChecklist,
  sectionsOf,
  templateOf,
  weeklyLogToWord,
  wordContextFor,
} from './packParts.js';
import { textParagraph, wordDocument, wordStyleIds } from './wordStyles.js';

/**
 * One entry in its template's layout: the title and its details, the form's linked framework (the
 * NMC Code's themes, the HCPC standards) ticked at the top as on the paper form, a regulator's
 * notice where the form has one, then every section of the form under its title with its prompt.
 * A weekly log reads as it does in the weekly logs pack.
 */
export function reflectionPack(source: ExportSource, options: ReflectionExport): PackPlan {
  const { data } = source;
  const entry = data.entries.find((candidate) => candidate.id === options.entryId);
  if (!entry) throw new ExportGap('That entry is not in this portfolio (it may have been deleted).');
  const template = templateOf(data, entry);
  const name = entryName(data, entry);
  const weekly = entry.kind === 'weekly-log';
  const title = weekly ? `Weekly reflective log: ${formatWeekCommencingLong(entry.weekStart)}` : entry.title.trim() || template.name;
  const linked = template.linkedFramework ? data.frameworks.find((framework) => framework.builtIn?.id === template.linkedFramework) : undefined;
  return {
    preview: { title, fileName: weekly ? `weekly-log-${entry.weekStart}.docx` : `${fileSlug(title)}-${entry.date}.docx`, entries: 1, passages: 0, words: entry.summary.words, quotedWords: 0, notes: [] },
    steps: 1,
    document: (progress) => {
      const context = wordContextFor(data, wordStyleIds.heading2, true);
      let children: FileChild[];
      if (weekly) {
        children = weeklyLogToWord(data, entry, sectionsOf(source, entry), context, wordStyleIds.heading1);
      } else {
        const ticked = linked ? entry.tags.filter((tag) => tag.framework === linked.id) : [];
        children = [
          ...(linked ? linkedChecklist(linked, entry, wordStyleIds.heading1) : []),
          ...(template.notice ? [textParagraph(template.notice, { style: wordStyleIds.note })] : []),
          ...entryFacts(data, { ...entry, tags: entry.tags.filter((tag) => !ticked.includes(tag)), cpd: null }),
          ...entrySectionsToWord(data, entry, sectionsOf(source, entry), context, wordStyleIds.heading1, { keepEmpty: true, showPrompts: true }),
        ];
      }
      progress(1);
      return wordDocument({
        title,
        subject: template.name,
        author: options.name,
        description: `${name}, written with the ${template.name} template. Made with Reflective Portfolio.`,
        footer: footerText(options.name, weekly ? 'Weekly reflective log' : title),
        cover: coverPage(weekly ? 'Weekly reflective log' : title, options.name, [
          // A weekly log's CPD time is with its text, as in the weekly logs pack.
          ...(weekly
            ? ([['Week commencing', formatWeekCommencingLong(entry.weekStart).replace(/^Week commencing /, '')]] as const)
            : ([
                ['Written with', template.name],
                ['Date', formatUkDate(entry.date)],
                ...(entry.cpd && entry.cpd.minutes > 0 ? ([['CPD time', cpdLine(entry.cpd)]] as const) : []),
              ] as const)),
        ]),
        coverOwnPage: false,
        contents: 0,
        parts: [{ heading: null, children }],
      });
    },
  };
}
