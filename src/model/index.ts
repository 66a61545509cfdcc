// The model of the image: the facts about a Dockerfile's build that no single
// instruction shows, computed once per parsed document and asked by every
// transform. Build context (context.ts), what the image holds (copies.ts),
// the module each go command builds (module.ts), its environment (go-env.ts),
// the image's Go (base-image.ts) and who reads the module cache (cache-flow.ts).
import nodePath from 'node:path';
import type { Heredoc } from 'dockerfile-ast';
import { astOffset, lineOf, lineRef, lineText, resolveLineRefs, type Document, type Instruction } from '../document.js';
import { AUTO_MODULES_IN_GOPATH_SINCE, compareGoVersions, parseGoVersion, type GoVersion } from '../go-version.js';
import { distributionGoOf } from '../image-facts.js';
import { versionAskedBy } from '../go-image-bump.js';
import { splitImageReference } from '../image-ref.js';
import { NO_MODULE, parseGoMod, type ModuleFacts } from '../module.js';
import type { TransformOptions } from '../transform.js';
import { buildsStandardLibraryOnly, commandsOf, goInvocation, goInvocations, goVerb, modFlagValue, namesVersionedPackage, type GoInvocation } from '../run.js';
import type { SimpleCommand, Token } from '../shell.js';
import { chainInstructionsBefore, chainInstructionsOf, expandVariables, firstInChain, setInRunBefore, stageChain, variablesBefore } from '../stage-facts.js';
import { GO_PACKAGE_INSTALL, runAnalysisOf, stageOf, stagesOf, type Stage } from '../stages.js';
import { objectCache } from '../object-cache.js';
import { goCachesFor, normalizePath } from '../cache-paths.js';
import { baseImageOfStage, type BaseImage } from './base-image.js';
import { copiesOnlyManifestsBefore, goSourceSpawns, isOpaqueBuild, opaqueName, scriptTextFacts, LOADS_PACKAGES, moduleCacheFlow, onlyFetchesModules, scriptTextBuilds, type CacheConsumer, type CacheFlow } from './cache-flow.js';
import { allContextCopies, buildContextOf, type BuildContext, type DeclaredContext } from './context.js';
import { contextCopiesBefore, contextFileAt, normalizeImagePath, resolveIn, variablesOver, workdirBefore, type ContextCopy, type CopiesBefore, type ImageStart } from './copies.js';
import { BUILD_CACHE_TARGET, cacheMountTargets, MODULE_CACHE_TARGET, mountCovers, mountOptionsOf, mountTarget, mountType, parseMountOptions } from '../mounts.js';
import type { ProjectFiles } from './files.js';
import { goEnvironmentOf, goflagsMod, type GoEnvironment } from './go-env.js';
import { uidOf, userBefore } from '../users.js';
import { contextExcludesOf, ignoreFileOf } from './dockerignore.js';
import { isMake, makeGoalsBuild, makeInvocationOf } from './makefile.js';
import { asModuleFacts, checkedOutElsewhere, fetchedElsewhere, moduleReadBy, type ModuleRead, type SourcesFetched } from './module.js';

export type { BuildContext, DeclaredContext } from './context.js';
export type { CacheConsumer } from './cache-flow.js';
export type { ModuleRead } from './module.js';
export type { GoEnvironment } from './go-env.js';
export { goflagsMod } from './go-env.js';

export interface ModelSettings {
  /** The Dockerfile's path ('' when given as text alone). */
  path: string;
  files: ProjectFiles;
  declared?: DeclaredContext;
  /** The nearest go.mod above the Dockerfile: what stands in when the build context is unknown. */
  nearest: () => ModuleFacts;
  options: TransformOptions;
  /** bump-go-image runs in this pipeline, with this target (`auto` or a version). */
  bumpTarget?: string;
  /**
   * The model of the input, before any transform changed it (undefined: this is it). The build context and the
   * module the file builds are facts of the input: read from its model, not again after each change.
   */
  input?: () => ImageModel;
}

export interface GoCommandFacts {
  /** The folder the command runs in, in the image (undefined: unknown). */
  workdir?: string;
  module: ModuleRead;
  env: GoEnvironment;
  image: BaseImage;
  /** The Go the command runs with once this run is done (the image's, raised by bump-go-image). */
  goVersion?: GoVersion;
  /** The go line of the module the command reads (module.goVersion, parsed). */
  moduleGoVersion?: GoVersion;
  /** Why the command builds in GOPATH mode, where go.mod, go mod and -mod do not apply; undefined in module mode. */
  gopathMode?: string;
  /** GOPATH mode proper (not outside any module): the command reads no module cache. */
  noModuleCache?: true;
  /** Why the command cannot fetch modules itself (no network, GOPROXY=off); undefined when it can. */
  cannotFetch?: string;
  /** The -mod the command builds with: its own flag, else GOFLAGS'; undefined when neither sets one. */
  mod?: string;
  /**
   * The command builds from vendor/: `-mod=vendor` (its own or GOFLAGS'), or by Go's default where vendor/modules.txt
   * stands beside a go.mod whose go line is 1.14 or later, no -mod is set and no go.work applies (Go 1.14 and later).
   */
  fromVendor?: true;
  /** The `--mount=type=bind,...` (read-only) the module's folder is mounted from: go.mod and go.sum cannot be updated there. */
  readOnlyModule?: string;
  /**
   * The module's go.mod is $GOPATH/go.mod (this folder: `COPY . .` into the golang image's /go): go warns "ignoring
   * go.mod in $GOPATH" and refuses the commands that need a module root (go mod tidy, vendor, verify); builds go on.
   */
  goModInGopath?: string;
  /** An earlier go mod tidy emptied the module's requirements (prunedByEarlyTidy): what a tidy or -mod=mod would fetch anew, at their latest versions. */
  prunedBy?: string;
}

export interface AssumedGoVersion {
  version: GoVersion;
  /** Where it comes from: the image (or the Go its stage installs), or go.mod's go line with the image unknown. */
  from: 'image' | 'go.mod';
}

export interface WorkdirReading {
  module: ModuleRead;
  gopathMode?: string;
  /** Some COPY/ADD (or bind mount) from the build context comes before: the repository's files can be there. */
  copiesContext: boolean;
  /** As GoCommandFacts.prunedBy: an earlier tidy dropped the module's requirements. */
  prunedBy?: string;
}

/** The fact key of the notes about an opaque build left for a human: add-mod-flag's note covers add-cache-mounts' too. */
export const OPAQUE_BUILD_LEFT_FACT = 'opaque-build-left';

export interface OpaqueBuildLeft {
  command: SimpleCommand;
  reading: WorkdirReading;
  /** The text dockmod read of what the command runs (the script, the recipes of make's goals), where it read one. */
  text?: string;
  /** The texts read of opaque builds before it in the same RUN (`make ci && make install`: ci's recipe). */
  textBefore?: string;
}

export interface ImageModel {
  context: BuildContext;
  baseImage(stage: Stage): BaseImage;
  goCommand(instruction: Instruction, go: GoInvocation): GoCommandFacts;
  /** The Go a command at `instruction` runs with once this run is done (as GoCommandFacts.goVersion): the image's, raised by bump-go-image, else the one its stage installs; undefined when unknown. */
  goVersionAt(instruction: Instruction): GoVersion | undefined;
  /**
   * The Go a command at `instruction` reading `module` is taken to build with: the image's (goVersionAt); for an image
   * dockmod cannot read (an ARG with no default, an image it does not know; not a moving golang tag, which has a recent
   * Go), the go line of go.mod, which says which Go its authors build with. Undefined when neither is known.
   */
  goVersionAssumedAt(instruction: Instruction, module: Pick<ModuleRead, 'goVersion'>): AssumedGoVersion | undefined;
  /** Why a go command at `instruction`'s working directory, with the stage's environment, would build in GOPATH mode; undefined in module mode. */
  gopathModeAt(instruction: Instruction): string | undefined;
  /**
   * The user a command at `instruction` runs as (a USER, or the image's default user: go-toolset's 1001), when it is not
   * root and the COPY/ADD instructions that bring go.mod give it to someone else (no --chown to it): it cannot rewrite
   * go.mod or go.sum. Undefined when it can (root, or the owner), or no COPY brings a go.mod.
   */
  goModUnwritableBy(instruction: Instruction): string | undefined;
  /** The folder `instruction` runs in (the last WORKDIR, else the image's); undefined when unknown. */
  workdirAt(instruction: Instruction): string | undefined;
  /** The module a go command would build at `instruction`'s working directory (WORKDIR), before its own `cd`. */
  moduleAtWorkdir(instruction: Instruction): ModuleRead;
  /** A COPY source (relative to the context) is a folder of the build context (`./code/go/0chain.net`); false when the context is unknown. */
  isContextFolder(source: string): boolean;
  /** The first command of a RUN that builds out of dockmod's sight: make, a script (by name, or brought from the build context). */
  opaqueBuild(instruction: Instruction): SimpleCommand | undefined;
  /** The module and GOPATH mode where a command of the RUN runs (after the RUN's own `cd`s), as for moduleAtWorkdir and gopathModeAt. */
  readingAtCommand(instruction: Instruction, command: SimpleCommand): WorkdirReading;
  /**
   * The RUN's opaque build when it is this repository's build, left for a human: it runs where the repository's files are
   * (some COPY from the context came before, its sources are not cloned), in a stage with Go. Undefined otherwise.
   */
  opaqueBuildLeft(instruction: Instruction): OpaqueBuildLeft | undefined;
  /** Who reads the module cache that `instruction` fills, in source order. */
  moduleCacheConsumers(instruction: Instruction): CacheConsumer[];
  /**
   * Why the modules `instruction` puts in the image layer must stay there (a
   * reader needs them, or the RUN only fetches and no go command after it
   * reads them: they are for whoever uses the image); undefined when they need not.
   */
  modulesKeptInLayer(instruction: Instruction): string | undefined;
  /**
   * The module of the file's first go command that reads go.mod from the build context (bump-go-image's target);
   * NO_MODULE when every such command reads none (GOPATH mode, no go.mod reaches it).
   */
  mainModule(): ModuleFacts;
  /** The facts as plain data, for --json. */
  report(): ModelReport;
}

export interface ModelReport {
  context: { dir?: string; how: BuildContext['how']; detail: string };
  stages: StageReport[];
}

interface StageReport {
  line: number;
  name?: string;
  image?: string;
  goVersion?: string;
  goVersionAfter?: string;
  goCommands: { line: number; command: string; workdir?: string; module: string; goMod?: string; vendored?: true; vendoredBy?: string; workspace?: string; missingGoFolders?: string[]; gopathMode?: string }[];
  moduleCacheConsumers: { line: number; consumers: { line: number; kind: CacheConsumer['kind']; needsLayer: boolean; description: string }[] }[];
}

/** A fact of the model that rules out both go mod tidy and -mod=mod before a go command (each transform words it). */
export interface ModeFact {
  kind: 'mod-flag' | 'gopath-mode' | 'elsewhere' | 'module-unknown' | 'vendored' | 'workspace' | 'cannot-fetch' | 'pruned';
  /** The -mod value, the model's reason (GOPATH mode, the module elsewhere, no fetching), or ''. */
  detail: string;
}

/**
 * The first fact that rules out tidy and -mod=mod for a go command:
 * insert-mod-tidy and add-mod-flag ask
 * in the same order, so the fact they both state is the same one, said once.
 */
export function modeFactOf(facts: GoCommandFacts): ModeFact | undefined {
  const { mod } = facts;
  if (mod === 'vendor' || mod === 'readonly') return { kind: 'mod-flag', detail: mod };
  if (facts.gopathMode) return { kind: 'gopath-mode', detail: facts.gopathMode };
  const { module } = facts;
  if (module.how === 'elsewhere') return { kind: 'elsewhere', detail: module.detail };
  if (module.noModuleKnown) return { kind: 'module-unknown', detail: module.detail };
  // Below a go 1.14 line (or on a Go before 1.14) go does not build from vendor/ unless told (-mod=vendor, above).
  const readsVendor = !(facts.moduleGoVersion?.minor !== undefined && !vendorsByDefault(facts.moduleGoVersion)) && !(facts.goVersion?.minor !== undefined && !vendorsByDefault(facts.goVersion));
  // A build told -mod=mod (GOFLAGS) reads the module cache, vendor/ or not.
  if (module.vendored && readsVendor && mod !== 'mod') return { kind: 'vendored', detail: module.vendoredBy ?? '' };
  if ((module.workspaceFile || module.workspaceBy) && facts.env.get('GOWORK') !== 'off') return { kind: 'workspace', detail: module.workspaceBy ?? '' };
  if (facts.cannotFetch) return { kind: 'cannot-fetch', detail: facts.cannotFetch };
  if (facts.prunedBy) return { kind: 'pruned', detail: facts.prunedBy };
  return undefined;
}

const MODULES_SINCE = parseGoVersion('1.11')!;
const MODULE_MODE_DEFAULT_SINCE = parseGoVersion('1.16')!;

const models = objectCache<Document, ImageModel>();

export function imageModel(doc: Document, settings: ModelSettings): ImageModel {
  let model = models.get(doc);
  if (!model) {
    model = buildModel(doc, settings);
    models.set(doc, model);
  }
  return model;
}

function buildModel(doc: Document, settings: ModelSettings): ImageModel {
  const { files } = settings;
  const images = new Map<Stage, BaseImage>();
  // The target bump-go-image moves images to: the version asked for, or that of the go.mod the file's build reads.
  let target: GoVersion | undefined | null = null;
  const bumpTargetOfFile = (): GoVersion | undefined => {
    if (target !== null) return target;
    target = undefined;
    if (settings.bumpTarget === undefined) return target;
    if (settings.bumpTarget !== 'auto') return (target = parseGoVersion(settings.bumpTarget));
    return (target = versionAskedBy(model.mainModule()).version);
  };
  const baseImage = (stage: Stage): BaseImage => {
    let image = images.get(stage);
    if (!image) images.set(stage, (image = baseImageOfStage(doc, stage, settings.options, bumpTargetOfFile())));
    return image;
  };
  // Working directories, environments and cache paths do not depend on the bump, and the bump's target depends on them (through the module read).
  const imagesBeforeBump = new Map<Stage, BaseImage>();
  const imageBeforeBump = (root: Stage): BaseImage => {
    let image = imagesBeforeBump.get(root);
    if (!image) imagesBeforeBump.set(root, (image = baseImageOfStage(doc, root, settings.options, undefined)));
    return image;
  };
  // Where the chain's instructions start (copies.ts): the image's working directory and ENV (`WORKDIR $GOPATH/src/...`).
  const imageStart = (root: Stage): ImageStart => imageBeforeBump(root);
  const context = settings.input ? settings.input().context : buildContextOf(doc, settings.path, files, settings.declared, allContextCopies);
  const ignoresVendor = context.dir !== undefined && /^\/?(?:\*\*\/)?vendor\/?(?:\*\*?)?[ \t]*$/m.test(files.read(ignoreFileOf(files, settings.path, context.dir)) ?? '');
  const contextExcludes = contextExcludesOf(files, settings.path, context.dir);
  const commands = new Map<number, GoCommandFacts>();

  // The file's main module and each go command's facts ask for the same reads: each is made once per model.
  const moduleReads = new Map<string, ModuleRead>();
  /** The module a command of `instruction` reads in `workdir`: `go`, or the command at offset `at` (by default go's; none: the RUN's start). */
  const moduleAt = (instruction: Instruction, workdir: string | undefined, go: GoInvocation | undefined, at = go?.command.start): ModuleRead => {
    const key = `${instruction.start}\u0000${go ? go.command.start : -1}\u0000${at ?? -1}\u0000${workdir ?? '\u0001'}`;
    let read = moduleReads.get(key);
    if (!read) {
      const cloned = at === undefined ? undefined : cloneHolding(doc, instruction, at, workdir, workdirBefore(doc, instruction, imageStart));
      read = cloned ? fetchedElsewhere(cloned) : readModuleAt(instruction, workdir, go);
      // The repository's sources, then another revision of them checked out before the command.
      const checkedOut = (read.how === 'context' || read.how === 'nearest') && at !== undefined ? checkoutBefore(doc, instruction, at, workdir, workdirBefore(doc, instruction, imageStart)) : undefined;
      // Only over the context's own sources is it this repository at another revision (a make there is still its build).
      if (checkedOut) read = checkedOutElsewhere(checkedOut, read.how === 'context');
      moduleReads.set(key, read);
    }
    return read;
  };
  const readModuleAt = (instruction: Instruction, workdir: string | undefined, go: GoInvocation | undefined): ModuleRead => {
    const createsGoMod = initsModuleBefore(doc, instruction, go);
    const workInitCovers = (run: Instruction): boolean => {
      const init = goInvocations(runAnalysisOf(doc, run)).find((candidate) => goVerb(candidate) === 'work init');
      const dir = init && directoryOf(doc, run, init.command.start, workdirBefore(doc, run, imageStart));
      return dir !== undefined && workdir !== undefined && (workdir === dir || workdir.startsWith(`${dir === '/' ? '' : dir}/`));
    };
    return withFilesMadeInImage(doc, instruction, go, workInitCovers, opaqueVendoringBefore, fromAnotherStage(instruction, initedOver(instruction, go, moduleReadBy({
      files,
      context,
      copies: withBindMounts(contextCopiesBefore(doc, instruction, imageStart), bindMountsOf(instruction, workdirBefore(doc, instruction, imageStart))),
      workdir,
      createsGoMod,
      createdGoMod: createsGoMod ? goModWrittenBefore(doc, instruction, go) : undefined,
      fetchesSources: sourcesFetchedBefore(doc, instruction, go),
      nearest: settings.nearest,
      ignoresVendor,
      excludes: contextExcludes,
    })), workdir));
  };
  /**
   * No go.mod above the Dockerfile and nothing from the build context, but a `COPY --from` of another stage lands at or
   * above the folder (`COPY --from=vendor /w /w`): the module (or a go.work) comes from there; which, cannot be told.
   */
  const fromAnotherStage = (instruction: Instruction, read: ModuleRead, workdir: string | undefined): ModuleRead => {
    if (read.how !== 'nearest' || read.goModFile !== undefined || read.noModuleKnown || workdir === undefined) return read;
    const copiedFrom = chainInstructionsBefore(doc, instruction).find((item) => (item.keyword === 'COPY' || item.keyword === 'ADD') && item.flags.some((flag) => flag.name === 'from') &&
      item.args.length > 1 && mountCovers(resolveIn(workdirBefore(doc, item, imageStart), item.args.at(-1)!) ?? '/', workdir));
    return copiedFrom ? { ...read, noModuleKnown: true, detail: `the folder comes from another stage (COPY --from at line ${lineRef(copiedFrom)}), no go.mod was found above the Dockerfile` } : read;
  };
  /**
   * `go mod init` fails where a go.mod is: one that runs, unguarded, at the root of a module the context would have copied there
   * shows the context brings none (the inferred context holds another tree): the module is the one it creates.
   */
  const initedOver = (instruction: Instruction, go: GoInvocation | undefined, read: ModuleRead): ModuleRead => {
    if (read.how !== 'context' || read.moduleRoot === undefined || context.dir === undefined) return read;
    const initRun = goVerbBefore(doc, instruction, go, 'mod init');
    const init = initRun && goInvocations(runAnalysisOf(doc, initRun)).find((candidate) => goVerb(candidate) === 'mod init' && (initRun !== instruction || !go || candidate.command.start < go.command.start));
    if (!initRun || !init || init.command.nested || isOrOperator(init.command.before) || isOrOperator(init.command.after)) return read;
    const initDir = directoryOf(doc, initRun, init.command.start, workdirBefore(doc, initRun, imageStart));
    if (initDir !== read.moduleRoot) return read;
    const exists = (relative: string): boolean => files.isFile(nodePath.join(context.dir!, relative));
    const copied = contextFileAt(contextCopiesBefore(doc, initRun, imageStart), nodePath.posix.join(read.moduleRoot, 'go.mod'), exists);
    if (copied === undefined) return read;
    return { how: 'created', detail: `go mod init at line ${lineRef(initRun)} creates go.mod (it would fail on a go.mod the build context brought: the context holds none there)`, vendored: false };
  };

  /** GoCommandFacts.cannotFetch alone: the cache flow asks it of every go command after a download, and needs no module read for it. */
  const cannotFetchOf = (instruction: Instruction, go: GoInvocation): string | undefined => {
    const known = commands.get(go.command.start);
    if (known) return known.cannotFetch;
    const stage = stageOf(doc, instruction)!;
    return cannotFetchReason(instruction, goEnvironmentOf(doc, instruction, runAnalysisOf(doc, instruction), go, imageBeforeBump(stageChain(stage)[0]!).env));
  };
  /** The Go a command at `instruction` runs with once this run is done: the image's (raised by bump-go-image), else the one its stage installs. */
  const goOfCommand = (instruction: Instruction, image: BaseImage): GoVersion | undefined => image.goVersionAfter ?? image.goVersion ?? goInstalledBefore(doc, instruction, image);
  const goCommand = (instruction: Instruction, go: GoInvocation): GoCommandFacts => {
    const cached = commands.get(go.command.start);
    if (cached) return cached;
    const stage = stageOf(doc, instruction)!;
    const image = baseImage(stageChain(stage)[0]!);
    const analysis = runAnalysisOf(doc, instruction);
    const env = goEnvironmentOf(doc, instruction, analysis, go, image.env);
    const workdir = commandWorkdir(doc, instruction, go, workdirBefore(doc, instruction, imageStart));
    const module = moduleAt(instruction, workdir, go);
    const facts: GoCommandFacts = { module, env, image };
    if (workdir !== undefined) facts.workdir = workdir;
    const goVersion = goOfCommand(instruction, image);
    if (goVersion) facts.goVersion = goVersion;
    const moduleGoVersion = module.goVersion ? parseGoVersion(module.goVersion) : undefined;
    if (moduleGoVersion) facts.moduleGoVersion = moduleGoVersion;
    const gopath = gopathModeOf(env, module, goVersion, workdir);
    if (gopath) facts.gopathMode = gopath;
    // Outside any module (Go 1.16+, no go.mod) `go install pkg@v` still fills the module cache; GOPATH mode never reads it.
    if (gopath && !gopath.endsWith(OUTSIDE_ANY_MODULE)) facts.noModuleCache = true;
    const cannotFetch = cannotFetchReason(instruction, env);
    if (cannotFetch) facts.cannotFetch = cannotFetch;
    const mod = modFlagValue(go.args) ?? goflagsMod(env.get('GOFLAGS'));
    if (mod !== undefined) facts.mod = mod;
    const vendorByDefault = mod === undefined && module.vendored && !module.workspaceFile && !module.workspaceBy && vendorsByDefault(moduleGoVersion) && (goVersion?.minor === undefined || vendorsByDefault(goVersion));
    if (!gopath && (mod === 'vendor' || vendorByDefault)) facts.fromVendor = true;
    const readOnly = readOnlyMountOver(instruction, module.moduleRoot ?? workdir, workdirBefore(doc, instruction, imageStart));
    if (readOnly) facts.readOnlyModule = readOnly;
    const pruned = goVerb(go) !== 'mod tidy' ? prunedAt(instruction, module) : undefined;
    if (pruned) facts.prunedBy = pruned;
    const gopathFirst = env.get('GOPATH')?.split(':')[0];
    if (gopathFirst && module.moduleRoot !== undefined && normalizeImagePath(gopathFirst) === module.moduleRoot) facts.goModInGopath = module.moduleRoot;
    commands.set(go.command.start, facts);
    return facts;
  };

  /**
   * Some COPY/ADD from the build context before `instruction` puts something in the image folder `dir` (a folder of the
   * context copied there or above it, or anything copied into it); true where the context is unknown or a glob may.
   */
  const contextBringsInto = (instruction: Instruction, dir: string): boolean => {
    if (context.dir === undefined) return true;
    const { list, count } = contextCopiesBefore(doc, instruction, imageStart);
    for (let i = 0; i < count; i++) {
      const copy = list[i]!;
      if (copy.destination === dir || copy.destination.startsWith(`${dir}/`)) return true;
      if (!dir.startsWith(copy.destination === '/' ? '/' : `${copy.destination}/`)) continue;
      const rest = dir.slice(copy.destination.length).replace(/^\//, '');
      // A folder's contents land in the destination: the image's dest/rest is the context's source/rest.
      if (copy.sources.some((source) => /[*?[]/.test(source) || files.isDirectory(nodePath.join(context.dir!, source, rest)))) return true;
    }
    return false;
  };
  /** prunedByEarlyTidy for a module the build context brings, the COPY that last lands its go.mod telling whether one came back. */
  const prunedAt = (instruction: Instruction, module: ModuleRead): string | undefined => {
    const root = module.moduleRoot;
    return module.how === 'context' && root !== undefined ? prunedByEarlyTidy(doc, instruction, (at) => lastCopyOf(at, nodePath.posix.join(root, 'go.mod'))) : undefined;
  };
  /** The last COPY/ADD from the build context before `instruction` that puts a file at `imagePath`. */
  const lastCopyOf = (instruction: Instruction, imagePath: string): Instruction | undefined => {
    if (context.dir === undefined) return undefined;
    const exists = (relative: string): boolean => files.isFile(nodePath.join(context.dir!, relative));
    const { list, count } = contextCopiesBefore(doc, instruction, imageStart);
    for (let i = count - 1; i >= 0; i--) if (contextFileAt({ list: [list[i]!], count: 1 }, imagePath, exists) !== undefined) return list[i]!.instruction;
    return undefined;
  };
  /** The RUN mounts a cache at its module cache: what it fetches never reaches the image layer. */
  const mountsModuleCache = (instruction: Instruction): boolean => {
    const targets = cacheMountTargets(instruction.flags);
    if (targets.length === 0) return false;
    const caches = goCachesFor(doc, instruction, new Map(), imageBeforeBump, false);
    const moduleCache = 'caches' in caches ? caches.caches.moduleCache : undefined;
    // A mount at a folder above the module cache (`target=/go/pkg`) holds it too.
    // Where the module cache is known, a mount elsewhere (`target=/go/pkg/mod` under GOPATH=/home/dev/go) does not hold it.
    let variables: Map<string, string | null> | undefined;
    const variablesHere = (): Map<string, string | null> => {
      const stage = stageOf(doc, instruction);
      return (variables ??= variablesOver(stage ? imageBeforeBump(stageChain(stage)[0]!).env : new Map(), doc, instruction));
    };
    return targets.some((written) => {
      const target = written.includes('$') ? expandVariables(written, variablesHere()) : written;
      return moduleCache === undefined || target === undefined ? MODULE_CACHE_TARGET.test(written) : mountCovers(normalizePath(target), moduleCache);
    });
  };
  /** What a go command at an instruction's working directory would read (before any `cd` of its own), or where `command` runs (after the RUN's `cd`s). */
  const workdirReadings = new Map<number, WorkdirReading>();
  /** The folder a command of the RUN runs in (after the RUN's own `cd`s; `make -C dir` runs its recipes in dir); the WORKDIR without a command. */
  const folderOfCommand = (instruction: Instruction, command: SimpleCommand | undefined): string | undefined => {
    const start = workdirBefore(doc, instruction, imageStart);
    const ranIn = command ? directoryOf(doc, instruction, command.start, start) : start;
    const makeDirectory = command && isMake(command) ? makeInvocationOf(command)?.directory : undefined;
    return makeDirectory === undefined ? ranIn : resolveIn(ranIn, makeDirectory);
  };
  const atWorkdir = (instruction: Instruction, command?: SimpleCommand): WorkdirReading => {
    const key = command?.start ?? instruction.start;
    let reading = workdirReadings.get(key);
    if (!reading) {
      const workdir = folderOfCommand(instruction, command);
      const module = moduleAt(instruction, workdir, undefined, command?.start);
      const stage = stageOf(doc, instruction);
      const image = stage && baseImage(stageChain(stage)[0]!);
      const env = image && goEnvironmentOf(doc, instruction, runAnalysisOf(doc, instruction), command ? { command, assignments: command.assignments } : undefined, image.env);
      const gopathMode = image && env ? gopathModeOf(env, module, goOfCommand(instruction, image), workdir) : undefined;
      // Any COPY/ADD from the context, wherever it lands (its destination may be unknown), or a bind mount.
      const copiesContext = chainInstructionsBefore(doc, instruction).some((item) => (item.keyword === 'COPY' || item.keyword === 'ADD') && !item.flags.some((flag) => flag.name === 'from')) ||
        instruction.flags.some((flag) => flag.name === 'mount' && flag.value !== null && mountType(parseMountOptions(flag.value)) === 'bind');
      reading = gopathMode ? { module, gopathMode, copiesContext } : { module, copiesContext };
      const pruned = prunedAt(instruction, module);
      if (pruned) reading.prunedBy = pruned;
      workdirReadings.set(key, reading);
    }
    return reading;
  };
  const opaqueBuilds = new Map<Instruction, SimpleCommand | undefined>();
  const opaqueTexts = new Map<SimpleCommand, string>();
  /** An earlier RUN of the stage chain whose build out of sight (make's recipes, a script) runs go mod vendor, as said in a note. */
  const opaqueVendoringBefore = (instruction: Instruction, go: GoInvocation | undefined): string | undefined => {
    // Earlier in the same RUN: `make vendor && go build`.
    const own = go && opaqueBuild(instruction);
    const ownText = own && own.start < go.command.start ? opaqueTexts.get(own) : undefined;
    if (ownText !== undefined && scriptTextFacts(ownText).vendors) return `\`${opaqueName(own!)}\` at line ${lineRef(instruction)} (its go mod vendor)`;
    for (const item of chainInstructionsBefore(doc, instruction)) {
      if (item.keyword !== 'RUN') continue;
      const command = opaqueBuild(item);
      const text = command && opaqueTexts.get(command);
      if (text !== undefined && scriptTextFacts(text).vendors) return `\`${opaqueName(command!)}\` at line ${lineRef(item)} (its go mod vendor)`;
    }
    return undefined;
  };
  const opaqueBuild = (instruction: Instruction): SimpleCommand | undefined => {
    if (opaqueBuilds.has(instruction)) return opaqueBuilds.get(instruction);
    let copies: CopiesBefore | undefined;
    // With the context unknown, a path some COPY from the context could have put there counts: a script is the safe guess.
    const inContext = (relative: string): boolean => context.dir === undefined || files.isFile(nodePath.join(context.dir, relative));
    const contextFile = (path: string): string | undefined => {
      const imagePath = resolveIn(workdirBefore(doc, instruction, imageStart), path);
      if (imagePath === undefined) return undefined;
      copies ??= contextCopiesBefore(doc, instruction, imageStart);
      return contextFileAt(copies, imagePath, inContext);
    };
    const isContextFile = (path: string): boolean => contextFile(path) !== undefined;
    // A script whose text the context holds builds only if that text runs go or a build tool (a smoke test running ./app does not).
    // `go run x.go`: each file's text from the context; one that cannot be read may start anything.
    const programSpawns = (paths: string[]): boolean => paths.some((path) => {
      const relative = context.dir === undefined ? undefined : contextFile(path);
      const text = relative === undefined ? undefined : files.read(nodePath.join(context.dir!, relative));
      return text === undefined || goSourceSpawns(text);
    });
    let readText: string | undefined;
    const scriptBuilds = (path: string): boolean => {
      const relative = context.dir === undefined ? undefined : contextFile(path);
      const own = relative === undefined ? undefined : files.read(nodePath.join(context.dir!, relative));
      const text = own === undefined ? undefined : withSourcedScripts(own, relative!);
      readText = text;
      return text === undefined || scriptTextBuilds(text);
    };
    /** The script's text with the scripts it sources beside it (`source "$CUR_DIR/build_universal.sh"`, one level) appended, where the context holds them. */
    const withSourcedScripts = (text: string, relative: string): string => {
      const sourced: string[] = [];
      for (const match of text.matchAll(/^[ \t]*(?:source|\.)[ \t]+["']?((?:\$\{?\w+\}?\/|\$\(dirname[^)]*\)\/)?[\w./-]+)["']?[ \t]*$/gm)) {
        const named = match[1]!.replace(/^(?:\$\{?\w+\}?|\$\(dirname[^)]*\))\//, '');
        const read = files.read(nodePath.join(context.dir!, nodePath.dirname(relative), named));
        if (read !== undefined) sourced.push(read);
      }
      return sourced.length === 0 ? text : [text, ...sourced].join('\n');
    };
    // make builds only if the goals' recipes in the context's Makefile do (`make patch-asn1` runs a sed).
    const makeBuilds = (command: SimpleCommand): boolean => {
      const invocation = makeInvocationOf(command);
      const ranIn = directoryOf(doc, instruction, command.start, workdirBefore(doc, instruction, imageStart));
      const dir = invocation?.directory === undefined ? ranIn : resolveIn(ranIn, invocation.directory);
      if (!invocation || dir === undefined || context.dir === undefined) return true;
      copies ??= contextCopiesBefore(doc, instruction, imageStart);
      for (const name of invocation.makefile ? [invocation.makefile] : ['GNUmakefile', 'makefile', 'Makefile']) {
        const imagePath = resolveIn(dir, name);
        const relative = imagePath === undefined ? undefined : contextFileAt(copies, imagePath, inContext);
        const text = relative === undefined ? undefined : files.read(nodePath.join(context.dir, relative));
        if (text !== undefined) {
          const recipes: string[] = [];
          const builds = makeGoalsBuild(text, invocation.goals, scriptTextBuilds, recipes);
          readText = recipes.join('\n');
          return builds;
        }
      }
      return true;
    };
    // The first that compiles (`make ci && make install`: ci only tidies and vendors), else the first.
    let found: SimpleCommand | undefined;
    for (const command of commandsOf(runAnalysisOf(doc, instruction))) {
      readText = undefined;
      if (!isOpaqueBuild(command, isContextFile, scriptBuilds, makeBuilds, programSpawns)) continue;
      if (readText !== undefined) opaqueTexts.set(command, readText);
      found ??= command;
      if (readText === undefined || scriptTextFacts(readText).compiles) {
        found = command;
        break;
      }
    }
    opaqueBuilds.set(instruction, found);
    return found;
  };
  /** The stage builds FROM a Go image, or runs go before or in `instruction`. */
  const stageHasGo = (stage: Stage, instruction: Instruction): boolean => {
    const image = baseImage(stageChain(stage)[0]!);
    if (image.holdsGo) return true;
    if (firstInChain(stage, 'runs go', (item) => item.keyword === 'RUN' && goInvocations(runAnalysisOf(doc, item)).length > 0) <= instruction.start) return true;
    // Go from the distribution (`apk add go`, `apt-get install golang-go`) or a release archive, then make or a script.
    return goInstalledBefore(doc, instruction, image) !== undefined ||
      firstInChain(stage, 'installs a Go package', (item) => item.keyword === 'RUN' && GO_PACKAGE_INSTALL.test(doc.text.slice(item.start, item.end))) <= instruction.start ||
      firstInChain(stage, 'installs a Go release', (item) => HOLDS_A_GO_ARCHIVE.has(item.keyword) && ANY_GO_RELEASE_ARCHIVE.test(doc.text.slice(item.start, item.end))) <= instruction.start ||
      // An image dockmod does not know whose RUNs mount Go's caches (`target=/go/pkg/mod`, `.../go-build`): a Go builder.
      firstInChain(stage, 'mounts go caches', (item) => item.keyword === 'RUN' && cacheMountTargets(item.flags).some((target) => MODULE_CACHE_TARGET.test(target) || BUILD_CACHE_TARGET.test(target))) <= instruction.start;
  };
  const flows = new Map<Instruction, CacheFlow>();
  const flowOf = (instruction: Instruction): CacheFlow => {
    let flow = flows.get(instruction);
    if (!flow) {
      const caches = goCachesFor(doc, instruction, new Map(), imageBeforeBump, false);
      flow = moduleCacheFlow({
        doc,
        moduleCache: 'caches' in caches ? caches.caches.moduleCache : undefined,
        canFetch: cannotFetchOf,
        // A make in sources fetched from elsewhere (a C library's tarball, a clone) builds no module whose modules these are;
        // one after a checkout of another revision of this repository still may.
        opaqueBuild: (item) => {
          const command = opaqueBuild(item);
          if (!command) return undefined;
          const { module } = atWorkdir(item, command);
          return module.how !== 'elsewhere' || module.checkedOutBy ? command : undefined;
        },
      }, instruction);
      flows.set(instruction, flow);
    }
    return flow;
  };
  const model: ImageModel = {
    context,
    baseImage,
    goCommand,
    goVersionAt(instruction) {
      const stage = stageOf(doc, instruction);
      return stage && goOfCommand(instruction, baseImage(stageChain(stage)[0]!));
    },
    goVersionAssumedAt(instruction, module) {
      const stage = stageOf(doc, instruction);
      if (!stage) return undefined;
      const image = baseImage(stageChain(stage)[0]!);
      const go = goOfCommand(instruction, image);
      if (go?.minor !== undefined) return { version: go, from: 'image' };
      const imageUnknown = image.reference === undefined || (!image.golang && !image.family);
      const asked = imageUnknown && module.goVersion !== undefined ? parseGoVersion(module.goVersion) : undefined;
      return asked?.minor !== undefined ? { version: asked, from: 'go.mod' } : undefined;
    },
    workdirAt: (instruction) => workdirBefore(doc, instruction, imageStart),
    goModUnwritableBy(instruction) {
      const stage = stageOf(doc, instruction);
      if (!stage) return undefined;
      const user = userBefore(doc, instruction, variablesBefore(doc, instruction));
      // No USER line: the image's own default user.
      const imageUser = user.imageDefault ? baseImage(stageChain(stage)[0]!).defaultUser : undefined;
      const runsAs = imageUser ? (imageUser.uid === '0' ? undefined : { uid: imageUser.uid, name: imageUser.name }) : user.root ? undefined : { uid: user.uid, name: user.written };
      // Where the build context is known, the COPY that last lands go.mod (go.sum) at the module's root says who owns it.
      const root = atWorkdir(instruction).module.moduleRoot;
      const lastCopy = root === undefined || context.dir === undefined ? undefined : (file: string) => lastCopyOf(instruction, nodePath.posix.join(root, file));
      if (!runsAs || goModOwnedBy(doc, instruction, runsAs.uid, runsAs.name, lastCopy)) return undefined;
      if (chownedTo(doc, instruction, runsAs, (item) => workdirBefore(doc, item, imageStart))) return undefined;
      if (runsAs.name !== undefined && runsAs.uid !== undefined && runsAs.name !== runsAs.uid) return `user ${runsAs.name} (uid ${runsAs.uid})`;
      return runsAs.name !== undefined ? `user ${runsAs.name}` : runsAs.uid !== undefined ? `uid ${runsAs.uid}` : 'the image user';
    },
    moduleAtWorkdir: (instruction) => atWorkdir(instruction).module,
    isContextFolder: (source) => context.dir !== undefined && files.isDirectory(nodePath.join(context.dir, source)),
    gopathModeAt: (instruction) => atWorkdir(instruction).gopathMode,
    opaqueBuild,
    readingAtCommand: (instruction, command) => atWorkdir(instruction, command),
    opaqueBuildLeft(instruction) {
      const command = opaqueBuild(instruction);
      if (!command) return undefined;
      // `make -C clib` in a folder nothing of the context lands in (a library the RUN unpacks): not this repository's build.
      const makeFolder = isMake(command) && makeInvocationOf(command)?.directory !== undefined ? folderOfCommand(instruction, command) : undefined;
      if (makeFolder !== undefined && !contextBringsInto(instruction, makeFolder)) return undefined;
      const reading = atWorkdir(instruction, command);
      // Before anything of the repository is copied (a downloaded library's make), or in cloned sources, it is not this repository's
      // build; after a `git checkout` of another revision of it in the same RUN, it still is.
      if ((reading.module.how === 'elsewhere' && !reading.module.checkedOutBy) || !reading.copiesContext) return undefined;
      const stage = stageOf(doc, instruction);
      if (!stage || !stageHasGo(stage, instruction)) return undefined;
      const text = opaqueTexts.get(command);
      const before = commandsOf(runAnalysisOf(doc, instruction)).filter((other) => other.start < command.start).map((other) => opaqueTexts.get(other)).filter((read) => read !== undefined);
      return { command, reading, ...(text === undefined ? {} : { text }), ...(before.length > 0 ? { textBefore: before.join('\n') } : {}) };
    },
    moduleCacheConsumers: (instruction) => flowOf(instruction).all(),
    modulesKeptInLayer(instruction) {
      if (mountsModuleCache(instruction)) return undefined;
      const flow = flowOf(instruction);
      if (flow.firstNeedingLayer) return `${flow.firstNeedingLayer.description} reads the modules this RUN leaves in the image`;
      if (onlyFetchesModules(doc, instruction) && !flow.hasGoConsumer) {
        return 'no go command after this RUN reads the modules it puts in the image: they are there for whoever uses the image (another Dockerfile built FROM it, a container that runs go)';
      }
      return undefined;
    },
    mainModule: () => (mainModule ??= settings.input ? settings.input().mainModule() : mainModuleOfDoc()),
    report: () => reportOf(doc, model),
  };
  let mainModule: ModuleFacts | undefined;
  function mainModuleOfDoc(): ModuleFacts {
    // The first go command that reads the main module from the build context decides; commands that read no go.mod
    // (GO111MODULE=off, none reaches them, go mod init makes it) do not; the nearest go.mod stands in only where the
    // context or folder is unknown, or no go command shows which module the build reads.
    let readsNone = false;
    let readsNearest = false;
    // `go get example.com/tool` or `go install tool@v1` with nothing of the context copied: the stage builds others' sources.
    let buildsOthersOnly = false;
    for (const instruction of doc.instructions) {
      if (instruction.keyword !== 'RUN') continue;
      const stage = stageOf(doc, instruction);
      if (!stage) continue;
      const analysis = runAnalysisOf(doc, instruction);
      const commands = goInvocations(analysis);
      if (commands.some((go) => !readsMainModule(go) && fetchesOtherPackages(go)) && contextCopiesBefore(doc, instruction, imageStart).count === 0) buildsOthersOnly = true;
      for (const go of commands.filter(readsMainModule)) {
        const image = imageBeforeBump(stageChain(stage)[0]!);
        const env = goEnvironmentOf(doc, instruction, analysis, go, image.env);
        const workdir = commandWorkdir(doc, instruction, go, workdirBefore(doc, instruction, imageStart));
        const read = env.get('GO111MODULE') === 'off' ? undefined : moduleAt(instruction, workdir, go);
        // A build the image's own Go runs in GOPATH mode (Go 1.12 under $GOPATH/src) reads no go.mod: moving the image to
        // that go.mod's Go would switch it to module mode.
        if (read?.how === 'context' && gopathModeOf(env, read, goOfCommand(instruction, image), workdir)) {
          readsNone = true;
          continue;
        }
        if (read?.how === 'context') return withWorkspaceLines(asModuleFacts(read), env);
        if (read?.how === 'nearest') readsNearest = true;
        else readsNone = true;
      }
      // A build through make or a script in GOPATH mode (no go.mod where it runs, on a Go before 1.16): moving the image
      // to the nearest go.mod's Go would switch it to module mode.
      const opaque = commands.some(readsMainModule) ? undefined : opaqueBuild(instruction);
      if (opaque) {
        const image = imageBeforeBump(stageChain(stage)[0]!);
        const env = goEnvironmentOf(doc, instruction, analysis, { command: opaque, assignments: opaque.assignments }, image.env);
        const workdir = folderOfCommand(instruction, opaque);
        const gopath = gopathModeOf(env, moduleAt(instruction, workdir, undefined, opaque.start), goOfCommand(instruction, image), workdir);
        if (gopath !== undefined && !gopath.endsWith(OUTSIDE_ANY_MODULE)) readsNone = true;
      }
    }
    if (readsNearest) return settings.nearest();
    if (readsNone) return NO_MODULE;
    // No go command reads a module: a build through make or a script may read the nearest go.mod, a go get of others' packages does not.
    return buildsOthersOnly && !doc.instructions.some((instruction) => instruction.keyword === 'RUN' && opaqueBuild(instruction)) ? NO_MODULE : settings.nearest();
  }
  /** The go.work the build reads (not with GOWORK=off) adds its go and toolchain lines: Go enforces them too. */
  function withWorkspaceLines(facts: ModuleFacts, env: GoEnvironment): ModuleFacts {
    if (facts.workspacePath === undefined || env.get('GOWORK') === 'off') return facts;
    const lines = parseGoMod(files.read(facts.workspacePath) ?? '');
    const withLines = { ...facts };
    if (lines.goVersion) withLines.workspaceGoVersion = lines.goVersion;
    if (lines.toolchain) withLines.workspaceToolchain = lines.toolchain;
    return withLines;
  }
  return model;
}

/** `go get` of packages named by path (not `.` or `./...`), `go install pkg@version`, `go run pkg@version`. */
function fetchesOtherPackages(go: GoInvocation): boolean {
  if (namesVersionedPackage(go)) return true;
  return goVerb(go) === 'get' && go.args.some((word) => !word.value.startsWith('-') && !word.value.startsWith('.'));
}

/**
 * Go commands that read the main module's go.mod: not `go install pkg@version`, `go mod init`, `go env`,
 * `go version`, nor `go get` of other packages (GOPATH-era fetching: it says nothing of the module built here).
 */
export function readsMainModule(go: GoInvocation): boolean {
  const verb = goVerb(go);
  if (verb.startsWith('mod ')) return verb !== 'mod init';
  if (verb === 'get') return go.args.every((word) => word.value.startsWith('-') || word.value.startsWith('.'));
  return (LOADS_PACKAGES.has(verb) || verb === 'fmt') && !namesVersionedPackage(go) && !buildsStandardLibraryOnly(go);
}

/** The folder a go command runs in: the RUN's working directory, then `cd` before it, then `-C dir`. */
/** The folder the RUN's shell is in at `offset`: `start` moved by the `cd`/`pushd` commands before it; undefined when unknown. */
function directoryOf(doc: Document, instruction: Instruction, offset: number, start: string | undefined): string | undefined {
  let workdir = start;
  for (const command of commandsOf(runAnalysisOf(doc, instruction))) {
    if (command.start >= offset) break;
    const name = command.words[0]?.value;
    if (name !== 'cd' && name !== 'pushd' && name !== 'popd') continue;
    const written = command.words[1]?.value;
    if (command.nested || name === 'popd' || written === undefined || written === '-' || written.startsWith('~')) return undefined;
    const target = written.includes('$') ? cdTargetFromEnv(doc, instruction, written, command.start) : written;
    if (target === undefined) return undefined;
    workdir = resolveIn(workdir, target);
  }
  return workdir;
}

/**
 * A RUN after the last COPY/ADD from the context and before `instruction` hands the build's folder to the user
 * (`RUN chown -R app /src`, `chown -R 1001:0 .`): a path at or above the folder `instruction` starts in, to its name or uid.
 */
function chownedTo(doc: Document, instruction: Instruction, user: { uid?: string; name?: string }, workdirOf: (item: Instruction) => string | undefined): boolean {
  const chain = chainInstructionsBefore(doc, instruction);
  const lastCopy = chain.findLast((item) => (item.keyword === 'COPY' || item.keyword === 'ADD') && !item.flags.some((flag) => flag.name === 'from'));
  const folder = workdirOf(instruction);
  if (!lastCopy || folder === undefined) return false;
  return chain.some((item) => item.keyword === 'RUN' && item.start > lastCopy.start && doc.text.slice(item.start, item.end).includes('chown') &&
    commandsOf(runAnalysisOf(doc, item)).some((command) => {
      const [name, ...rest] = command.words.map((word) => word.value);
      if (name !== 'chown' || command.nested || !rest.some((word) => /^-[a-zA-Z]*R/.test(word) || word === '--recursive')) return false;
      const [owner, ...paths] = rest.filter((word) => !word.startsWith('-'));
      const who = owner?.split(/[:.]/)[0];
      if (who === undefined || (who !== user.uid && who !== user.name)) return false;
      const start = directoryOf(doc, item, command.start, workdirOf(item));
      return paths.some((path) => {
        const resolved = resolveIn(start, path);
        return resolved !== undefined && (resolved === folder || resolved === '/' || folder.startsWith(`${resolved}/`));
      });
    }));
}

/** The COPY/ADD instructions before `instruction` that bring go.mod give it to `uid` (or the user's name). */
/**
 * A `go mod tidy` of the stage chain before `instruction` that ran with only go.mod and go.sum copied (no package to
 * keep a requirement for: it dropped them all), with no COPY/ADD after it bringing go.mod back; as said in a note.
 */
function prunedByEarlyTidy(doc: Document, instruction: Instruction, goModCopiedBy: (instruction: Instruction) => Instruction | undefined): string | undefined {
  // Run for certain: not under an `if`, a loop, a `case` or after `||` (`if [ -n "$TIDY" ]; then go mod tidy; fi`).
  const runsTidy = (item: Instruction): boolean => goInvocations(runAnalysisOf(doc, item)).some((go) => goVerb(go) === 'mod tidy' &&
    !/\b(?:if|then|else|elif|case|while|until|for|do)\b|\|\|/.test(doc.text.slice(item.start, go.command.start)));
  const tidy = chainInstructionsBefore(doc, instruction).find((item) => item.keyword === 'RUN' && doc.text.slice(item.start, item.end).includes('tidy') && runsTidy(item) && copiesOnlyManifestsBefore(doc, item));
  if (!tidy) return undefined;
  // A COPY after it that lands go.mod again (`COPY . .`) brings the requirements back.
  const copiedBy = goModCopiedBy(instruction);
  if (copiedBy === undefined || copiedBy.start > tidy.start) return undefined;
  return `go mod tidy at line ${lineRef(tidy)} runs with only go.mod and go.sum in the image, no package to keep a requirement for: it drops them all`;
}

function goModOwnedBy(doc: Document, instruction: Instruction, uid: string | undefined, name: string | undefined, lastCopy?: (file: string) => Instruction | undefined): boolean {
  const copies = chainInstructionsBefore(doc, instruction).filter((item) => (item.keyword === 'COPY' || item.keyword === 'ADD') && !item.flags.some((flag) => flag.name === 'from'));
  const owner = (item: Instruction): string | undefined => item.flags.find((flag) => flag.name === 'chown')?.value?.split(':')[0] ?? undefined;
  const ownedByUser = (item: Instruction): boolean => {
    const who = owner(item);
    if (who === undefined) return false;
    if (who === uid || who === name || (name !== undefined && who === name.split(':')[0])) return true;
    const ownerUid = uidOf(doc, item, who);
    return ownerUid !== undefined && ownerUid === uid;
  };
  // The last COPY that brings each file decides who owns it (`COPY go.mod go.sum ./`, then `COPY --chown=dev . .` over them).
  if (lastCopy) {
    const goMod = lastCopy('go.mod');
    const goSum = lastCopy('go.sum');
    if (goMod !== undefined) return ownedByUser(goMod) && (goSum === undefined || ownedByUser(goSum));
  }
  // The context unknown: every COPY that names go.mod (or copies the whole folder) must give it to the user.
  const bringsGoMod = copies.filter((item) => item.args.some((arg) => arg === '.' || arg === './' || /(?:^|\/)go\.(?:mod|\*)$/.test(arg)));
  return bringsGoMod.length > 0 && bringsGoMod.every(ownedByUser);
}

/**
 * `cd $DIR` with DIR set by an ENV or ARG default before the RUN (`ENV D /src`), unless the RUN itself may set it before
 * the cd (`export DIR=...`, `DIR=... &&`): undefined when it cannot be told.
 */
function cdTargetFromEnv(doc: Document, instruction: Instruction, written: string, before: number): string | undefined {
  const expanded = expandVariables(written, variablesBefore(doc, instruction));
  if (expanded === undefined) return undefined;
  for (const match of written.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) if (setInRunBefore(doc, instruction, match[1]!, before)) return undefined;
  return expanded;
}

function commandWorkdir(doc: Document, instruction: Instruction, go: GoInvocation, start: string | undefined): string | undefined {
  let workdir = directoryOf(doc, instruction, go.command.start, start);
  const [first, second] = go.args;
  if (first && /^--?C(?:=|$)/.test(first.value)) {
    const dir = first.value.includes('=') ? first.value.slice(first.value.indexOf('=') + 1) : second?.value;
    workdir = dir === undefined || dir.includes('$') ? undefined : resolveIn(workdir, dir);
  }
  return workdir;
}

/**
 * A `git clone` earlier in the RUN (before `offset`) into `workdir` or a folder above it: the command at `offset` works
 * in the clone's sources, not this repository's, whatever the build context holds. Its description, or undefined.
 */
function cloneHolding(doc: Document, instruction: Instruction, offset: number, workdir: string | undefined, start: string | undefined): string | undefined {
  if (workdir === undefined || !doc.text.slice(instruction.start, instruction.end).includes('clone')) return undefined;
  for (const command of commandsOf(runAnalysisOf(doc, instruction))) {
    if (command.start >= offset) break;
    const [git, verb, ...rest] = command.words.map((word) => word.value);
    if (git !== 'git' || verb !== 'clone') continue;
    const positional: string[] = [];
    for (let i = 0; i < rest.length; i++) {
      const word = rest[i]!;
      if (word === '--') continue;
      if (word.startsWith('-')) {
        if (GIT_CLONE_OPTIONS_WITH_VALUE.has(word)) i++;
        continue;
      }
      positional.push(word);
    }
    const [url, folder] = positional;
    if (url === undefined || (folder ?? url).includes('$')) continue;
    const named = folder ?? nodePath.posix.basename(url.replace(/\/+$/, '')).replace(/\.git$/, '');
    const cloned = resolveIn(directoryOf(doc, instruction, command.start, start), named);
    if (cloned !== undefined && cloned !== '/' && (workdir === cloned || workdir.startsWith(`${cloned}/`))) return `\`git clone\` at line ${lineRef(instruction)}`;
  }
  return undefined;
}

/**
 * A git command earlier in the RUN (before `offset`) that rewrites the work tree (`git checkout v1.2`, `git reset
 * --hard`, `git pull`...) in the folder the command works in, or one above or below it (git acts on the whole
 * repository): the command builds that revision, not the files the context brought, and a go mod tidy in a RUN before
 * would make the checkout refuse to overwrite go.mod. (In an earlier RUN it runs before any tidy dockmod inserts, which
 * goes right above the build.) Its description, or undefined.
 */
function checkoutBefore(doc: Document, instruction: Instruction, offset: number, workdir: string | undefined, start: string | undefined): string | undefined {
  if (!doc.text.slice(instruction.start, offset).includes('git')) return undefined;
  for (const command of gitWorkTreeCommands(doc, instruction)) {
    if (command.start >= offset) break;
    const dir = gitDirectory(command, directoryOf(doc, instruction, command.start, start));
    const related = dir === undefined || workdir === undefined || dir === workdir || workdir.startsWith(`${dir === '/' ? '' : dir}/`) || dir.startsWith(`${workdir === '/' ? '' : workdir}/`);
    if (related) return `\`git ${gitVerb(command)}\` at line ${lineRef(instruction)}`;
  }
  return undefined;
}

/** git verbs that rewrite files of the work tree. */
const GIT_WORK_TREE_VERBS = new Set(['checkout', 'switch', 'reset', 'restore', 'pull', 'merge', 'rebase', 'stash', 'cherry-pick', 'revert', 'am', 'apply']);
/** git's global options that take the next word as their value. */
const GIT_GLOBAL_OPTIONS_WITH_VALUE = new Set(['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--exec-path', '--config-env']);

function gitWorkTreeCommands(doc: Document, item: Instruction): SimpleCommand[] {
  return commandsOf(runAnalysisOf(doc, item)).filter((command) => command.words[0]?.value === 'git' && GIT_WORK_TREE_VERBS.has(gitVerb(command) ?? ''));
}

/** The git verb of a `git ...` command: the first word after git's global options. */
function gitVerb(command: SimpleCommand): string | undefined {
  const words = command.words.map((word) => word.value);
  for (let i = 1; i < words.length; i++) {
    const word = words[i]!;
    if (GIT_GLOBAL_OPTIONS_WITH_VALUE.has(word)) i++;
    else if (!word.startsWith('-')) return word;
  }
  return undefined;
}

/** The folder a git command acts in: the shell's, moved by `-C dir`; undefined when unknown (`--git-dir`, `--work-tree`, a variable). */
function gitDirectory(command: SimpleCommand, shellDir: string | undefined): string | undefined {
  let dir = shellDir;
  const words = command.words.map((word) => word.value);
  for (let i = 1; i < words.length; i++) {
    const word = words[i]!;
    if (!word.startsWith('-')) break;
    if (word.startsWith('--git-dir') || word.startsWith('--work-tree')) return undefined;
    if (word === '-C') {
      const target = words[++i];
      dir = target === undefined || target.includes('$') ? undefined : resolveIn(dir, target);
    } else if (GIT_GLOBAL_OPTIONS_WITH_VALUE.has(word)) i++;
  }
  return dir;
}

/** git clone's options that take the next word as their value. */
const GIT_CLONE_OPTIONS_WITH_VALUE = new Set(['-b', '--branch', '-o', '--origin', '-c', '--config', '--depth', '--reference', '--separate-git-dir', '-u', '--upload-pack', '-j', '--jobs', '--shallow-since', '--shallow-exclude', '--template', '--filter', '--bundle-uri']);

/** `||`: what follows runs only if the command before failed; a failing `go mod init` there proves nothing. */
function isOrOperator(token: Token | undefined): boolean {
  return token?.kind === 'op' && token.op === '||';
}

/** A COPY/ADD heredoc that writes a go.mod (`COPY <<EOF go.mod`): the destination ends the first line, before the bodies. */
function writesGoModFile(doc: Document, item: Instruction): boolean {
  if ((item.keyword !== 'COPY' && item.keyword !== 'ADD') || !item.args.some((arg) => arg.startsWith('<<'))) return false;
  return /(?:^|\/)go\.mod$/.test(lineText(doc, item.line).trim().split(/\s+/).at(-1) ?? '');
}

/** The first RUN of the stage chain before `instruction` (or, for a given `go`, earlier in the same RUN) that runs `go <verb>`; undefined when none does. */
function goVerbBefore(doc: Document, instruction: Instruction, go: GoInvocation | undefined, verb: string): Instruction | undefined {
  const stage = stageOf(doc, instruction);
  if (!stage) return undefined;
  const runs = (candidate: GoInvocation): boolean => goVerb(candidate) === verb;
  const word = verb.split(' ').at(-1)!;
  const first = firstInChain(stage, `go ${verb}`, (item) => item.keyword === 'RUN' && doc.text.slice(item.start, item.end).includes(word) && goInvocations(runAnalysisOf(doc, item)).some(runs));
  if (first < instruction.start) return doc.instructions.find((item) => item.start === first);
  const inSameRun = first === instruction.start && !!go && goInvocations(runAnalysisOf(doc, instruction)).some((candidate) => runs(candidate) && candidate.command.start < go.command.start);
  return inSameRun ? instruction : undefined;
}

/** vendor/ and go.work that RUNs make in the image (`go mod vendor`, `go work init`) before `go`, for a module that is there. */
function withFilesMadeInImage(doc: Document, instruction: Instruction, go: GoInvocation | undefined, workInitCovers: (run: Instruction) => boolean, opaqueVendoring: (instruction: Instruction, go: GoInvocation | undefined) => string | undefined, read: ModuleRead): ModuleRead {
  if (read.how === 'none') {
    // No go.mod in the build's folder, but a go.work made at or above it (`go work init ./a ./b`, then `go build ./a`): workspace mode.
    const works = goVerbBefore(doc, instruction, go, 'work init');
    return works && workInitCovers(works) ? { ...read, workspaceBy: `go work init at line ${lineRef(works)}` } : read;
  }
  if (read.how !== 'context' && read.how !== 'nearest' && read.how !== 'created') return read;
  let made = read;
  const vendors = read.vendored ? undefined : goVerbBefore(doc, instruction, go, 'mod vendor');
  if (vendors) made = { ...made, vendored: true, vendoredBy: `go mod vendor at line ${lineRef(vendors)}` };
  const copiedVendor = made.vendored ? undefined : vendorCopiedFromStage(doc, instruction);
  if (copiedVendor) made = { ...made, vendored: true, vendoredBy: copiedVendor };
  const vendoredOutOfSight = made.vendored ? undefined : opaqueVendoring(instruction, go);
  if (vendoredOutOfSight) made = { ...made, vendored: true, vendoredBy: vendoredOutOfSight };
  const works = read.workspaceFile ? undefined : goVerbBefore(doc, instruction, go, 'work init');
  if (works) made = { ...made, workspaceBy: `go work init at line ${lineRef(works)}` };
  return made;
}

/**
 * The go and toolchain lines of the go.mod the last COPY heredoc of the stage chain before `instruction` writes; undefined
 * where `go mod init` runs before `go` (it writes a go line of its own) or the heredoc's text cannot be told.
 */
/**
 * A folder copied from another stage (`COPY --from=vendor /src /src`) before `instruction`, from a stage whose chain runs
 * `go mod vendor`: the build may read that vendor/. Its description, or undefined.
 */
function vendorCopiedFromStage(doc: Document, instruction: Instruction): string | undefined {
  const stage = stageOf(doc, instruction);
  const copiesFromStage = (item: Instruction): boolean => (item.keyword === 'COPY' || item.keyword === 'ADD') && item.flags.some((flag) => flag.name === 'from');
  if (!stage || firstInChain(stage, 'copy from a stage', copiesFromStage) >= instruction.start) return undefined;
  const stages = stagesOf(doc);
  for (const item of chainInstructionsBefore(doc, instruction)) {
    if (item.keyword !== 'COPY' && item.keyword !== 'ADD') continue;
    const from = item.flags.find((flag) => flag.name === 'from')?.value?.toLowerCase();
    if (from === undefined) continue;
    const source = stages.find((stage) => stage.name === from || String(stage.index) === from);
    const sources = item.args.filter((arg) => !arg.startsWith('--')).slice(0, -1);
    // A folder, not a file (`/out/app`, `/src/go.sum`).
    if (!source || !sources.some((path) => !/\.[A-Za-z0-9]+$/.test(path.replace(/\/+$/, '').replace(/^.*\//, '')) || path.endsWith('/'))) continue;
    for (const member of stageChain(source)) {
      const vendoring = member.instructions.find((run) => run.keyword === 'RUN' && goInvocations(runAnalysisOf(doc, run)).some((candidate) => goVerb(candidate) === 'mod vendor'));
      if (vendoring) return `go mod vendor at line ${lineRef(vendoring)} (stage ${source.name ?? source.index}, copied at line ${lineRef(item)})`;
    }
  }
  return undefined;
}

function goModWrittenBefore(doc: Document, instruction: Instruction, go: GoInvocation | undefined): Pick<ModuleFacts, 'goVersion' | 'toolchain'> | undefined {
  const stage = stageOf(doc, instruction);
  if (!stage || firstInChain(stage, 'go.mod heredoc', (item) => writesGoModFile(doc, item)) >= instruction.start) return undefined;
  if (goVerbBefore(doc, instruction, go, 'mod init') !== undefined) return undefined;
  const writer = chainInstructionsBefore(doc, instruction).filter((item) => writesGoModFile(doc, item)).at(-1);
  const heredocs = (writer?.ast as { getHeredocs?: () => Heredoc[] } | undefined)?.getHeredocs?.() ?? [];
  const content = heredocs.length === 1 ? heredocs[0]!.getContentRange() : null;
  if (!writer || !content) return undefined;
  return parseGoMod(doc.text.slice(astOffset(doc, writer, content.start), astOffset(doc, writer, content.end)));
}

/** A `go mod init` before `go` (in an earlier RUN of the stage chain, or earlier in the same RUN), or a go.mod written by a COPY heredoc. */
function initsModuleBefore(doc: Document, instruction: Instruction, go: GoInvocation | undefined): boolean {
  const stage = stageOf(doc, instruction);
  if (!stage) return false;
  if (firstInChain(stage, 'go.mod heredoc', (item) => writesGoModFile(doc, item)) < instruction.start) return true;
  return goVerbBefore(doc, instruction, go, 'mod init') !== undefined;
}

/** A read-only bind mount of the RUN (no `rw`) whose target holds `folder`, or is its go.mod or go.sum: the mount's flag value, or undefined. */
function readOnlyMountOver(instruction: Instruction, folder: string | undefined, workdir: string | undefined): string | undefined {
  if (folder === undefined) return undefined;
  const flag = instruction.flags.find((candidate) => {
    if (candidate.name !== 'mount' || candidate.value === null) return false;
    const options = parseMountOptions(candidate.value);
    if (mountType(options) !== 'bind' || options.has('rw') || options.has('readwrite') || options.get('readonly') === 'false') return false;
    const target = resolveIn(workdir, mountTarget(options) ?? '');
    if (target === undefined) return false;
    // The module's folder, or its go.mod or go.sum mounted one by one (`source=go.mod,target=go.mod`): neither can be rewritten.
    return folder === target || folder.startsWith(`${target === '/' ? '' : target}/`) || target === `${folder === '/' ? '' : folder}/go.mod` || target === `${folder === '/' ? '' : folder}/go.sum`;
  });
  return flag?.value ?? undefined;
}

/** `RUN --mount=type=bind,...` from the build context: the RUN sees those files as if copied. */
function bindMountsOf(instruction: Instruction, workdir: string | undefined): ContextCopy[] {
  const copies: ContextCopy[] = [];
  for (const options of mountOptionsOf(instruction.flags)) {
    if (mountType(options) !== 'bind' || options.has('from')) continue;
    const target = mountTarget(options);
    const destination = target === undefined ? undefined : resolveIn(workdir, target);
    if (destination === undefined) continue;
    const source = (options.get('source') ?? options.get('src') ?? '.').replace(/^\/+/, '') || '.';
    copies.push({ instruction, sources: [source], destination, intoFolder: false });
  }
  return copies;
}

/** The copies before a RUN, with its bind mounts after them (they shadow what the copies put there). */
function withBindMounts(copies: CopiesBefore, mounts: ContextCopy[]): CopiesBefore {
  if (mounts.length === 0) return copies;
  const list = [...copies.list.slice(0, copies.count), ...mounts];
  return { list, count: list.length };
}

const FETCHERS = /^(?:git|wget|curl|svn|hg|fetch|aria2c)$/;

/** How the image gets sources other than from the build context before `go` runs: `git clone`, `ADD <url>`, a download, `go get`. */
function sourcesFetchedBefore(doc: Document, instruction: Instruction, go: GoInvocation | undefined): SourcesFetched | undefined {
  const stage = stageOf(doc, instruction);
  if (!stage) return undefined;
  const first = firstInChain(stage, 'fetches sources', (item) => fetchIn(doc, item, undefined) !== undefined);
  if (first < instruction.start) {
    const item = chainInstructionsOf(stage).find((candidate) => candidate.start === first)!;
    return fetchIn(doc, item, undefined);
  }
  return first === instruction.start && go ? fetchIn(doc, instruction, go) : undefined;
}

/** The fetch an instruction makes (before `go`, when given). */
function fetchIn(doc: Document, item: Instruction, go: GoInvocation | undefined): SourcesFetched | undefined {
  if (item.keyword === 'ADD' && item.args.some((arg) => /^(?:https?|git):\/\/|^git@/.test(arg)) && !addsAProgram(item)) return { description: `ADD at line ${lineRef(item)}` };
  if (item.keyword !== 'RUN') return undefined;
  const commands = commandsOf(runAnalysisOf(doc, item));
  for (const [index, command] of commands.entries()) {
    if (go && command.start >= go.command.start) break;
    const name = command.words[0]?.value.replace(/^.*\//, '') ?? '';
    if (FETCHERS.test(name) && fetchesAProgram(doc, item, command, commands[index + 1])) continue;
    // `git config --global url....insteadOf`, `git init`: git, but no fetch.
    if (name === 'git' && !/^(?:clone|fetch|pull|submodule|archive|checkout|lfs)$/.test(gitVerb(command) ?? '')) continue;
    const fetch = goInvocation(command);
    const fetchesGo = fetch?.subcommand.value === 'get' && !fetch.args.some((word) => word.value.startsWith('./') || word.value === '.');
    const description = `\`${command.words.slice(0, 2).map((word) => word.value).join(' ')}\` at line ${lineRef(item)}`;
    if (FETCHERS.test(name)) return { description };
    if (fetchesGo) return { description, goGet: true };
  }
  return undefined;
}

/** An ADD of URLs that brings a program, not sources: into a program folder, or a Go release archive (the toolchain; not a git repository, which ADD clones). */
function addsAProgram(item: Instruction): boolean {
  const destination = item.args.at(-1) ?? '';
  if (PROGRAM_FOLDER.test(destination)) return true;
  const urls = item.args.slice(0, -1);
  if (urls.some((url) => /^git(?::\/\/|@)|\.git(?:[#?]|$)/.test(url))) return false;
  // An archive of sources ADDed to /opt or /usr/local is unpacked and built by a later RUN: only Go's own archive is a program.
  return urls.every((url) => ANY_GO_RELEASE_ARCHIVE.test(url));
}

/** Where programs go (`/usr/local/bin/dep`, `$GOPATH/bin/`): a fetch that writes there installs a tool, not the sources. */
const PROGRAM_FOLDER = /^(?:\/usr(?:\/local)?)?\/s?bin(?:\/|$)|^(?:\$\{?GOPATH\}?|\/go|\$\{?HOME\}?|~|\/root)(?:\/\.local)?\/bin(?:\/|$)/;
/** What a fetch's output piped into makes of it: a key (`| apt-key add -`, `| gpg --dearmor`) or an installer that runs (`| sh`). */
const NOT_SOURCES_CONSUMER = /^(?:apt-key|gpg|sh|bash|ash|dash|zsh)$/;

/**
 * A curl or wget that fetches a program or a key, not sources: its output written into a program folder (`-o
 * /usr/local/bin/dep`, `> /usr/bin/license-check`, `-O /go/bin/x`), or piped into `apt-key`, `gpg` or a shell that runs
 * it as an installer (`curl -sSfL .../install.sh | sh -s -- -b $GOPATH/bin`).
 */
function fetchesAProgram(doc: Document, item: Instruction, command: SimpleCommand, next: SimpleCommand | undefined): boolean {
  const tool = command.words[0]?.value.replace(/^.*\//, '');
  if (tool !== 'curl' && tool !== 'wget') return false;
  const outputs: string[] = [];
  const words = command.words.map((word) => word.value);
  // A Go release archive is the toolchain, wherever it is written (also a URL held in an ARG or ENV: `wget "$GO_URL"`).
  const urls = words.map((word) => word.replace(/^(["'])(.*)\1$/, '$2')).map((word) => (word.includes('$') ? expandVariables(word, variablesBefore(doc, item)) ?? word : word)).filter((word) => /^(?:https?|ftp):\/\//.test(word));
  if (urls.length > 0 && urls.every((url) => ANY_GO_RELEASE_ARCHIVE.test(url))) return true;
  for (const [i, word] of words.entries()) {
    // Also bundled short options ending in the output one (`curl -fsSLo path`, `wget -qO path`).
    const flag = tool === 'curl'
      ? /^(?:-o|--output)(?:=(.+))?$/.exec(word) ?? /^-[A-Za-z]*o$/.exec(word) ?? /^-o(.+)$/.exec(word)
      : /^(?:-O|--output-document)(?:=(.+))?$/.exec(word) ?? /^-[A-Za-z]*O$/.exec(word) ?? /^-[A-Za-z]*O(-)$/.exec(word) ?? /^-O(.+)$/.exec(word);
    if (flag) outputs.push(flag[1] ?? words[i + 1] ?? '');
  }
  if (command.redirected) for (const match of doc.text.slice(command.start, command.end).matchAll(/(?:^|[^0-9&>])>\s*([^\s;&|]+)/g)) outputs.push(match[1]!);
  const written = outputs.filter((output) => output !== '-' && output !== '/dev/null');
  if (written.length > 0) return written.every((output) => PROGRAM_FOLDER.test(output.replace(/^["']|["']$/g, '')));
  const piped = command.after?.kind === 'op' && command.after.op === '|';
  if (!piped || next === undefined) return false;
  const consumer = next.words[0]?.value === 'sudo' ? next.words.slice(1) : next.words;
  const name = consumer[0]?.value.replace(/^.*\//, '') ?? '';
  if (NOT_SOURCES_CONSUMER.test(name)) return true;
  // `| tar -xz -C /usr/local/bin` (or /usr/local, /opt: a toolchain, a tool's tree) unpacks a program, not the sources.
  const folder = name === 'tar' ? consumer.findIndex((word) => /^(?:-C|--directory)$/.test(word.value)) : -1;
  const into = folder === -1 ? undefined : consumer[folder + 1]?.value;
  return into !== undefined && (PROGRAM_FOLDER.test(into) || /^\/(?:usr\/local|opt)(?:\/|$)/.test(into));
}

/** An official Go release archive (`go1.12.linux-amd64.tar.gz`), its version written out or as a variable (`go${GO_VERSION}.linux-...`); the OS and architecture say nothing of the version (`go${GO_VERSION}.${GOOS}-${GOARCH}.tar.gz`). */
const GO_RELEASE_ARCHIVE = /\bgo(\d+\.\d+(?:\.\d+)?|\$\{?[A-Za-z_][A-Za-z0-9_]*\}?)\.(?:linux|freebsd|darwin|windows|\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|\$\([^()]*\))-(?:[a-z0-9]+|\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|\$\([^()]*\))\.(?:tar\.gz|zip)\b/g;
/** Such an archive whatever its version says (`go${GOLANG_VERSION}.linux-${ARCH}.tar.gz` with `ARG GOLANG_VERSION=x.x.x`): the stage has Go. */
const ANY_GO_RELEASE_ARCHIVE = /\bgo(?:[\w.]+|\$\{?[A-Za-z_][\w:.-]*\}?)\.(?:linux|freebsd|darwin|windows|\$\{?[A-Za-z_]\w*\}?|\$\([^()]*\))-(?:[a-z0-9]+|\$\{?[A-Za-z_]\w*\}?|\$\([^()]*\))\.(?:tar\.gz|zip)\b/;

/** Instructions whose text may name the Go release archive a stage installs (`ARG GO_URL=https://.../go1.15.15.linux-amd64.tar.gz`, then `wget "$GO_URL"`). */
const HOLDS_A_GO_ARCHIVE = new Set(['RUN', 'ADD', 'ARG', 'ENV']);

/** The official golang image with a version tag (`golang:1.22-alpine`, `docker.io/library/golang:1.22.5`): its Go. */
const GOLANG_IMAGE_VERSION = /^(?:(?:docker\.io|index\.docker\.io)\/)?(?:library\/)?golang:(\d+\.\d+(?:\.\d+)?)(?:-|@|$)/;

/** A distribution package of Go (`apt-get install -y golang-go`, `apt install golang-1.21-go`): the version it names, if any. */
const GO_DISTRIBUTION_PACKAGE = /\bapt(?:-get)?\s[^&;|]*?\binstall\b[^&;|]*?\bgolang(?:-(1\.\d+))?(?:-go)?(?=[\s\\]|$)/g;

/**
 * The Go an image with no Go of its own gets from a RUN or ADD before `instruction` in its stage chain (or the go
 * command's own RUN): an official release archive it fetches (`wget https://go.dev/dl/go1.12.linux-amd64.tar.gz`, with
 * its version from ENV or ARG), or the distribution's package (`apt-get install golang-go` on `ubuntu:20.04`: the Go of
 * that release, image-facts.ts). The last such install, when its version can be read; undefined otherwise.
 */
function goInstalledBefore(doc: Document, instruction: Instruction, image: BaseImage): GoVersion | undefined {
  let found: GoVersion | undefined;
  const reference = image.reference === undefined ? undefined : splitImageReference(image.reference);
  const distributionGo = reference && distributionGoOf(reference.name, reference.tag && image.reference!.slice(reference.tag.start, reference.tag.end));
  for (const item of [...chainInstructionsBefore(doc, instruction), instruction]) {
    // `COPY --from=golang:1.22-alpine /usr/local/go /usr/local/go`: that image's Go.
    const from = item.keyword === 'COPY' ? item.flags.find((flag) => flag.name === 'from')?.value : undefined;
    const copiedGo = from && item.args.some((arg) => /^\/usr\/local\/go\/?$/.test(arg)) ? GOLANG_IMAGE_VERSION.exec(from)?.[1] : undefined;
    if (copiedGo) found = parseGoVersion(copiedGo) ?? found;
    if (!HOLDS_A_GO_ARCHIVE.has(item.keyword)) continue;
    const text = doc.text.slice(item.start, item.end);
    for (const match of text.matchAll(GO_RELEASE_ARCHIVE)) {
      const written = match[1]!;
      const expanded = written.startsWith('$') ? expandVariables(written, variablesBefore(doc, item)) : written;
      const version = expanded === undefined ? undefined : parseGoVersion(expanded);
      if (version && version.major === 1) found = version;
    }
    if (item.keyword !== 'RUN') continue;
    for (const match of text.matchAll(GO_DISTRIBUTION_PACKAGE)) {
      const version = parseGoVersion(match[1] ?? distributionGo ?? '');
      if (version) found = version;
    }
  }
  return found;
}

const OUTSIDE_ANY_MODULE = 'outside any module';
/** Go builds from vendor/ by default since 1.14, for a go.mod whose go line is 1.14 or later. */
const VENDOR_BY_DEFAULT_SINCE = parseGoVersion('1.14')!;
const vendorsByDefault = (version: GoVersion | undefined): boolean => version?.minor !== undefined && compareGoVersions(version, VENDOR_BY_DEFAULT_SINCE) >= 0;

function gopathModeOf(env: GoEnvironment, module: ModuleRead, imageGo: GoVersion | undefined, workdir: string | undefined): string | undefined {
  const setting = env.get('GO111MODULE');
  if (setting === 'off') return `GO111MODULE=off (${env.origin('GO111MODULE')}) builds in GOPATH mode`;
  if (setting === 'on') return undefined;
  if (imageGo && imageGo.minor !== undefined && compareGoVersions(imageGo, MODULES_SINCE) < 0) return `Go ${imageGo.text} predates modules (GOPATH mode)`;
  if (module.how === 'none' && !module.workspaceBy) {
    // Since Go 1.16 a build with no go.mod is not GOPATH mode but outside any module: go.mod, go mod and -mod apply no more.
    const moduleModeByDefault = !imageGo || imageGo.minor === undefined || compareGoVersions(imageGo, MODULE_MODE_DEFAULT_SINCE) >= 0;
    return `${module.detail}: the build runs ${moduleModeByDefault ? OUTSIDE_ANY_MODULE : 'in GOPATH mode'}`;
  }
  if (module.how === 'elsewhere') return undefined;
  const gopath = env.get('GOPATH') ?? undefined;
  const underGopathSrc = gopath !== undefined && workdir !== undefined && (workdir === `${gopath}/src` || workdir.startsWith(`${gopath}/src/`));
  if (module.how === 'nearest' && !module.goModFile && underGopathSrc) return `no go.mod was found and the build runs under ${gopath}/src: GOPATH mode`;
  if (underGopathSrc && imageGo && imageGo.minor !== undefined && compareGoVersions(imageGo, AUTO_MODULES_IN_GOPATH_SINCE) < 0) {
    return `Go ${imageGo.text} builds inside ${gopath}/src in GOPATH mode unless GO111MODULE=on`;
  }
  return undefined;
}

function cannotFetchReason(instruction: Instruction, env: GoEnvironment): string | undefined {
  const network = instruction.flags.find((flag) => flag.name === 'network');
  if (network?.value === 'none') return 'the RUN has --network=none';
  const proxy = env.get('GOPROXY');
  if (proxy === 'off') return `GOPROXY=off (${env.origin('GOPROXY')})`;
  return undefined;
}

function reportOf(doc: Document, model: ImageModel): ModelReport {
  const shown = (file: string): string => nodePath.relative(process.cwd(), file) || '.';
  const said = (message: string): string => resolveLineRefs(message, (offset) => lineOf(doc, offset) + 1);
  const context: ModelReport['context'] = { how: model.context.how, detail: said(model.context.detail) };
  if (model.context.dir !== undefined) context.dir = shown(model.context.dir);
  const stages = stagesOf(doc).map((stage): StageReport => {
    const image = model.baseImage(stageChain(stage)[0]!);
    const report: StageReport = { line: stage.from.line + 1, goCommands: [], moduleCacheConsumers: [] };
    if (stage.name) report.name = stage.name;
    if (image.reference) report.image = image.reference;
    if (image.goVersion) report.goVersion = image.goVersion.text;
    for (const instruction of stage.instructions) {
      if (instruction.keyword !== 'RUN') continue;
      const gos = goInvocations(runAnalysisOf(doc, instruction));
      for (const go of gos) {
        const facts = model.goCommand(instruction, go);
        const entry: StageReport['goCommands'][number] = { line: instruction.line + 1, command: `go ${goVerb(go)}`, module: said(facts.module.detail) };
        if (facts.workdir) entry.workdir = facts.workdir;
        if (facts.module.goModFile) entry.goMod = shown(facts.module.goModFile);
        if (facts.module.vendored) entry.vendored = true;
        if (facts.module.workspaceFile) entry.workspace = shown(facts.module.workspaceFile);
        else if (facts.module.workspaceBy) entry.workspace = said(facts.module.workspaceBy);
        if (facts.module.vendoredBy) entry.vendoredBy = said(facts.module.vendoredBy);
        if (facts.module.missingGoFolders) entry.missingGoFolders = facts.module.missingGoFolders;
        if (facts.gopathMode) entry.gopathMode = said(facts.gopathMode);
        // An image with no Go of its own: the Go the stage installs (goInstalledBefore) is the stage's Go, not a bump.
        if (facts.goVersion && !image.goVersion) report.goVersion ??= facts.goVersion.text;
        else if (facts.goVersion && facts.goVersion.text !== report.goVersion) report.goVersionAfter = facts.goVersion.text;
        report.goCommands.push(entry);
      }
      if (gos.some((go) => goVerb(go) === 'mod download')) {
        const consumers = model.moduleCacheConsumers(instruction);
        report.moduleCacheConsumers.push({
          line: instruction.line + 1,
          consumers: consumers.map((consumer) => ({ line: consumer.instruction.line + 1, kind: consumer.kind, needsLayer: consumer.needsLayer, description: said(consumer.description) })),
        });
      }
    }
    return report;
  });
  return { context, stages };
}
