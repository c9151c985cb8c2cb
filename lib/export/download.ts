// Browser only: hands a text to the browser as a file download.

/**
 * Saves `text` as `filename` through a Blob and a temporary <a download>. `mime` gets
 * "; charset=utf-8" unless it names a charset. With `bom`, a UTF-8 byte-order mark goes
 * first (spreadsheets then read accented names in a CSV correctly).
 */
export function downloadText(filename: string, mime: string, text: string, { bom = false } = {}): void {
  const type = /charset=/i.test(mime) ? mime : `${mime};charset=utf-8`;
  const blob = new Blob(bom ? ['\ufeff', text] : [text], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Some browsers start the download after the click returns: free the URL a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
