/**
 * Runs every benchmark under bench/ (files named *.bench.ts), one child process each so they do
 * not disturb each other, and prints their tables. `npm run bench [-- name-filter]`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import os from 'node:os';

const filter = process.argv[2] ?? '';
const files = readdirSync('bench')
  .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
  .sort();
console.log(
  `# Benchmarks — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, ${new Date().toISOString()}\n`,
);
let failed = 0;
for (const file of files) {
  console.log(`## ${file}\n`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', `bench/${file}`], { stdio: 'inherit' });
  if (run.status !== 0) failed += 1;
  console.log('');
}
process.exitCode = failed ? 1 : 0;
