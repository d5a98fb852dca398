import type { PrivacyFinding } from './findings.js';

/**
 * Titled names: a title (Mr, Mrs, Ms, Miss, Mx, Master, Dr, Doctor, Prof, Professor, Sister, Sr,
 * Nurse) then a capitalised name, with any initials between ("Mrs Patel", "Mr J Smith", "Dr. A. Chen",
 * "Mrs O'Neill", "Mr Smith-Jones", "Mrs Ní Dhomhnaill"), or in capitals after Mr, Mrs, Ms, Miss or
 * Mx ("MR J SMITH"). A title with only a letter after it
 * ("Mrs X", "Mr P") is taken as already anonymised. Words that follow a title as a job or a thing
 * rather than a name ("the Nurse Practitioner", "Sister Act", "Dr Martens") are not names.
 */

const personalTitle = '(?:Mrs|Mr|Ms|Miss|Mx|Master|mrs|mr|ms)';
const professionalTitle = '(?:Dr|Doctor|Prof|Professor|Sister|Sr|Nurse|dr)';
const initial = '\\p{Lu}(?:\\.[ \\t]*|[ \\t]+)';
const word = "\\p{Lu}(?:['’]\\p{Lu})?\\p{Ll}+(?:\\p{Lu}\\p{Ll}+)?";
const name = `${word}(?:-${word})*`;
const titledName = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(?<personal>${personalTitle})|${professionalTitle})\\.?[ \\t]+(?<initials>(?:${initial}){0,3})(?<names>${name}(?:[ \\t]+${name}){0,2})`,
  'gu',
);

const nameWords = /\S+/g;

/** The same in capitals, as records print them ("MR J SMITH", "MRS PATEL"): personal titles only, up to two words. */
const capitalWord = "\\p{Lu}(?:[\\p{Lu}'’-]*\\p{Lu})";
const titledNameInCapitals = new RegExp(
  `(?<![\\p{L}\\p{N}])(?<personal>MRS|MR|MS|MISS|MX)\\.?[ \\t]+(?<initials>(?:\\p{Lu}\\.?[ \\t]+){0,3})(?<names>${capitalWord}(?:[ \\t]+${capitalWord})?)(?![\\p{L}\\p{N}])`,
  'gu',
);

/** Capitalised words that follow a title without being a name. */
const notNames = new Set(
  [
    'practitioner', 'practitioners', 'specialist', 'specialists', 'consultant', 'consultants', 'associate', 'associates',
    'manager', 'managers', 'lead', 'leads', 'led', 'educator', 'educators', 'prescriber', 'prescribers', 'apprentice',
    'apprentices', 'director', 'directors', 'advocate', 'navigator', 'champion', 'champions', 'assistant', 'assistants',
    'support', 'staff', 'student', 'students', 'tutor', 'mentor', 'assessor', 'coordinator', 'officer', 'technician',
    'therapist', 'surgeon', 'registrar', 'fellow', 'clinic', 'clinics', 'unit', 'ward', 'wards', 'bank', 'agency', 'team',
    'station', 'training', 'education', 'day', 'days', 'week', 'in', 'on', 'who', 'men', 'martens', 'pepper', 'act', 'class',
    'plan', 'degree', 'chef', 'key', 'call', 'care', 'home', 'shift', 'rota', 'office', 'course', 'programme', 'the',
    'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
    'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  ],
);

export function findTitledNames(text: string): PrivacyFinding[] {
  const findings: PrivacyFinding[] = [];
  const matches = [...text.matchAll(titledName), ...[...text.matchAll(titledNameInCapitals)].map((match) => Object.assign(match, { inCapitals: true }))];
  for (const match of matches) {
    const names = match.groups?.['names'] ?? '';
    // In capitals a name cannot be told from the next word, so after initials only one word is taken ("MR J SMITH SAID").
    const mostWords = 'inCapitals' in match && (match.groups?.['initials'] ?? '') !== '' ? 1 : 3;
    let namesEnd = 0;
    let count = 0;
    for (const nameWord of names.matchAll(nameWords)) {
      count += 1;
      if (count > mostWords || notNames.has(nameWord[0].toLowerCase())) break;
      namesEnd = nameWord.index + nameWord[0].length;
    }
    if (namesEnd === 0) continue;
    const start = match.index;
    const end = start + match[0].length - names.length + namesEnd;
    findings.push({
      start,
      end,
      kind: 'titled-name',
      confidence: match.groups?.['personal'] === undefined ? 'medium' : 'high',
      text: text.slice(start, end),
      reason: 'A title followed by a name, so it may name a patient, service user or colleague.',
    });
  }
  return findings;
}
