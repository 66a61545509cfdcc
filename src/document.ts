// A parsed Dockerfile as plain data with source offsets.
// dockerfile-ast gives line/character positions; everything downstream works
// on offsets into `text`, so the mapping lives here and nowhere else.
import { DockerfileParser, Instruction as AstInstructionClass } from 'dockerfile-ast';
import type { Argument as AstArgument, Instruction as AstInstruction } from 'dockerfile-ast';
import { Parser } from 'dockerfile-ast/lib/parser.js';
import { skipBlanksAndContinuations } from './continuations.js';
import { DockmodError } from './errors.js';
import type { Edit } from './edits.js';

// dockerfile-ast splits an instruction's arguments anew on every call, and
// its own parser, getFlags(), getArguments() and getArgumentsRange() call it
// again and again: most of the parse time. A parsed document never changes, so
// the split is kept per instruction; each caller gets its own copy of the
// array (ModifiableInstruction.getArguments shifts the flags off it). The
// split lives on the node itself, not in a WeakMap (see objectCache in object-cache.ts).
type SplitCache = AstInstruction & { dockmodSplit?: AstArgument[] };
const astPrototype = AstInstructionClass.prototype as unknown as { getRawArguments(this: SplitCache): AstArgument[] };
const splitArguments = astPrototype.getRawArguments;
astPrototype.getRawArguments = function (this: SplitCache): AstArgument[] {
  return (this.dockmodSplit ??= splitArguments.call(this)).slice();
};

// dockerfile-ast's parser builds every instruction that has arguments twice: once to look for heredocs
// (processArguments hands a new node to processHeredocs, which only reads its keyword and arguments) and
// again, with the same arguments, to keep. Building a node (arguments split, JSON form read) is most of the
// parse, so when the second call asks for the very node the first built (same keyword, start and ends: no
// heredoc moved the end) it gets that node. Reading a node never changes it; its caches hold for either use.
// Patched because the parser offers no way to pass the node on (the fix upstream: processArguments returning the node it built).
type InstructionFactory = (dockerfile: object, keyword: string, start: number, keywordEnd: number, end: number) => AstInstruction;
type ParserWithLastNode = { dockmodLastNode?: { dockerfile: object; keyword: string; start: number; keywordEnd: number; end: number; node: AstInstruction } };
const parserPrototype = Parser.prototype as unknown as { createInstruction: InstructionFactory };
const createInstruction = parserPrototype.createInstruction;
parserPrototype.createInstruction = function (this: ParserWithLastNode, dockerfile, keyword, start, keywordEnd, end) {
  const last = this.dockmodLastNode;
  if (last && last.dockerfile === dockerfile && last.keyword === keyword && last.start === start && last.keywordEnd === keywordEnd && last.end === end) return last.node;
  const node = createInstruction.call(this, dockerfile, keyword, start, keywordEnd, end);
  this.dockmodLastNode = { dockerfile, keyword, start, keywordEnd, end, node };
  return node;
};

export interface Flag {
  name: string;
  value: string | null;
  start: number;
  end: number;
}

export interface Instruction {
  index: number;
  /** Upper-case keyword, e.g. RUN. */
  keyword: string;
  /** The keyword as written (case kept). */
  keywordText: string;
  start: number;
  /** End of the instruction, heredoc bodies included; the line ending is not. */
  end: number;
  /** 0-based line of the keyword. */
  line: number;
  endLine: number;
  /** Offset where the arguments begin, after any --flags. */
  argsStart: number;
  flags: Flag[];
  /** Arguments as dockerfile-ast splits them (not shell words). */
  args: string[];
  ast: AstInstruction;
  /**
   * Lines to add to the line of a position the ast node gives (see astOffset): the node may come from
   * an earlier text or from a parsed fragment (reparseDocument); its characters are right.
   */
  astLineShift: number;
}

export interface Document {
  text: string;
  escapeChar: string;
  eol: string;
  lineStarts: number[];
  instructions: Instruction[];
  /** 0-based lines that are comments (outside heredoc bodies). */
  commentLines: Set<number>;
}

export function parseDocument(text: string): Document {
  const lineStarts = computeLineStarts(text);
  let ast;
  try {
    ast = DockerfileParser.parse(text);
  } catch (error) {
    throw new DockmodError(`cannot parse as a Dockerfile (${messageOf(error)})`);
  }
  const positions = { text, lineStarts };
  let instructions: Instruction[];
  const commentLines = new Set<number>();
  let escapeChar: string;
  try {
    escapeChar = ast.getEscapeCharacter();
    instructions = ast
      .getInstructions()
      .map((node, index) => withFlagsAfterContinuations(text, escapeChar, toInstruction(node, index, positions)));
    for (const comment of ast.getComments()) commentLines.add(comment.getRange().start.line);
  } catch (error) {
    throw new DockmodError(`cannot parse as a Dockerfile (${messageOf(error)})`);
  }
  return { text, escapeChar, eol: detectEol(text), lineStarts, instructions, commentLines };
}

function toInstruction(
  node: AstInstruction,
  index: number,
  positions: Pick<Document, 'text' | 'lineStarts'>,
): Instruction {
  const range = node.getRange();
  const start = offsetAt(positions, range.start);
  const end = offsetAt(positions, range.end);
  const argsRange = node.getArgumentsRange();
  const flagged = node as unknown as { getFlags?: () => import('dockerfile-ast').Flag[] };
  const flags: Flag[] = (flagged.getFlags?.() ?? []).map((flag) => {
    const flagRange = flag.getRange();
    return { name: flag.getName(), value: flag.getValue(), start: offsetAt(positions, flagRange.start), end: offsetAt(positions, flagRange.end) };
  });
  return {
    index,
    keyword: node.getKeyword(),
    keywordText: node.getInstruction(),
    start,
    end,
    line: range.start.line,
    endLine: range.end.line,
    argsStart: argsRange ? offsetAt(positions, argsRange.start) : end,
    flags,
    args: copiesFiles(node.getKeyword()) ? node.getArguments().map((argument) => withoutWordQuotes(argument.getValue())) : node.getArguments().map((argument) => argument.getValue()),
    ast: node,
    astLineShift: 0,
  };
}

const copiesFiles = (keyword: string): boolean => keyword === 'COPY' || keyword === 'ADD';

/**
 * A COPY/ADD word quoted whole (`"go.mod"`, `'cmd/app'`) as BuildKit reads it: without the quotes. A single-quoted word
 * with a `$` keeps them (no expansion inside), as does a word quoted only in part.
 */
function withoutWordQuotes(word: string): string {
  const quoted = /^"([^"\\`]*)"$/.exec(word) ?? /^'([^'$]*)'$/.exec(word);
  return quoted ? quoted[1]! : word;
}

const FLAGGED_KEYWORDS = new Set(['RUN', 'COPY', 'ADD', 'FROM']);

/**
 * dockerfile-ast stops reading flags at a line continuation, but Docker joins
 * the lines first, so a RUN with `--mount=a` on its first line and `--mount=b`
 * on the next has two flags. Read the flags that follow a continuation here,
 * so `flags` and `argsStart` mean what they mean to Docker.
 */
function withFlagsAfterContinuations(text: string, escapeChar: string, instruction: Instruction): Instruction {
  if (!FLAGGED_KEYWORDS.has(instruction.keyword)) return instruction;
  const flags = [...instruction.flags];
  let argsStart = instruction.argsStart;
  let i = instruction.argsStart;
  let crossedContinuation = false;
  while (i < instruction.end) {
    const next = skipBlanksAndContinuations(text, i, instruction.end, escapeChar);
    if (next.crossed) crossedContinuation = true;
    i = next.offset;
    if (!crossedContinuation || !text.startsWith('--', i)) break;
    const end = endOfFlagWord(text, i, instruction.end);
    const word = text.slice(i + 2, end);
    const equals = word.indexOf('=');
    flags.push({
      name: equals === -1 ? word : word.slice(0, equals),
      value: equals === -1 ? null : word.slice(equals + 1),
      start: i,
      end,
    });
    i = end;
    argsStart = skipBlanksAndContinuations(text, i, instruction.end, escapeChar).offset;
  }
  if (flags.length === instruction.flags.length) return instruction;
  return { ...instruction, flags, argsStart };
}

/** End of a flag word: the next blank or line break outside quotes. */
function endOfFlagWord(text: string, from: number, end: number): number {
  let i = from;
  let quote = '';
  while (i < end) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n') {
      break;
    }
    i++;
  }
  return i;
}

/**
 * The document of `text`, which is `previous.text` with `sorted` applied (sorted, as sortEdits returns them):
 * what parseDocument(text) gives, but only the lines the edits touch are parsed again. The instructions
 * around them keep what the previous parse read, moved by the lines and offsets the edits added or removed.
 * The whole text is parsed instead where a fragment could read differently than in place: its guards (the
 * instructions next to it) read otherwise, it holds a heredoc, or the edits are at the parser directives.
 */
export function reparseDocument(previous: Document, sorted: readonly Edit[], text: string): Document {
  if (sorted.length === 0) return previous.text === text ? previous : parseDocument(text);
  const edited = editedWindow(previous, sorted);
  // Above the first instruction lie the parser directives, which decide how the whole file reads: lines edited there,
  // or inserted right below them, are read with the whole file.
  const firstStart = previous.instructions[0]?.start ?? previous.text.length + 1;
  if (edited.start < firstStart || (firstStart > 0 && edited.start <= startOfLine(previous.text, firstStart))) return parseDocument(text);
  // The instructions just before and after the edited lines are parsed with them, as guards: when they read as before,
  // the parser left the edited lines where it entered them (no continuation or heredoc reaches across), and every
  // instruction beyond them reads as before too.
  const guardBefore = previous.instructions.filter((instruction) => instruction.end < edited.start).at(-1);
  const guardAfter = previous.instructions.find((instruction) => instruction.start >= edited.end);
  const window = {
    start: guardBefore ? startOfLine(previous.text, guardBefore.start) : edited.start,
    end: guardAfter ? endOfLineWithBreak(previous.text, guardAfter.end) : edited.end,
  };
  const delta = text.length - previous.text.length;
  const lineStarts = computeLineStarts(text);
  const lineDelta = lineStarts.length - previous.lineStarts.length;
  const firstLine = lineOf(previous, window.start);
  const oldLastLine = lineOf(previous, window.end - 1);
  const fragment = text.slice(window.start, window.end + delta);
  if (fragment.includes('<<')) return parseDocument(text);
  // At the top (the first instruction's line, no directives above it) the fragment is read as the file is. Elsewhere a
  // blank line ends the directives, so a comment at the fragment's top stays a comment (after the file's escape directive).
  const prefix = window.start === 0 ? '' : previous.escapeChar === '\\' ? '\n' : `# escape=${previous.escapeChar}\n\n`;
  const parsed = parseDocument(prefix + fragment);
  if (parsed.escapeChar !== previous.escapeChar) return parseDocument(text);
  const fragmentOffset = window.start - prefix.length;
  const fragmentLine = firstLine - (prefix.match(/\n/g)?.length ?? 0);
  const reparsed = parsed.instructions.map((instruction) => shiftInstruction(instruction, fragmentOffset, fragmentLine));
  const guardsHold =
    (!guardBefore || sameReading(reparsed[0], guardBefore)) && (!guardAfter || sameReading(reparsed.at(-1), shiftInstruction(guardAfter, delta, lineDelta)));
  if (!guardsHold) return parseDocument(text);
  const instructions = [
    ...previous.instructions.filter((instruction) => instruction.end < window.start).map((instruction) => shiftInstruction(instruction, 0, 0)),
    ...reparsed,
    ...previous.instructions.filter((instruction) => instruction.start >= window.end).map((instruction) => shiftInstruction(instruction, delta, lineDelta)),
  ];
  instructions.forEach((instruction, index) => (instruction.index = index));
  const commentLines = new Set<number>();
  for (const line of previous.commentLines) {
    if (line < firstLine) commentLines.add(line);
    else if (line > oldLastLine) commentLines.add(line + lineDelta);
  }
  for (const line of parsed.commentLines) commentLines.add(line + fragmentLine);
  return { text, escapeChar: previous.escapeChar, eol: detectEol(text), lineStarts, instructions, commentLines };
}

/** Two readings of one instruction agree on where it is and what it says. */
function sameReading(reparsed: Instruction | undefined, known: Instruction): boolean {
  if (!reparsed) return false;
  const fields = ['keywordText', 'start', 'end', 'line', 'endLine', 'argsStart'] as const;
  if (fields.some((field) => reparsed[field] !== known[field])) return false;
  if (reparsed.args.length !== known.args.length || reparsed.args.some((arg, index) => arg !== known.args[index])) return false;
  return reparsed.flags.length === known.flags.length && reparsed.flags.every((flag, index) => {
    const other = known.flags[index]!;
    return flag.name === other.name && flag.value === other.value && flag.start === other.start && flag.end === other.end;
  });
}

/**
 * The whole lines of `doc.text` the edits touch, widened to whole instructions: [start, end), end just past
 * a line break (or the end of the text).
 */
function editedWindow(doc: Document, sorted: readonly Edit[]): { start: number; end: number } {
  let start = startOfLine(doc.text, sorted[0]!.start);
  let end = endOfLineWithBreak(doc.text, Math.max(...sorted.map((edit) => edit.end)));
  for (let widened = true; widened; ) {
    widened = false;
    for (const instruction of doc.instructions) {
      if (instruction.start >= end || instruction.end < start) continue;
      const lineStart = startOfLine(doc.text, instruction.start);
      const lineEnd = endOfLineWithBreak(doc.text, instruction.end);
      if (lineStart < start) [start, widened] = [lineStart, true];
      if (lineEnd > end) [end, widened] = [lineEnd, true];
    }
  }
  return { start, end };
}

function shiftInstruction(instruction: Instruction, offset: number, lines: number): Instruction {
  // Written out rather than spread, in toInstruction's field order (one object shape): this runs for every instruction after an edit.
  return {
    index: instruction.index,
    keyword: instruction.keyword,
    keywordText: instruction.keywordText,
    start: instruction.start + offset,
    end: instruction.end + offset,
    line: instruction.line + lines,
    endLine: instruction.endLine + lines,
    argsStart: instruction.argsStart + offset,
    flags: offset === 0 ? instruction.flags : instruction.flags.map((flag) => ({ name: flag.name, value: flag.value, start: flag.start + offset, end: flag.end + offset })),
    args: instruction.args,
    ast: instruction.ast,
    astLineShift: instruction.astLineShift + lines,
  };
}

/** The offset in `doc.text` of a position an instruction's ast node gives (its line moved by astLineShift). */
export function astOffset(doc: Pick<Document, 'text' | 'lineStarts'>, instruction: Pick<Instruction, 'astLineShift'>, position: Position): number {
  return offsetAt(doc, { line: position.line + instruction.astLineShift, character: position.character });
}

/** Line starts as vscode-languageserver-textdocument counts them (\r\n, \r, \n). */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (code === 10) {
      starts.push(i + 1);
    }
  }
  return starts;
}

export function detectEol(text: string): string {
  const newline = text.indexOf('\n');
  return newline > 0 && text[newline - 1] === '\r' ? '\r\n' : '\n';
}

/** A line/character position as dockerfile-ast gives it (0-based, \r\n, \r and \n all end a line). */
export interface Position {
  line: number;
  character: number;
}

/** The offset of a position in the text; a position past the end of the text is its end. */
export function offsetAt(doc: Pick<Document, 'text' | 'lineStarts'>, position: Position): number {
  const { text, lineStarts } = doc;
  return Math.min((lineStarts[position.line] ?? text.length) + position.character, text.length);
}

/** The text of a 0-based line, its line break included. */
export function lineText(doc: Pick<Document, 'text' | 'lineStarts'>, line: number): string {
  return doc.text.slice(doc.lineStarts[line], doc.lineStarts[line + 1] ?? doc.text.length);
}

/**
 * The comment lines directly above an instruction (no blank line between, none
 * of the previous instruction's own lines), top first.
 */
export function commentLinesAbove(doc: Pick<Document, 'instructions' | 'commentLines'>, instruction: Instruction): number[] {
  const previousEnd = doc.instructions[instruction.index - 1]?.endLine ?? -1;
  let top = instruction.line;
  while (top - 1 > previousEnd && doc.commentLines.has(top - 1)) top--;
  return Array.from({ length: instruction.line - top }, (_, k) => top + k);
}

/** 0-based line of an offset. */
export function lineOf(doc: Pick<Document, 'lineStarts'>, offset: number): number {
  const starts = doc.lineStarts;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Offset just past the line ending of the line holding `offset` (or the end of text). */
export function endOfLineWithBreak(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

export function startOfLine(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Write `keyword` in the case the file uses next to `neighbour`. */
export function keywordLike(neighbour: Instruction | undefined, keyword: string): string {
  if (neighbour && neighbour.keywordText === neighbour.keywordText.toLowerCase()) return keyword.toLowerCase();
  return keyword.toUpperCase();
}

export function messageOf(error: unknown): string {
  if (error instanceof RangeError && /call stack/i.test(error.message)) return 'parser recursion overflow';
  return error instanceof Error ? error.message : String(error);
}

/**
 * A line number inside a message, written as a reference to the instruction's
 * offset: transforms before this one may have removed or inserted lines, so the
 * pipeline turns it into the input's line when the message leaves it.
 */
export function lineRef(instruction: { start: number }): string {
  return `\u0001${instruction.start}\u0002`;
}

/** The message with each lineRef replaced by `lineAt(offset)`. */
export function resolveLineRefs(message: string, lineAt: (offset: number) => number): string {
  return message.includes('\u0001') ? message.replace(/\u0001(\d+)\u0002/g, (_, offset: string) => String(lineAt(Number(offset)))) : message;
}
