// Who reads the modules a RUN leaves in the image's module cache: later go
// commands of its stage and the stages built FROM it, RUNs that read the
// cache's files, `COPY --from` of the cache, the container at run time,
// builds that cannot fetch (no network, GOPROXY=off, private modules) and
// commands dockmod cannot see into (make, scripts). Only go commands that can
// fetch for themselves do without the modules in the layer.
import { lineRef, type Document, type Instruction } from '../document.js';
import { mountType, parseMountOptions } from '../mounts.js';
import { analyzeRun, commandsOf, getOnlyFetches, goInvocation, goInvocations, goVerb, namesVersionedPackage, packageArguments, type GoInvocation } from '../run.js';
import type { SimpleCommand, Word } from '../shell.js';
import { chainInstructionsBefore, chainInstructionsOf, stageChain } from '../stage-facts.js';
import { runAnalysisOf, stageOf, stagesOf, type Stage } from '../stages.js';
import { objectCache } from '../object-cache.js';
import { isMake, makeInvocationOf } from './makefile.js';

export interface CacheConsumer {
  kind: 'go' | 'copy-from' | 'reads-module-cache' | 'runtime' | 'cannot-fetch' | 'opaque';
  instruction: Instruction;
  /** For messages: what reads the modules, e.g. "COPY --from=deps /go at line 12". */
  description: string;
  /** It needs the modules in the image layer: a cache mount or a removed download would take them away. */
  needsLayer: boolean;
}

/**
 * Live-reload tools of Go development images: a container that runs one builds the module with go when it starts (and
 * again on every change), so the modules the image holds are for it, even where the image's CMD is the built binary
 * (a compose file or `docker run` starts the tool instead).
 */
const LIVE_RELOAD_TOOL = /^(?:github\.com\/(?:cosmtrek\/air|air-verse\/air|githubnemo\/CompileDaemon|codegangsta\/gin|pilu\/fresh|gravityblast\/fresh|oxequa\/realize|cespare\/reflex|mitranim\/gow))(?:@|$)/;

/** Commands that build without showing dockmod their go commands. */
const BUILDER_NAMES = 'make|gmake|mage|task|just|bazel|bazelisk|goreleaser|ko|earthly|scons|ninja';
const OPAQUE_BUILDERS = new RegExp(`^(?:${BUILDER_NAMES})$`);
/** Go commands that load the module's packages (and compile them). */
export const LOADS_PACKAGES = new Set(['build', 'install', 'test', 'run', 'vet', 'generate', 'list']);
const SHELLS = /^(?:\/(?:usr\/)?bin\/)?(?:sh|bash|ash|dash|zsh)$/;

export interface CacheFlowQuery {
  doc: Document;
  /** The module cache folder in the image (e.g. /go/pkg/mod); undefined when unknown. */
  moduleCache: string | undefined;
  /** The go command can fetch modules itself (network, a proxy, no private modules). */
  canFetch: (instruction: Instruction, go: GoInvocation) => string | undefined;
  /** The first command of a RUN that builds out of dockmod's sight (make, a script). */
  opaqueBuild: (instruction: Instruction) => SimpleCommand | undefined;
}

/** What reads the module cache after a RUN: the readers in order, and the answers transforms ask for, each found by binary search. */
export interface CacheFlow {
  all(): CacheConsumer[];
  /** The first reader that needs the modules in the layer. */
  firstNeedingLayer?: CacheConsumer;
  /** A go command after the RUN reads the modules (and can fetch them itself). */
  hasGoConsumer: boolean;
}

interface FamilyEvents {
  events: CacheConsumer[];
  /** nextNeedingLayer[i]: index of the first event at or after i that needs the layer (events.length: none). */
  nextNeedingLayer: number[];
  nextGo: number[];
  lastRun: number;
  runtimes: Instruction[];
}

const families = objectCache<Stage, Map<string, FamilyEvents>>();

/** Everything after `instruction` that reads the module cache it fills. */
export function moduleCacheFlow(query: CacheFlowQuery, instruction: Instruction): CacheFlow {
  const { doc } = query;
  const stage = stageOf(doc, instruction);
  if (!stage) return { all: () => [], hasGoConsumer: false };
  const family = familyEvents(query, stage, credentialMountOf(instruction) === undefined ? undefined : instruction);
  const first = firstAfter(family.events, instruction.start);
  const onlyToolModules = fillsOnlyToolModules(doc, instruction);
  // A live-reload tool installed by a RUN that also fetches the module's modules (a download, a build) builds from them when the container starts.
  const ownReader = onlyToolModules || !fetchesBesidesLiveReload(doc, instruction) ? undefined : liveReloadConsumer(doc, instruction);
  // A tool's module graph (`go install pkg@version`) is no build's to read: an opaque build resolves its own module's
  // graph and fetches what the cache lacks (a build that cannot fetch, or a reader of the cache's files, still needs it).
  const needing = ownReader ?? (onlyToolModules
    ? family.events.slice(first).find((event) => event.needsLayer && event.kind !== 'opaque')
    : family.events[family.nextNeedingLayer[first]!]);
  const flow: CacheFlow = {
    all: () => {
      const found = [...(ownReader ? [ownReader] : []), ...family.events.slice(first)];
      const runtime = runtimeFallback(doc, family, instruction, found);
      return runtime ? [...found, runtime].sort((a, b) => a.instruction.start - b.instruction.start) : found;
    },
    hasGoConsumer: family.nextGo[first]! < family.events.length,
  };
  const runtime = needing ? undefined : runtimeFallback(doc, family, instruction, []) ?? targetFallback(query, stage, instruction);
  const firstNeeding = needing ?? runtime;
  if (firstNeeding) flow.firstNeedingLayer = firstNeeding;
  return flow;
}

/** A RUN that only fetches, with nothing after it but the container's start: the modules are for the container. */
function runtimeFallback(doc: Document, family: FamilyEvents, instruction: Instruction, found: readonly CacheConsumer[]): CacheConsumer | undefined {
  if (family.lastRun > instruction.start || found.some((consumer) => consumer.kind === 'runtime')) return undefined;
  const onlyFetches = onlyFetchesModules(doc, instruction);
  const runtime = family.runtimes.find((item) => item.start > instruction.start);
  if (!onlyFetches || !runtime) return undefined;
  return { kind: 'runtime', instruction: runtime, description: `the container that ${runtime.keyword} at line ${lineRef(runtime)} starts (no RUN after this one uses the modules)`, needsLayer: true };
}

/**
 * A stage built on the RUN's stage that is a build target of its own (`--target test`: no stage builds FROM it, copies
 * from it or mounts it) and, from the RUN on, builds nothing of the module (no go command that reads it, no opaque build,
 * no CMD or ENTRYPOINT: only setup such as `apk add g++` or a tool's `go install pkg@version`): its image is the modules'
 * destination, for the container that runs go tests or a linter in it.
 */
function targetFallback(query: CacheFlowQuery, stage: Stage, instruction: Instruction): CacheConsumer | undefined {
  const { doc } = query;
  if (!onlyFetchesModules(doc, instruction)) return undefined;
  const stages = stagesOf(doc);
  if (stages.length < 2) return undefined;
  const { used, named } = stageUsesOf(doc);
  for (const candidate of stages) {
    if (candidate === stage || used.has(candidate) || !stageChain(candidate).includes(stage)) continue;
    if (named.has(String(candidate.index)) || (candidate.name !== undefined && named.has(candidate.name))) continue;
    const after = chainInstructionsOf(candidate).filter((item) => item.start > instruction.start);
    if (after.some((item) => item.keyword === 'CMD' || item.keyword === 'ENTRYPOINT' || (item.keyword === 'RUN' && !onlySetsUp(query, item)))) continue;
    const name = candidate.name ?? `#${candidate.index}`;
    return { kind: 'runtime', instruction: candidate.from, description: `stage ${name} (line ${lineRef(candidate.from)}), a build target no other stage uses, with nothing built in it after this RUN (its containers may run go),`, needsLayer: true };
  }
  return undefined;
}

/** The stages other stages build FROM (or may), and the names COPY --from and RUN --mount from= read: once per document. */
function stageUsesOf(doc: Document): { used: Set<Stage>; named: Set<string> } {
  let uses = stageUses.get(doc);
  if (!uses) {
    const used = new Set<Stage>(stagesOf(doc).flatMap((other) => [...(other.parent ? [other.parent] : []), ...(other.parentCandidates ?? [])]));
    const named = new Set<string>();
    for (const item of doc.instructions) {
      for (const flag of item.flags) {
        if (flag.name === 'from') named.add((flag.value ?? '').toLowerCase());
        if (flag.name === 'mount' && flag.value !== null) {
          const from = parseMountOptions(flag.value).get('from');
          if (from !== undefined) named.add(from.toLowerCase());
        }
      }
    }
    stageUses.set(doc, (uses = { used, named }));
  }
  return uses;
}

const stageUses = objectCache<Document, { used: Set<Stage>; named: Set<string> }>();

/** Commands that set up a system or install a tool (packages, users, folders, a downloaded installer) and run no build or test. */
const SETUP_COMMANDS = /^(?:apk|apt-get|apt|dnf|yum|microdnf|zypper|mkdir|chmod|chown|ln|rm|cp|mv|useradd|adduser|addgroup|groupadd|true|curl|wget|tar|unzip|sh|bash|export|echo|update-ca-certificates)$/;

/**
 * A RUN that only sets up the image for its containers: each command a setup command, a tool's `go install pkg@version`
 * (or `go version`/`go env`), or `npm install`/`pip install`; a RUN that builds or runs tests (`bats acceptance.bats`,
 * `go test`) is the stage's purpose at build time, not its containers'.
 */
function onlySetsUp(query: CacheFlowQuery, item: Instruction): boolean {
  const analysis = runAnalysisOf(query.doc, item);
  const commands = commandsOf(analysis);
  if (analysis.unclear || commands.length === 0 || query.opaqueBuild(item) !== undefined) return false;
  return commands.every((command) => {
    const go = goInvocation(command);
    if (go) return go.subcommand.value === 'version' || go.subcommand.value === 'env' || namesVersionedPackage(go);
    const name = command.words[0]?.value.replace(/^.*\//, '') ?? '';
    return SETUP_COMMANDS.test(name) || (/^(?:npm|pip3?|gem)$/.test(name) && command.words[1]?.value === 'install');
  });
}

/** The RUN's go commands all install or run `pkg@version`: they ignore the current module, and fill the cache with the tools' own module graphs. */
export function fillsOnlyToolModules(doc: Document, instruction: Instruction): boolean {
  const gos = goInvocations(runAnalysisOf(doc, instruction)).filter((go) => go.subcommand.value !== 'version' && go.subcommand.value !== 'env');
  return gos.length > 0 && gos.every(namesVersionedPackage);
}

/** The RUN's go commands only fetch modules into the cache: none builds, none writes vendor/ from them. */
export function onlyFetchesModules(doc: Document, instruction: Instruction): boolean {
  let manifestsOnly: boolean | undefined;
  // `go get` of the module itself (`go get -u`, `go get .`) where only go.mod and go.sum were copied has no package to build.
  const getsWithNothingToBuild = (go: GoInvocation): boolean =>
    go.subcommand.value === 'get' && packageArguments(go).every((word) => word.value === '.' || word.value === './...') && (manifestsOnly ??= copiesOnlyManifestsBefore(doc, instruction));
  return goInvocations(runAnalysisOf(doc, instruction)).every((go) => onlyFetches(go) || getsWithNothingToBuild(go));
}

/** go.mod, go.sum, go.work (also as `go.*`, `go.sum*`), or a file that is no Go source (`Makefile.dev`, `certs/ca.crt`: a name with an extension other than .go). */
const NO_PACKAGE_SOURCE = /(?:^|\/)go\.(?:mod|sum|work|work\.sum|\*)\*?$|(?:^|\/)[^/*?[]*[^/.*?[]\.(?!go$)[A-Za-z0-9]+$/;

/** Some COPY/ADD from the build context comes before `instruction` in its stage chain, and they bring go.mod and go.sum (go.work) but no Go package. */
export function copiesOnlyManifestsBefore(doc: Document, instruction: Instruction): boolean {
  const copies = chainInstructionsBefore(doc, instruction).filter((item) => (item.keyword === 'COPY' || item.keyword === 'ADD') && !item.flags.some((flag) => flag.name === 'from'));
  return copies.length > 0 && copies.some((item) => copySources(item).some((source) => /(?:^|\/)go\.(?:mod|\*)\*?$/.test(source))) && copies.every((item) => copySources(item).length > 0 && copySources(item).every((source) => NO_PACKAGE_SOURCE.test(source)));
}

/** A COPY/ADD's sources, also of the JSON form (`COPY ["go.mod", "go.sum", "./"]`). */
function copySources(item: Instruction): string[] {
  const [only] = item.args;
  if (item.args.length === 1 && only!.startsWith('[')) {
    try {
      const words: unknown = JSON.parse(only!);
      if (Array.isArray(words) && words.every((word) => typeof word === 'string')) return (words as string[]).slice(0, -1);
    } catch {
      return [];
    }
  }
  return item.args.slice(0, -1);
}

/** The go command only fetches modules into the cache. `go get` without -d builds and installs (before Go 1.18) or edits go.mod: not a plain download. */
function onlyFetches(go: GoInvocation): boolean {
  return !LOADS_PACKAGES.has(go.subcommand.value) && goVerb(go) !== 'mod vendor' && goVerb(go) !== 'work vendor' && (go.subcommand.value !== 'get' || getOnlyFetches(go));
}

function firstAfter(events: readonly CacheConsumer[], offset: number): number {
  let low = 0;
  let high = events.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (events[middle]!.instruction.start <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Every reader of the module cache in a stage and the stages built FROM it, classified once per stage. `download`: the
 * RUN whose modules flow, when it has secret or ssh mounts (what later RUNs need to fetch as it did).
 */
function familyEvents(query: CacheFlowQuery, stage: Stage, download: Instruction | undefined): FamilyEvents {
  const { doc } = query;
  let byKey = families.get(stage);
  if (!byKey) families.set(stage, (byKey = new Map()));
  const key = `${download ? credentialKeys(download).sort().join('\u0001') : ''}\u0000${query.moduleCache ?? ''}`;
  const cached = byKey.get(key);
  if (cached) return cached;
  const family = [stage, ...stagesOf(doc).filter((other) => other !== stage && stageChain(other).includes(stage))];
  const events: CacheConsumer[] = [];
  const runtimes: Instruction[] = [];
  let lastRun = -1;
  for (const member of family) {
    for (const item of member.instructions) {
      if (item.keyword === 'RUN') {
        lastRun = Math.max(lastRun, item.start);
        const consumer = runConsumer(query, item, download);
        if (consumer) events.push(consumer);
        const liveReload = liveReloadConsumer(doc, item);
        if (liveReload) events.push(liveReload);
      } else if (item.keyword === 'CMD' || item.keyword === 'ENTRYPOINT') {
        runtimes.push(item);
        const go = goInvocations(analyzeRun(doc, item)).find((candidate) => candidate.subcommand.value !== 'version');
        if (go) events.push({ kind: 'runtime', instruction: item, description: `${item.keyword} at line ${lineRef(item)} (go ${go.subcommand.value} when the container starts)`, needsLayer: true });
      }
    }
  }
  for (const copy of copiesFrom(doc, family)) {
    const source = copy.args.filter((arg) => !arg.startsWith('--'))[0] ?? '';
    if (overlapsModuleCache(source, query.moduleCache)) {
      events.push({ kind: 'copy-from', instruction: copy, description: `COPY --from=${copy.flags.find((flag) => flag.name === 'from')!.value} ${source} at line ${lineRef(copy)}`, needsLayer: true });
    }
  }
  events.sort((a, b) => a.instruction.start - b.instruction.start);
  const nextNeedingLayer = new Array<number>(events.length + 1).fill(events.length);
  const nextGo = new Array<number>(events.length + 1).fill(events.length);
  for (let i = events.length - 1; i >= 0; i--) {
    nextNeedingLayer[i] = events[i]!.needsLayer ? i : nextNeedingLayer[i + 1]!;
    nextGo[i] = events[i]!.kind === 'go' ? i : nextGo[i + 1]!;
  }
  const result = { events, nextNeedingLayer, nextGo, lastRun, runtimes };
  byKey.set(key, result);
  return result;
}

/** The container's start, where the live-reload tool the RUN installs builds the module from the cache. */
function liveReloadConsumer(doc: Document, item: Instruction): CacheConsumer | undefined {
  const tool = liveReloadToolOf(doc, item);
  return tool ? { kind: 'runtime', instruction: item, description: `the go build that ${tool} (installed at line ${lineRef(item)}) runs when the container starts`, needsLayer: true } : undefined;
}

/** Besides installing a live-reload tool, the RUN runs go commands that fetch the module's modules (`go mod download && go install .../air@latest`). */
function fetchesBesidesLiveReload(doc: Document, item: Instruction): boolean {
  const others = goInvocations(runAnalysisOf(doc, item)).filter((go) =>
    go.subcommand.value !== 'version' && go.subcommand.value !== 'env' && !((go.subcommand.value === 'get' || go.subcommand.value === 'install') && go.args.some((word) => LIVE_RELOAD_TOOL.test(word.value))));
  return others.length > 0;
}

/** The live-reload tool a RUN installs (`go install github.com/air-verse/air@latest`, `go get github.com/cosmtrek/air`), by its package path. */
function liveReloadToolOf(doc: Document, item: Instruction): string | undefined {
  if (!doc.text.slice(item.start, item.end).includes('github.com/')) return undefined;
  for (const go of goInvocations(runAnalysisOf(doc, item))) {
    if (go.subcommand.value !== 'get' && go.subcommand.value !== 'install') continue;
    const tool = go.args.find((word) => LIVE_RELOAD_TOOL.test(word.value));
    if (tool) return tool.value.split('@')[0];
  }
  return undefined;
}

function runConsumer(query: CacheFlowQuery, item: Instruction, download: Instruction | undefined): CacheConsumer | undefined {
  const { doc } = query;
  const text = doc.text.slice(item.start, item.end);
  const analysis = runAnalysisOf(doc, item);
  // `go mod verify` checks whatever modules the cache holds: it needs none there, and reads none for a build.
  const gos = goInvocations(analysis).filter((go) => go.subcommand.value !== 'version' && go.subcommand.value !== 'env' && goVerb(go) !== 'mod verify');
  const at = `at line ${lineRef(item)}`;
  if (gos.length > 0) {
    // Another download is no build that needs these modules: whether it stays is its own decision (and this one must not hang on it).
    // (A tool's `go install pkg@version` fetches no module of this one: the private ones are not its to read.)
    if (download && !hasCredentialsOf(item, download) && !onlyFetchesModules(doc, item) && !fillsOnlyToolModules(doc, item)) {
      return { kind: 'cannot-fetch', instruction: item, description: `the go ${gos[0]!.subcommand.value} ${at} (without the --mount=${credentialMountOf(download)} of the download: private modules)`, needsLayer: true };
    }
    for (const go of gos) {
      const reason = query.canFetch(item, go);
      if (reason) return { kind: 'cannot-fetch', instruction: item, description: `the go ${go.subcommand.value} ${at} (${reason})`, needsLayer: true };
    }
    const opaque = query.opaqueBuild(item);
    if (opaque) return opaqueConsumer(item, opaque);
    return { kind: 'go', instruction: item, description: `the go ${gos[0]!.subcommand.value} ${at}`, needsLayer: false };
  }
  if (mentionsModuleCache(text, query.moduleCache)) {
    return { kind: 'reads-module-cache', instruction: item, description: `the RUN ${at} (it reads files of the module cache)`, needsLayer: true };
  }
  const opaque = query.opaqueBuild(item);
  return opaque && opaqueConsumer(item, opaque);
}

function opaqueConsumer(item: Instruction, opaque: SimpleCommand): CacheConsumer {
  return { kind: 'opaque', instruction: item, description: `\`${opaqueName(opaque)}\` at line ${lineRef(item)} (dockmod cannot see its go commands)`, needsLayer: true };
}

/** Arguments that only ask a program about itself: running it builds nothing. */
const ASKS_ABOUT_ITSELF = /^(?:--?(?:version|help|h|v|V)|version|help)$/;

/**
 * `make`, `./build.sh`, `sh scripts/build.sh`, a script the COPYs brought from
 * the build context (`isContextFile` of the path as written): a build whose go
 * commands are not in the Dockerfile. `x --version` builds nothing.
 */
export function isOpaqueBuild(
  command: SimpleCommand,
  isContextFile: (path: string) => boolean = () => false,
  scriptBuilds: (path: string) => boolean = () => true,
  makeBuilds: (command: SimpleCommand) => boolean = () => true,
  programSpawns: (files: string[]) => boolean = () => true,
): boolean {
  if (!isOpaqueByName(command, isContextFile)) return false;
  const go = goInvocation(command);
  if (go) {
    // `go run hack/build-manifest.go`: a program that can start no process (its text imports no os/exec) runs no go command.
    const files = packageArguments(go).map((word) => word.value).filter((file) => file.endsWith('.go'));
    return files.length === 0 || programSpawns(files);
  }
  const [name] = command.words;
  if (isMake(command)) return makeBuilds(command);
  const script = SHELLS.test(name!.value) ? scriptOfShell(command.words)?.value : name!.value;
  return script === undefined || OPAQUE_BUILDERS.test(script.replace(/^.*\//, '')) || scriptBuilds(script);
}

/** The script a shell runs (`bash -xe ./build.sh`: its options skipped); undefined for `sh -c '...'` or a shell with no script. */
function scriptOfShell(words: readonly Word[]): Word | undefined {
  for (let i = 1; i < words.length; i++) {
    const value = words[i]!.value;
    if (value === '--') return words[i + 1];
    if (!/^[-+]/.test(value)) return words[i];
    // `-n` reads the script without running it.
    if (/^-[A-Za-z]*n[A-Za-z]*$/.test(value)) return undefined;
    // `sh -ec ./build.sh`: the command string is the script when it is one word.
    if (/^-[A-Za-z]*c[A-Za-z]*$/.test(value)) return words[i + 1] && /^[^\s;&|]+$/.test(words[i + 1]!.value) ? words[i + 1] : undefined;
    // `-o pipefail`, `-euo pipefail`, `-O extglob`: the option's value follows.
    if (/^[-+][A-Za-z]*[oO]$/.test(value)) i++;
  }
  return undefined;
}

/** `go` or a make/shell variable standing for it (`$(GO)`), then the words that follow. */
const GO_WORD = String.raw`(?:\bgo|\$[({]?GO[A-Z_]*[)}]?)["'\s]+`;
const COMPILES = new RegExp(`${GO_WORD}(?:(?:build|test|run|vet|list|generate)\\b|install\\b(?![^\\n;&|]*@))`);
const FETCHES_OR_TIDIES = new RegExp(`${GO_WORD}mod\\b`);
const TIDIES = new RegExp(`${GO_WORD}mod["'\\s]+tidy\\b`);
const VENDORS = new RegExp(`${GO_WORD}mod["'\\s]+vendor\\b`);
/** The -mod a script or recipe sets itself (`go build -mod=readonly`, `GOFLAGS=-mod=vendor`). */
const MOD_FLAG_WRITTEN = /(?:^|[\s"'=])--?mod[= ]["']?(readonly|vendor|mod)\b/m;

/** What a script's or make recipe's text does to the module, its echoed text and comments left out. */
export interface ScriptTextFacts {
  /** It compiles (go build/test/run/vet/list/generate, an install not of `pkg@version`), or runs no `go mod` at all. */
  compiles: boolean;
  tidies: boolean;
  vendors: boolean;
  /** The -mod it sets itself. */
  modFlag?: string;
}

/** A `go mod vendor` not after a `cd` on its line (`cd hack/tools && go mod vendor` vendors another module). */
function vendorsWhereItRuns(commands: string): boolean {
  return commands.split('\n').some((line) => {
    const at = line.search(VENDORS);
    return at !== -1 && !/(?:^|[\s;&|(])cd\s+[^\s;&|]+/.test(line.slice(0, at));
  });
}

export function scriptTextFacts(text: string): ScriptTextFacts {
  const commands = commandTextOf(text);
  const facts: ScriptTextFacts = {
    compiles: COMPILES.test(commands) || !FETCHES_OR_TIDIES.test(commands),
    tidies: TIDIES.test(commands),
    vendors: vendorsWhereItRuns(commands),
  };
  const modFlag = MOD_FLAG_WRITTEN.exec(commands)?.[1];
  if (modFlag !== undefined) facts.modFlag = modFlag;
  return facts;
}

/** Standard-library packages that start processes. */
const SPAWNING_STD = new Set(['os/exec', 'syscall', 'plugin']);

/**
 * A Go program's text may start processes (so it may run go commands): it imports os/exec or syscall, calls
 * os.StartProcess, or imports anything outside the standard library (a package of its own or another module's may
 * run go for it), or its imports cannot be read. Only a program of the standard library alone, none of it starting
 * processes, is known to run no go command.
 */
export function goSourceSpawns(text: string): boolean {
  if (/\bStartProcess\b/.test(text)) return true;
  const code = text.replace(/\/\*[^]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  const imports: string[] = [];
  for (const block of code.matchAll(/^import\s*\(([^)]*)\)/gm)) for (const path of block[1]!.matchAll(/"([^"]*)"/g)) imports.push(path[1]!);
  for (const single of code.matchAll(/^import\s+(?:[\w.]+\s+)?"([^"]*)"/gm)) imports.push(single[1]!);
  if (!/^package\s+\w+/m.test(code)) return true;
  return imports.some((path) => SPAWNING_STD.has(path) || path.split('/')[0]!.includes('.') || !/^[a-z0-9/_]+$/.test(path) || path === 'C');
}

/** Commands in a script's text that build Go: go (or $GO) with a subcommand that compiles or fetches, a build tool, another script. */
const BUILDING_TEXT = new RegExp(
  `(?:\\bgo|\\$[({]?GO[A-Z_]*[)}]?|xx-go)["',\\s]{1,4}(?:build|install|run|test|generate|get|mod|vet|list)\\b` +
    `|(?:^|[\\s;&|(\`"'])(?:${BUILDER_NAMES})(?:["'\\s]|$)|(?<!\\/\\/\\S*)\\.(?:sh|bash)(?=[\\s;&|)"'\`]|$)|\\b(?:source|exec|sh|bash)\\s`,
  'm',
);

/** A script's text runs a Go build (or something that could). */
export function scriptTextBuilds(text: string): boolean {
  return BUILDING_TEXT.test(commandTextOf(text));
}

/**
 * A script's (or recipe's) text without what runs nothing: comment lines, and what echo or printf prints (`echo "run go
 * install x@latest"`), unless it substitutes a command.
 */
export function commandTextOf(text: string): string {
  const printed = /\b(?:echo|printf)\b[^\n;&|]*/g;
  return text.replace(/^\s*#.*$/gm, '').replace(printed, (words) => (/\$\(|`/.test(words) ? words : ''));
}

function isOpaqueByName(command: SimpleCommand, isContextFile: (path: string) => boolean): boolean {
  const [name, next, ...rest] = command.words;
  if (!name) return false;
  const go = goInvocation(command);
  if (go) return runsBuildProgram(go);
  if (next && [next, ...rest].every((word) => ASKS_ABOUT_ITSELF.test(word.value))) return false;
  const base = name.value.replace(/^.*\//, '');
  if (OPAQUE_BUILDERS.test(base)) return true;
  if (SHELLS.test(name.value)) {
    const script = scriptOfShell(command.words)?.value;
    return script !== undefined && (/\.(?:sh|bash)$|build|make/i.test(script) || isContextFile(script));
  }
  if (!name.value.includes('/') || name.value.includes('$')) return false;
  return isContextFile(name.value) || /\.(?:sh|bash)$/i.test(base) || (/^\.{1,2}\//.test(name.value) && /build/i.test(base));
}

/** Program names that build: `go run build.go`, `go run ./ci/make`, `go run github.com/magefile/mage`. */
const BUILD_PROGRAM = /build|make|mage|release|dist/i;
/** A program kept in a build folder (`go run build/ci.go install`, go-ethereum's). */
const BUILD_FOLDER = /(?:^|\/)(?:build|ci)\/[^/]+$/i;

/** `go run` of a build driver (restic's and syncthing's build.go, mage): it runs go commands of its own. */
function runsBuildProgram(go: GoInvocation): boolean {
  if (go.subcommand.value !== 'run') return false;
  const program = packageArguments(go)[0]?.value.replace(/@.*$/, '').replace(/\/+$/, '').replace(/\.go$/, '');
  return program !== undefined && (BUILD_PROGRAM.test(program.replace(/^.*\//, '')) || BUILD_FOLDER.test(program));
}

/** How a note names an opaque build: `make build`, `./build.sh`, `go run build.go`. */
export function opaqueName(command: SimpleCommand): string {
  const go = goInvocation(command);
  // `make clean build` names every goal (up to three: the first alone may be one that builds nothing), `make -C dir build` its goal.
  const make = !go && isMake(command) ? makeInvocationOf(command) : undefined;
  if (make && make.goals.length > 0) return [command.words[0]!.value, ...make.goals.slice(0, 3), ...(make.goals.length > 3 ? ['...'] : [])].join(' ');
  const script = !go && SHELLS.test(command.words[0]?.value ?? '') ? scriptOfShell(command.words) : undefined;
  const shown = go ? [go.tool, go.subcommand, ...packageArguments(go).slice(0, 1)] : script ? [command.words[0]!, script] : command.words.slice(0, 2);
  return shown.map((word) => word.value).join(' ');
}

/** The secret/ssh mount of a RUN, as written, or undefined. */
export function credentialMountOf(instruction: Instruction): string | undefined {
  const flag = instruction.flags.find((candidate) => candidate.name === 'mount' && candidate.value !== null && ['secret', 'ssh'].includes(mountType(parseMountOptions(candidate.value))));
  return flag?.value ?? undefined;
}

/** Each secret/ssh mount of a RUN as a key of what it provides (type, id, target), whatever the order or spelling of its options. */
function credentialKeys(instruction: Instruction): string[] {
  return instruction.flags.flatMap((flag) => {
    if (flag.name !== 'mount' || flag.value === null) return [];
    const options = parseMountOptions(flag.value);
    const type = mountType(options);
    if (type !== 'secret' && type !== 'ssh') return [];
    const target = options.get('target') ?? options.get('dst') ?? options.get('destination') ?? '';
    return [`${type}\u0000${options.get('id') ?? ''}\u0000${target}\u0000${options.get('env') ?? ''}`];
  });
}

/** `later` has every secret and ssh mount `earlier` has: it can fetch whatever `earlier` could. */
export function hasCredentialsOf(later: Instruction, earlier: Instruction): boolean {
  const own = new Set(credentialKeys(later));
  return credentialKeys(earlier).every((key) => own.has(key));
}

function copiesFrom(doc: Document, family: readonly Stage[]): Instruction[] {
  const names = new Set(family.flatMap((stage) => [String(stage.index), ...(stage.name ? [stage.name] : [])]));
  return doc.instructions.filter((item) =>
    (item.keyword === 'COPY' || item.keyword === 'ADD') && item.flags.some((flag) => flag.name === 'from' && names.has((flag.value ?? '').toLowerCase())));
}

function overlapsModuleCache(source: string, moduleCache: string | undefined): boolean {
  const normalized = source.replace(/\/+$/, '') || '/';
  if (normalized === '/') return false;
  if (moduleCache === undefined) return /(?:^|\/)pkg\/mod(?:\/|$)|^\/go$|^\/go\/pkg$/.test(normalized);
  return moduleCache === normalized || moduleCache.startsWith(`${normalized}/`) || normalized.startsWith(`${moduleCache}/`);
}

function mentionsModuleCache(text: string, moduleCache: string | undefined): boolean {
  return /pkg\/mod\b|\$\{?GOMODCACHE\b/.test(text) || (moduleCache !== undefined && text.includes(moduleCache));
}
