/** Which reader suits a chosen file: by its extension, or by a glance at its text when it has none. */
export function frameworkFileFormat(fileName: string, text: string): 'csv' | 'json' | null {
  const name = fileName.toLowerCase();
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.json')) return 'json';
  if (/\.[a-z0-9]+$/.test(name)) return null;
  return text.trimStart().startsWith('{') ? 'json' : 'csv';
}
