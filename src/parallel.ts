// Many files over the cores. Dry runs and --check over enough files split the
// file list into chunks, processed by this thread and by worker threads (one
// per other core), each taking the next chunk when it is done with one.
// Results still come out one by one in the order of the file list (sorted by
// path), each as soon as it and every file before it are done, so the output is
// the same however the work is split. --write stays on the main thread: an
// interrupted run must be able to remove its temporary files (see write.ts),
// and only the main thread handles signals.
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import type { DeclaredContext } from './build-files.js';
import { unifiedDiff } from './diff.js';
import { DockmodError } from './errors.js';
import { processFile, type FileResult, type ProcessSettings } from './files.js';
import { createModuleLookup } from './module.js';
import { createProjectFiles, type ProjectFiles } from './model/files.js';
import type { Transform, TransformOptions } from './transform.js';
import { TRANSFORMS } from '../transforms/index.js';

export interface FileJob {
  /** Absolute path. */
  file: string;
  /** Path as shown to the user. */
  display: string;
  transforms: readonly Transform[];
  options: TransformOptions;
  /** `--annotate` text, or the configuration's for this file. */
  annotate?: string;
  declaredContext?: DeclaredContext;
  /** Put the model of the image in the result (for --json). */
  reportModel?: boolean;
}

export interface RunSettings {
  write: boolean;
  moduleFacts: ProcessSettings['moduleFacts'];
  /** One view of the files around the Dockerfiles for the whole run (each worker makes its own). */
  projectFiles?: ProjectFiles;
  /**
   * With worker threads, put a changed file's unified diff in its result
   * (FileResult.unifiedDiff): made where the file is processed, on a worker's
   * core as much as on the main thread's.
   */
  unifiedDiff?: boolean;
}

/**
 * Below this many files a worker's start-up (~150 ms: it loads the engine
 * anew) costs about what it saves (see the README, Performance).
 */
const PARALLEL_MIN_FILES = 1500;
const CHUNK_FILES = 32;
/** Chunks handed to a worker before it reports back, so it never waits for the main thread. */
const CHUNKS_IN_FLIGHT = 2;
const WORKER_MARK = 'dockmod-file-worker';
/** Set in a worker's environment: only then is node:worker_threads loaded at start (a run without workers starts sooner without it). */
const WORKER_ENV = 'DOCKMOD_FILE_WORKER';

type Threads = typeof import('node:worker_threads');
let loadedThreads: Threads | undefined;
const threads = (): Threads => (loadedThreads ??= createRequire(import.meta.url)('node:worker_threads') as Threads);

/** A FileJob as posted to a worker: transforms by id. */
interface WireJob extends Omit<FileJob, 'transforms'> {
  transformIds: string[];
}

export interface Chunk {
  id: number;
  jobs: WireJob[];
  /** See RunSettings.unifiedDiff. */
  unifiedDiff?: boolean;
}

export interface ChunkDone {
  id: number;
  results: FileResult[];
}

/**
 * How many worker threads to start besides this one: DOCKMOD_WORKERS when set
 * (0 = none), else one per other core when there are enough files.
 */
export function workerCount(jobs: readonly FileJob[], settings: RunSettings, env: NodeJS.ProcessEnv = process.env): number {
  if (settings.write || jobs.length === 0) return 0;
  if (!jobs.every((job) => job.transforms.every((transform) => TRANSFORMS.includes(transform)))) return 0;
  if (!/\.c?js$/.test(import.meta.url)) return 0; // running from TypeScript sources (tests): no worker entry point
  const requested = env.DOCKMOD_WORKERS;
  if (requested !== undefined && /^\d+$/.test(requested)) return Math.min(Number(requested), 64);
  if (jobs.length < PARALLEL_MIN_FILES) return 0;
  return Math.min(availableParallelism() - 1, 7);
}

/** Process every job; `emit` sees the results in job order. */
export async function processFiles(jobs: readonly FileJob[], settings: RunSettings, emit: (result: FileResult) => void): Promise<void> {
  const workers = workerCount(jobs, settings);
  if (workers === 0) return processHere(jobs, settings, emit);
  const runners = [localRunner(settings), ...Array.from({ length: workers }, () => workerRunner())];
  return processInChunks(jobs, runners, emit, settings.unifiedDiff);
}

async function processHere(jobs: readonly FileJob[], settings: RunSettings, emit: (result: FileResult) => void): Promise<void> {
  for (const [index, job] of jobs.entries()) {
    const { file, display, ...own } = job;
    emit(processFile(file, display, { ...settings, ...own }));
    // Let signal handlers run between files: no temporary file exists at this point.
    if (index % 64 === 63) await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Something that processes a chunk somewhere and reports back; a worker thread, or a fake in tests. */
export interface ChunkRunner {
  send(chunk: Chunk): void;
  onDone(listener: (done: ChunkDone) => void): void;
  onFailure(listener: (error: Error) => void): void;
  close(): void;
}

/** This thread as one more runner: a chunk at a time, between the event loop's other work (results, output). */
function localRunner(settings: RunSettings): ChunkRunner {
  const queue: Chunk[] = [];
  let listener: (done: ChunkDone) => void = () => {};
  let scheduled = false;
  const work = (): void => {
    scheduled = false;
    const chunk = queue.shift();
    if (!chunk) return;
    if (queue.length > 0) schedule();
    listener({ id: chunk.id, results: processChunk(chunk, settings) });
  };
  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(work);
  };
  return {
    send: (chunk) => {
      queue.push(chunk);
      schedule();
    },
    onDone: (next) => (listener = next),
    onFailure: () => {},
    close: () => (queue.length = 0),
  };
}

function workerRunner(): ChunkRunner {
  const worker = new (threads().Worker)(new URL(import.meta.url), { workerData: { mark: WORKER_MARK }, env: { ...process.env, [WORKER_ENV]: WORKER_MARK } });
  return {
    send: (chunk) => worker.postMessage(chunk),
    onDone: (listener) => worker.on('message', listener),
    onFailure: (listener) => {
      worker.on('error', listener);
      worker.on('exit', (code) => code !== 0 && listener(new Error(`a dockmod worker stopped with exit code ${code}`)));
    },
    close: () => void worker.terminate(),
  };
}

export async function processInChunks(
  jobs: readonly FileJob[],
  runners: readonly ChunkRunner[],
  emit: (result: FileResult) => void,
  unifiedDiff = false,
): Promise<void> {
  // Each chunk is made when it is sent, so the jobs exist once (not again as chunks) in a large run.
  const chunkCount = Math.ceil(jobs.length / CHUNK_FILES);
  const chunkAt = (id: number): Chunk => {
    const wire = jobs.slice(id * CHUNK_FILES, (id + 1) * CHUNK_FILES).map(({ transforms, ...rest }): WireJob => ({ ...rest, transformIds: transforms.map((transform) => transform.id) }));
    return unifiedDiff ? { id, jobs: wire, unifiedDiff } : { id, jobs: wire };
  };
  const finished = new Map<number, FileResult[]>();
  let nextToSend = 0;
  let nextToEmit = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const sendNext = (runner: ChunkRunner): void => {
        if (nextToSend < chunkCount) runner.send(chunkAt(nextToSend++));
      };
      for (const runner of runners) {
        runner.onFailure(reject);
        runner.onDone((done) => {
          finished.set(done.id, done.results);
          try {
            for (let ready = finished.get(nextToEmit); ready; ready = finished.get(nextToEmit)) {
              finished.delete(nextToEmit);
              nextToEmit++;
              for (const result of ready) emit(result);
            }
          } catch (error) {
            reject(error);
            return;
          }
          if (nextToEmit === chunkCount) resolve();
          else sendNext(runner);
        });
        for (let k = 0; k < CHUNKS_IN_FLIGHT; k++) sendNext(runner);
      }
    });
  } finally {
    for (const runner of runners) runner.close();
  }
}

const transformsById = new Map(TRANSFORMS.map((transform) => [transform.id, transform]));

/** A chunk's results, never writing (only dry runs and --check are split). */
function processChunk(chunk: Chunk, { moduleFacts, projectFiles }: Omit<RunSettings, 'write'>): FileResult[] {
  return chunk.jobs.map(({ file, display, transformIds, ...own }) => {
    const transforms = transformIds.map((id) => transformsById.get(id)!);
    const result = processFile(file, display, { ...own, transforms, write: false, moduleFacts, ...(projectFiles ? { projectFiles } : {}) });
    if (chunk.unifiedDiff && result.status === 'changed') result.unifiedDiff = unifiedDiff(result.path, result.before!, result.after!);
    return result;
  });
}

/** The worker side: process the chunks it is sent. */
function serveChunks(): void {
  const port = threads().parentPort!;
  const settings = { moduleFacts: createModuleLookup(), projectFiles: createProjectFiles() };
  port.on('message', (chunk: Chunk) => {
    const results = processChunk(chunk, settings).map(transferable);
    port.postMessage({ id: chunk.id, results } satisfies ChunkDone);
  });
}

/** A known error needs no stack (and loses its class on the way); an unexpected one keeps message and stack for --debug. */
function transferable(result: FileResult): FileResult {
  if (result.cause === undefined) return result;
  const { cause, ...rest } = result;
  if (cause instanceof DockmodError) return rest;
  const error = cause instanceof Error ? cause : new Error(String(cause));
  const copy = new Error(error.message);
  copy.stack = error.stack;
  return { ...rest, cause: copy };
}

if (process.env[WORKER_ENV] === WORKER_MARK && !threads().isMainThread && (threads().workerData as { mark?: string } | null)?.mark === WORKER_MARK) serveChunks();
