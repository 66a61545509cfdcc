#!/usr/bin/env node
// npm run fuzz [-- --runs N --seed S]: the property tests of
// test/properties.test.ts and test/reparse.test.ts with many more runs (20,000 per property by default)
// and a random seed, printed so that a failure can be replayed.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index === -1 ? fallback : args[index + 1];
};
const runs = option('runs', '20000');
const seed = option('seed', String(Math.floor(Math.random() * 2 ** 31)));
const replay = `npm run fuzz -- --seed ${seed} --runs ${runs}`;

console.log(`dockmod fuzz: ${runs} runs per property, seed ${seed}`);
const vitest = path.join(path.dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
const result = spawnSync(process.execPath, [vitest, 'run', 'test/properties.test.ts', 'test/reparse.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, DOCKMOD_FUZZ_RUNS: runs, DOCKMOD_FUZZ_SEED: seed },
});
if (result.status === 0) console.log(`fuzz passed: ${runs} runs per property, seed ${seed}`);
else console.error(`\nfuzz FAILED with seed ${seed}; replay it with: ${replay}`);
process.exit(result.status ?? 1);
