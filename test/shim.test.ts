// bin/dockmod.js before dist/ exists (a fresh checkout before npm install): one clear line, exit 2, no stack trace.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';

const ROOT = path.join(import.meta.dirname, '..');
const checkout = mkdtempSync(path.join(os.tmpdir(), 'dockmod-unbuilt-'));
afterAll(() => rmSync(checkout, { recursive: true, force: true }));

it('says how to build when dist/ is missing', () => {
  cpSync(path.join(ROOT, 'bin'), path.join(checkout, 'bin'), { recursive: true });
  cpSync(path.join(ROOT, 'package.json'), path.join(checkout, 'package.json'));
  const run = spawnSync(process.execPath, [path.join(checkout, 'bin', 'dockmod.js'), '.'], { encoding: 'utf8', cwd: checkout });
  expect(run.status).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toBe(`dockmod: not built: ${path.join(checkout, 'dist')} is missing; run \`npm install\` (or \`npm run build\`) in ${checkout}\n`);
});
