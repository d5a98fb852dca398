/** Hands text to the browser as a downloaded file, without leaving the page. */
export function downloadTextFile(fileName: string, text: string, type: string): void {
  downloadBlob(fileName, new Blob([text], { type }));
}

/** Hands any file (a Word document's bytes) to the browser as a download; the desktop app asks where to save it. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
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

/** Hands a file that crossed the API as base64 (a Word document, a share or feedback file) to the browser as a download. */
export function downloadBase64File(file: { fileName: string; base64: string }, type: string): void {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  downloadBlob(file.fileName, new Blob([bytes], { type }));
}
