// What a `make` command runs, read from the Makefile the build context holds:
// the recipes of the goals asked for and of their prerequisites. Enough to
// tell `make patch-asn1` (a sed) from `make build` (go build); anything this
// reader cannot follow (an include, a target named by a variable, a make
// variable it cannot read in a recipe) counts as a build, which is the safe
// answer. A target no explicit rule makes is read through the pattern rules it
// matches (`%.so: %.c`), every one of them.
import type { SimpleCommand } from '../shell.js';

export interface MakeInvocation {
  /** The Makefile given with -f/--file, relative to the directory make runs in; undefined: the default names. */
  makefile?: string;
  /** -C dir. */
  directory?: string;
  /** The goals named on the command line ([] = the default goal). */
  goals: string[];
}

/** Options of GNU make that take the next word as their value. */
const WITH_VALUE = /^-(?:[fCIoW]|-(?:file|makefile|directory|include-dir|old-file|new-file|what-if|eval))$/;
/** -j and -l take a number only when one follows (`make -j build` builds the goal `build`). */
const WITH_NUMBER = /^-(?:[jl]|-(?:jobs|load-average))$/;

/** The goals and Makefile of `make [options] [VAR=value] [goals]`; undefined when a word cannot be read (a variable, a glob). */
/** The command runs make (`make`, `gmake`, `/usr/bin/make`). */
export function isMake(command: SimpleCommand): boolean {
  return /^g?make$/.test(command.words[0]?.value.replace(/^.*\//, '') ?? '');
}

export function makeInvocationOf(command: SimpleCommand): MakeInvocation | undefined {
  const invocation: MakeInvocation = { goals: [] };
  const words = command.words.slice(1).map((word) => word.value);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word.includes('$') || word.includes('`')) return undefined;
    if (WITH_NUMBER.test(word)) {
      if (/^\d+(?:\.\d+)?$/.test(words[i + 1] ?? '')) i++;
      continue;
    }
    if (WITH_VALUE.test(word)) {
      const value = words[++i];
      if (value === undefined || value.includes('$')) return undefined;
      if (word === '-f' || word === '--file' || word === '--makefile') invocation.makefile = value;
      if (word === '-C' || word === '--directory') invocation.directory = value;
      continue;
    }
    const attached = /^(?:-f|--file=|--makefile=)(.+)$/.exec(word);
    if (attached) {
      invocation.makefile = attached[1];
      continue;
    }
    const directory = /^(?:-C|--directory=)(.+)$/.exec(word);
    if (directory) {
      invocation.directory = directory[1];
      continue;
    }
    if (word.startsWith('-') || word.includes('=')) continue;
    invocation.goals.push(word);
  }
  return invocation;
}

interface Rule {
  prerequisites: string[];
  recipe: string[];
}

interface PatternRule extends Rule {
  prefix: string;
  suffix: string;
}

interface Makefile {
  rules: Map<string, Rule>;
  /** Pattern rules (`%.so: %.c`): the target's text before and after its `%`. */
  patterns: PatternRule[];
  defaultGoal: string | undefined;
  /** Something this reader does not follow: an include, a target named by a variable. */
  unfollowed: boolean;
  /** Variables assigned once (`NAME := value`, `=`, `?=`, `::=`): their text; a variable assigned again or appended to is left out. */
  variables: Map<string, string>;
}

/** `NAME := value` (also `=`, `?=`, `::=`); `+=` and `!=` are not followed. */
const ASSIGNMENT = /^[ \t]*(?:export[ \t]+|override[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*(:::=|::?=|\?=|\+=|!=|=)[ \t]*(.*)$/;
/** Variables make itself sets that name no command: paths and the shell. */
const HARMLESS_BUILTINS = new Set(['CURDIR', 'PWD', 'SHELL', 'MAKEFILE_LIST', '@D', '@F', '<D', '<F']);

/** `target [target...]: prerequisites [; recipe]`, not an assignment (`:=`, `::=`, `?=`, `+=`, `!=`, `=`). */
const RULE = /^([^\t#=:][^=:]*?)[ \t]*::?(?![=:])[ \t]*([^=;]*?)[ \t]*(?:;(.*))?$/;

/** The model is rebuilt after each transform that changed the text: a Makefile's text is parsed once per run. */
const parsed = new Map<string, Makefile>();
function parsedMakefile(text: string): Makefile {
  let makefile = parsed.get(text);
  if (!makefile) parsed.set(text, (makefile = parseMakefile(text)));
  return makefile;
}

export function parseMakefile(text: string): Makefile {
  const makefile: Makefile = { rules: new Map(), patterns: [], defaultGoal: undefined, unfollowed: false, variables: new Map() };
  const assignedTwice = new Set<string>();
  const lines = text.replace(/\r\n?/g, '\n').replace(/\\\n/g, ' ').split('\n');
  let current: Rule[] = [];
  for (const line of lines) {
    if (line.startsWith('\t')) {
      for (const rule of current) rule.recipe.push(line.slice(1));
      continue;
    }
    const content = line.replace(/(^|[^\\])#.*$/, '$1');
    if (content.trim() === '') continue;
    if (/^[ \t]*-?(?:include|sinclude)\b/.test(content)) makefile.unfollowed = true;
    const assignment = ASSIGNMENT.exec(content);
    if (assignment && !content.startsWith('\t')) {
      const [, name, operator, value] = assignment;
      if (operator === '+=' || operator === '!=' || makefile.variables.has(name!)) assignedTwice.add(name!);
      else makefile.variables.set(name!, value!.trim());
    }
    const rule = assignment ? null : RULE.exec(content);
    if (!rule) {
      // An assignment or a directive (ifeq, define...) ends the recipe lines of the rule before.
      if (!/^[ \t]*(?:ifn?eq|ifn?def|else|endif)\b/.test(content)) current = [];
      continue;
    }
    const targets = rule[1]!.trim().split(/\s+/);
    const prerequisites = rule[2]!.split('|').join(' ').trim().split(/\s+/).filter((name) => name !== '');
    current = [];
    for (const target of targets) {
      if (target.includes('$')) makefile.unfollowed = true;
      const percent = target.indexOf('%');
      if (percent !== -1) {
        const pattern: PatternRule = { prefix: target.slice(0, percent), suffix: target.slice(percent + 1), prerequisites, recipe: rule[3] === undefined ? [] : [rule[3]] };
        // A second `%`, or a target both pattern and `.`-special: not followed.
        if (pattern.suffix.includes('%')) makefile.unfollowed = true;
        makefile.patterns.push(pattern);
        current.push(pattern);
        continue;
      }
      if (/^\.[A-Z_]+$/.test(target)) continue; // .PHONY, .DEFAULT_GOAL...: special targets
      const known = makefile.rules.get(target) ?? { prerequisites: [], recipe: [] };
      known.prerequisites.push(...prerequisites);
      if (rule[3] !== undefined) known.recipe.push(rule[3]);
      makefile.rules.set(target, known);
      // As in GNU make, a target that starts with `.` (`.just-build`) is never the default goal.
      if (!target.startsWith('.')) makefile.defaultGoal ??= target;
      current.push(known);
    }
  }
  for (const name of assignedTwice) makefile.variables.delete(name);
  const goal = /^[ \t]*\.DEFAULT_GOAL[ \t]*:?=[ \t]*(\S+)/m.exec(text);
  if (goal) makefile.defaultGoal = goal[1];
  return makefile;
}

/**
 * The recipe with the Makefile's variables put in (`$(GO) build` is `go build`): a make variable may hold anything
 * (`$(GOBUILD)`, `$(MAKE)`), so undefined where one is not assigned once in the Makefile, is set by make to other than a
 * path, or cannot be read; `$(shell ...)` stands for nothing once its own text is shown to build nothing.
 */
function expandedRecipe(text: string, variables: ReadonlyMap<string, string>, runsBuild: (recipe: string) => boolean, depth = 0): string | undefined {
  if (depth > 4) return undefined;
  let unreadable = false;
  const expanded = text.replace(/(?<!\$)\$(?:\(([^()]*)\)|\{([^{}]*)\})/g, (_, paren: string | undefined, brace: string | undefined) => {
    const inner = (paren ?? brace ?? '').trim();
    const shell = /^shell[ \t]+([^]*)$/.exec(inner);
    if (shell) {
      if (runsBuild(shell[1]!)) unreadable = true;
      // `GO=$(shell which go)` prints go's path: where it stands for a command, that command is go.
      return /(?:^|[\s;&|(])(?:which|command[ \t]+-v|type[ \t]+-p)[ \t]+go\b/.test(shell[1]!) ? 'go' : '';
    }
    // `$(info ...)` and `$(warning ...)` print their text and expand to nothing.
    if (/^(?:info|warning)(?:[ \t]|$)/.test(inner)) return '';
    if (HARMLESS_BUILTINS.has(inner)) return '/path';
    const value = variables.get(inner);
    const inValue = value === undefined ? undefined : expandedRecipe(value, variables, runsBuild, depth + 1);
    if (inValue === undefined) unreadable = true;
    return inValue ?? '';
  });
  // A reference left over is one that held another (`$(info v$(VERSION))`, its inner one now put in): read once more.
  if (!unreadable && expanded !== text && /(?<!\$)\$[({]/.test(expanded)) return expandedRecipe(expanded, variables, runsBuild, depth + 1);
  // A `$(` left over (nested functions, `$(foo $(bar))`) cannot be read.
  return unreadable || /(?<!\$)\$[({]/.test(expanded) ? undefined : expanded;
}

/**
 * The goals (the default goal for none), their prerequisites and recipes run
 * nothing that `runsBuild` (the script-text test) calls a build: false. Anything
 * this reader cannot follow counts as a build. `recipesRun`, when given, collects
 * the recipes of every goal followed (variables put in).
 */
export function makeGoalsBuild(text: string, goals: readonly string[], runsBuild: (recipe: string) => boolean, recipesRun?: string[]): boolean {
  const makefile = parsedMakefile(text);
  const pending = goals.length > 0 ? [...goals] : makefile.defaultGoal ? [makefile.defaultGoal] : [];
  if (pending.length === 0) return true;
  const seen = new Set<string>();
  // With recipesRun asked for, every goal is read (the answer stays the same); else the first build answers.
  let builds = false;
  const found = (): boolean => {
    builds = true;
    return recipesRun === undefined;
  };
  while (pending.length > 0) {
    const goal = pending.pop()!;
    if (seen.has(goal)) continue;
    seen.add(goal);
    const rule = makefile.rules.get(goal);
    if (!rule) {
      if (goal.includes('$')) {
        if (found()) return true;
        continue;
      }
      // Every pattern rule the goal matches may be the one make picks: each must build nothing.
      const matching = makefile.patterns.filter((pattern) => goal.length >= pattern.prefix.length + pattern.suffix.length && goal.startsWith(pattern.prefix) && goal.endsWith(pattern.suffix));
      for (const pattern of matching) {
        const expanded = expandedRecipe(pattern.recipe.join('\n'), makefile.variables, runsBuild);
        if (expanded !== undefined) recipesRun?.push(expanded);
        if ((expanded === undefined || runsBuild(expanded)) && found()) return true;
        const stem = goal.slice(pattern.prefix.length, goal.length - pattern.suffix.length);
        pending.push(...pattern.prerequisites.map((name) => name.replace('%', stem)));
      }
      // A file target with no rule (a source file) builds nothing; a goal asked for by name must have a rule this reader sees.
      if (matching.length === 0 && (makefile.unfollowed || goals.includes(goal)) && found()) return true;
      continue;
    }
    const recipe = rule.recipe.join('\n');
    const expanded = expandedRecipe(recipe, makefile.variables, runsBuild);
    if (expanded !== undefined) recipesRun?.push(expanded);
    if ((expanded === undefined || runsBuild(expanded)) && found()) return true;
    pending.push(...rule.prerequisites);
  }
  return builds;
}
