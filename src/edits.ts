// Edits as data: byte ranges of the current text and their replacement.
// The engine sorts them, refuses overlaps (a transform bug, never dropped
// silently) and applies them by copying the text between them, so every byte
// outside an edit stays exactly as it was.

export interface Edit {
  start: number;
  end: number;
  text: string;
}

export class OverlappingEditsError extends Error {
  override name = 'OverlappingEditsError';
}

export function sortEdits(edits: readonly Edit[], owner: string): Edit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1]!;
    const edit = sorted[i]!;
    if (edit.start < previous.end) {
      throw new OverlappingEditsError(
        `${owner} proposed overlapping edits at ${previous.start}-${previous.end} and ${edit.start}-${edit.end}`,
      );
    }
  }
  return sorted;
}

/**
 * The text with `sorted` applied (sorted and without overlaps, as sortEdits
 * returns them). Insertions at the same offset keep their order; an insertion
 * where a replaced range ends comes after the replacement. An edit outside the
 * text, or not on whole offsets, is refused with a RangeError.
 */
export function applyEdits(text: string, sorted: readonly Edit[]): string {
  let output = '';
  let copied = 0;
  for (const { start, end, text: replacement } of sorted) {
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < copied || end < start || end > text.length) {
      throw new RangeError(`edit ${start}-${end} is outside the text (0-${text.length}) or overlaps the one before`);
    }
    output += text.slice(copied, start) + replacement;
    copied = end;
  }
  return output + text.slice(copied);
}

/** Map an offset of the text after `sorted` were applied back to the text before. */
export function mapOffsetBack(offset: number, sorted: readonly Edit[]): number {
  let shift = 0;
  for (const edit of sorted) {
    const newStart = edit.start + shift;
    const newEnd = newStart + edit.text.length;
    if (offset < newStart) break;
    if (offset < newEnd) return edit.start;
    shift += edit.text.length - (edit.end - edit.start);
  }
  return offset - shift;
}

/** The insertion among `sorted` (an edit that removes nothing) whose text holds `offset` of the text after them, if any. */
export function insertionHolding(offset: number, sorted: readonly Edit[]): Edit | undefined {
  let shift = 0;
  for (const edit of sorted) {
    const newStart = edit.start + shift;
    if (offset < newStart) return undefined;
    if (offset < newStart + edit.text.length) return edit.start === edit.end ? edit : undefined;
    shift += edit.text.length - (edit.end - edit.start);
  }
  return undefined;
}

/**
 * The offset (in the text after `sorted`) lies in whole lines one of these edits
 * inserted (text at a line start ending with a line break): dockmod's own
 * lines, such as an inserted `RUN go mod tidy`.
 */
export function inInsertedLines(offset: number, sorted: readonly Edit[], before: string): boolean {
  let shift = 0;
  for (const edit of sorted) {
    const newStart = edit.start + shift;
    if (offset < newStart) return false;
    if (offset < newStart + edit.text.length) {
      return edit.start === edit.end && edit.text.endsWith('\n') && (edit.start === 0 || before[edit.start - 1] === '\n');
    }
    shift += edit.text.length - (edit.end - edit.start);
  }
  return false;
}
