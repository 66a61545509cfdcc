// One real-build case: build the original tree, run dockmod --write on a copy, build the result, run it.
// A case is a folder test/builds/cases/<name>/ holding the tree and a case.json (see test/builds/README.md).
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildah, filesUnder, paths, repoRoot, run, suiteDir } from './shell.mjs';

export const casesDir = join(suiteDir, 'cases');

export function loadCases() {
  return readdirSync(casesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({ name: entry.name, dir: join(casesDir, entry.name), spec: JSON.parse(readFileSync(join(casesDir, entry.name, 'case.json'), 'utf8')) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** KNOWN-FAILING: "<case name>\t<reason>" lines; # starts a comment. */
export function loadKnownFailing() {
  const file = join(suiteDir, 'KNOWN-FAILING');
  if (!existsSync(file)) return new Map();
  return new Map(
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.trim() && !line.startsWith('#'))
      .map((line) => {
        const [name, ...reason] = line.split('\t');
        return [name.trim(), reason.join('\t').trim()];
      }),
  );
}

const tail = (text, lines = 25) => text.trimEnd().split('\n').slice(-lines).join('\n');

/** Builds the tree at dir; returns { ok, output, seconds }. */
function build(caseName, dir, spec, tag) {
  const secretsDir = join(paths.cases, `${caseName}.secrets`);
  const secretArgs = Object.entries(spec.secrets ?? {}).flatMap(([id, value]) => {
    mkdirSync(secretsDir, { recursive: true });
    writeFileSync(join(secretsDir, id), value);
    return ['--secret', `id=${id},src=${join(secretsDir, id)}`];
  });
  const args = [
    'bud', '--pull=never', '--layers=false',
    '-f', join(dir, spec.dockerfile ?? 'Dockerfile'),
    '-t', tag,
    ...Object.entries(spec.buildArgs ?? {}).flatMap(([name, value]) => ['--build-arg', `${name}=${value}`]),
    ...secretArgs,
    ...(spec.target ? ['--target', spec.target] : []),
    join(dir, spec.context ?? '.'),
  ];
  const started = Date.now();
  const result = buildah(args);
  return { ok: result.status === 0, output: result.output, seconds: (Date.now() - started) / 1000 };
}

/** Runs the expected command in a container of the built image; returns { ok, output }. */
function runImage(tag, expected) {
  const container = buildah(['from', '--pull=never', tag]);
  if (container.status !== 0) return { ok: false, output: container.output };
  const id = container.output.trim().split('\n').pop();
  try {
    const env = Object.entries(expected.env ?? {}).flatMap(([name, value]) => ['--env', `${name}=${value}`]);
    const workdir = expected.workdir ? ['--workingdir', expected.workdir] : [];
    const result = buildah(['run', ...env, ...workdir, id, '--', ...expected.run]);
    return { ok: result.status === 0, output: result.output };
  } finally {
    buildah(['rm', id]);
  }
}

const oneLine = (text) => tail(text, 1).replace(/\s+/g, ' ').trim().slice(0, 160);

/** Checks one build against its expected outcome: { problem (text or null), outcome (short text), seconds, built }. */
function checkOutcome(caseName, dir, spec, expected, tag) {
  const built = build(caseName, dir, spec, tag);
  const verdict = (problem, outcome) => ({ problem, outcome, seconds: built.seconds, built });
  if (expected.fails !== undefined) {
    if (built.ok) return verdict(`built, expected it to fail with "${expected.fails}"`, 'builds');
    if (!built.output.includes(expected.fails)) return verdict(`failed without "${expected.fails}":\n${tail(built.output)}`, 'fails otherwise');
    return verdict(null, `fails: ${expected.fails}`);
  }
  if (!built.ok) return verdict(`build failed:\n${tail(built.output)}`, `fails: ${oneLine(built.output.replace(/\n(subprocess exited|Error: building).*/gs, ''))}`);
  if (!expected.run) return verdict(null, 'builds');
  const ran = runImage(tag, expected);
  const printed = ran.output.trim();
  if (!ran.ok) return verdict(`${expected.run.join(' ')} failed:\n${tail(ran.output)}`, 'builds, run fails');
  if (expected.prints !== undefined && !new RegExp(expected.prints).test(printed)) {
    return verdict(`${expected.run.join(' ')} printed ${JSON.stringify(tail(printed, 5))}, expected /${expected.prints}/`, `builds, prints "${oneLine(printed)}"`);
  }
  return verdict(null, `builds, prints "${oneLine(printed)}"`);
}

/** path -> { version: "mtime:size", uid } for every file under dir (the cache mounts' content on this host). */
function snapshot(dir) {
  if (!existsSync(dir)) return new Map();
  return new Map(
    filesUnder(dir).map((path) => {
      const stat = lstatSync(join(dir, path));
      return [path, { version: `${stat.mtimeMs}:${stat.size}`, uid: stat.uid }];
    }),
  );
}

const cacheRoot = () => join(paths.tmp, 'buildah-cache');

/** A second build of the migrated tree must reuse the cache mounts: no module download, no compile. */
function checkReuse(caseName, dir, spec, expected, first) {
  const before = snapshot(cacheRoot());
  const second = build(caseName, dir, spec, `localhost/dockmod-builds/${caseName}:after`);
  if (!second.ok) return { problem: `second build failed:\n${tail(second.output)}` };
  const after = snapshot(cacheRoot());
  const changed = [...after].filter(([path, file]) => before.get(path)?.version !== file.version).map(([path]) => path);
  const downloads = changed.filter((path) => path.includes('/pkg/mod/cache/download/'));
  const compiles = changed.filter((path) => /go-build\/[0-9a-f]{2}\/[0-9a-f]+-d$/.test(path));
  const wrongOwner = [...after].filter(([path, file]) => path.startsWith(expected.cacheOwnedBy?.under ?? '\0') && file.uid !== expected.cacheOwnedBy.uid);
  const text = `rebuilt in ${second.seconds.toFixed(1)}s (first ${first.seconds.toFixed(1)}s): ${downloads.length} module files downloaded again, ${compiles.length} packages compiled again`;
  if (wrongOwner.length > 0) return { problem: `cache files not owned by uid ${expected.cacheOwnedBy.uid}: ${wrongOwner.slice(0, 3).map(([p]) => p).join(', ')}`, text };
  if (expected.cacheOwnedBy && ![...after.keys()].some((path) => path.startsWith(expected.cacheOwnedBy.under))) {
    return { problem: `nothing cached under ${expected.cacheOwnedBy.under} (the cache mounts were not used)`, text };
  }
  if (downloads.length > 0 || compiles.length > 0) return { problem: `the caches were not reused: ${text}`, text };
  return { problem: null, text };
}

function filesOf(dir) {
  return new Map(filesUnder(dir).filter((path) => !path.startsWith('.git/')).map((path) => [path, readFileSync(join(dir, path), 'utf8')]));
}

/** Runs dockmod --write with default options on the copy; checks the expected effect. */
function migrate(dir, spec) {
  const original = filesOf(dir);
  const result = run(process.execPath, [process.env.DOCKMOD_BIN ?? join(repoRoot, 'bin/dockmod.js'), '--write', '.'], { cwd: dir });
  const changed = [...filesOf(dir)].filter(([path, text]) => original.get(path) !== text).map(([path]) => path);
  const expected = spec.dockmod ?? {};
  const notes = Number(result.output.match(/(\d+) notes?,/)?.[1] ?? 0);
  const effect = `${changed.length === 0 ? 'unchanged' : `changed ${changed.join(', ')}`}${notes > 0 ? `, ${notes} note${notes === 1 ? '' : 's'}` : ''}`;
  if (result.status !== 0 && !(result.status === 1 && expected.exitCode === 1)) {
    return { problem: `dockmod exited ${result.status}:\n${tail(result.output)}`, effect };
  }
  if (expected.unchanged && changed.length > 0) return { problem: `dockmod changed ${changed.join(', ')}; expected no change`, effect, output: result.output };
  if (expected.changes && changed.length === 0) return { problem: 'dockmod changed nothing; expected a change', effect, output: result.output };
  if (expected.note && !new RegExp(expected.note).test(result.output)) {
    return { problem: `dockmod's output lacks /${expected.note}/:\n${tail(result.output)}`, effect, output: result.output };
  }
  const dockerfile = readFileSync(join(dir, spec.dockerfile ?? 'Dockerfile'), 'utf8');
  for (const pattern of expected.dockerfileMatches ?? []) {
    if (!new RegExp(pattern, 'm').test(dockerfile)) return { problem: `the migrated Dockerfile lacks /${pattern}/:\n${dockerfile}`, effect };
  }
  return { problem: null, effect, output: result.output };
}

/** Runs one case; returns { name, status: 'passed'|'failed', before, after, dockmod, problems }. */
export function runCase(testCase) {
  const { name, dir: source, spec } = testCase;
  const dir = join(paths.cases, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(paths.cases, { recursive: true });
  // base: a tree read in place (e.g. an example service), the case's own files laid over it.
  if (spec.base) cpSync(join(repoRoot, spec.base), dir, { recursive: true });
  cpSync(source, dir, { recursive: true, filter: (path) => !path.endsWith('/case.json') });
  // Its own repository, as a user's tree is: the .gitignore of this one (which ignores .builds/) stays out.
  run('git', ['init', '-q', dir]);
  const problems = [];
  const tags = [`localhost/dockmod-builds/${name}:before`, `localhost/dockmod-builds/${name}:after`];
  const result = { name, summary: spec.summary ?? '', problems };
  try {
    const before = checkOutcome(name, dir, spec, spec.before, tags[0]);
    result.before = before.outcome;
    result.seconds = { before: before.seconds };
    if (before.problem) problems.push(`before: ${before.problem}`);
    const migrated = migrate(dir, spec);
    result.dockmod = migrated.effect;
    if (migrated.problem) problems.push(`dockmod: ${migrated.problem}`);
    const after = checkOutcome(name, dir, spec, spec.after, tags[1]);
    result.after = after.outcome;
    result.seconds.after = after.seconds;
    if (after.problem) problems.push(`after: ${after.problem}`);
    if (!after.problem && spec.after.rebuildReusesCaches) {
      const reuse = checkReuse(name, dir, spec, spec.after, after.built);
      result.reuse = reuse.text;
      result.after += reuse.problem ? `; rebuilt: ${reuse.problem.split('\n')[0]}` : '; rebuilt: caches reused (0 downloads, 0 compiles)';
      if (reuse.problem) problems.push(`after, rebuilt: ${reuse.problem}`);
    }
  } finally {
    buildah(['rmi', '-f', ...tags]);
  }
  result.status = problems.length === 0 ? 'passed' : 'failed';
  return result;
}

export const migratedDockerfile = (name, spec) => {
  const path = join(paths.cases, name, spec.dockerfile ?? 'Dockerfile');
  return existsSync(path) && statSync(path).isFile() ? readFileSync(path, 'utf8') : '';
};
