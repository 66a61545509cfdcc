// The I/O floor of dockmod's job: walk the tree with the same skips
// (version-control folders, node_modules, vendor, folders a .gitignore names as `name/`,
// which is all the generated trees use) and read every Dockerfile. Nothing else.
// Prints the number of Dockerfiles read and their total size.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const SKIPPED = new Set(['.git', '.hg', '.svn', '.jj', 'node_modules', 'vendor']);
const NOT_DOCKERFILE = new Set(['md', 'txt', 'json', 'yaml', 'yml', 'sh', 'go', 'orig', 'bak', 'tmpl', 'tpl', 'template']);

function isDockerfile(name) {
  const lower = name.toLowerCase();
  if (lower.endsWith('.dockerfile') || lower.endsWith('.containerfile')) return true;
  if (!lower.startsWith('dockerfile') && !lower.startsWith('containerfile')) return false;
  return !lower.endsWith('~') && (!lower.includes('.') || !NOT_DOCKERFILE.has(lower.slice(lower.lastIndexOf('.') + 1)));
}

let count = 0;
let bytes = 0;

function walk(dir, ignored) {
  const entries = readdirSync(dir, { withFileTypes: true });
  if (entries.some((entry) => entry.name === '.gitignore')) {
    const names = readFileSync(path.join(dir, '.gitignore'), 'utf8').split('\n').filter((line) => /^[\w.-]+\/$/.test(line));
    ignored = new Set([...ignored, ...names.map((line) => line.slice(0, -1))]);
  }
  for (const entry of entries) {
    const name = entry.name;
    if (entry.isDirectory()) {
      if (SKIPPED.has(name) || ignored.has(name)) continue;
      walk(path.join(dir, name), ignored);
    } else if (entry.isFile() && isDockerfile(name)) {
      bytes += readFileSync(path.join(dir, name)).length;
      count++;
    }
  }
}

walk(path.resolve(process.argv[2] ?? '.'), new Set());
process.stdout.write(`${count} ${bytes}\n`);
