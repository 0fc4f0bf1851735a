import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from './renderer-build';

/** A fresh clone can package: the icon electron-builder looks for is in the repository (scripts/make-icon.mjs draws it). */
describe('the app icon', () => {
  const config = load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as { directories?: { buildResources?: string } };
  const icon = join(ROOT, config.directories?.buildResources ?? 'build', 'icon.png');

  it('is where electron-builder.yml looks for it, as a 512×512 RGBA PNG', () => {
    expect(existsSync(icon), icon).toBe(true);
    const png = readFileSync(icon);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    expect([png[24], png[25]]).toEqual([8, 6]); // 8 bits per channel, RGBA
  });
});
