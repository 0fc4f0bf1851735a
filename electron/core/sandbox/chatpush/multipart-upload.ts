/**
 * The `file` part of a multipart/form-data upload (§6.6 send_file): its file name and media type, read from the
 * part headers. The sandbox's HTTP server keeps at most 8 MB of a body, so a big upload arrives cut off; the part
 * headers sit at its start, which is all the platform's checks need. The size comes from Content-Length.
 */
export function uploadedFile(body: string, contentType: string | undefined, contentLength: number): { name: string; type: string; size: number } | null {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  if (!boundary) return null;
  const delimiter = `--${boundary[1] ?? boundary[2]}`;
  for (const part of body.split(delimiter)) {
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0) continue;
    const headers = part.slice(0, headerEnd);
    const disposition = /content-disposition:\s*form-data;([^\r\n]*)/i.exec(headers)?.[1] ?? '';
    if (!/\bname="file"/i.test(disposition)) continue;
    const name = /\bfilename="([^"]*)"/i.exec(disposition)?.[1] ?? '';
    const type = /content-type:\s*([^\r\n;]+)/i.exec(headers)?.[1]?.trim() ?? 'application/octet-stream';
    return { name, type, size: contentLength };
  }
  return null;
}
