import { type WebServer, startWebServer } from './webServer.js';
import { PortfolioInUseError } from '../storage/folderLock.js';

export interface WebModeOptions {
  folder: string;
  port: number;
  rendererDir: string;
  /** Where the human messages go (stdout). Never given portfolio text. */
  print?: (line: string) => void;
  /** Stop on SIGINT/SIGTERM (true unless a test starts web mode in-process). */
  handleSignals?: boolean;
}

/** Long enough for an autosave the page was about to send when Ctrl+C was pressed. */
const saveGraceMs = 1500;
/** After SIGTERM, how long without any operation counts as "the page has sent everything". */
const quietAfterTermMs = 300;

/**
 * Starts web mode for a person at a terminal: prints the address to open and stops on a signal
 * after writing everything to disk. Ctrl+C (SIGINT) waits out a short grace, since the person may
 * have typed a moment ago and the page's autosave may still be counting down. SIGTERM (a service
 * manager, the test harness, a closing session) waits only until the last save a closing page sent
 * has arrived, i.e. until operations have been quiet briefly. A second signal stops at once, still
 * writing everything already received.
 */
export async function runWebMode(options: WebModeOptions): Promise<WebServer> {
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const server = await startWebServer({ folder: options.folder, port: options.port, rendererDir: options.rendererDir });

  print('Reflective Portfolio is running in your web browser. Open this address:');
  print(server.url);
  print(`Portfolio folder: ${server.folder}`);
  print('Press Ctrl+C to stop; everything is saved first.');

  if (options.handleSignals === false) return server;
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      void server.close({ graceMs: 0 });
      return;
    }
    stopping = true;
    print('Saving and closing…');
    server.close(signal === 'SIGINT' ? { graceMs: saveGraceMs } : { graceMs: saveGraceMs, quietMs: quietAfterTermMs }).then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`Reflective Portfolio could not finish saving (${error instanceof Error ? error.name : 'unknown error'}).\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return server;
}

/** A plain sentence for why web mode could not start (the port or the folder), without a stack trace. */
export function explainStartFailure(error: unknown, port: number): string {
  if (error instanceof PortfolioInUseError) return error.message;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EADDRINUSE') return `Port ${port} is already in use. Choose another with --port, or leave --port out to use any free port.`;
  if (code === 'EACCES' || code === 'EPERM') return 'Reflective Portfolio was not allowed to use the portfolio folder or the port. Check the folder given with --data.';
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'The portfolio folder path points at a file, not a folder. Check the folder given with --data.';
  return `Reflective Portfolio could not start (${error instanceof Error ? error.name : 'unknown error'}${code ? `: ${code}` : ''}).`;
}
