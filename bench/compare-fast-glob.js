// fast-glob against dockmod's walker (src/discover.ts) on the bench tree, for the README
// ("Which files"). fast-glob is not a dependency: `npm install --no-save fast-glob`
// first, `npm run build`, then `node bench/compare-fast-glob.js [files] [tree]`.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import fg from 'fast-glob';
import ignore from 'ignore';
const { ensureTree } = await import('./generate.js');
const { discover, isDockerfileName } = await import('../dist/src/discover.js');
const size = Number(process.argv[2] ?? 20000);
const { root, expected } = process.argv[3] ? { root: process.argv[3], expected: '?' } : ensureTree({ files: size, log: (m) => console.error(m) });
const SKIP = ['**/node_modules/**', '**/vendor/**', '**/.git/**', '**/.hg/**', '**/.svn/**', '**/.jj/**'];
function viaFastGlob() {
  // Nested .gitignore files: one pass to find them, then every entry of the second pass is filtered (globby's way).
  const ignores = fg.sync('**/.gitignore', { cwd: root, dot: true, ignore: SKIP }).map((file) => ({ base: path.posix.dirname(file), rules: ignore().add(readFileSync(path.join(root, file), 'utf8')) }));
  const all = fg.sync('**/*', { cwd: root, dot: true, ignore: SKIP, onlyFiles: true, followSymbolicLinks: false });
  const kept = all.filter((file) => isDockerfileName(path.posix.basename(file)) && !ignores.some(({ base, rules }) => {
    const rel = base === '.' ? file : file.startsWith(base + '/') ? file.slice(base.length + 1) : undefined;
    return rel !== undefined && rules.ignores(rel);
  }));
  return { kept: kept.length, read: all.length };
}
function viaWalker() { return { kept: discover([root]).files.length }; }
function best(fn, runs = 5) { let min = Infinity, out; for (let i = 0; i < runs; i++) { const t = performance.now(); out = fn(); min = Math.min(min, performance.now() - t); } return { ms: Math.round(min), ...out }; }
viaWalker(); viaFastGlob();
console.log(JSON.stringify({ size, expected, walker: best(viaWalker), fastGlob: best(viaFastGlob) }));
