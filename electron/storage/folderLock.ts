import { open, readFile, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** Held while a process has the portfolio open; says who holds it. Never holds portfolio text. */
export const lockFileName = 'portfolio.lock';

interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

/** Another running Reflective Portfolio (desktop or web mode) has this folder open. */
export class PortfolioInUseError extends Error {
  override name = 'PortfolioInUseError';
  constructor(
    readonly owner: LockOwner,
    readonly lockFile: string,
  ) {
    super(
      owner.host === hostname()
        ? `This portfolio is already open in another Reflective Portfolio on this computer (process ${owner.pid}). Close that one first, then start again.`
        : `This portfolio is open in Reflective Portfolio on another computer (${owner.host}), perhaps through a shared or synced folder. Close it there first. If it is not open anywhere, delete the file ${lockFile} and start again.`,
    );
  }
}

export interface FolderLock {
  release(): Promise<void>;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else; only ESRCH means it is gone.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** How many times this process holds each lock file; the file goes when the last holder lets go. */
const heldHere = new Map<string, number>();

function holdHere(path: string): FolderLock {
  heldHere.set(path, (heldHere.get(path) ?? 0) + 1);
  let released = false;
  return {
    release: async () => {
      if (released) return;
      released = true;
      const left = (heldHere.get(path) ?? 1) - 1;
      if (left > 0) {
        heldHere.set(path, left);
        return;
      }
      heldHere.delete(path);
      await releaseIfMine(path);
    },
  };
}

async function readOwner(path: string): Promise<LockOwner | null> {
  try {
    const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { pid, host, since } = parsed as Record<string, unknown>;
    return typeof pid === 'number' && typeof host === 'string' && typeof since === 'string' ? { pid, host, since } : null;
  } catch {
    return null;
  }
}

/**
 * Claims the portfolio folder for this process, so two programs (say the desktop app and web
 * mode) never write one portfolio at once and undo each other's saves. A lock left by a process
 * on this computer that is no longer running (it crashed, or was killed) is taken over; a lock
 * file that cannot be read is treated as left over too, since only this module writes it.
 * The same process may open its folder again (tests reopen a portfolio to check what was saved);
 * the file stays until every opening in this process has closed.
 */
export async function lockFolder(folder: string, now: () => Date = () => new Date()): Promise<FolderLock> {
  const path = join(folder, lockFileName);
  const me: LockOwner = { pid: process.pid, host: hostname(), since: now().toISOString() };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const handle = await open(path, 'wx', 0o600);
      try {
        await handle.writeFile(JSON.stringify(me));
        await handle.sync();
      } finally {
        await handle.close();
      }
      return holdHere(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = await readOwner(path);
    if (owner && owner.host === me.host && owner.pid === me.pid) return holdHere(path);
    if (owner && (owner.host !== me.host || isRunning(owner.pid))) throw new PortfolioInUseError(owner, path);
    await rm(path, { force: true });
  }
  throw new Error('The portfolio lock could not be taken.');
}

async function releaseIfMine(path: string): Promise<void> {
  const owner = await readOwner(path);
  if (owner && owner.pid === process.pid && owner.host === hostname()) await rm(path, { force: true });
}
