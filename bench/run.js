// `npm run bench`: dockmod against the I/O floor of its job.
//
//   node bench/run.js                  full run: 1,000 / 20,000 / 100,000 Dockerfiles
//   node bench/run.js --quick          smoke run: 1,000 Dockerfiles, few repetitions
//   node bench/run.js --sizes=20000    chosen sizes only (comma-separated)
//   node bench/run.js --runs=7         repetitions per size (best is reported)
//   node bench/run.js --no-single      skip the single-file latency run
//   node bench/run.js --json           also print the figures as JSON
//   node bench/run.js --no-verify      skip the one-thread output comparison
//   node bench/run.js -- --check       everything after -- is passed to dockmod
//
// Each size has its own generated tree under bench/.tree/ (reused between runs).
// A dry run of dockmod (`node bin/dockmod.js <tree>`, diff to /dev/null) and the
// floor (bench/floor.js: same walk, same skips, read every Dockerfile) alternate;
// the best of the runs is reported, with the ratio. A first untimed run of each
// warms the page cache, checks both find the same Dockerfiles, and hashes
// dockmod's output: compare the hash before and after a change to prove the
// output did not move. Up to 20,000 files, a one-thread run (DOCKMOD_WORKERS=0)
// must print the very same bytes as the default (worker threads) run.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, openSync, closeSync, readFileSync, rmSync, statSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSmallDockerfile, ensureTree, TREES } from './generate.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PROJECT = path.dirname(HERE);
const DOCKMOD = path.join(PROJECT, 'bin', 'dockmod.js');
const FLOOR = path.join(HERE, 'floor.js');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

const TARGETS = { ratio: 3, startup: 3, rssMb: 300, rssAtFiles: 20_000 };

function parseArgs(argv) {
  const passThrough = argv.includes('--') ? argv.slice(argv.indexOf('--') + 1) : [];
  const own = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv;
  const value = (name) => own.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const quick = own.includes('--quick');
  const sizes = value('sizes')?.split(',').map(Number) ?? (quick ? [1_000] : [1_000, 20_000, 100_000]);
  if (sizes.some((size) => !Number.isInteger(size) || size < 1)) throw new Error('--sizes takes positive integers, e.g. --sizes=1000,20000');
  const runs = value('runs') ? Number(value('runs')) : undefined;
  return { quick, sizes, runs, single: !own.includes('--no-single'), json: own.includes('--json'), verify: !own.includes('--no-verify'), dockmodArgs: passThrough };
}

/** Repetitions: fewer for the largest trees so a full run stays within a few minutes. */
function runsFor(size, options) {
  if (options.runs) return options.runs;
  if (options.quick) return 3;
  return size > 1_000 ? 3 : 5;
}

/** Run a command with stdout to /dev/null; wall time in ms, peak RSS in MB (when /usr/bin/time exists). */
function timed(command, args, { stderrFile } = {}) {
  const devNull = openSync('/dev/null', 'w');
  const errFd = stderrFile ? openSync(stderrFile, 'w') : devNull;
  const rssFile = path.join(os.tmpdir(), `dockmod-bench-rss-${process.pid}`);
  const [file, fullArgs] = TIME ? [TIME, ['-f', '%M', '-o', rssFile, command, ...args]] : [command, args];
  const started = process.hrtime.bigint();
  const result = spawnSync(file, fullArgs, { stdio: ['ignore', devNull, errFd] });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  closeSync(devNull);
  if (stderrFile) closeSync(errFd);
  if (result.error) throw result.error;
  let rssMb;
  if (TIME) {
    rssMb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024;
    rmSync(rssFile, { force: true });
  }
  return { ms, rssMb, status: result.status };
}

/** One untimed run with output captured: hash of stdout, the summary line, the exit code. */
function captured(command, args, env = process.env) {
  const result = spawnSync(command, args, { maxBuffer: 2 ** 31 - 1, stdio: ['ignore', 'pipe', 'pipe'], env });
  if (result.error) throw result.error;
  const stderr = result.stderr.toString('utf8');
  return {
    status: result.status,
    stdoutHash: createHash('sha256').update(result.stdout).digest('hex').slice(0, 16),
    stderrHash: createHash('sha256').update(result.stderr).digest('hex').slice(0, 16),
    stdoutBytes: result.stdout.length,
    stderr,
    summary: stderr.trimEnd().split('\n').pop() ?? '',
  };
}

const best = (values) => Math.min(...values);
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const fmtMs = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

/** Files the dockmod summary line accounts for (changed + unchanged + errors). */
function filesInSummary(summary) {
  const changed = /(\d+) files? (?:would change|changed)/.exec(summary);
  const unchanged = /(\d+) unchanged/.exec(summary);
  const errors = /(\d+) errors?/.exec(summary);
  if (!changed || !unchanged) return undefined;
  return Number(changed[1]) + Number(unchanged[1]) + Number(errors?.[1] ?? 0);
}

function benchSize(size, options, log) {
  const tree = ensureTree({ files: size, log });
  const dockmodArgs = [DOCKMOD, tree.root, ...options.dockmodArgs];
  // Warm-up: page cache, a consistency check, and the output hash.
  const floorOut = spawnSync(process.execPath, [FLOOR, tree.root], { encoding: 'utf8' });
  const floorCount = Number(floorOut.stdout.split(' ')[0]);
  const output = captured(process.execPath, dockmodArgs);
  const dockmodCount = filesInSummary(output.summary);
  if (floorCount !== tree.expected || (dockmodCount !== undefined && dockmodCount !== tree.expected)) {
    throw new Error(`file counts differ at ${size}: generated ${tree.expected}, floor read ${floorCount}, dockmod saw ${dockmodCount} (${output.summary})`);
  }
  if (output.status === 2) throw new Error(`dockmod failed on ${tree.root}:\n${output.stderr.slice(-2000)}`);
  if (options.verify && size <= 20_000) {
    const oneThread = captured(process.execPath, dockmodArgs, { ...process.env, DOCKMOD_WORKERS: '0' });
    if (oneThread.stdoutHash !== output.stdoutHash || oneThread.stderrHash !== output.stderrHash || oneThread.status !== output.status) {
      throw new Error(`at ${size} files, a one-thread run prints other bytes than the default run (stdout ${oneThread.stdoutHash} vs ${output.stdoutHash}, stderr ${oneThread.stderrHash} vs ${output.stderrHash})`);
    }
  }
  const floorRuns = [];
  const dockmodRuns = [];
  const runs = runsFor(size, options);
  // This kind of VM gives idle page cache back to the host within a minute or
  // so (kdamond): an untimed walk right before each timed run puts both on a
  // warm cache, whatever ran before.
  const warm = () => spawnSync(process.execPath, [FLOOR, tree.root], { stdio: 'ignore' });
  for (let i = 0; i < runs; i++) {
    warm();
    floorRuns.push(timed(process.execPath, [FLOOR, tree.root]));
    warm();
    dockmodRuns.push(timed(process.execPath, dockmodArgs));
  }
  const floorMs = best(floorRuns.map((run) => run.ms));
  const dockmodMs = best(dockmodRuns.map((run) => run.ms));
  return {
    files: size,
    services: Math.max(1, Math.round(size / 20)),
    runs,
    floorMs,
    floorMedianMs: median(floorRuns.map((run) => run.ms)),
    dockmodMs,
    dockmodMedianMs: median(dockmodRuns.map((run) => run.ms)),
    ratio: dockmodMs / floorMs,
    dockmodRssMb: TIME ? Math.max(...dockmodRuns.map((run) => run.rssMb)) : undefined,
    floorRssMb: TIME ? Math.max(...floorRuns.map((run) => run.rssMb)) : undefined,
    summary: output.summary.replace(/^dockmod: /, ''),
    stdoutHash: output.stdoutHash,
    stderrHash: output.stderrHash,
    diffBytes: output.stdoutBytes,
  };
}

function benchSingle(options) {
  const file = ensureSmallDockerfile();
  const runs = options.quick ? 5 : 15;
  const bare = [];
  const single = [];
  timed(process.execPath, [DOCKMOD, file]);
  for (let i = 0; i < runs; i++) {
    bare.push(timed(process.execPath, ['-e', '']));
    single.push(timed(process.execPath, [DOCKMOD, file, ...options.dockmodArgs]));
  }
  const nodeMs = best(bare.map((run) => run.ms));
  const dockmodMs = best(single.map((run) => run.ms));
  return { runs, nodeMs, dockmodMs, ratio: dockmodMs / nodeMs, dockmodRssMb: TIME ? Math.max(...single.map((run) => run.rssMb)) : undefined };
}

/** dist/ is what bin/dockmod.js runs: warn when a source file is newer. */
function staleDist() {
  const built = path.join(PROJECT, 'dist', 'src', 'cli.js');
  if (!existsSync(built)) return 'dist/ is missing: run `npm run build` (npm ci does it) first';
  const builtAt = statSync(built).mtimeMs;
  for (const folder of ['src', 'transforms']) {
    for (const name of readdirSync(path.join(PROJECT, folder))) {
      if (name.endsWith('.ts') && statSync(path.join(PROJECT, folder, name)).mtimeMs > builtAt) return `${folder}/${name} is newer than dist/: run \`npm run build\` to measure it`;
    }
  }
  return undefined;
}

function machine() {
  const cpu = /model name\s*:\s*(.*)/.exec(existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '')?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  return { cpu, cores: os.availableParallelism?.() ?? os.cpus().length, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` };
}

/** Other work on the machine skews every figure: say how busy it was. */
const loadAverage = () => os.loadavg().map((load) => load.toFixed(2)).join(' ');

function main() {
  const options = parseArgs(process.argv.slice(2));
  const log = (line) => process.stderr.write(`${line}\n`);
  const stale = staleDist();
  if (stale && stale.includes('missing')) {
    log(`bench: ${stale}`);
    process.exit(2);
  }
  if (stale) log(`bench: warning: ${stale}`);
  const host = machine();
  console.log(`dockmod bench: ${host.cpu}, ${host.cores} cores, ${host.memoryGb} GB, node ${host.node}`);
  console.log(`dockmod args: ${options.dockmodArgs.join(' ') || '(dry run: diff to /dev/null)'}; peak RSS ${TIME ? 'from /usr/bin/time' : 'not measured (no /usr/bin/time)'}`);
  console.log(`load average at start: ${loadAverage()} (anything well above 0 means other processes share the cores)`);
  const results = { machine: host, loadAtStart: loadAverage(), sizes: [], single: undefined };

  if (options.single) {
    const single = benchSingle(options);
    results.single = single;
    console.log('');
    console.log(`single small Dockerfile (best of ${single.runs}): node -e "" ${fmtMs(single.nodeMs)}, dockmod ${fmtMs(single.dockmodMs)}` +
      ` -> ${single.ratio.toFixed(2)}x bare node start-up (target <= ${TARGETS.startup}x: ${single.ratio <= TARGETS.startup ? 'holds' : 'MISSED'})`);
  }

  console.log('');
  console.log('files     services  floor      dockmod    ratio  per file   dockmod RSS  floor RSS  output (sha256/16)');
  for (const size of options.sizes) {
    const row = benchSize(size, options, log);
    results.sizes.push(row);
    const perFileUs = results.single ? ((row.dockmodMs - results.single.dockmodMs) / row.files) * 1000 : (row.dockmodMs / row.files) * 1000;
    row.perFileUs = perFileUs;
    console.log(
      `${String(row.files).padEnd(10)}${String(row.services).padEnd(10)}${fmtMs(row.floorMs).padEnd(11)}${fmtMs(row.dockmodMs).padEnd(11)}` +
        `${(row.ratio.toFixed(2) + 'x').padEnd(7)}${(perFileUs.toFixed(1) + ' us').padEnd(11)}` +
        `${(row.dockmodRssMb ? row.dockmodRssMb.toFixed(0) + ' MB' : '-').padEnd(13)}${(row.floorRssMb ? row.floorRssMb.toFixed(0) + ' MB' : '-').padEnd(11)}${row.stdoutHash}`,
    );
    console.log(`          ${row.summary}; ${(row.diffBytes / 2 ** 20).toFixed(1)} MB of diff; medians ${fmtMs(row.floorMedianMs)} / ${fmtMs(row.dockmodMedianMs)} over ${row.runs} runs`);
  }

  console.log('');
  console.log('targets:');
  const largest = results.sizes.at(-1);
  if (largest) console.log(`  dry run at ${largest.files} files <= ${TARGETS.ratio}x the floor: ${largest.ratio.toFixed(2)}x, ${largest.ratio <= TARGETS.ratio ? 'holds' : 'MISSED'}`);
  if (results.single) console.log(`  one small Dockerfile <= ${TARGETS.startup}x node start-up: ${results.single.ratio.toFixed(2)}x, ${results.single.ratio <= TARGETS.startup ? 'holds' : 'MISSED'}`);
  const rssRow = results.sizes.find((row) => row.files === TARGETS.rssAtFiles);
  if (rssRow?.dockmodRssMb) console.log(`  peak RSS at ${TARGETS.rssAtFiles} files <= ${TARGETS.rssMb} MB: ${rssRow.dockmodRssMb.toFixed(0)} MB, ${rssRow.dockmodRssMb <= TARGETS.rssMb ? 'holds' : 'MISSED'}`);
  if (results.sizes.length > 1) {
    const costs = results.sizes.map((row) => `${row.perFileUs.toFixed(1)} us at ${row.files}`).join(', ');
    console.log(`  linear in files: cost per file beyond start-up ${costs}`);
  }
  results.loadAtEnd = loadAverage();
  console.log(`load average at end: ${results.loadAtEnd}`);
  writeFileSync(path.join(TREES, 'last-results.json'), `${JSON.stringify(results, null, 2)}\n`);
  if (options.json) console.log(JSON.stringify(results, null, 2));
}

main();
