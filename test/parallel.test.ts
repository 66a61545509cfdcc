// The order of results when files are processed in chunks by several runners
// that finish in any order: always the order of the file list, each result
// as soon as it and every one before it are done.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { FileResult } from '../src/files.js';
import { processInChunks, workerCount, type Chunk, type ChunkRunner, type FileJob } from '../src/parallel.js';
import type { Transform } from '../src/transform.js';
import { TRANSFORMS } from '../transforms/index.js';
import { GO_SERVICE, makeTree } from './support.js';

const jobs = (count: number, transforms: readonly Transform[] = TRANSFORMS): FileJob[] =>
  Array.from({ length: count }, (_, i) => ({ file: `/repo/f${String(i).padStart(4, '0')}/Dockerfile`, display: `f${String(i).padStart(4, '0')}/Dockerfile`, transforms, options: { goVersion: 'auto' } }));

/** A runner that answers each chunk after a delay of its own, so chunks finish out of order. */
function fakeRunner(delays: () => number, log: string[], name: string): ChunkRunner {
  let listener: Parameters<ChunkRunner['onDone']>[0] = () => {};
  return {
    send: (chunk) => {
      log.push(`${name} got ${chunk.id}`);
      setTimeout(() => {
        log.push(`${name} done ${chunk.id}`);
        const results: FileResult[] = chunk.jobs.map((job) => ({ path: job.display, status: 'unchanged', changedBy: [], changes: [], notes: [] }));
        listener({ id: chunk.id, results });
      }, delays());
    },
    onDone: (next) => (listener = next),
    onFailure: () => {},
    close: () => log.push(`${name} closed`),
  };
}

function seededDelays(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % 7;
  };
}

describe('processInChunks', () => {
  it('emits every result once, in file order, whatever order the chunks finish in', async () => {
    for (const seed of [1, 2, 3]) {
      const log: string[] = [];
      const emitted: string[] = [];
      const delays = seededDelays(seed);
      const runners = [fakeRunner(delays, log, 'a'), fakeRunner(delays, log, 'b'), fakeRunner(delays, log, 'c')];
      await processInChunks(jobs(500), runners, (result) => emitted.push(result.path));
      expect(emitted).toEqual(jobs(500).map((job) => job.display));
      expect(log.filter((line) => line.endsWith('closed'))).toHaveLength(3);
      expect(new Set(log.filter((line) => line.includes(' done ')).map((line) => line.split(' ')[0]))).toEqual(new Set(['a', 'b', 'c']));
    }
  });

  it('streams: the first results are out before the last chunk is done', async () => {
    const log: string[] = [];
    const delays = seededDelays(7);
    const runners = [fakeRunner(delays, log, 'a'), fakeRunner(delays, log, 'b')];
    await processInChunks(jobs(300), runners, (result) => log.push(`emit ${result.path}`));
    const firstEmit = log.findIndex((line) => line.startsWith('emit'));
    const lastDone = log.findLastIndex((line) => line.includes(' done '));
    expect(firstEmit).toBeGreaterThan(-1);
    expect(firstEmit).toBeLessThan(lastDone);
  });

  it('gives a runner its next chunk only when it reports one done (at most two at a time)', async () => {
    const log: string[] = [];
    const runners = [fakeRunner(() => 1, log, 'a')];
    await processInChunks(jobs(32 * 5), runners, () => {});
    let outstanding = 0;
    for (const line of log) {
      if (line.includes(' got ')) outstanding++;
      if (line.includes(' done ')) outstanding--;
      expect(outstanding).toBeLessThanOrEqual(2);
    }
  });

  it('passes a runner failure on', async () => {
    const failing: ChunkRunner = {
      send: () => {},
      onDone: () => {},
      onFailure: (listener) => setTimeout(() => listener(new Error('worker crashed')), 1),
      close: () => {},
    };
    await expect(processInChunks(jobs(10), [failing], () => {})).rejects.toThrow('worker crashed');
  });

  it('hands each job its own annotation and declared build context', async () => {
    const sent: Chunk[] = [];
    const recording: ChunkRunner = { ...fakeRunner(() => 0, [], 'a'), send: () => {} };
    const listening = fakeRunner(() => 0, [], 'a');
    recording.send = (chunk) => {
      sent.push(chunk);
      listening.send(chunk);
    };
    recording.onDone = listening.onDone;
    const declaredContext = { context: '/repo/f0000', declaredIn: '/repo/compose.yaml' };
    const own = jobs(2).map((job, index) => (index === 0 ? { ...job, annotate: 'first', declaredContext } : job));
    await processInChunks(own, [recording], () => {});
    expect(sent[0]!.jobs.map((job) => [job.annotate, job.declaredContext])).toEqual([['first', declaredContext], [undefined, undefined]]);
  });
});

describe('workerCount', () => {
  const moduleFacts = () => ({ vendored: false });
  it('never splits --write, an empty list, or transforms that are not the built-in ones', () => {
    expect(workerCount(jobs(5000), { write: true, moduleFacts }, {})).toBe(0);
    expect(workerCount([], { write: false, moduleFacts }, {})).toBe(0);
    const custom: Transform = { id: 'custom', summary: '', mayApply: () => true, apply: () => {} };
    expect(workerCount(jobs(5000, [custom]), { write: false, moduleFacts }, {})).toBe(0);
  });
});

describe('the built CLI', () => {
  // npm test builds dist/ first; worker threads run only from the built CLI.
  const repo = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
  const run = (workers: string) =>
    spawnSync(process.execPath, [path.join(repo, 'bin', 'dockmod.js'), '__fixtures__', 'examples'], {
      cwd: repo,
      encoding: 'latin1',
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, CI: 'true', DOCKMOD_WORKERS: workers },
    });

  it('prints the same bytes with worker threads as on one thread', () => {
    const oneThread = run('0');
    expect(oneThread.stderr).toMatch(/\d+ files? would change/);
    for (const workers of ['1', '3']) {
      const split = run(workers);
      expect(split.status).toBe(oneThread.status);
      expect(split.stdout === oneThread.stdout, `stdout with ${workers} workers`).toBe(true);
      expect(split.stderr === oneThread.stderr, `stderr with ${workers} workers`).toBe(true);
    }
  }, 60_000);

  it('gives worker threads the configuration of each file', () => {
    const root = makeTree({
      'a/dockmod.config.json': JSON.stringify({ transforms: ['add-mod-flag'], annotate: 'from a' }),
      'a/Dockerfile': GO_SERVICE,
      'b/dockmod.config.json': JSON.stringify({ transforms: ['add-mod-flag'], annotate: 'from b' }),
      'b/Dockerfile': GO_SERVICE,
    });
    const bin = path.join(repo, 'bin', 'dockmod.js');
    const runWith = (workers: string) => spawnSync(process.execPath, [bin], { cwd: root, encoding: 'latin1', env: { ...process.env, CI: 'true', DOCKMOD_WORKERS: workers } });
    const split = runWith('1');
    expect(split.stdout).toContain('+# from a\n');
    expect(split.stdout).toContain('+# from b\n');
    expect(split.stdout).toBe(runWith('0').stdout);
  });
});
