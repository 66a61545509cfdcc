// Build stages and what each instruction sees: the environment (ENV, ARG
// defaults, `go env -w`), inherited through `FROM <earlier stage>` chains.
import type { Document, Instruction } from './document.js';
import { analyzeRun, goInvocations, type RunAnalysis } from './run.js';
import { isRootDistribution } from './image-facts.js';
import { splitImageReference } from './image-ref.js';
import { objectCache } from './object-cache.js';

export interface Stage {
  index: number;
  from: Instruction;
  /** The `AS name`, lower-cased. */
  name?: string;
  /** The image reference as written after FROM and its flags. */
  image: string;
  /** The earlier stage this one is built FROM, if any. */
  parent?: Stage;
  /** The earlier stages a FROM named through ARGs may be (`FROM base-${TARGETARCH}`); the parent is the first when they are built alike, else none. */
  parentCandidates?: Stage[];
  /** The stage's instructions after its FROM. */
  instructions: Instruction[];
}

const chains = objectCache<Stage, readonly Stage[]>();

/** The stage and the earlier stages it is built FROM, root first (made once per stage: stagesOf has settled every parent before any stage leaves it). */
export function stageChain(stage: Stage): readonly Stage[] {
  let chain = chains.get(stage);
  if (!chain) chains.set(stage, (chain = chainOf(stage)));
  return chain;
}

/** stageChain while stagesOf still decides the parents. */
function chainOf(stage: Stage): Stage[] {
  const chain: Stage[] = [];
  for (let s: Stage | undefined = stage; s && !chain.includes(s); s = s.parent) chain.unshift(s);
  return chain;
}

const stageCache = objectCache<Document, Stage[]>();
const stageByInstruction = objectCache<Document, (Stage | undefined)[]>();
const runCache = objectCache<Instruction, RunAnalysis>();

export function stagesOf(doc: Document): Stage[] {
  const cached = stageCache.get(doc);
  if (cached) return cached;
  const stages: Stage[] = [];
  const byName = new Map<string, Stage>();
  const byInstruction: (Stage | undefined)[] = [];
  for (const instruction of doc.instructions) {
    if (instruction.keyword === 'FROM') {
      const [image = '', as, name] = instruction.args;
      const stage: Stage = { index: stages.length, from: instruction, image, instructions: [] };
      if (as?.toUpperCase() === 'AS' && name) stage.name = name.toLowerCase();
      const named = byName.get(image.toLowerCase());
      const byPattern = named || !image.includes('$') ? undefined : parentByPattern(doc, image, stages);
      const parent = named ?? byPattern?.parent;
      if (parent) stage.parent = parent;
      if (byPattern) stage.parentCandidates = byPattern.candidates;
      if (stage.name !== undefined && !byName.has(stage.name)) byName.set(stage.name, stage);
      stages.push(stage);
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
    byInstruction[instruction.index] = stages.at(-1);
  }
  // Different distributions (or releases) as the candidates' roots give different Go from their packages: a stage on
  // them that installs Go (`apt-get install golang-go` on ubuntu:20.04 or 22.04) has no one parent.
  for (const stage of stages) {
    if (!stage.parent || !stage.parentCandidates || new Set(stage.parentCandidates.map((candidate) => chainOf(candidate)[0]!.image.toLowerCase())).size < 2) continue;
    const built = stages.filter((other) => other === stage || chainOf(other).includes(stage));
    if (built.some((other) => other.instructions.some((item) => item.keyword === 'RUN' && GO_PACKAGE_INSTALL.test(doc.text.slice(item.start, item.end))))) delete stage.parent;
  }
  stageCache.set(doc, stages);
  stageByInstruction.set(doc, byInstruction);
  return stages;
}

/**
 * `FROM gobuild-$BUILDARCH-$TARGETARCH`: a variable with no default among the global ARGs (BuildKit's platform ARGs, a
 * build argument) names one of the earlier stages its pattern matches. Taken as the parent only when every such
 * stage is built alike for what dockmod reads: the same root image and the same instructions but RUNs that run no go,
 * set no user and install no Go (`apt-get install crossbuild-essential-arm64`), so whichever the build picks, the
 * stage's facts are the same. Undefined otherwise: an image the build passes in.
 */
function parentByPattern(doc: Document, image: string, earlier: readonly Stage[]): { parent?: Stage; candidates: Stage[] } | undefined {
  // A variable with a default stands for it (`FROM base-${FLAVOR}`, `ARG FLAVOR=alpine`), as for a base image's ARGs.
  const defaults = globalArgDefaults(doc);
  const parts = image.split(/(\$\{[A-Za-z_][A-Za-z0-9_]*\}|\$[A-Za-z_][A-Za-z0-9_]*)/);
  // Some text of the name must be written out: `FROM $BASE` is an image the build passes in, not any stage.
  if (parts.every((part, i) => i % 2 === 1 || part === '')) return undefined;
  const pattern = parts.map((part, i) => {
    if (i % 2 === 0) return part.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const value = defaults.get(part.replace(/^\$\{?|\}$/g, ''));
    if (value === undefined || value === null || value === '') return '.+';
    return value.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }).join('');
  if (pattern.includes('$')) return undefined; // a form of variable this reader does not take apart (`${A:-b}`)
  const matcher = new RegExp(`^${pattern}$`);
  const candidates = earlier.filter((stage) => stage.name !== undefined && matcher.test(stage.name));
  if (candidates.length === 0) return undefined;
  const candidateChains = candidates.map(chainOf);
  const rootImage = (chain: Stage[]): string => chain[0]!.image.toLowerCase();
  const text = (item: Instruction): string => doc.text.slice(item.start, item.end);
  const kept = (chain: Stage[]): string[] => chain.flatMap((s) => s.instructions).filter((item) => {
    if (item.keyword === 'RUN') return SETS_BUILD_FACTS.test(text(item));
    // `ENV GOARCH=arm64`: what the build targets, not where it reads or caches anything.
    if (item.keyword === 'ENV' || item.keyword === 'ARG') return !assignmentsOf(doc, item).every(([name]) => TARGET_ONLY.test(name));
    return true;
  }).map(text);
  const [first, ...rest] = candidateChains;
  // Two plain root distributions (`almalinux:8`, `rockylinux:8`) give the same facts while no kept RUN installs anything of Go.
  const sameRoot = (chain: Stage[]): boolean => rootImage(chain) === rootImage(first!) ||
    ([chain, first!].every((c) => isRootDistribution(splitImageReference(rootImage(c)).name)) && !candidateChains.some((c) => c.flatMap((st) => st.instructions).some((item) => item.keyword === 'RUN' && SETS_BUILD_FACTS.test(text(item)))));
  const same = rest.every((chain) => sameRoot(chain) && kept(chain).join('\u0000') === kept(first!).join('\u0000'));
  return same ? { parent: candidates[0]!, candidates } : { candidates };
}

/** Variables that choose what a build targets (platform, cgo, C toolchain), nothing of its module, user or caches. */
const TARGET_ONLY = /^(?:GOOS|GOARCH|GOARM|GOAMD64|GOARM64|GO386|GOMIPS|GOMIPS64|GOPPC64|GORISCV64|GOWASM|CGO_ENABLED|CGO_[A-Z]+FLAGS|CC|CXX|AR|PKG_CONFIG|TARGET[A-Z]*|BUILD[A-Z]*)$/;

/** A package manager installing Go, whatever version it brings (the distribution's release decides): `apk add go`, `apt-get install golang-go`, `dnf install golang`. */
export const GO_PACKAGE_INSTALL = /\b(?:apk\s[^&;|]*?\badd|apt(?:-get)?\s[^&;|]*?\binstall|(?:dnf|yum|microdnf|zypper)\s[^&;|]*?\binstall)\b[^&;|]*?\s(?:go|golang(?:-[\w.]+)?|go-toolset)(?=[\s\\;&|]|$)/;

/** A RUN that may change what a stage built on it reads: go commands, Go installs, users, the environment. */
const SETS_BUILD_FACTS = /\bgo\b|golang|go-toolset|\b(?:user|group)(?:add|mod)\b|\badd(?:user|group)\b|\bexport\b|GOPATH|GOFLAGS|GOTOOLCHAIN/;

const globalDefaults = objectCache<Document, ReadonlyMap<string, string | null>>();

/** The defaults the global ARGs (before the first FROM) give, by name (null: an ARG without one). Read once per document. */
export function globalArgDefaults(doc: Document): ReadonlyMap<string, string | null> {
  let defaults = globalDefaults.get(doc);
  if (!defaults) {
    const read = new Map<string, string | null>();
    for (const arg of globalArgs(doc)) for (const [name, value] of assignmentsOf(doc, arg)) read.set(name, value);
    globalDefaults.set(doc, (defaults = read));
  }
  return defaults;
}

/** ARG instructions before the first FROM. */
export function globalArgs(doc: Document): Instruction[] {
  const firstFrom = doc.instructions.findIndex((instruction) => instruction.keyword === 'FROM');
  return doc.instructions.slice(0, firstFrom === -1 ? doc.instructions.length : firstFrom).filter((i) => i.keyword === 'ARG');
}

export function stageOf(doc: Document, instruction: Instruction): Stage | undefined {
  const stages = stagesOf(doc);
  if (doc.instructions[instruction.index] === instruction) return stageByInstruction.get(doc)![instruction.index];
  return stages.findLast((stage) => stage.from.start <= instruction.start);
}

export function runAnalysisOf(doc: Document, instruction: Instruction): RunAnalysis {
  let analysis = runCache.get(instruction);
  if (!analysis) {
    analysis = analyzeRun(doc, instruction);
    runCache.set(instruction, analysis);
  }
  return analysis;
}

export interface EnvEntry {
  value: string | null;
  instruction: Instruction;
}

/**
 * Variables set before `instruction` in its stage and the stages it builds
 * FROM: ENV, ARG (with or without a default) and `go env -w`.
 */
export function environmentBefore(doc: Document, instruction: Instruction): ReadonlyMap<string, EnvEntry> {
  const stage = stageOf(doc, instruction);
  if (!stage) return NO_ENVIRONMENT;
  const count = countBefore(stage, instruction);
  let byCount = environmentSnapshots.get(stage);
  if (!byCount) environmentSnapshots.set(stage, (byCount = []));
  return (byCount[count] ??= new Map(environmentAfter(doc, stage, count)));
}

const NO_ENVIRONMENT: ReadonlyMap<string, EnvEntry> = new Map();
/** environmentBefore per stage and count of instructions before: asked again and again for the same instruction. Shared: never mutate. */
const environmentSnapshots = objectCache<Stage, ReadonlyMap<string, EnvEntry>[]>();

/** How many of the stage's instructions come before `instruction`. */
function countBefore(stage: Stage, instruction: Instruction): number {
  const first = stage.instructions[0];
  if (!first || instruction.start < first.start) return 0;
  const guess = instruction.index - first.index;
  if (stage.instructions[guess] === instruction) return guess;
  const after = stage.instructions.findIndex((item) => item.start >= instruction.start);
  return after === -1 ? stage.instructions.length : after;
}

/**
 * The environment after the first `count` instructions of a stage, built
 * incrementally: transforms ask instruction after instruction, so a long
 * stage is read once rather than once per question. Shared: never mutate.
 */
const runningEnvironments = objectCache<Stage, { next: number; env: Map<string, EnvEntry> }>();

function environmentAfter(doc: Document, stage: Stage, count: number): Map<string, EnvEntry> {
  let running = runningEnvironments.get(stage);
  if (!running || running.next > count) {
    const inherited = stage.parent ? environmentAfter(doc, stage.parent, stage.parent.instructions.length) : undefined;
    running = { next: 0, env: new Map(inherited) };
    runningEnvironments.set(stage, running);
  }
  for (; running.next < count; running.next++) {
    const item = stage.instructions[running.next]!;
    for (const [name, value] of assignmentsOf(doc, item)) {
      // `ARG NAME` in a stage takes the default of the global `ARG NAME=value` before the first FROM, as Docker does.
      const inherited = value === null && item.keyword === 'ARG' ? globalArgDefaults(doc).get(name) ?? undefined : undefined;
      running.env.set(name, { value: inherited ?? value, instruction: item });
    }
  }
  return running.env;
}

function assignmentsOf(doc: Document, instruction: Instruction): [string, string | null][] {
  // `ARG A B` declares two ARGs; dockerfile-ast reads it as ENV's old `ENV A B` form (A = "B"). It reads `ARG A=1 B` right.
  if (instruction.keyword === 'ARG' && instruction.args.length > 1 && !instruction.args[0]!.includes('=')) {
    return instruction.args.map((arg): [string, string | null] => {
      const equals = arg.indexOf('=');
      return equals === -1 ? [arg, null] : [arg.slice(0, equals), unquote(arg.slice(equals + 1))];
    });
  }
  if (instruction.keyword === 'ENV' || instruction.keyword === 'ARG') {
    const node = instruction.ast as unknown as {
      getProperties?: () => { getName(): string; getValue(): string | null }[];
      getProperty?: () => { getName(): string; getValue(): string | null } | null;
    };
    const properties = node.getProperties?.() ?? (node.getProperty?.() ? [node.getProperty()!] : []);
    return properties.map((property) => [property.getName(), unquote(property.getValue())]);
  }
  if (instruction.keyword === 'RUN' && /go(?:\s|",)/.test(doc.text.slice(instruction.start, instruction.end))) {
    const found: [string, string | null][] = [];
    for (const go of goInvocations(runAnalysisOf(doc, instruction))) {
      if (go.subcommand.value !== 'env' || !go.args.some((word) => word.value === '-w')) continue;
      for (const word of go.args) {
        const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(word.value);
        if (match) found.push([match[1]!, match[2]!]);
      }
    }
    return found;
  }
  return [];
}

export function unquote(value: string | null): string | null {
  if (value === null) return null;
  const match = /^(["'])(.*)\1$/s.exec(value);
  return match ? match[2]! : value;
}
