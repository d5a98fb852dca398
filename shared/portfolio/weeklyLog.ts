import { type CalendarDate, weekCommencing } from '../dates/weeks.js';
import { type EditorDoc, emptyDoc } from '../document/editorJson.js';
import type { EvidenceTag, TagKey } from '../frameworks/framework.js';

/** The sections of a weekly log, in the order the page shows them. */
export const weeklyLogSections = [
  { id: 'thisWeek', title: 'This week' },
  { id: 'keyThoughts', title: 'Key thoughts' },
  { id: 'achievements', title: 'Achievements this week' },
  { id: 'nextWeekPlans', title: 'Next week I plan to' },
] as const;

export type WeeklyLogSectionId = (typeof weeklyLogSections)[number]['id'];
export const weeklyLogSectionIds = weeklyLogSections.map((section) => section.id) as [WeeklyLogSectionId, ...WeeklyLogSectionId[]];

/** Node types the weekly log gives meaning to. */
export const ideaNodeType = 'ideaBlock';
export const planNodeType = 'taskItem';

export const planReviewStatuses = ['done', 'partly', 'not-done', 'carried'] as const;
export type PlanReviewStatus = (typeof planReviewStatuses)[number];

export const planReviewStatusLabels: Record<PlanReviewStatus, string> = {
  done: 'Done',
  partly: 'Partly',
  'not-done': 'Not done',
  carried: 'Carried forward',
};

export const ideaStatuses = ['new', 'in-progress', 'done', 'dropped'] as const;
export type IdeaStatus = (typeof ideaStatuses)[number];

export const ideaStatusLabels: Record<IdeaStatus, string> = {
  new: 'New',
  'in-progress': 'In progress',
  done: 'Done',
  dropped: 'Dropped',
};

/** A weekly log's rich text, one editor document per section. */
export type WeeklyLogSections = Record<WeeklyLogSectionId, EditorDoc>;

/** Any entry's rich text: one editor document per section of its template (and Other notes). */
export type EntrySections = Record<string, EditorDoc>;

/** A weekly log is written once per week; a reflection is written on any date, from any template. */
export const entryKinds = ['weekly-log', 'reflection'] as const;
export type EntryKind = (typeof entryKinds)[number];

/** The template, and which version of it, an entry was written with. */
export interface TemplateRef {
  id: string;
  version: number;
}

/** The template every weekly log is written with. */
export const weeklyLogTemplate: TemplateRef = { id: 'weekly-log', version: 1 };

/** The kinds of CPD activity the HCPC names; any entry may record one. */
export const cpdActivityTypes = ['work-based', 'professional', 'formal', 'self-directed', 'other'] as const;
export type CpdActivityType = (typeof cpdActivityTypes)[number];

export const cpdActivityTypeLabels: Record<CpdActivityType, string> = {
  'work-based': 'Work-based learning',
  professional: 'Professional activity',
  formal: 'Formal or educational',
  'self-directed': 'Self-directed learning',
  other: 'Other',
};

/** The most CPD one entry may record: a fortnight's residential course, generously. */
export const maxCpdMinutes = 500 * 60;

/** CPD time recorded on an entry. Minutes, so totals add up exactly. */
export interface CpdRecord {
  minutes: number;
  /** Learning with others (a course, a discussion, a supervised session), as the NMC counts it. */
  participatory: boolean;
  activityType: CpdActivityType | null;
}

/** How this week's log judged one plan made in an earlier week. */
export interface PlanReviewMark {
  status: PlanReviewStatus;
  /** The plan's words when it was reviewed, shown if the plan is later deleted. */
  text: string;
  /** The week whose "Next week I plan to" list holds the plan. */
  fromWeek: CalendarDate;
}

export interface ItemInEntry {
  id: string;
  /** The item's words; an idea's first line. */
  text: string;
}

/** How much of an entry's text is tagged with one tag. */
export interface EvidenceCount {
  tag: TagKey;
  passages: number;
  words: number;
}

/** Facts derived from an entry's text whenever it is saved, kept in the index so nothing needs every body. */
export interface EntrySummary {
  ideas: ItemInEntry[];
  plans: ItemInEntry[];
  words: number;
  /** Tagged passages per tag, in the order the tags first appear. */
  evidence: EvidenceCount[];
}

/** One entry as the portfolio index holds it; its rich text is in the body file named by `body`. */
export interface EntryRecord {
  id: string;
  kind: EntryKind;
  /** The Monday of the week holding `date`: where the timeline shows the entry. */
  weekStart: CalendarDate;
  /** A weekly log's is its week's Monday; a reflection's is the day it is about. */
  date: CalendarDate;
  /** A reflection's title; '' for a weekly log (its week names it). */
  title: string;
  template: TemplateRef;
  cpd: CpdRecord | null;
  createdAt: string;
  updatedAt: string;
  planReview: Record<string, PlanReviewMark>;
  /** Outcomes the whole entry is evidence for. */
  tags: EvidenceTag[];
  body: string;
  summary: EntrySummary;
}

/**
 * The record of an entry about to be written for the first time: no CPD time, tags or reviews yet.
 * The store gives it a body when its first text is saved with it.
 */
export function newEntryRecord(id: string, kind: EntryKind, date: CalendarDate, title: string, template: TemplateRef, stamp: string): EntryRecord {
  return {
    id,
    kind,
    weekStart: weekCommencing(date),
    date,
    title,
    template,
    cpd: null,
    createdAt: stamp,
    updatedAt: stamp,
    planReview: {},
    tags: [],
    body: 'none',
    summary: { ideas: [], plans: [], words: 0, evidence: [] },
  };
}

/** A whole entry, as the page reads and writes it. */
export interface Entry extends Omit<EntryRecord, 'body' | 'summary'> {
  sections: EntrySections;
  words: number;
}

/** A whole weekly log, as the week page reads it. */
export interface WeeklyLog extends Omit<Entry, 'sections'> {
  kind: 'weekly-log';
  sections: WeeklyLogSections;
}

/** The file holding one version of an entry's rich text. Never changed once written. */
export interface EntryBody {
  entryId: string;
  sections: EntrySections;
}

export function emptySections(): WeeklyLogSections {
  return {
    thisWeek: emptyDoc(),
    keyThoughts: { type: 'doc', content: [{ type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] }] },
    achievements: { type: 'doc', content: [{ type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] }] },
    nextWeekPlans: { type: 'doc', content: [{ type: 'taskList', content: [{ type: 'taskItem', attrs: { checked: false, id: null }, content: [{ type: 'paragraph' }] }] }] },
  };
}
