/**
 * A token-level check of the IPC surface, for architecture.test.ts: every main-side IPC listener must be registered
 * by electron/glue/ipc.ts, which validates input against the contract, and the renderer side talks only through
 * `invoke`. A regex over the text misses too much (`webContents.ipc.on`, `ipcMain['handle']`, `const m = ipcMain`),
 * so this reads tokens: comments and string contents cannot trigger it, aliases are followed.
 *
 * Deliberately simple: template literals are one opaque token (an `${}` inside is not read), and a `/` opens a
 * regular expression only where an expression may start.
 */

/** What registers a listener on ipcMain or on a WebContents' own `ipc` (both are IpcMain). */
const REGISTER = new Set(['handle', 'handleOnce', 'on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);
/** Renderer-side sends outside `invoke`: synchronous (blocks the page) or fire-and-forget, none validated. */
const RENDERER_SEND = new Set(['sendSync', 'send', 'sendTo', 'sendToHost', 'postMessage']);

type Token = { kind: 'name' | 'string' | 'punct'; value: string; line: number };

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let i = 0;
  const regexMayStart = () => {
    const last = tokens.at(-1);
    if (!last) return true;
    if (last.kind === 'punct') return ![')', ']', '}'].includes(last.value);
    return last.kind === 'name' && ['return', 'typeof', 'case', 'in', 'of', 'yield', 'await', 'void', 'delete'].includes(last.value);
  };
  while (i < source.length) {
    const c = source[i]!;
    if (c === '\n') {
      line++;
      i++;
    } else if (/\s/.test(c)) {
      i++;
    } else if (source.startsWith('//', i)) {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (source.startsWith('/*', i)) {
      const end = source.indexOf('*/', i + 2);
      const stop = end < 0 ? source.length : end + 2;
      line += countLines(source.slice(i, stop));
      i = stop;
    } else if (c === '"' || c === "'" || c === '`') {
      const start = i;
      let value = '';
      i++;
      while (i < source.length && source[i] !== c) {
        if (source[i] === '\\') i++;
        value += source[i] ?? '';
        i++;
      }
      i++;
      tokens.push({ kind: 'string', value, line });
      line += countLines(source.slice(start, i));
    } else if (c === '/' && regexMayStart()) {
      let inClass = false;
      i++;
      while (i < source.length && source[i] !== '\n' && (inClass || source[i] !== '/')) {
        if (source[i] === '\\') i++;
        else if (source[i] === '[') inClass = true;
        else if (source[i] === ']') inClass = false;
        i++;
      }
      i++;
      while (/[a-z]/i.test(source[i] ?? '')) i++;
      tokens.push({ kind: 'string', value: '', line });
    } else if (/[A-Za-z_$]/.test(c)) {
      const start = i;
      while (/[\w$]/.test(source[i] ?? '')) i++;
      tokens.push({ kind: 'name', value: source.slice(start, i), line });
    } else if (/\d/.test(c)) {
      while (/[\w.]/.test(source[i] ?? '')) i++;
      tokens.push({ kind: 'string', value: '', line });
    } else {
      const three = source.slice(i, i + 3);
      const two = source.slice(i, i + 2);
      const value = ['===', '!==', '...'].includes(three) ? three : ['?.', '=>', '==', '!=', '<=', '>=', '&&', '||', '??'].includes(two) ? two : c;
      tokens.push({ kind: 'punct', value, line });
      i += value.length;
    }
  }
  return tokens;
}

const countLines = (text: string) => text.split('\n').length - 1;

export interface IpcScanOptions {
  /** The file allowed to register main-side listeners (through its validating wrapper). */
  mayRegister: boolean;
}

/** Each use that bypasses the validating wrapper, as `line N: what`. */
export function ipcViolations(source: string, options: IpcScanOptions): string[] {
  const tokens = tokenize(source);
  const main = followAliases(tokens, 'ipcMain', true);
  const renderer = followAliases(tokens, 'ipcRenderer', false);
  const found: string[] = [];
  const at = (index: number) => tokens[index];
  /** The member read at `index` (after `.`, `?.` or inside `[...]`): its name, `[computed]`, or undefined. */
  const member = (index: number): string | undefined => {
    // Look through `x!` and a cast, `(x as IpcMain)`.
    while (at(index)?.value === '!') index++;
    if (at(index)?.value === 'as' && at(index + 1)?.kind === 'name') {
      index += 2;
      while (at(index)?.value === ')') index++;
    }
    const next = at(index);
    if (next?.kind === 'punct' && (next.value === '.' || next.value === '?.')) {
      const name = at(index + 1);
      if (name?.kind === 'name') return name.value;
      if (name?.value === '[') return member(index + 1);
    }
    if (next?.kind === 'punct' && next.value === '[') {
      const key = at(index + 1);
      return key?.kind === 'string' && at(index + 2)?.value === ']' && key.value ? key.value : '[computed]';
    }
    return undefined;
  };

  tokens.forEach((token, index) => {
    if (token.kind !== 'name') return;
    const previous = at(index - 1);
    const afterDot = previous?.kind === 'punct' && (previous.value === '.' || previous.value === '?.');
    // `x.ipc` is a WebContents' own IpcMain (webContents.ipc, event.sender.ipc).
    // `electron.ipcMain` is ipcMain too; an alias is a local name, so `x.m` is not it.
    const isMain = (main.has(token.value) && (!afterDot || token.value === 'ipcMain')) || (token.value === 'ipc' && afterDot);
    const isRenderer = renderer.has(token.value) && (!afterDot || token.value === 'ipcRenderer');
    const what = member(index + 1);
    if (isMain && !options.mayRegister && what && (REGISTER.has(what) || what === '[computed]')) {
      found.push(`line ${token.line}: ${token.value}.${what}`);
    }
    if (isRenderer && what && (RENDERER_SEND.has(what) || what === '[computed]')) found.push(`line ${token.line}: ${token.value}.${what}`);
    // `const { handle } = ipcMain`: a registration method taken off the object, to be called under another name.
    if ((isMain && !options.mayRegister) || isRenderer) {
      const taken = destructured(tokens, index).filter((name) => (isMain ? REGISTER : RENDERER_SEND).has(name));
      for (const name of taken) found.push(`line ${token.line}: ${name} destructured from ${token.value}`);
    }
  });
  return found;
}

/**
 * `root` and every name bound to it: `const m = ipcMain`, `m = electron.ipcMain`, `import { ipcMain as m }`,
 * `{ ipcMain: m } = require('electron')`, and for the main side `const m = webContents.ipc`. Repeated until
 * nothing new is found, so aliases of aliases count.
 */
function followAliases(tokens: Token[], root: string, withWebContents: boolean): Set<string> {
  const names = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    tokens.forEach((token, index) => {
      if (token.kind !== 'name') return;
      const previous = tokens[index - 1];
      const afterDot = previous?.value === '.' || previous?.value === '?.';
      const isTarget = (names.has(token.value) && (!afterDot || token.value === root)) || (withWebContents && token.value === 'ipc' && afterDot);
      if (!isTarget) return;
      const next = tokens[index + 1];
      let alias: string | undefined;
      const importAs = next?.value === 'as' && tokens[index + 2]?.kind === 'name' && [',', '}'].includes(tokens[index + 3]?.value ?? '');
      // import { ipcMain as m } / export { ipcMain as m }
      if (importAs) alias = tokens[index + 2]!.value;
      // { ipcMain: m } = …
      else if (next?.value === ':' && tokens[index + 2]?.kind === 'name' && !afterDot) alias = tokens[index + 2]!.value;
      // m = ipcMain, m = electron.ipcMain, m = webContents.ipc, m = ipcMain as IpcMain (the object, not a member)
      else if (!['.', '?.', '[', '(', '!'].includes(next?.value ?? '')) {
        let start = index;
        while (tokens[start - 1]?.value === '.' || tokens[start - 1]?.value === '?.') start -= 2;
        const assign = tokens[start - 1];
        const target = tokens[start - 2];
        if (assign?.value === '=' && target?.kind === 'name') alias = target.value;
      }
      if (alias && !names.has(alias)) {
        names.add(alias);
        grew = true;
      }
    });
  }
  return names;
}

/** Names in `{ a, b: c }` just before `= <token at index>` (the keys: what was taken off the object). */
function destructured(tokens: Token[], index: number): string[] {
  let start = index;
  while (tokens[start - 1]?.value === '.' || tokens[start - 1]?.value === '?.') start -= 2;
  if (tokens[start - 1]?.value !== '=' || tokens[start - 2]?.value !== '}') return [];
  const keys: string[] = [];
  let depth = 0;
  for (let k = start - 2; k >= 0; k--) {
    const token = tokens[k]!;
    if (token.value === '}') depth++;
    else if (token.value === '{') {
      depth--;
      if (depth === 0) break;
    } else if (depth === 1 && token.kind === 'name') {
      const before = tokens[k - 1]?.value;
      if (before === '{' || before === ',') keys.push(token.value);
    } else if (depth === 1 && token.kind === 'string' && tokens[k + 1]?.value === ':') keys.push(token.value);
  }
  return keys;
}
