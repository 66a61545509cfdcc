// `npm run build` (also `prepare`): tsc to dist/, then one bundled file for the
// CLI, then V8's code cache for that bundle. Nothing is printed on stdout: `npm pack` runs `prepare`, and whatever
// the build writes there lands in npm pack's output, where pre-commit reads the
// tarball name and `npm pack --json` its JSON. tsc's messages go to stderr.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { build } from 'rolldown';

const require = createRequire(import.meta.url);
const BUNDLE = 'dist/src/cli.bundle.cjs';
const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
  stdio: ['ignore', process.stderr, process.stderr],
});
if (tsc.error) throw tsc.error;
if (tsc.status !== 0) process.exit(tsc.status ?? 1);

// A cache of an earlier bundle must never be taken for this one's (see bin/dockmod.js).
rmSync(`${BUNDLE}.cache`, { force: true });
rmSync('dist/src/cli.bundle.js', { force: true });
await build({
  input: 'dist/src/cli.js',
  platform: 'node',
  logLevel: 'warn',
  // Warnings go to stderr like tsc's messages.
  onLog: (level, log) => console.error(`rolldown ${level}: ${log.message}`),
  // CommonJS: node:vm can compile it with a code cache (an ES module cannot be, on Node 20).
  output: { file: BUNDLE, format: 'cjs' },
  plugins: [lazyCommanderChildProcess()],
});

/**
 * commander loads node:child_process at its start, for subcommands that are
 * executables of their own, which dockmod has none of: in the bundle it is
 * loaded when first used (node:child_process brings net, dgram and streams:
 * about 3 ms of every start). Fails the build if commander's line moves.
 */
function lazyCommanderChildProcess() {
  const line = "const childProcess = require('node:child_process');";
  return {
    name: 'lazy-commander-child-process',
    transform(code, id) {
      if (!/[\\/]commander[\\/]lib[\\/]command\.js$/.test(id)) return null;
      if (!code.includes(line)) throw new Error(`commander's lib/command.js no longer has: ${line}`);
      return { code: code.replace(line, "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };"), map: null };
    },
  };
}

// The code cache: the bundle run once on a small Go Dockerfile (dry run and
// --check, output thrown away), so the functions a run compiles are in it too.
const sample = mkdtempSync(path.join(os.tmpdir(), 'dockmod-code-cache-'));
try {
  mkdirSync(path.join(sample, '.git'));
  writeFileSync(path.join(sample, 'go.mod'), 'module example.com/app\n\ngo 1.22\n');
  writeFileSync(path.join(sample, 'Dockerfile'), ['FROM golang:1.22-alpine AS build', 'WORKDIR /src', 'COPY go.mod go.sum ./', 'RUN go mod download', 'COPY . .',
    'RUN CGO_ENABLED=0 go build -o /out/app .', '', 'FROM scratch', 'COPY --from=build /out/app /app', 'ENTRYPOINT ["/app"]', ''].join('\n'));
  const made = spawnSync(process.execPath, ['bin/dockmod.js', path.join(sample, 'Dockerfile')], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, DOCKMOD_WRITE_CODE_CACHE: '1' },
  });
  if (made.error) throw made.error;
  if (made.status !== 0 || !existsSync(`${BUNDLE}.cache`)) {
    console.error(`dockmod build: the sample run failed (exit ${made.status}):\n${made.stderr}`);
    process.exit(1);
  }
} finally {
  rmSync(sample, { recursive: true, force: true });
}
