import { load } from 'js-yaml';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The installer configuration: targets, fuses and the rules that keep a packaged app locked down. */
const config = load(readFileSync(new URL('../electron-builder.yml', import.meta.url), 'utf8')) as Record<string, any>;
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

describe('electron-builder.yml', () => {
  it('builds NSIS on Windows, dmg and zip on macOS, AppImage and deb on Linux', () => {
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg', 'zip']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
  });

  it('signs macOS builds with the hardened runtime and notarizes from environment variables only', () => {
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.mac.notarize).toBe(true);
    expect(JSON.stringify(config)).not.toMatch(/APPLE_(ID|APP_SPECIFIC_PASSWORD)\s*[:=]\s*\S+@|password:/i);
  });

  it('sets the fuses: no runAsNode, cookie encryption, asar integrity, load only from asar', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('does not rebuild native modules implicitly and ships only the built app', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.files).toEqual(['dist/electron/**', 'dist/renderer/**', 'package.json']);
    expect(pkg.main).toBe('dist/electron/main.cjs');
  });

  it('never publishes or auto-updates on its own', () => {
    expect(config.publish).toBeNull();
    expect(Object.keys(pkg.dependencies)).not.toContain('electron-updater');
  });
});
