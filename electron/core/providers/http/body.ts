import type { ParsedBody } from './dialect';

/** What came over the wire: the text received and, when the connection broke mid-body, the error. */
export interface ReceivedBody {
  text: string;
  error?: unknown;
}

/**
 * Reads the body chunk by chunk so that, when the connection drops mid-body, the part already received is kept:
 * it tells a reply cut off in the middle of a JSON document apart from one that never started.
 */
export async function receiveBody(response: Response): Promise<ReceivedBody> {
  if (!response.body) return { text: '' };
  const reader = response.body.getReader();
  const decoder = new TextDecoder('utf-8');
  let text = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    return { text: text + decoder.decode() };
  } catch (error) {
    return { text: text + decoder.decode(), error };
  }
}

const HTML_START = /^<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|title[\s>]|center[\s>]|h1[\s>])/i;

export function looksLikeHtml(text: string, contentType: string | null): boolean {
  const start = text.trimStart();
  if (HTML_START.test(start)) return true;
  return !!contentType && /text\/html/i.test(contentType) && start.startsWith('<');
}

/**
 * True when the text opens a JSON object, array or string that never closes. A document that closes and still
 * fails to parse is malformed (not_json), not truncated.
 */
export function looksTruncatedJson(text: string): boolean {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  const first = start[0];
  if (first !== '{' && first !== '[' && first !== '"') return false;
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (const char of start) {
    if (inString) {
      if (escaped) escaped = false;
      else if (char === '\\') escaped = true;
      else if (char === '"') {
        inString = false;
        if (depth === 0) return false;
      }
      continue;
    }
    if (char === '"') inString = true;
    else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') {
      depth--;
      if (depth <= 0) return false;
    }
  }
  return inString || depth > 0;
}

/** Sorts a body into JSON, HTML, cut-off JSON, other text, or nothing. */
export function parseBody(text: string, contentType: string | null): ParsedBody {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (!trimmed) return { kind: 'empty', text: '' };
  try {
    return { kind: 'json', value: JSON.parse(trimmed), text };
  } catch {
    // fall through: not a complete JSON document
  }
  if (looksLikeHtml(trimmed, contentType)) return { kind: 'html', text };
  if (looksTruncatedJson(trimmed)) return { kind: 'truncated', text };
  return { kind: 'text', text };
}
