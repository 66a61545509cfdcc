// Inline ignores, like eslint-disable and hadolint ignore:
//   # dockmod-ignore [id,...]        in the comment block directly above an instruction
//   # dockmod-ignore-file [id,...]   among the comments before the first instruction
// Without ids a directive covers every transform. The engine drops what a
// covered transform proposes in an ignored place and counts it.
import { commentLinesAbove, lineText, type Document, type Instruction } from './document.js';
import type { Edit } from './edits.js';
import type { Suggestion } from './transform.js';
import { TRANSFORMS } from '../transforms/index.js';

/** Cheap text test: no directive, nothing to look up. */
export const IGNORE_MARK = 'dockmod-ignore';
/** The `transform` of the notes about the directives themselves. */
export const IGNORE_NOTE_SOURCE = 'dockmod-ignore';

export interface IgnoreScope {
  /** Every transform (no ids given, or an id dockmod does not know). */
  all: boolean;
  ids: ReadonlySet<string>;
}

/** What an instruction-level ignore protects, as offsets into the text it was found in. */
export interface IgnoredInstruction {
  instruction: Instruction;
  scope: IgnoreScope;
  /** Start of the ignore comment's line. */
  start: number;
  /** End of the instruction (heredoc bodies included, line break excluded). */
  end: number;
  /**
   * End of the previous instruction: new lines inserted after it and above
   * this one belong to this one. Undefined for the first instruction, whose
   * comments above are the file's header.
   */
  gapStart?: number;
}

export interface Ignores {
  file?: IgnoreScope;
  instructions: IgnoredInstruction[];
  /** Directives that are misplaced or name unknown ids: offset of the comment and what is wrong. */
  problems: { offset: number; message: string }[];
}

interface Directive {
  kind: 'line' | 'file';
  scope: IgnoreScope;
  line: number;
  unknown: string[];
}

const DIRECTIVE = /^#\s*dockmod-ignore(-file)?(?![\w-])(.*)$/;

/** A comment's directive, or undefined; `-- reason` after the ids is allowed. */
export function parseDirective(comment: string, knownIds: readonly string[]): Omit<Directive, 'line'> | undefined {
  const match = DIRECTIVE.exec(comment.trim());
  if (!match) return undefined;
  const list = (match[2] ?? '').split(/\s--(?:\s|$)/)[0]!;
  const ids = list.split(/[\s,=:]+/).filter(Boolean);
  const unknown = ids.filter((id) => !knownIds.includes(id));
  return {
    kind: match[1] ? 'file' : 'line',
    scope: { all: ids.length === 0 || unknown.length > 0, ids: new Set(ids) },
    unknown,
  };
}

export function covers(scope: IgnoreScope | undefined, transformId: string): boolean {
  return !!scope && (scope.all || scope.ids.has(transformId));
}

function mergeScopes(a: IgnoreScope | undefined, b: IgnoreScope): IgnoreScope {
  if (!a) return b;
  return { all: a.all || b.all, ids: new Set([...a.ids, ...b.ids]) };
}

/** Every id a directive may name. */
function knownTransformIds(): string[] {
  return TRANSFORMS.map((transform) => transform.id);
}

export function findIgnores(doc: Document, knownIds: readonly string[] = knownTransformIds()): Ignores {
  const { lineStarts, instructions } = doc;
  const directives = new Map<number, Directive>();
  for (const line of doc.commentLines) {
    const comment = lineText(doc, line);
    if (!comment.includes(IGNORE_MARK)) continue;
    const directive = parseDirective(comment, knownIds);
    if (directive) directives.set(line, { ...directive, line });
  }
  const result: Ignores = { instructions: [], problems: [] };
  if (directives.size === 0) return result;

  const used = new Set<number>();
  const firstLine = instructions[0]?.line ?? Infinity;
  for (const directive of directives.values()) {
    const offset = lineStarts[directive.line]!;
    if (directive.unknown.length > 0) {
      const names = directive.unknown.map((id) => `"${id}"`).join(', ');
      result.problems.push({ offset, message: `unknown transform id ${names} in dockmod-ignore; every transform is ignored here` });
    }
    if (directive.kind !== 'file') continue;
    used.add(directive.line);
    result.file = mergeScopes(result.file, directive.scope);
    if (directive.line > firstLine) {
      result.problems.push({ offset, message: 'dockmod-ignore-file belongs among the comments before the first instruction; honoured, but move it there' });
    }
  }

  for (const instruction of instructions) {
    let scope: IgnoreScope | undefined;
    let top = -1;
    for (const line of commentLinesAbove(doc, instruction).reverse()) {
      const directive = directives.get(line);
      if (!directive || directive.kind !== 'line') continue;
      used.add(line);
      scope = mergeScopes(scope, directive.scope);
      top = line;
    }
    if (!scope) continue;
    const previous = instructions[instruction.index - 1];
    result.instructions.push({ instruction, scope, start: lineStarts[top]!, end: instruction.end, gapStart: previous?.end });
  }

  for (const directive of directives.values()) {
    if (used.has(directive.line)) continue;
    result.problems.push({
      offset: lineStarts[directive.line]!,
      message: insideInstruction(instructions, directive.line)
        ? 'this dockmod-ignore is inside a continued instruction, where Docker drops comments; put it above the instruction'
        : 'this dockmod-ignore is not directly above an instruction (no blank line may come between); it has no effect',
    });
  }
  result.problems.sort((a, b) => a.offset - b.offset);
  return result;
}

function insideInstruction(instructions: readonly Instruction[], line: number): boolean {
  return instructions.some((instruction) => instruction.line < line && line <= instruction.endLine);
}

/**
 * Does `edit` change an ignored instruction? It does when it changes a byte
 * from the ignore comment to the end of the instruction, adds text inside that
 * span or at its end, or inserts new lines between the previous instruction
 * and this one: a transform inserts a new instruction right above the one it
 * prepares (insert-mod-tidy: above the build), so that insertion is about this
 * instruction. New lines below it belong to the next instruction.
 */
export function editTouches(zone: Pick<IgnoredInstruction, 'start' | 'end' | 'gapStart'>, edit: Edit): boolean {
  if (edit.end > edit.start && edit.start < zone.end && edit.end > zone.start) return true;
  if (edit.text === '') return false;
  const at = edit.start;
  const startsNewLine = /^\r?\n/.test(edit.text);
  if (at === zone.end) return !startsNewLine;
  if (zone.gapStart === undefined) return at > zone.start && at < zone.end;
  if (at === zone.gapStart) return startsNewLine;
  return at > zone.gapStart && at < zone.end;
}

function noteTouches(zone: Pick<IgnoredInstruction, 'start' | 'end'>, offset: number): boolean {
  return offset >= zone.start && offset <= zone.end;
}

export interface PendingNote {
  offset: number;
  message: string;
  suggestion?: Suggestion;
  /** The model's fact the note states: one note per fact and line, whichever transform says it first. */
  fact?: string;
}

export interface IgnoreSplit {
  edits: Edit[];
  notes: PendingNote[];
  /** Offsets of the ignored spots: an instruction's start, or for a file ignore the dropped edit or note. */
  ignoredAt: number[];
}

/** Keep what a transform proposed outside the places ignored for it. */
export function withoutIgnored(ignores: Ignores, transformId: string, edits: readonly Edit[], notes: readonly PendingNote[]): IgnoreSplit {
  if (covers(ignores.file, transformId)) {
    return { edits: [], notes: [], ignoredAt: [...edits.map((edit) => edit.start), ...notes.map((note) => note.offset)] };
  }
  const zones = ignores.instructions.filter((zone) => covers(zone.scope, transformId));
  if (zones.length === 0) return { edits: [...edits], notes: [...notes], ignoredAt: [] };
  const ignoredAt = new Set<number>();
  const keptEdits = edits.filter((edit) => {
    const zone = zones.find((candidate) => editTouches(candidate, edit));
    if (zone) ignoredAt.add(zone.instruction.start);
    return !zone;
  });
  const keptNotes = notes.filter((note) => {
    const zone = zones.find((candidate) => noteTouches(candidate, note.offset));
    if (zone) ignoredAt.add(zone.instruction.start);
    return !zone;
  });
  return { edits: keptEdits, notes: keptNotes, ignoredAt: [...ignoredAt] };
}
