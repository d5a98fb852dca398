import type { Template } from '../../../shared/templates/template.js';
import { downloadTextFile } from '../frameworks/downloadTextFile.js';
import { navigate } from '../routing/useRoute.js';
import type { PortfolioSession } from '../session/PortfolioSession.js';
import { editorWelcome } from './editorWelcome.js';

/** Waiting for the editor's last save first means an export or a copy holds what was just typed. */
const waitForSavesMs = 3000;

export type ActionOutcome = { ok: true; text: string } | { ok: false; text: string };

/** Makes a new template (a blank one, or a copy of `source`) and opens it in the editor, its name ready to type over. */
export async function createTemplate(session: PortfolioSession, source: Template | null): Promise<ActionOutcome> {
  await session.flushWithin(waitForSavesMs);
  const result = await session.client.call('templates.create', { fromTemplateId: source?.id ?? null });
  if (!result.ok) return { ok: false, text: `${source ? `${source.name} was not duplicated` : 'No template was made'}: ${result.error.message}` };
  const made = result.value;
  editorWelcome.leave(made.id, {
    text: source
      ? `Made ${made.name}, your own copy of ${source.name}. Rename it and change it as you like; changes are saved as you type.`
      : 'Made a new template with one section. Name it, then add the sections you need; changes are saved as you type.',
    focusName: true,
  });
  navigate({ view: 'templates', templateId: made.id });
  return { ok: true, text: `Opened ${made.name}.` };
}

/** Downloads a template file that imports again into this or another portfolio. */
export async function exportTemplate(session: PortfolioSession, template: Template): Promise<ActionOutcome> {
  await session.flushWithin(waitForSavesMs);
  const result = await session.client.call('templates.exportFile', { templateId: template.id });
  if (!result.ok) return { ok: false, text: `${template.name} was not exported: ${result.error.message}` };
  downloadTextFile(result.value.fileName, result.value.text, 'application/json');
  return { ok: true, text: `Exported ${template.name} as ${result.value.fileName}. Import that file into another portfolio to use the same template there.` };
}

export function sectionCount(template: Template): string {
  const count = template.sections.length;
  return `${count.toLocaleString('en-GB')} ${count === 1 ? 'section' : 'sections'}`;
}

export function usageText(count: number): string {
  if (count === 0) return 'Not used by any entry yet';
  return `Used by ${count.toLocaleString('en-GB')} ${count === 1 ? 'entry' : 'entries'}`;
}
