import { resolve } from 'node:path';
import { type PortfolioSnapshot, readPortfolioSnapshot } from '../storage/readPortfolioSnapshot.js';
import { CliProblem, usageProblem } from './cliProblem.js';
import type { CommandLine } from './commandLine.js';

/** The portfolio --portfolio names, read-only; every way it can be unusable is a plain sentence. */
export async function openPortfolioForCli(commandLine: CommandLine): Promise<PortfolioSnapshot> {
  const folder = commandLine.values.portfolio;
  if (folder === undefined) throw usageProblem('Say which portfolio to read with --portfolio <folder>.');
  if (folder.trim() === '') throw usageProblem('--portfolio needs a folder, for example --portfolio "My portfolio".');
  const reading = await readPortfolioSnapshot(resolve(folder));
  if (!reading.ok) throw new CliProblem(reading.message);
  return reading.value;
}
