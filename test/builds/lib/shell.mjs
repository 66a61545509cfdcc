// Running commands for the real-build suite: the private buildah environment and small process helpers.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const suiteDir = join(repoRoot, 'test/builds');
/** Everything the suite makes lives here (git-ignored); removing it is a cold start. */
export const workRoot = join(repoRoot, '.builds');

export const paths = {
  apt: join(workRoot, 'apt'),
  go: join(workRoot, 'go'),
  storage: join(workRoot, 'storage'),
  tmp: join(workRoot, 'tmp'),
  cases: join(workRoot, 'cases'),
  proxy: join(workRoot, 'goproxy'),
  warmGoBuildCache: join(workRoot, 'warm-go-build'),
  privateProxy: join(workRoot, 'goproxy-private'),
  storageConf: join(workRoot, 'storage.conf'),
  registriesConf: join(workRoot, 'registries.conf'),
};

const started = Date.now();
export const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
export const say = (line) => console.log(`[builds ${elapsed()}] ${line}`);

/** Runs a command; returns { status, output } with stdout and stderr interleaved as one text. */
export function run(command, args, { env, cwd, input, quiet = true } = {}) {
  const result = spawnSync(command, args, {
    cwd,
    env: { ...process.env, ...env },
    input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: quiet ? ['pipe', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'],
  });
  if (result.error) return { status: 127, output: String(result.error.message) };
  return { status: result.status ?? 1, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

/** Runs a command that must succeed; throws with its output otherwise. */
export function must(command, args, options) {
  const result = run(command, args, options);
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${result.output.slice(-4000)}`);
  }
  return result.output;
}

/** The environment every buildah call gets: private storage and registries, chroot isolation, our TMPDIR. */
export function buildahEnv() {
  return {
    CONTAINERS_STORAGE_CONF: paths.storageConf,
    CONTAINERS_REGISTRIES_CONF: paths.registriesConf,
    BUILDAH_ISOLATION: 'chroot',
    TMPDIR: paths.tmp,
  };
}

export function writeBuildahConfig(driver) {
  mkdirSync(paths.tmp, { recursive: true });
  writeFileSync(
    paths.storageConf,
    `[storage]\ndriver = "${driver}"\ngraphroot = "${paths.storage}/root"\nrunroot = "${paths.storage}/run"\n`,
  );
  writeFileSync(paths.registriesConf, 'unqualified-search-registries = []\nshort-name-mode = "permissive"\n');
}

export const buildah = (args, options = {}) => run('buildah', args, { ...options, env: { ...buildahEnv(), ...options.env } });
export const mustBuildah = (args, options = {}) => must('buildah', args, { ...options, env: { ...buildahEnv(), ...options.env } });

/** A reference as containers/image stores it: short Docker Hub names get docker.io/library/. */
export function fullImageName(name) {
  const first = name.split('/')[0];
  const hasRegistry = name.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (hasRegistry) return name;
  return name.includes('/') ? `docker.io/${name}` : `docker.io/library/${name}`;
}

/** Every file under dir (symlinks included, not followed), as sorted paths relative to dir with forward slashes. */
export function filesUnder(dir) {
  const found = [];
  const walk = (current) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else found.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return found.sort();
}
