/**
 * Where a text stops being JSON (RFC 8259, as JSON.parse reads it), for a pasted body JSON.parse refused. V8's
 * messages say it differently from version to version ("Unexpected token 'o', "not json" is not valid JSON" names no
 * position at all), so the place is found here: line and column (1-based, counted in characters), and the
 * character found there, or none when the text ends too early. Null when there is no such place: the text is JSON,
 * or nests too deep to walk (JSON.parse's own limit is higher than the call stack's).
 */
export type JsonErrorPosition = { line: number; column: number; found: string | null };

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /[0-9a-fA-F]{4}/y;

class Stop {
  constructor(readonly offset: number) {}
}

export function jsonErrorPosition(text: string): JsonErrorPosition | null {
  let at = 0;
  const stop = (offset = at): never => {
    throw new Stop(offset);
  };
  const skipSpace = () => {
    while (at < text.length && WHITESPACE.has(text[at]!)) at++;
  };
  const expect = (char: string) => (text[at] === char ? at++ : stop());

  const string = () => {
    expect('"');
    for (;;) {
      if (at >= text.length) stop();
      const char = text[at]!;
      if (char === '"') return void at++;
      if (char < ' ') stop();
      if (char !== '\\') {
        at++;
        continue;
      }
      const escaped = text[at + 1];
      if (escaped === undefined) stop(at + 1);
      if (escaped === 'u') {
        HEX4.lastIndex = at + 2;
        if (!HEX4.test(text)) stop(firstNonHex(text, at + 2));
        at += 6;
      } else if (ESCAPES.has(escaped!)) at += 2;
      else stop(at + 1);
    }
  };
  const literal = (word: string) => {
    for (const char of word) expect(char);
  };
  const number = () => {
    NUMBER.lastIndex = at;
    if (!NUMBER.test(text)) stop(text[at] === '-' ? at + 1 : at);
    at = NUMBER.lastIndex;
    // "01", "1.", "1e": the digits after a valid start are what makes it wrong.
    if (/[0-9.eE+-]/.test(text[at] ?? '')) stop();
  };
  const sequence = (close: string, item: () => void) => {
    at++;
    skipSpace();
    if (text[at] === close) return void at++;
    for (;;) {
      item();
      skipSpace();
      if (text[at] === close) return void at++;
      expect(',');
      skipSpace();
    }
  };
  const value = (): void => {
    skipSpace();
    const char = text[at];
    if (char === '{')
      return sequence('}', () => {
        string();
        skipSpace();
        expect(':');
        value();
      });
    if (char === '[') return sequence(']', value);
    if (char === '"') return string();
    if (char === 't') return literal('true');
    if (char === 'f') return literal('false');
    if (char === 'n') return literal('null');
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) return number();
    stop();
  };

  try {
    value();
    skipSpace();
    if (at < text.length) stop();
    return null;
  } catch (error) {
    return error instanceof Stop ? position(text, error.offset) : null;
  }
}

function firstNonHex(text: string, from: number): number {
  let at = from;
  while (at < from + 4 && /[0-9a-fA-F]/.test(text[at] ?? '')) at++;
  return at;
}

function position(text: string, offset: number): JsonErrorPosition {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  const line = before.split('\n').length;
  // Characters, not UTF-16 units: an emoji earlier on the line counts once, as an editor shows it.
  const column = Array.from(before.slice(lineStart)).length + 1;
  const found = offset < text.length ? String.fromCodePoint(text.codePointAt(offset)!) : null;
  return { line, column, found };
}
