import { resolve } from 'node:path';
import { read } from 'read';
import { type PortfolioSnapshot, readPortfolioSnapshot } from '../storage/readPortfolioSnapshot.js';
import { CliProblem, usageProblem } from './cliProblem.js';
import type { CommandLine } from './commandLine.js';

/** Where an encrypted portfolio's passphrase can be given to the command line (never a flag: it would stay in the shell's history). */
export const passphraseVariable = 'REFLECTIVE_PORTFOLIO_PASSPHRASE';

/** Where the command line looks for a passphrase; tests give their own. */
export interface PassphraseSource {
  environment(): string | undefined;
  /** True when someone at a terminal can be asked. */
  canAsk(): boolean;
  /** Asks at the terminal without showing what is typed; null if the question was cancelled. */
  ask(question: string): Promise<string | null>;
}

export const terminalPassphraseSource: PassphraseSource = {
  environment: () => process.env[passphraseVariable],
  canAsk: () => process.stdin.isTTY === true && process.stderr.isTTY === true,
  ask: async (question) => {
    try {
      return String(await read<string>({ prompt: question, silent: true, replace: '', input: process.stdin, output: process.stderr }));
    } catch {
      return null;
    } finally {
      // Nothing typed was shown, so the line the prompt is on is ended here.
      process.stderr.write('\n');
    }
  },
};

function passphraseFrom(source: PassphraseSource, folder: string): () => Promise<string> {
  return async () => {
    const given = source.environment();
    if (given !== undefined && given !== '') return given;
    if (!source.canAsk()) {
      throw new CliProblem(
        `The portfolio in ${folder} is encrypted. Give its passphrase in the environment variable ${passphraseVariable}, or run the command at a terminal to be asked for it.`,
      );
    }
    const typed = await source.ask(`Passphrase for the portfolio in ${folder}: `);
    if (typed === null || typed === '') throw new CliProblem('No passphrase was given, so the encrypted portfolio was not read.');
    return typed;
  };
}

/** The portfolio --portfolio names, read-only; every way it can be unusable is a plain sentence. */
export async function openPortfolioForCli(commandLine: CommandLine, passphrases: PassphraseSource = terminalPassphraseSource): Promise<PortfolioSnapshot> {
  const folder = commandLine.values.portfolio;
  if (folder === undefined) throw usageProblem('Say which portfolio to read with --portfolio <folder>.');
  if (folder.trim() === '') throw usageProblem('--portfolio needs a folder, for example --portfolio "My portfolio".');
  const reading = await readPortfolioSnapshot(resolve(folder), { passphrase: passphraseFrom(passphrases, resolve(folder)) });
  if (!reading.ok) throw new CliProblem(reading.message);
  return reading.value;
}
