import { parseArgs } from 'node:util';

/** Every option any command takes, and whether it takes a value. */
export const cliOptions = {
  portfolio: { type: 'string' },
  out: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  week: { type: 'string' },
  name: { type: 'string' },
  framework: { type: 'string' },
  course: { type: 'string' },
  'submission-date': { type: 'string' },
  'word-limit': { type: 'string' },
  'references-file': { type: 'string' },
  'commentary-file': { type: 'string' },
  role: { type: 'string' },
  registration: { type: 'string' },
  entry: { type: 'string' },
  'leave-out-resolved': { type: 'boolean' },
  'fail-on-findings': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

export type CliOptionName = keyof typeof cliOptions;
export type CliValueOption = { [K in CliOptionName]: (typeof cliOptions)[K]['type'] extends 'string' ? K : never }[CliOptionName];
/** Options that are switched on by being given, besides --help and --version. */
export type CliSwitch = Exclude<{ [K in CliOptionName]: (typeof cliOptions)[K]['type'] extends 'boolean' ? K : never }[CliOptionName], 'help' | 'version'>;

export interface CommandLine {
  /** The words that are not options, in order: the command and what it acts on. */
  words: string[];
  values: Partial<Record<CliValueOption, string>>;
  /** Switches given (`--leave-out-resolved`). */
  switches: Partial<Record<CliSwitch, true>>;
  help: boolean;
  version: boolean;
  /** Options given, by name, to check against what the chosen command accepts. */
  given: CliOptionName[];
  /** How each option was written (`-h` or `--help`), for messages. */
  written: Partial<Record<CliOptionName, string>>;
}

export type CommandLineReading = { ok: true; commandLine: CommandLine } | { ok: false; problem: string };

const isKnown = (name: string): name is CliOptionName => Object.hasOwn(cliOptions, name);
const isValueOption = (name: CliOptionName): name is CliValueOption => cliOptions[name].type === 'string';

/**
 * Reads `--name value` and `--name=value` with node's own parser, but judges the tokens here so
 * every mistake comes back as one plain sentence: an unknown option, a missing value, a value given
 * to a switch, or an option given twice.
 */
export function readCommandLine(argv: readonly string[]): CommandLineReading {
  const problem = (text: string): CommandLineReading => ({ ok: false, problem: text });
  const { tokens } = parseArgs({ args: [...argv], options: cliOptions, strict: false, allowPositionals: true, tokens: true });
  const commandLine: CommandLine = { words: [], values: {}, switches: {}, help: false, version: false, given: [], written: {} };
  for (const token of tokens) {
    if (token.kind === 'positional') {
      commandLine.words.push(token.value);
      continue;
    }
    if (token.kind === 'option-terminator') continue;
    const { name, rawName } = token;
    if (!isKnown(name)) return problem(`Unknown option: ${rawName}.`);
    if (commandLine.given.includes(name)) return problem(`${rawName} is given more than once.`);
    commandLine.given.push(name);
    commandLine.written[name] = rawName;
    if (!isValueOption(name)) {
      if (token.value !== undefined) return problem(`${rawName} does not take a value.`);
      if (name === 'help' || name === 'version') commandLine[name] = true;
      else commandLine.switches[name] = true;
      continue;
    }
    const value = token.value;
    if (value === undefined || (!token.inlineValue && value.startsWith('--'))) return problem(`${rawName} needs a value, for example ${rawName} ${exampleValues[name]}.`);
    commandLine.values[name] = value;
  }
  return { ok: true, commandLine };
}

const exampleValues: Record<CliValueOption, string> = {
  portfolio: '"My portfolio"',
  out: 'log.docx',
  from: '2019-09-02',
  to: '2019-12-20',
  week: '2019-09-02',
  name: '"Sam Jones"',
  framework: 'unit-26',
  course: '"HND Healthcare Practice"',
  'submission-date': '2020-01-10',
  'word-limit': '3000',
  'references-file': 'references.txt',
  'commentary-file': 'commentary.json',
  role: '"Staff nurse"',
  registration: '12A3456B',
  entry: 'abc123',
};
