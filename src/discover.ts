// Which files are Dockerfiles. A walker of its own rather than a glob: it
// prunes ignored folders before reading them (node_modules, vendor, dot-folders,
// whatever the .gitignore files on the way say), never follows a symlinked
// folder, and yields paths in a stable sorted order.
import { lstatSync, readdirSync, readFileSync, type Dirent } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { TEMP_FILE_PATTERN } from './write.js';

export interface Discovered {
  files: string[];
  /** Paths given on the command line that could not be used, with the reason. */
  problems: { path: string; message: string }[];
  /** Temporary files an interrupted `dockmod --write` may have left (see write.ts). */
  leftovers: string[];
}

const SKIPPED_FOLDERS = new Set(['node_modules', 'vendor']);
/** Names that look like Dockerfiles but are documents, templates or tool files. */
export const NOT_DOCKERFILE_EXTENSIONS = new Set([
  'md', 'markdown', 'rst', 'txt', 'adoc', 'html', 'htm', 'pdf', 'png', 'svg', 'jpg', 'json', 'yaml', 'yml', 'toml',
  'sh', 'bash', 'ps1', 'py', 'go', 'js', 'ts', 'orig', 'rej', 'bak', 'swp', 'tmp', 'log', 'patch', 'diff', 'lock',
  'dockerignore', 'tmpl', 'tpl', 'template', 'j2', 'jinja', 'jinja2', 'erb', 'in', 'gotmpl', 'mustache', 'hbs',
]);

export function isDockerfileName(name: string): boolean {
  const lower = name.toLowerCase();
  if (lower === 'dockerfile' || lower === 'containerfile') return true;
  if (lower.endsWith('.dockerfile')) return lower.length > '.dockerfile'.length;
  for (const stem of ['dockerfile.', 'containerfile.']) {
    if (lower.startsWith(stem) && lower.length > stem.length) {
      const extension = lower.slice(lower.lastIndexOf('.') + 1);
      return !NOT_DOCKERFILE_EXTENSIONS.has(extension);
    }
  }
  return false;
}

/** Files named explicitly are taken whatever their name; folders are walked. */
export function discover(inputs: readonly string[]): Discovered {
  const files = new Set<string>();
  const problems: Discovered['problems'] = [];
  const leftovers: string[] = [];
  for (const input of inputs) {
    const absolute = path.resolve(input);
    let stat;
    try {
      stat = lstatSync(absolute);
    } catch {
      problems.push({ path: input, message: 'no such file or folder' });
      continue;
    }
    if (stat.isSymbolicLink()) {
      problems.push({ path: input, message: 'is a symbolic link; dockmod never writes through one (pass the path it points to)' });
    } else if (stat.isDirectory()) {
      walk(absolute, ignoresAbove(absolute), { files, leftovers });
    } else if (stat.isFile()) {
      files.add(absolute);
    } else {
      problems.push({ path: input, message: 'is not a regular file' });
    }
  }
  return { files: [...files].sort(), problems, leftovers };
}

interface IgnoreLayer {
  base: string;
  rules: Ignore;
}

function walk(dir: string, layers: IgnoreLayer[], found: { files: Set<string>; leftovers: string[] }): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  // Only folders that list a .gitignore are asked for one: a failed read costs an exception per folder.
  const own = entries.some((entry) => entry.name === '.gitignore') ? readIgnoreFile(dir) : undefined;
  const active = own ? [...layers, own] : layers;
  // This folder's path relative to each layer's base, so an entry's is one concatenation away.
  const prefixes = active.map((layer) => relativePrefix(layer.base, dir));
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name)) continue;
      if (isIgnored(active, prefixes, entry.name, true)) continue;
      walk(full, active, found);
    } else if (entry.isFile() && isDockerfileName(entry.name) && !isIgnored(active, prefixes, entry.name, false)) {
      found.files.add(full);
    } else if (entry.isFile() && TEMP_FILE_PATTERN.test(entry.name)) {
      found.leftovers.push(full);
    }
  }
}

/** `dir` relative to `base` (an ancestor or itself), with forward slashes and a trailing one; '' for base itself. */
function relativePrefix(base: string, dir: string): string {
  const relative = path.relative(base, dir).split(path.sep).join('/');
  return relative ? `${relative}/` : '';
}

function isIgnored(layers: IgnoreLayer[], prefixes: string[], name: string, isDir: boolean): boolean {
  for (const [index, layer] of layers.entries()) {
    const relative = prefixes[index] + name;
    if (!relative.startsWith('..') && layer.rules.ignores(isDir ? `${relative}/` : relative)) return true;
  }
  return false;
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

/** The .gitignore files between the repository root and `dir` (exclusive) also apply inside it. */
function ignoresAbove(dir: string): IgnoreLayer[] {
  if (exists(path.join(dir, '.git'))) return [];
  const chain: string[] = [];
  let current = path.dirname(dir);
  let child = dir;
  while (current !== child) {
    chain.unshift(current);
    if (exists(path.join(current, '.git'))) break;
    child = current;
    current = path.dirname(current);
  }
  if (!exists(path.join(chain[0] ?? dir, '.git'))) return [];
  return chain.map(readIgnoreFile).filter((layer): layer is IgnoreLayer => layer !== undefined);
}

function exists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}
