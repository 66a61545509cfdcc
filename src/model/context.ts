// The build context a Dockerfile is built with: the one a compose or bake
// file declares for it, else the nearest folder (from the Dockerfile's own up
// to the repository root) in which everything it copies from the context exists.
import nodePath from 'node:path';
import type { Document } from '../document.js';
import { globToRegExp, readCopy, type ContextCopy } from './copies.js';
import type { ProjectFiles } from './files.js';
import { objectCache } from '../object-cache.js';

import type { DeclaredContext } from '../build-files.js';

export type { DeclaredContext };

export interface BuildContext {
  /** Absolute path of the context folder; undefined when it cannot be told. */
  dir?: string;
  how: 'declared' | 'inferred' | 'assumed' | 'unknown';
  /** One line for reports: how it was decided. */
  detail: string;
}

export const UNKNOWN_CONTEXT: BuildContext = { how: 'unknown', detail: 'no file system: the Dockerfile was given as text' };

export function buildContextOf(
  doc: Document,
  dockerfile: string,
  files: ProjectFiles,
  declared: DeclaredContext | undefined,
  copiesOf: (doc: Document) => ContextCopy[],
): BuildContext {
  // Plumbing (speed): a file is parsed again after each transform that changed it, mostly with the same COPY sources;
  // the context depends on nothing else of the text, so the last one computed in this view of the files is reused.
  if (declared || dockerfile === '') return contextFor(doc, dockerfile, files, declared, copiesOf);
  const copies = copiesOf(doc);
  const key = `${dockerfile}\u0000${copies.length > 0}\u0000${copies.map((copy) => copy.sources.join('\u0001')).join('\u0000')}`;
  const last = lastContexts.get(files);
  if (last?.key === key) return last.context;
  const context = contextFor(doc, dockerfile, files, declared, () => copies);
  lastContexts.set(files, { key, context });
  return context;
}

const lastContexts = objectCache<ProjectFiles, { key: string; context: BuildContext }>();

function contextFor(
  doc: Document,
  dockerfile: string,
  files: ProjectFiles,
  declared: DeclaredContext | undefined,
  copiesOf: (doc: Document) => ContextCopy[],
): BuildContext {
  if (declared) return { dir: declared.context, how: 'declared', detail: `declared by ${declared.declaredIn}` };
  if (dockerfile === '') return UNKNOWN_CONTEXT;
  const start = nodePath.dirname(nodePath.resolve(dockerfile));
  if (!files.isDirectory(start)) return { how: 'unknown', detail: `the Dockerfile's folder cannot be read` };
  const root = files.rootOf(start);
  const sources = [...new Set(copiesOf(doc).flatMap((copy) => copy.sources))].filter((source) => source !== '.');
  const candidates: string[] = [];
  for (let dir = start; ; dir = nodePath.dirname(dir)) {
    candidates.push(dir);
    if (dir === root || nodePath.dirname(dir) === dir) break;
  }
  const shown = (dir: string): string => nodePath.relative(root, dir) || '.';
  if (sources.length === 0) {
    // Only `COPY . .` (or nothing) to go by: the nearest folder that holds a go.mod, else the Dockerfile's own.
    const withModule = copiesOf(doc).length > 0 ? candidates.find((dir) => files.isFile(nodePath.join(dir, 'go.mod'))) : undefined;
    if (withModule) return { dir: withModule, how: 'inferred', detail: `${shown(withModule)}: the nearest folder with a go.mod (the file copies the whole context)` };
    return { dir: start, how: 'assumed', detail: `${shown(start)}: the Dockerfile's folder (nothing it copies tells otherwise)` };
  }
  const found = candidates.find((dir) => sources.every((source) => sourceExists(files, dir, source)));
  if (found) return { dir: found, how: 'inferred', detail: `${shown(found)}: the nearest folder in which every COPY/ADD source exists` };
  // BuildKit lets a wildcard match nothing (`COPY go.* *.go ./` with no .go file at the root): then the named sources decide,
  // with at least one source of the file found there.
  const named = sources.filter((source) => !/[*?[]/.test(source));
  const withEmptyWildcards = candidates.find((dir) => named.every((source) => sourceExists(files, dir, source)) && sources.some((source) => sourceExists(files, dir, source)));
  if (withEmptyWildcards) return { dir: withEmptyWildcards, how: 'inferred', detail: `${shown(withEmptyWildcards)}: the nearest folder in which every COPY/ADD source exists (a wildcard may match nothing)` };
  return { how: 'unknown', detail: `no folder from ${shown(start)} up to the repository root holds every COPY/ADD source` };
}

function sourceExists(files: ProjectFiles, dir: string, source: string): boolean {
  if (!/[*?[]/.test(source)) {
    const target = nodePath.join(dir, source);
    return files.isFile(target) || files.isDirectory(target);
  }
  const folder = nodePath.posix.dirname(source);
  if (/[*?[]/.test(folder)) return true;
  const pattern = globToRegExp(nodePath.posix.basename(source));
  return files.list(nodePath.join(dir, folder)).some((name) => pattern.test(name));
}

/** Every COPY/ADD of the file that reads the build context (working directories left aside: only sources matter here). */
export function allContextCopies(doc: Document): ContextCopy[] {
  const copies: ContextCopy[] = [];
  for (const instruction of doc.instructions) {
    if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') continue;
    const reading = readCopy(doc, instruction, '/');
    if ('copy' in reading) copies.push(reading.copy);
  }
  return copies;
}
