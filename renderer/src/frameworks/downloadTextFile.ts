/** Hands text to the browser as a downloaded file, without leaving the page. */
export function downloadTextFile(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; the address is only needed until then.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
