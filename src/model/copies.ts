// What the image's file system holds, as far as the Dockerfile says: the
// COPY/ADD instructions that bring files from the build context, the working
// directory of each instruction, and the mapping from a path in the image
// back to the file of the build context it came from.
import path from 'node:path/posix';
import type { Document, Instruction } from '../document.js';
import { expandVariables, stageChain, variablesBefore } from '../stage-facts.js';
import { stageOf, type Stage } from '../stages.js';

export interface ContextCopy {
  instruction: Instruction;
  /** Sources relative to the build context, normalized ('.' for the whole context); globs kept. */
  sources: string[];
  /** Absolute path in the image. */
  destination: string;
  /** The sources land inside `destination` (a folder), rather than as it. */
  intoFolder: boolean;
}

export type CopyReading = { copy: ContextCopy } | { unknown: string } | { notFromContext: true };

/** A COPY/ADD as the build context reaches it; `workdir` is the working directory it runs in. */
export function readCopy(doc: Document, instruction: Instruction, workdir: string | undefined): CopyReading {
  if (instruction.flags.some((flag) => flag.name === 'from')) return { notFromContext: true };
  const words = copyWords(doc, instruction);
  if (!words) return { unknown: `${instruction.keyword} at line ${instruction.line + 1} cannot be read` };
  if (words.some((word) => word.startsWith('<<'))) return { notFromContext: true };
  if (words.length < 2) return { unknown: `${instruction.keyword} at line ${instruction.line + 1} names no destination` };
  const variables = variablesBefore(doc, instruction);
  const expanded = words.map((word) => (word.includes('$') ? expandVariables(word, variables) : word));
  if (expanded.some((word) => word === undefined)) return { unknown: `${instruction.keyword} at line ${instruction.line + 1} uses a variable with no known value` };
  const all = expanded as string[];
  const written = all.at(-1)!;
  const sources = all.slice(0, -1);
  if (sources.some((source) => /^[a-z][a-z0-9+.-]*:\/\//i.test(source) || source.startsWith('git@'))) return { notFromContext: true };
  const destination = resolveIn(workdir, written);
  if (destination === undefined) return { unknown: `${instruction.keyword} at line ${instruction.line + 1} copies to a relative path in an unknown working directory` };
  const intoFolder = sources.length > 1 || written.endsWith('/') || written === '.' || /[*?[]/.test(sources[0]!) || written.endsWith('/.');
  return { copy: { instruction, sources: sources.map(normalizeSource), destination, intoFolder } };
}

/** The source and destination words of a COPY/ADD, JSON form included; undefined when unreadable. */
function copyWords(doc: Document, instruction: Instruction): string[] | undefined {
  const rest = doc.text.slice(instruction.argsStart, instruction.end).trim();
  if (rest.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(rest.replace(new RegExp(`\\${doc.escapeChar}\\r?\\n`, 'g'), ''));
      return Array.isArray(parsed) && parsed.every((item) => typeof item === 'string') ? parsed : undefined;
    } catch {
      return undefined;
    }
  }
  return instruction.args.filter((arg) => arg !== doc.escapeChar && !arg.startsWith('--'));
}

function normalizeSource(source: string): string {
  const normalized = path.normalize(source.replace(/^\/+/, ''));
  return normalized === '' || normalized === './' ? '.' : normalized.replace(/\/$/, '');
}

/** `target` resolved against `workdir` (undefined when relative and the working directory is unknown). */
export function resolveIn(workdir: string | undefined, target: string): string | undefined {
  if (target.startsWith('/')) return normalizeImagePath(target);
  if (workdir === undefined) return undefined;
  return normalizeImagePath(path.join(workdir, target));
}

export function normalizeImagePath(target: string): string {
  const normalized = path.normalize(target);
  return normalized.length > 1 ? normalized.replace(/\/$/, '') : normalized;
}

/** The working directory of `instruction`: WORKDIR lines of its stage chain over the base image's own. */
export function workdirBefore(doc: Document, instruction: Instruction, imageWorkdir: (root: Stage) => string | undefined): string | undefined {
  const stage = stageOf(doc, instruction);
  if (!stage) return undefined;
  const chain = stageChain(stage);
  let workdir = imageWorkdir(chain[0]!);
  for (const item of chain.flatMap((s) => s.instructions)) {
    if (item.start >= instruction.start) break;
    if (item.keyword !== 'WORKDIR') continue;
    const written = item.args.join(' ').trim();
    const value = written.includes('$') ? expandVariables(written, variablesBefore(doc, item)) : written;
    workdir = value === undefined ? undefined : resolveIn(workdir ?? '/', value);
  }
  return workdir;
}

/** The COPY/ADD instructions from the build context before `instruction` in its stage chain, oldest first. */
export function contextCopiesBefore(
  doc: Document,
  instruction: Instruction,
  imageWorkdir: (root: Stage) => string | undefined,
): { copies: ContextCopy[]; unknown?: string } {
  const stage = stageOf(doc, instruction);
  if (!stage) return { copies: [] };
  const copies: ContextCopy[] = [];
  let unknown: string | undefined;
  for (const item of stageChain(stage).flatMap((s) => s.instructions)) {
    if (item.start >= instruction.start) break;
    if (item.keyword !== 'COPY' && item.keyword !== 'ADD') continue;
    const reading = readCopy(doc, item, workdirBefore(doc, item, imageWorkdir));
    if ('copy' in reading) copies.push(reading.copy);
    else if ('unknown' in reading) unknown ??= reading.unknown;
  }
  return unknown === undefined ? { copies } : { copies, unknown };
}

/**
 * The file of the build context that the image holds at `imagePath`, relative
 * to the context, as the latest COPY that puts one there says; `exists`
 * tells whether a context-relative file exists.
 */
export function contextFileAt(copies: readonly ContextCopy[], imagePath: string, exists: (relative: string) => boolean): string | undefined {
  for (let i = copies.length - 1; i >= 0; i--) {
    const copy = copies[i]!;
    for (const source of copy.sources) {
      const found = sourceFileAt(copy, source, imagePath, exists);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

function sourceFileAt(copy: ContextCopy, source: string, imagePath: string, exists: (relative: string) => boolean): string | undefined {
  const { destination } = copy;
  const isGlob = /[*?[]/.test(source);
  if (!isGlob) {
    // A folder's contents land in the destination; a file lands in it (intoFolder) or as it.
    if (isInside(imagePath, destination)) {
      const relative = imagePath === destination ? '' : imagePath.slice(destination === '/' ? 1 : destination.length + 1);
      const asFolderContent = joinRelative(source, relative);
      if (relative !== '' && exists(asFolderContent)) return asFolderContent;
    }
    // `COPY go.mod /app` copies into /app when /app is a folder already: both readings are taken.
    const landsAt = imagePath === joinImage(destination, path.basename(source)) || (!copy.intoFolder && imagePath === destination);
    if (landsAt && source !== '.' && exists(source)) return source;
    return undefined;
  }
  if (path.dirname(imagePath) !== destination) return undefined;
  const name = path.basename(imagePath);
  const folder = path.dirname(source);
  if (/[*?[]/.test(folder) || !globToRegExp(path.basename(source)).test(name)) return undefined;
  const candidate = joinRelative(folder === '.' ? '.' : folder, name);
  return exists(candidate) ? candidate : undefined;
}

function isInside(child: string, parent: string): boolean {
  return child === parent || parent === '/' || child.startsWith(`${parent}/`);
}

function joinRelative(folder: string, relative: string): string {
  if (folder === '.') return relative === '' ? '.' : relative;
  return relative === '' ? folder : `${folder}/${relative}`;
}

function joinImage(folder: string, name: string): string {
  return folder === '/' ? `/${name}` : `${folder}/${name}`;
}

/** A COPY source pattern (Go's filepath.Match syntax) as a regular expression for one path segment. */
export function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else if (ch === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close === -1) source += '\\[';
      else {
        source += `[${pattern.slice(i + 1, close).replace(/^\^/, '^').replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else source += ch.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}
