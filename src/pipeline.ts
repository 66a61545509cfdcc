// Runs the ordered transforms over one file's text. Each transform sees the
// text as the previous ones left it, re-parsed only when it changed.
import { computeLineStarts, lineOf, messageOf, parseDocument, type Document } from './document.js';
import { applyEdits, mapOffsetBack, sortEdits, type Edit } from './edits.js';
import { DockmodError } from './errors.js';
import { findIgnores, IGNORE_MARK, IGNORE_NOTE_SOURCE, withoutIgnored, type Ignores, type PendingNote } from './ignores.js';
import { annotateChanges } from './annotate.js';
import type { DeclaredContext } from './build-files.js';
import { NO_MODULE, type ModuleFacts } from './module.js';
import type { Context, Transform, TransformOptions } from './transform.js';

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
  const module = (): ModuleFacts => (moduleFacts ??= settings.module?.() ?? NO_MODULE);

  const originalLine = (offset: number): number => {
    let mapped = offset;
    for (let i = history.length - 1; i >= 0; i--) mapped = mapOffsetBack(mapped, history[i]!);
    originalLineStarts ??= computeLineStarts(original);
    return lineOf({ lineStarts: originalLineStarts }, mapped) + 1;
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
      module,
      edit: (edit) => proposed.push(edit),
      note: (offset, message) => pendingNotes.push({ offset, message }),
    };
    try {
      transform.apply(ctx);
    } catch (error) {
      if (error instanceof DockmodError) throw error;
      throw new DockmodError(`${transform.id} could not read this file (${messageOf(error)})`, { cause: error });
    }
    const ignores = ignoresFor(current);
    const kept = ignores ? withoutIgnored(ignores, transform.id, proposed, pendingNotes) : undefined;
    for (const note of kept?.notes ?? pendingNotes) {
      const line = originalLine(note.offset);
      // An instruction a transform inserted maps back to the input line of its neighbour: one note there is enough.
      const key = `${transform.id}:${line}:${note.message}`;
      if (noted.has(key)) continue;
      noted.add(key);
      notes.push({ transform: transform.id, line, message: note.message });
    }
    for (const line of new Set(kept?.ignoredAt.map(originalLine))) ignored.push({ transform: transform.id, line });
    const edits = kept?.edits ?? proposed;
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
