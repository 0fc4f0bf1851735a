// Builds what Electron loads: main and preload bundled to CommonJS, and the renderer with Vite.
// `--production` builds the renderer without the web-mode bridge. web.ts is never bundled.
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';

const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? false : 'inline',
  logLevel: 'warning',
  // keytar is native and optional; electron is provided by the runtime.
  external: ['electron', 'keytar'],
};

await build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs' });
await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs' });
await viteBuild({ configFile: 'vite.config.ts', mode: production ? 'production' : 'web', logLevel: 'warn' });
console.log(`Built dist/electron and dist/renderer (${production ? 'production' : 'development'}).`);
