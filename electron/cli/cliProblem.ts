/** Exit status: 0 only when the command did what was asked. */
export const exitStatus = { done: 0, failed: 1, usage: 2 } as const;

/**
 * Why a command stopped, as a plain sentence for the terminal. `usage` means the command line
 * itself was not understood (exit 2, with a hint to --help); `failed` that it was understood but
 * could not be done (exit 1).
 */
export class CliProblem extends Error {
  override name = 'CliProblem';
  constructor(
    message: string,
    readonly kind: 'usage' | 'failed' = 'failed',
  ) {
    super(message);
  }
}

export const usageProblem = (message: string) => new CliProblem(message, 'usage');
