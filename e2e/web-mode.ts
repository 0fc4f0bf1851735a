import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface WebMode {
  /** The URL to open, with the per-run token in its fragment. */
  url: string;
  origin: string;
  dataDir: string;
  output: () => string;
  stop(): Promise<void>;
}

/** The renderer build to serve: vite.config.ts's SWITCHBOARD_RENDERER_OUT when set, else web.ts's default. */
const staticDirArgs = () => (process.env.SWITCHBOARD_RENDERER_OUT ? ['--static', resolve(process.env.SWITCHBOARD_RENDERER_OUT)] : []);

/**
 * Starts `electron/web.ts` (the renderer must already be built into dist/renderer, which `npm test` does) with
 * an empty data directory unless one is given, and waits for the line that announces its URL.
 */
export async function startWebMode(options: { dataDir?: string; env?: Record<string, string> } = {}): Promise<WebMode> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'switchboard-e2e-'));
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/web.ts', '--port', '0', '--data-dir', dataDir, ...staticDirArgs()],
    { env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web mode did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /SWITCHBOARD_WEB_URL=(\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`web mode exited with ${code}:\n${output}`)));
  });
  return {
    url,
    origin: new URL(url).origin,
    dataDir,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGINT');
      }),
  };
}
