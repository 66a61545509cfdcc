// `npm run bench`: dockmod against the I/O floor of its job, for the targets of issue 14.
//
//   node bench/run.js                  full run (a few minutes): every case below
//   node bench/run.js --quick          the three ratio targets only, fewer repetitions
//   node bench/run.js --sizes=20000    Dockerfile-only trees of these sizes (comma-separated; linearity, memory)
//   node bench/run.js --runs=7         repetitions per timed case (best is reported)
//   node bench/run.js --no-single      skip the single-file latency run
//   node bench/run.js --single-only    the single-file latency run alone
//   node bench/run.js --json           also print the figures as JSON
//   node bench/run.js --no-verify      skip the one-thread output comparison
//   node bench/run.js --dockmod=/tmp/before/bin/dockmod.js   measure another build of dockmod
//   node bench/run.js -- --annotate=x  everything after -- is passed to dockmod
//
// The cases (trees generated once under bench/.tree/, reused between runs):
// - one small Dockerfile against bare `node -e ""` (start-up);
// - a dry run (diff to /dev/null) of the monorepo of 5,000 Dockerfiles among
//   100,000 files, against the floor (bench/floor.js: same walk, same skips,
//   read every Dockerfile);
// - `--check` on a copy of that monorepo that dockmod has migrated (`--write`,
//   untimed; redone whenever the check finds something to change): the CI
//   gate and pre-commit case;
// - dry runs of Dockerfile-only trees (20,000, 100,000 Dockerfiles): cost per
//   file (linearity) and peak RSS at 100,000 Dockerfiles.
// A first untimed run of each case warms the page cache, checks the floor and
// dockmod see the same Dockerfiles, and hashes dockmod's output: compare the
// hash before and after a change to prove the output did not move. Up to
// 20,000 files, a one-thread run (DOCKMOD_WORKERS=0) must print the very same
// bytes as the default (worker threads) run.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, openSync, closeSync, readFileSync, rmSync, statSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSmallDockerfile, ensureTree, TREES } from './generate.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PROJECT = path.dirname(HERE);
/** The CLI measured: this checkout's, or another build's (`--dockmod=<its bin/dockmod.js>`, e.g. a copy made before a change). */
let DOCKMOD = path.join(PROJECT, 'bin', 'dockmod.js');
const FLOOR = path.join(HERE, 'floor.js');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Issue 14's targets: ratios measured in the same run, peak RSS at the largest tree. */
const TARGETS = { dryRun: 3, check: 2, startup: 1.5, rssMb: 250, rssAtFiles: 100_000 };
/** The monorepo of the ratio targets: this many Dockerfiles among this many files. */
const MONOREPO = { files: 5_000, total: 100_000 };

function parseArgs(argv) {
  const passThrough = argv.includes('--') ? argv.slice(argv.indexOf('--') + 1) : [];
  const own = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv;
  const value = (name) => own.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const quick = own.includes('--quick');
  const sizes = value('sizes')?.split(',').map(Number) ?? (quick ? [] : [20_000, 100_000]);
  if (sizes.some((size) => !Number.isInteger(size) || size < 1)) throw new Error('--sizes takes positive integers, e.g. --sizes=1000,20000');
  const runs = value('runs') ? Number(value('runs')) : undefined;
  return { quick, sizes, runs, dockmod: value('dockmod'), single: !own.includes('--no-single'), singleOnly: own.includes('--single-only'), json: own.includes('--json'), verify: !own.includes('--no-verify'), dockmodArgs: passThrough };
}

/** Repetitions: fewer for the largest trees so a full run stays within a few minutes (one at 100,000 Dockerfiles: memory and linearity, not a ratio target). */
function runsFor(size, options) {
  if (options.runs) return options.runs;
  if (options.quick) return 3;
  return size >= 100_000 ? 1 : size > 5_000 ? 3 : 5;
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

/**
 * One timed case: dockmod with `args` on `tree` against the floor on the same
 * tree, alternating, best of the runs. `expectStatus`: the exit code dockmod must give.
 */
function benchTree({ label, tree, args, expectStatus, runs }, options) {
  const size = tree.expected;
  const dockmodArgs = [DOCKMOD, tree.root, ...args, ...options.dockmodArgs];
  // Warm-up: page cache, a consistency check, and the output hash.
  const floorOut = spawnSync(process.execPath, [FLOOR, tree.root], { encoding: 'utf8' });
  const floorCount = Number(floorOut.stdout.split(' ')[0]);
  const output = captured(process.execPath, dockmodArgs);
  const dockmodCount = filesInSummary(output.summary);
  if (floorCount !== tree.expected || (dockmodCount !== undefined && dockmodCount !== tree.expected)) {
    throw new Error(`${label}: file counts differ: generated ${tree.expected}, floor read ${floorCount}, dockmod saw ${dockmodCount} (${output.summary})`);
  }
  if (output.status === 2) throw new Error(`dockmod failed on ${tree.root}:\n${output.stderr.slice(-2000)}`);
  if (expectStatus !== undefined && output.status !== expectStatus) throw new Error(`${label}: dockmod exited ${output.status}, expected ${expectStatus} (${output.summary})`);
  if (options.verify && size <= 20_000) {
    const oneThread = captured(process.execPath, dockmodArgs, { ...process.env, DOCKMOD_WORKERS: '0' });
    if (oneThread.stdoutHash !== output.stdoutHash || oneThread.stderrHash !== output.stderrHash || oneThread.status !== output.status) {
      throw new Error(`${label}: a one-thread run prints other bytes than the default run (stdout ${oneThread.stdoutHash} vs ${output.stdoutHash}, stderr ${oneThread.stderrHash} vs ${output.stderrHash})`);
    }
  }
  const floorRuns = [];
  const dockmodRuns = [];
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
    label,
    args,
    files: size,
    treeFiles: tree.total ?? size,
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

/**
 * A copy of `tree` that dockmod has migrated: `--write` over it, untimed,
 * whenever a `--check` finds something left to change (the first time, and
 * after a change to what dockmod does). Returns the tree's description for benchTree.
 */
function migratedCopy(tree, log) {
  const root = `${tree.root}-migrated`;
  const stampPath = path.join(root, '.bench-source.json');
  const source = readFileSync(path.join(tree.root, '.bench-tree.json'), 'utf8');
  if (!existsSync(stampPath) || readFileSync(stampPath, 'utf8') !== source) {
    log(`copying ${path.relative(process.cwd(), tree.root)} to ${path.relative(process.cwd(), root)} (once) ...`);
    rmSync(root, { recursive: true, force: true });
    cpSync(tree.root, root, { recursive: true });
    writeFileSync(stampPath, source);
  }
  const check = spawnSync(process.execPath, [DOCKMOD, root, '--check'], { stdio: 'ignore' });
  if (check.status !== 0) {
    log(`migrating ${path.relative(process.cwd(), root)} with dockmod --write ...`);
    const write = spawnSync(process.execPath, [DOCKMOD, root, '--write'], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (write.status === 2) throw new Error(`dockmod --write failed on ${root}:\n${write.stderr.slice(-2000)}`);
  }
  return { ...tree, root };
}

/**
 * The file as `<folder>/Dockerfile` in a folder that is a repository root of
 * its own: under bench/.tree/ it is matched by this project's .gitignore, and
 * dockmod would only say it is ignored (the figures before issue 14 timed that).
 */
function inOwnRepository(file) {
  const folder = path.join(TREES, 'small');
  const copy = path.join(folder, 'Dockerfile');
  mkdirSync(path.join(folder, '.git'), { recursive: true });
  if (!existsSync(copy) || readFileSync(copy, 'utf8') !== readFileSync(file, 'utf8')) writeFileSync(copy, readFileSync(file));
  return copy;
}

/** One small Go Dockerfile, dry run (diff) and --check, against bare node start-up, alternating. */
function benchSingle(options) {
  const file = inOwnRepository(ensureSmallDockerfile());
  const runs = options.quick ? 7 : 15;
  const bare = [];
  const dry = [];
  const check = [];
  timed(process.execPath, [DOCKMOD, file]);
  for (let i = 0; i < runs; i++) {
    bare.push(timed(process.execPath, ['-e', '']));
    dry.push(timed(process.execPath, [DOCKMOD, file, ...options.dockmodArgs]));
    check.push(timed(process.execPath, [DOCKMOD, file, '--check', ...options.dockmodArgs]));
  }
  const nodeMs = best(bare.map((run) => run.ms));
  const dockmodMs = best(dry.map((run) => run.ms));
  const checkMs = best(check.map((run) => run.ms));
  return { runs, nodeMs, dockmodMs, ratio: dockmodMs / nodeMs, checkMs, checkRatio: checkMs / nodeMs, dockmodRssMb: TIME ? Math.max(...dry.map((run) => run.rssMb)) : undefined };
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

/**
 * CPU time so far (Linux /proc/stat, in clock ticks): all of it and the part the
 * hypervisor gave to other guests (steal). On a shared VM the host can take a
 * large share of the cores, which no load average inside the guest shows.
 */
function cpuTicks() {
  const line = existsSync('/proc/stat') ? readFileSync('/proc/stat', 'utf8').split('\n')[0] : '';
  const fields = line.split(/\s+/).slice(1).map(Number);
  if (fields.length < 8 || fields.some(Number.isNaN)) return undefined;
  return { total: fields.reduce((sum, value) => sum + value, 0), steal: fields[7] };
}

/** The share of the machine's CPU time the host took since `start` (undefined off Linux). */
function stealSince(start) {
  const now = cpuTicks();
  if (!start || !now || now.total === start.total) return undefined;
  return (now.steal - start.steal) / (now.total - start.total);
}

function row(result, single) {
  const perFileUs = single ? ((result.dockmodMs - single.dockmodMs) / result.files) * 1000 : (result.dockmodMs / result.files) * 1000;
  result.perFileUs = perFileUs;
  const tree = result.treeFiles === result.files ? `${result.files}` : `${result.files}/${result.treeFiles}`;
  return [
    `${result.label.padEnd(18)}${tree.padEnd(14)}${fmtMs(result.floorMs).padEnd(11)}${fmtMs(result.dockmodMs).padEnd(11)}` +
      `${(result.ratio.toFixed(2) + 'x').padEnd(8)}${(perFileUs.toFixed(1) + ' us').padEnd(11)}` +
      `${(result.dockmodRssMb ? result.dockmodRssMb.toFixed(0) + ' MB' : '-').padEnd(13)}${(result.floorRssMb ? result.floorRssMb.toFixed(0) + ' MB' : '-').padEnd(11)}${result.stdoutHash}`,
    `                  ${result.summary}; ${(result.diffBytes / 2 ** 20).toFixed(1)} MB of output; medians ${fmtMs(result.floorMedianMs)} / ${fmtMs(result.dockmodMedianMs)} over ${result.runs} runs`,
  ].join('\n');
}

const verdict = (value, limit) => (value <= limit ? 'holds' : 'MISSED');

function main() {
  const options = parseArgs(process.argv.slice(2));
  const log = (line) => process.stderr.write(`${line}\n`);
  if (options.dockmod) DOCKMOD = path.resolve(options.dockmod);
  const stale = options.dockmod ? undefined : staleDist();
  if (stale && stale.includes('missing')) {
    log(`bench: ${stale}`);
    process.exit(2);
  }
  if (stale) log(`bench: warning: ${stale}`);
  const host = machine();
  console.log(`dockmod bench: ${host.cpu}, ${host.cores} cores, ${host.memoryGb} GB, node ${host.node}`);
  console.log(`dockmod: ${path.relative(process.cwd(), DOCKMOD) || DOCKMOD}; extra args: ${options.dockmodArgs.join(' ') || '(none)'}; peak RSS ${TIME ? 'from /usr/bin/time' : 'not measured (no /usr/bin/time)'}`);
  console.log(`load average at start: ${loadAverage()} (anything well above 0 means other processes share the cores)`);
  const results = { machine: host, loadAtStart: loadAverage(), cases: [], single: undefined };
  const ticksAtStart = cpuTicks();

  if (options.single) {
    const single = benchSingle(options);
    results.single = single;
    console.log('');
    console.log(`single small Dockerfile (best of ${single.runs}): node -e "" ${fmtMs(single.nodeMs)}, dockmod ${fmtMs(single.dockmodMs)}` +
      ` -> ${single.ratio.toFixed(2)}x bare node start-up; --check ${fmtMs(single.checkMs)} -> ${single.checkRatio.toFixed(2)}x`);
  }

  if (options.singleOnly) return;
  const monorepo = ensureTree({ ...MONOREPO, log });
  const cases = [
    { label: 'dry run', tree: monorepo, args: [], runs: runsFor(MONOREPO.files, options) },
    { label: '--check migrated', tree: migratedCopy(monorepo, log), args: ['--check'], expectStatus: 0, runs: runsFor(MONOREPO.files, options) },
    ...options.sizes.map((size) => ({ label: 'dry run', tree: ensureTree({ files: size, log }), args: [], runs: runsFor(size, options) })),
  ];
  console.log('');
  console.log('case              Dockerfiles/  floor      dockmod    ratio   per file   dockmod RSS  floor RSS  output (sha256/16)');
  console.log('                  files');
  for (const spec of cases) {
    const result = benchTree(spec, options);
    results.cases.push(result);
    console.log(row(result, results.single));
  }

  console.log('');
  console.log('targets (issue 14):');
  const [dry, check] = results.cases;
  console.log(`  dry run, ${MONOREPO.files} Dockerfiles among ${MONOREPO.total} files, <= ${TARGETS.dryRun}x the floor: ${dry.ratio.toFixed(2)}x, ${verdict(dry.ratio, TARGETS.dryRun)}`);
  console.log(`  --check on the migrated copy <= ${TARGETS.check}x the floor: ${check.ratio.toFixed(2)}x, ${verdict(check.ratio, TARGETS.check)}`);
  if (results.single) {
    const worst = Math.max(results.single.ratio, results.single.checkRatio);
    console.log(`  one small Dockerfile (dry run and --check) <= ${TARGETS.startup}x node start-up: ${results.single.ratio.toFixed(2)}x and ${results.single.checkRatio.toFixed(2)}x, ${verdict(worst, TARGETS.startup)}`);
  }
  const rssRow = results.cases.find((result) => result.files === TARGETS.rssAtFiles);
  if (rssRow?.dockmodRssMb) console.log(`  peak RSS at ${TARGETS.rssAtFiles} Dockerfiles <= ${TARGETS.rssMb} MB: ${rssRow.dockmodRssMb.toFixed(0)} MB, ${verdict(rssRow.dockmodRssMb, TARGETS.rssMb)}`);
  const linear = results.cases.filter((result) => result.args.length === 0 && result.treeFiles === result.files);
  if (linear.length > 1) {
    const costs = linear.map((result) => `${result.perFileUs.toFixed(1)} us at ${result.files}`).join(', ');
    console.log(`  linear in files: cost per Dockerfile beyond start-up ${costs}`);
  }
  results.loadAtEnd = loadAverage();
  console.log(`load average at end: ${results.loadAtEnd}`);
  const steal = stealSince(ticksAtStart);
  if (steal !== undefined) {
    results.stealShare = steal;
    console.log(`CPU time taken by the host (steal) during the bench: ${(steal * 100).toFixed(0)}% (a shared VM; anything above a few % slows every figure)`);
  }
  writeFileSync(path.join(TREES, 'last-results.json'), `${JSON.stringify(results, null, 2)}\n`);
  if (options.json) console.log(JSON.stringify(results, null, 2));
}

main();
