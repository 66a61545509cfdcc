// RUN --mount flag values: `type=cache,target=/x,id=y`, read the way BuildKit
// reads them (one CSV record of key=value fields).
import { objectCache } from './object-cache.js';

/** `type=cache,target=/x,id=y` as a map; BuildKit reads it as one CSV record, so fields may be quoted. */
export function parseMountOptions(value: string): Map<string, string> {
  const options = new Map<string, string>();
  for (const field of splitCsv(value)) {
    const equals = field.indexOf('=');
    const key = (equals === -1 ? field : field.slice(0, equals)).trim().toLowerCase();
    options.set(key, equals === -1 ? '' : field.slice(equals + 1).trim());
  }
  return options;
}

function splitCsv(value: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch === '"') {
      if (quoted && value[i + 1] === '"') {
        field += '"';
        i++;
      } else {
        quoted = !quoted;
      }
    } else if (ch === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else {
      field += ch;
    }
  }
  fields.push(field);
  return fields;
}

/** The mount's type; BuildKit's default is a bind mount. */
export function mountType(options: ReadonlyMap<string, string>): string {
  return options.get('type') ?? 'bind';
}

/** Targets a Go module cache or build cache mount is recognised by, whatever the image's paths. */
/** A mount at `existing` already provides `wanted` when it is the same folder or one above it. */
export function mountCovers(existing: string, wanted: string): boolean {
  return existing === wanted || wanted.startsWith(existing === '/' ? '/' : `${existing}/`);
}

export const MODULE_CACHE_TARGET = /(?:^|\/)pkg\/mod$|GOMODCACHE/;
/** A cache mount of $GOPATH/pkg where GOPATH is not known (`/go/pkg`, `/home/app/go/pkg`): the folder that holds the module cache, pkg/mod. */
export const GOPATH_PKG_TARGET = /^(?:\/[^/]+)*\/go\/pkg$/;
export const BUILD_CACHE_TARGET = /go-build$|GOCACHE/;

const mountOptionsByFlags = objectCache<readonly { name: string; value: string | null }[], ReadonlyMap<string, string>[]>();

/** The options of each of a RUN's `--mount` flags, in order (read once per flag list: a parsed instruction's flags never change). */
export function mountOptionsOf(flags: readonly { name: string; value: string | null }[]): readonly ReadonlyMap<string, string>[] {
  let options = mountOptionsByFlags.get(flags);
  if (!options) mountOptionsByFlags.set(flags, (options = flags.flatMap((flag) => (flag.name === 'mount' && flag.value !== null ? [parseMountOptions(flag.value)] : []))));
  return options;
}

/** A mount's target as written (`target=`, `dst=` or `destination=`), undefined when it has none. */
export function mountTarget(options: ReadonlyMap<string, string>): string | undefined {
  return options.get('target') ?? options.get('dst') ?? options.get('destination');
}

/** The targets of a RUN's `--mount=type=cache` flags as written, trailing slashes dropped. */
export function cacheMountTargets(flags: readonly { name: string; value: string | null }[]): string[] {
  return mountOptionsOf(flags)
    .filter((options) => mountType(options) === 'cache')
    .map((options) => (mountTarget(options) ?? '').replace(/\/+$/, ''));
}
