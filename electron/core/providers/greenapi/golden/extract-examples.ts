// Extracts the JSON examples of the Russian GREEN-API documentation (seed 004, a PDF turned into text) for golden
// tests: every example that is valid JSON must parse into the client's schemas.
//
// What the text looks like, and what is done about it:
// - examples sit in ``` fences; a method page's request line (`GET {{apiUrl}}/waInstance{{idInstance}}/getSettings/…`)
//   says which method the following examples belong to, and the caption before a fence says what it is
//   ("Пример тела ответа" a response, "…запроса" a request, "…уведомления" a notification, "ОШИБКИ 466" a 466 body);
// - page breaks split one example over two fences: a block that does not parse is joined with the next one when
//   only blank lines separate them;
// - `// …` and `/* … */` annotations inside examples are removed (outside strings);
// - damaged chat-id suffixes (`@с.us` with a Cyrillic с, `@ec.us`, `@cs.us`, `@eg.us` …) are restored (digest preamble);
// - anything still not JSON is reported as skipped, with the parser's reason.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedsDirectory } from '../../golden/postman';
import { normaliseChatIdSuffixes } from '../chat-id';

export type ExampleRole = 'response' | 'request' | 'notification' | 'error466' | 'unknown';

export interface DocExample {
  /** 1-based line of the opening fence in the seed. */
  line: number;
  /** The method the example belongs to, lowerCamel (`clearMessagesQueue` for the doc's `cClearMessagesQueue`). */
  method: string | undefined;
  role: ExampleRole;
  /** The caption line before the fence. */
  caption: string;
  /** The example as printed (joined when it was split over fences). */
  text: string;
  /** The parsed example; undefined when skipped. */
  json?: unknown;
  /** Why it is not valid JSON, after the repairs above. */
  skipped?: string;
  /** What was done to make it parse. */
  repairs: string[];
}

const REQUEST_LINE = /waInstance\/?\{\{idInstance\}\}\/(\w+)\//;
/** "Пример тела запроса метода [SetSettings](#)": the caption names another method than the page's. */
const NAMED_METHOD = /метода \[(\w+)\]/;

interface Fence {
  line: number;
  end: number;
  content: string;
  caption: string;
  methodBefore: string | undefined;
  methodsInside: string[];
}

export function extractGreenApiExamples(text: string): DocExample[] {
  const lines = text.split(/\r?\n/);
  const fences = findFences(lines);
  const examples: DocExample[] = [];
  let role: ExampleRole = 'unknown';
  let roleMethod: string | undefined;

  for (let index = 0; index < fences.length; index++) {
    const fence = fences[index]!;
    if (fence.methodBefore !== roleMethod) {
      role = 'unknown';
      roleMethod = fence.methodBefore;
    }
    role = roleOf(fence.caption) ?? role;
    // A JSON example opens with { or [; `{{apiUrl}}/…` is a URL template.
    if (!/^[[{]/.test(fence.content.trimStart()) || fence.content.trimStart().startsWith('{{')) continue;

    let content = fence.content;
    let parsed = parse(content);
    const repairs: string[] = [];
    // A page break may have split the example: join the following fences while that makes it parse. A piece that
    // parses on its own is still cut when the next fence carries more keys of it (the printer closed its braces).
    const follows = (next: number) => next < fences.length && onlyBlankBetween(lines, fences[next - 1]!.end, fences[next]!.line);
    const cut = parsed.ok && follows(index + 1) && continuesExample(fences[index + 1]!.content);
    for (let next = index + 1; (!parsed.ok || cut) && next <= index + 2 && follows(next); next++) {
      const joined = `${content}\n${fences[next]!.content}`;
      const attempt = parse(joined);
      if (attempt.ok) {
        repairs.push(`joined ${next - index + 1} page-split blocks`);
        content = joined;
        parsed = attempt;
        index = next;
        break;
      }
      if (cut) {
        parsed = { ok: false, reason: `a page break cut it and the pieces do not join into JSON (${attempt.reason})` };
        content = joined;
        index = next;
        break;
      }
    }
    const named = NAMED_METHOD.exec(fence.caption)?.[1];
    examples.push({
      line: fence.line,
      method: canonicalMethod(named ?? fence.methodBefore),
      role,
      caption: fence.caption,
      text: content,
      ...(parsed.ok ? { json: parsed.value } : { skipped: parsed.reason }),
      repairs: [...repairs, ...(parsed.ok ? parsed.repairs : [])],
    });
    for (const method of fence.methodsInside) roleMethod = method;
  }
  return examples;
}

/** Seed 004 from the seeds folder (SWITCHBOARD_SEEDS_DIR overrides it, as for the Postman seeds). */
export function loadGreenApiExamples(): DocExample[] {
  const directory = seedsDirectory();
  const file = readdirSync(directory).find((name) => name.startsWith('004_'));
  if (!file) throw new Error(`Golden seeds: no file starting with "004_" in ${directory}`);
  return extractGreenApiExamples(readFileSync(join(directory, file), 'utf8'));
}

function findFences(lines: string[]): Fence[] {
  const fences: Fence[] = [];
  let method: string | undefined;
  let caption = '';
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (!line.startsWith('```')) {
      method = REQUEST_LINE.exec(line)?.[1] ?? method;
      if (line.trim()) caption = line.trim();
      continue;
    }
    let end = index + 1;
    while (end < lines.length && !lines[end]!.startsWith('```')) end++;
    const body = lines.slice(index + 1, end);
    const methodsInside = body.flatMap((inner) => REQUEST_LINE.exec(inner)?.[1] ?? []);
    fences.push({ line: index + 1, end: end + 1, content: body.join('\n'), caption, methodBefore: method, methodsInside });
    method = methodsInside.at(-1) ?? method;
    caption = '```';
    index = end;
  }
  return fences;
}

function roleOf(caption: string): ExampleRole | undefined {
  const text = caption.toLowerCase();
  if (text.includes('ошибки 466')) return 'error466';
  if (text.includes('уведомлени')) return 'notification';
  if (text.includes('ответ')) return 'response';
  if (/запрос|^отправка|^получить аватар|^отметка прочтения|^добавление|^удаление|^назначение|^лишение/.test(text)) return 'request';
  return undefined;
}

/** §13.2: `cClearMessagesQueue` is a typo; `LeaveGroup`, `SetSettings` are the same methods capitalised. */
function canonicalMethod(method: string | undefined): string | undefined {
  if (!method) return undefined;
  const fixed = method === 'cClearMessagesQueue' ? 'clearMessagesQueue' : method;
  return fixed.charAt(0).toLowerCase() + fixed.slice(1);
}

/** The next fence goes on with keys of the same object (`}, "messageData": {…`), not just stray closing braces. */
function continuesExample(content: string): boolean {
  return /^[}\]"]/.test(content.trimStart()) && /"[^"\n]+"\s*:/.test(content);
}

function onlyBlankBetween(lines: string[], afterLine: number, beforeLine: number): boolean {
  // Both are 1-based fence lines: look at the lines strictly between them.
  return lines.slice(afterLine, beforeLine - 1).every((line) => line.trim() === '');
}

type Parsed = { ok: true; value: unknown; repairs: string[] } | { ok: false; reason: string };

function parse(text: string): Parsed {
  const repairs: string[] = [];
  const uncommented = stripComments(text);
  if (uncommented !== text) repairs.push('annotations removed');
  const normalised = normaliseChatIdSuffixes(uncommented);
  if (normalised !== uncommented) repairs.push('chat-id suffixes restored');
  try {
    return { ok: true, value: JSON.parse(normalised), repairs };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}

/** Removes `// …` to the end of the line and `/* … *\/`, outside JSON strings. */
function stripComments(text: string): string {
  let out = '';
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (inString) {
      out += char;
      if (char === '\\') out += text[++index] ?? '';
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') {
      inString = true;
      out += char;
    } else if (char === '/' && text[index + 1] === '/') {
      while (index < text.length && text[index] !== '\n') index++;
      out += '\n';
    } else if (char === '/' && text[index + 1] === '*') {
      const close = text.indexOf('*/', index + 2);
      index = close < 0 ? text.length : close + 1;
    } else out += char;
  }
  return out;
}
