import path from 'node:path';

export interface UserEnvironment {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  homeFolder: string;
}

/** The environment variable that overrides the per-user folder (used by tests and portable setups). */
export const dataFolderVariable = 'REFLECTIVE_PORTFOLIO_DATA';

const nonEmpty = (value: string | undefined): string | null => (value !== undefined && value.trim() !== '' ? value : null);

/** Where the portfolio lives when --data is not given, following each system's convention for per-user app data. */
export function defaultPortfolioFolder({ platform, env, homeFolder }: UserEnvironment): string {
  const override = nonEmpty(env[dataFolderVariable]);
  if (override) return path.resolve(override);
  if (platform === 'win32') {
    const appData = nonEmpty(env.APPDATA) ?? path.win32.join(homeFolder, 'AppData', 'Roaming');
    return path.win32.join(appData, 'Reflective Portfolio');
  }
  if (platform === 'darwin') return path.posix.join(homeFolder, 'Library', 'Application Support', 'Reflective Portfolio');
  const dataHome = nonEmpty(env.XDG_DATA_HOME);
  // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
  const base = dataHome && path.posix.isAbsolute(dataHome) ? dataHome : path.posix.join(homeFolder, '.local', 'share');
  return path.posix.join(base, 'reflective-portfolio');
}

/** The folder to open: --data (relative to where the app was started) or the per-user default. */
export function portfolioFolderFor(dataFolder: string | null, environment: UserEnvironment): string {
  return dataFolder !== null ? path.resolve(dataFolder) : defaultPortfolioFolder(environment);
}
