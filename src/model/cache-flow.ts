// Who reads the modules a RUN leaves in the image's module cache: later go
// commands of its stage and the stages built FROM it, RUNs that read the
// cache's files, `COPY --from` of the cache, the container at run time,
// builds that cannot fetch (no network, GOPROXY=off, private modules) and
// commands dockmod cannot see into (make, scripts). Only go commands that can
// fetch for themselves do without the modules in the layer.
import type { Document, Instruction } from '../document.js';
import { mountType, parseMountOptions } from '../mounts.js';
import { analyzeRun, commandsOf, goInvocations, type GoInvocation } from '../run.js';
import type { SimpleCommand } from '../shell.js';
import { stageChain } from '../stage-facts.js';
import { runAnalysisOf, stageOf, stagesOf, type Stage } from '../stages.js';

export interface CacheConsumer {
  kind: 'go' | 'copy-from' | 'reads-module-cache' | 'runtime' | 'cannot-fetch' | 'opaque';
  instruction: Instruction;
  /** For messages: what reads the modules, e.g. "COPY --from=deps /go at line 12". */
  description: string;
  /** It needs the modules in the image layer: a cache mount or a removed download would take them away. */
  needsLayer: boolean;
}

/** Commands that build without showing dockmod their go commands. */
const OPAQUE_BUILDERS = /^(?:make|gmake|mage|task|just|bazel|bazelisk|goreleaser|ko|earthly|scons|ninja)$/;
const LOADS_PACKAGES = new Set(['build', 'install', 'test', 'run', 'vet', 'generate', 'list']);
const SHELLS = /^(?:\/(?:usr\/)?bin\/)?(?:sh|bash|ash|dash|zsh)$/;

export interface CacheFlowQuery {
  doc: Document;
  /** The module cache folder in the image (e.g. /go/pkg/mod); undefined when unknown. */
  moduleCache: string | undefined;
  /** The go command can fetch modules itself (network, a proxy, no private modules). */
  canFetch: (instruction: Instruction, go: GoInvocation) => string | undefined;
}

/** Everything after `instruction` that reads the module cache it fills. */
export function moduleCacheConsumers(query: CacheFlowQuery, instruction: Instruction): CacheConsumer[] {
  const { doc } = query;
  const stage = stageOf(doc, instruction);
  if (!stage) return [];
  const family = [stage, ...stagesOf(doc).filter((other) => other !== stage && stageChain(other).includes(stage))];
  const consumers: CacheConsumer[] = [];
  const credentials = credentialMountOf(instruction);
  let runsAfter = false;
  for (const member of family) {
    for (const item of member.instructions) {
      if (item.start <= instruction.start) continue;
      if (item.keyword === 'RUN') {
        runsAfter = true;
        const consumer = runConsumer(query, item, credentials);
        if (consumer) consumers.push(consumer);
      } else if (item.keyword === 'CMD' || item.keyword === 'ENTRYPOINT') {
        const go = goInvocations(analyzeRun(doc, item)).find((candidate) => candidate.subcommand.value !== 'version');
        if (go) consumers.push({ kind: 'runtime', instruction: item, description: `${item.keyword} at line ${item.line + 1} runs go ${go.subcommand.value} when the container starts`, needsLayer: true });
      }
    }
  }
  const lastRuntime = family.flatMap((member) => member.instructions).find((item) => item.start > instruction.start && (item.keyword === 'CMD' || item.keyword === 'ENTRYPOINT'));
  // A RUN that only fetches, with nothing after it but the container's start: the modules are for the container.
  const onlyFetches = goInvocations(runAnalysisOf(doc, instruction)).every((go) => !LOADS_PACKAGES.has(go.subcommand.value));
  if (onlyFetches && !runsAfter && lastRuntime && !consumers.some((consumer) => consumer.kind === 'runtime')) {
    consumers.push({ kind: 'runtime', instruction: lastRuntime, description: `the container (${lastRuntime.keyword} at line ${lastRuntime.line + 1}) starts with the modules in the image and no RUN after`, needsLayer: true });
  }
  for (const copy of copiesFrom(doc, family)) {
    const source = copy.args.filter((arg) => !arg.startsWith('--'))[0] ?? '';
    if (overlapsModuleCache(source, query.moduleCache)) {
      consumers.push({ kind: 'copy-from', instruction: copy, description: `COPY --from=${copy.flags.find((flag) => flag.name === 'from')!.value} ${source} at line ${copy.line + 1}`, needsLayer: true });
    }
  }
  return consumers.sort((a, b) => a.instruction.start - b.instruction.start);
}

function runConsumer(query: CacheFlowQuery, item: Instruction, credentials: string | undefined): CacheConsumer | undefined {
  const { doc } = query;
  const text = doc.text.slice(item.start, item.end);
  const analysis = runAnalysisOf(doc, item);
  const gos = goInvocations(analysis).filter((go) => go.subcommand.value !== 'version' && go.subcommand.value !== 'env');
  const at = `at line ${item.line + 1}`;
  if (gos.length > 0) {
    if (credentials && !credentialMountOf(item)) {
      return { kind: 'cannot-fetch', instruction: item, description: `the go ${gos[0]!.subcommand.value} ${at}, which lacks the --mount=${credentials} the download had (private modules)`, needsLayer: true };
    }
    for (const go of gos) {
      const reason = query.canFetch(item, go);
      if (reason) return { kind: 'cannot-fetch', instruction: item, description: `the go ${go.subcommand.value} ${at} (${reason})`, needsLayer: true };
    }
    return { kind: 'go', instruction: item, description: `the go ${gos[0]!.subcommand.value} ${at}`, needsLayer: false };
  }
  if (mentionsModuleCache(text, query.moduleCache)) {
    return { kind: 'reads-module-cache', instruction: item, description: `the RUN ${at}, which reads the module cache`, needsLayer: true };
  }
  const opaque = commandsOf(analysis).find(isOpaqueBuild);
  if (opaque) return { kind: 'opaque', instruction: item, description: `\`${opaqueName(opaque)}\` ${at}, whose go commands dockmod cannot see`, needsLayer: true };
  return undefined;
}

/** `make`, `./build.sh`, `sh scripts/build.sh`: a build whose go commands are not in the Dockerfile. */
export function isOpaqueBuild(command: SimpleCommand): boolean {
  const [name, next] = command.words;
  if (!name) return false;
  const base = name.value.replace(/^.*\//, '');
  if (OPAQUE_BUILDERS.test(base)) return true;
  if (SHELLS.test(name.value)) return !!next && !next.value.startsWith('-') && /\.(?:sh|bash)$|build|make/i.test(next.value);
  return /^\.{0,2}\//.test(name.value) && /\.(?:sh|bash)$|build/i.test(base);
}

function opaqueName(command: SimpleCommand): string {
  return command.words.slice(0, 2).map((word) => word.value).join(' ');
}

/** The secret/ssh mount of a RUN, as written, or undefined. */
export function credentialMountOf(instruction: Instruction): string | undefined {
  const flag = instruction.flags.find((candidate) => candidate.name === 'mount' && candidate.value !== null && ['secret', 'ssh'].includes(mountType(parseMountOptions(candidate.value))));
  return flag?.value ?? undefined;
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
