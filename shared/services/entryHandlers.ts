import type { ApiHandlers, EntryView } from '../api/contract.js';
import { failure, ok } from '../api/result.js';
import { weekCommencing } from '../dates/weeks.js';
import { type EditorDoc, plainText } from '../document/editorJson.js';
import { findBuiltIn, frameworkFromBuiltIn } from '../frameworks/builtInFrameworks.js';
import { tagKey } from '../frameworks/framework.js';
import type { EvidenceTag } from '../frameworks/framework.js';
import type { PortfolioData } from '../portfolio/portfolioData.js';
import { type EntryRecord, type EntrySections, newEntryRecord } from '../portfolio/weeklyLog.js';
import type { PortfolioStore } from '../store/portfolioStore.js';
import { switchTemplate } from '../templates/switchTemplate.js';
import { type Template, otherNotesSection } from '../templates/template.js';
import { newestTemplate, templateVersion } from '../templates/templateLibrary.js';
import { maxFrameworks } from './frameworkHandlers.js';
import { portfolioUnavailable } from './unavailable.js';
import type { PortfolioHost } from '../store/portfolioStore.js';
import { emptyDoc } from '../document/editorJson.js';

type EntryHandlers = Pick<
  ApiHandlers,
  | 'entry.create'
  | 'entry.get'
  | 'entry.save'
  | 'entry.setDetails'
  | 'entry.setTags'
  | 'entry.setCpd'
  | 'entry.switchTemplate'
  | 'entry.delete'
  | 'entry.restore'
>;

/** The most entries one portfolio holds: decades of weekly logs and daily reflections. */
export const maxEntries = 50_000;

const noEntry = () => failure<never>('not-found', 'That entry is no longer in this portfolio.');
const notAReflection = () => failure<never>('invalid-argument', 'Weekly logs are changed from their week’s page.');

export function putRecord(data: PortfolioData, record: EntryRecord): PortfolioData {
  const exists = data.entries.some((entry) => entry.id === record.id);
  return { ...data, entries: exists ? data.entries.map((entry) => (entry.id === record.id ? record : entry)) : [...data.entries, record] };
}

/** Tags whose outcome (and criterion) are still in their framework, each once; or null if one is not. */
export function checkedTags(data: PortfolioData, tags: readonly EvidenceTag[]): EvidenceTag[] | null {
  const unknown = tags.find((tag) => {
    const outcome = data.frameworks.find((framework) => framework.id === tag.framework)?.outcomes.find((candidate) => candidate.id === tag.outcome);
    return !outcome || (tag.criterion !== null && !outcome.criteria.some((criterion) => criterion.id === tag.criterion));
  });
  if (unknown) return null;
  return [...new Map(tags.map((tag) => [tagKey(tag), tag])).values()];
}

/** The template's linked built-in framework (the NMC themes, the HCPC standards), added to the portfolio if it is not there yet. */
function withLinkedFramework(data: PortfolioData, template: Template): PortfolioData {
  const linked = template.linkedFramework;
  if (linked === null || data.frameworks.some((framework) => framework.id === linked) || data.frameworks.length >= maxFrameworks) return data;
  const builtIn = findBuiltIn(linked);
  return builtIn ? { ...data, frameworks: [...data.frameworks, frameworkFromBuiltIn(builtIn)] } : data;
}

const isEmptyDoc = (doc: EditorDoc) => plainText(doc).trim() === '';

/** Several sections' documents as one, their blocks one after another. */
function joinDocs(docs: EditorDoc[]): EditorDoc {
  return { type: 'doc', content: docs.flatMap((doc) => doc.content ?? []) };
}

/** The section ids an entry written with `template` may hold, in reading order. */
function sectionIdsOf(template: Template): string[] {
  return [...template.sections.map((section) => section.id), otherNotesSection.id];
}

/**
 * Text under a section id the template does not have (a save sent before a template switch, from a
 * page that had not caught up) is added to Other notes rather than refused, so no words are lost.
 */
function withStrayInOtherNotes(template: Template, sections: EntrySections): EntrySections {
  const allowed = new Set(sectionIdsOf(template));
  const stray = Object.keys(sections).filter((id) => !allowed.has(id));
  if (stray.length === 0) return sections;
  const kept = Object.fromEntries(Object.entries(sections).filter(([id]) => allowed.has(id)));
  const strayText = stray.map((id) => sections[id] as EditorDoc).filter((doc) => !isEmptyDoc(doc));
  if (strayText.length === 0) return kept;
  const otherNotes = kept[otherNotesSection.id];
  return { ...kept, [otherNotesSection.id]: joinDocs(otherNotes ? [otherNotes, ...strayText] : strayText) };
}

/** Sections in the template's reading order, so passages and exports come out in that order. */
function inTemplateOrder(template: Template, sections: EntrySections): EntrySections {
  return Object.fromEntries(sectionIdsOf(template).filter((id) => Object.hasOwn(sections, id)).map((id) => [id, sections[id] as EditorDoc]));
}

/** How many deleted reflections can be brought back (until the program stops). */
const restorable = 50;

export function createEntryHandlers(host: PortfolioHost, newId: () => string, now: () => Date): EntryHandlers {
  /**
   * Reflections deleted while the program runs, newest last, with their text: the body files of a
   * deleted entry are tidied away once no backup names them, so the text is kept here to write back.
   */
  const deleted = new Map<string, { record: EntryRecord; sections: EntrySections }>();
  const find = (store: PortfolioStore, entryId: string) => store.read().entries.find((entry) => entry.id === entryId);

  const view = async (store: PortfolioStore, record: EntryRecord): Promise<EntryView | null> => {
    const template = templateVersion(store.read().templates, record.template);
    if (!template) return null;
    const { body: _body, summary, ...fields } = record;
    return { entry: { ...fields, sections: await store.sections(record.id), words: summary.words }, template };
  };

  const answer = async (store: PortfolioStore, entryId: string) => {
    const record = find(store, entryId);
    if (!record) return noEntry();
    const shown = await view(store, record);
    return shown ? ok(shown) : failure<never>('not-found', 'The template this entry was written with is missing from the portfolio.');
  };

  /** Applies `change` to the entry's record (and marks it updated); refuses weekly logs unless `weeklyLogsToo`. */
  const changeRecord = async (entryId: string, weeklyLogsToo: boolean, change: (record: EntryRecord) => EntryRecord) => {
    const store = host.store();
    if (!store) return { store: null, problem: portfolioUnavailable() } as const;
    const record = find(store, entryId);
    if (!record) return { store, problem: noEntry() } as const;
    if (!weeklyLogsToo && record.kind !== 'reflection') return { store, problem: notAReflection() } as const;
    const updatedAt = now().toISOString();
    await store.update((data) => {
      const current = data.entries.find((entry) => entry.id === entryId);
      return current ? putRecord(data, { ...change(current), updatedAt }) : data;
    });
    return { store, problem: null } as const;
  };

  return {
    'entry.create': async ({ date, templateId, title }) => {
      const store = host.store();
      if (!store) return portfolioUnavailable();
      const data = store.read();
      if (data.entries.length >= maxEntries) return failure('invalid-argument', `A portfolio holds at most ${maxEntries.toLocaleString('en-GB')} entries.`);
      const template = newestTemplate(data.templates, templateId);
      if (!template) return failure('not-found', 'That template is no longer available.');
      if (template.id === 'weekly-log') return failure('invalid-argument', 'Weekly logs are written from the week’s page, one for each week.');
      const record = newEntryRecord(newId(), 'reflection', date, title.trim(), { id: template.id, version: template.version }, now().toISOString());
      const sections = Object.fromEntries(template.sections.map((section) => [section.id, emptyDoc()]));
      await store.update((current) => putRecord(withLinkedFramework(current, template), record), [{ entryId: record.id, sections }]);
      return answer(store, record.id);
    },
    'entry.get': async ({ entryId }) => {
      const store = host.store();
      if (!store) return portfolioUnavailable();
      return answer(store, entryId);
    },
    'entry.save': async ({ entryId, sections }) => {
      const store = host.store();
      if (!store) return portfolioUnavailable();
      const record = find(store, entryId);
      if (!record) return noEntry();
      if (record.kind !== 'reflection') return notAReflection();
      const template = templateVersion(store.read().templates, record.template);
      if (!template) return failure('not-found', 'The template this entry was written with is missing from the portfolio.');
      const updatedAt = now().toISOString();
      await store.update((data) => {
        const current = data.entries.find((entry) => entry.id === entryId);
        return current ? putRecord(data, { ...current, updatedAt }) : data;
      }, find(store, entryId) ? [{ entryId, sections: inTemplateOrder(template, withStrayInOtherNotes(template, sections)) }] : []);
      const saved = find(store, entryId);
      if (!saved) return noEntry();
      return ok({ entryId, savedAt: updatedAt, words: saved.summary.words });
    },
    'entry.setDetails': async ({ entryId, title, date }) => {
      const { store, problem } = await changeRecord(entryId, false, (record) => ({ ...record, title: title.trim(), date, weekStart: weekCommencing(date) }));
      if (problem) return problem;
      return answer(store, entryId);
    },
    'entry.setTags': async ({ entryId, tags }) => {
      const store = host.store();
      if (!store) return portfolioUnavailable();
      const unique = checkedTags(store.read(), tags);
      if (!unique) return failure('not-found', 'One of those outcomes is no longer in its framework.');
      const { problem } = await changeRecord(entryId, true, (record) => ({ ...record, tags: unique }));
      return problem ?? ok(unique);
    },
    'entry.setCpd': async ({ entryId, cpd }) => {
      const { problem } = await changeRecord(entryId, true, (record) => ({ ...record, cpd }));
      return problem ?? ok(cpd);
    },
    'entry.switchTemplate': async ({ entryId, templateId }) => {
      const store = host.store();
      if (!store) return portfolioUnavailable();
      const record = find(store, entryId);
      if (!record) return noEntry();
      if (record.kind !== 'reflection') return notAReflection();
      const data = store.read();
      const from = templateVersion(data.templates, record.template);
      const to = newestTemplate(data.templates, templateId);
      if (!from) return failure('not-found', 'The template this entry was written with is missing from the portfolio.');
      if (!to) return failure('not-found', 'That template is no longer available.');
      if (to.id === 'weekly-log') return failure('invalid-argument', 'A reflection cannot become a weekly log: weekly logs are written from the week’s page.');
      const read = await store.sections(entryId);
      // A save that landed while the text was being read would be overwritten: ask again instead.
      const current = find(store, entryId);
      if (!current || current.body !== record.body || current.template.id !== record.template.id || current.template.version !== record.template.version) {
        return failure('storage-failed', 'The reflection changed while it was being switched. Try again.');
      }
      const switched = switchTemplate(from, to, read, isEmptyDoc, joinDocs);
      // Every section of the new template is there to type in; Other notes only if it holds text.
      const sections = inTemplateOrder(to, { ...Object.fromEntries(to.sections.map((section) => [section.id, emptyDoc()])), ...switched.content });
      const updatedAt = now().toISOString();
      await store.update((current) => {
        const latest = current.entries.find((entry) => entry.id === entryId);
        return latest ? putRecord(withLinkedFramework(current, to), { ...latest, template: { id: to.id, version: to.version }, updatedAt }) : current;
      }, find(store, entryId) ? [{ entryId, sections }] : []);
      const shown = await answer(store, entryId);
      if (!shown.ok) return shown;
      const titleOf = (id: string) => to.sections.find((section) => section.id === id)?.title ?? id;
      return ok({ ...shown.value, moved: switched.moved.map(titleOf), usedOtherNotes: switched.usedOtherNotes });
    },
    'entry.delete': async ({ entryId }) => {
      const store = host.store();
      if (!store) return portfolioUnavailable();
      const record = find(store, entryId);
      if (!record) return noEntry();
      if (record.kind !== 'reflection') return notAReflection();
      const sections = await store.sections(entryId);
      await store.update((data) => ({ ...data, entries: data.entries.filter((entry) => entry.id !== entryId) }));
      deleted.set(entryId, { record, sections });
      if (deleted.size > restorable) deleted.delete(deleted.keys().next().value as string);
      return ok({ deleted: true as const });
    },
    'entry.restore': async ({ entryId }) => {
      const store = host.store();
      if (!store) return portfolioUnavailable();
      const kept = deleted.get(entryId);
      if (!kept) return failure('not-found', 'That reflection can no longer be brought back here (undo lasts until the app is closed). The backups in the portfolio folder keep earlier copies.');
      if (!templateVersion(store.read().templates, kept.record.template)) {
        return failure('not-found', 'That reflection cannot be brought back: the template it was written with has since been deleted.');
      }
      if (!find(store, entryId)) {
        const updatedAt = now().toISOString();
        await store.update((data) => putRecord(data, { ...kept.record, updatedAt }), [{ entryId, sections: kept.sections }]);
      }
      deleted.delete(entryId);
      return answer(store, entryId);
    },
  };
}
