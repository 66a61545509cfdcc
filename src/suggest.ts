// "did you mean": the closest known name to a misspelled one.
import { TRANSFORMS } from '../transforms/index.js';

/** Edit distance with adjacent swaps counted as one edit (optimal string alignment). */
function distance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/** The candidate closest to `input` (case aside), when it is close enough to be a typo. */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  const wanted = input.toLowerCase();
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const d = distance(wanted, candidate.toLowerCase());
    if (!best || d < best.distance) best = { candidate, distance: d };
  }
  const allowed = Math.max(2, Math.floor(input.length / 3));
  return best && best.distance <= allowed ? best.candidate : undefined;
}

/** ` (did you mean "x"?)`, or '' when nothing is close. */
export function didYouMean(input: string, candidates: readonly string[]): string {
  const match = closest(input, candidates);
  return match === undefined ? '' : ` (did you mean "${match}"?)`;
}

/** The one message for an unknown transform id, wherever it was given. */
export function unknownTransformMessage(id: string): string {
  const ids = TRANSFORMS.map((transform) => transform.id);
  return `unknown transform "${id}"${didYouMean(id, ids)}; valid ids: ${ids.join(', ')}`;
}
