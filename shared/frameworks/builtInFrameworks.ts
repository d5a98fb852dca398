import type { Framework } from './framework.js';

/**
 * Professional frameworks shipped with the app, as versioned data. A portfolio keeps its own copy
 * (made by frameworkFromBuiltIn) that records which built-in and version it came from; a later
 * version of this data never rewrites that copy. Ids are stable forever: evidence is tagged
 * against them, so never change or reuse one — add a new id and bump the version instead.
 */
export interface BuiltInFramework {
  id: string;
  version: number;
  title: string;
  /** One line explaining who it is for. */
  summary: string;
  outcomes: { id: string; code: string; title: string; criteria: { id: string; code: string; text: string }[] }[];
}

type BuiltInOutcome = BuiltInFramework['outcomes'][number];

function outcome(id: string, code: string, title: string): BuiltInOutcome {
  return { id, code, title, criteria: [] };
}

const nmcCodeThemes: BuiltInFramework = {
  id: 'nmc-code-themes',
  version: 1,
  title: 'NMC Code: the four themes',
  summary: 'For nurses, midwives and nursing associates showing how each reflective account for revalidation relates to the Code.',
  outcomes: [
    outcome('prioritise-people', 'T1', 'Prioritise people'),
    outcome('practise-effectively', 'T2', 'Practise effectively'),
    outcome('preserve-safety', 'T3', 'Preserve safety'),
    outcome('promote-professionalism-and-trust', 'T4', 'Promote professionalism and trust'),
  ],
};

const hcpcCpdStandards: BuiltInFramework = {
  id: 'hcpc-cpd-standards',
  version: 1,
  title: 'HCPC standards for continuing professional development',
  summary: 'For HCPC-registered professionals keeping a CPD record and getting ready for a possible CPD audit at renewal.',
  outcomes: [
    outcome('keep-an-accurate-cpd-record', 'S1', 'Keep an ongoing, current and accurate record of your CPD'),
    outcome('mix-of-learning-activities', 'S2', 'Learn in a range of ways that matter to your practice now or in the future'),
    outcome('cpd-improves-practice-and-service', 'S3', 'Make sure your CPD has improved the quality of your practice and the service you deliver'),
    outcome('cpd-benefits-service-users', 'S4', 'Make sure your CPD benefits the people who use your service'),
    outcome('present-a-cpd-profile', 'S5', 'Be able to give a written CPD profile, your own work backed by evidence, when asked'),
  ],
};

/** The 2014 standards in order; the 2025 list is built from these with its three changes. */
const careCertificate2014Standards: readonly (readonly [id: string, title: string])[] = [
  ['understand-your-role', 'Understand your role'],
  ['your-personal-development', 'Your personal development'],
  ['duty-of-care', 'Duty of care'],
  ['equality-and-diversity', 'Equality and diversity'],
  ['work-in-a-person-centred-way', 'Work in a person-centred way'],
  ['communication', 'Communication'],
  ['privacy-and-dignity', 'Privacy and dignity'],
  ['fluids-and-nutrition', 'Fluids and nutrition'],
  ['awareness-of-mental-health-dementia-and-learning-disabilities', 'Awareness of mental health, dementia and learning disabilities'],
  ['safeguarding-adults', 'Safeguarding adults'],
  ['safeguarding-children', 'Safeguarding children'],
  ['basic-life-support', 'Basic life support'],
  ['health-and-safety', 'Health and safety'],
  ['handling-information', 'Handling information'],
  ['infection-prevention-and-control', 'Infection prevention and control'],
];

/** Standard number → its 2025 replacement. A changed standard gets a new id: its scope changed. */
const careCertificate2025Changes = new Map<number, readonly [id: string, title: string]>([
  [4, ['equality-diversity-inclusion-and-human-rights', 'Equality, diversity, inclusion and human rights']],
  [9, ['awareness-of-mental-health-and-dementia', 'Awareness of mental health and dementia']],
]);

const careCertificate2025Standards: readonly (readonly [id: string, title: string])[] = [
  ...careCertificate2014Standards.map((standard, index) => careCertificate2025Changes.get(index + 1) ?? standard),
  ['awareness-of-learning-disability-and-autism', 'Awareness of learning disability and autism'],
];

const careCertificate2014: BuiltInFramework = {
  id: 'care-certificate-2014',
  version: 1,
  title: 'Care Certificate (15 standards)',
  summary: 'For care workers new to health and social care, working through the original 15 Care Certificate standards.',
  outcomes: careCertificate2014Standards.map(([id, title], index) => outcome(id, `Std ${index + 1}`, title)),
};

const careCertificate2025: BuiltInFramework = {
  id: 'care-certificate-2025',
  version: 1,
  title: 'Care Certificate (16 standards, 2025)',
  summary: 'For care workers new to health and social care, working through the 16 standards in use since 2025.',
  outcomes: careCertificate2025Standards.map(([id, title], index) => outcome(id, `Std ${index + 1}`, title)),
};

const advancedPracticePillars: BuiltInFramework = {
  id: 'advanced-practice-pillars',
  version: 1,
  title: 'Advanced clinical practice: the four pillars',
  summary: 'For clinicians in England training for or working in advanced practice roles under the multi-professional framework.',
  outcomes: [
    outcome('clinical-practice', 'CP', 'Clinical practice'),
    outcome('leadership-and-management', 'LM', 'Leadership and management'),
    outcome('education', 'ED', 'Education'),
    outcome('research', 'RE', 'Research'),
  ],
};

const ksfCoreDimensions: BuiltInFramework = {
  id: 'ksf-core-dimensions',
  version: 1,
  title: 'NHS Knowledge and Skills Framework: core dimensions',
  summary: 'For NHS staff linking their development reviews and learning to the six dimensions every NHS post shares.',
  outcomes: [
    outcome('communication', 'C1', 'Communication'),
    outcome('personal-and-people-development', 'C2', 'Personal and people development'),
    outcome('health-safety-and-security', 'C3', 'Health, safety and security'),
    outcome('service-improvement', 'C4', 'Service improvement'),
    outcome('quality', 'C5', 'Quality'),
    outcome('equality-and-diversity', 'C6', 'Equality and diversity'),
  ],
};

export const builtInFrameworks: readonly BuiltInFramework[] = [
  nmcCodeThemes,
  hcpcCpdStandards,
  careCertificate2014,
  careCertificate2025,
  advancedPracticePillars,
  ksfCoreDimensions,
];

export function findBuiltIn(id: string): BuiltInFramework | undefined {
  return builtInFrameworks.find((framework) => framework.id === id);
}

/** The portfolio's own copy: builtIn {id, version}, archived false everywhere, number ''. Framework id = built-in id, outcome/criterion ids as in the data. */
export function frameworkFromBuiltIn(builtIn: BuiltInFramework): Framework {
  return {
    id: builtIn.id,
    title: builtIn.title,
    number: '',
    archived: false,
    builtIn: { id: builtIn.id, version: builtIn.version },
    outcomes: builtIn.outcomes.map((outcome) => ({
      id: outcome.id,
      code: outcome.code,
      title: outcome.title,
      archived: false,
      criteria: outcome.criteria.map((criterion) => ({ id: criterion.id, code: criterion.code, text: criterion.text, archived: false })),
    })),
  };
}
