import { type ChangeEvent, useState } from 'react';
import type { Framework } from '../../../shared/frameworks/framework.js';
import { useSession } from '../session/SessionContext.js';
import { frameworkFileFormat } from './frameworkFileFormat.js';
import { frameworkLimits } from './frameworkLimits.js';

const largestFrameworkFileChars = frameworkLimits.fileChars;

/** A file this many bytes long cannot be within the limit in any encoding: not worth reading. */
const largestFrameworkFileBytes = largestFrameworkFileChars * 4;

type Reading = { state: 'idle' } | { state: 'reading'; fileName: string } | { state: 'refused'; fileName: string; problems: readonly string[] };

interface FrameworkImportProps {
  onImported: (framework: Framework, fileName: string, warnings: readonly string[]) => void;
}

function withThousands(value: number): string {
  return value.toLocaleString('en-GB');
}

/** A file input: a unit from a spreadsheet's CSV, or a framework file exported from the app. */
export function FrameworkImport({ onImported }: FrameworkImportProps) {
  const session = useSession();
  const [reading, setReading] = useState<Reading>({ state: 'idle' });

  const importFile = async (file: File) => {
    const fileName = file.name;
    const refuse = (problems: readonly string[]) => setReading({ state: 'refused', fileName, problems });
    const tooBig = `The file is too big to be a framework: it must be under ${withThousands(largestFrameworkFileChars)} characters (about 2 MB).`;
    if (file.size > largestFrameworkFileBytes) return refuse([tooBig]);
    setReading({ state: 'reading', fileName });
    let text: string;
    try {
      text = await file.text();
    } catch {
      return refuse(['The file could not be read. Check it is still there and that you can open it, then choose it again.']);
    }
    if (text.length > largestFrameworkFileChars) return refuse([tooBig]);
    const format = frameworkFileFormat(fileName, text);
    if (!format) return refuse(['Choose a .csv file saved from a spreadsheet, or a .json framework file exported from this app.']);
    const result = await session.client.call('frameworks.import', { format, text });
    if (!result.ok) return refuse([result.error.message]);
    if (!result.value.imported) return refuse(result.value.problems);
    setReading({ state: 'idle' });
    onImported(result.value.framework, fileName, result.value.warnings);
  };

  const chosen = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Cleared so choosing the same file again, once fixed, reads it again.
    input.value = '';
    if (file) void importFile(file);
  };

  return (
    <section className="frameworks-section" aria-labelledby="framework-import-heading">
      <h2 id="framework-import-heading">
        <label htmlFor="framework-import-file">Import a framework from a file</label>
      </h2>
      <div className="framework-import">
        <p id="framework-import-hint" className="hint">
          A CSV file saved from a spreadsheet, with the columns <code>unit_number</code>, <code>unit_title</code>, <code>outcome_code</code>,{' '}
          <code>outcome_title</code>, <code>criterion_code</code> and <code>criterion_text</code>; or a framework file (.json) exported from this app. Nothing
          is imported if anything in the file is wrong.
        </p>
        <input
          id="framework-import-file"
          type="file"
          accept=".csv,.json,text/csv,application/json"
          className="framework-import__input"
          aria-describedby="framework-import-hint"
          onChange={chosen}
          disabled={reading.state === 'reading'}
        />
        <div aria-live="polite">{reading.state === 'reading' ? <p className="muted">Reading {reading.fileName}…</p> : null}</div>
        {reading.state === 'refused' ? (
          <div className="notice notice--error framework-import__problems" role="alert" data-testid="import-problems">
            <p>
              Nothing was imported from <strong>{reading.fileName}</strong>.{' '}
              {reading.problems.length === 1 ? 'Fix this in the file, then choose it again:' : 'Fix these problems in the file, then choose it again:'}
            </p>
            <ul>
              {reading.problems.map((problem, index) => (
                <li key={`${index}-${problem}`}>{problem}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </section>
  );
}
