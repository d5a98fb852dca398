import type { ExportPackKind } from '../../../shared/export/exportOptions.js';

export type { ExportPackKind };

/**
 * The Word packs as the Export screen offers them, in this order. Kept here rather than imported
 * from shared/export/exportOptions.ts (whose schemas would bring zod into the page).
 */
export const exportPacks: Record<ExportPackKind, { label: string; explanation: string }> = {
  weeks: { label: 'Weekly logs', explanation: 'One week or a run of weeks, laid out as your log reads: ideas with their numbers, key thoughts, achievements and plans.' },
  assignment: {
    label: 'Assignment evidence',
    explanation: 'For a course unit: a cover page, every tagged passage quoted under its outcome with your commentary, a mapping table and word counts.',
  },
  appraisal: { label: 'Appraisal or revalidation', explanation: 'For a period: achievements, ideas taken forward, a development plan, reflective accounts and a CPD log.' },
  reflection: { label: 'A single reflection', explanation: 'One reflection in its template’s layout, ready to share or hand in.' },
  feedback: {
    label: 'Mentor feedback and sign-offs',
    explanation: 'The outcomes your mentors signed off and those not yet, and their comments on your entries with your replies.',
  },
};

export const exportPackKinds = Object.keys(exportPacks) as ExportPackKind[];

export function isExportPackKind(value: string): value is ExportPackKind {
  return Object.hasOwn(exportPacks, value);
}
