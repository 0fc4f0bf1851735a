import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Builds the renderer the way scripts/build.mjs does (`vite build` with vite.config.ts; mode 'web' or
 * 'production'), but into `outDir` through SWITCHBOARD_RENDERER_OUT, so a test never replaces dist/renderer that
 * another run is serving. Resolves with the exit status and what Vite printed.
 */
export function buildRenderer(
  mode: 'web' | 'production',
  outDir: string,
  env: Record<string, string> = {},
): Promise<{ status: number | null; output: string }> {
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const child = spawn(process.execPath, [vite, 'build', '--config', 'vite.config.ts', '--mode', mode, '--logLevel', 'warn'], {
    cwd: ROOT,
    // A VITE_WEB_BRIDGE left in the shell would change what is built; only `env` may set it.
    env: { ...withoutWebBridge(process.env), ...env, SWITCHBOARD_RENDERER_OUT: outDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, output }));
  });
}

function withoutWebBridge(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { VITE_WEB_BRIDGE: _ignored, ...rest } = env;
  return rest;
}
