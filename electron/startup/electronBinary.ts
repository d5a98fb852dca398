import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Where the `electron` npm package keeps its program, the way its own index.js finds it, but without
 * its side effect of downloading synchronously when the program is missing.
 */
export function findElectronBinary(electronPackageDir: string, env: Readonly<Record<string, string | undefined>> = process.env): string | null {
  let relative: string;
  try {
    relative = readFileSync(path.join(electronPackageDir, 'path.txt'), 'utf8').trim();
  } catch {
    return null;
  }
  if (relative === '') return null;
  const distFolder = env.ELECTRON_OVERRIDE_DIST_PATH || path.join(electronPackageDir, 'dist');
  const binary = path.join(distFolder, relative);
  return existsSync(binary) ? binary : null;
}
