// Writes are atomic: a file is either untouched or fully rewritten, whatever
// happens to the process, and a file that changed on disk is not overwritten.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DockmodError } from '../src/errors.js';
import { tempFolderFor, writeFileAtomic } from '../src/write.js';
import { GO_SERVICE, listTree, makeTree, readTreeFile, runCli } from './support.js';

const BIN = path.join(import.meta.dirname, '..', 'bin', 'dockmod.js');
const MIGRATION = ['-t', 'drop-mod-download,add-mod-flag'];
const MIGRATED = GO_SERVICE.replace('RUN go mod download\n', '').replace('go build', 'go build -mod=mod');

function manyServices(count: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) files[`svc${String(i).padStart(5, '0')}/Dockerfile`] = GO_SERVICE;
  return files;
}

/** Start `dockmod --write` and kill it with `signal` once it has written its first file. */
function killMidWrite(root: string, signal: NodeJS.Signals): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, '--write', ...MIGRATION, '.'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] });
    child.stdout.once('data', () => child.kill(signal));
    child.on('error', reject);
    child.on('exit', (code, received) => resolve(received === signal ? null : code));
  });
}

describe('atomic writes', () => {
  it('leaves every file untouched or fully rewritten after kill -9, and the next run cleans up and finishes', async () => {
    const root = makeTree(manyServices(800));
    await killMidWrite(root, 'SIGKILL');
    const dockerfiles = listTree(root).filter((file) => file.endsWith('/Dockerfile'));
    expect(dockerfiles).toHaveLength(800);
    const states = new Set(dockerfiles.map((file) => readTreeFile(root, file)));
    for (const state of states) expect([GO_SERVICE, MIGRATED]).toContain(state);
    expect(states.has(GO_SERVICE)).toBe(true); // it really was stopped part-way

    const rerun = await runCli(['--write', ...MIGRATION], root);
    expect(rerun.code).toBe(0);
    expect(listTree(root).every((file) => file.endsWith('/Dockerfile'))).toBe(true);
    expect(new Set(dockerfiles.map((file) => readTreeFile(root, file)))).toEqual(new Set([MIGRATED]));
  });

  it('stops cleanly on SIGINT with exit 130 and no temporary file left', async () => {
    const root = makeTree(manyServices(800));
    const code = await killMidWrite(root, 'SIGINT');
    expect(code).toBe(130);
    expect(listTree(root).every((file) => file.endsWith('/Dockerfile'))).toBe(true);
  });

  it('does not overwrite a file that changed on disk since it was read', () => {
    const root = makeTree({ Dockerfile: 'FROM a\n' });
    const file = path.join(root, 'Dockerfile');
    const readEarlier = readFileSync(file);
    writeFileSync(file, 'FROM b\n');
    expect(() => writeFileAtomic(file, Buffer.from('FROM c\n'), readEarlier)).toThrow(DockmodError);
    expect(readFileSync(file, 'utf8')).toBe('FROM b\n');
    expect(listTree(root)).toEqual(['Dockerfile']);
  });
});

const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, encoding: 'utf8' });

/** What `git add -A` would pick up besides the Dockerfiles: untracked files, any. */
const untracked = (root: string): string[] =>
  git(root, 'status', '--porcelain', '--untracked-files=all').split('\n').filter((line) => line.startsWith('??'));

describe('temporary files in a git repository', () => {
  function repository(files: Record<string, string>): string {
    const root = makeTree(files);
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    git(root, '-c', 'user.email=t@dockmod.invalid', '-c', 'user.name=t', 'commit', '-qm', 'services');
    return root;
  }

  it('go into the git folder when it is on the same file system, next to the file otherwise', () => {
    const root = repository({ 'svc/Dockerfile': GO_SERVICE });
    expect(tempFolderFor(path.join(root, 'svc'))).toBe(path.join(root, '.git', 'dockmod-tmp'));
    const outside = makeTree({ 'svc/Dockerfile': GO_SERVICE });
    expect(tempFolderFor(path.join(outside, 'svc')), 'no repository').toBe(path.join(outside, 'svc'));
    // A worktree-style .git file naming a git folder on another file system (tmpfs) when the machine has one.
    const shm = '/dev/shm';
    if (statSync(shm, { throwIfNoEntry: false })?.dev !== undefined && statSync(shm).dev !== statSync(outside).dev) {
      const gitDir = mkdtempSync(path.join(shm, 'dockmod-gitdir-'));
      try {
        const linked = makeTree({ 'svc/Dockerfile': GO_SERVICE, '.git': `gitdir: ${gitDir}\n` });
        expect(tempFolderFor(path.join(linked, 'svc'))).toBe(path.join(linked, 'svc'));
      } finally {
        rmSync(gitDir, { recursive: true, force: true });
      }
    }
    const worktree = makeTree({ 'svc/Dockerfile': GO_SERVICE });
    const worktreeGitDir = path.join(root, '.git', 'worktrees', 'w');
    mkdirSync(worktreeGitDir, { recursive: true });
    writeFileSync(path.join(worktree, '.git'), `gitdir: ${worktreeGitDir}\n`);
    expect(tempFolderFor(path.join(worktree, 'svc')), 'a worktree: its git folder').toBe(path.join(worktreeGitDir, 'dockmod-tmp'));
  });

  it('leave nothing for git add -A after kill -9 between writing a temporary file and renaming it, and the next --write removes it', async () => {
    const root = repository({ 'svc/Dockerfile': GO_SERVICE });
    // A process that does what writeFileAtomic does up to the rename, then is killed.
    const script = `
      import { writeFileSync } from 'node:fs';
      import path from 'node:path';
      import { tempFolderFor } from ${JSON.stringify(path.join(import.meta.dirname, '..', 'dist', 'src', 'write.js'))};
      const file = path.join(process.argv[1], 'svc', 'Dockerfile');
      writeFileSync(path.join(tempFolderFor(path.dirname(file)), '.Dockerfile.dockmod-' + process.pid + '-1.tmp'), 'half');
      process.kill(process.pid, 'SIGKILL');`;
    const killed = spawnSync(process.execPath, ['--input-type=module', '-e', script, root]);
    expect(killed.signal).toBe('SIGKILL');
    const stray = readdirSync(path.join(root, '.git', 'dockmod-tmp'));
    expect(stray).toHaveLength(1);
    expect(untracked(root)).toEqual([]);
    expect(listTree(root).filter((file) => !file.startsWith('.git/'))).toEqual(['svc/Dockerfile']);

    const rerun = spawnSync(process.execPath, [BIN, '--write', ...MIGRATION], { cwd: root, encoding: 'utf8' });
    expect(rerun.status, rerun.stderr).toBe(0);
    expect(readdirSync(path.join(root, '.git', 'dockmod-tmp'))).toEqual([]);
    expect(readTreeFile(root, 'svc/Dockerfile')).toBe(MIGRATED);
  });

  it('a real kill -9 mid-run leaves only modified Dockerfiles in git status', async () => {
    const root = repository(manyServices(400));
    await killMidWrite(root, 'SIGKILL');
    expect(untracked(root)).toEqual([]);
    const changed = git(root, 'status', '--porcelain').split('\n').filter(Boolean);
    expect(changed.every((line) => /^ M svc\d+\/Dockerfile$/.test(line)), changed.join('\n')).toBe(true);
  });
});
