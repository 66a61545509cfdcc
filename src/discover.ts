// Which files are Dockerfiles. A walker of its own rather than a glob: it
// prunes excluded folders before reading them (version-control folders,
// node_modules, vendor, whatever the .gitignore files on the way say), never
// follows a symlinked folder, and yields paths in a stable sorted order
// (fast-glob was measured against it: see the README, "Which files").
import { lstatSync, readdirSync, readFileSync, type Dirent } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { systemMessage } from './files.js';
import { TEMP_FILE_PATTERN } from './write.js';
import { keepListing, keptKind } from './listings.js';
import { childPath, relativeWithSlashes } from './host-paths.js';

/** A path and what is wrong with it, or why it is left out. */
export interface PathProblem {
  path: string;
  message: string;
}

export interface Discovered {
  /** Dockerfiles found by name in the folders walked, and the files named explicitly: absolute, sorted. */
  files: string[];
  /** The files named on the command line (a subset of `files`): the file-name filter does not apply to them. */
  explicit: Set<string>;
  /** Paths given on the command line that an exclusion covers (kept out of `files`), with the reason. */
  ignored: PathProblem[];
  /** Paths given on the command line that could not be used, and folders that could not be read, with the reason. */
  problems: PathProblem[];
  /** Temporary files an interrupted `dockmod --write` may have left (see write.ts). */
  leftovers: string[];
  /** docker-compose and docker-bake files found in the folders walked (see build-files.ts). */
  buildFiles: string[];
  /** The folders walked (absolute). */
  walked: string[];
}

export interface DiscoverOptions {
  /** --no-ignore: process paths given explicitly even when an exclusion covers them. */
  noIgnore?: boolean;
  /** Without a repository, exclusions of an explicit path are read from here down (default: the current directory). */
  cwd?: string;
}

/** Folders never walked: version control, and other people's code. */
const VERSION_CONTROL_FOLDERS = new Set(['.git', '.hg', '.svn', '.jj']);
const SKIPPED_FOLDERS = new Set([...VERSION_CONTROL_FOLDERS, 'node_modules', 'vendor']);
/** What marks a repository's root: exclusions and configuration are looked up to it, not above. */
const REPOSITORY_MARKERS = ['.git', '.hg', '.jj'];

/** Names that look like Dockerfiles but are documents, templates or tool files. */
export const NOT_DOCKERFILE_EXTENSIONS = new Set([
  'md', 'markdown', 'rst', 'txt', 'adoc', 'html', 'htm', 'pdf', 'png', 'svg', 'jpg', 'json', 'yaml', 'yml', 'toml',
  'sh', 'bash', 'ps1', 'py', 'go', 'js', 'ts', 'orig', 'rej', 'bak', 'swp', 'tmp', 'log', 'patch', 'diff', 'lock',
  'dockerignore', 'tmpl', 'tpl', 'template', 'j2', 'jinja', 'jinja2', 'erb', 'in', 'gotmpl', 'mustache', 'hbs',
]);

/** Renovate's default match, case-insensitively: `Dockerfile`, `Dockerfile-prod`, `Dockerfile_dev`, `Containerfile.ci`, ... */
const DOCKERFILE_STEM = /^(docker|container)file/i;
/** ... and `api.Dockerfile`, `worker.containerfile`. */
const DOCKERFILE_SUFFIX = /\.(docker|container)file$/i;

export function isDockerfileName(name: string): boolean {
  if (DOCKERFILE_SUFFIX.test(name)) return true;
  if (!DOCKERFILE_STEM.test(name) || name.endsWith('~')) return false;
  const dot = name.lastIndexOf('.');
  return dot === -1 || !NOT_DOCKERFILE_EXTENSIONS.has(name.slice(dot + 1).toLowerCase());
}

/** docker-compose.yml, compose.yaml, docker-compose.prod.yml, docker-bake.json, docker-bake.override.json (HCL is not read). */
const BUILD_FILE = /^((docker-)?compose(\.[^/]+)?\.ya?ml|docker-bake(\.[^/]+)?\.json)$/i;

export function isBuildFileName(name: string): boolean {
  return BUILD_FILE.test(name);
}

/**
 * Folders are walked; files named explicitly are taken whatever their name.
 * Both obey the exclusions (unless `noIgnore`), as prettier and eslint do.
 */
export function discover(inputs: readonly string[], options: DiscoverOptions = {}): Discovered {
  const found: Discovered = { files: [], explicit: new Set(), ignored: [], problems: [], leftovers: [], buildFiles: [], walked: [] };
  const files = new Set<string>();
  const cwd = options.cwd ?? process.cwd();
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    let stat;
    try {
      stat = lstatSync(absolute);
    } catch {
      found.problems.push({ path: input, message: 'no such file or folder' });
      continue;
    }
    if (stat.isSymbolicLink()) {
      found.problems.push({ path: input, message: 'is a symbolic link; dockmod never writes through one (pass the path it points to)' });
      continue;
    }
    if (!stat.isDirectory() && !stat.isFile()) {
      found.problems.push({ path: input, message: 'is not a regular file' });
      continue;
    }
    const reason = options.noIgnore ? undefined : exclusionOf(absolute, stat.isDirectory(), cwd);
    if (reason !== undefined) {
      found.ignored.push({ path: input, message: reason });
    } else if (stat.isDirectory()) {
      found.walked.push(absolute);
      walk(absolute, ignoresAbove(absolute), { files, found, wanted: isDockerfileName });
    } else {
      files.add(absolute);
      found.explicit.add(absolute);
    }
  }
  found.files = [...files].sort();
  found.buildFiles = [...new Set(found.buildFiles)].sort();
  return found;
}

/** The docker-compose and docker-bake files below `root`, with the same exclusions as a walk for Dockerfiles. */
export function findBuildFiles(root: string): string[] {
  const found: Discovered = { files: [], explicit: new Set(), ignored: [], problems: [], leftovers: [], buildFiles: [], walked: [root] };
  walk(root, ignoresAbove(root), { files: new Set(), found, wanted: () => false });
  return found.buildFiles.sort();
}

interface IgnoreLayer {
  base: string;
  rules: Ignore;
}

interface Walk {
  files: Set<string>;
  found: Discovered;
  wanted: (name: string) => boolean;
}

function walk(dir: string, layers: IgnoreLayer[], state: Walk): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    state.found.problems.push({ path: dir, message: `is a folder that ${systemMessage(error, 'cannot be read')}` });
    return;
  }
  // Only folders that list a .gitignore are asked for one: a failed read costs an exception per folder.
  const own = entries.some((entry) => entry.name === '.gitignore') ? readIgnoreFile(dir) : undefined;
  const active = own ? [...layers, own] : layers;
  // This folder's path relative to each layer's base, so an entry's is one concatenation away.
  const prefixes = active.map((layer) => relativePrefix(layer.base, dir));
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  keepListing(dir, entries.map((entry) => entry.name), entries.map((entry) => (entry.isFile() ? 'f' : entry.isDirectory() ? 'd' : 'o')).join(''));
  const inDir = childPath(dir);
  for (const entry of entries) {
    if (entry.isDirectory()) {
      if (SKIPPED_FOLDERS.has(entry.name) || ignoringLayer(active, prefixes, entry.name, true)) continue;
      walk(inDir(entry.name), active, state);
    } else if (!entry.isFile()) {
      continue;
    } else if (state.wanted(entry.name)) {
      if (!ignoringLayer(active, prefixes, entry.name, false)) state.files.add(inDir(entry.name));
    } else if (isBuildFileName(entry.name)) {
      if (!ignoringLayer(active, prefixes, entry.name, false)) state.found.buildFiles.push(inDir(entry.name));
    } else if (TEMP_FILE_PATTERN.test(entry.name)) {
      state.found.leftovers.push(inDir(entry.name));
    }
  }
}

/** `dir` relative to `base` (an ancestor or itself), with forward slashes and a trailing one; '' for base itself. */
function relativePrefix(base: string, dir: string): string {
  const relative = relativeWithSlashes(base, dir);
  return relative ? `${relative}/` : '';
}

/** The .gitignore layer that excludes `name` (in the folder `prefixes` describe), if any. */
function ignoringLayer(layers: IgnoreLayer[], prefixes: string[], name: string, isDir: boolean): IgnoreLayer | undefined {
  for (const [index, layer] of layers.entries()) {
    const relative = prefixes[index] + name;
    if (!relative.startsWith('..') && layer.rules.ignores(isDir ? `${relative}/` : relative)) return layer;
  }
  return undefined;
}

function readIgnoreFile(dir: string): IgnoreLayer | undefined {
  let content: string;
  try {
    content = readFileSync(path.join(dir, '.gitignore'), 'utf8');
  } catch {
    return undefined;
  }
  return { base: dir, rules: ignore().add(content) };
}

/** The nearest folder at or above `start` that holds a repository (.git, .hg or .jj), or undefined. */
export function repositoryRoot(start: string): string | undefined {
  for (let dir = start, parent = path.dirname(dir); ; dir = parent, parent = path.dirname(dir)) {
    if (isRepositoryRoot(dir)) return dir;
    if (parent === dir) return undefined;
  }
}

export function isRepositoryRoot(dir: string): boolean {
  return REPOSITORY_MARKERS.some((marker) => {
    const file = path.join(dir, marker);
    const kept = keptKind(file);
    return kept === undefined ? exists(file) : kept !== 'none';
  });
}

/** The .gitignore files between the repository root and `dir` (exclusive) also apply inside it. */
function ignoresAbove(dir: string): IgnoreLayer[] {
  const root = repositoryRoot(dir);
  if (root === undefined || root === dir) return [];
  const chain: string[] = [];
  for (let current = path.dirname(dir); ; current = path.dirname(current)) {
    chain.unshift(current);
    if (current === root) break;
  }
  return chain.map(readIgnoreFile).filter((layer): layer is IgnoreLayer => layer !== undefined);
}

/**
 * Why a walk would not reach `target` (a file, or a folder when `isDir`): a
 * folder on the way that is never walked, or a .gitignore rule. Checked from
 * the repository root down, or from `cwd` outside a repository.
 */
export function exclusionOf(target: string, isDir: boolean, cwd: string): string | undefined {
  const inside = (dir: string): boolean => !path.relative(dir, target).startsWith('..');
  const root = repositoryRoot(isDir ? target : path.dirname(target)) ?? (inside(cwd) ? cwd : path.dirname(target));
  if (target === root) return undefined;
  const parts = path.relative(root, target).split(path.sep);
  let layers: IgnoreLayer[] = [];
  let dir = root;
  for (const [index, name] of parts.entries()) {
    const own = readIgnoreFile(dir);
    if (own) layers = [...layers, own];
    const last = index === parts.length - 1;
    const childIsDir = !last || isDir;
    const shown = parts.slice(0, index + 1).join('/');
    if (childIsDir && SKIPPED_FOLDERS.has(name)) return `inside ${shown}/, which dockmod never walks`;
    const layer = ignoringLayer(layers, layers.map((each) => relativePrefix(each.base, dir)), name, childIsDir);
    if (layer) return `matched by ${relativePrefix(root, layer.base)}.gitignore`;
    dir = path.join(dir, name);
  }
  return undefined;
}

function exists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}
