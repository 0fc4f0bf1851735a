import type { IncomingHttpHeaders } from 'node:http';

export interface FormPart {
  name: string;
  filename?: string;
  contentType?: string;
  /** The part's bytes as the sandbox read them (utf8 text: enough to tell empty from not, and to see the size). */
  content: string;
}

/** The parts of a multipart/form-data body (RFC 7578), or undefined when the request is not one. */
export function parseMultipart(headers: IncomingHttpHeaders, body: string): FormPart[] | undefined {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(String(headers['content-type'] ?? ''));
  if (!/^multipart\/form-data/i.test(String(headers['content-type'] ?? '')) || !boundary) return undefined;
  const delimiter = `--${boundary[1] ?? boundary[2]}`;
  const parts: FormPart[] = [];
  for (const chunk of body.split(delimiter).slice(1)) {
    if (chunk.startsWith('--')) break;
    const headerEnd = chunk.indexOf('\r\n\r\n');
    if (headerEnd < 0) continue;
    const head = chunk.slice(0, headerEnd);
    const content = chunk.slice(headerEnd + 4).replace(/\r\n$/, '');
    const disposition = /content-disposition:([^\r\n]*)/i.exec(head)?.[1] ?? '';
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    if (name === undefined) continue;
    parts.push({
      name,
      filename: /\bfilename="([^"]*)"/i.exec(disposition)?.[1],
      contentType: /content-type:\s*([^\r\n;]*)/i.exec(head)?.[1]?.trim(),
      content,
    });
  }
  return parts;
}
