// The environment one go command runs with, as Go reads it: what the base
// image sets, `go env -w` (the go env file), the stage chain's ENV and ARG,
// assignments and `export`s earlier in the same RUN, and the command's own
// `NAME=value` prefix, each overriding the one before.
import { lineRef, type Document, type Instruction } from '../document.js';
import { commandsOf, goInvocation, type GoInvocation, type RunAnalysis } from '../run.js';
import { expandVariables } from '../stage-facts.js';
import { environmentBefore } from '../stages.js';

export interface GoEnvironment {
  /** The value; null when it is set to something dockmod cannot know; undefined when unset. */
  get(name: string): string | null | undefined;
  /** Where the value comes from, for messages ('the stage', 'this RUN', 'the command', 'the image', 'go env -w', GO_ENV_W_IN_THIS_RUN). */
  origin(name: string): string | undefined;
}

type Entry = { value: string | null; origin: string };

/** The origin of a value an earlier `go env -w` of the same RUN wrote: a go command in another RUN before it lacks it. */
export const GO_ENV_W_IN_THIS_RUN = 'go env -w in this RUN';

export function goEnvironmentOf(
  doc: Document,
  instruction: Instruction,
  analysis: RunAnalysis,
  /** The go command (or the command of an opaque build: `GO111MODULE=off make`); undefined for the RUN's start. */
  go: Pick<GoInvocation, 'command' | 'assignments'> | undefined,
  imageDefaults: ReadonlyMap<string, string>,
): GoEnvironment {
  const entries = new Map<string, Entry>();
  const stage = environmentBefore(doc, instruction);
  // The process environment (the image's ENV, then the stage's) overrides the go env file.
  for (const [name, entry] of stage) if (entry.instruction.keyword === 'RUN') entries.set(name, { value: entry.value, origin: 'go env -w' });
  for (const [name, value] of imageDefaults) entries.set(name, { value, origin: 'the image' });
  for (const [name, entry] of stage) if (entry.instruction.keyword !== 'RUN') entries.set(name, { value: entry.value, origin: `${entry.instruction.keyword} at line ${lineRef(entry.instruction)}` });
  const known = (): Map<string, string | null> => new Map([...entries].map(([name, entry]) => [name, entry.value]));
  const set = (word: string, origin: string): void => {
    const equals = word.indexOf('=');
    if (equals <= 0) return;
    const name = word.slice(0, equals).replace(/\+$/, '');
    const raw = word.slice(equals + 1);
    const value = raw.includes('$') || raw.includes('`') ? (expandVariables(raw, known()) ?? null) : raw;
    entries.set(name, { value, origin });
  };
  if (go) {
    for (const command of commandsOf(analysis)) {
      if (command.start >= go.command.start) break;
      const first = command.words[0]?.value;
      if (command.words.length === 0) for (const word of command.assignments) set(word.value, 'this RUN');
      else if (first === 'export' || first === 'declare') for (const word of command.words.slice(1)) set(word.value, 'this RUN');
      else {
        const earlier = goInvocation(command);
        if (earlier && earlier.subcommand.value === 'env' && earlier.args.some((word) => word.value === '-w')) {
          for (const word of earlier.args) {
            const origin = entries.get(word.value.split('=')[0]!)?.origin;
            if (origin === undefined || origin === 'go env -w' || origin === GO_ENV_W_IN_THIS_RUN) set(word.value, GO_ENV_W_IN_THIS_RUN);
          }
        }
      }
    }
    for (const word of go.assignments) set(word.value, 'the command');
  }
  return {
    get: (name) => entries.get(name)?.value,
    origin: (name) => entries.get(name)?.origin,
  };
}

/** The -mod value GOFLAGS sets (`-mod=vendor`), or undefined. */
export function goflagsMod(goflags: string | null | undefined): string | undefined {
  if (!goflags) return undefined;
  return /(?:^|\s)--?mod=(\S*)/.exec(goflags)?.[1];
}
