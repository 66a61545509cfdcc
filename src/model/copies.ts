// What the image's file system holds, as far as the Dockerfile says: the
// COPY/ADD instructions that bring files from the build context, the working
// directory of each instruction, and the mapping from a path in the image
// back to the file of the build context it came from.
import path from 'node:path/posix';
import { lineRef, type Document, type Instruction } from '../document.js';
import { chainInstructionsOf, expandVariables, stageChain, variablesBefore } from '../stage-facts.js';
import { stageOf, type Stage } from '../stages.js';
import { objectCache } from '../object-cache.js';

export interface ContextCopy {
  instruction: Instruction;
  /** Sources relative to the build context, normalized ('.' for the whole context); globs kept. */
  sources: string[];
  /** Absolute path in the image. */
  destination: string;
  /** The sources land inside `destination` (a folder), rather than as it. */
  intoFolder: boolean;
}

/** The first `count` copies of `list`: what the image holds before an instruction (a view, so no list is copied per question). */
export interface CopiesBefore {
  list: readonly ContextCopy[];
  count: number;
}

export type CopyReading = { copy: ContextCopy } | { unknown: string } | { notFromContext: true };

/** What a stage chain's instructions start from: the base image's working directory and the variables its ENV sets (`GOPATH=/go`). */
export interface ImageStart {
  workdir?: string;
  env: ReadonlyMap<string, string>;
}

/**
 * A COPY/ADD as the build context reaches it; `workdir` is the working directory it runs in, `imageEnv` the variables
 * the base image sets (Docker expands `$GOPATH` in COPY and WORKDIR with them; the Dockerfile's own ENV and ARG win).
 */
export function readCopy(doc: Document, instruction: Instruction, workdir: string | undefined, imageEnv: ReadonlyMap<string, string> = new Map()): CopyReading {
  if (instruction.flags.some((flag) => flag.name === 'from')) return { notFromContext: true };
  const words = copyWords(doc, instruction);
  if (!words) return { unknown: `${instruction.keyword} at line ${lineRef(instruction)} cannot be read` };
  if (words.some((word) => word.startsWith('<<'))) return { notFromContext: true };
  if (words.length < 2) return { unknown: `${instruction.keyword} at line ${lineRef(instruction)} names no destination` };
  let variables: Map<string, string | null> | undefined;
  const expanded = words.map((word) => (word.includes('$') ? expandVariables(word, (variables ??= variablesOver(imageEnv, doc, instruction))) : word));
  if (expanded.some((word) => word === undefined)) return { unknown: `${instruction.keyword} at line ${lineRef(instruction)} uses a variable with no known value` };
  const all = expanded as string[];
  const written = all.at(-1)!;
  const sources = all.slice(0, -1);
  if (sources.some((source) => /^[a-z][a-z0-9+.-]*:\/\//i.test(source) || source.startsWith('git@'))) return { notFromContext: true };
  const destination = resolveIn(workdir, written);
  if (destination === undefined) return { unknown: `${instruction.keyword} at line ${lineRef(instruction)} copies to a relative path in an unknown working directory` };
  const intoFolder = sources.length > 1 || written.endsWith('/') || written === '.' || /[*?[]/.test(sources[0]!) || written.endsWith('/.');
  return { copy: { instruction, sources: sources.map(normalizeSource), destination, intoFolder } };
}

/** The variables an instruction's words expand with: the Dockerfile's ENV and ARG before it, over the image's. */
export function variablesOver(imageEnv: ReadonlyMap<string, string>, doc: Document, instruction: Instruction): Map<string, string | null> {
  return new Map<string, string | null>([...imageEnv, ...variablesBefore(doc, instruction)]);
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

/** A source relative to the context root; Docker keeps `..` inside the context (`COPY .. .` copies the whole context). */
function normalizeSource(source: string): string {
  const normalized = path.normalize(`/${source}`).replace(/^\/+/, '');
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

interface ChainFiles {
  /** The chain's instructions (FROM lines left out), in source order. */
  instructions: readonly Instruction[];
  /** workdirs[i]: the working directory instructions[i] runs in; workdirs[instructions.length]: the one after them all. */
  workdirs: (string | undefined)[];
  /** The COPY/ADD instructions from the build context, oldest first, with the index of each in `instructions`. */
  copies: { at: number; copy: ContextCopy }[];
  unknown?: string;
}

const chainFiles = objectCache<Stage, ChainFiles>();

/** One pass over a stage chain: the working directory of every instruction and the copies from the context. */
function filesOfChain(doc: Document, stage: Stage, imageStart: (root: Stage) => ImageStart): ChainFiles {
  let facts = chainFiles.get(stage);
  if (facts) return facts;
  const chain = stageChain(stage);
  const instructions = chainInstructionsOf(stage);
  facts = { instructions, workdirs: [], copies: [] };
  const image = imageStart(chain[0]!);
  let workdir = image.workdir;
  for (const [index, item] of instructions.entries()) {
    facts.workdirs.push(workdir);
    if (item.keyword === 'WORKDIR') {
      const written = item.args.join(' ').trim();
      const value = written.includes('$') ? expandVariables(written, variablesOver(image.env, doc, item)) : written;
      workdir = value === undefined ? undefined : resolveIn(workdir ?? '/', value);
    } else if (item.keyword === 'COPY' || item.keyword === 'ADD') {
      const reading = readCopy(doc, item, facts.workdirs[index], image.env);
      if ('copy' in reading) facts.copies.push({ at: index, copy: reading.copy });
      else if ('unknown' in reading) facts.unknown ??= reading.unknown;
    }
  }
  facts.workdirs.push(workdir);
  chainFiles.set(stage, facts);
  return facts;
}

/** How many of the chain's instructions come before `instruction`. */
function countBefore(facts: ChainFiles, instruction: Instruction): number {
  let low = 0;
  let high = facts.instructions.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (facts.instructions[middle]!.start < instruction.start) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The working directory of `instruction`: WORKDIR lines of its stage chain over the base image's own. */
export function workdirBefore(doc: Document, instruction: Instruction, imageStart: (root: Stage) => ImageStart): string | undefined {
  const stage = stageOf(doc, instruction);
  if (!stage) return undefined;
  const facts = filesOfChain(doc, stage, imageStart);
  return facts.workdirs[countBefore(facts, instruction)];
}

const copyLists = objectCache<ChainFiles, ContextCopy[]>();

/** The COPY/ADD instructions from the build context before `instruction` in its stage chain, oldest first. */
export function contextCopiesBefore(doc: Document, instruction: Instruction, imageStart: (root: Stage) => ImageStart): CopiesBefore {
  const stage = stageOf(doc, instruction);
  if (!stage) return { list: [], count: 0 };
  const facts = filesOfChain(doc, stage, imageStart);
  let list = copyLists.get(facts);
  if (!list) copyLists.set(facts, (list = facts.copies.map((entry) => entry.copy)));
  const index = countBefore(facts, instruction);
  let low = 0;
  let high = facts.copies.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (facts.copies[middle]!.at < index) low = middle + 1;
    else high = middle;
  }
  return { list, count: low };
}

/**
 * The file of the build context that the image holds at `imagePath`, relative
 * to the context, as the latest COPY that puts one there says; `exists`
 * tells whether a context-relative file exists.
 */
export function contextFileAt(copies: CopiesBefore, imagePath: string, exists: (relative: string) => boolean): string | undefined {
  for (let i = copies.count - 1; i >= 0; i--) {
    const copy = copies.list[i]!;
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
