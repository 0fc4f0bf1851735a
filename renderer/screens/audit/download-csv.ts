/** Saves text as a CSV file through the browser's download (Electron shows its save dialog). */
export function downloadCsv(filename: string, csv: string): void {
  // A BOM so spreadsheet programs read UTF-8 (Cyrillic names) correctly.
  const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
