import type { ExportPackKind, ExportPreview } from '../../shared/export/exportOptions.js';
import { checkWordFile } from '../../shared/export/exportCheck.js';
import { type ExportPlan, ExportGap, entriesToLoad, packDocument, planExport } from '../../shared/export/exportPack.js';
import { findingKindNames } from '../../shared/privacy/findings.js';
import type { OutgoingCheck } from '../../shared/privacy/outgoing.js';
import type { EntrySections } from '../../shared/portfolio/weeklyLog.js';
import type { PortfolioSnapshot } from '../storage/readPortfolioSnapshot.js';
import { CliProblem } from './cliProblem.js';
import type { CommandLine } from './commandLine.js';
import { checkPackUsage, exportOptionsFromCommandLine } from './exportOptionsFromCommandLine.js';
import { openPortfolioForCli } from './openPortfolioForCli.js';
import { checkOutputPath, outputPath, writeOutputFile } from './outputFile.js';

/**
 * `export <pack>`: reads the portfolio, checks the options with the Export screen's schema, says
 * what the document will hold, builds it with the same code the app uses and saves it whole.
 */
export async function exportCommand(pack: ExportPackKind, commandLine: CommandLine, print: (line: string) => void, now: Date): Promise<void> {
  const out = outputPath(commandLine.values.out);
  checkPackUsage(pack, commandLine.values);
  const snapshot = await openPortfolioForCli(commandLine);
  await checkOutputPath(out);
  const options = await exportOptionsFromCommandLine(pack, commandLine, snapshot.data);

  const bodies = await loadBodies(snapshot, entriesToLoad(snapshot.data, options));
  const planning = planExport({ data: snapshot.data, bodies, now }, options);
  if (!planning.ok) throw new CliProblem(planning.error.message);
  const { preview } = planning.value;
  print(summaryLine(pack, preview));
  for (const note of preview.notes) print(`Note: ${note}`);

  const bytes = await packDocument(buildDocument(planning.value));
  const check = checkWordFile(bytes, snapshot.data, options.name);
  for (const line of findingLines(check)) print(line);
  if (check.findings.length > 0 && commandLine.switches['fail-on-findings'] === true) {
    throw new CliProblem('Nothing was saved, because of --fail-on-findings. Replace the identifiers in the app (or dismiss the ones that are not), then export again.');
  }
  await writeOutputFile(out, bytes);
  print(`Saved ${out}`);
}

/**
 * What the privacy check found in the document, one line each, with where it is:
 * `  NHS number "943 476 5919" in Weekly log, w/c 7 Oct 2019 › What happened`.
 */
export function findingLines(check: OutgoingCheck): string[] {
  const dismissed = check.dismissed > 0 ? ` (${counted(check.dismissed, 'finding', 'findings')} you dismissed in the app not listed)` : '';
  if (check.findings.length === 0) return [`Privacy check: no possible identifiers found${dismissed}.`];
  return [
    `Privacy check: ${counted(check.total, 'possible identifier', 'possible identifiers')} found${dismissed}. Check each before the file is shared:`,
    ...check.findings.map((finding) => `  ${findingKindNames[finding.kind]} "${finding.text.replace(/\s+/g, ' ')}" in ${finding.place}`),
    ...(check.total > check.findings.length ? [`  …and ${counted(check.total - check.findings.length, 'more', 'more')}.`] : []),
  ];
}

/** Text found missing while the document is built comes back as the export's own plain sentence. */
function buildDocument(plan: ExportPlan) {
  try {
    return plan.document();
  } catch (error) {
    if (error instanceof ExportGap) throw new CliProblem(error.message);
    throw error;
  }
}

/** Body files are read a few at a time: enough to keep the disk busy, never thousands of open files. */
async function loadBodies(snapshot: PortfolioSnapshot, entryIds: readonly string[]): Promise<Map<string, EntrySections>> {
  const bodies = new Map<string, EntrySections>();
  const batch = 16;
  for (let start = 0; start < entryIds.length; start += batch) {
    const ids = entryIds.slice(start, start + batch);
    const readings = await Promise.all(ids.map((id) => snapshot.sections(id)));
    readings.forEach((reading, index) => {
      if (!reading.ok) throw new CliProblem(reading.message);
      bodies.set(ids[index] as string, reading.value);
    });
  }
  return bodies;
}

const counted = (count: number, one: string, many: string) => `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;

/**
 * "Assignment evidence: Unit 26: … — 12 entries, 30 passages, 4,210 words (1,950 quoted)."
 * "Mentor feedback and sign-off record — 6 comments on 5 entries, 4 sign-offs, 158 words."
 */
export function summaryLine(pack: ExportPackKind, preview: ExportPreview): string {
  if (preview.feedback) {
    const { comments, signOffs } = preview.feedback;
    return `${preview.title} — ${counted(comments, 'comment', 'comments')} on ${counted(preview.entries, 'entry', 'entries')}, ${counted(signOffs, 'sign-off', 'sign-offs')}, ${counted(preview.words, 'word', 'words')}.`;
  }
  const parts = [counted(preview.entries, 'entry', 'entries')];
  if (pack === 'assignment') parts.push(counted(preview.passages, 'passage', 'passages'));
  parts.push(counted(preview.words, 'word', 'words') + (pack === 'assignment' ? ` (${preview.quotedWords.toLocaleString('en-GB')} quoted)` : ''));
  return `${preview.title} — ${parts.join(', ')}.`;
}
