#!/usr/bin/env node
// `npm run build` compiles dist/ with tsc, then bundles the CLI into one
// CommonJS file (one file starts sooner than the ~45 modules it is made of),
// with V8's code cache of it: compiled there, once, rather than at every start.
// The bundle is used only when it is at least as new as tsc's output, so a
// tsc-only rebuild never runs stale code; the cache only when it is at least as
// new as the bundle (V8 itself also refuses a cache of another node or source).
// This shim is CommonJS (bin/package.json): node starts a CommonJS main
// module sooner than an ES module (no ES module loader; see README, Performance).
'use strict';
const { readFileSync, statSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const { Script } = require('node:vm');

const built = (relative) => path.join(__dirname, relative);
const builtAt = (file) => statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? -1;

(async () => {
  const bundle = built('../dist/src/cli.bundle.cjs');
  const bundleAt = builtAt(bundle);
  if (bundleAt < 0 && builtAt(built('../dist/src/cli.js')) < 0) {
    // A checkout before `npm install` (or `npm ci`), which builds dist/ through `prepare`.
    process.stderr.write(`dockmod: not built: ${built('../dist')} is missing; run \`npm install\` (or \`npm run build\`) in ${built('..')}\n`);
    process.exit(2);
  }
  const { main, written } = bundleAt >= builtAt(built('../dist/src/cli.js')) ? loadBundle(bundle, bundleAt) : await import('../dist/src/cli.js');
  await main();
  written?.();
})();

/** The bundle compiled with its code cache; with DOCKMOD_WRITE_CODE_CACHE (npm run build), the cache is written after the run. */
function loadBundle(file, bundleAt) {
  const cacheFile = `${file}.cache`;
  const writing = process.env.DOCKMOD_WRITE_CODE_CACHE === '1';
  const cachedData = !writing && builtAt(cacheFile) >= bundleAt ? readFileSync(cacheFile) : undefined;
  const script = new Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, Module.createRequire(file), module, file, path.dirname(file));
  return { main: module.exports.main, written: writing ? () => writeFileSync(cacheFile, script.createCachedData()) : undefined };
}
