// The files around a Dockerfile that decide what its build reads: the build
// context's folders, go.mod / go.work / vendor/modules.txt, .dockerignore.
// Read through one cached accessor, so a monorepo's Dockerfiles share the
// look-ups and tests can bound them to a folder.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { objectCache } from '../object-cache.js';
import { keptKind, keptListing } from '../listings.js';
import { childPath } from '../host-paths.js';

export interface ProjectFiles {
  isFile(file: string): boolean;
  isDirectory(dir: string): boolean;
  /** The file's text, or undefined when it cannot be read. */
  read(file: string): string | undefined;
  /** Names in a folder ([] when it cannot be read). */
  list(dir: string): string[];
  /** The folder above which no look-up goes (the repository root), for a file or folder inside it. */
  rootOf(dir: string): string;
}

/** Folders Go never treats as packages of the module (and those that start a module of their own). */
const NOT_PACKAGE_FOLDER = /^(?:[._].*|testdata|vendor|node_modules)$/;

/** The real file system, cached per path; `bound` (a test's case folder) stands in for the repository root. */
export function createProjectFiles(bound?: string): ProjectFiles {
  const stats = new Map<string, 'file' | 'dir' | 'none'>();
  const texts = new Map<string, string | undefined>();
  const listings = new Map<string, string[]>();
  const roots = new Map<string, string>();
  const kind = (target: string): 'file' | 'dir' | 'none' => {
    let known = stats.get(target);
    if (known === undefined) {
      // The walk for Dockerfiles may have listed the folder already (see listings.ts).
      const kept = keptKind(target);
      if (kept !== undefined && kept !== 'other') return kept;
      try {
        const stat = statSync(target, { throwIfNoEntry: false });
        known = stat?.isFile() ? 'file' : stat?.isDirectory() ? 'dir' : 'none';
      } catch {
        known = 'none';
      }
      stats.set(target, known);
    }
    return known;
  };
  const files: ProjectFiles = {
    isFile: (file) => kind(file) === 'file',
    isDirectory: (dir) => kind(dir) === 'dir',
    read(file) {
      if (!texts.has(file)) {
        let text: string | undefined;
        try {
          text = files.isFile(file) ? readFileSync(file, 'utf8') : undefined;
        } catch {
          text = undefined;
        }
        texts.set(file, text);
      }
      return texts.get(file);
    },
    list(dir) {
      let names = listings.get(dir);
      if (!names) {
        const kept = keptListing(dir);
        if (kept) return kept.names;
        try {
          const entries = readdirSync(dir, { withFileTypes: true });
          // The listing tells files and folders apart: no stat for them later (a symlink is still stat'ed, to follow it).
          for (const entry of entries) {
            const kindOfEntry = entry.isFile() ? 'file' : entry.isDirectory() ? 'dir' : undefined;
            if (kindOfEntry) stats.set(path.join(dir, entry.name), kindOfEntry);
          }
          names = entries.map((entry) => entry.name).sort();
        } catch {
          names = [];
        }
        listings.set(dir, names);
      }
      return names;
    },
    rootOf(dir) {
      const start = path.resolve(dir);
      let root = roots.get(start);
      if (root === undefined) {
        root = start;
        for (let current = start; ; current = path.dirname(current)) {
          if (current === bound || kind(path.join(current, '.git')) !== 'none') {
            root = current;
            break;
          }
          if (path.dirname(current) === current) {
            root = bound ?? start;
            break;
          }
        }
        roots.set(start, root);
      }
      return root;
    },
  };
  return files;
}

/** No files at all: a Dockerfile given as text alone. */
export const NO_FILES: ProjectFiles = {
  isFile: () => false,
  isDirectory: () => false,
  read: () => undefined,
  list: () => [],
  rootOf: (dir) => dir,
};

/**
 * The folders of the module rooted at `moduleDir` that hold .go files,
 * relative to it ('' for the root), as `go mod tidy` loads them: not
 * vendor/, testdata/, folders starting with `.` or `_`, nor nested modules.
 */
export function goPackageFolders(files: ProjectFiles, moduleDir: string, limit = 2000): string[] {
  // The same module is asked about by each of its Dockerfiles, each go command and each parse: walked once per file-system view.
  let walked = packageFolders.get(files);
  if (!walked) packageFolders.set(files, (walked = new Map()));
  const key = `${limit}\0${moduleDir}`;
  let found = walked.get(key);
  if (!found) walked.set(key, (found = walkPackageFolders(files, moduleDir, limit)));
  return found;
}

const packageFolders = objectCache<ProjectFiles, Map<string, string[]>>();

function walkPackageFolders(files: ProjectFiles, moduleDir: string, limit: number): string[] {
  const found: string[] = [];
  const visit = (relative: string): void => {
    if (found.length >= limit) return;
    const dir = path.join(moduleDir, relative);
    const inDir = childPath(dir);
    const names = files.list(dir);
    if (relative !== '' && names.includes('go.mod')) return;
    if (names.some((name) => name.endsWith('.go') && files.isFile(inDir(name)))) found.push(relative);
    for (const name of names) {
      if (NOT_PACKAGE_FOLDER.test(name)) continue;
      if (files.isDirectory(inDir(name))) visit(relative === '' ? name : `${relative}/${name}`);
    }
  };
  visit('');
  return found;
}
