// Paths on this machine, joined and made relative by string operations where
// that gives what node:path gives: the walks call these per folder entry, and
// path.join / path.relative (normalising every time) were a tenth of a walk.

import path from 'node:path';

/** The path of a name listed in `dir` (absolute, normalised): what path.join gives, by concatenation where the separator is '/'. */
export function childPath(dir: string): (name: string) => string {
  if (path.sep !== '/') return (name) => path.join(dir, name);
  const prefix = dir.endsWith('/') ? dir : `${dir}/`;
  return (name) => prefix + name;
}

/** A `.` or `..` segment, or an empty one: path.relative would normalise them away. */
const NOT_NORMALISED = /(?:^|\/)\.{1,2}(?:\/|$)|\/\//;

/**
 * `target` relative to `base` with forward slashes, as
 * `path.relative(base, target).split(path.sep).join('/')` gives it; both
 * absolute. A normalised target below base is sliced, anything else goes through path.relative.
 */
export function relativeWithSlashes(base: string, target: string): string {
  if (path.sep === '/') {
    if (target === base) return '';
    const prefix = base.endsWith('/') ? base : `${base}/`;
    if (target.startsWith(prefix) && !target.endsWith('/')) {
      const below = target.slice(prefix.length);
      if (!NOT_NORMALISED.test(below)) return below;
    }
  }
  return path.relative(base, target).split(path.sep).join('/');
}
