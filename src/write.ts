// Atomic in-place writes: a temporary file on the same file system, then a
// rename over the original, so a reader (or a kill) sees the old bytes or the
// new ones, never half of them. The temporary file goes into the repository's
// git folder when that is on the same file system (the rename stays atomic),
// so one left behind by a kill -9 is never picked up by `git add -A`; next to
// the file otherwise.
import { accessSync, closeSync, constants, fchmodSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { DockmodError } from './errors.js';
import { gitDirectory, repositoryRoot } from './repository.js';
import { forgetEntry } from './listings.js';

/** Temporary files of this process that exist right now (removed on signals). */
const pending = new Set<string>();
let counter = 0;

export const TEMP_FILE_PATTERN = /^\..+\.dockmod-(\d+)-\d+\.tmp$/;

/** The folder in a git folder that holds dockmod's temporary files. */
const GIT_TEMP_FOLDER = 'dockmod-tmp';
/** Per folder of a file: where its temporary files go (computed once per folder and run). */
const tempFolders = new Map<string, string>();

/** `<git folder>/dockmod-tmp` when the git folder is on the file system of `dir` and writable; else `dir`. */
export function tempFolderFor(dir: string): string {
  let folder = tempFolders.get(dir);
  if (folder === undefined) {
    folder = gitTempFolder(dir) ?? dir;
    tempFolders.set(dir, folder);
  }
  return folder;
}

function gitTempFolder(dir: string): string | undefined {
  const root = repositoryRoot(dir);
  const gitDir = root && gitDirectory(root);
  if (!gitDir) return undefined;
  try {
    if (statSync(gitDir).dev !== statSync(dir).dev) return undefined;
    const folder = path.join(gitDir, GIT_TEMP_FOLDER);
    mkdirSync(folder, { recursive: true });
    accessSync(folder, constants.W_OK);
    if (statSync(folder).dev !== statSync(dir).dev) return undefined;
    removeLeftovers(readdirSync(folder).map((name) => path.join(folder, name)));
    return folder;
  } catch {
    return undefined;
  }
}

function tempPathFor(file: string): string {
  counter++;
  return path.join(tempFolderFor(path.dirname(file)), `.${path.basename(file)}.dockmod-${process.pid}-${counter}.tmp`);
}

/**
 * Replace `file` with `content`, keeping its mode, unless its bytes are no
 * longer `expected` (it changed on disk since it was read).
 */
export function writeFileAtomic(file: string, content: Buffer, expected: Buffer): void {
  const mode = statSync(file).mode & 0o7777;
  const temp = tempPathFor(file);
  pending.add(temp);
  try {
    const fd = openSync(temp, 'wx', 0o600);
    try {
      writeSync(fd, content);
      fchmodSync(fd, mode);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (!readFileSync(file).equals(expected)) {
      throw new DockmodError('changed on disk while dockmod was running; not overwritten');
    }
    renameSync(temp, file);
    pending.delete(temp);
  } finally {
    if (pending.delete(temp)) removeQuietly(temp);
  }
}

export function removePendingTempFiles(): void {
  for (const temp of pending) removeQuietly(temp);
  pending.clear();
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Already gone.
  }
}

/**
 * A kill -9 between writing a temporary file and renaming it leaves the
 * temporary file behind (the original is intact). The next --write removes
 * those whose process is gone: in the git folder when it first uses it, next
 * to the files as discovery finds them.
 */
export function removeLeftovers(files: readonly string[]): void {
  for (const file of files) {
    const pid = Number(TEMP_FILE_PATTERN.exec(path.basename(file))?.[1]);
    if (pid && !isAlive(pid)) {
      removeQuietly(file);
      forgetEntry(file);
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
