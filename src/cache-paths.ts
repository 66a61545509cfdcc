// Where Go keeps its module cache and build cache for a given RUN, and as
// which uid: what a BuildKit cache mount needs to be right. Go's rules:
//   module cache = GOMODCACHE, else <first GOPATH entry>/pkg/mod, GOPATH defaulting to $HOME/go;
//   build cache  = GOCACHE, else $XDG_CACHE_HOME/go-build, else $HOME/.cache/go-build.
// The values come from the stage (ENV, ARG, `go env -w`, inherited through
// FROM <stage>), the command's own `VAR=value` prefix, and what dockmod knows
// of the base image. Anything it cannot know is an `unknown` reason.
import type { Document, Instruction } from './document.js';
import { environmentBefore, stageOf, type Stage } from './stages.js';
import { expandVariables, stageChain } from './stage-facts.js';
import type { ImageAccount } from './image-facts.js';
import type { BaseImage } from './model/base-image.js';
import { userBefore, type RunUser } from './users.js';

export interface GoCaches {
  moduleCache: string;
  buildCache: string;
  /** Set when the RUN runs as a non-root user: the mounts must belong to it. */
  uid?: string;
  gid?: string;
}

export type GoCachesResult = { caches: GoCaches } | { unknown: string };

/** The model's base image of a stage chain's root (ImageModel.baseImage). */
export type BaseImageOf = (root: Stage) => BaseImage;

const GO_PATH_VARIABLES = ['GOMODCACHE', 'GOCACHE', 'GOPATH', 'HOME', 'XDG_CACHE_HOME'] as const;

export function isGoPathVariable(name: string): boolean {
  return (GO_PATH_VARIABLES as readonly string[]).includes(name);
}

/**
 * The caches of a RUN, given the `NAME=value` words the go command itself is
 * prefixed with (they win over the stage's environment) and the model's
 * reader of base images.
 */
export function goCachesFor(doc: Document, instruction: Instruction, inline: ReadonlyMap<string, string>, imageOf: BaseImageOf): GoCachesResult {
  const stage = stageOf(doc, instruction);
  if (!stage) return { unknown: 'the RUN is not inside a stage' };
  const environment = environmentBefore(doc, instruction);
  const base = imageOf(stageChain(stage)[0]!);
  const unknownImage = base.cachePathsUnknown;
  const family = unknownImage === undefined ? base.family : undefined;
  const user = withImageAccount(userBefore(doc, instruction, new Map([...environment].map(([name, entry]) => [name, entry.value]))), family?.defaultUser);
  if (user.unknown) return { unknown: `${user.unknown}, so a cache mount cannot be given the right owner (uid=)` };
  if (user.imageDefault && unknownImage !== undefined) return { unknown: unknownImage };

  // The process environment (image, ENV, ARG, the command's prefix) wins over `go env -w`.
  const processEnv = new Map<string, string | null>(family?.env ?? []);
  const goEnvFile = new Map<string, string | null>();
  for (const [name, entry] of environment) (entry.instruction.keyword === 'RUN' ? goEnvFile : processEnv).set(name, entry.value);
  for (const [name, value] of inline) processEnv.set(name, value);
  if (!processEnv.has('HOME') && user.home !== undefined) processEnv.set('HOME', user.home);
  if (!processEnv.has('HOME') && user.root && unknownImage === undefined) processEnv.set('HOME', '/root');
  if (unknownImage !== undefined) {
    // The image may set GOCACHE or GOMODCACHE itself: only what this file sets is known.
    const missing = ['GOCACHE', processEnv.has('GOPATH') ? undefined : 'GOMODCACHE'].filter((name) => name && !processEnv.has(name));
    if (missing.length > 0) return { unknown: `${base.reference ?? base.written} may set Go's cache paths itself, and this stage does not set ${missing.join(' or ')}` };
  }

  const variables = new Map<string, string | null>([...goEnvFile, ...processEnv]);
  const value = (name: string): string | undefined => {
    const raw = variables.get(name);
    if (raw === undefined || raw === null || raw === '') return undefined;
    return expandVariables(raw, variables);
  };
  const unreadable = GO_PATH_VARIABLES.find((name) => variables.has(name) && variables.get(name) !== '' && value(name) === undefined);
  if (unreadable) return { unknown: `${unreadable} has no value dockmod can read here` };

  const home = value('HOME');
  const gopath = value('GOPATH')?.split(':')[0] ?? (home !== undefined ? `${home}/go` : undefined);
  const moduleCache = value('GOMODCACHE') ?? (gopath !== undefined ? `${gopath}/pkg/mod` : undefined);
  const xdgCache = value('XDG_CACHE_HOME');
  const buildCache = value('GOCACHE') ?? (xdgCache !== undefined ? `${xdgCache}/go-build` : home !== undefined ? `${home}/.cache/go-build` : undefined);
  const who = user.root ? 'root' : `uid ${user.uid}`;
  if (moduleCache === undefined) return { unknown: `the module cache path is unknown (no GOMODCACHE, GOPATH or HOME for ${who} in this stage)` };
  if (buildCache === undefined) return { unknown: `the build cache path is unknown (no GOCACHE or HOME for ${who} in this stage)` };
  for (const path of [moduleCache, buildCache]) {
    if (!path.startsWith('/')) return { unknown: `the cache path ${path} is not an absolute Linux path` };
    if (/[\s,"'=]/.test(path)) return { unknown: `the cache path ${path} would need quoting in a --mount flag` };
  }
  const caches: GoCaches = { moduleCache: normalizePath(moduleCache), buildCache: normalizePath(buildCache) };
  if (!user.root) {
    caches.uid = user.uid!;
    if (user.gid !== undefined) caches.gid = user.gid;
  }
  return { caches };
}

export function normalizePath(path: string): string {
  const collapsed = path.replace(/\/+/g, '/');
  return collapsed.length > 1 ? collapsed.replace(/\/$/, '') : collapsed;
}

/**
 * The image's own account where the file names it without saying its uid
 * (`USER default` in go-toolset), or gives the uid alone (`USER 1001`: its
 * primary group is the image's). Accounts the file creates win.
 */
function withImageAccount(user: RunUser, account: ImageAccount | undefined): RunUser {
  if (!account) return user;
  if (user.imageDefault) return account.uid === '0' ? user : { imageDefault: true, root: false, uid: account.uid, gid: account.gid };
  if (user.root || user.written === undefined || user.written.includes('$')) return user;
  const [name, group] = user.written.split(':');
  const groupId = group === undefined ? account.gid : /^\d+$/.test(group) ? group : group === 'root' ? '0' : undefined;
  if (user.unknown !== undefined && name === account.name && groupId !== undefined) {
    return { imageDefault: false, root: false, written: user.written, uid: account.uid, gid: groupId };
  }
  if (user.unknown === undefined && user.uid === account.uid && user.gid === undefined && group === undefined) return { ...user, gid: account.gid };
  return user;
}
