// Image references (`[registry/]path/name[:tag][@digest]`) split into parts
// with their positions, and the facts about the official golang image's names
// and tags.

export interface Span {
  start: number;
  end: number;
}

export interface ImageReference {
  /** The repository as written: `golang`, `docker.io/library/golang`, `registry.corp/golang`. */
  name: string;
  /** The tag without its `:`. */
  tag?: Span;
  /** The digest from its `@` to the end. */
  digest?: Span;
}

export function splitImageReference(reference: string): ImageReference {
  const at = reference.indexOf('@');
  const beforeDigest = at === -1 ? reference.length : at;
  const colon = reference.lastIndexOf(':', beforeDigest - 1);
  const hasTag = colon > reference.lastIndexOf('/', beforeDigest - 1);
  const parsed: ImageReference = { name: reference.slice(0, hasTag ? colon : beforeDigest) };
  if (hasTag) parsed.tag = { start: colon + 1, end: beforeDigest };
  if (at !== -1) parsed.digest = { start: at, end: reference.length };
  return parsed;
}

/**
 * The architecture repositories Docker Hub's official images are also pushed to (`arm64v8/golang`): the same image
 * and tags, for one architecture (https://github.com/docker-library/official-images#architectures-other-than-amd64).
 */
const OFFICIAL_ARCHITECTURES = ['amd64', 'arm32v5', 'arm32v6', 'arm32v7', 'arm64v8', 'i386', 'mips64le', 'ppc64le', 'riscv64', 's390x', 'winamd64'];

/** The names of the official image, on Docker Hub and on its public mirrors. */
const OFFICIAL_GOLANG_NAMES: readonly string[] = [
  'golang',
  'library/golang',
  'docker.io/golang',
  'docker.io/library/golang',
  'index.docker.io/library/golang',
  'public.ecr.aws/docker/library/golang',
  'mirror.gcr.io/library/golang',
  ...OFFICIAL_ARCHITECTURES.flatMap((architecture) => [`${architecture}/golang`, `docker.io/${architecture}/golang`, `index.docker.io/${architecture}/golang`]),
];

/** The official golang image, or `golang` / `library/golang` under one of the registries the user listed. */
export function isGolangImage(name: string, privateRegistries: readonly string[] = []): boolean {
  // Repository paths are lower-case by rule (Docker rejects `Golang`); only registry hosts ignore case.
  if (OFFICIAL_GOLANG_NAMES.includes(name)) return true;
  return privateRegistries.some((registry) => {
    const prefix = registry.replace(/\/+$/, '');
    if (prefix === '' || name.slice(0, prefix.length).toLowerCase() !== prefix.toLowerCase()) return false;
    const rest = name.slice(prefix.length);
    return rest === '/golang' || rest === '/library/golang';
  });
}

/**
 * `registry.corp.example/golang`, `quay.io/acme/golang`, `host:5000/library/golang`:
 * a golang image on a registry the user did not list. Returns the prefix to
 * list (`--golang-registry`), or undefined for other names.
 */
export function mirroredGolangPrefix(name: string): string | undefined {
  const parts = name.split('/');
  const host = parts[0]!.toLowerCase();
  const isRegistryHost = parts.length > 1 && (host.includes('.') || host.includes(':') || host === 'localhost');
  if (!isRegistryHost || parts.at(-1) !== 'golang') return undefined;
  const prefixParts = parts.slice(0, parts.at(-2) === 'library' && parts.length > 2 ? -2 : -1);
  return prefixParts.join('/');
}

export interface GolangTag {
  /** The version at the start of the tag, e.g. `1.23.4`. */
  version: Span;
  /** What follows the version's `-`, e.g. `alpine3.21` ('' when none). */
  variant: string;
}

/** Split a golang tag into version and variant; undefined for tags without a version (`latest`, `alpine`, `tip`). */
export function splitGolangTag(tag: string): GolangTag | undefined {
  const match = /^([0-9][0-9a-z.]*)(?:-(.+))?$/s.exec(tag);
  if (!match) return undefined;
  return { version: { start: 0, end: match[1]!.length }, variant: match[2] ?? '' };
}
