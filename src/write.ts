// Atomic in-place writes: a temporary file in the same folder, then a rename
// over the original, so a reader (or a kill) sees the old bytes or the new
// ones, never half of them.
import { closeSync, fchmodSync, fsyncSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { DockmodError } from './errors.js';

/** Temporary files of this process that exist right now (removed on signals). */
const pending = new Set<string>();
let counter = 0;

export const TEMP_FILE_PATTERN = /^\..+\.dockmod-(\d+)-\d+\.tmp$/;

function tempPathFor(file: string): string {
  counter++;
  return path.join(path.dirname(file), `.${path.basename(file)}.dockmod-${process.pid}-${counter}.tmp`);
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
 * those whose process is gone.
 */
export function removeLeftovers(files: readonly string[]): void {
  for (const file of files) {
    const pid = Number(TEMP_FILE_PATTERN.exec(path.basename(file))?.[1]);
    if (pid && !isAlive(pid)) removeQuietly(file);
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
