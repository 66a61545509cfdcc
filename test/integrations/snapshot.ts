// This working tree as one commit of a fresh repository, for the tests that
// install dockmod the way its users do.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import path from 'node:path';
import { REPO } from '../packed.js';

export const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.email=test@dockmod.invalid', '-c', 'user.name=dockmod test', ...args], { cwd, encoding: 'utf8' });

/**
 * This working tree as one commit of a fresh repository (tracked and untracked
 * files that are not ignored), so the hooks install from what is being tested,
 * committed or not.
 */
export function snapshotOfWorkingTree(snapshot: string): string {
  const files = git(REPO, 'ls-files', '-z', '--cached', '--others', '--exclude-standard').split('\0').filter(Boolean);
  for (const file of files) {
    if (existsSync(path.join(REPO, file))) cpSync(path.join(REPO, file), path.join(snapshot, file), { recursive: true });
  }
  git(snapshot, 'init', '-q');
  git(snapshot, 'add', '-A');
  git(snapshot, 'commit', '-q', '-m', 'snapshot');
  return snapshot;
}

