// Runs the ordered transforms over one file's text. Each transform sees the
// text as the previous ones left it, re-parsed only when it changed.
import { computeLineStarts, lineOf, messageOf, parseDocument, type Document } from './document.js';
import { applyEdits, mapOffsetBack, sortEdits, type Edit } from './edits.js';
import { DockmodError } from './errors.js';
import { findIgnores, IGNORE_MARK, IGNORE_NOTE_SOURCE, withoutIgnored, type Ignores, type PendingNote } from './ignores.js';
import { annotateChanges } from './annotate.js';
import type { DeclaredContext } from './build-files.js';
import { NO_MODULE, type ModuleFacts } from './module.js';
import type { Context, Suggestion, Transform, TransformOptions } from './transform.js';
import { imageModel, type ImageModel } from './model/index.js';
import { createProjectFiles, NO_FILES, type ProjectFiles } from './model/files.js';

export interface Change {
  transform: string;
  /** 1-based line in the input. */
  line: number;
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
  /** Places where a `# dockmod-ignore` comment kept a transform from changing or noting something. */
  ignored: Change[];
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
 * thousands of stages, and the text is parsed again after each transform that
 * changed it: a larger input is refused at once rather than worked on for minutes.
 */
export const MAX_INPUT_LENGTH = 512 * 1024;

export function tooLargeError(): DockmodError {
  return new DockmodError(`is larger than ${MAX_INPUT_LENGTH / 1024} KB; too large for a hand-written Dockerfile, left unchanged`);
}

export function rewriteText(input: string, settings: RewriteOptions): RewriteResult {
  if (input.length > MAX_INPUT_LENGTH) throw tooLargeError();
  const bom = input.startsWith(UTF8_BOM) ? UTF8_BOM : input.startsWith(UTF8_BOM_BYTES) ? UTF8_BOM_BYTES : '';
  const original = input.slice(bom.length);
  if (/\r(?!\n)/.test(original)) {
    // dockerfile-ast ends a line there, Docker does not: the two would not even agree on where instructions end.
    throw new DockmodError('has a carriage return that does not end a CRLF line; Docker and dockmod would split its lines differently, left unchanged');
  }
  let text = original;
  let doc: Document | undefined;
  const history: Edit[][] = [];
  const changedBy: string[] = [];
  const changes: Change[] = [];
  const notes: Note[] = [];
  const noted = new Set<string>();
  const ignored: Change[] = [];
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
    golangRegistries: settings.options.golangRegistries ?? [],
    ...(pipeline.includes('bump-go-image') ? { bumpTarget: settings.options.goVersion || 'auto' } : {}),
  });

  const mapToOriginal = (offset: number): { offset: number; lineStarts: number[] } => {
    let mapped = offset;
    for (let i = history.length - 1; i >= 0; i--) mapped = mapOffsetBack(mapped, history[i]!);
    originalLineStarts ??= computeLineStarts(original);
    return { offset: mapped, lineStarts: originalLineStarts };
  };
  const originalLine = (offset: number): number => {
    const { offset: mapped, lineStarts } = mapToOriginal(offset);
    return lineOf({ lineStarts }, mapped) + 1;
  };

  for (const transform of settings.transforms) {
    if (!transform.mayApply(text)) continue;
    const current = (doc ??= parseAfter(text, changedBy.at(-1)));
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
      const line = originalLine(note.offset);
      // An instruction a transform inserted maps back to the input line of its neighbour: one note there is enough.
      const key = `${transform.id}:${line}:${note.message}`;
      if (noted.has(key)) continue;
      noted.add(key);
      const shown: Note = { transform: transform.id, line, message: note.message };
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
    const lines = new Set(sorted.map((edit) => originalLine(changedOffset(text, edit))));
    for (const line of lines) changes.push({ transform: transform.id, line });
    history.push(sorted);
    changedBy.push(transform.id);
    text = next;
    doc = undefined;
  }
  for (const problem of ignoresFor(undefined)?.problems ?? []) {
    originalLineStarts ??= computeLineStarts(original);
    notes.push({ transform: IGNORE_NOTE_SOURCE, line: lineOf({ lineStarts: originalLineStarts }, problem.offset) + 1, message: problem.message });
  }
  if (settings.annotate && history.length > 0) text = annotateChanges(text, history, settings.annotate);
  const output = bom + text;
  return { output, changed: output !== input, changedBy, changes, notes, ignored };
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

/** Where an edit is about: a removal that starts with the line break before a line is about that line. */
function changedOffset(text: string, edit: Edit): number {
  const lineBreak = /^\r?\n/.exec(text.slice(edit.start, edit.start + 2));
  return lineBreak && edit.end > edit.start + lineBreak[0].length ? edit.start + lineBreak[0].length : edit.start;
}

/** Parse the current text; when that fails after a transform changed it, the transform broke the file: say which. */
function parseAfter(text: string, lastChangedBy: string | undefined): Document {
  try {
    return parseDocument(text);
  } catch (error) {
    if (lastChangedBy === undefined) throw error;
    throw new DockmodError(`after ${lastChangedBy} changed it, the text ${messageOf(error).replace(/^cannot parse/, 'could not be parsed')}`, { cause: error });
  }
}
