/**
 * Looks at a .docx file the way a person's word processor would, for unit and end-to-end tests
 * (Node only).
 *
 * - LibreOffice (`soffice`, Debian's libreoffice-writer-nogui) lays it out and prints it to PDF;
 *   poppler-utils (`pdftotext`, `pdfinfo`, `pdftoppm`) read that PDF's text, pages and pictures.
 * - python-docx (Debian's python3-docx, run by /usr/bin/python3: the first `python3` on PATH here
 *   is another interpreter without it) reads the styles, tables, fields, footers and properties
 *   (tests/support/docx_structure.py).
 * - mammoth reads it as a second, independent Word reader and maps its styles to HTML.
 *
 * Every helper fails with an Error naming the tool, the file and what the tool said.
 */
import { spawn } from 'node:child_process';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import mammoth from 'mammoth';

/** One body paragraph as python-docx sees it. */
export interface DocxParagraph {
  /** The style's name ("Heading 1", "List Paragraph"): the default paragraph style's ("Normal") when
   * the paragraph names no style or one that styles.xml does not define, as Word shows it. */
  style: string;
  /** The style id written on the paragraph (w:pStyle), or null when none is. */
  styleId: string | null;
  /** Its text: runs inside hyperlinks and field results included, a tab as \t, a line break as \n. */
  text: string;
}

/** One top-level body table. */
export interface DocxTable {
  /** Name of the table style as styles.xml defines it ("Table Grid"), or null when the table
   * names none or names one that styles.xml lacks (Word then draws it with no style). */
  style: string | null;
  /** The style id written on the table (w:tblStyle), or null. */
  styleId: string | null;
  /** Text of each cell (its paragraphs joined by \n), row by row; a merged cell appears once. */
  rows: string[][];
  /** Per row: whether it repeats at the top of each page as a header row (w:tblHeader). */
  headerRepeated: boolean[];
}

/** What readDocxStructure finds in a .docx. */
export interface DocxStructure {
  /** Body paragraphs in order, including those inside content controls (a table of contents'),
   * not those inside tables. */
  paragraphs: DocxParagraph[];
  tables: DocxTable[];
  /** Core document properties (File > Properties); '' when not set. */
  core: { title: string; author: string; subject: string };
  /** Text of each footer part, in section order. */
  footerTexts: string[];
  /** Field instructions in footers, whitespace collapsed: 'PAGE', 'NUMPAGES'. */
  footerFields: string[];
  /** Field instructions in the body, whitespace collapsed: 'TOC \o "1-3" \h \z \u'. */
  bodyFields: string[];
  /** Distinct w:lang w:val values in styles.xml and document.xml, sorted. */
  languages: string[];
  /** Body paragraphs with no text, drawing, page break or field (section-break paragraphs not counted). */
  emptyParagraphs: number;
  /** Hyperlinks in the body; an internal link's url is '#bookmark'. */
  hyperlinks: { text: string; url: string | null }[];
  /** Page breaks in the body: w:br type="page" plus paragraphs with w:pageBreakBefore. */
  pageBreaks: number;
}

interface RunResult {
  stdout: string;
  stderr: string;
}

const PYTHON = '/usr/bin/python3';
const STRUCTURE_SCRIPT = fileURLToPath(new URL('./docx_structure.py', import.meta.url));

/** What to install when a tool is missing, for the error message. */
const INSTALL_HINT: Record<string, string> = {
  soffice: 'apt-get install --no-install-recommends libreoffice-writer-nogui',
  pdftotext: 'apt-get install poppler-utils',
  pdfinfo: 'apt-get install poppler-utils',
  pdftoppm: 'apt-get install poppler-utils',
  [PYTHON]: 'apt-get install python3-docx',
};

function describe(command: string, args: readonly string[]): string {
  return [command, ...args].map((part) => (/[\s"']/.test(part) ? JSON.stringify(part) : part)).join(' ');
}

/**
 * Runs a command to its end and gives its output; rejects, saying what ran and what it printed,
 * when it cannot start, exits non-zero or outlasts `timeoutMs` (then its whole process group is
 * killed, so no soffice.bin is left behind).
 */
function run(command: string, args: readonly string[], timeoutMs: number): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      const hint = INSTALL_HINT[command];
      reject(
        new Error(
          error.code === 'ENOENT'
            ? `${command} is not installed (${hint ?? 'not found on PATH'}); needed to run: ${describe(command, args)}`
            : `could not start ${describe(command, args)}: ${error.message}`,
          { cause: error },
        ),
      );
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8');
      if (timedOut) {
        reject(new Error(`${describe(command, args)} took longer than ${timeoutMs / 1000} s and was killed\n${said(stdout, stderr)}`));
      } else if (code !== 0) {
        reject(new Error(`${describe(command, args)} failed (${signal ? `signal ${signal}` : `exit code ${code}`})\n${said(stdout, stderr)}`));
      } else {
        resolvePromise({ stdout, stderr });
      }
    });
  });
}

function said(stdout: string, stderr: string): string {
  // The end says most (a Python traceback ends with the error itself).
  const clip = (text: string): string => (text.length > 4000 ? `…(${text.length - 4000} characters before) ${text.slice(-4000)}` : text);
  return `stderr: ${clip(stderr.trim()) || '(nothing)'}\nstdout: ${clip(stdout.trim()) || '(nothing)'}`;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

async function mustExist(path: string, what: string): Promise<void> {
  if (!(await exists(path))) throw new Error(`${what} not found: ${path}`);
}

/**
 * Prints a .docx to PDF with LibreOffice, as a person's Writer would lay it out, and gives the PDF's
 * path (`outDir/<name>.pdf`). Each call has its own throwaway LibreOffice profile, so parallel test
 * workers do not wait on or spoil each other's; gives up after 60 s.
 */
export async function convertToPdf(docxPath: string, outDir: string): Promise<string> {
  const source = resolve(docxPath);
  await mustExist(source, 'convertToPdf: .docx file');
  const pdfPath = join(resolve(outDir), `${basename(source, extname(source))}.pdf`);
  await rm(pdfPath, { force: true }); // never mistake an older PDF for this conversion's
  const profile = await mkdtemp(join(tmpdir(), 'lo-profile-'));
  const args = [
    `-env:UserInstallation=${pathToFileURL(profile).href}`,
    '--headless',
    '--norestore',
    '--nolockcheck',
    '--convert-to',
    'pdf',
    '--outdir',
    resolve(outDir),
    source,
  ];
  try {
    const { stdout, stderr } = await run('soffice', args, 60_000);
    if (!(await exists(pdfPath))) {
      // soffice exits 0 when it cannot load the file: only the missing PDF tells.
      throw new Error(`soffice made no PDF (${pdfPath}) from ${source}\n${said(stdout, stderr)}`);
    }
    return pdfPath;
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

/** The PDF's text as pdftotext reads it (UTF-8, pages separated by form feeds). */
export async function pdfText(pdfPath: string): Promise<string> {
  await mustExist(pdfPath, 'pdfText: PDF file');
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], 30_000);
  return stdout;
}

/** How many pages the PDF has (pdfinfo's "Pages:"). */
export async function pdfPageCount(pdfPath: string): Promise<number> {
  await mustExist(pdfPath, 'pdfPageCount: PDF file');
  const { stdout } = await run('pdfinfo', [pdfPath], 30_000);
  const match = /^Pages:\s+(\d+)\s*$/m.exec(stdout);
  if (!match?.[1]) throw new Error(`pdfinfo gave no page count for ${pdfPath}:\n${stdout}`);
  return Number(match[1]);
}

/**
 * Renders one page (1-based) of the PDF to `<outPngPathWithoutExt>.png` at `dpi` and gives that
 * path, for a screenshot check or a look with an image viewer.
 */
export async function renderPage(pdfPath: string, page: number, outPngPathWithoutExt: string, dpi = 60): Promise<string> {
  if (!Number.isInteger(page) || page < 1) throw new Error(`renderPage: page must be a whole number from 1, not ${page}`);
  await mustExist(pdfPath, 'renderPage: PDF file');
  const pngPath = `${outPngPathWithoutExt}.png`;
  await rm(pngPath, { force: true });
  const pageArg = String(page);
  await run('pdftoppm', ['-png', '-r', String(dpi), '-f', pageArg, '-l', pageArg, '-singlefile', pdfPath, outPngPathWithoutExt], 60_000);
  if (!(await exists(pngPath))) throw new Error(`pdftoppm made no picture of page ${page} of ${pdfPath} (expected ${pngPath})`);
  return pngPath;
}

/**
 * Reads styles, tables, fields, footers, languages, links and properties of a .docx with python-docx
 * (tests/support/docx_structure.py run by /usr/bin/python3).
 */
export async function readDocxStructure(docxPath: string): Promise<DocxStructure> {
  await mustExist(docxPath, 'readDocxStructure: .docx file');
  const { stdout } = await run(PYTHON, [STRUCTURE_SCRIPT, docxPath], 60_000);
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout);
  } catch (error) {
    throw new Error(`docx_structure.py printed no JSON for ${docxPath}: ${stdout.slice(0, 2000)}`, { cause: error });
  }
  const keys: (keyof DocxStructure)[] = [
    'paragraphs',
    'tables',
    'core',
    'footerTexts',
    'footerFields',
    'bodyFields',
    'languages',
    'emptyParagraphs',
    'hyperlinks',
    'pageBreaks',
  ];
  const missing = keys.filter((key) => typeof parsed !== 'object' || parsed === null || !(key in parsed));
  if (missing.length > 0) throw new Error(`docx_structure.py left out ${missing.join(', ')} for ${docxPath}`);
  return parsed as DocxStructure;
}

/**
 * Converts the .docx to HTML with mammoth, a second Word reader: its headings, lists and links
 * show whether the styles carry meaning. `messages` are mammoth's warnings and errors as
 * "warning: Unrecognised paragraph style: …".
 */
export async function mammothHtml(docxPath: string): Promise<{ html: string; messages: string[] }> {
  await mustExist(docxPath, 'mammothHtml: .docx file');
  try {
    const result = await mammoth.convertToHtml({ path: docxPath });
    return { html: result.value, messages: result.messages.map((message) => `${message.type}: ${message.message}`) };
  } catch (error) {
    throw new Error(`mammoth could not read ${docxPath}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
