// Writes are atomic: a file is either untouched or fully rewritten, whatever
// happens to the process, and a file that changed on disk is not overwritten.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DockmodError } from '../src/errors.js';
import { writeFileAtomic } from '../src/write.js';
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
