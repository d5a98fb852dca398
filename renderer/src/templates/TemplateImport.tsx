import { templateLimits } from '../../../shared/templates/template.js';
import { type ChangeEvent, useState } from 'react';
import type { Template } from '../../../shared/templates/template.js';
import { useSession } from '../session/SessionContext.js';

/** The most text the back end reads as a template file. */
const largestTemplateFileChars = templateLimits.maxFileChars;

/** A file this many bytes long cannot be within the limit in any encoding: not worth reading. */
const largestTemplateFileBytes = largestTemplateFileChars * 4;

type Reading = { state: 'idle' } | { state: 'reading'; fileName: string } | { state: 'refused'; fileName: string; problems: readonly string[] };

/** A file input for a template file (.json) exported from this app or written by hand. */
export function TemplateImport({ onImported }: { onImported: (template: Template, fileName: string) => void }) {
  const session = useSession();
  const [reading, setReading] = useState<Reading>({ state: 'idle' });

  const importFile = async (file: File) => {
    const fileName = file.name;
    const refuse = (problems: readonly string[]) => setReading({ state: 'refused', fileName, problems });
    const tooBig = 'The file is too large to be a template file (it is over 1 MB).';
    if (file.size > largestTemplateFileBytes) return refuse([tooBig]);
    setReading({ state: 'reading', fileName });
    let text: string;
    try {
      text = await file.text();
    } catch {
      return refuse(['The file could not be read. Check it is still there and that you can open it, then choose it again.']);
    }
    if (text.length > largestTemplateFileChars) return refuse([tooBig]);
    const result = await session.client.call('templates.import', { text });
    if (!result.ok) return refuse([result.error.message]);
    if (!result.value.imported) return refuse(result.value.problems);
    setReading({ state: 'idle' });
    onImported(result.value.template, fileName);
  };

  const chosen = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Cleared so choosing the same file again, once fixed, reads it again.
    input.value = '';
    if (file) void importFile(file);
  };

  return (
    <section className="templates-section" aria-labelledby="template-import-heading">
      <h2 id="template-import-heading">
        <label htmlFor="template-import-file">Import a template file</label>
      </h2>
      <div className="template-import">
        <p id="template-import-hint" className="hint">
          A template file (.json) exported from Reflective Portfolio, by you or a colleague. It is added to your templates as a new one; nothing is imported if
          anything in the file is wrong.
        </p>
        <input
          id="template-import-file"
          type="file"
          accept=".json,application/json"
          className="template-import__input"
          aria-describedby="template-import-hint"
          onChange={chosen}
          disabled={reading.state === 'reading'}
        />
        <div aria-live="polite">{reading.state === 'reading' ? <p className="muted">Reading {reading.fileName}…</p> : null}</div>
        {reading.state === 'refused' ? (
          <div className="notice notice--error template-import__problems" role="alert" data-testid="template-import-problems">
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
