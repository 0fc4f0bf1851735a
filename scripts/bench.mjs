// `npm run bench [-- name]`: runs every bench/*.bench.ts (or those whose file name contains `name`), one after
// another, each in its own Node process under a throwaway keyring session. Every benchmark prints its own figures
// and the ratio against a baseline it measures in the same run; this script adds nothing but the order.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const filter = process.argv[2] ?? '';
const files = readdirSync('bench')
  .filter((name) => name.endsWith('.bench.ts') && name.includes(filter))
  .sort();
if (files.length === 0) {
  console.error(`No benchmark in bench/ matches "${filter}".`);
  process.exit(1);
}
// Browser benchmarks need the renderer built for web mode.
if (spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' }).status !== 0) process.exit(1);

let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const run = spawnSync('bash', ['scripts/with-keyring.sh', process.execPath, '--import', 'tsx', `bench/${file}`], { stdio: 'inherit' });
  if (run.status !== 0) {
    failed += 1;
    console.error(`${file} failed (exit ${run.status}).`);
  }
}
process.exit(failed ? 1 : 0);
