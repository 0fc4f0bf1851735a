/** Hands a CSV made in main to the browser's download (Electron saves it the same way). */
export function downloadCsv(filename: string, csv: string): void {
  // A byte-order mark, so spreadsheet programs read Cyrillic names as UTF-8.
  const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
