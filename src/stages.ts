// Build stages and what each instruction sees: the environment (ENV, ARG
// defaults, `go env -w`), inherited through `FROM <earlier stage>` chains.
import type { Document, Instruction } from './document.js';
import { analyzeRun, goInvocations, type RunAnalysis } from './run.js';
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
  /** The stage's instructions after its FROM. */
  instructions: Instruction[];
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
      const parent = byName.get(image.toLowerCase());
      if (parent) stage.parent = parent;
      if (stage.name !== undefined && !byName.has(stage.name)) byName.set(stage.name, stage);
      stages.push(stage);
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
    byInstruction[instruction.index] = stages.at(-1);
  }
  stageCache.set(doc, stages);
  stageByInstruction.set(doc, byInstruction);
  return stages;
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
export function environmentBefore(doc: Document, instruction: Instruction): Map<string, EnvEntry> {
  const stage = stageOf(doc, instruction);
  if (!stage) return new Map();
  return new Map(environmentAfter(doc, stage, countBefore(stage, instruction)));
}

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
    for (const [name, value] of assignmentsOf(doc, item)) running.env.set(name, { value, instruction: item });
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
