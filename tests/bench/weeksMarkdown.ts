import { type EditorMark, type EditorNode, plainText } from '../../shared/document/editorJson.js';
import { formatWeekCommencingLong, formatWeekCommencingShort } from '../../shared/dates/weeks.js';
import { evidenceMarkType, resolveTag, tagFromMarkAttrs } from '../../shared/frameworks/framework.js';
import { numberIdeas } from '../../shared/ideas/ideaNumbering.js';
import { plansToReview } from '../../shared/plans/planReview.js';
import { byWeek, weeklyLogsOnly } from '../../shared/portfolio/entrySummary.js';
import type { PortfolioData } from '../../shared/portfolio/portfolioData.js';
import { type EntrySections, ideaNodeType, planReviewStatusLabels } from '../../shared/portfolio/weeklyLog.js';
import { templateVersion } from '../../shared/templates/templateLibrary.js';

/**
 * The weekly-logs pack's content as Pandoc Markdown, for the benchmark's side-by-side with pandoc:
 * the same title and cover lines, one `#` heading per week, the review of last week's plans as a
 * pipe table, each section under a `##` heading, paragraphs with bold, italic and links, ideas as
 * "**Idea N:**" lines, bullet lists, plans as "- [ ]" / "- [x]" task items, and tagged passages
 * highlighted and followed by their codes, as the Word file shows them.
 */

/** Everything Pandoc's Markdown could read as markup (emphasis, links, math, citations, spans…) is escaped. */
const escape = (text: string) => text.replace(/[\\`*_{}[\]<>#$~^@|]/g, (character) => `\\${character}`);

function wrap(inner: string, marks: readonly EditorMark[] | undefined, codes: (mark: EditorMark) => string | null): string {
  // Emphasis must not start or end with a space in Markdown: keep the spaces outside.
  const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner) ?? [];
  if (core === '') return inner;
  let out = core;
  for (const mark of marks ?? []) {
    if (mark.type === 'bold') out = `**${out}**`;
    else if (mark.type === 'italic') out = `*${out}*`;
    else if (mark.type === 'strike') out = `~~${out}~~`;
    else if (mark.type === 'underline') out = `[${out}]{.underline}`;
  }
  const link = marks?.find((mark) => mark.type === 'link');
  if (link && typeof link.attrs?.['href'] === 'string') out = `[${out}](${link.attrs['href']})`;
  const tagCodes = (marks ?? []).map(codes).filter((code): code is string => code !== null);
  if (tagCodes.length > 0) out = `[${out}]{.mark} \\[${tagCodes.join(', ')}\\]`;
  return `${lead}${out}${trail}`;
}

function inline(nodes: readonly EditorNode[], codes: (mark: EditorMark) => string | null): string {
  return nodes.map((node) => (node.type === 'hardBreak' ? '\\\n' : node.type === 'text' ? wrap(escape(node.text ?? ''), node.marks, codes) : '')).join('');
}

function blocks(nodes: readonly EditorNode[], indent: string, ideaNumber: (id: string) => number | null, codes: (mark: EditorMark) => string | null): string[] {
  const out: string[] = [];
  for (const node of nodes) {
    if (node.type === 'paragraph') {
      if (plainText(node) !== '') out.push(`${indent}${inline(node.content ?? [], codes)}`);
    } else if (node.type === 'heading') out.push(`${indent}### ${inline(node.content ?? [], codes)}`);
    else if (node.type === ideaNodeType) {
      const number = ideaNumber(typeof node.attrs?.['id'] === 'string' ? node.attrs['id'] : '');
      out.push(`${indent}**Idea${number === null ? '' : ` ${number}`}:** ${inline(node.content ?? [], codes)}`);
    } else if (node.type === 'blockquote') out.push(...blocks(node.content ?? [], `${indent}> `, ideaNumber, codes));
    else if (node.type === 'bulletList' || node.type === 'orderedList' || node.type === 'taskList') {
      const items = (node.content ?? []).map((item, index) => {
        const marker = node.type === 'bulletList' ? '- ' : node.type === 'orderedList' ? `${index + 1}. ` : item.attrs?.['checked'] === true ? '- [x] ' : '- [ ] ';
        const [first = '', ...rest] = blocks(item.content ?? [], `${indent}${' '.repeat(marker.length)}`, ideaNumber, codes);
        return [`${indent}${marker}${first.slice(indent.length + marker.length)}`, ...rest].join('\n\n');
      });
      out.push(items.join('\n'));
    } else if (node.content) out.push(...blocks(node.content, indent, ideaNumber, codes));
  }
  return out;
}

const cell = (text: string) => escape(text).replace(/\n/g, ' ');

export interface WeeksMarkdownOptions {
  title: string;
  name: string;
  /** Cover lines, as the Word file's cover has them. */
  cover: Array<[string, string]>;
}

/** The whole pack as one Markdown document; `sections` holds every week's text. */
export function weeksMarkdown(data: PortfolioData, sections: ReadonlyMap<string, EntrySections>, options: WeeksMarkdownOptions): string {
  const logs = byWeek(weeklyLogsOnly(data.entries));
  const numbers = new Map(numberIdeas(logs, data.settings.ideaNumberStart, data.ideaStatuses).map((idea) => [idea.id, idea.number]));
  const ideaNumber = (id: string) => numbers.get(id) ?? null;
  const codes = (mark: EditorMark) => {
    if (mark.type !== evidenceMarkType) return null;
    const tag = tagFromMarkAttrs(mark.attrs);
    return tag ? (resolveTag(data.frameworks, tag)?.code ?? null) : null;
  };
  const parts: string[] = [`---\ntitle: "${options.title.replace(/"/g, '\\"')}"\nauthor: "${options.name.replace(/"/g, '\\"')}"\nlang: en-GB\n---`];
  for (const [label, value] of options.cover) parts.push(`**${escape(label)}:** ${escape(value)}`);
  for (const entry of logs) {
    const text = sections.get(entry.id);
    if (!text) continue;
    parts.push(`# ${escape(formatWeekCommencingLong(entry.weekStart))}`);
    const wholeEntry = entry.tags.map((tag) => resolveTag(data.frameworks, tag)).filter((resolved) => resolved !== null);
    if (wholeEntry.length > 0) parts.push(`**Whole entry is evidence for:** ${escape(wholeEntry.map((resolved) => `${resolved.framework.title}: ${resolved.label}`).join('; '))}`);
    const plans = plansToReview(logs, entry.weekStart);
    if (plans.length > 0) {
      const rows = plans.map((plan) => {
        const made = plan.carried ? `${formatWeekCommencingShort(plan.fromWeek)}, carried forward` : formatWeekCommencingShort(plan.fromWeek);
        return `| ${cell(plan.planRemoved ? `${plan.text} (since removed from its week)` : plan.text)} | ${cell(made)} | ${plan.status ? planReviewStatusLabels[plan.status] : 'Not reviewed'} |`;
      });
      parts.push(`## Review of last week’s plans`, ['| Plan | Made in | How it went |', '|:-----------------------------|:------------|:---------|', ...rows].join('\n'));
    }
    const template = templateVersion(data.templates, entry.template);
    for (const section of template?.sections ?? []) {
      const doc = text[section.id];
      if (!doc || plainText(doc) === '') continue;
      parts.push(`## ${escape(section.title)}`, ...blocks(doc.content ?? [], '', ideaNumber, codes));
    }
  }
  return `${parts.join('\n\n')}\n`;
}
