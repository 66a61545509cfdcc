// Small facts about a stage shared by insert-mod-tidy and add-cache-mounts:
// the chain of stages it is built FROM, the instructions that come before a
// given one along that chain, and `$VAR` expansion the way Docker expands
// ENV/USER values.
import type { Document, Instruction } from './document.js';
import { environmentBefore, stageChain, stageOf, type EnvEntry, type Stage } from './stages.js';
import { objectCache } from './object-cache.js';

// stageChain lives in stages.ts (stage parents are resolved there, which needs it); its callers import it from here too.
export { stageChain };

const chainInstructions = objectCache<Stage, Instruction[]>();

/** The instructions of the stage chain (FROM lines left out), in source order: a stage's parent is defined, so written, before it. Built once per stage; never change it. */
export function chainInstructionsOf(stage: Stage): readonly Instruction[] {
  let all = chainInstructions.get(stage);
  if (!all) chainInstructions.set(stage, (all = stageChain(stage).flatMap((s) => s.instructions)));
  return all;
}

/** The instructions of `instruction`'s stage chain (FROM lines left out) that come before it. */
export function chainInstructionsBefore(doc: Document, instruction: Instruction): Instruction[] {
  const stage = stageOf(doc, instruction);
  if (!stage) return [];
  const all = chainInstructionsOf(stage);
  let low = 0;
  let high = all.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (all[middle]!.start < instruction.start) low = middle + 1;
    else high = middle;
  }
  return all.slice(0, low);
}

/** ENV, ARG and `go env -w` values before `instruction`, as plain name -> value (null: ARG without default). */
export function variablesBefore(doc: Document, instruction: Instruction): ReadonlyMap<string, string | null> {
  const environment = environmentBefore(doc, instruction);
  let variables = variableViews.get(environment);
  if (!variables) {
    const made = new Map<string, string | null>();
    for (const [name, entry] of environment) made.set(name, entry.value);
    variableViews.set(environment, (variables = made));
  }
  return variables;
}

/** variablesBefore of each environmentBefore snapshot (both shared: never mutate). */
const variableViews = objectCache<ReadonlyMap<string, EnvEntry>, ReadonlyMap<string, string | null>>();

const REFERENCE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}$]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/**
 * Expand `$NAME`, `${NAME}` and `${NAME:-word}` with `variables`; undefined
 * when a variable has no known value or the text uses another form. Values
 * that refer to other variables (`ENV GOPATH=$HOME/go`) are expanded in turn.
 */
export function expandVariables(text: string, variables: ReadonlyMap<string, string | null>, depth = 0): string | undefined {
  if (depth > 8) return undefined;
  let unknown = false;
  const expanded = text.replace(REFERENCE, (_match, braced?: string, modifier?: string, word?: string, bare?: string) => {
    const name = (braced ?? bare)!;
    const raw = variables.get(name);
    const value = raw === undefined || raw === null ? undefined : expandVariables(raw, variables, depth + 1);
    if (raw !== undefined && raw !== null && value === undefined) {
      unknown = true;
      return '';
    }
    if (value !== undefined && (value !== '' || modifier !== ':-')) return value;
    if (modifier !== undefined) return word ?? '';
    unknown = true;
    return '';
  });
  if (unknown || expanded.includes('$')) return undefined;
  return expanded;
}

const firstMatches = objectCache<Stage, Map<string, number>>();

/**
 * Offset of the first instruction of the stage chain (the stage and those it
 * is built FROM) that passes `test`, or Infinity: computed once per stage and
 * `key`, so asking for every instruction of a long stage stays linear.
 */
export function firstInChain(stage: Stage, key: string, test: (item: Instruction) => boolean): number {
  let byKey = firstMatches.get(stage);
  if (!byKey) firstMatches.set(stage, (byKey = new Map()));
  let first = byKey.get(key);
  if (first === undefined) {
    first = chainInstructionsOf(stage).find(test)?.start ?? Number.POSITIVE_INFINITY;
    byKey.set(key, first);
  }
  return first;
}

/**
 * The RUN may set `name` itself before `offset` (`export NAME=...`, `NAME=... &&`, `read NAME`, `for NAME in`): a
 * `$NAME` after it need not be the ENV or ARG value another RUN sees.
 */
export function setInRunBefore(doc: Document, instruction: Instruction, name: string, offset: number): boolean {
  const text = doc.text.slice(instruction.start, offset);
  return new RegExp(`(?:^|[\\s;&|(])(?:export\\s+|local\\s+|readonly\\s+)?${name}=|\\bread\\b[^\\n;&|]*\\b${name}\\b|\\bfor\\s+${name}\\b`).test(text);
}
