// `npm run build` (also `prepare`): tsc to dist/, then one bundled file for the
// CLI. Nothing is printed on stdout: `npm pack` runs `prepare`, and whatever
// the build writes there lands in npm pack's output, where pre-commit reads the
// tarball name and `npm pack --json` its JSON. tsc's messages go to stderr.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { build } from 'rolldown';

const require = createRequire(import.meta.url);
const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
  stdio: ['ignore', process.stderr, process.stderr],
});
if (tsc.error) throw tsc.error;
if (tsc.status !== 0) process.exit(tsc.status ?? 1);

await build({
  input: 'dist/src/cli.js',
  platform: 'node',
  logLevel: 'warn',
  // Warnings go to stderr like tsc's messages.
  onLog: (level, log) => console.error(`rolldown ${level}: ${log.message}`),
  output: { file: 'dist/src/cli.bundle.js', format: 'esm' },
});
