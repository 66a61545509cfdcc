// Edits as data: byte ranges of the current text and their replacement.
// The engine sorts them, refuses overlaps (a transform bug, never dropped
// silently) and applies them with magic-string, so every byte outside an
// edit stays exactly as it was.
import MagicString from 'magic-string';

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

export function applyEdits(text: string, sorted: readonly Edit[]): string {
  const magic = new MagicString(text);
  for (const edit of sorted) {
    if (edit.start === edit.end) magic.appendLeft(edit.start, edit.text);
    else if (edit.text === '') magic.remove(edit.start, edit.end);
    else magic.overwrite(edit.start, edit.end, edit.text);
  }
  return magic.toString();
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
