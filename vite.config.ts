import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv, type Plugin } from 'vite';

const RENDERER_ROOT = 'renderer';

/**
 * The renderer. `--mode web` (development and tests) turns on the loopback web bridge through renderer/.env.web;
 * every other mode must leave it out, so a stray VITE_WEB_BRIDGE in the shell cannot ship it in the app.
 */
export default defineConfig(({ mode, command }) => {
  const env = loadEnv(mode, RENDERER_ROOT, 'VITE_');
  if (command === 'build' && mode !== 'web' && env.VITE_WEB_BRIDGE) {
    throw new Error(`VITE_WEB_BRIDGE is set in mode "${mode}": the web bridge is for --mode web only.`);
  }
  return {
    root: RENDERER_ROOT,
    base: './',
    plugins: [react(), devServerWithoutCsp()],
    // SWITCHBOARD_RENDERER_OUT: a build of its own for a parallel test run, so one run's build cannot replace the
    // files another run's browser is loading (e2e/web-mode.ts serves from the same place).
    build: { outDir: process.env.SWITCHBOARD_RENDERER_OUT ?? '../dist/renderer', emptyOutDir: true, target: 'es2022' },
  };
});

/**
 * The dev server injects an inline React Refresh preamble and inline <style> tags, which the strict CSP in
 * index.html forbids. Builds keep the CSP; only `vite serve` drops it.
 */
function devServerWithoutCsp(): Plugin {
  return {
    name: 'switchboard:dev-server-without-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/, ''),
  };
}
