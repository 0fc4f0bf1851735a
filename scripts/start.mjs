// `npm start`: the desktop app. Electron downloads its binary on first use; where that cannot happen (no
// network to its download host, as on our CI machines) this says exactly why and starts web mode instead.
import { spawn, spawnSync } from 'node:child_process';

const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
  encoding: 'utf8',
  timeout: 180_000,
});
const electronPath = probe.status === 0 ? probe.stdout.trim().split('\n').pop() : null;

if (!electronPath) {
  const reason = (probe.stderr || probe.error?.message || '').split('\n').find((line) => /error/i.test(line)) ?? 'no output';
  console.error('Electron cannot start on this machine: its binary is not installed and could not be downloaded.');
  console.error(`  reason: ${reason.trim()}`);
  console.error('Starting web mode instead: the same console in your browser, against the same core.\n');
  const web = spawn(process.execPath, ['scripts/web.mjs', ...process.argv.slice(2)], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => web.kill(signal));
  web.on('exit', (code) => process.exit(code ?? 0));
} else {
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
  const app = spawn(electronPath, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
  app.on('exit', (code) => process.exit(code ?? 0));
}
