// Unified diffs that `git apply` and `patch -p1` accept as they are.
import { createTwoFilesPatch } from 'diff';

/** A unified diff with a/ and b/ prefixes and 3 lines of context; '' when nothing changed. */
export function unifiedDiff(displayPath: string, before: string, after: string): string {
  if (before === after) return '';
  const patch = createTwoFilesPatch(`a/${displayPath}`, `b/${displayPath}`, before, after, undefined, undefined, { context: 3 });
  // jsdiff opens with a line of '=' that neither git nor patch needs.
  return patch.slice(patch.indexOf('\n') + 1);
}
