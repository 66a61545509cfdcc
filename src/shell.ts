// RUN commands as simple shell commands with source offsets.
// A small tokenizer rather than a full shell parser: dockmod only needs to
// find simple commands, their words and the operators around them, and must
// map every word back to the exact bytes of the Dockerfile.
import { continuationEnd } from './continuations.js';

/** Text the shell sees, with the source offset of every character. */
export interface LogicalText {
  text: string;
  /** offsets[i] is the source offset of text[i]; offsets[text.length] is the end. */
  offsets: number[];
}

export interface Word {
  /** The word with quotes removed and escapes resolved (substitutions kept as written). */
  value: string;
  start: number;
  end: number;
  quoted: boolean;
}

export type Token =
  | { kind: 'word'; word: Word; start: number; end: number }
  | { kind: 'op'; op: string; start: number; end: number }
  | { kind: 'reserved'; value: string; start: number; end: number };

export interface SimpleCommand {
  assignments: Word[];
  /** Command name and arguments, redirections left out. */
  words: Word[];
  start: number;
  end: number;
  /** The token just before the command (an operator or reserved word), undefined at the start. */
  before: Token | undefined;
  /** The token just after the command, undefined at the end. */
  after: Token | undefined;
  /** Inside if/while/for/case, braces or a subshell rather than in the top-level list. */
  nested: boolean;
  /** The command has a redirection (`> file`, `2>&1`). */
  redirected?: true;
}

export interface Script {
  commands: SimpleCommand[];
  tokens: Token[];
  /** Set when the text could not be fully understood (unterminated quote, an unknown case ... esac form). */
  unclear?: string;
}

/**
 * The source with quotes and backslashes dropped: for cheap `includes` checks
 * before parsing, which shell quoting must not fool (`go b\\uild` and
 * `go "build"` run go build).
 */
export function withoutQuoting(source: string): string {
  return source.replace(/[\\'"`]/g, '');
}

const LIST_OPERATORS = new Set(['&&', '||', ';', '|', '&', '|&', ';;', ';&', ';;&', '\n']);
const OPENERS = new Set(['if', 'while', 'until', 'for', 'select', '{']);
const CLOSERS = new Set(['fi', 'done', '}']);
const MIDDLES = new Set(['then', 'do', 'else', 'elif', '!', 'in']);

/**
 * Join Dockerfile line continuations: the escape character followed by optional
 * blanks and a line break is removed, as are the blank and comment lines that
 * follow it (Docker drops them inside a continued instruction).
 */
export function joinContinuations(source: string, start: number, end: number, escapeChar: string): LogicalText {
  let text = '';
  const offsets: number[] = [];
  let i = start;
  while (i < end) {
    const ch = source[i]!;
    if (ch === escapeChar) {
      const next = continuationEnd(source, i, end, escapeChar);
      if (next !== -1) {
        i = next;
        continue;
      }
      // The escape character ends the text (a last line without newline): it continues into nothing.
      if (end === source.length && /^[ \t]*$/.test(source.slice(i + 1, end))) break;
      if (i + 1 < end && escapeChar === '\\') {
        // An escaped character stays for the shell to read.
        text += ch + source[i + 1];
        offsets.push(i, i + 1);
        i += 2;
        continue;
      }
    }
    text += ch;
    offsets.push(i);
    i++;
  }
  offsets.push(end);
  return { text, offsets };
}

/** The source as is: for heredoc bodies, where the shell itself reads the line breaks. */
export function identityText(source: string, start: number, end: number): LogicalText {
  const offsets: number[] = [];
  for (let i = start; i <= end; i++) offsets.push(i);
  return { text: source.slice(start, end), offsets };
}

interface TokenizeOptions {
  /** Heredoc-body mode: line breaks separate commands and `\` + newline continues a line. */
  script: boolean;
}

/** Split shell text into words and operators; comments are skipped. */
function tokenize(input: LogicalText, options: TokenizeOptions): { tokens: Token[]; unclear?: string } {
  const { text, offsets } = input;
  const tokens: Token[] = [];
  const pendingHeredocs: { delimiter: string; stripTabs: boolean }[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i]!;
    if (ch === ' ' || ch === '\t' || (ch === '\r' && text[i + 1] !== '\n')) {
      i++;
      continue;
    }
    if (ch === '\\' && isLineBreakAt(text, i + 1)) {
      i += text[i + 1] === '\r' ? 3 : 2;
      continue;
    }
    if (ch === '\n' || (ch === '\r' && text[i + 1] === '\n')) {
      const width = ch === '\r' ? 2 : 1;
      tokens.push({ kind: 'op', op: '\n', start: offsets[i]!, end: offsets[i + width - 1]! + 1 });
      i += width;
      if (pendingHeredocs.length > 0) {
        i = skipHeredocBodies(text, i, pendingHeredocs.splice(0));
        if (i < 0) return { tokens, unclear: 'unterminated heredoc' };
      }
      continue;
    }
    if (ch === '#') {
      while (i < n && text[i] !== '\n' && !(text[i] === '\r' && text[i + 1] === '\n')) i++;
      continue;
    }
    const op = operatorAt(text, i);
    if (op) {
      tokens.push({ kind: 'op', op, start: offsets[i]!, end: offsets[i + op.length - 1]! + 1 });
      i += op.length;
      if ((op === '<<' || op === '<<-') && options.script) {
        const delimiter = readWordAt(text, skipBlanks(text, i));
        if (delimiter) pendingHeredocs.push({ delimiter: delimiter.value, stripTabs: op === '<<-' });
      }
      continue;
    }
    const word = readWordAt(text, i);
    if (!word) return { tokens, unclear: 'unterminated quote or substitution' };
    tokens.push({
      kind: 'word',
      word: { value: word.value, start: offsets[i]!, end: offsets[word.end - 1]! + 1, quoted: word.quoted },
      start: offsets[i]!,
      end: offsets[word.end - 1]! + 1,
    });
    i = word.end;
  }
  return { tokens };
}

function isLineBreakAt(text: string, i: number): boolean {
  return text[i] === '\n' || (text[i] === '\r' && text[i + 1] === '\n');
}

function skipBlanks(text: string, i: number): number {
  while (text[i] === ' ' || text[i] === '\t') i++;
  return i;
}

function skipHeredocBodies(text: string, from: number, heredocs: { delimiter: string; stripTabs: boolean }[]): number {
  let i = from;
  for (const heredoc of heredocs) {
    for (;;) {
      if (i >= text.length) return -1;
      const newline = text.indexOf('\n', i);
      const lineEnd = newline === -1 ? text.length : newline;
      let line = text.slice(i, lineEnd).replace(/\r$/, '');
      if (heredoc.stripTabs) line = line.replace(/^\t+/, '');
      i = newline === -1 ? text.length : newline + 1;
      if (line === heredoc.delimiter) break;
    }
  }
  return i;
}

const OPERATORS = ['&&', '||', ';;&', ';;', ';&', '|&', '<<-', '<<', '>>', '>&', '<&', '<>', '>|', ';', '|', '&', '(', ')', '<', '>'];

function operatorAt(text: string, i: number): string | undefined {
  const ch = text[i];
  if (ch !== '&' && ch !== '|' && ch !== ';' && ch !== '(' && ch !== ')' && ch !== '<' && ch !== '>') return undefined;
  for (const op of OPERATORS) if (text.startsWith(op, i)) return op;
  return undefined;
}

/** Read one shell word starting at i; undefined when a quote or substitution never closes. */
function readWordAt(text: string, start: number): { value: string; end: number; quoted: boolean } | undefined {
  let value = '';
  let quoted = false;
  let i = start;
  const n = text.length;
  while (i < n) {
    const ch = text[i]!;
    if (ch === ' ' || ch === '\t' || ch === '\n' || (ch === '\r' && text[i + 1] === '\n')) break;
    if (operatorAt(text, i)) break;
    if (ch === '\\') {
      if (isLineBreakAt(text, i + 1)) {
        i += text[i + 1] === '\r' ? 3 : 2;
        continue;
      }
      value += text[i + 1] ?? '';
      i += 2;
      continue;
    }
    if (ch === "'") {
      const close = text.indexOf("'", i + 1);
      if (close === -1) return undefined;
      value += text.slice(i + 1, close);
      quoted = true;
      i = close + 1;
      continue;
    }
    if (ch === '"') {
      const close = skipDoubleQuoted(text, i + 1);
      if (close === -1) return undefined;
      value += text.slice(i + 1, close).replace(/\\([$`"\\])/g, '$1');
      quoted = true;
      i = close + 1;
      continue;
    }
    if (ch === '$' || ch === '`') {
      const end = skipSubstitution(text, i);
      if (end === -1) return undefined;
      value += text.slice(i, end);
      i = end;
      continue;
    }
    value += ch;
    i++;
  }
  return { value, end: i, quoted };
}

/** Index of the closing double quote, or -1. */
function skipDoubleQuoted(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\') {
      i += 2;
      continue;
    }
    if (ch === '"') return i;
    if (ch === '$' || ch === '`') {
      const end = skipSubstitution(text, i);
      if (end === -1) return -1;
      i = end;
      continue;
    }
    i++;
  }
  return -1;
}

/** End index of `$(...)`, `$((...))`, `${...}`, `` `...` `` or a plain `$`, or -1 if unterminated. */
function skipSubstitution(text: string, start: number): number {
  if (text[start] === '`') {
    let i = start + 1;
    while (i < text.length) {
      if (text[i] === '\\') i += 2;
      else if (text[i] === '`') return i + 1;
      else i++;
    }
    return -1;
  }
  const next = text[start + 1];
  if (next === '{') return skipBalanced(text, start + 1, '{', '}');
  if (next === '(') return skipBalanced(text, start + 1, '(', ')');
  return start + 1;
}

function skipBalanced(text: string, openAt: number, open: string, close: string): number {
  let depth = 0;
  let i = openAt;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\') {
      i += 2;
      continue;
    }
    if (ch === "'" && open === '(') {
      const end = text.indexOf("'", i + 1);
      if (end === -1) return -1;
      i = end + 1;
      continue;
    }
    if (ch === '"') {
      const end = skipDoubleQuoted(text, i + 1);
      if (end === -1) return -1;
      i = end + 1;
      continue;
    }
    if (ch === open) depth++;
    else if (ch === close) {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
  return -1;
}

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*\+?=/;

/** Group tokens into simple commands, noting the operators around each. */
export function parseScript(input: LogicalText, options: TokenizeOptions): Script {
  const { tokens, unclear } = tokenize(input, options);
  const commands: SimpleCommand[] = [];
  let depth = 0;
  let current: SimpleCommand | undefined;
  let previous: Token | undefined;
  // Open case ... esac compounds, innermost last: reading the subject, a pattern list, or a branch's commands.
  const cases: ('subject' | 'in' | 'pattern' | 'body')[] = [];
  let expectRedirectTarget = false;
  let unclearReason = unclear;

  const finish = (after: Token | undefined): void => {
    if (current) {
      current.after = after;
      if (current.words.length > 0 || current.assignments.length > 0) commands.push(current);
      current = undefined;
    }
  };

  for (const token of tokens) {
    const caseState = cases.at(-1);
    if (caseState !== undefined && caseState !== 'body') {
      // `case WORD in`, then patterns up to `)`: none of these words is a command.
      if (caseState === 'subject' && token.kind === 'word') cases[cases.length - 1] = 'in';
      else if (caseState === 'in' && token.kind === 'word' && token.word.value === 'in') cases[cases.length - 1] = 'pattern';
      else if (caseState === 'pattern' && token.kind === 'word' && !token.word.quoted && token.word.value === 'esac') {
        cases.pop();
        depth = Math.max(0, depth - 1);
      } else if (caseState === 'pattern' && token.kind === 'op' && token.op === ')') cases[cases.length - 1] = 'body';
      else if (caseState !== 'pattern' || !(token.kind === 'op' && (token.op === '(' || token.op === '|' || token.op === '\n'))) {
        if (caseState !== 'pattern' || token.kind !== 'word') unclearReason ??= 'case ... esac has a form dockmod does not read';
      }
      previous = token.kind === 'word' ? { kind: 'reserved', value: token.word.value, start: token.start, end: token.end } : token;
      continue;
    }
    if (caseState === 'body' && token.kind === 'op' && (token.op === ';;' || token.op === ';&' || token.op === ';;&')) {
      finish(token);
      cases[cases.length - 1] = 'pattern';
      previous = token;
      continue;
    }
    if (caseState === 'body' && !current && token.kind === 'word' && !token.word.quoted && token.word.value === 'esac') {
      cases.pop();
      depth = Math.max(0, depth - 1);
      previous = { kind: 'reserved', value: 'esac', start: token.start, end: token.end };
      continue;
    }
    if (token.kind === 'op') {
      if (expectRedirectTarget) expectRedirectTarget = false;
      if (token.op === '(' || token.op === ')') {
        finish(token);
        depth += token.op === '(' ? 1 : -1;
        previous = token;
        continue;
      }
      if (LIST_OPERATORS.has(token.op)) {
        finish(token);
        previous = token;
        continue;
      }
      // A redirection: its target word is not an argument.
      current ??= newCommand(token, previous, depth);
      current.end = token.end;
      current.redirected = true;
      expectRedirectTarget = true;
      continue;
    }
    if (token.kind !== 'word') continue;
    const word = token.word;
    if (expectRedirectTarget) {
      expectRedirectTarget = false;
      if (current) current.end = word.end;
      continue;
    }
    if (!current && !word.quoted) {
      const reserved = word.value;
      if (reserved === 'case') {
        cases.push('subject');
        depth++;
        previous = { kind: 'reserved', value: reserved, start: word.start, end: word.end };
        continue;
      }
      if (OPENERS.has(reserved) || CLOSERS.has(reserved) || MIDDLES.has(reserved)) {
        if (OPENERS.has(reserved)) depth++;
        if (CLOSERS.has(reserved)) depth = Math.max(0, depth - 1);
        previous = { kind: 'reserved', value: reserved, start: word.start, end: word.end };
        if (reserved === 'for' || reserved === 'select') {
          // `for name in words` is a header: one command named `for`, so its words are not taken for commands.
          current = newCommand(token, previous, depth);
          current.words.push(word);
          current.end = word.end;
        }
        continue;
      }
    }
    if (!current) current = newCommand(token, previous, depth);
    if (current.words.length === 0 && ASSIGNMENT.test(word.value)) {
      current.assignments.push(word);
    } else {
      current.words.push(word);
    }
    current.end = word.end;
  }
  finish(undefined);
  if (cases.length > 0) unclearReason ??= 'case ... esac has no esac';
  return unclearReason ? { commands, tokens, unclear: unclearReason } : { commands, tokens };
}

function newCommand(token: Token, previous: Token | undefined, depth: number): SimpleCommand {
  return { assignments: [], words: [], start: token.start, end: token.end, before: previous, after: undefined, nested: depth > 0 };
}

/** JSON exec form: `["go", "build", "."]` with the source span of every element. */
export interface ExecForm {
  elements: Word[];
  open: number;
  close: number;
}

export function parseExecForm(input: LogicalText): ExecForm | undefined {
  const trimmed = input.text.trim();
  if (!trimmed.startsWith('[') || !trimmed.endsWith(']')) return undefined;
  let values: unknown;
  try {
    values = JSON.parse(trimmed);
  } catch {
    return undefined;
  }
  if (!Array.isArray(values) || !values.every((value) => typeof value === 'string')) return undefined;
  const text = input.text;
  const open = text.indexOf('[');
  const elements: Word[] = [];
  let i = open + 1;
  for (const value of values as string[]) {
    const quote = text.indexOf('"', i);
    let j = quote + 1;
    while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
    elements.push({ value, start: input.offsets[quote]!, end: input.offsets[j]! + 1, quoted: true });
    i = j + 1;
  }
  const close = text.lastIndexOf(']');
  return { elements, open: input.offsets[open]!, close: input.offsets[close]! };
}
