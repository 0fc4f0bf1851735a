// `npm run web [-- --port N --data-dir DIR]`: builds the renderer for web mode, then serves it with the real
// core on 127.0.0.1. Ctrl-C stops both cleanly.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { build } from 'vite';

const args = process.argv.slice(2);
if (!args.includes('--no-build')) {
  console.log('Building the renderer for web mode…');
  await build({ configFile: 'vite.config.ts', mode: 'web', logLevel: 'warn' });
}
// Serve what was just built: vite.config.ts builds into SWITCHBOARD_RENDERER_OUT when it is set.
const staticDir = process.env.SWITCHBOARD_RENDERER_OUT && !args.includes('--static') ? ['--static', resolve(process.env.SWITCHBOARD_RENDERER_OUT)] : [];
const child = spawn(process.execPath, ['--import', 'tsx', 'electron/web.ts', ...args.filter((a) => a !== '--no-build'), ...staticDir], {
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
