/** What the user asked for on the command line, shared by the launcher, the web server and Electron's main process. */
export interface LaunchArguments {
  /** The portfolio folder given with --data, or null for the per-user default. */
  dataFolder: string | null;
  /** The loopback port for web mode; 0 lets the operating system choose a free one. */
  port: number;
  /** Skip the desktop window and serve the app to a web browser. */
  web: boolean;
  help: boolean;
  /** A share or feedback file to open (the system passes it when the user double-clicks one). */
  openFile: string | null;
}

export type ArgumentsReading = { ok: true; arguments: LaunchArguments } | { ok: false; problem: string };

/** The exit code for a command line the app does not understand. */
export const usageExitCode = 2;

export const usageText = `Usage: reflective-portfolio [options]

Options:
  --data <folder>  Use this portfolio folder instead of the usual one for your user account.
  --port <number>  In web mode, listen on this port of 127.0.0.1 (0 or absent: any free port).
  --web            Open in your web browser instead of the desktop window.
  --help           Show this message.
`;

function readPort(value: string): number | null {
  if (!/^\d{1,5}$/.test(value)) return null;
  const port = Number(value);
  return port <= 65_535 ? port : null;
}

/** A share or feedback file, by its name: what the system hands the app when one is double-clicked. */
export function isSharingFilePath(path: string): boolean {
  return /\.(rpshare|rpfeedback)$/i.test(path);
}

/** Reads `--name value` and `--name=value` forms. Anything it does not know is a problem, never ignored. */
export function parseArguments(argv: readonly string[]): ArgumentsReading {
  const result: LaunchArguments = { dataFolder: null, port: 0, web: false, help: false, openFile: null };
  const problem = (text: string): ArgumentsReading => ({ ok: false, problem: text });

  for (let index = 0; index < argv.length; index += 1) {
    const token = argv[index] as string;
    const equals = token.startsWith('--') ? token.indexOf('=') : -1;
    const name = equals === -1 ? token : token.slice(0, equals);
    const inlineValue = equals === -1 ? null : token.slice(equals + 1);
    const takeValue = (): string | null => {
      if (inlineValue !== null) return inlineValue;
      const next = argv[index + 1];
      if (next === undefined || next.startsWith('--')) return null;
      index += 1;
      return next;
    };

    switch (name) {
      case '--data': {
        const folder = takeValue();
        if (folder === null || folder.trim() === '') return problem('--data needs a folder, for example: --data "My portfolio".');
        result.dataFolder = folder;
        break;
      }
      case '--port': {
        const value = takeValue();
        const port = value === null ? null : readPort(value);
        if (port === null) return problem('--port needs a whole number from 0 to 65535, for example: --port 8080.');
        result.port = port;
        break;
      }
      case '--web':
      case '--help': {
        if (inlineValue !== null) return problem(`${name} does not take a value.`);
        if (name === '--web') result.web = true;
        else result.help = true;
        break;
      }
      default:
        if (!token.startsWith('-') && isSharingFilePath(token) && result.openFile === null) {
          result.openFile = token;
          break;
        }
        return problem(token.startsWith('-') ? `Unknown option: ${name}. Use --help to see the options.` : `Unexpected argument: ${token}. Use --help to see the options.`);
    }
  }
  return { ok: true, arguments: result };
}
