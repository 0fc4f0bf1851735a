import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Electron's security checklist, item 16: use a current version of Electron. Electron patches only its latest three
 * stable majors (https://www.electronjs.org/docs/latest/tutorial/electron-timelines), and a new major ships about
 * every eight weeks. In November 2026, with 45 the newest stable, that is 43, 44 and 45. Raise this constant when
 * a new major is released (and the dependency with it): a failing test here means the app ships an Electron that
 * no longer gets Chromium security fixes. No network look-up: CI reaches only the npm registry.
 */
const OLDEST_SUPPORTED_ELECTRON_MAJOR = 43;

const root = join(import.meta.dirname, '..');
const major = (version: string) => Number(/(\d+)\./.exec(version)?.[1]);

describe('Electron version', () => {
  it('depends on an Electron major that still gets security fixes', () => {
    const range = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies.electron as string;
    expect(range).toMatch(/^\^?\d+\.\d+\.\d+$/);
    expect(major(range)).toBeGreaterThanOrEqual(OLDEST_SUPPORTED_ELECTRON_MAJOR);
  });

  it('has that same major installed and locked, so the build packages what was checked', () => {
    const range = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies.electron as string;
    const installed = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version as string;
    const locked = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')).packages['node_modules/electron'].version as string;
    expect(major(installed)).toBe(major(range));
    expect(locked).toBe(installed);
  });
});
