// add-cache-mounts: give every RUN that runs Go a BuildKit cache mount for
// the module cache (and, when it compiles, the build cache), at the paths Go
// uses in that stage and owned by the user the RUN runs as.
import { continuationPattern, skipBlanksAndContinuations } from '../src/continuations.js';
import { lineRef, lineText, type Document, type Instruction } from '../src/document.js';
import { goCachesFor, isGoPathVariable, normalizePath, type GoCaches } from '../src/cache-paths.js';
import { commandsOf, getOnlyFetches, goInvocation, goInvocations, goVerb, type GoInvocation, type RunAnalysis } from '../src/run.js';
import { BUILD_CACHE_SINCE, compareGoVersions, MODULE_CACHE_SINCE, type GoVersion } from '../src/go-version.js';
import { credentialMountOf, hasCredentialsOf } from '../src/model/cache-flow.js';
import { cacheMountsLeftOn, noteOpaqueBuildLeft } from '../src/opaque-build-note.js';
import { BUILD_CACHE_TARGET, cacheMountTargets, MODULE_CACHE_TARGET, mountCovers, mountOptionsOf, mountTarget, mountType, parseMountOptions } from '../src/mounts.js';
import { sameUserKey, userBefore } from '../src/users.js';
import { chainInstructionsBefore, expandVariables, firstInChain, stageChain, variablesBefore } from '../src/stage-facts.js';
import { runAnalysisOf, stageOf, type Stage } from '../src/stages.js';
import { objectCache } from '../src/object-cache.js';
import { variablesOver } from '../src/model/copies.js';
import { holdsTheSystem } from '../src/image-facts.js';
import { posix } from 'node:path';
import type { Context, Transform } from '../src/transform.js';

const SYNTAX_DIRECTIVE = '# syntax=docker/dockerfile:1';
/** The directives BuildKit reads; any other `# name=value` line is a comment and ends the directives. */
const PARSER_DIRECTIVES = new Set(['syntax', 'escape', 'check']);

/** Go commands that compile: they read the module cache and write the build cache. */
const COMPILING = new Set(['build', 'install', 'test', 'run', 'generate', 'vet']);
/** Go commands that only fetch or check modules. */
const MODULE_ONLY = new Set(['mod download', 'mod tidy', 'mod verify', 'mod vendor', 'work sync', 'work vendor']);

export const addCacheMounts: Transform = {
  id: 'add-cache-mounts',
  summary: 'Add BuildKit cache mounts for the Go module and build caches to RUN instructions that run Go.',
  // make and scripts too: a build hidden in them gets a note, wherever the stage has Go (a golang image or package, goreleaser's).
  mayApply: (text) => /\bgo(?:1\.\d+(?:\.\d+)?)?\b|golang|goreleaser|make|mage|\.sh\b/.test(text),
  apply(ctx) {
    let added = false;
    const unknownPaths: UnknownPaths = new Map();
    for (const instruction of ctx.doc.instructions) {
      if (instruction.keyword !== 'RUN') continue;
      if (addToRun(ctx, instruction, unknownPaths)) added = true;
      noteOpaqueBuild(ctx, instruction);
    }
    for (const { offset, reason, later } of unknownPaths.values()) {
      const also = later.length === 0 ? '' : ` (nor on the RUN${later.length === 1 ? '' : 's'} at line${later.length === 1 ? '' : 's'} ${later.map(lineRef).join(', ')}, for the same reason)`;
      ctx.note(offset, `${reason}; no cache mount added${also}`);
    }
    if (added && ctx.options.syntaxDirective) addSyntaxDirective(ctx);
  },
};

/** Cache paths unknown for the same reason (an image dockmod does not know) in one stage: said once, at its first RUN. */
type UnknownPaths = Map<string, { offset: number; reason: string; later: Instruction[] }>;

interface WantedMount {
  target: string;
  caches: GoCaches;
}

/** Propose the mounts a RUN lacks; true when it proposed an edit. */
function addToRun(ctx: Context, instruction: Instruction, unknownPaths: UnknownPaths): boolean {
  const analysis = runAnalysisOf(ctx.doc, instruction);
  const needing = goInvocations(analysis).filter((go) => needsCaches(go) !== 'none' && goHas(ctx, instruction, BUILD_CACHE_SINCE));
  const first = needing[0];
  if (!first) return false;
  const leave = (reason: string): false => {
    ctx.note(first.subcommand.start, `${reason}; no cache mount added`);
    return false;
  };
  if (hasBothCacheMounts(instruction)) {
    const misplaced = misplacedCacheMount(ctx, instruction, analysis, first);
    if (misplaced) ctx.note(first.subcommand.start, misplaced);
    return false;
  }
  // A build driver beside the go commands (`go run build.go`, `... && make`) may read the modules an earlier step left in the layer; add-mod-flag's note says what is left.
  if (ctx.model().opaqueBuild(instruction)) return false;
  if (analysis.unclear) return leave(`this RUN cannot be read safely (${analysis.unclear})`);
  const setsPath = scriptSetsGoPath(analysis);
  if (setsPath) return leave(`the RUN sets ${setsPath} itself`);

  // A build from vendor/ or in GOPATH mode reads no module cache: it gets the build cache only, and nothing need be said about modules.
  const readingModules = needing.filter((go) => !buildsFromVendor(ctx, instruction, go) && !ctx.model().goCommand(instruction, go).noModuleCache && goHas(ctx, instruction, MODULE_CACHE_SINCE));
  const layerReader = readingModules.length === 0 ? undefined : moduleCacheKeptInLayer(ctx, instruction, readingModules);
  if (layerReader && needing.every((go) => needsCaches(go) === 'module')) {
    ctx.noteFact(first.subcommand.start, `kept-in-layer:${layerReader}`, `${layerReader}; no cache mount added`);
    return false;
  }
  let wanted: WantedMount[] = [];
  let walksCache: string | null | undefined;
  for (const go of needing) {
    const result = goCachesFor(ctx.doc, instruction, inlineVariables(go), ctx.model().baseImage, needsCaches(go) === 'module-and-build');
    if ('unknown' in result) {
      const key = `${stageOf(ctx.doc, instruction)?.index}:${result.unknown}`;
      const said = unknownPaths.get(key);
      if (ctx.insertedByDockmod(instruction.start)) return false;
      if (said) said.later.push(instruction);
      else unknownPaths.set(key, { offset: first.subcommand.start, reason: result.unknown, later: [] });
      return false;
    }
    const { caches } = result;
    // One command of the RUN that walks a module holding the cache keeps the mount off the whole RUN.
    if (walksCache === undefined) walksCache = readingModules.map((reader) => moduleCacheInsideModule(ctx, instruction, reader, caches.moduleCache)).find((reason) => reason !== undefined) ?? null;
    if (!layerReader && !walksCache && readingModules.includes(go)) wanted.push({ target: caches.moduleCache, caches });
    if (needsCaches(go) === 'module-and-build') wanted.push({ target: caches.buildCache!, caches });
  }
  if (walksCache) ctx.note(first.subcommand.start, `${walksCache}; no module-cache mount added`);
  const removedPath = removedPathReader(ctx, instruction);
  for (const mount of wanted) {
    const cleaned = cleansCache(analysis, mount.target, removedPath);
    if (cleaned === true) return leave(`the RUN deletes ${mount.target}, which a cache mount there would keep (or fail to remove)`);
    if (cleaned) return leave(`the RUN removes ${cleaned}, which may be ${mount.target} or hold it: a cache mount there would keep it (or fail to be removed)`);
  }
  // A chown or chmod over a cache folder keeps that mount off; the other cache still gets its own.
  const chowned = wanted.map((mount) => ({ mount, owned: ownerChangedOver(analysis, mount.target, removedPath) })).filter((entry) => entry.owned !== undefined);
  if (chowned.length > 0) {
    const reason = `the RUN changes the owner or mode of ${chowned[0]!.owned}, which holds ${chowned.map((entry) => entry.mount.target).join(' and ')} or may: under a cache mount that change reaches the cache, and the image keeps an empty root-owned mount point`;
    if (chowned.length === wanted.length) return leave(reason);
    ctx.note(first.subcommand.start, `${reason}; no mount added there`);
    wanted = wanted.filter((mount) => !chowned.some((entry) => entry.mount === mount));
  }
  if (layerReader) ctx.noteFact(first.subcommand.start, `kept-in-layer:${layerReader}`, `${layerReader}; no module-cache mount added`);

  // A mount over files an earlier COPY/ADD put there would hide them; the other cache still gets its mount.
  const hidden = wanted.filter((mount) => copiedInto(ctx.doc, instruction, mount.target));
  if (hidden.length > 0) {
    const reason = `an earlier COPY/ADD puts files in ${hidden.map((mount) => mount.target).join(' and ')}, which a cache mount there would hide`;
    if (hidden.length === wanted.length) return leave(reason);
    ctx.note(first.subcommand.start, `${reason}; no mount added there`);
    wanted = wanted.filter((mount) => !hidden.includes(mount));
  }

  const existing = existingMountTargets(ctx, instruction);
  if ('unknown' in existing) return leave(existing.unknown);
  const missing: WantedMount[] = [];
  for (const mount of wanted) {
    // A mount the author put inside the wanted folder (`/go/pkg/mod/cache`) is their choice of what to cache: it stays the only one.
    const covered = [...existing.targets, ...missing.map((m) => m.target)].some((target) => mountCovers(target, mount.target) || mountCovers(mount.target, target));
    if (!covered) missing.push(mount);
  }
  if (missing.length === 0) return false;
  const flagFor = (mount: WantedMount): string => (mount.caches.mountOptions?.has(mount.target) ? undefined : authorsMountAbove(ctx.doc, instruction, mount.target)) ?? mountFlag(mount);
  ctx.edit(flagInsertion(ctx.doc, instruction, analysis, missing.map(flagFor)));
  return true;
}

/**
 * Why the modules this RUN reads or fetches must stay in the image layer: a
 * later step needs them there, or this RUN cannot fetch them itself (no
 * network, GOPROXY=off, private modules an earlier RUN fetched with a secret).
 */
function moduleCacheKeptInLayer(ctx: Context, instruction: Instruction, gos: readonly GoInvocation[]): string | undefined {
  const model = ctx.model();
  const kept = model.modulesKeptInLayer(instruction);
  if (kept) return kept;
  const cannotFetch = gos.map((go) => model.goCommand(instruction, go).cannotFetch).find((reason) => reason !== undefined);
  if (cannotFetch) return `${cannotFetch}, so the build reads the modules already in the image`;
  // An earlier RUN that fetched with secret or ssh mounts this RUN lacks (any of them): it reads those modules from the image.
  const stage = stageOf(ctx.doc, instruction);
  const fetchesPrivately = (item: Instruction): boolean => item.keyword === 'RUN' && credentialMountOf(item) !== undefined && goInvocations(runAnalysisOf(ctx.doc, item)).length > 0;
  const anyBefore = stage !== undefined && firstInChain(stage, 'private module fetch', fetchesPrivately) < instruction.start;
  const privateFetch = anyBefore ? chainInstructionsBefore(ctx.doc, instruction).find((item) => fetchesPrivately(item) && !hasCredentialsOf(instruction, item)) : undefined;
  if (privateFetch) return 'an earlier RUN fetched modules with a secret or ssh mount (private modules) that this RUN lacks, so it reads them from the image';
  return undefined;
}

/** A build hidden in make or a script gets no mounts (its go commands are out of sight): said, unless add-mod-flag said it. */
function noteOpaqueBuild(ctx: Context, instruction: Instruction): void {
  const left = ctx.model().opaqueBuildLeft(instruction);
  if (left && cacheMountsLeftOn(ctx, instruction)) noteOpaqueBuildLeft(ctx, instruction, left);
}


/** The go command's Go (after bump-go-image) is `since` or newer, or unknown. */
function goHas(ctx: Context, instruction: Instruction, since: GoVersion): boolean {
  const version = ctx.model().goVersionAt(instruction);
  return !version || version.minor === undefined || compareGoVersions(version, since) >= 0;
}

/** The go command builds from vendor/ (-mod=vendor, its own or GOFLAGS'): it reads no module cache. */
function buildsFromVendor(ctx: Context, instruction: Instruction, go: GoInvocation): boolean {
  if (!COMPILING.has(go.subcommand.value)) return false;
  return ctx.model().goCommand(instruction, go).fromVendor === true;
}

/**
 * Both caches mounted, one where this build's Go does not keep it (`target=/root/go/pkg/mod` on golang, whose GOPATH is
 * /go): the mount caches nothing, and the modules or build results still land in the image layer. The author's mount is
 * left as it is (a mount inside the folder Go uses, `/go/pkg/mod/cache`, is a choice, not a slip).
 */
function misplacedCacheMount(ctx: Context, instruction: Instruction, analysis: RunAnalysis, go: GoInvocation): string | undefined {
  const needs = needsCaches(go);
  if (analysis.unclear || scriptSetsGoPath(analysis) || needs === 'none') return undefined;
  const result = goCachesFor(ctx.doc, instruction, inlineVariables(go), ctx.model().baseImage, needs === 'module-and-build');
  if ('unknown' in result || ctx.model().baseImage(stageChain(stageOf(ctx.doc, instruction)!)[0]!).cachePathsUnknown) return undefined;
  const facts = ctx.model().goCommand(instruction, go);
  const targets = cacheMountTargets(instruction.flags).filter((target) => target.startsWith('/') && !target.includes('$'));
  const check = (pattern: RegExp, wanted: string | undefined, what: string): string | undefined => {
    const mounted = targets.filter((target) => pattern.test(target));
    if (wanted === undefined || mounted.length === 0 || mounted.some((target) => mountCovers(target, wanted) || mountCovers(wanted, target))) return undefined;
    return `the cache mount at ${mounted[0]} is not where this build's Go keeps its ${what} (${wanted}): it caches nothing, and they still land in the image layer; left as is`;
  };
  const modules = facts.noModuleCache || buildsFromVendor(ctx, instruction, go) ? undefined : check(MODULE_CACHE_TARGET, result.caches.moduleCache, 'modules');
  return modules ?? (needs === 'module-and-build' ? check(BUILD_CACHE_TARGET, result.caches.buildCache, 'build cache') : undefined);
}

/** Both Go caches already mounted (targets ending in pkg/mod and go-build): nothing to add, whatever the paths. */
function hasBothCacheMounts(instruction: Instruction): boolean {
  const targets = cacheMountTargets(instruction.flags);
  return targets.some((target) => MODULE_CACHE_TARGET.test(target)) && targets.some((target) => BUILD_CACHE_TARGET.test(target));
}

/** The RUN deletes the cache folder (`go clean -modcache`/`-cache`, `rm -r` of it or a folder above it). */
/**
 * What an `rm` argument removes, as an absolute path: `$GOPATH/pkg` and `~/.cache` read with the stage's ENV/ARG values
 * over the image's; null where a variable cannot be told (it may be a cache); undefined for a relative path.
 */
function removedPathReader(ctx: Context, instruction: Instruction): (word: string) => string | null | undefined {
  let variables: Map<string, string | null> | undefined;
  return (word) => {
    if (!word.includes('$') && !word.startsWith('~')) return word.startsWith('/') ? word : undefined;
    if (!variables) {
      variables = variablesOver(imageEnvOf(ctx, instruction), ctx.doc, instruction);
      if (!variables.has('HOME') && userBefore(ctx.doc, instruction, variables).root) variables.set('HOME', '/root');
    }
    const expanded = expandVariables(word.replace(/^~(?=\/|$)/, '$HOME'), variables);
    if (expanded === undefined) return null;
    return expanded.startsWith('/') ? expanded : undefined;
  };
}

/** The RUN deletes `target` (true), or removes a path it cannot tell that may hold it (that path as written); false otherwise. */
function cleansCache(analysis: RunAnalysis, target: string, removedPath: (word: string) => string | null | undefined): boolean | string {
  for (const command of commandsOf(analysis)) {
    const go = goInvocation(command);
    if (go?.subcommand.value === 'clean') {
      const flags = go.args.map((word) => word.value);
      if (flags.includes('-modcache') && /pkg\/mod$/.test(target)) return true;
      if (flags.includes('-cache') && !/pkg\/mod$/.test(target)) return true;
    }
    if (command.words[0]?.value === 'rm') {
      for (const word of command.words.slice(1)) {
        if (word.value.startsWith('-')) continue;
        const path = removedPath(word.value);
        if (path === null) return word.value;
        if (path === undefined) continue;
        const removed = normalizePath(path.replace(/\/\*$/, ''));
        if (mountCovers(removed, target) || mountCovers(target, removed)) return true;
      }
    }
  }
  return false;
}

/**
 * The command walks the module's folders (go mod tidy, go mod vendor, a `./...` pattern over the folder) and the
 * module cache lies in what it walks (go-toolset's HOME is its working directory): go reads the cached modules that have
 * no go.mod as packages of the module, and fails once the cache is warm (`import path ... should not have @version`).
 * Said where a mount would bring that warm cache. A module at / or in $GOPATH itself is another matter (and noted there).
 */
function moduleCacheInsideModule(ctx: Context, instruction: Instruction, go: GoInvocation, moduleCache: string): string | undefined {
  const facts = ctx.model().goCommand(instruction, go);
  const root = facts.module.moduleRoot;
  if (root === undefined || facts.goModInGopath !== undefined || holdsTheSystem(root) || !mountCovers(root, moduleCache)) return undefined;
  // Go skips folders named `.x`, `_x` or testdata (`GOMODCACHE=/src/.modcache`).
  if (moduleCache.slice(root.length).split('/').some((part) => /^[._]|^testdata$/.test(part))) return undefined;
  const verb = goVerb(go);
  // A `./...` over the cache's folder, or any other `...` pattern (a module path: `example.com/app/...`).
  const walked = verb === 'mod tidy' || verb === 'mod vendor' || go.args.some((word) => word.value.endsWith('...') && (!word.value.startsWith('.') || (facts.workdir !== undefined && walkedPatternCovers(facts.workdir, word.value, moduleCache))));
  if (!walked) return undefined;
  return `the module cache ${moduleCache} lies inside the module (${root}), and go ${verb} reads every folder there: it would take the cached modules for packages of the module and fail once the cache is warm`;
}

/** A `dir/...` pattern (relative to `workdir`) whose folder holds `target`. */
function walkedPatternCovers(workdir: string, pattern: string, target: string): boolean {
  if (pattern !== '...' && !pattern.endsWith('/...')) return false;
  if (!pattern.startsWith('.')) return false;
  const folder = pattern === '...' ? '.' : pattern.slice(0, -'/...'.length);
  return mountCovers(normalizePath(posix.join(workdir, folder)), target);
}

/** The variables the stage's base image sets (golang's GOPATH=/go). */
function imageEnvOf(ctx: Context, instruction: Instruction): ReadonlyMap<string, string> {
  const stage = stageOf(ctx.doc, instruction);
  return stage ? ctx.model().baseImage(stageChain(stage)[0]!).env : new Map();
}

/** A path (as written) the RUN chowns or chmods that is `target`, holds it or lies in it, or may (a variable it cannot tell). */
function ownerChangedOver(analysis: RunAnalysis, target: string, pathOf: (word: string) => string | null | undefined): string | undefined {
  for (const command of commandsOf(analysis)) {
    const name = command.words[0]?.value;
    if (name !== 'chown' && name !== 'chmod') continue;
    // The first word after the options is the owner or the mode; the paths follow.
    const paths = command.words.slice(1).filter((word) => !word.value.startsWith('-')).slice(1);
    for (const word of paths) {
      const path = pathOf(word.value);
      if (path === null) return word.value;
      if (path === undefined) continue;
      const changed = normalizePath(path.replace(/\/\*$/, ''));
      if (mountCovers(changed, target) || mountCovers(target, changed)) return word.value;
    }
  }
  return undefined;
}

/** The tools Go ships in its own tree (`go tool pprof`): they build nothing from the module cache. */
const GOROOT_TOOLS = new Set(['addr2line', 'asm', 'buildid', 'cgo', 'compile', 'covdata', 'cover', 'dist', 'distpack', 'doc', 'fix', 'link', 'nm', 'objdump', 'pack', 'pprof', 'preprofile', 'test2json', 'trace', 'vet']);

function needsCaches(go: GoInvocation): 'module-and-build' | 'module' | 'none' {
  const verb = goVerb(go);
  if (COMPILING.has(go.subcommand.value)) return 'module-and-build';
  // `go tool stringer` (Go 1.24's go.mod tool lines) builds the tool from the module cache first.
  if (go.subcommand.value === 'tool') {
    const name = go.args.find((word) => !word.value.startsWith('-'))?.value;
    return name !== undefined && !GOROOT_TOOLS.has(name) && !name.includes('$') ? 'module-and-build' : 'none';
  }
  // go get fetches (-d, or Go 1.18+ where it no longer builds: the build cache mount is then merely unused) and builds otherwise.
  if (go.subcommand.value === 'get') return getOnlyFetches(go) ? 'module' : 'module-and-build';
  return MODULE_ONLY.has(verb) ? 'module' : 'none';
}

function inlineVariables(go: GoInvocation): Map<string, string> {
  const variables = new Map<string, string>();
  for (const word of go.assignments) {
    const equals = word.value.indexOf('=');
    variables.set(word.value.slice(0, equals), word.value.slice(equals + 1));
  }
  return variables;
}

/** `export GOCACHE=...` or `GOPATH=...` on its own line changes the paths mid-script: dockmod does not follow that. */
function scriptSetsGoPath(analysis: RunAnalysis): string | undefined {
  for (const command of commandsOf(analysis)) {
    const isExport = command.words[0]?.value === 'export' || command.words[0]?.value === 'declare';
    const words = command.words.length === 0 ? command.assignments : isExport ? command.words.slice(1) : [];
    for (const word of words) {
      const name = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(word.value)?.[1];
      if (name && isGoPathVariable(name)) return name;
    }
  }
  return undefined;
}

/** Absolute targets of the RUN's existing mounts (any type: a second mount on the same target would clash). */
function existingMountTargets(ctx: Context, instruction: Instruction): { targets: string[] } | { unknown: string } {
  const { doc } = ctx;
  const targets: string[] = [];
  let variables: Map<string, string | null> | undefined;
  for (const options of mountOptionsOf(instruction.flags)) {
    const written = mountTarget(options);
    if (written === undefined) continue;
    // Over the image's own variables (golang's GOPATH=/go: `target=$GOPATH/pkg`), as BuildKit expands them.
    variables ??= variablesOver(imageEnvOf(ctx, instruction), doc, instruction);
    const target = written.includes('$') ? expandVariables(written, variables) : written;
    if (target === undefined) return { unknown: `an existing --mount targets ${written}, which dockmod cannot resolve` };
    if (target.startsWith('/')) targets.push(normalizePath(target));
  }
  return { targets };
}

/**
 * A COPY/ADD before `instruction` in its stage chain writes into `target`:
 * its destination is inside it, or is a folder above it copied from the same
 * path (`COPY --from=deps /go /go`; `COPY --from=xx / /` copies tools, not caches).
 */
function copiedInto(doc: Document, instruction: Instruction, target: string): boolean {
  const stage = stageOf(doc, instruction);
  return !!stage && firstInChain(stage, `copy into ${target}`, (item) => writesInto(item, target)) < instruction.start;
}

function writesInto(item: Instruction, target: string): boolean {
  if (item.keyword !== 'COPY' && item.keyword !== 'ADD') return false;
  const [source, destination] = item.args.slice(-2);
  if (!destination?.startsWith('/')) return false;
  const folder = normalizePath(destination);
  if (mountCovers(target, folder)) return true;
  return folder !== '/' && mountCovers(folder, target) && source !== undefined && normalizePath(source) === folder;
}


/**
 * The author's cache mount of another RUN in the stage chain, as the same user, at `target` or a folder above it
 * (`--mount=type=cache,target=/go/pkg,id=gopkg` for /go/pkg/mod): the same flag shares that cache (its id=, uid=,
 * sharing=) instead of starting another.
 */
function authorsMountAbove(doc: Document, instruction: Instruction, target: string): string | undefined {
  const stage = stageOf(doc, instruction);
  if (!stage) return undefined;
  const mounts = authorCacheMounts(doc, stage);
  if (mounts.length === 0) return undefined;
  const user = userKeyBefore(doc, instruction);
  let declared: ReadonlyMap<string, string | null> | undefined;
  const sameVariables = (mount: AuthorCacheMount): boolean => {
    if (mount.variables.length === 0) return true;
    declared ??= variablesBefore(doc, instruction);
    const theirs = variablesBefore(doc, mount.run);
    // Declared with the same value at both RUNs, or at neither (then it expands to nothing at both).
    return mount.variables.every((name) => declared!.has(name) === theirs.has(name) && declared!.get(name) === theirs.get(name));
  };
  for (const mount of mounts) {
    if (mount.run === instruction || mount.user !== user || !mountCovers(mount.target, target) || !sameVariables(mount)) continue;
    // The same folder with nothing but type and target: dockmod's own flag says the same.
    if (mount.target !== target || mount.ownOptions) return `--mount=${mount.flag}`;
  }
  return undefined;
}

interface AuthorCacheMount {
  run: Instruction;
  user: string;
  target: string;
  flag: string;
  ownOptions: boolean;
  /** The ARG/ENV names its options use. */
  variables: string[];
}

const authorMountsByStage = objectCache<Stage, AuthorCacheMount[]>();

/** Every cache mount written in the stage chain (absolute targets, no variables), read once per stage. */
function authorCacheMounts(doc: Document, stage: Stage): AuthorCacheMount[] {
  let found = authorMountsByStage.get(stage);
  if (found) return found;
  found = [];
  for (const run of stageChain(stage).flatMap((item) => item.instructions)) {
    if (run.keyword !== 'RUN') continue;
    for (const flag of run.flags) {
      if (flag.name !== 'mount' || flag.value === null) continue;
      const options = parseMountOptions(flag.value);
      const written = mountType(options) === 'cache' ? mountTarget(options) : undefined;
      if (written === undefined || !written.startsWith('/') || written.includes('$')) continue;
      // Variables in its other options (`id=gomod-${TARGETARCH}`: BuildKit expands them) must mean the same where the flag is copied.
      const variables = [...flag.value.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1]!);
      if (flag.value.includes('$') && variables.length === 0) continue;
      const ownOptions = [...options.keys()].some((key) => !['type', 'target', 'dst', 'destination'].includes(key));
      found.push({ run, user: userKeyBefore(doc, run), target: normalizePath(written), flag: flag.value, ownOptions, variables });
    }
  }
  authorMountsByStage.set(stage, found);
  return found;
}

function userKeyBefore(doc: Document, instruction: Instruction): string {
  return sameUserKey(userBefore(doc, instruction, variablesBefore(doc, instruction)));
}

function mountFlag(mount: WantedMount): string {
  let flag = `--mount=type=cache,target=${mount.target}`;
  const declared = mount.caches.mountOptions?.get(mount.target);
  if (declared !== undefined) return flag + declared;
  const { uid, gid, home } = mount.caches;
  // BuildKit applies uid= only when it creates the cache; the id defaults to the target, so a root build of
  // another service that mounts the same path (/go/pkg/mod) would own it and this user could not write there.
  if (uid !== undefined && !(home !== undefined && mountCovers(home, mount.target))) flag += `,id=${mount.target}-uid${uid}`;
  if (uid !== undefined) flag += `,uid=${uid}`;
  if (gid !== undefined) flag += `,gid=${gid}`;
  return flag;
}

/**
 * New flags go after the existing ones, before the command. A RUN written on
 * one line gets them on that line; a RUN already continued over several lines
 * gets one flag per line, indented like its continuation lines.
 */
function flagInsertion(doc: Document, instruction: Instruction, analysis: RunAnalysis, flags: string[]): { start: number; end: number; text: string } {
  const { text, escapeChar, eol } = doc;
  const commandStart = skipBlanksAndContinuations(text, instruction.argsStart, instruction.end, escapeChar).offset;
  const headerEnd = analysis.scripts[0]?.end ?? instruction.end;
  const spansLines = /[\r\n]/.test(text.slice(instruction.start, Math.max(headerEnd, commandStart)));
  if (!spansLines) {
    const inline = `${flags.join(' ')} `;
    const lineStart = doc.lineStarts[instruction.line]!;
    const lineEnd = text.indexOf('\n', commandStart);
    const stop = lineEnd === -1 ? text.length : lineEnd;
    const lineLength = lineWidth(text.slice(lineStart, stop - (text[stop - 1] === '\r' ? 1 : 0))) + inline.length;
    if (lineLength <= Math.max(LONG_LINE, longestLineOf(doc))) return { start: commandStart, end: commandStart, text: inline };
    // Past about 100 characters: each mount on a continuation line of its own, as the file indents them.
    const lineBreak = ` ${escapeChar}${eol}${fileContinuationIndent(text, escapeChar)}`;
    return { start: commandStart, end: commandStart, text: flags.join(lineBreak) + lineBreak };
  }

  const indent = continuationIndent(doc, instruction, commandStart, headerEnd);
  const lineBreak = ` ${escapeChar}${eol}${indent}`;
  const lastFlag = instruction.flags.at(-1);
  if (lastFlag && !/[\r\n]/.test(text.slice(lastFlag.end, commandStart))) {
    // The command shares the last flag's line: move it to a line of its own after the new flags.
    return { start: lastFlag.end, end: commandStart, text: lineBreak + flags.join(lineBreak) + lineBreak };
  }
  if (lastFlag) return { start: lastFlag.end, end: lastFlag.end, text: lineBreak + flags.join(lineBreak) };
  return { start: commandStart, end: commandStart, text: flags.join(lineBreak) + lineBreak };
}

/** A one-line RUN that new mounts would take past this many characters (or the file's longest line) is split. */
const LONG_LINE = 100;

/** The file's longest line, read once per document (every one-line RUN asks). */
function longestLineOf(doc: Document): number {
  let longest = longestLines.get(doc);
  if (longest === undefined) longestLines.set(doc, (longest = longestLine(doc.text)));
  return longest;
}

const longestLines = objectCache<Document, number>();

function longestLine(text: string): number {
  let longest = 0;
  let start = 0;
  for (let end = text.indexOf('\n'); ; end = text.indexOf('\n', start)) {
    const stop = end === -1 ? text.length : end;
    longest = Math.max(longest, lineWidth(text.slice(start, stop - (text[stop - 1] === '\r' ? 1 : 0))));
    if (end === -1) return longest;
    start = end + 1;
  }
}

/**
 * A line's width in characters. The CLI reads files byte for byte (latin1), so a UTF-8 character there is two to four
 * string characters: a line that is valid UTF-8 read that way counts its decoded characters (`─` is one, not three).
 */
function lineWidth(line: string): number {
  if (!/[\x80-\xff]/.test(line)) return line.length;
  if (!/[^\x00-\xff]/.test(line)) {
    const decoded = Buffer.from(line, 'latin1').toString('utf8');
    if (!decoded.includes('\uFFFD')) return [...decoded].length;
  }
  return [...line].length;
}

/** The indentation of the file's first continuation line (the line after one that ends with the escape character), else four spaces. */
function fileContinuationIndent(text: string, escapeChar: string): string {
  const match = new RegExp(`${continuationPattern(escapeChar)}([ \\t]+)\\S`).exec(text);
  return match ? match[1]! : '    ';
}

/**
 * Indentation for new flag lines: the command's own line when flags already
 * sit on lines of their own, else the shallowest continuation line of the
 * command (deeper ones are nested inside if/then and the like).
 */
function continuationIndent(doc: Document, instruction: Instruction, commandStart: number, headerEnd: number): string {
  const { lineStarts } = doc;
  const leadingBlanks = (line: number): string => /^[ \t]*/.exec(lineText(doc, line))![0];
  const commandLine = lineStarts.findLastIndex((start) => start <= commandStart);
  if (commandLine > instruction.line) return leadingBlanks(commandLine);
  const lastLine = lineStarts.findLastIndex((start) => start <= headerEnd);
  let shallowest: string | undefined;
  for (let line = instruction.line + 1; line <= lastLine; line++) {
    const content = lineText(doc, line);
    if (content.trim() === '' || /^[ \t]*#/.test(content)) continue;
    const indent = leadingBlanks(line);
    if (shallowest === undefined || indent.length < shallowest.length) shallowest = indent;
  }
  return shallowest ?? leadingBlanks(instruction.line);
}

/**
 * `# syntax=docker/dockerfile:1` as the first line, unless a syntax directive
 * is already there. Parser directives are only read before the first comment,
 * blank line or instruction, so the new one goes at the very top.
 */
function addSyntaxDirective(ctx: Context): void {
  const { text, eol } = ctx.doc;
  for (let offset = 0; offset < text.length; ) {
    const lineEnd = text.indexOf('\n', offset);
    const line = text.slice(offset, lineEnd === -1 ? text.length : lineEnd).replace(/\r$/, '');
    const name = /^#[ \t]*([A-Za-z][A-Za-z0-9]*)[ \t]*=/.exec(line)?.[1]?.toLowerCase();
    if (!name || !PARSER_DIRECTIVES.has(name)) break;
    if (name === 'syntax') return;
    if (lineEnd === -1) break;
    offset = lineEnd + 1;
  }
  ctx.edit({ start: 0, end: 0, text: SYNTAX_DIRECTIVE + eol });
}
