import { type SectionRole, type Template, sectionRoles } from './template.js';
import atkinsMurphy from './builtIn/atkins-murphy.v1.json';
import borton from './builtIn/borton.v1.json';
import driscoll from './builtIn/driscoll.v1.json';
import gibbs from './builtIn/gibbs.v1.json';
import hcpcCpdActivity from './builtIn/hcpc-cpd-activity.v1.json';
import johns from './builtIn/johns.v1.json';
import kolb from './builtIn/kolb.v1.json';
import nmcReflectiveAccount from './builtIn/nmc-reflective-account.v1.json';
import personCentredOutcomes from './builtIn/person-centred-outcomes.v1.json';
import rolfe from './builtIn/rolfe.v1.json';
import schon from './builtIn/schon.v1.json';
import weeklyLog from './builtIn/weekly-log.v1.json';

/**
 * Reflection templates shipped with the app, as versioned data files in builtIn/ (one file per
 * template version, named <id>.v<version>.json). The models' names and stage names are theirs (see
 * ../shared/reference/FRAMEWORKS.md); every prompt and summary is our own wording.
 *
 * Rules for changing them:
 * - Never edit a version that has shipped: entries written with it are shown with it. Add a new
 *   file with the next version and list it here too; every version stays in this list.
 * - Section ids are stable forever: entries store their text under them. Never reuse one for a
 *   different purpose. Models built on the same stems (Borton, Driscoll, Rolfe) share section ids
 *   so text moves straight across when switching between them.
 * - The weekly log's sections are the weekly log's own (shared/portfolio/weeklyLog.ts); a unit test
 *   checks the file agrees with them.
 * Every file is checked against templateSchema by the unit tests.
 */

interface TemplateFileData {
  id: string;
  version: number;
  name: string;
  summary: string;
  sections: { id: string; title: string; prompt: string; role: string }[];
  notice: string | null;
  linkedFramework: string | null;
  asksForCpd: boolean;
}

const isRole = (role: string): role is SectionRole => (sectionRoles as readonly string[]).includes(role);

/** The JSON's types are looser than Template's (a role is any string): check the roles as the data is read. */
function template(data: TemplateFileData): Template {
  return {
    ...data,
    sections: data.sections.map((section) => {
      if (!isRole(section.role)) throw new Error(`Built-in template ${data.id} v${data.version}: section ${section.id} has an unknown role ${section.role}`);
      return { ...section, role: section.role };
    }),
  };
}

export const builtInTemplates: readonly Template[] = [
  weeklyLog,
  gibbs,
  borton,
  driscoll,
  rolfe,
  kolb,
  johns,
  atkinsMurphy,
  schon,
  personCentredOutcomes,
  nmcReflectiveAccount,
  hcpcCpdActivity,
].map(template);

/** The newest version of a built-in template. */
export function findTemplate(id: string): Template | undefined {
  let newest: Template | undefined;
  for (const candidate of builtInTemplates) if (candidate.id === id && (!newest || candidate.version > newest.version)) newest = candidate;
  return newest;
}
