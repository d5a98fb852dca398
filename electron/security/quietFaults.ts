/**
 * A fault nobody caught ends the process with its kind only, never its message or stack: those can
 * quote a reflection (V8's JSON errors quote the text they could not read), and crash output ends
 * up in terminals, logs and bug reports. Electron's own "JavaScript error" box, which shows both,
 * is replaced by this too.
 */
interface ProcessLike {
  on(event: 'uncaughtException' | 'unhandledRejection', listener: (error: unknown) => void): unknown;
}

export const faultExitCode = 70;

export function faultLine(error: unknown): string {
  const kind = error instanceof Error ? error.name : typeof error;
  return `Reflective Portfolio stopped because of a fault inside the app (${kind}). Your last saved work is safe.`;
}

export function reportFaultsQuietly(target: ProcessLike, write: (line: string) => void, exit: (code: number) => void): void {
  const stop = (error: unknown) => {
    write(`${faultLine(error)}\n`);
    exit(faultExitCode);
  };
  target.on('uncaughtException', stop);
  target.on('unhandledRejection', stop);
}
