import { type CalendarDate, formatUkDate, weekCommencing } from '../dates/weeks.js';
import { type Framework, frameworkDisplayName, parseTagKey } from '../frameworks/framework.js';
import { firstIdeaNumberFor } from '../ideas/ideaNumbering.js';
import { byDate, weeklyLogsOnly } from '../portfolio/entrySummary.js';
import type { PortfolioData } from '../portfolio/portfolioData.js';
import type { EntryRecord, EntrySections } from '../portfolio/weeklyLog.js';
import type { Template } from '../templates/template.js';
import { templateVersion } from '../templates/templateLibrary.js';
import type { ShareSelection, SharedEntry, SharePayload } from './sharing.js';

/** What a selection picks out of the portfolio, or why it cannot. */
export type ShareChoice = { ok: true; entries: EntryRecord[]; frameworks: Framework[]; description: string } | { ok: false; message: string };

/** An entry worth sending: blank weekly logs (no words, no tags) are left out. */
const hasContent = (entry: EntryRecord) => entry.summary.words > 0 || entry.tags.length > 0;

function frameworkIdsOf(entry: EntryRecord): string[] {
  return [...entry.tags.map((tag) => tag.framework), ...entry.summary.evidence.map((count) => parseTagKey(count.tag)?.framework ?? '')].filter((id) => id !== '');
}

function within(entry: EntryRecord, from: CalendarDate | null, to: CalendarDate | null): boolean {
  // A weekly log belongs to its whole week: it is in a range that touches any day of it.
  const start = entry.kind === 'weekly-log' ? entry.weekStart : entry.date;
  const first = from === null ? null : entry.kind === 'weekly-log' ? weekCommencing(from) : from;
  return (first === null || start >= first) && (to === null || start <= to);
}

const period = (from: CalendarDate | null, to: CalendarDate | null) =>
  from && to ? `from ${formatUkDate(from)} to ${formatUkDate(to)}` : from ? `from ${formatUkDate(from)}` : to ? `up to ${formatUkDate(to)}` : 'from any date';

/** The entries a selection shares, oldest first, with the frameworks they are tagged against. */
export function chooseForShare(data: PortfolioData, selection: ShareSelection): ShareChoice {
  let entries: EntryRecord[];
  let description: string;
  let frameworkIds: Set<string>;
  if (selection.kind === 'range') {
    entries = data.entries.filter((entry) => hasContent(entry) && within(entry, selection.from, selection.to));
    description = `Entries ${period(selection.from, selection.to)}`;
    frameworkIds = new Set(entries.flatMap(frameworkIdsOf));
  } else if (selection.kind === 'framework') {
    const framework = data.frameworks.find((candidate) => candidate.id === selection.frameworkId);
    if (!framework) return { ok: false, message: 'That framework is not in this portfolio.' };
    entries = data.entries.filter((entry) => frameworkIdsOf(entry).includes(framework.id) && within(entry, selection.from, selection.to));
    description = `Evidence for ${frameworkDisplayName(framework)}, ${period(selection.from, selection.to)}`;
    frameworkIds = new Set([framework.id]);
  } else {
    const byId = new Map(data.entries.map((entry) => [entry.id, entry]));
    const picked = [...new Set(selection.entryIds)].map((entryId) => byId.get(entryId));
    if (picked.some((entry) => entry === undefined)) return { ok: false, message: 'One of the chosen entries is no longer in the portfolio. Choose again.' };
    entries = picked as EntryRecord[];
    description = `${entries.length} ${entries.length === 1 ? 'entry' : 'entries'} chosen by the author`;
    frameworkIds = new Set(entries.flatMap(frameworkIdsOf));
  }
  const frameworks = data.frameworks.filter((framework) => frameworkIds.has(framework.id));
  return { ok: true, entries: byDate(entries), frameworks, description };
}

/** The template versions the entries were written with, built-in ones included. */
export function templatesFor(data: PortfolioData, entries: readonly EntryRecord[]): Template[] {
  const found = new Map<string, Template>();
  for (const entry of entries) {
    const key = `${entry.template.id}@${entry.template.version}`;
    if (found.has(key)) continue;
    const template = templateVersion(data.templates, entry.template);
    if (template) found.set(key, template);
  }
  return [...found.values()];
}

export interface ShareInput {
  data: PortfolioData;
  choice: Extract<ShareChoice, { ok: true }>;
  bodies: ReadonlyMap<string, EntrySections>;
  shareId: string;
  authorName: string;
  now: Date;
}

/** The share file's content: a snapshot of the chosen entries, their text, frameworks and templates. */
export function buildSharePayload(input: ShareInput): SharePayload {
  const { data, choice } = input;
  const logs = weeklyLogsOnly(data.entries);
  const entries: SharedEntry[] = choice.entries.map((entry) => ({
    id: entry.id,
    kind: entry.kind,
    weekStart: entry.weekStart,
    date: entry.date,
    title: entry.title,
    template: entry.template,
    cpd: entry.cpd,
    planReview: entry.planReview,
    tags: entry.tags,
    sections: input.bodies.get(entry.id) ?? {},
    firstIdeaNumber: entry.kind === 'weekly-log' ? firstIdeaNumberFor(logs, entry.weekStart, data.settings.ideaNumberStart) : null,
    updatedAt: entry.updatedAt,
  }));
  return {
    shareId: input.shareId,
    portfolioId: data.portfolioId,
    createdAt: input.now.toISOString(),
    author: { name: input.authorName.trim() },
    description: choice.description,
    entries,
    frameworks: choice.frameworks,
    templates: templatesFor(data, choice.entries),
  };
}

export { sharingFileName } from './sharingFileName.js';
