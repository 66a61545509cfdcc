// What a RUN instruction runs: its shell commands (command line and heredoc
// scripts) or its exec-form array, each word with its source offsets.
import { endsWithEscape } from './continuations.js';
import { objectCache } from './object-cache.js';
import type { Document, Instruction } from './document.js';
import {
  identityText,
  joinContinuations,
  parseExecForm,
  parseScript,
  type ExecForm,
  type SimpleCommand,
  type Word,
} from './shell.js';

export interface RunScript {
  kind: 'command-line' | 'heredoc' | 'exec';
  /** Source span of the script text (a heredoc body without its delimiter line). */
  start: number;
  end: number;
  commands: SimpleCommand[];
}

export interface HeredocBody {
  delimiter: string;
  start: number;
  end: number;
  /** The body is a shell script that RUN executes, not data fed to a program. */
  isScript: boolean;
}

export interface RunAnalysis {
  instruction: Instruction;
  scripts: RunScript[];
  heredocs: HeredocBody[];
  exec?: ExecForm;
  /** Why part of the RUN could not be read; transforms must not edit what they cannot read. */
  unclear?: string;
}

const SHELLS = /^(?:\/(?:usr\/)?bin\/)?(?:sh|bash|ash|dash|zsh)$/;

export function analyzeRun(doc: Document, instruction: Instruction): RunAnalysis {
  const { text, escapeChar } = doc;
  const commandLineEnd = endOfFirstLogicalLine(text, instruction.argsStart, instruction.end, escapeChar);
  const commandLine = joinContinuations(text, instruction.argsStart, commandLineEnd, escapeChar);
  const exec = parseExecForm(commandLine);
  if (exec) {
    const command: SimpleCommand = {
      assignments: [],
      words: exec.elements,
      start: exec.open,
      end: exec.close + 1,
      before: undefined,
      after: undefined,
      nested: false,
    };
    return { instruction, exec, heredocs: [], scripts: [{ kind: 'exec', start: exec.open, end: exec.close + 1, commands: [command] }] };
  }
  const script = parseScript(commandLine, { script: false });
  const analysis: RunAnalysis = {
    instruction,
    heredocs: [],
    scripts: [{ kind: 'command-line', start: instruction.argsStart, end: commandLineEnd, commands: script.commands }],
  };
  if (script.unclear) analysis.unclear = script.unclear;

  const delimiters = heredocDelimiters(script.tokens);
  if (delimiters.length === 0) return analysis;
  const runsBodyAsScript = script.commands.length === 0 || (script.commands.length === 1 && isShellReadingStdin(script.commands[0]!));
  let cursor = afterLineBreak(text, commandLineEnd);
  for (const [index, heredoc] of delimiters.entries()) {
    const body = findHeredocBody(text, cursor, instruction.end, heredoc.delimiter, heredoc.stripTabs);
    if (!body) {
      analysis.unclear ??= `heredoc ${heredoc.delimiter} has no closing line`;
      return analysis;
    }
    const isScript = index === 0 && runsBodyAsScript && !hasForeignShebang(text, body.start, body.end);
    analysis.heredocs.push({ delimiter: heredoc.delimiter, start: body.start, end: body.end, isScript });
    if (isScript) {
      const bodyScript = parseScript(identityText(text, body.start, body.end), { script: true });
      if (bodyScript.unclear) analysis.unclear ??= bodyScript.unclear;
      analysis.scripts.push({ kind: 'heredoc', start: body.start, end: body.end, commands: bodyScript.commands });
    }
    cursor = body.next;
  }
  return analysis;
}

/** Every command of the RUN, from all of its scripts. Shared: never mutate. */
export function commandsOf(analysis: RunAnalysis): readonly SimpleCommand[] {
  let commands = commandsByAnalysis.get(analysis);
  if (!commands) commandsByAnalysis.set(analysis, (commands = analysis.scripts.flatMap((script) => script.commands)));
  return commands;
}

// Every transform and the model ask a RUN for its commands and go commands, again and again: read once per analysis.
const commandsByAnalysis = objectCache<RunAnalysis, readonly SimpleCommand[]>();
const goInvocationsByAnalysis = objectCache<RunAnalysis, readonly GoInvocation[]>();

function isShellReadingStdin(command: SimpleCommand): boolean {
  const [name, ...rest] = command.words;
  return !!name && SHELLS.test(name.value) && rest.every((word) => word.value.startsWith('-') && word.value !== '-c');
}

function hasForeignShebang(text: string, start: number, end: number): boolean {
  if (!text.startsWith('#!', start)) return false;
  const lineEnd = text.indexOf('\n', start);
  const shebang = text.slice(start, lineEnd === -1 || lineEnd > end ? end : lineEnd);
  return !/\b(?:sh|bash|ash|dash|zsh)\b/.test(shebang);
}

function heredocDelimiters(tokens: ReturnType<typeof parseScript>['tokens']): { delimiter: string; stripTabs: boolean }[] {
  const found: { delimiter: string; stripTabs: boolean }[] = [];
  for (let i = 0; i < tokens.length - 1; i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1]!;
    if (token.kind === 'op' && (token.op === '<<' || token.op === '<<-') && next.kind === 'word' && next.start === token.end) {
      found.push({ delimiter: next.word.value, stripTabs: token.op === '<<-' });
    }
  }
  return found;
}

/** End of the instruction's first logical line: its continuations joined, the line break excluded. */
function endOfFirstLogicalLine(text: string, start: number, end: number, escapeChar: string): number {
  let lineStart = start;
  for (;;) {
    const newline = text.indexOf('\n', lineStart);
    if (newline === -1 || newline >= end) return end;
    let last = newline;
    if (text[last - 1] === '\r') last--;
    const content = text.slice(lineStart, last);
    const isCommentLine = lineStart !== start && /^[ \t]*#/.test(content);
    const isBlankLine = lineStart !== start && content.trim() === '';
    if (!endsWithEscape(content, escapeChar) && !isCommentLine && !isBlankLine) return last;
    lineStart = newline + 1;
  }
}

function afterLineBreak(text: string, offset: number): number {
  if (text[offset] === '\r' && text[offset + 1] === '\n') return offset + 2;
  if (text[offset] === '\n') return offset + 1;
  return offset;
}

function findHeredocBody(
  text: string,
  from: number,
  limit: number,
  delimiter: string,
  stripTabs: boolean,
): { start: number; end: number; next: number } | undefined {
  let lineStart = from;
  while (lineStart <= limit) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    let line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    if (stripTabs) line = line.replace(/^\t+/, '');
    if (line === delimiter) return { start: from, end: lineStart, next: newline === -1 ? text.length : newline + 1 };
    if (newline === -1) return undefined;
    lineStart = newline + 1;
  }
  return undefined;
}

/** A go command found in a shell command: `go build ...`, `env X=1 go build`, `xx-go build`. */
export interface GoInvocation {
  command: SimpleCommand;
  tool: Word;
  /** First word after the tool: build, mod, install... */
  subcommand: Word;
  /** Words after the subcommand. */
  args: Word[];
  /** Inline environment: the command's own assignments and those given to `env`. */
  assignments: Word[];
}

const WRAPPERS = new Set(['env', 'time', 'exec', 'nice', 'nohup', 'command']);

export function goInvocation(command: SimpleCommand): GoInvocation | undefined {
  const words = command.words;
  const assignments = [...command.assignments];
  let i = 0;
  while (i < words.length && WRAPPERS.has(words[i]!.value)) {
    const wrapper = words[i]!.value;
    i++;
    while (i < words.length) {
      const word = words[i]!.value;
      if (wrapper === 'env' && /^[A-Za-z_][A-Za-z0-9_]*=/.test(word)) assignments.push(words[i]!);
      else if (!word.startsWith('-')) break;
      i++;
    }
  }
  const tool = words[i];
  if (!tool || !isGoTool(tool.value)) return undefined;
  // `go -C dir build` (Go 1.21+) is `go build -C dir`: the -C words lead the arguments, as Go requires them to.
  const leadingC = /^--?C$/.test(words[i + 1]?.value ?? '') ? 2 : /^--?C=/.test(words[i + 1]?.value ?? '') ? 1 : 0;
  const subcommand = words[i + 1 + leadingC];
  if (!subcommand) return undefined;
  return { command, tool, subcommand, args: [...words.slice(i + 1, i + 1 + leadingC), ...words.slice(i + 2 + leadingC)], assignments };
}

function isGoTool(name: string): boolean {
  return name === 'go' || name === 'xx-go' || /\/go$/.test(name) || /^go1\.\d+(?:\.\d+)?$/.test(name);
}

/** All go invocations of a RUN, in source order. Shared: never mutate. */
export function goInvocations(analysis: RunAnalysis): readonly GoInvocation[] {
  let found = goInvocationsByAnalysis.get(analysis);
  if (!found) {
    const invocations: GoInvocation[] = [];
    for (const command of commandsOf(analysis)) {
      const invocation = goInvocation(command);
      if (invocation) invocations.push(invocation);
    }
    goInvocationsByAnalysis.set(analysis, (found = invocations));
  }
  return found;
}

/** `go mod download` and friends: the subcommand plus its verb when it has one. */
export function goVerb(invocation: GoInvocation): string {
  const sub = invocation.subcommand.value;
  if (sub === 'mod' || sub === 'work' || sub === 'env' || sub === 'tool') {
    // The first word that is no flag, nor the folder of a `-C dir` (`go -C ./src mod download`).
    const verb = invocation.args.find((word, i) => !word.value.startsWith('-') && !/^--?C$/.test(invocation.args[i - 1]?.value ?? ''));
    return verb ? `${sub} ${verb.value}` : sub;
  }
  return sub;
}

/** `go install pkg@v1` and `go run pkg@v1` ignore the current module. */
export function namesVersionedPackage(go: GoInvocation): boolean {
  return (go.subcommand.value === 'install' || go.subcommand.value === 'run') &&
    go.args.some((word) => !word.value.startsWith('-') && word.value.includes('@'));
}

/**
 * `go build`, `go install` of the module's own packages (not `pkg@version`, not the standard library alone), and
 * `go test -c`, which compiles a test binary the image ships (an e2e image's ENTRYPOINT) rather than running tests.
 */
export function isModuleBuild(go: GoInvocation): boolean {
  const sub = go.subcommand.value;
  const compilesTests = sub === 'test' && go.args.some((word) => /^--?c(?:=true)?$/.test(word.value));
  return (sub === 'build' || compilesTests || (sub === 'install' && !namesVersionedPackage(go))) && !buildsStandardLibraryOnly(go);
}

/** `go install std`, `go build cmd/...`: every package argument names the standard library or Go's commands, none of the module. */
export function buildsStandardLibraryOnly(go: GoInvocation): boolean {
  const packages = packageArguments(go);
  return packages.length > 0 && packages.every((word) => /^(?:std|cmd)(?:\/\.\.\.)?$/.test(word.value));
}

/** Build flags written with their value as the next word (`-o out`, `-tags x`); the others are booleans or `-flag=value`. */
const FLAGS_WITH_VALUE = new Set(['C', 'o', 'p', 'asmflags', 'buildmode', 'compiler', 'gccgoflags', 'gcflags', 'installsuffix', 'ldflags', 'mod', 'modfile', 'overlay', 'pgo', 'pkgdir', 'tags', 'toolexec', 'covermode', 'coverpkg', 'exec']);

/** The package (or file) arguments of a go build, install or run: the words after the flags, up to the first one of `go run`'s program arguments. */
export function packageArguments(go: GoInvocation): Word[] {
  const packages: Word[] = [];
  for (let i = 0; i < go.args.length; i++) {
    const word = go.args[i]!.value;
    if (word === '--') continue;
    const flag = /^--?([A-Za-z][\w-]*)(=)?/.exec(word);
    if (flag && packages.length === 0) {
      if (!flag[2] && FLAGS_WITH_VALUE.has(flag[1]!)) i++;
      continue;
    }
    if (go.subcommand.value === 'run' && packages.length > 0 && !word.endsWith('.go')) break;
    packages.push(go.args[i]!);
  }
  return packages;
}

/**
 * `go install github.com/x/tool` and the like: every package named is an import
 * path of another module (its first element has a dot), none of the module's
 * own (`.`, `./cmd/x`, none named). Such a build needs go.mod, not the sources.
 */
export function buildsOnlyDependencies(go: GoInvocation): boolean {
  const packages = packageArguments(go);
  return packages.length > 0 && packages.every((word) => /^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+\//.test(word.value) && !word.value.includes('$'));
}

/**
 * `go get -d ./...` (also `-v`, `-t`, `-x`, or no package: the current folder's): fetch what the module's own packages
 * import, naming no version and upgrading nothing. 'fetches' with -d; 'builds-before-1.18'
 * without it (Go 1.18 and newer only fetch, older ones also build and install).
 */
export function getsOwnDependencies(go: GoInvocation): 'fetches' | 'builds-before-1.18' | undefined {
  if (go.subcommand.value !== 'get') return undefined;
  const flags = go.args.filter((word) => word.value.startsWith('-')).map((word) => word.value.replace(/^--?/, ''));
  const packages = go.args.filter((word) => !word.value.startsWith('-')).map((word) => word.value);
  // No package named is the package in the current folder, as `.` is.
  const own = flags.every((flag) => ['d', 'v', 't', 'x'].includes(flag)) && packages.every((name) => /^\.(?:\/\.\.\.)?$|^\.\/[\w./-]*$/.test(name));
  if (!own) return undefined;
  return getOnlyFetches(go) ? 'fetches' : 'builds-before-1.18';
}

/** `go get -d`: it fetches and builds nothing (without -d it builds before Go 1.18, or edits go.mod after). */
export function getOnlyFetches(go: GoInvocation): boolean {
  return go.subcommand.value === 'get' && go.args.some((word) => /^--?d$/.test(word.value));
}

/** The value of a `-mod` flag among `words` (`-mod=x` or `-mod x`), or undefined when there is none. */
export function modFlagValue(words: readonly Word[]): string | undefined {
  for (const [i, word] of words.entries()) {
    const match = /^--?mod(?:=(.*))?$/.exec(word.value);
    if (match) return match[1] ?? words[i + 1]?.value ?? '';
  }
  return undefined;
}
