import { describe, expect, it } from 'vitest';
import { type LaunchArguments, parseArguments, usageText } from '../../electron/startup/arguments.js';
import { defaultPortfolioFolder, portfolioFolderFor } from '../../electron/startup/defaultPortfolioFolder.js';

function parsed(argv: string[]): LaunchArguments {
  const reading = parseArguments(argv);
  if (!reading.ok) throw new Error(`expected the arguments to parse, got: ${reading.problem}`);
  return reading.arguments;
}

function problemWith(argv: string[]): string {
  const reading = parseArguments(argv);
  if (reading.ok) throw new Error('expected a problem');
  return reading.problem;
}

describe('the command line', () => {
  it('with no arguments opens the usual portfolio on a port the system chooses, in the desktop window', () => {
    expect(parsed([])).toEqual({ dataFolder: null, port: 0, web: false, help: false, openFile: null });
  });

  it('takes the portfolio folder from --data', () => {
    expect(parsed(['--data', '/home/sam/My portfolio']).dataFolder).toBe('/home/sam/My portfolio');
  });

  it('accepts --data=folder as well as --data folder', () => {
    expect(parsed(['--data=/tmp/portfolio']).dataFolder).toBe('/tmp/portfolio');
  });

  it('takes the web port from --port', () => {
    expect(parsed(['--port', '8123']).port).toBe(8123);
  });

  it('treats --port 0 as any free port', () => {
    expect(parsed(['--port', '0']).port).toBe(0);
  });

  it('switches to the web browser with --web', () => {
    expect(parsed(['--web']).web).toBe(true);
  });

  it('asks for help with --help', () => {
    expect(parsed(['--help']).help).toBe(true);
  });

  it('reads several options together', () => {
    expect(parsed(['--web', '--data', 'folder', '--port=9000'])).toEqual({ dataFolder: 'folder', port: 9000, web: true, help: false, openFile: null });
  });

  it('refuses an unknown option and names it', () => {
    expect(problemWith(['--verbose'])).toContain('--verbose');
  });

  it('refuses a stray word that is not an option', () => {
    expect(problemWith(['portfolio'])).toContain('portfolio');
  });

  it('refuses --data without a folder', () => {
    expect(problemWith(['--data'])).toContain('--data');
  });

  it('does not take the next option as the --data folder', () => {
    expect(problemWith(['--data', '--web'])).toContain('--data');
  });

  it('refuses a port that is not a whole number from 0 to 65535', () => {
    for (const port of ['-1', '65536', 'eighty', '80.5', '']) expect(problemWith(['--port', port])).toContain('--port');
  });

  it('refuses a value given to --web', () => {
    expect(problemWith(['--web=yes'])).toContain('--web');
  });

  it('explains --data, --port and --web in its usage text', () => {
    for (const option of ['--data', '--port', '--web', '--help']) expect(usageText).toContain(option);
  });
});

describe('the usual portfolio folder', () => {
  const home = '/home/sam';

  it('on Linux follows XDG_DATA_HOME', () => {
    expect(defaultPortfolioFolder({ platform: 'linux', env: { XDG_DATA_HOME: '/data/sam' }, homeFolder: home })).toBe('/data/sam/reflective-portfolio');
  });

  it('on Linux falls back to ~/.local/share', () => {
    expect(defaultPortfolioFolder({ platform: 'linux', env: {}, homeFolder: home })).toBe('/home/sam/.local/share/reflective-portfolio');
  });

  it('on Linux ignores a relative XDG_DATA_HOME, as the XDG specification says', () => {
    expect(defaultPortfolioFolder({ platform: 'linux', env: { XDG_DATA_HOME: 'data' }, homeFolder: home })).toBe('/home/sam/.local/share/reflective-portfolio');
  });

  it('on macOS lives in Application Support', () => {
    expect(defaultPortfolioFolder({ platform: 'darwin', env: {}, homeFolder: '/Users/sam' })).toBe('/Users/sam/Library/Application Support/Reflective Portfolio');
  });

  it('on Windows lives in APPDATA', () => {
    expect(defaultPortfolioFolder({ platform: 'win32', env: { APPDATA: 'C:\\Users\\sam\\AppData\\Roaming' }, homeFolder: 'C:\\Users\\sam' })).toBe(
      'C:\\Users\\sam\\AppData\\Roaming\\Reflective Portfolio',
    );
  });

  it('is replaced by REFLECTIVE_PORTFOLIO_DATA when that is set', () => {
    expect(defaultPortfolioFolder({ platform: 'linux', env: { REFLECTIVE_PORTFOLIO_DATA: '/tmp/test-portfolio', XDG_DATA_HOME: '/data' }, homeFolder: home })).toBe(
      '/tmp/test-portfolio',
    );
  });

  it('gives way to --data, which is read relative to the current folder', () => {
    expect(portfolioFolderFor('/srv/portfolio', { platform: 'linux', env: { REFLECTIVE_PORTFOLIO_DATA: '/tmp/other' }, homeFolder: home })).toBe('/srv/portfolio');
    expect(portfolioFolderFor('relative', { platform: 'linux', env: {}, homeFolder: home })).toBe(`${process.cwd()}/relative`);
  });
});

describe('a share or feedback file passed by the system', () => {
  it('is taken as the file to open; other stray arguments are still refused', () => {
    expect(parseArguments(['/home/jo/Downloads/portfolio-share-2019-10-09.rpshare'])).toEqual({
      ok: true,
      arguments: { dataFolder: null, port: 0, web: false, help: false, openFile: '/home/jo/Downloads/portfolio-share-2019-10-09.rpshare' },
    });
    expect(parseArguments(['C:\\Users\\Sam\\mentor-feedback.RPFEEDBACK', '--data', 'folder'])).toMatchObject({ ok: true, arguments: { openFile: 'C:\\Users\\Sam\\mentor-feedback.RPFEEDBACK', dataFolder: 'folder' } });
    expect(parseArguments(['notes.txt'])).toMatchObject({ ok: false });
    expect(parseArguments(['a.rpshare', 'b.rpshare'])).toMatchObject({ ok: false });
  });
});
