import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRenderer, ROOT } from './renderer-build';

/**
 * Packaged builds must not contain web mode's bridge (README, "Web mode"; scripts/build.mjs --production). The
 * strings below are what renderer/bridge/web-bridge.ts puts on the wire; a web-mode build is the control that
 * shows they survive minification, so their absence from the production build means something.
 */
const BRIDGE_MARKERS = ['/rpc/', '/events?token=', 'x-switchboard-token', 'switchboard.webToken'];

let dir = '';
const built: Record<'web' | 'production', string> = { web: '', production: '' };

async function bundleText(outDir: string): Promise<string> {
  const files = (await readdir(outDir, { recursive: true })).filter((file) => /\.(js|mjs|html)$/.test(file));
  expect(files.some((file) => file.endsWith('.js'))).toBe(true);
  const texts = await Promise.all(files.map((file) => readFile(join(outDir, file), 'utf8')));
  return texts.join('\n');
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'switchboard-renderer-builds-'));
  const [web, production] = await Promise.all([
    buildRenderer('web', join(dir, 'web')),
    buildRenderer('production', join(dir, 'production')),
  ]);
  expect(web, web.output).toMatchObject({ status: 0 });
  expect(production, production.output).toMatchObject({ status: 0 });
  built.web = await bundleText(join(dir, 'web'));
  built.production = await bundleText(join(dir, 'production'));
}, 120_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the production renderer build', () => {
  it('uses markers the web bridge really sends', async () => {
    const source = await readFile(join(ROOT, 'renderer', 'bridge', 'web-bridge.ts'), 'utf8');
    for (const marker of BRIDGE_MARKERS) expect(source, marker).toContain(marker);
  });

  it('a web-mode build contains the bridge (the control)', () => {
    for (const marker of BRIDGE_MARKERS) expect(built.web, marker).toContain(marker);
  });

  it('does not contain the web bridge', () => {
    for (const marker of BRIDGE_MARKERS) expect(built.production, marker).not.toContain(marker);
    expect(built.production).not.toContain('new EventSource');
  });

  it('refuses to build when VITE_WEB_BRIDGE is set in the shell', async () => {
    const result = await buildRenderer('production', join(dir, 'refused'), { VITE_WEB_BRIDGE: '1' });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('VITE_WEB_BRIDGE is set in mode "production"');
  }, 60_000);
});
