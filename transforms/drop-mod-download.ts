// drop-mod-download: remove the `go mod download` step.
// `go mod download` does not write go.sum and hangs or gets killed when many
// images build at once; with -mod=mod the build fetches what it needs.
import { commentLinesAbove, endOfLineWithBreak, lineOf, lineText, startOfLine, type Document, type Instruction } from '../src/document.js';
import { continuationPattern, endsWithEscape } from '../src/continuations.js';
import type { Edit } from '../src/edits.js';
import { getsOwnDependencies, goInvocation, goVerb, type RunScript } from '../src/run.js';
import { withoutQuoting, type SimpleCommand, type Token } from '../src/shell.js';
import { credentialMountOf, fillsOnlyToolModules, hasCredentialsOf, onlyFetchesModules } from '../src/model/cache-flow.js';
import { compareGoVersions, parseGoVersion } from '../src/go-version.js';
import { runAnalysisOf } from '../src/stages.js';
import { credentialSetupBefore, credentialTeardownAfter, credentialsShown } from '../src/model/fetch-context.js';
import type { Context, Transform } from '../src/transform.js';

export const dropModDownload: Transform = {
  id: 'drop-mod-download',
  summary: 'Remove `go mod download` steps (and a `go mod verify` chained to them).',
  mayApply: (text) => mentionsDownload(withoutQuoting(text)),
  apply(ctx) {
    const removals: Edit[] = [];
    for (const instruction of ctx.doc.instructions) {
      if (instruction.keyword !== 'RUN') continue;
      if (!mentionsDownload(withoutQuoting(ctx.doc.text.slice(instruction.start, instruction.end)))) continue;
      dropFromRun(ctx, instruction, removals);
    }
    for (const removal of joinedAtEndOfFile(ctx.doc.text, removals)) ctx.edit(removal);
  },
};

/**
 * Removing the last instruction of a file without a final newline takes the
 * line break before it, which the removal of the instruction above (when it
 * goes too) already holds: that removal then takes the line break before
 * itself instead, so the two stay separate (each change on its own line) and
 * the file still ends without a newline.
 */
function joinedAtEndOfFile(text: string, removals: readonly Edit[]): Edit[] {
  const joined = [...removals];
  for (let i = joined.length - 1; i > 0; i--) {
    const current = joined[i]!;
    const previous = joined[i - 1]!;
    if (current.start >= previous.end) continue;
    const lineBreak = text.startsWith('\r\n', previous.start - 2) ? 2 : text[previous.start - 1] === '\n' ? 1 : 0;
    joined[i - 1] = { start: previous.start - lineBreak, end: current.start, text: '' };
  }
  return joined;
}

/** A download command with what goes with it: `|| true` and a chained `go mod verify`. */
interface Unit {
  start: number;
  end: number;
  before: Token | undefined;
  after: Token | undefined;
  first: SimpleCommand;
  last: SimpleCommand;
}

function dropFromRun(ctx: Context, instruction: Instruction, edits: Edit[]): void {
  const analysis = runAnalysisOf(ctx.doc, instruction);
  const commands = analysis.scripts.flatMap((script) => script.commands);
  const isDownload = downloadTest(ctx, instruction);
  const firstDownload = commands.find(isDownload);
  if (!firstDownload) return;
  // The reasons speak of `go mod download`; a `go get -d` is named as written.
  const named = (message: string): string => (goVerbOf(firstDownload) === 'get' ? message.replaceAll('go mod download', 'go get -d') : message);
  const kept = reasonToKeep(ctx, instruction, commands, isDownload);
  if (kept) {
    // add-cache-mounts states the same reader on the same line: said once.
    if (kept.fact) ctx.noteFact(firstDownload.start, kept.fact, named(`${kept.reason}; left as is`));
    else ctx.note(firstDownload.start, named(`${kept.reason}; left as is`));
    return;
  }
  const verifyRun = verifyRunAfter(ctx.doc, instruction);
  if (!analysis.unclear && commands.every((c) => isDownload(c) || isVerify(c) || isResidue(c))) {
    // A verify RUN right below: one removal for both, so the blank lines around the two stay one; split in two, one change each.
    if (verifyRun?.index === instruction.index + 1) {
      const both = instructionRemoval(ctx.doc, instruction, verifyRun);
      const split = instructionRemoval(ctx.doc, verifyRun).start;
      edits.push({ start: both.start, end: split, text: '' }, { start: split, end: both.end, text: '' });
    } else {
      edits.push({ ...instructionRemoval(ctx.doc, instruction), text: '' });
      if (verifyRun) edits.push({ ...instructionRemoval(ctx.doc, verifyRun), text: '' });
    }
    return;
  }
  // Plan every removal first: a RUN is edited only when all of its downloads can go.
  const removals: Removal[] = [];
  for (const script of analysis.scripts) {
    let consumedUntil = -1;
    for (const [index, command] of script.commands.entries()) {
      if (!isDownload(command) || index <= consumedUntil) continue;
      const removal = analysis.unclear ? undefined : plannedRemoval(ctx.doc, script, index, isDownload);
      if (typeof removal === 'string' || removal === undefined) {
        const reason = removal ?? `this RUN cannot be read safely (${analysis.unclear})`;
        ctx.note(command.start, named(`${reason}; remove go mod download by hand`));
        return;
      }
      if (removal.start < (removals.at(-1)?.end ?? -1)) {
        ctx.note(command.start, named('the go mod download commands of this RUN are too entangled to remove safely; remove them by hand'));
        return;
      }
      removals.push(removal);
      consumedUntil = script.commands.indexOf(removal.last);
    }
  }
  for (const { start, end } of removals) edits.push({ start, end, text: '' });
  if (verifyRun) edits.push({ ...instructionRemoval(ctx.doc, verifyRun), text: '' });
}

/**
 * A `RUN go mod verify` that is the stage's next go command after the download:
 * without the download it verifies an empty module cache, so it goes with it,
 * as a `go mod verify` chained to the download does.
 */
function verifyRunAfter(doc: Document, download: Instruction): Instruction | undefined {
  for (let index = download.index + 1; index < doc.instructions.length; index++) {
    const next = doc.instructions[index]!;
    if (next.keyword === 'FROM') return undefined;
    if (next.keyword !== 'RUN') continue;
    const analysis = runAnalysisOf(doc, next);
    const commands = analysis.scripts.flatMap((script) => script.commands);
    if (!commands.some((command) => goInvocation(command))) continue;
    const onlyVerifies = !analysis.unclear && commands.some(isVerify) && commands.every((c) => isVerify(c) || isResidue(c));
    return onlyVerifies ? next : undefined;
  }
  return undefined;
}

/** Settings a download may run with that the build steps after it do not share. */
const FETCH_SETTINGS = /^(?:GOPROXY|GOPRIVATE|GONOPROXY|GONOSUMDB|GONOSUMCHECK|GOSUMDB|GOINSECURE|GOFLAGS|GOAUTH|GIT_[A-Z_]+|HTTPS?_PROXY|https?_proxy|NO_PROXY|no_proxy)=/;
/** The names of FETCH_SETTINGS an export can set (GIT_* left to the pattern). */
const FETCH_SETTING_NAMES = ['GOPROXY', 'GOPRIVATE', 'GONOPROXY', 'GONOSUMDB', 'GONOSUMCHECK', 'GOSUMDB', 'GOINSECURE', 'GOFLAGS', 'GOAUTH', 'HTTPS_PROXY', 'HTTP_PROXY', 'https_proxy', 'http_proxy', 'NO_PROXY', 'no_proxy'];
/** GOFLAGS flags that change nothing of what `go mod download` fetches, or where (it takes no -mod; the rest are build flags). */
const NOT_FETCHING_FLAG = /^--?(?:mod|tags|trimpath|buildvcs|v|x|ldflags|gcflags|asmflags|race|p)(?:=|$)/;

/** `NAME=value` sets something that changes what a download fetches or how: a FETCH_SETTINGS name, GOFLAGS only with a flag downloads read. */
function isFetchSetting(assignment: string): boolean {
  if (!FETCH_SETTINGS.test(assignment)) return false;
  if (!assignment.startsWith('GOFLAGS=')) return true;
  const flags = assignment.slice('GOFLAGS='.length).replace(/^(["'])(.*)\1$/, '$2').split(/\s+/).filter(Boolean);
  return flags.some((flag) => !NOT_FETCHING_FLAG.test(flag));
}

/**
 * Why a RUN's downloads must stay, or undefined; `fact` names the model's reader of
 * the modules, which add-cache-mounts would otherwise state again on the same line.
 */
function reasonToKeep(ctx: Context, instruction: Instruction, commands: SimpleCommand[], isDownload: IsDownload): { reason: string; fact?: string } | undefined {
  const kept = ctx.model().modulesKeptInLayer(instruction);
  const fact = kept === undefined ? {} : { fact: `kept-in-layer:${kept}` };
  const credentials = credentialMountOf(instruction);
  // With no build step after it, the modules are kept for whoever uses the image: that is the reason to give.
  const builds = ctx.model().moduleCacheConsumers(instruction).filter((consumer) => consumer.kind === 'go' || consumer.kind === 'opaque' || consumer.kind === 'cannot-fetch');
  // Build steps with the same credentials fetch what they need themselves: only one without them needs the download.
  // (Another download is no build step: whether it stays is decided on its own, and must not decide this one's.)
  // (Nor a tool's `go install pkg@version`, which reads no module of this one.)
  const buildWithout = credentials === undefined ? undefined : builds.find((consumer) => !hasCredentialsOf(consumer.instruction, instruction) && !onlyFetchesModules(ctx.doc, consumer.instruction) && !fillsOnlyToolModules(ctx.doc, consumer.instruction));
  if (credentials && (buildWithout || (builds.length === 0 && kept === undefined))) {
    return { reason: `go mod download uses --mount=${credentials}, which the build steps after it do not have`, ...fact };
  }
  const analysis = runAnalysisOf(ctx.doc, instruction);
  for (const command of commands.filter(isDownload)) {
    const go = goInvocation(command)!;
    const setting = go.assignments.find((word) => isFetchSetting(word.value));
    if (setting) return { reason: `go mod download runs with ${setting.value}, which the build steps after it do not have`, ...fact };
    // An export earlier in the RUN ends with it, as credentials the RUN writes and removes again do.
    const { env } = ctx.model().goCommand(instruction, go);
    const exported = FETCH_SETTING_NAMES.find((name) => env.origin(name) === 'this RUN' && isFetchSetting(`${name}=${env.get(name) ?? ''}`));
    if (exported) return { reason: `go mod download runs after this RUN sets ${exported}, which the build steps after it do not have`, ...fact };
    const setup = credentialSetupBefore(ctx.doc, analysis, command.start);
    const teardown = setup && credentialTeardownAfter(ctx.doc, analysis, command.end);
    if (setup && teardown) return { reason: `go mod download runs with git credentials (${credentialsShown(ctx.doc, setup)}) this RUN sets up and takes away again, which the build steps after it do not have`, ...fact };
  }
  if (kept === undefined) return undefined;
  return { reason: kept.replace('this RUN leaves', 'go mod download puts').replace('after this RUN', 'after go mod download'), ...fact };
}

/** A range to remove and the last command it takes with it. */
interface Removal {
  start: number;
  end: number;
  last: SimpleCommand;
}

/** The range that removes the download at `index`, or why it cannot be removed. */
function plannedRemoval(doc: Document, script: RunScript, index: number, isDownload: IsDownload): Removal | string {
  const unit = unitAt(script.commands, index, isDownload);
  if (!unit) return 'go mod download has a fallback other than `|| true` or feeds a pipe';
  const removal = (script.kind === 'heredoc' ? wholeLineRemoval(doc.text, script, unit) : undefined) ?? chainRemoval(doc.text, script, unit);
  if (typeof removal === 'string') return removal;
  if (leavesEscapeAtLineEnd(doc, removal)) return 'removing go mod download would leave the escape character at the end of a line, joining the next line to it';
  if (script.kind === 'command-line' && leavesFlagFirst(doc, script.start, removal)) {
    return 'removing go mod download would make the next command, which starts with --, read as a RUN flag';
  }
  return { ...removal, last: unit.last };
}

/** `RUN go mod download && --x y` would become `RUN --x y`, where Docker reads `--x` as a flag of RUN. */
function leavesFlagFirst(doc: Document, argsStart: number, removal: { start: number; end: number }): boolean {
  const { text, escapeChar } = doc;
  const continuation = new RegExp(continuationPattern(escapeChar), 'g');
  const isFirst = text.slice(argsStart, removal.start).replace(continuation, '').trim() === '';
  return isFirst && /^--/.test(text.slice(removal.end).replace(continuation, '').trimStart());
}

/** `RUN a\\ && go mod download` would become `RUN a\\`: a line continuation that swallows the next line. */
function leavesEscapeAtLineEnd(doc: Document, removal: { start: number; end: number }): boolean {
  const { text, escapeChar } = doc;
  const lineEnd = text.indexOf('\n', removal.end);
  const after = text.slice(removal.end, lineEnd === -1 ? text.length : lineEnd);
  if (after.trim() !== '') return false;
  return endsWithEscape(text.slice(startOfLine(text, removal.start), removal.start), escapeChar);
}

function goVerbOf(command: SimpleCommand): string | undefined {
  const go = goInvocation(command);
  return go && goVerb(go);
}

type IsDownload = (command: SimpleCommand) => boolean;

const mentionsDownload = (text: string): boolean => text.includes('download') || /\bget\b/.test(text);

/**
 * `go mod download`, and in module mode `go get -d ./...`: a download of the
 * module's own dependencies (no version named, nothing upgraded; without -d only
 * from Go 1.18, where go get no longer builds). In GOPATH mode `go get` is how the
 * sources arrive, and stays.
 */
function downloadTest(ctx: Context, instruction: Instruction): IsDownload {
  let moduleMode: boolean | undefined;
  const inModuleMode = (): boolean => {
    if (moduleMode === undefined) {
      const module = ctx.model().moduleAtWorkdir(instruction);
      moduleMode = ctx.model().gopathModeAt(instruction) === undefined && (module.how === 'context' || module.how === 'created') && !module.vendored && module.workspaceFile === undefined;
    }
    return moduleMode;
  };
  return (command) => {
    const go = goInvocation(command);
    if (!go) return false;
    if (goVerb(go) === 'mod download') return true;
    const gets = getsOwnDependencies(go);
    if (!gets || !inModuleMode()) return false;
    if (gets === 'fetches') return true;
    const version = ctx.model().goCommand(instruction, go).goVersion;
    return version?.minor !== undefined && compareGoVersions(version, ONLY_FETCHES_SINCE) >= 0;
  };
}

const ONLY_FETCHES_SINCE = parseGoVersion('1.18')!;

const isVerify = (command: SimpleCommand): boolean => goVerbOf(command) === 'mod verify';
const isNoop = (command: SimpleCommand): boolean => isWord(command, 'true') || isWord(command, ':');

/** Commands that only serve the download: a `cd` to where it runs, messages, retry loops, conditions, `exit`, an `export` (it ends with the RUN). */
const RESIDUE = new Set(['true', ':', 'cd', 'echo', 'printf', 'sleep', 'break', 'continue', 'exit', 'set', '[', '[[', 'test', 'for', 'export']);
const isResidue = (command: SimpleCommand): boolean =>
  command.assignments.length === 0 && !command.redirected && RESIDUE.has(command.words[0]?.value ?? '') && !command.words.some((word) => word.value.includes('$(') || word.value.includes('`'));

function isWord(command: SimpleCommand | undefined, ...values: string[]): boolean {
  return !!command && command.assignments.length === 0 && command.words.length === values.length &&
    command.words.every((word, i) => word.value === values[i]);
}

function isOp(token: Token | undefined, ...ops: string[]): boolean {
  return token?.kind === 'op' && ops.includes(token.op);
}

/**
 * Extend the download command over `|| true`, a `go mod verify` chained with
 * `&&` and the downloads that directly follow it (removed as one, so their
 * removals cannot overlap); undefined if another fallback follows.
 */
function unitAt(commands: SimpleCommand[], index: number, isDownload: IsDownload): Unit | undefined {
  const first = commands[index]!;
  let last = first;
  let next = index + 1;
  const absorbFallback = (): boolean => {
    if (!isOp(last.after, '||')) return true;
    const fallback = commands[next];
    if (!fallback || fallback.before !== last.after || !isNoop(fallback)) return false;
    last = fallback;
    next++;
    return true;
  };
  if (!absorbFallback()) return undefined;
  for (;;) {
    const chained = commands[next];
    if (!chained || chained.before !== last.after) break;
    const joins = isOp(last.after, '&&') ? isVerify(chained) || isDownload(chained) : isOp(last.after, ';', '\n') && isDownload(chained);
    if (!joins) break;
    last = chained;
    next++;
    if (!absorbFallback()) return undefined;
  }
  if (isOp(first.before, '||', '|', '|&') || isOp(last.after, '||', '|', '|&', '&')) return undefined;
  return { start: first.start, end: last.end, before: first.before, after: last.after, first, last };
}

/**
 * Remove the unit and one connector next to it so the list stays valid:
 * `A && dl && B` -> `A && B`; `dl && B` -> `B`; `A && dl` -> `A`.
 * A string says why not: the unit is the only command of a compound body, or
 * follows a compound command with `&&`.
 */
function chainRemoval(text: string, script: RunScript, unit: Unit): { start: number; end: number } | string {
  const commands = script.commands;
  const previous = commands.find((command) => command.after === unit.before && command !== unit.first);
  const following = commands.find((command) => command.before === unit.after && command !== unit.last);
  const previousEndsCommand = !!previous && isOp(unit.before, '&&', ';', '\n');
  const followingStarts = !!following && isOp(unit.after, '&&', ';', '\n');
  if (previousEndsCommand && (isOp(unit.before, '&&') || unit.after === undefined || !followingStarts)) {
    return { start: previous.end, end: unit.end };
  }
  // Taking the connector after it would chain the next command to the compound one: `fi && dl; B` -> `fi && B`.
  if (isOp(unit.before, '&&') && !isOp(unit.after, '&&')) return 'go mod download follows a compound command with && here';
  if (followingStarts && following) return linesOfContinuedCommand(text, script, unit, following) ?? { start: unit.start, end: following.start };
  return 'go mod download sits inside a compound command here';
}

/**
 * `# fetch` / `go mod download; \` / `# build` / `go build` in a continued RUN: the download's own lines go, with the
 * comment lines directly above it; the comment lines between it and the next command are that command's and stay.
 * Undefined unless the download starts its line and comment lines come after it.
 */
function linesOfContinuedCommand(text: string, script: RunScript, unit: Unit, following: SimpleCommand): { start: number; end: number } | undefined {
  const gap = text.slice(unit.end, following.start);
  const lineBreak = gap.indexOf('\n');
  if (lineBreak === -1 || !/^[ \t]*#/m.test(gap.slice(lineBreak + 1))) return undefined;
  const lineStart = startOfLine(text, unit.start);
  if (lineStart <= script.start || text.slice(lineStart, unit.start).trim() !== '') return undefined;
  let start = lineStart;
  while (start > script.start) {
    const above = startOfLine(text, start - 1);
    if (above <= script.start || !/^[ \t]*#/.test(text.slice(above, start))) break;
    start = above;
  }
  return { start, end: unit.end + lineBreak + 1 };
}

/** In a heredoc script, a download alone on its line goes with its line. */
function wholeLineRemoval(text: string, script: RunScript, unit: Unit): { start: number; end: number } | undefined {
  const aloneBefore = unit.before === undefined || isOp(unit.before, '\n');
  const aloneAfter = unit.after === undefined || isOp(unit.after, '\n');
  if (!aloneBefore || !aloneAfter) return undefined;
  const lineStart = startOfLine(text, unit.start);
  if (lineStart < script.start || text.slice(lineStart, unit.start).trim() !== '') return undefined;
  return { start: lineStart, end: Math.min(endOfLineWithBreak(text, unit.end), script.end) };
}

/**
 * The lines of the instructions from `instruction` to `last`, with the comment
 * lines directly above, and one of the blank lines around them when both sides are blank.
 */
function instructionRemoval(doc: Document, instruction: Instruction, last: Instruction = instruction): { start: number; end: number } {
  const { text, lineStarts } = doc;
  const previousEnd = doc.instructions[instruction.index - 1]?.endLine ?? -1;
  let firstLine = commentLinesAbove(doc, instruction)[0] ?? instruction.line;
  let start = lineStarts[firstLine]!;
  let end = endOfLineWithBreak(text, last.end);
  const isBlankLine = (line: number): boolean => lineStarts[line] !== undefined && lineText(doc, line).trim() === '';
  const lineAfter = lineOf(doc, end);
  const blankBefore = firstLine === 0 || isBlankLine(firstLine - 1);
  if (end >= text.length) {
    // The last instruction: take the line break before it, so the file keeps its final-newline state.
    if (!text.endsWith('\n') && start > 0) start -= text[start - 2] === '\r' ? 2 : 1;
    else while (start > 0 && firstLine > 0 && isBlankLine(firstLine - 1) && firstLine - 1 > previousEnd) {
      firstLine--;
      start = lineStarts[firstLine]!;
    }
  } else if (blankBefore && end < text.length && lineAfter > last.endLine && isBlankLine(lineAfter)) {
    end = lineStarts[lineAfter + 1] ?? text.length;
  }
  return { start, end };
}
