// The git repository a path is in: its root (the nearest folder with .git)
// and its git folder (.git itself, or where a worktree's .git file points).
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** The nearest folder at or above `dir` that has a .git (folder or file); undefined outside a repository. */
export function repositoryRoot(dir: string): string | undefined {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    if (statSync(path.join(current, '.git'), { throwIfNoEntry: false })) return current;
    if (path.dirname(current) === current) return undefined;
  }
}

/** The git folder of the repository rooted at `root`: .git, or the `gitdir:` a .git file names. */
export function gitDirectory(root: string): string | undefined {
  const dotGit = path.join(root, '.git');
  const stat = statSync(dotGit, { throwIfNoEntry: false });
  if (stat?.isDirectory()) return dotGit;
  if (!stat?.isFile()) return undefined;
  try {
    const target = /^gitdir:\s*(.+?)\s*$/m.exec(readFileSync(dotGit, 'utf8'))?.[1];
    return target ? path.resolve(root, target) : undefined;
  } catch {
    return undefined;
  }
}
