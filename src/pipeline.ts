// Runs the ordered transforms over one file's text. Each transform sees the
// text as the previous ones left it, re-parsed only when it changed.
import { computeLineStarts, lineOf, messageOf, parseDocument, type Document } from './document.js';
import { applyEdits, mapOffsetBack, sortEdits, type Edit } from './edits.js';
import { DockmodError } from './errors.js';
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
}

export interface RewriteOptions {
  path: string;
  transforms: readonly Transform[];
  options: TransformOptions;
  module?: () => ModuleFacts;
}

const UTF8_BOM = '\uFEFF';
/** A UTF-8 BOM as read byte for byte (latin1): how the CLI reads files. */
const UTF8_BOM_BYTES = '\u00EF\u00BB\u00BF';

export function rewriteText(input: string, settings: RewriteOptions): RewriteResult {
  const bom = input.startsWith(UTF8_BOM) ? UTF8_BOM : input.startsWith(UTF8_BOM_BYTES) ? UTF8_BOM_BYTES : '';
  const original = input.slice(bom.length);
  let text = original;
  let doc: Document | undefined;
  const history: Edit[][] = [];
  const changedBy: string[] = [];
  const changes: Change[] = [];
  const notes: Note[] = [];
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
    const current = (doc ??= parseDocument(text));
    const edits: Edit[] = [];
    const ctx: Context = {
      doc: current,
      path: settings.path,
      options: settings.options,
      module,
      edit: (edit) => edits.push(edit),
      note: (offset, message) => notes.push({ transform: transform.id, line: originalLine(offset), message }),
    };
    try {
      transform.apply(ctx);
    } catch (error) {
      if (error instanceof DockmodError) throw error;
      throw new DockmodError(`${transform.id} could not read this file (${messageOf(error)})`, { cause: error });
    }
    if (edits.length === 0) continue;
    const sorted = sortEdits(edits, transform.id);
    const next = applyEdits(text, sorted);
    if (next === text) continue;
    const lines = new Set(sorted.map((edit) => originalLine(edit.start)));
    for (const line of lines) changes.push({ transform: transform.id, line });
    history.push(sorted);
    changedBy.push(transform.id);
    text = next;
    doc = undefined;
  }
  const output = bom + text;
  return { output, changed: output !== input, changedBy, changes, notes };
}
