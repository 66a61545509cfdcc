// Build stages and what each instruction sees: the environment (ENV, ARG
// defaults, `go env -w`), inherited through `FROM <earlier stage>` chains.
import type { Document, Instruction } from './document.js';
import { analyzeRun, goInvocations, type RunAnalysis } from './run.js';

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

const stageCache = new WeakMap<Document, Stage[]>();
const runCache = new WeakMap<Instruction, RunAnalysis>();

export function stagesOf(doc: Document): Stage[] {
  const cached = stageCache.get(doc);
  if (cached) return cached;
  const stages: Stage[] = [];
  for (const instruction of doc.instructions) {
    if (instruction.keyword === 'FROM') {
      const [image = '', as, name] = instruction.args;
      const stage: Stage = { index: stages.length, from: instruction, image, instructions: [] };
      if (as?.toUpperCase() === 'AS' && name) stage.name = name.toLowerCase();
      const parent = stages.find((earlier) => earlier.name !== undefined && earlier.name === image.toLowerCase());
      if (parent) stage.parent = parent;
      stages.push(stage);
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  stageCache.set(doc, stages);
  return stages;
}

/** ARG instructions before the first FROM. */
export function globalArgs(doc: Document): Instruction[] {
  const firstFrom = doc.instructions.findIndex((instruction) => instruction.keyword === 'FROM');
  return doc.instructions.slice(0, firstFrom === -1 ? doc.instructions.length : firstFrom).filter((i) => i.keyword === 'ARG');
}

export function stageOf(doc: Document, instruction: Instruction): Stage | undefined {
  return stagesOf(doc).findLast((stage) => stage.from.start <= instruction.start);
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
  const env = new Map<string, EnvEntry>();
  if (!stage) return env;
  const chain: Stage[] = [];
  for (let s: Stage | undefined = stage; s && !chain.includes(s); s = s.parent) chain.unshift(s);
  for (const s of chain) {
    for (const item of s.instructions) {
      if (item === instruction || item.start >= instruction.start) break;
      for (const [name, value] of assignmentsOf(doc, item)) env.set(name, { value, instruction: item });
    }
  }
  return env;
}

function assignmentsOf(doc: Document, instruction: Instruction): [string, string | null][] {
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
