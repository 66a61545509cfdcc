// Runs the ordered transforms over one file's text. Each transform sees the
// text as the previous ones left it: parsed once, then after a change only
// the lines the edits touched (reparseDocument).
import { computeLineStarts, lineOf, messageOf, parseDocument, reparseDocument, resolveLineRefs, type Document, type Instruction } from './document.js';
import { applyEdits, inInsertedLines, insertionHolding, mapOffsetBack, sortEdits, type Edit } from './edits.js';
import { DockmodError } from './errors.js';
import { findIgnores, IGNORE_MARK, IGNORE_NOTE_SOURCE, withoutIgnored, type Ignores, type PendingNote } from './ignores.js';
import { annotateChanges } from './annotate.js';
import type { DeclaredContext } from './build-files.js';
import { NO_MODULE, type ModuleFacts } from './module.js';
import type { Context, Suggestion, Transform, TransformOptions } from './transform.js';
import { imageModel, type ImageModel, type ModelReport } from './model/index.js';
import { createProjectFiles, NO_FILES, type ProjectFiles } from './model/files.js';

/** A transform and a 1-based line of the input. */
export interface Place {
  transform: string;
  line: number;
}

export interface Change extends Place {
  /** 1-based line in the input: of the instruction changed, removed, or that an inserted one precedes. */
  line: number;
  /** The text this change removed and the text it added there, comment lines left out and blanks collapsed ('' for none). */
  removed: string;
  added: string;
}

export interface Note {
  transform: string;
  /** 1-based line in the input. */
  line: number;
  message: string;
  /** The likely fix, applied only with applySuggestions. */
  suggestion?: NoteSuggestion;
}

export interface NoteSuggestion {
  description: string;
  applied: boolean;
  /** The edits in input coordinates: 1-based lines and columns, the end exclusive. */
  replacements: { line: number; column: number; endLine: number; endColumn: number; text: string }[];
}

export interface RewriteResult {
  output: string;
  changed: boolean;
  /** Ids of the transforms that changed the text, in pipeline order. */
  changedBy: string[];
  changes: Change[];
  notes: Note[];
  /** The model of the input's image, when asked for (RewriteOptions.reportModel). */
  model?: ModelReport;
  /** Places where a `# dockmod-ignore` comment kept a transform from changing or noting something. */
  ignored: Place[];
}

export interface RewriteOptions {
  path: string;
  transforms: readonly Transform[];
  options: TransformOptions;
  module?: () => ModuleFacts;
  /** The files around the Dockerfile (build context, go.mod...); by default the real ones when `module` is given, else none. */
  files?: ProjectFiles;
  /** Add `# <annotate>` above each instruction a transform changed (see annotate.ts). */
  annotate?: string;
  /** Also return the model of the image the transforms decided from (for --json). */
  reportModel?: boolean;
  /**
   * The build context a docker-compose or docker-bake file declares for this
   * Dockerfile (absolute paths; see build-files.ts). Undefined when no build
   * file names it, or when several declare different contexts.
   */
  declaredContext?: DeclaredContext;
}

const UTF8_BOM = '\uFEFF';
/** A UTF-8 BOM as read byte for byte (latin1): how the CLI reads files. */
const UTF8_BOM_BYTES = '\u00EF\u00BB\u00BF';

/**
 * Far above any hand-written Dockerfile (the largest public ones are tens of
 * kilobytes). dockerfile-ast needs about two seconds per megabyte, more with
 * thousands of stages, and what a transform changed is parsed again (all of it
 * where a fragment cannot be): a larger input is refused at once rather than
 * worked on for minutes.
 */
export const MAX_INPUT_LENGTH = 512 * 1024;

/** Text with NUL bytes is no Dockerfile (Docker's parser would not read it as one either). */
const BINARY_MESSAGE = 'is binary (contains NUL bytes); not a Dockerfile';

export function tooLargeError(): DockmodError {
  return new DockmodError(`is larger than ${MAX_INPUT_LENGTH / 1024} KB; too large for a hand-written Dockerfile, left unchanged`);
}

export function rewriteText(input: string, settings: RewriteOptions): RewriteResult {
  if (input.length > MAX_INPUT_LENGTH) throw tooLargeError();
  if (input.includes('\0')) throw new DockmodError(BINARY_MESSAGE);
  const bom = input.startsWith(UTF8_BOM) ? UTF8_BOM : input.startsWith(UTF8_BOM_BYTES) ? UTF8_BOM_BYTES : '';
  const original = input.slice(bom.length);
  if (/\r(?!\n)/.test(original)) {
    // dockerfile-ast ends a line there, Docker does not: the two would not even agree on where instructions end.
    throw new DockmodError('has a carriage return that does not end a CRLF line; Docker and dockmod would split its lines differently, left unchanged');
  }
  let text = original;
  let doc: Document | undefined;
  /** The document before the last change and that change's edits: the next document is parsed from them (reparseDocument). */
  let changedFrom: { doc: Document; edits: Edit[] } | undefined;
  const history: Edit[][] = [];
  const changedBy: string[] = [];
  const changes: Change[] = [];
  const notes: Note[] = [];
  const noted = new Set<string>();
  const ignored: Place[] = [];
  const ignoresFor = ignoreLookup(original);
  let originalLineStarts: number[] | undefined;
  let moduleFacts: ModuleFacts | undefined;
  const nearestModule = (): ModuleFacts => (moduleFacts ??= settings.module?.() ?? NO_MODULE);
  const files = settings.files ?? (settings.module ? createProjectFiles() : NO_FILES);
  const pipeline = settings.transforms.map((transform) => transform.id);
  const modelOf = (current: Document): ImageModel => imageModel(current, {
    path: settings.path,
    files,
    ...(settings.declaredContext ? { declared: settings.declaredContext } : {}),
    nearest: nearestModule,
    options: settings.options,
    ...(pipeline.includes('bump-go-image') ? { bumpTarget: settings.options.goVersion || 'auto' } : {}),
    ...(originalDoc && current !== originalDoc ? { input: () => modelOf(originalDoc!) } : {}),
  });

  /** The first parse is of the input itself (no transform has changed it yet). */
  let originalDoc: Document | undefined;
  const originalOffset = (offset: number): number => {
    let mapped = offset;
    for (let i = history.length - 1; i >= 0; i--) mapped = mapOffsetBack(mapped, history[i]!);
    return mapped;
  };
  const lineInOriginal = (offset: number): number => {
    originalLineStarts ??= computeLineStarts(original);
    return lineOf({ lineStarts: originalLineStarts }, offset) + 1;
  };
  const originalLine = (offset: number): number => lineInOriginal(originalOffset(offset));
  const texts: string[] = [];
  /** The offset of the current text lies in lines an earlier transform inserted. */
  const inDockmodsLines = (offset: number): boolean => {
    let mapped = offset;
    for (let i = history.length - 1; i >= 0; i--) {
      if (inInsertedLines(mapped, history[i]!, texts[i]!)) return true;
      mapped = mapOffsetBack(mapped, history[i]!);
    }
    return false;
  };
  const mapToOriginal = (offset: number): { offset: number; lineStarts: number[] } => {
    const mapped = originalOffset(offset);
    originalLineStarts ??= computeLineStarts(original);
    return { offset: mapped, lineStarts: originalLineStarts };
  };
  /** The input line each insertion of an earlier transform was reported at (per step of `history`). */
  const insertionLines: Map<Edit, number>[] = [];
  // A change to text an earlier transform inserted (a mount on its tidy RUN) is reported at that insertion's line; other
  // text maps back to where it was, maybe a comment line: the change is about the instruction there.
  const originalChangeLine = (offset: number): number => {
    let mapped = offset;
    for (let i = history.length - 1; i >= 0; i--) {
      const insertion = insertionHolding(mapped, history[i]!);
      const line = insertion && insertionLines[i]!.get(insertion);
      if (line !== undefined) return line;
      mapped = mapOffsetBack(mapped, history[i]!);
    }
    return lineInOriginal(originalDoc ? instructionOffset(originalDoc, mapped) : mapped);
  };

  for (const transform of settings.transforms) {
    if (!transform.mayApply(text)) continue;
    const current = (doc ??= parseAfter(text, changedBy.at(-1), changedFrom));
    originalDoc ??= current;
    const proposed: Edit[] = [];
    const pendingNotes: PendingNote[] = [];
    const ctx: Context = {
      doc: current,
      path: settings.path,
      options: settings.options,
      module: () => modelOf(current).mainModule(),
      model: () => modelOf(current),
      pipeline,
      edit: (edit) => proposed.push(edit),
      note: (offset, message, suggestion) => pendingNotes.push(suggestion ? { offset, message, suggestion } : { offset, message }),
      noteFact: (offset, fact, message) => pendingNotes.push({ offset, message, fact }),
      insertedByDockmod: inDockmodsLines,
    };
    try {
      transform.apply(ctx);
    } catch (error) {
      if (error instanceof DockmodError) throw error;
      throw new DockmodError(`${transform.id} could not read this file (${messageOf(error)})`, { cause: error });
    }
    const ignores = ignoresFor(current);
    const kept = ignores ? withoutIgnored(ignores, transform.id, proposed, pendingNotes) : undefined;
    const keptNotes = kept?.notes ?? pendingNotes;
    const edits = [...(kept?.edits ?? proposed)];
    const applied: Set<PendingNote> = settings.options.applySuggestions ? takeSuggestions(keptNotes, edits, (suggested) => !ignores || withoutIgnored(ignores, transform.id, suggested, []).edits.length === suggested.length) : new Set();
    for (const note of keptNotes) {
      // A note about a line an earlier transform wrote (its tidy RUN) is dockmod talking to itself.
      if (inDockmodsLines(note.offset)) continue;
      const line = originalLine(note.offset);
      const message = resolveLineRefs(note.message, originalLine);
      // An instruction a transform inserted maps back to the input line of its neighbour: one note there is enough.
      const key = `${transform.id}:${line}:${message}`;
      // A fact is said once per instruction: the second go command of a RUN has the same module as the first.
      const factLine = originalLine(instructionsAround(current, note.offset).containing?.start ?? note.offset);
      const factKey = note.fact === undefined ? undefined : `fact:${factLine}:${resolveLineRefs(note.fact, originalLine)}`;
      if (noted.has(key) || (factKey && noted.has(factKey))) continue;
      noted.add(key);
      if (factKey) noted.add(factKey);
      const shown: Note = { transform: transform.id, line, message };
      if (note.suggestion) shown.suggestion = inputSuggestion(note.suggestion, applied.has(note), mapToOriginal);
      notes.push(shown);
    }
    for (const line of new Set(kept?.ignoredAt.map(originalLine))) ignored.push({ transform: transform.id, line });
    if (edits.length === 0) continue;
    let sorted: Edit[];
    let next: string;
    try {
      sorted = sortEdits(edits, transform.id);
      next = applyEdits(text, sorted);
    } catch (error) {
      throw new DockmodError(`${transform.id} could not edit this file safely (${messageOf(error)})`, { cause: error });
    }
    if (next === text) continue;
    const byLine = new Map<number, Edit[]>();
    const lineOfInsertion = new Map<Edit, number>();
    for (const edit of sorted) {
      const line = originalChangeLine(changedOffset(current, edit));
      byLine.set(line, [...(byLine.get(line) ?? []), edit]);
      if (edit.start === edit.end) lineOfInsertion.set(edit, line);
    }
    insertionLines.push(lineOfInsertion);
    for (const [line, lineEdits] of byLine) changes.push({ transform: transform.id, line, ...changedText(text, lineEdits) });
    history.push(sorted);
    texts.push(text);
    changedBy.push(transform.id);
    text = next;
    doc = undefined;
    changedFrom = { doc: current, edits: sorted };
  }
  for (const problem of ignoresFor(undefined)?.problems ?? []) {
    originalLineStarts ??= computeLineStarts(original);
    notes.push({ transform: IGNORE_NOTE_SOURCE, line: lineOf({ lineStarts: originalLineStarts }, problem.offset) + 1, message: problem.message });
  }
  if (settings.annotate && history.length > 0) text = annotateChanges(text, history, settings.annotate);
  const output = bom + text;
  const result: RewriteResult = { output, changed: output !== input, changedBy, changes, notes, ignored };
  if (settings.reportModel) result.model = modelOf(originalDoc ?? parseDocument(original)).report();
  return result;
}

/**
 * With applySuggestions: add to `edits` the suggestions that touch nothing
 * already edited (nor each other, nor an ignored instruction), in note order.
 * A suggestion is all or nothing. Returns the notes whose suggestion was taken.
 */
function takeSuggestions(notes: readonly PendingNote[], edits: Edit[], allowed: (suggested: Edit[]) => boolean): Set<PendingNote> {
  const taken = new Set<PendingNote>();
  for (const note of notes) {
    const suggested = note.suggestion?.edits;
    if (!suggested || suggested.length === 0 || !allowed(suggested)) continue;
    const all = [...edits, ...suggested];
    if (all.some((edit, i) => all.some((other, j) => j > i && editsTouch(edit, other)))) continue;
    edits.push(...suggested);
    taken.add(note);
  }
  return taken;
}

/** Two edits overlap, or insert at the same place (their order would be a guess). */
function editsTouch(a: Edit, b: Edit): boolean {
  if (a.start === b.start) return true;
  return a.start < b.end && b.start < a.end;
}

/** A suggestion as reported: its edits at input lines and columns. */
function inputSuggestion(
  suggestion: Suggestion,
  applied: boolean,
  toOriginal: (offset: number) => { offset: number; lineStarts: number[] },
): NoteSuggestion {
  const position = (offset: number) => {
    const { offset: mapped, lineStarts } = toOriginal(offset);
    const line = lineOf({ lineStarts }, mapped);
    return { line: line + 1, column: mapped - lineStarts[line]! + 1 };
  };
  return {
    description: suggestion.description,
    applied,
    replacements: suggestion.edits.map((edit) => {
      const start = position(edit.start);
      const end = position(edit.end);
      return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column, text: edit.text };
    }),
  };
}

/**
 * The inline ignores of the current text, found again after each change (or
 * of the original text, for `undefined`); nothing at all when the file has no
 * directive.
 */
function ignoreLookup(original: string): (doc: Document | undefined) => Ignores | undefined {
  if (!original.includes(IGNORE_MARK)) return () => undefined;
  let last: { doc: Document; ignores: Ignores } | undefined;
  let first: Ignores | undefined;
  return (doc) => {
    if (!doc) return (first ??= findIgnores(parseDocument(original)));
    if (last?.doc !== doc) last = { doc, ignores: findIgnores(doc) };
    if (doc.text === original) first ??= last.ignores;
    return last.ignores;
  };
}

/** The instruction containing `offset` (its end included), and the first one after it. */
function instructionsAround(doc: Document, offset: number): { containing?: Instruction; next?: Instruction } {
  const { instructions } = doc;
  let low = 0;
  let high = instructions.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (instructions[middle]!.start <= offset) low = middle + 1;
    else high = middle;
  }
  const last = instructions[low - 1];
  return { containing: last && offset <= last.end ? last : undefined, next: instructions[low] };
}

/** `offset` when it is inside an instruction, else where the next instruction starts (else `offset`). */
function instructionOffset(doc: Document, offset: number): number {
  const { containing, next } = instructionsAround(doc, offset);
  return containing ? offset : (next?.start ?? offset);
}

/**
 * Where an edit is about: the instruction it edits; for lines removed or
 * inserted between instructions (comments and line breaks included), the
 * first instruction it removes or the one it is inserted before.
 */
function changedOffset(doc: Document, edit: Edit): number {
  const insertion = edit.start === edit.end;
  const { containing, next } = instructionsAround(doc, edit.start);
  // At an instruction's very end, an insertion of new lines or a removal (of the line break after it) is about what follows.
  const atEnd = containing?.end === edit.start;
  if (containing && (!atEnd || (insertion && !/^\r?\n/.test(edit.text)))) return edit.start;
  if (next && (insertion || next.start < edit.end)) return next.start;
  const lineBreak = /^\r?\n/.exec(doc.text.slice(edit.start, edit.start + 2));
  return lineBreak && edit.end > edit.start + lineBreak[0].length ? edit.start + lineBreak[0].length : edit.start;
}

/** A change's texts as one line each (edits apart joined by " ... "): comment lines and continuations dropped, blanks collapsed. */
function changedText(text: string, edits: readonly Edit[]): { removed: string; added: string } {
  const oneLine = (part: string): string =>
    part
      .split(/\r?\n/)
      // Comment lines removed with an instruction are left out; a comment that is the whole change (a directive) is kept.
      .filter((line, _, lines) => !/^\s*#/.test(line) || lines.every((other) => /^\s*(#|$)/.test(other)))
      .map((line) => line.replace(/[\\`]\s*$/, ''))
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
  const joined = (parts: string[]): string => parts.map(oneLine).filter(Boolean).join(' ... ');
  return { removed: joined(edits.map((edit) => text.slice(edit.start, edit.end))), added: joined(edits.map((edit) => edit.text)) };
}

/** Parse the current text; when that fails after a transform changed it, the transform broke the file: say which. */
function parseAfter(text: string, lastChangedBy: string | undefined, changedFrom: { doc: Document; edits: Edit[] } | undefined): Document {
  try {
    return changedFrom ? reparseDocument(changedFrom.doc, changedFrom.edits, text) : parseDocument(text);
  } catch (error) {
    if (lastChangedBy === undefined) throw error;
    throw new DockmodError(`after ${lastChangedBy} changed it, the text ${messageOf(error).replace(/^cannot parse/, 'could not be parsed')}`, { cause: error });
  }
}
