import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Electron binary, if this machine has one. `npm install electron` fetches it from GitHub lazily, and merely
 * requiring the `electron` package tries that download again, so look for the files first and never ask the
 * package. Returns the reason when there is none, in one line, for the skip message.
 */
export function findElectronBinary(root: string): { path: string } | { missing: string } {
  const pkg = join(root, 'node_modules', 'electron');
  if (!existsSync(join(pkg, 'package.json'))) return { missing: 'Electron is not installed: node_modules/electron is missing (npm install).' };
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const dist = override ?? join(pkg, 'dist');
  if (!existsSync(dist)) return { missing: 'Electron binary not installed: node_modules/electron/dist is missing (download blocked?)' };
  const pathFile = join(pkg, 'path.txt');
  const executable = join(dist, existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron');
  return existsSync(executable) ? { path: executable } : { missing: `Electron binary not installed: ${executable} is missing (download blocked?)` };
}
