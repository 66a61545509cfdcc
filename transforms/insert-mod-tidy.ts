// insert-mod-tidy: run `go mod tidy` once the sources are in the image and
// before the first go command that compiles them, so go.mod and go.sum match
// the code being built. One tidy per stage that builds.
import nodePath from 'node:path';
import { endOfLineWithBreak, keywordLike, lineRef, startOfLine, type Instruction } from '../src/document.js';
import { buildsOnlyDependencies, commandsOf, goInvocations, goVerb, isModuleBuild, namesVersionedPackage, type GoInvocation, type RunAnalysis } from '../src/run.js';
import { modeFactOf, type GoCommandFacts, type ModeFact, type ModuleRead } from '../src/model/index.js';
import { LOADS_PACKAGES } from '../src/model/cache-flow.js';
import { credentialSetupBefore, credentialsShown } from '../src/model/fetch-context.js';
import { GO_ENV_W_IN_THIS_RUN } from '../src/model/go-env.js';
import { AUTO_MODULES_IN_GOPATH_SINCE, compareGoVersions, parseGoVersion, tidyRefusesNewerGoLine } from '../src/go-version.js';
import { mountTarget, mountType, parseMountOptions } from '../src/mounts.js';
import { withoutQuoting } from '../src/shell.js';
import { chainInstructionsBefore, chainInstructionsOf, setInRunBefore, stageChain, variablesBefore } from '../src/stage-facts.js';
import { runAnalysisOf, stageOf, stagesOf, type Stage } from '../src/stages.js';
import { GOLANG_GOROOT, holdsTheSystem } from '../src/image-facts.js';
import type { Context, Transform } from '../src/transform.js';

const MODULE_FILES = /^go\.(?:mod|sum|work|work\.sum|\*)$/;

export const insertModTidy: Transform = {
  id: 'insert-mod-tidy',
  summary: 'Insert `RUN go mod tidy` after the sources are copied, before the first go build of each stage.',
  // Every go tool name (go, xx-go, /usr/local/go/bin/go, go1.22) contains `go`.
  mayApply: (text) => {
    const loose = withoutQuoting(text);
    return loose.includes('go') && (loose.includes('build') || loose.includes('install') || loose.includes('run') || /\stest\s[^\n]*-c\b/.test(loose));
  },
  apply(ctx) {
    for (const stage of stagesOf(ctx.doc)) planStage(ctx, stage);
  },
};

interface GoRun {
  instruction: Instruction;
  analysis: RunAnalysis;
  invocations: readonly GoInvocation[];
}

function planStage(ctx: Context, stage: Stage): void {
  noteOnbuildGo(ctx, stage);
  const ownRuns = goRuns(ctx, stage.instructions);
  const chain = chainInstructionsOf(stage);
  const builds = ownRuns.filter((run) => run.invocations.some((go) => isModuleBuild(go) && !installsOthersTools(ctx, run, go)));
  // `go install github.com/x/tool` before the sources are copied builds a dependency from go.mod alone: no tidy there, nor a note.
  const build = builds.find((run) => !buildsDependenciesBeforeSources(ctx, run, chain));
  const unreadable = firstUnreadableBuild(ctx, stage);
  if (unreadable && (!build || unreadable.start <= build.instruction.start)) {
    ctx.note(unreadable.start, `a RUN that seems to build cannot be read safely (${runAnalysisOf(ctx.doc, unreadable).unclear}); go mod tidy not inserted`);
    return;
  }
  if (!build) {
    return;
  }
  const buildCommand = build.invocations.find((go) => isModuleBuild(go) && !installsOthersTools(ctx, build, go))!;
  const beforeBuild = chain.filter((instruction) => instruction.start < build.instruction.start);
  const sourceCopy = beforeBuild.findLast((instruction) => isSourceCopy(ctx, instruction));
  if (!sourceCopy) {
    // The model's fact (sources cloned in the image, GOPATH mode...) says more, and add-mod-flag states the same one: said once.
    const fact = modeFactOf(ctx.model().goCommand(build.instruction, buildCommand));
    if (fact && !sourcesMountedBy(build.instruction)) {
      ctx.noteFact(buildCommand.subcommand.start, `${fact.kind}:${fact.detail}`, `${TIDY_REASONS[fact.kind](fact.detail)}; go mod tidy not inserted`);
      return;
    }
    const onbuildCopy = chain.find((instruction) => instruction.keyword === 'ONBUILD' && /^(?:COPY|ADD)$/i.test(instruction.args[0] ?? ''));
    const reason = sourcesMountedBy(build.instruction)
      ? 'the build reads its sources from a --mount, so a separate RUN go mod tidy would not see them'
      : onbuildCopy
        ? `the sources arrive through ONBUILD ${onbuildCopy.args[0]!.toUpperCase()} at line ${lineRef(onbuildCopy)}, a trigger dockmod does not follow`
        : 'no COPY/ADD of the sources comes before the build in this stage';
    ctx.note(buildCommand.subcommand.start, `${reason}; go mod tidy not inserted`);
    return;
  }
  const afterCopy = goRuns(ctx, chain.filter((i) => i.start > sourceCopy.start && i.start <= build.instruction.start));
  if (afterCopy.some((run) => runsTidyBeforeItsBuild(run))) return;
  // An earlier stage that builds after the same COPY gets the tidy itself.
  if (afterCopy.some((run) => run.instruction.start < stage.from.start && run.invocations.some(isModuleBuild))) return;

  const target = afterCopy.find((run) => run.instruction.start > stage.from.start && run.invocations.some(loadsPackages))!;
  const firstLoad = target.invocations.find(loadsPackages)!;
  const left = reasonToLeave(ctx, target, firstLoad);
  if (left) {
    const message = `${left.reason}; go mod tidy not inserted`;
    if (left.fact) ctx.noteFact(firstLoad.subcommand.start, left.fact, message);
    else ctx.note(firstLoad.subcommand.start, message);
    return;
  }
  // COPYs that leave module folders out: tidy would fail on a copied package that imports one; `-e` goes on, and the build then
  // needs only what it compiles (shown by the real-build case selective-copy-test-import).
  const facts = ctx.model().goCommand(target.instruction, firstLoad);
  // With the build context unknown and no COPY of it whole, folders may be left out: -e too, erring on that side.
  const { missingGoFolders, goFoldersUnknown } = facts.module;
  const selective = missingGoFolders !== undefined || goFoldersUnknown === true;
  // The image's Go, or with the image unknown go.mod's go line (as add-mod-flag reads it for -mod=mod).
  const go = selective ? ctx.model().goVersionAssumedAt(target.instruction, facts.module) : undefined;
  if (go && compareGoVersions(go.version, TIDY_E_SINCE) < 0) {
    const leftOut = missingGoFolders ? `leave out module folders with Go files (${shownFolders(missingGoFolders)})` : 'may leave out module folders with Go files (the build context is unknown, and none copies it whole)';
    const which = go.from === 'image' ? `Go ${go.version.text} has` : `the image's Go is not known here and go.mod asks only for go ${facts.module.goVersion}: a Go before 1.16 has`;
    ctx.note(firstLoad.subcommand.start, `the COPY instructions ${leftOut}, and ${which} no go mod tidy -e; go mod tidy not inserted`);
    return;
  }
  const environment = moduleEnvironmentPrefix(ctx, target.instruction, firstLoad);
  if ('reason' in environment) {
    ctx.note(firstLoad.subcommand.start, `${environment.reason}; go mod tidy not inserted`);
    return;
  }
  const tidy = `${environment.prefix}${selective ? 'go mod tidy -e' : 'go mod tidy'}`;
  const folder = tidyFolder(ctx, target, firstLoad);
  ctx.edit(tidyInsertion(ctx, target.instruction, folder === undefined ? tidy : `cd ${folder} && ${tidy}`));
}

/** The RUN runs `cd`, `pushd` or `popd` before `go`. */
function changesDirectoryBefore(run: GoRun, go: GoInvocation): boolean {
  return commandsOf(run.analysis).some((command) => command.start < go.command.start && ['cd', 'pushd', 'popd'].includes(command.words[0]?.value ?? ''));
}

/** `go build -C dir`: the command runs in another folder. */
function buildsWithC(go: GoInvocation): boolean {
  return go.args.some((word) => /^--?C(?:=|$)/.test(word.value));
}

/** A folder written as a shell word needs no quoting: letters, digits and `_./-`. */
const PLAIN_FOLDER = /^\/[A-Za-z0-9_./-]*$/;

/**
 * The folder a tidy must `cd` to: the module root of a build whose RUN first changes directory (`cd /src && go build`),
 * or that builds another directory (`go build -C /src`), in a module other than its WORKDIR's, when the model knows that root and it is a plain absolute path. Undefined
 * when the tidy runs where the RUN starts (the same module), or when the folder cannot be told.
 */
function tidyFolder(ctx: Context, run: GoRun, go: GoInvocation): string | undefined {
  if (!changesDirectoryBefore(run, go) && !buildsWithC(go)) return undefined;
  const { module } = ctx.model().goCommand(run.instruction, go);
  if (module.how !== 'context' || sameModuleAsStage(ctx, run.instruction, module)) return undefined;
  return module.moduleRoot !== undefined && PLAIN_FOLDER.test(module.moduleRoot) ? module.moduleRoot : undefined;
}

/** A RUN whose shell dockmod cannot fully read (case ... esac, an open quote) but whose text mentions a go build. */
function firstUnreadableBuild(ctx: Context, stage: Stage): Instruction | undefined {
  return stage.instructions.find((instruction) =>
    instruction.keyword === 'RUN' &&
    /\bgo\b[^\n]*?\b(?:build|install)\b/.test(ctx.doc.text.slice(instruction.start, instruction.end)) &&
    runAnalysisOf(ctx.doc, instruction).unclear !== undefined);
}

function buildsDependenciesBeforeSources(ctx: Context, run: GoRun, chain: readonly Instruction[]): boolean {
  return run.invocations.filter(isModuleBuild).every(buildsOnlyDependencies) &&
    !sourcesMountedBy(run.instruction) &&
    !chain.some((instruction) => instruction.start < run.instruction.start && isSourceCopy(ctx, instruction));
}

/**
 * `go install github.com/golang/mock/mockgen` (a dependency's tool, named by a path outside the module go.mod declares) or
 * `go install tool` (Go 1.24's go.mod tool lines) after COPYs that leave module folders out (a tools.go alone): it builds
 * others' packages from go.mod, so it is not the module's build, and a tidy before it, with the sources not yet there,
 * would drop their requirements.
 */
function installsOthersTools(ctx: Context, run: GoRun, go: GoInvocation): boolean {
  if (go.subcommand.value !== 'install') return false;
  const packages = go.args.filter((word) => !word.value.startsWith('-'));
  const toolLines = packages.length > 0 && packages.every((word) => word.value === 'tool');
  if (!toolLines && !buildsOnlyDependencies(go)) return false;
  const { module } = ctx.model().goCommand(run.instruction, go);
  const own = module.modulePath;
  if (!toolLines && (own === undefined || packages.some((word) => word.value === own || word.value.startsWith(`${own}/`)))) return false;
  // With every Go folder of the module copied (hugo's `COPY . .` then `go install github.com/magefile/mage`), a tidy
  // before it sees all imports: it stays the place for the tidy.
  return module.missingGoFolders !== undefined || module.goFoldersUnknown === true;
}

function goRuns(ctx: Context, instructions: readonly Instruction[]): GoRun[] {
  const runs: GoRun[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword !== 'RUN') continue;
    const analysis = runAnalysisOf(ctx.doc, instruction);
    const invocations = goInvocations(analysis);
    if (invocations.length > 0) runs.push({ instruction, analysis, invocations });
  }
  return runs;
}

function loadsPackages(go: GoInvocation): boolean {
  // `go mod vendor` reads every package's imports as a build does (and fails on the same missing go.sum entries): a tidy
  // before it leaves vendor/ made from the tidied go.mod.
  return (LOADS_PACKAGES.has(go.subcommand.value) && !namesVersionedPackage(go)) || goVerb(go) === 'mod vendor';
}

/** A tidy in this RUN that runs before any command that loads packages. */
function runsTidyBeforeItsBuild(run: GoRun): boolean {
  for (const go of run.invocations) {
    if (goVerb(go) === 'mod tidy') return true;
    if (loadsPackages(go)) return false;
  }
  return false;
}

/** COPY/ADD from the build context (not `--from=`) of more than go.mod/go.sum. */
function isSourceCopy(ctx: Context, instruction: Instruction): boolean {
  if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') return false;
  if (instruction.flags.some((flag) => flag.name === 'from')) return false;
  const words = instruction.args.filter((arg) => arg !== '\\' && arg !== '`' && !arg.startsWith('--'));
  if (words[0]?.startsWith('<<')) return true;
  const sources = words.slice(0, -1);
  // A folder (also one named like a file, `0chain.net`), `.`, Go files or a glob bring sources; a lone file of another kind (go.toolchain.rev, Makefile.inc) does not.
  const bringsSources = (source: string): boolean => {
    const name = source.replace(/\/+$/, '').replace(/^.*\//, '');
    if (MODULE_FILES.test(name)) return false;
    return name === '' || name === '.' || name === '..' || /\.go$|[*?[]/.test(name) || !/\.[A-Za-z0-9]+$/.test(name) || source.endsWith('/') ||
      ctx.model().isContextFolder(source);
  };
  return sources.length === 0 || sources.some(bringsSources);
}

function sourcesMountedBy(instruction: Instruction): boolean {
  return instruction.flags.some((flag) => flag.name === 'mount' && flag.value !== null && mountType(parseMountOptions(flag.value)) === 'bind');
}

/**
 * A bind mount whose target is a folder tidy never reads (`target=/tmp/.ldflags`, a file from another stage for the
 * linker): outside the module, its parents, the Go paths (GOPATH, GOMODCACHE, GOROOT), and the home and /etc folders
 * where credentials and git settings live. A separate tidy does without it.
 */
function bindOutsideWhatTidyReads(options: ReadonlyMap<string, string>, facts: GoCommandFacts): boolean {
  const target = mountTarget(options);
  const root = facts.module.moduleRoot;
  if (mountType(options) !== 'bind' || target === undefined || !target.startsWith('/') || target.includes('$') || root === undefined) return false;
  const path = nodePath.posix.normalize(target).replace(/\/+$/, '') || '/';
  const overlaps = (folder: string): boolean => path === folder || path.startsWith(`${folder}/`) || folder.startsWith(`${path === '/' ? '' : path}/`);
  const goPaths: string[] = [];
  for (const [name, fallback] of [['GOPATH', '/go'], ['GOMODCACHE', undefined], ['GOROOT', '/usr/local/go']] as const) {
    const value = facts.env.get(name);
    if (value === null || (value !== undefined && !value.startsWith('/'))) return false; // set, but to what cannot be told
    if (value ?? fallback) goPaths.push((value ?? fallback)!);
  }
  return ![root, ...goPaths, '/root', '/home', '/etc'].some(overlaps);
}

/** Why tidy must not run before this build; `fact`, when the reason is a fact of the model that add-mod-flag states too. */
function reasonToLeave(ctx: Context, run: GoRun, go: GoInvocation): { reason: string; fact?: string } | undefined {
  const facts = ctx.model().goCommand(run.instruction, go);
  const { module, env } = facts;
  const modelFact = modeFactOf(facts);
  // The command the fact is about, where it is not the build (`go list -mod=readonly all` before it).
  const command = go.subcommand.value === 'build' || go.subcommand.value === 'install' ? undefined : `go ${go.subcommand.value}`;
  if (modelFact) return { reason: TIDY_REASONS[modelFact.kind](modelFact.detail, command), fact: `${modelFact.kind}:${modelFact.detail}` };
  if (module.how === 'none') return { reason: module.detail };
  const newer = goModNewerThanGo(facts);
  if (newer) return { reason: newer };
  const gopathRisk = gopathModeOnAnOlderGo(ctx, run, facts);
  if (gopathRisk) return { reason: gopathRisk };
  if (facts.goModInGopath) {
    return { reason: `go.mod lands at ${facts.goModInGopath}/go.mod, in $GOPATH itself, where go ignores it for go mod tidy ("go: warning: ignoring go.mod in $GOPATH"; tidy fails); copy the module to a folder outside ${facts.goModInGopath} to tidy it` };
  }
  // No WORKDIR, and an image whose own working directory dockmod does not know (a golang mirror's /go, a plain image's /).
  const stage = stageOf(ctx.doc, run.instruction);
  if (facts.workdir === undefined && module.moduleRoot === undefined && stage && facts.image.workdir === undefined && !stageChain(stage).some((s) => s.instructions.some((item) => item.keyword === 'WORKDIR' && item.start < run.instruction.start))) {
    return { reason: `the file sets no WORKDIR and the working directory of ${facts.image.reference ?? facts.image.written} is not known: go.mod may land at / or in $GOPATH, where go mod tidy fails (set a WORKDIR to tidy)` };
  }
  const aboveGoroot = module.moduleRoot !== undefined && holdsTheSystem(module.moduleRoot);
  if (aboveGoroot) {
    return { reason: `go.mod lands at ${module.moduleRoot === '/' ? '' : module.moduleRoot}/go.mod, above the image's own folders: go mod tidy loads every package below the module root, the Go installation (${GOLANG_GOROOT}) and the system's folders included, and fails there; copy the module to a folder of its own (WORKDIR /src) to tidy it` };
  }
  const changesDirectory = changesDirectoryBefore(run, go);
  const changesModule = buildsWithC(go) || changesDirectory;
  const backWhereItStarted = facts.workdir !== undefined && facts.workdir === ctx.model().workdirAt(run.instruction) && !buildsWithC(go);
  if (changesModule && !backWhereItStarted && !sameModuleAsStage(ctx, run.instruction, facts.module) && tidyFolder(ctx, run, go) === undefined) {
    return { reason: changesDirectory ? `the RUN changes directory before go ${go.subcommand.value}` : `go ${go.subcommand.value} -C builds another directory` };
  }
  const foreignMount = run.instruction.flags.find((flag) => flag.name === 'mount' && flag.value !== null && !['cache', 'tmpfs'].includes(mountType(parseMountOptions(flag.value))) && !bindOutsideWhatTidyReads(parseMountOptions(flag.value), facts));
  if (foreignMount) return { reason: `the build uses --mount=${foreignMount.value}, which a separate RUN go mod tidy would lack` };
  const credentials = credentialMountBefore(ctx, run.instruction);
  if (credentials) return { reason: `the stage fetches modules with --mount=${credentials} (private modules), which a separate RUN go mod tidy would lack` };
  const setup = credentialSetupBefore(ctx.doc, run.analysis, go.command.start);
  if (setup) return { reason: `the RUN sets up git credentials (${credentialsShown(ctx.doc, setup)}) before go ${go.subcommand.value}, which a separate RUN go mod tidy would lack` };
  const unwritable = module.how === 'context' ? ctx.model().goModUnwritableBy(run.instruction) : undefined;
  if (unwritable) return { reason: `the build runs as ${unwritable}, who cannot rewrite the go.mod and go.sum copied without --chown: go mod tidy and -mod=mod could not update them (copy them with --chown)`, fact: `unwritable:${unwritable}` };
  return undefined;
}

/**
 * The image's Go unknown and go.mod's go line before 1.13 (as its authors build): a Go 1.11 or 1.12 builds inside
 * $GOPATH/src in GOPATH mode (GO111MODULE=auto), where go mod tidy fails; the model's GOPATH-mode fact covers a known Go.
 */
function gopathModeOnAnOlderGo(ctx: Context, run: GoRun, facts: GoCommandFacts): string | undefined {
  const assumed = ctx.model().goVersionAssumedAt(run.instruction, facts.module);
  if (assumed?.from !== 'go.mod' || compareGoVersions(assumed.version, AUTO_MODULES_IN_GOPATH_SINCE) >= 0 || facts.env.get('GO111MODULE') === 'on') return undefined;
  const gopath = facts.env.get('GOPATH') ?? '/go';
  if (gopath === null || facts.workdir === undefined || !(facts.workdir === `${gopath}/src` || facts.workdir.startsWith(`${gopath}/src/`))) return undefined;
  return `the image's Go is not known here and go.mod asks only for go ${facts.module.goVersion}: a Go before 1.13 builds inside ${gopath}/src in GOPATH mode, where go mod tidy fails`;
}

/**
 * go.mod asks for a newer Go than the command runs with, on a Go that tidy refuses it with (tidyRefusesNewerGoLine).
 */
function goModNewerThanGo({ moduleGoVersion: asked, goVersion: go }: GoCommandFacts): string | undefined {
  if (!asked || !go || !tidyRefusesNewerGoLine(asked, go)) return undefined;
  return `go.mod asks for go ${asked.text}, newer than the Go ${go.text} this build runs with, which cannot switch toolchains (Go 1.21 can): its go mod tidy refuses such a go.mod ("maximum version supported by tidy")`;
}

const TIDY_REASONS: Record<ModeFact['kind'], (detail: string, command?: string) => string> = {
  'gopath-mode': (detail) => detail,
  elsewhere: (detail) => `${detail}: not the module the build context brings`,
  'module-unknown': (detail) => `${detail} nor does any COPY name one: whether the build runs in module mode cannot be told`,
  vendored: (by) => `${by ? `the stage runs ${by} before this build` : 'the module is vendored (vendor/modules.txt)'}: tidy does not update vendor/ and the vendored build would then fail`,
  workspace: (by) => (by ? `${by} puts the build in workspace mode` : 'a go.work is present: the build runs in workspace mode'),
  'mod-flag': (mod, command = 'the build') => (mod === 'vendor' ? `${command} uses -mod=vendor: tidy does not update vendor/` : `${command} sets -mod=readonly: its author wants go.mod and go.sum left as they are`),
  'cannot-fetch': (detail) => `${detail}: tidy would need to fetch modules`,
  pruned: (detail) => `${detail}; a tidy here would add them anew at their latest versions, not the ones go.mod pinned (tidy after the source COPY instead)`,
};

/** A go command that changes directory still builds the module a plain RUN at the stage's working directory sees. */
function sameModuleAsStage(ctx: Context, instruction: Instruction, module: ModuleRead): boolean {
  if (module.how !== 'context') return false;
  return ctx.model().moduleAtWorkdir(instruction).goModFile === module.goModFile;
}

/** A secret or ssh mount on an earlier RUN of the stage chain that runs go: how the stage reaches private modules. */
function credentialMountBefore(ctx: Context, instruction: Instruction): string | undefined {
  for (const earlier of chainInstructionsBefore(ctx.doc, instruction)) {
    if (earlier.keyword !== 'RUN') continue;
    const mount = earlier.flags.find((flag) => flag.name === 'mount' && flag.value !== null && ['secret', 'ssh'].includes(mountType(parseMountOptions(flag.value))));
    if (mount && goInvocations(runAnalysisOf(ctx.doc, earlier)).length > 0) return mount.value!;
  }
  return undefined;
}

/**
 * `ONBUILD RUN go build ...`: the trigger runs in every image built FROM this stage, where dockmod cannot see what the
 * COPYs bring. It is said, once per stage, rather than left silently unmigrated.
 */
function noteOnbuildGo(ctx: Context, stage: Stage): void {
  const trigger = stage.instructions.find((instruction) => instruction.keyword === 'ONBUILD' && /^RUN$/i.test(instruction.args[0] ?? '') &&
    /(?:^|[\s;&|(])go\s+(?:(?:build|mod\s+download|get|test)\b|(?:install|run)\s(?![^\n]*@))/.test(ctx.doc.text.slice(instruction.start, instruction.end)));
  // Triggers that fetch sources of their own (`ONBUILD RUN git clone ...`) build another repository: nothing of this one to migrate.
  const fetches = stage.instructions.some((instruction) => instruction.keyword === 'ONBUILD' && /\bgit\s+clone\b|^\s*ONBUILD\s+ADD\s+(?:\S+\s+)*(?:https?|git):\/\//i.test(ctx.doc.text.slice(instruction.start, instruction.end)));
  if (trigger && !fetches) ctx.note(trigger.start, 'ONBUILD runs go commands in the images built FROM this stage: dockmod does not migrate ONBUILD triggers (tidy, -mod=mod, cache mounts, the download); migrate them by hand');
}

/** `RUN go mod tidy` on its own line, right after the instruction before the build (so above the build's comments). */
const TIDY_E_SINCE = parseGoVersion('1.16')!;

function shownFolders(folders: readonly string[]): string {
  const shown = folders.slice(0, 3).map((folder) => (folder === '' ? '(the module root)' : `${folder}/`)).join(', ');
  return folders.length > 3 ? `${shown} and ${folders.length - 3} more` : shown;
}

/** Variables that decide which Go runs and where modules come from: a build's own `GOTOOLCHAIN=auto go build` prefix goes on its tidy too. */
const MODULE_ENVIRONMENT = new Set(['GOTOOLCHAIN', 'GOPROXY', 'GOPRIVATE', 'GONOPROXY', 'GONOSUMDB', 'GONOSUMCHECK', 'GOSUMDB', 'GOINSECURE', 'GOFLAGS', 'GO111MODULE', 'GOWORK', 'GOMODCACHE', 'GOPATH']);

/**
 * The build's own assignments of MODULE_ENVIRONMENT, as written and followed by a space ('' for none). One that reads a
 * variable goes only where the tidy's RUN sees it too: an ENV or ARG before the build, not set by the build's RUN itself.
 * What the RUN itself sets before the build (an export, a `go env -w`) goes as a prefix with its value, quoted where
 * it needs it; `reason` when a value cannot be carried (dockmod cannot tell it), for the tidy would run without it.
 */
function moduleEnvironmentPrefix(ctx: Context, run: Instruction, go: GoInvocation): { prefix: string } | { reason: string } {
  const declared = variablesBefore(ctx.doc, run);
  const sameForTidy = (text: string): boolean => {
    if (/[`\n\\]/.test(text) || /\$(?![{A-Za-z_])/.test(text)) return false;
    return [...text.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].every(([, name]) => declared.has(name!) && !setInRunBefore(ctx.doc, run, name!, go.command.start));
  };
  const words = go.assignments.filter((word) => MODULE_ENVIRONMENT.has(word.value.slice(0, word.value.indexOf('='))));
  const written = words.map((word) => ctx.doc.text.slice(word.start, word.end)).filter(sameForTidy);
  // What the RUN exports before the build (`export GO111MODULE=on && go build`), with a plain value, the tidy's RUN lacks: it gets it as a prefix.
  const { env } = ctx.model().goCommand(run, go);
  const prefixed = new Set(words.map((word) => word.value.slice(0, word.value.indexOf('='))));
  const exported: string[] = [];
  for (const name of MODULE_ENVIRONMENT) {
    const origin = env.origin(name);
    if (prefixed.has(name) || (origin !== 'this RUN' && origin !== GO_ENV_W_IN_THIS_RUN)) continue;
    const value = env.get(name);
    const word = value === null || value === undefined ? undefined : shellAssignment(name, value);
    if (word === undefined) return { reason: `the RUN sets ${name} (${origin}) before the build to a value dockmod cannot carry to a separate RUN go mod tidy, which would run without it` };
    exported.push(word);
  }
  const all = [...exported, ...written];
  return { prefix: all.length === 0 ? '' : `${all.join(' ')} ` };
}

/** `NAME=value` as a shell word: as is when plain, else in single quotes (`GOPRIVATE='github.com/acme/*'`); undefined when it holds a quote or a line break. */
function shellAssignment(name: string, value: string): string | undefined {
  if (/^[\w.,/:@+-]*$/.test(value)) return `${name}=${value}`;
  return /['\r\n]/.test(value) ? undefined : `${name}='${value}'`;
}

function tidyInsertion(ctx: Context, build: Instruction, command: string): { start: number; end: number; text: string } {
  const { text, eol, instructions } = ctx.doc;
  const previous = instructions[build.index - 1]!;
  const at = endOfLineWithBreak(text, previous.end);
  const indent = /^[ \t]*/.exec(text.slice(startOfLine(text, build.start), build.start))![0];
  // The previous instruction may end the file without a line break only if the build came before it: never here.
  return { start: at, end: at, text: `${indent}${keywordLike(build, 'RUN')} ${command}${eol}` };
}
