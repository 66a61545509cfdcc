// The words of a change or a note, shared by the GitHub and SARIF reporters:
// what changed (the text removed or added) and why (per transform).
import type { Change } from '../pipeline.js';
import { ruleDocs } from './rules.js';

const SNIPPET_LENGTH = 80;

function snippet(text: string): string {
  return `"${text.length > SNIPPET_LENGTH ? `${text.slice(0, SNIPPET_LENGTH - 1)}…` : text}"`;
}

/** `Remove "RUN go mod download"` (pending) or `Removed ...` (written). */
export function whatChanged(change: Pick<Change, 'removed' | 'added'>, written: boolean): string {
  const verb = (pending: string, done: string): string => (written ? done : pending);
  if (change.removed && change.added) return `${verb('Change', 'Changed')} ${snippet(change.removed)} to ${snippet(change.added)}`;
  if (change.removed) return `${verb('Remove', 'Removed')} ${snippet(change.removed)}`;
  if (change.added) return `${verb('Add', 'Added')} ${snippet(change.added)}`;
  return verb('Change this line', 'Changed this line');
}

/** The whole message: what changed, why, and how to apply it while it is pending. */
export function changeMessage(change: Change, written: boolean): string {
  const apply = written ? '' : ' Run dockmod --write to apply it.';
  return `${whatChanged(change, written)}: ${ruleDocs(change.transform).why}.${apply}`;
}
