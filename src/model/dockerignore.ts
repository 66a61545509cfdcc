// The build context's .dockerignore, for what the model asks of it. Read with
// gitignore rules (the `ignore` package), which also match a pattern without a
// slash below the root, where Docker matches it at the root only: used where
// excluding too much is the safe side (module folders the image lacks).
import nodePath from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { objectCache } from '../stages.js';
import type { ProjectFiles } from './files.js';

/** The context's path (relative, `/`-separated) is left out of the build by .dockerignore (or may be). */
export type ContextExcludes = (relative: string) => boolean;

const NOTHING_EXCLUDED: ContextExcludes = () => false;

export function contextExcludesOf(files: ProjectFiles, contextDir: string | undefined): ContextExcludes {
  if (contextDir === undefined) return NOTHING_EXCLUDED;
  let known = byFiles.get(files);
  if (!known) byFiles.set(files, (known = new Map()));
  let excludes = known.get(contextDir);
  if (!excludes) {
    const text = files.read(nodePath.join(contextDir, '.dockerignore'));
    let matcher: Ignore | undefined;
    try {
      matcher = text === undefined ? undefined : ignore().add(text.replace(/^\s*\/+/gm, ''));
    } catch {
      matcher = undefined; // a pattern the package rejects: nothing is taken as excluded
    }
    excludes = matcher ? (relative) => relative !== '' && matcher.ignores(relative) : NOTHING_EXCLUDED;
    known.set(contextDir, excludes);
  }
  return excludes;
}

const byFiles = objectCache<ProjectFiles, Map<string, ContextExcludes>>();
