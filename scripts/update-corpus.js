#!/usr/bin/env node
// npm run corpus:update: rewrite __fixtures__/corpus/*/output.Dockerfile and
// notes.json from the current transforms. Review every diff (git diff) before
// committing: an expected output nobody has read is not a test.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const vitest = path.join(path.dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
const result = spawnSync(process.execPath, [vitest, 'run', 'test/corpus.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, DOCKMOD_UPDATE_CORPUS: '1' },
});
console.log('\ncorpus updated: review it with `git diff -- __fixtures__/corpus` and `git status -- __fixtures__/corpus`');
process.exit(result.status ?? 1);
