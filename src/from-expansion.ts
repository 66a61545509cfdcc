// A FROM's image argument expanded the way Docker expands it: with the ARGs
// declared before the first FROM (their defaults, which may themselves use
// earlier ARGs). Every character of the result remembers where it was
// written, so an edit can go where the text lives: in the FROM line or in an
// ARG default.
import { astOffset, type Document, type Instruction, type Position } from './document.js';

/** A piece of source text a character can come from: the FROM's image argument or an ARG default. */
export interface Source {
  kind: 'from' | 'arg';
  instruction: Instruction;
  /** The ARG's name (kind 'arg'). */
  name?: string;
  /** Range in the document text (inside the quotes of a quoted default). */
  start: number;
  end: number;
}

export interface Origin {
  source: Source;
  /** Offset of the character in the document text. */
  at: number;
  /** The range of the FROM's own text that produced it: the character itself, or the whole `${VAR}`. */
  outerStart: number;
  outerEnd: number;
}

/** Stands in for the value of a variable that has none (an ARG without default, or no ARG). */
export const UNKNOWN = '\u0000';

export interface Expansion {
  /** The expanded image reference; UNKNOWN marks a variable without a value. */
  text: string;
  /** One per character of `text`; undefined for UNKNOWN. */
  origins: (Origin | undefined)[];
  /** Names of the variables without a value. */
  unknown: string[];
  /** Every ARG default the expansion read. */
  sources: Set<Source>;
  /** Set when the text uses a form this expansion does not model (quotes, escapes, `${VAR:+x}`, ...). */
  unclear?: string;
}

export interface GlobalArg {
  name: string;
  instruction: Instruction;
  /** The default's text without quotes, or undefined for `ARG NAME`. */
  value?: Source;
  /** Single-quoted defaults are taken literally. */
  literal: boolean;
  /** Why the default cannot be read (a continuation, inner quotes, an escape). */
  unclear?: string;
}

/** The properties of the ARGs before the first FROM, in order. */
export function globalArgDeclarations(doc: Document, args: readonly Instruction[]): GlobalArg[] {
  const declarations: GlobalArg[] = [];
  for (const instruction of args) {
    const node = instruction.ast as unknown as { getProperties?: () => AstProperty[] };
    for (const property of node.getProperties?.() ?? []) {
      const declaration: GlobalArg = { name: property.getName(), instruction, literal: false };
      const range = property.getValueRange();
      if (property.getValue() !== null && range) {
        let start = astOffset(doc, instruction, range.start);
        let end = astOffset(doc, instruction, range.end);
        const raw = doc.text.slice(start, end);
        const quote = /^(["'])[^]*\1$/.exec(raw)?.[1];
        if (quote && raw.length >= 2) {
          start++;
          end--;
          declaration.literal = quote === "'";
        }
        const inner = doc.text.slice(start, end);
        if (/["'\s]/.test(inner) || inner.includes(doc.escapeChar)) declaration.unclear = `the default of ARG ${declaration.name} uses quotes, escapes or line continuations`;
        declaration.value = { kind: 'arg', instruction, name: declaration.name, start, end };
      }
      declarations.push(declaration);
    }
  }
  return declarations;
}

interface AstProperty {
  getName(): string;
  getValue(): string | null;
  getValueRange(): { start: Position; end: Position } | null;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/** Expand `source` (a FROM's image argument) with the global ARGs. */
export function expandImage(doc: Document, source: Source, args: readonly GlobalArg[]): Expansion {
  const expansion: Expansion = { text: '', origins: [], unknown: [], sources: new Set() };
  expandInto(expansion, doc, source, source.start, source.end, args, undefined, new Set());
  return expansion;
}

function expandInto(
  out: Expansion,
  doc: Document,
  source: Source,
  start: number,
  end: number,
  scope: readonly GlobalArg[],
  outer: { start: number; end: number } | undefined,
  expanding: Set<string>,
): void {
  const text = doc.text;
  const push = (char: string, origin: Origin | undefined): void => {
    out.text += char;
    out.origins.push(origin);
  };
  const unclear = (reason: string): void => {
    out.unclear ??= reason;
  };
  let i = start;
  while (i < end) {
    const char = text[i]!;
    if (char === '"' || char === "'" || char === doc.escapeChar || char === UNKNOWN || /\s/.test(char)) {
      unclear('quotes, escapes or line continuations in the image reference');
      push(char, undefined);
      i++;
      continue;
    }
    if (char !== '$') {
      push(char, { source, at: i, outerStart: outer?.start ?? i, outerEnd: outer?.end ?? i + 1 });
      i++;
      continue;
    }
    const reference = variableAt(text, i, end);
    if (!reference) {
      // Docker expands `$1` (digits name a variable there too) and reads other `$`s its own way: not a reference dockmod can read.
      unclear('a $ that starts no variable name dockmod can read');
      push(char, { source, at: i, outerStart: outer?.start ?? i, outerEnd: outer?.end ?? i + 1 });
      i++;
      continue;
    }
    if (reference.unclear) unclear(reference.unclear);
    const range = outer ?? { start: i, end: reference.end };
    const declaration = scope.findLast((arg) => arg.name === reference.name);
    const value = declaration?.value;
    const hasValue = value !== undefined && (value.end > value.start || reference.fallback === undefined || reference.fallbackIfEmpty === false);
    if (declaration?.unclear && value) unclear(declaration.unclear);
    if (hasValue && value && !expanding.has(reference.name)) {
      out.sources.add(value);
      const earlier = scope.slice(0, scope.indexOf(declaration!));
      if (declaration!.literal) {
        for (let at = value.start; at < value.end; at++) push(text[at]!, { source: value, at, outerStart: range.start, outerEnd: range.end });
      } else {
        expandInto(out, doc, value, value.start, value.end, earlier, range, new Set([...expanding, reference.name]));
      }
    } else if (reference.fallback) {
      expandInto(out, doc, source, reference.fallback.start, reference.fallback.end, scope, range, expanding);
    } else if (expanding.has(reference.name)) {
      unclear(`ARG ${reference.name} refers to itself`);
    } else {
      out.unknown.push(reference.name);
      push(UNKNOWN, undefined);
    }
    i = reference.end;
  }
}

interface VariableReference {
  name: string;
  end: number;
  /** The word of `${VAR:-word}` / `${VAR-word}`. */
  fallback?: { start: number; end: number };
  /** `:-` uses the word for an empty value too. */
  fallbackIfEmpty?: boolean;
  unclear?: string;
}

/** `$NAME`, `${NAME}`, `${NAME:-word}` or `${NAME-word}` at `i`; undefined when `$` starts no variable. */
function variableAt(text: string, i: number, end: number): VariableReference | undefined {
  if (text[i + 1] !== '{') {
    const name = NAME.exec(text.slice(i + 1, end))?.[0];
    return name ? { name, end: i + 1 + name.length } : undefined;
  }
  const close = text.indexOf('}', i + 2);
  if (close === -1 || close >= end) return { name: '', end, unclear: 'an unclosed ${' };
  const body = text.slice(i + 2, close);
  const name = NAME.exec(body)?.[0];
  if (!name) return { name: body, end: close + 1, unclear: `the variable form \${${body}}` };
  const rest = body.slice(name.length);
  if (rest === '') return { name, end: close + 1 };
  const modifier = /^(:?)-/.exec(rest);
  if (!modifier || rest.slice(modifier[0].length).includes('$')) return { name, end: close + 1, unclear: `the variable form \${${body}}` };
  const wordStart = i + 2 + name.length + modifier[0].length;
  return { name, end: close + 1, fallback: { start: wordStart, end: close }, fallbackIfEmpty: modifier[1] === ':' };
}

/** The one source range that holds characters [from, to) of the expansion, if they were written side by side. */
export function sourceRangeOf(expansion: Expansion, from: number, to: number): { source: Source; start: number; end: number } | undefined {
  const first = expansion.origins[from];
  if (!first || to <= from) return undefined;
  for (let k = from + 1; k < to; k++) {
    const origin = expansion.origins[k];
    if (!origin || origin.source !== first.source || origin.at !== first.at + (k - from)) return undefined;
  }
  return { source: first.source, start: first.at, end: first.at + (to - from) };
}

/**
 * The range of the FROM's own text that produced exactly characters [from, to):
 * literal characters and whole `${VAR}` references, nothing cut in half.
 */
export function outerRangeOf(expansion: Expansion, from: number, to: number): { start: number; end: number } | undefined {
  const origins = expansion.origins;
  if (to <= from || origins.slice(from, to).some((origin) => !origin)) return undefined;
  const first = origins[from]!;
  const last = origins[to - 1]!;
  const before = origins[from - 1];
  const after = origins[to];
  if (before && before.outerStart === first.outerStart && before.outerEnd === first.outerEnd) return undefined;
  if (after && after.outerStart === last.outerStart && after.outerEnd === last.outerEnd) return undefined;
  let cursor = first.outerStart;
  for (let k = from; k < to; k++) {
    const origin = origins[k]!;
    if (origin.outerStart === cursor) cursor = origin.outerEnd;
    else if (origin.outerEnd !== cursor) return undefined;
  }
  return { start: first.outerStart, end: cursor };
}
