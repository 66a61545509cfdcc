// --annotate: a one-line comment above each instruction that a transform
// changed, so a reviewer of the migration sees why. Never added twice.
import { commentLinesAbove, lineText, parseDocument, type Instruction } from './document.js';
import type { Edit } from './edits.js';

/**
 * The comment text for `--annotate` (a leading `#` is dropped); throws a
 * message for text that cannot be a one-line comment.
 */
export function normalizeAnnotation(raw: string): string {
  const text = raw.replace(/^\s*#\s*/, '').trim();
  if (/[\r\n]/.test(raw)) throw new Error('must be a single line');
  if (text === '') throw new Error('must not be empty');
  // At the top of a file `# key=value` is a parser directive (syntax, escape, check).
  if (/^\w+\s*=/.test(text)) throw new Error(`"${text}" would be read as a parser directive at the top of a file`);
  return text;
}

interface Range {
  start: number;
  end: number;
}

/** Where an edit's new text lies in the text after its step, blank ends left out. */
function placedRanges(sorted: readonly Edit[]): Range[] {
  let shift = 0;
  return sorted.map((edit) => {
    const start = edit.start + shift;
    shift += edit.text.length - (edit.end - edit.start);
    const leading = edit.text.length - edit.text.trimStart().length;
    const content = edit.text.trim().length;
    return content === 0 ? { start, end: start } : { start: start + leading, end: start + leading + content };
  });
}

/** Map an offset of the text before `sorted` were applied to the text after. */
function mapForward(offset: number, sorted: readonly Edit[]): number {
  let shift = 0;
  for (const edit of sorted) {
    if (edit.start >= offset) break;
    if (edit.end > offset) return edit.start + shift;
    shift += edit.text.length - (edit.end - edit.start);
  }
  return offset + shift;
}

/** The ranges of `text` (after all steps) that the steps of `history` wrote or removed. */
function changedRanges(history: readonly (readonly Edit[])[]): Range[] {
  const ranges: Range[] = [];
  for (const [step, sorted] of history.entries()) {
    let placed = placedRanges(sorted);
    for (const later of history.slice(step + 1)) {
      placed = placed.map((range) => ({ start: mapForward(range.start, later), end: mapForward(range.end, later) }));
    }
    ranges.push(...placed);
  }
  return ranges;
}

function isChanged(instruction: Instruction, ranges: readonly Range[]): boolean {
  return ranges.some((range) =>
    range.start === range.end
      ? range.start > instruction.start && range.start <= instruction.end
      : range.start <= instruction.end && range.end > instruction.start,
  );
}

const commentText = (line: string): string => line.trim().replace(/^#\s*/, '').trim();

/** `text` with `# <annotation>` above each instruction that `history` changed and that does not carry it yet. */
export function annotateChanges(text: string, history: readonly (readonly Edit[])[], annotation: string): string {
  if (history.length === 0) return text;
  const ranges = changedRanges(history);
  const doc = parseDocument(text);
  const { lineStarts, instructions } = doc;
  const insertions: { at: number; text: string }[] = [];
  for (const instruction of instructions) {
    if (!isChanged(instruction, ranges)) continue;
    if (commentLinesAbove(doc, instruction).some((line) => commentText(lineText(doc, line)) === annotation)) continue;
    const lineStart = lineStarts[instruction.line]!;
    const before = text.slice(lineStart, instruction.start);
    const indent = /^[ \t]*$/.test(before) ? before : '';
    insertions.push({ at: lineStart, text: `${indent}# ${annotation}${doc.eol}` });
  }
  let result = text;
  for (const insertion of insertions.reverse()) {
    result = result.slice(0, insertion.at) + insertion.text + result.slice(insertion.at);
  }
  return result;
}
