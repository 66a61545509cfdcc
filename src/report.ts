// Renderers: FileResults in, text out. Nothing here decides anything.
import type { FileResult } from './files.js';
import type { ModelReport } from './model/index.js';
import type { Note } from './pipeline.js';

export type Mode = 'diff' | 'check' | 'write';

export interface Totals {
  changed: number;
  unchanged: number;
  notes: number;
  errors: number;
  /** Spots a `# dockmod-ignore` comment kept as they were; present only when there are some. */
  ignored?: number;
}

export function totalsOf(results: readonly FileResult[]): Totals {
  const totals: Totals = { changed: 0, unchanged: 0, notes: 0, errors: 0 };
  for (const result of results) addToTotals(totals, result);
  return totals;
}

/** Count one more result in `totals` (a run that needs only the summary keeps no result). */
export function addToTotals(totals: Totals, result: FileResult): void {
  totals[result.status === 'error' ? 'errors' : result.status]++;
  totals.notes += result.notes.length;
  if (result.ignored?.length) totals.ignored = (totals.ignored ?? 0) + result.ignored.length;
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

export function summaryLine(totals: Totals, mode: Mode): string {
  const verb = mode === 'write' ? 'changed' : 'would change';
  const files = `${plural(totals.changed, 'file')} ${verb}`;
  const ignored = totals.ignored ? `, ${totals.ignored} ignored` : '';
  return `dockmod: ${files}, ${totals.unchanged} unchanged, ${plural(totals.notes, 'note')}, ${plural(totals.errors, 'error')}${ignored}`;
}

/** `path:line  transform  reason`, one per note, with its suggestion when it has one. */
export function noteLines(result: FileResult): string[] {
  return result.notes.map((note) => `${result.path}:${note.line}  ${note.transform}  ${note.message}${suggestionText(note)}`);
}

function suggestionText(note: Note): string {
  if (!note.suggestion) return '';
  return note.suggestion.applied ? ` (suggestion applied: ${note.suggestion.description})` : ` (suggestion: ${note.suggestion.description}; --apply-suggestions applies it)`;
}

export function errorLine(path: string, message: string): string {
  return `dockmod: error: ${path}: ${message}`;
}

export interface JsonReport {
  version: 1;
  mode: Mode;
  files: {
    path: string;
    status: FileResult['status'];
    transforms: string[];
    changes: { transform: string; line: number; removed: string; added: string }[];
    notes: Note[];
    written?: boolean;
    /** The unified diff of a changed file, as the default output prints it. */
    diff?: string;
    ignored?: { transform: string; line: number }[];
    /** The model of the image the transforms decided from: build context, each go command's module, Go versions, module-cache readers. */
    model?: ModelReport;
  }[];
  errors: { path: string; message: string }[];
  summary: Totals;
}

export function jsonReport(results: readonly FileResult[], mode: Mode): JsonReport {
  return {
    version: 1,
    mode,
    files: results.map((result) => ({
      path: result.path,
      status: result.status,
      transforms: result.changedBy,
      changes: result.changes,
      notes: result.notes,
      ...(result.written ? { written: true } : {}),
      ...(result.diff !== undefined ? { diff: result.diff } : {}),
      ...(result.ignored?.length ? { ignored: result.ignored } : {}),
      ...(result.model ? { model: result.model } : {}),
    })),
    errors: results.filter((result) => result.status === 'error').map((result) => ({ path: result.path, message: result.error ?? '' })),
    summary: totalsOf(results),
  };
}
