// The build context's .dockerignore (or the Dockerfile's own), for what the model asks of it: is this
// path of the context left out of the build? Read as Docker reads it
// (moby/patternmatcher): patterns matched from the context's root, `*` and `?`
// within one path element, `**` across them, the last matching pattern wins,
// and a pattern matching a parent folder matches everything in it. Where
// Docker's builders may differ, the answer errs on "left out", the safe side
// for its one use (module folders the image lacks make tidy `-e`): a `!`
// exception inside a left-out folder counts only when its text starts with
// that folder, the case every builder descends into the folder for.
import nodePath from 'node:path';
import { objectCache } from '../object-cache.js';
import type { ProjectFiles } from './files.js';

/** The context's path (relative, `/`-separated) is left out of the build by .dockerignore (or may be). */
export type ContextExcludes = (relative: string) => boolean;

const NOTHING_EXCLUDED: ContextExcludes = () => false;

interface IgnorePattern {
  /** A `!` pattern: what it matches is brought back. */
  exception: boolean;
  /** The pattern as cleaned (no leading `/`, no `!`). */
  text: string;
  matches: (path: string) => boolean;
}

/**
 * The ignore file a build of `dockerfile` with this context reads: `<Dockerfile>.dockerignore` beside the Dockerfile
 * when there is one (BuildKit reads it in place of the context's), else the context's `.dockerignore`.
 */
export function ignoreFileOf(files: ProjectFiles, dockerfile: string, contextDir: string): string {
  const own = `${dockerfile}.dockerignore`;
  return dockerfile !== '' && files.isFile(own) ? own : nodePath.join(contextDir, '.dockerignore');
}

export function contextExcludesOf(files: ProjectFiles, dockerfile: string, contextDir: string | undefined): ContextExcludes {
  if (contextDir === undefined) return NOTHING_EXCLUDED;
  let known = byFiles.get(files);
  if (!known) byFiles.set(files, (known = new Map()));
  const ignoreFile = ignoreFileOf(files, dockerfile, contextDir);
  let excludes = known.get(ignoreFile);
  if (!excludes) {
    const text = files.read(ignoreFile);
    const patterns = text === undefined ? undefined : parseDockerignore(text);
    excludes = patterns && patterns.length > 0 ? excludesBy(patterns) : NOTHING_EXCLUDED;
    known.set(ignoreFile, excludes);
  }
  return excludes;
}

const byFiles = objectCache<ProjectFiles, Map<string, ContextExcludes>>();

/** The patterns of a .dockerignore text, in order; undefined when one cannot be read (Docker would refuse the build: nothing is taken as excluded). */
export function parseDockerignore(text: string): IgnorePattern[] | undefined {
  const patterns: IgnorePattern[] = [];
  for (const [index, raw] of text.split('\n').entries()) {
    const line = index === 0 ? raw.replace(/^\uFEFF/, '') : raw;
    if (line.startsWith('#')) continue;
    let pattern = line.trim();
    if (pattern === '') continue;
    const exception = pattern.startsWith('!');
    if (exception) pattern = pattern.slice(1).trim();
    pattern = cleanPattern(pattern);
    if (pattern === '') return undefined; // a lone `!`: Docker refuses the file
    const matches = compilePattern(pattern);
    if (!matches) return undefined;
    patterns.push({ exception, text: pattern, matches });
  }
  return patterns;
}

/** Go's filepath.Clean, then no leading `/` (Docker matches from the context's root). */
function cleanPattern(pattern: string): string {
  if (pattern === '') return '';
  let cleaned = nodePath.posix.normalize(pattern);
  if (cleaned.length > 1 && cleaned.endsWith('/')) cleaned = cleaned.slice(0, -1);
  return cleaned.length > 1 && cleaned.startsWith('/') ? cleaned.slice(1) : cleaned;
}

const ESCAPED = new Set(['.', '+', '(', ')', '|', '{', '}', '$']);

/** A pattern as a test of a `/`-separated path; undefined when it is not a valid pattern. */
function compilePattern(pattern: string): ((path: string) => boolean) | undefined {
  const chars = [...pattern];
  let source = '^';
  let kind: 'exact' | 'prefix' | 'suffix' | 'regexp' = 'exact';
  for (let at = 0, step = 0; at < chars.length; step++) {
    const ch = chars[at++]!;
    if (ch === '*' && chars[at] === '*') {
      at++;
      if (chars[at] === '/') at++; // `**/` is `**`
      if (at >= chars.length) {
        // A trailing `**` takes everything below.
        if (kind === 'exact') kind = 'prefix';
        else [source, kind] = [`${source}.*`, 'regexp'];
      } else {
        [source, kind] = [`${source}(.*/)?`, 'regexp'];
      }
      if (step === 0) kind = 'suffix';
    } else if (ch === '*') {
      [source, kind] = [`${source}[^/]*`, 'regexp'];
    } else if (ch === '?') {
      [source, kind] = [`${source}[^/]`, 'regexp'];
    } else if (ESCAPED.has(ch)) {
      source += `\\${ch}`;
    } else if (ch === '\\') {
      if (at < chars.length) [source, kind] = [`${source}\\${chars[at++]!}`, 'regexp'];
      else source += '\\\\';
    } else if (ch === '[' || ch === ']') {
      [source, kind] = [source + ch, 'regexp'];
    } else {
      source += ch;
    }
  }
  if (kind === 'exact') return (path) => path === pattern;
  if (kind === 'prefix') {
    const prefix = pattern.slice(0, -2);
    return (path) => path.startsWith(prefix);
  }
  if (kind === 'suffix') {
    const suffix = pattern.slice(2);
    return (path) => path.endsWith(suffix) || (suffix.startsWith('/') && path === suffix.slice(1));
  }
  try {
    const regex = new RegExp(`${source}$`);
    return (path) => regex.test(path);
  } catch {
    return undefined;
  }
}

/** Docker's answer for one path: the last pattern that matches it or one of its parent folders decides. */
function ignoredByPatterns(patterns: readonly IgnorePattern[], path: string): boolean {
  const parents = path.split('/').slice(0, -1).map((_, index, parts) => parts.slice(0, index + 1).join('/'));
  let ignored = false;
  for (const pattern of patterns) {
    if (pattern.exception !== ignored) continue;
    if (pattern.matches(path) || parents.some((parent) => pattern.matches(parent))) ignored = !pattern.exception;
  }
  return ignored;
}

function excludesBy(patterns: readonly IgnorePattern[]): ContextExcludes {
  const exceptions = patterns.filter((pattern) => pattern.exception);
  // A left-out folder is entered (for exceptions inside it) when an exception's text starts with it; otherwise what is in it stays out.
  const prunes = (folder: string): boolean => ignoredByPatterns(patterns, folder) && !exceptions.some((exception) => `${exception.text}/`.startsWith(`${folder}/`));
  return (relative) => {
    if (relative === '' || relative === '.') return false;
    if (ignoredByPatterns(patterns, relative)) return true;
    const parts = relative.split('/');
    for (let end = 1; end < parts.length; end++) if (prunes(parts.slice(0, end).join('/'))) return true;
    return false;
  };
}
