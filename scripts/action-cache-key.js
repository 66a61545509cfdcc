// The GitHub Action's cache key for its install (node_modules and the built
// dist/): everything `npm ci` reads or builds from, with the platform and
// Node's ABI, so a changed source, lock file or runner never reuses a stale
// install. Appends `key=<key>` to $GITHUB_OUTPUT (prints it without one).
import { createHash } from 'node:crypto';
import { appendFileSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.join(import.meta.dirname, '..');
const inputs = ['package.json', 'package-lock.json', '.npmrc', 'tsconfig.json', 'tsconfig.build.json', 'bin', 'scripts', 'src', 'transforms'];

function filesBelow(relative) {
  const stat = statSync(path.join(root, relative), { throwIfNoEntry: false });
  if (!stat) return [];
  if (!stat.isDirectory()) return [relative];
  return readdirSync(path.join(root, relative)).sort().flatMap((name) => filesBelow(path.posix.join(relative, name)));
}

const hash = createHash('sha256');
for (const file of inputs.flatMap(filesBelow)) hash.update(`${file}\0`).update(readFileSync(path.join(root, file))).update('\0');
const key = `dockmod-${process.platform}-${process.arch}-node${process.versions.modules}-${hash.digest('hex').slice(0, 24)}`;
if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `key=${key}\n`);
else console.log(key);
