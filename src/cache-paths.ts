// Where Go keeps its module cache and build cache for a given RUN, and as
// which uid: what a BuildKit cache mount needs to be right. Go's rules:
//   module cache = GOMODCACHE, else <first GOPATH entry>/pkg/mod, GOPATH defaulting to $HOME/go;
//   build cache  = GOCACHE, else $XDG_CACHE_HOME/go-build, else $HOME/.cache/go-build.
// The values come from the stage (ENV, ARG, `go env -w`, inherited through
// FROM <stage>), the command's own `VAR=value` prefix, and what dockmod knows
// of the base image. Anything it cannot know is an `unknown` reason.
import type { Document, Instruction } from './document.js';
import { BUILD_CACHE_TARGET, GOPATH_PKG_TARGET, cacheMountTargets, MODULE_CACHE_TARGET, mountType, parseMountOptions } from './mounts.js';
import { goInvocations } from './run.js';
import { environmentBefore, runAnalysisOf, stageOf, type EnvEntry, type Stage } from './stages.js';
import { expandVariables, stageChain, variablesBefore } from './stage-facts.js';
import type { ImageAccount } from './image-facts.js';
import type { BaseImage } from './model/base-image.js';
import { sameUserKey, userBefore, type RunUser } from './users.js';

export interface GoCaches {
  moduleCache: string;
  /** Always set when asked with needsBuildCache (the default). */
  buildCache?: string;
  /** Options the file's own mounts give a target (`,id=gomod,uid=1000`), copied on mounts added there (an image dockmod does not know). */
  mountOptions?: ReadonlyMap<string, string>;
  /** Set when the RUN runs as a non-root user: the mounts must belong to it. */
  uid?: string;
  gid?: string;
  /** The non-root user's home (HOME), when known: caches under it are that user's alone. */
  home?: string;
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
export function goCachesFor(doc: Document, instruction: Instruction, inline: ReadonlyMap<string, string>, imageOf: BaseImageOf, needsBuildCache = true): GoCachesResult {
  const stage = stageOf(doc, instruction);
  if (!stage) return { unknown: 'the RUN is not inside a stage' };
  const environment = environmentBefore(doc, instruction);
  const base = imageOf(stageChain(stage)[0]!);
  const unknownImage = base.cachePathsUnknown;
  const known = unknownImage === undefined;
  const user = withImageAccount(userBefore(doc, instruction, variablesBefore(doc, instruction)), known ? base.defaultUser : undefined);
  if (user.unknown) return { unknown: `${user.unknown}, so a cache mount cannot be given the right owner (uid=)` };
  const declared = (): GoCaches | undefined =>
    [...inline.keys()].some(isGoPathVariable) ? undefined : cachesTheAuthorMounts(doc, instruction, stage, environment, user, needsBuildCache);
  if (user.imageDefault && unknownImage !== undefined) {
    const caches = declared();
    return caches ? { caches } : { unknown: unknownImage };
  }

  // The process environment (image, ENV, ARG, the command's prefix) wins over `go env -w`.
  const processEnv = new Map<string, string | null>(known ? base.env : []);
  const goEnvFile = new Map<string, string | null>();
  for (const [name, entry] of environment) (entry.instruction.keyword === 'RUN' ? goEnvFile : processEnv).set(name, entry.value);
  for (const [name, value] of inline) processEnv.set(name, value);
  if (!processEnv.has('HOME') && user.home !== undefined) processEnv.set('HOME', user.home);
  if (!processEnv.has('HOME') && user.root && unknownImage === undefined) processEnv.set('HOME', '/root');
  if (unknownImage !== undefined) {
    // The image may set GOCACHE or GOMODCACHE itself: only what this file sets is known.
    const missing = ['GOCACHE', processEnv.has('GOPATH') ? undefined : 'GOMODCACHE'].filter((name) => name && !processEnv.has(name));
    const caches = missing.length > 0 ? declared() : undefined;
    if (caches) return { caches };
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
    if (home !== undefined) caches.home = normalizePath(home);
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

/**
 * The caches the file's own RUNs mount, for a base image dockmod does not
 * know: RUNs of the same stage chain (the stage and those it is built FROM)
 * that run as the same user, with the same Go path variables, and mount a
 * cache at a module-cache target (`.../pkg/mod`) and a build-cache target
 * (`.../go-build`) declare where those caches are; a RUN that lacks them gets
 * the same mounts, with the same options (id=, uid=, gid=, sharing=...).
 * Undefined when no such RUN declares the module cache, or they disagree.
 */
function cachesTheAuthorMounts(doc: Document, instruction: Instruction, stage: Stage, environment: ReadonlyMap<string, EnvEntry>, user: RunUser, needsBuildCache: boolean): GoCaches | undefined {
  const pathsOf = (env: ReadonlyMap<string, EnvEntry>): string => GO_PATH_VARIABLES.map((name) => env.get(name)?.value ?? '\u0000').join('\u0001');
  const paths = pathsOf(environment);
  const declared = { module: new Set<string>(), build: new Set<string>() };
  const mountedAbove = new Set<string>();
  for (const run of stageChain(stage).flatMap((item) => item.instructions)) {
    if (run.keyword !== 'RUN' || cacheMountTargets(run.flags).length === 0) continue;
    const runEnvironment = environmentBefore(doc, run);
    if (pathsOf(runEnvironment) !== paths) continue;
    if (sameUserKey(userBefore(doc, run, new Map([...runEnvironment].map(([name, entry]) => [name, entry.value])))) !== sameUserKey(user)) continue;
    const gos = goInvocations(runAnalysisOf(doc, run));
    const runsGo = gos.length > 0;
    const prefixed = gos.some((go) => go.assignments.some((word) => isGoPathVariable(word.value.slice(0, word.value.indexOf('=')))));
    if (prefixed) continue;
    for (const flag of run.flags) {
      if (flag.name !== 'mount' || flag.value === null) continue;
      const options = parseMountOptions(flag.value);
      if (mountType(options) !== 'cache') continue;
      const written = options.get('target') ?? options.get('dst') ?? options.get('destination') ?? '';
      const target = written.includes('$') ? expandVariables(written, variablesBefore(doc, run)) : written;
      if (target === undefined || !target.startsWith('/')) continue;
      // A mount of $GOPATH/pkg (`target=/go/pkg`) holds the module cache: its pkg/mod is the folder, the author's mount the flag (add-cache-mounts reuses it).
      const gopath = runEnvironment.get('GOPATH')?.value?.split(':')[0];
      const holdsModules = !MODULE_CACHE_TARGET.test(target) && runsGo && (gopath ? normalizePath(target) === `${normalizePath(gopath)}/pkg` : GOPATH_PKG_TARGET.test(normalizePath(target)));
      const kind = MODULE_CACHE_TARGET.test(target) || holdsModules ? declared.module : BUILD_CACHE_TARGET.test(target) ? declared.build : undefined;
      if (!kind) continue;
      const rest = [...options].filter(([key]) => !['type', 'target', 'dst', 'destination'].includes(key));
      // A variable in an option (`uid=${UID}`) may mean something else, or nothing, where the flag is copied.
      if (rest.some(([, value]) => /[\s,"'=$]/.test(value))) return undefined;
      if (holdsModules) {
        // Its flag is the author's (add-cache-mounts finds it above the folder), not one with the options for pkg/mod.
        declared.module.add(`${normalizePath(target)}/mod`);
        mountedAbove.add(`${normalizePath(target)}/mod`);
      } else {
        kind.add(`${normalizePath(target)}${rest.map(([key, value]) => `,${key}=${value}`).join('')}`);
      }
    }
  }
  if (declared.module.size !== 1 || declared.build.size > 1 || (needsBuildCache && declared.build.size === 0)) return undefined;
  const mountOptions = new Map<string, string>();
  const split = (mount: string): string => {
    const comma = mount.indexOf(',');
    const target = comma === -1 ? mount : mount.slice(0, comma);
    if (!mountedAbove.has(mount)) mountOptions.set(target, comma === -1 ? '' : mount.slice(comma));
    return target;
  };
  const caches: GoCaches = { moduleCache: split([...declared.module][0]!), mountOptions };
  const build = [...declared.build][0];
  if (build !== undefined) caches.buildCache = split(build);
  return caches;
}
