import { type ExportPackKind, exportPackKinds } from '../../shared/export/exportOptions.js';
import { productName, productVersion } from '../startup/productInfo.js';
import { CliProblem, exitStatus } from './cliProblem.js';
import { type CliOptionName, readCommandLine } from './commandLine.js';
import { exportCommand } from './exportCommand.js';
import { packOptions } from './exportOptionsFromCommandLine.js';
import { exportHelp, exportPackHelp, helpHint, listHelp, mainHelp } from './helpTexts.js';
import { type ListSubject, listCommand, listSubjects } from './listCommand.js';

/**
 * The command line (`reflective-portfolio list …`, `reflective-portfolio export …`): reads a
 * portfolio folder without changing it and exports Word documents with the app's own export code.
 * Everything the terminal sees goes through `io`, so tests call this directly.
 */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  now(): Date;
  /** Print the stack of an unexpected error (REFLECTIVE_PORTFOLIO_DEBUG=1). */
  debug?: boolean;
}

type Command = { kind: 'main' } | { kind: 'list'; subject: ListSubject | null } | { kind: 'export'; pack: ExportPackKind | null };

const isListSubject = (word: string): word is ListSubject => (listSubjects as readonly string[]).includes(word);
const isPackKind = (word: string): word is ExportPackKind => (exportPackKinds as readonly string[]).includes(word);

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const usage = (message: string, words: readonly string[]) => {
    io.stderr(`${message}\n${helpHint(words)}\n`);
    return exitStatus.usage;
  };

  const reading = readCommandLine(argv);
  if (!reading.ok) return usage(reading.problem, commandWordsOf(argv));
  const commandLine = reading.commandLine;
  const [first, ...rest] = commandLine.words;
  const asksForHelp = first === 'help' || commandLine.help;
  const words = first === 'help' ? rest : commandLine.words;

  const resolved = resolveCommand(words);
  if (!resolved.ok) return usage(resolved.problem, resolved.words);
  const { command } = resolved;
  const shownWords = command.kind === 'main' ? [] : words.slice(0, 2);

  const refused = commandLine.given.find((option) => !acceptedBy(command).includes(option));
  if (refused !== undefined && !asksForHelp) {
    const written = commandLine.written[refused] ?? `--${refused}`;
    return usage(command.kind === 'main' ? `${written} goes after a command, for example: list entries ${written}.` : `${written} is not an option of \`${shownWords.join(' ')}\`.`, shownWords);
  }

  if (asksForHelp) {
    io.stdout(helpFor(command));
    return exitStatus.done;
  }
  if (command.kind === 'main') {
    if (commandLine.version) {
      io.stdout(`${productName} ${productVersion}\n`);
      return exitStatus.done;
    }
    io.stderr(mainHelp);
    return exitStatus.usage;
  }
  if (command.kind === 'list' && command.subject === null) return usage('Say what to list: frameworks or entries.', shownWords);
  if (command.kind === 'export' && command.pack === null) return usage(`Say which pack to export: ${exportPackKinds.join(', ')}.`, shownWords);

  const print = (line: string) => io.stdout(`${line}\n`);
  try {
    if (command.kind === 'list' && command.subject !== null) await listCommand(command.subject, commandLine, print);
    if (command.kind === 'export' && command.pack !== null) await exportCommand(command.pack, commandLine, print, io.now());
    return exitStatus.done;
  } catch (error) {
    if (error instanceof CliProblem) {
      if (error.kind === 'usage') return usage(error.message, shownWords);
      io.stderr(`${error.message}\n`);
      return exitStatus.failed;
    }
    const name = error instanceof Error ? error.name : typeof error;
    io.stderr(`Something unexpected went wrong (${name}), so nothing was saved.\n`);
    if (io.debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return exitStatus.failed;
  }
}

type CommandResolution = { ok: true; command: Command } | { ok: false; problem: string; words: string[] };

function resolveCommand(words: readonly string[]): CommandResolution {
  const [name, target, extra] = words;
  if (name === undefined) return { ok: true, command: { kind: 'main' } };
  if (name !== 'list' && name !== 'export') return { ok: false, problem: `Unknown command: ${name}. The commands are list and export.`, words: [] };
  if (target !== undefined) {
    if (name === 'list' && !isListSubject(target)) return { ok: false, problem: `list cannot list "${target}": it lists frameworks or entries.`, words: ['list'] };
    if (name === 'export' && !isPackKind(target)) return { ok: false, problem: `There is no export pack called "${target}": the packs are ${exportPackKinds.join(', ')}.`, words: ['export'] };
  }
  if (extra !== undefined) return { ok: false, problem: `Unexpected argument: ${extra}.`, words: [name, target as string] };
  if (name === 'list') return { ok: true, command: { kind: 'list', subject: target !== undefined && isListSubject(target) ? target : null } };
  return { ok: true, command: { kind: 'export', pack: target !== undefined && isPackKind(target) ? target : null } };
}

function acceptedBy(command: Command): readonly CliOptionName[] {
  switch (command.kind) {
    case 'main':
      return ['help', 'version'];
    case 'list':
      return command.subject === 'entries' ? ['help', 'portfolio', 'from', 'to'] : ['help', 'portfolio'];
    case 'export':
      return command.pack === null ? ['help', 'portfolio', 'out'] : ['help', 'portfolio', 'out', ...packOptions[command.pack]];
  }
}

function helpFor(command: Command): string {
  switch (command.kind) {
    case 'main':
      return mainHelp;
    case 'list':
      return listHelp;
    case 'export':
      return command.pack === null ? exportHelp : exportPackHelp[command.pack];
  }
}

/** The command words of a command line that could not be read, for the hint under the message. */
function commandWordsOf(argv: readonly string[]): string[] {
  const [name, target] = argv;
  if (name === 'list') return target !== undefined && isListSubject(target) ? ['list', target] : ['list'];
  if (name === 'export') return target !== undefined && isPackKind(target) ? ['export', target] : ['export'];
  return [];
}
