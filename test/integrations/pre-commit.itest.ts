// The pre-commit framework for real: Debian's pre-commit (installed with
// apt-get when missing; the test fails when it cannot be installed) installs
// both hooks from a snapshot of this working tree, as it would from the
// repository's URL, and runs them on a temporary git repository.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GO_MOD, GO_SERVICE, makeTree, readTreeFile } from '../support.js';
import { git, snapshotOfWorkingTree } from './snapshot.js';

const MIGRATED = GO_SERVICE.replace('RUN go mod download\n', '').replace('go build', 'go build -mod=mod');
const scratch = mkdtempSync(path.join(tmpdir(), 'dockmod-pre-commit-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function hasPreCommit(): boolean {
  return spawnSync('pre-commit', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** apt-get update once, then apt-get install -y pre-commit; throws with apt's output when that fails. */
function installPreCommit(): void {
  const sudo = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
  for (const args of [['apt-get', 'update'], ['apt-get', 'install', '-y', 'pre-commit']]) {
    const [command, ...rest] = [...sudo, ...args];
    const result = spawnSync(command!, rest, { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (result.status !== 0) throw new Error(`${[...sudo, ...args].join(' ')} failed (${result.status}): ${result.error ?? ''}${result.stderr}`);
  }
  if (!hasPreCommit()) throw new Error('pre-commit is still not on PATH after apt-get install -y pre-commit');
}

let hookRepo = '';

function tryRepo(target: string, hook: string) {
  return spawnSync('pre-commit', ['try-repo', hookRepo, hook, '--all-files'], {
    cwd: target,
    encoding: 'utf8',
    env: { ...process.env, PRE_COMMIT_HOME: path.join(scratch, 'pre-commit-home'), CI: 'true' },
  });
}

beforeAll(() => {
  if (!hasPreCommit()) installPreCommit();
  hookRepo = snapshotOfWorkingTree(path.join(scratch, 'dockmod'));
});

describe('pre-commit try-repo', () => {
  it('installs the hooks; dockmod-check fails on pending changes, dockmod rewrites them, dockmod-check then passes', () => {
    const target = makeTree({
      'dockmod.config.json': JSON.stringify({ transforms: ['drop-mod-download', 'add-mod-flag'] }),
      'services/api/Dockerfile': GO_SERVICE,
      'services/api/go.mod': GO_MOD,
      'services/web/Dockerfile.prod': GO_SERVICE,
      'docs/Dockerfile.md': GO_SERVICE,
    });
    git(target, 'init', '-q');
    git(target, 'add', '-A');

    const failing = tryRepo(target, 'dockmod-check');
    expect(failing.status, failing.stdout + failing.stderr).toBe(1);
    expect(failing.stdout).toMatch(/dockmod \(check Dockerfiles\)\.+Failed/);
    expect(failing.stdout).toContain('services/api/Dockerfile\nservices/web/Dockerfile.prod\n');
    expect(readTreeFile(target, 'services/api/Dockerfile')).toBe(GO_SERVICE);

    const writing = tryRepo(target, 'dockmod');
    // pre-commit fails a hook that modified files, so the commit is made again with the change reviewed.
    expect(writing.status, writing.stdout + writing.stderr).toBe(1);
    expect(writing.stdout).toContain('- files were modified by this hook');
    expect(readTreeFile(target, 'services/api/Dockerfile')).toBe(MIGRATED);
    expect(readTreeFile(target, 'services/web/Dockerfile.prod')).toBe(MIGRATED);
    expect(readTreeFile(target, 'docs/Dockerfile.md'), 'not a Dockerfile name: never passed to the hook').toBe(GO_SERVICE);

    git(target, 'add', '-A');
    const passing = tryRepo(target, 'dockmod-check');
    expect(passing.status, passing.stdout + passing.stderr).toBe(0);
    expect(passing.stdout).toMatch(/dockmod \(check Dockerfiles\)\.+Passed/);
  });
});
