// What the reports say about each transform: why it changes a line (in every
// annotation), the long description and help of its SARIF rule, the README
// section that documents it, and how much a pending change matters (GitHub
// shows only the first 10 annotations of a kind per step).
import { IGNORE_NOTE_SOURCE } from '../ignores.js';
import { transformById, TRANSFORMS } from '../../transforms/index.js';

export interface RuleDocs {
  id: string;
  /** One line: the transform's summary. */
  summary: string;
  /** Why the change is made: a clause that follows the change in a message (`removes X: <why>`). */
  why: string;
  /** The README heading's anchor (GitHub's slug of the heading). */
  anchor: string;
  /** Lower first: a change that fixes a failing build outranks one that only speeds builds up. */
  rank: number;
}

const DOCS: Record<string, Omit<RuleDocs, 'id' | 'summary'>> = {
  'drop-mod-download': {
    why: '`go mod download` does not write go.sum (builds then fail with "missing go.sum entry") and hangs or is killed when many images build at once; with -mod=mod the build fetches what it needs',
    anchor: 'drop-mod-download',
    rank: 0,
  },
  'bump-go-image': {
    why: 'the official golang image sets GOTOOLCHAIN=local, so an image older than the Go version go.mod asks for fails the build',
    anchor: 'bump-go-image-move-the-golang-base-image-to-the-go-version-the-module-needs',
    rank: 0,
  },
  'add-mod-flag': {
    why: 'with -mod=mod go build may update go.mod and go.sum and download missing modules, where the default -mod=readonly fails',
    anchor: 'add-mod-flag',
    rank: 1,
  },
  'insert-mod-tidy': {
    why: 'go mod tidy makes go.mod and go.sum match the copied sources before they are compiled, in place of the removed go mod download step',
    anchor: 'insert-mod-tidy',
    rank: 1,
  },
  'add-cache-mounts': {
    why: 'BuildKit cache mounts let repeated builds reuse downloaded modules and compiled packages instead of starting from nothing',
    anchor: 'add-cache-mounts',
    rank: 2,
  },
  [IGNORE_NOTE_SOURCE]: {
    why: 'a misplaced or misspelled dockmod-ignore comment does not do what its author meant',
    anchor: 'inline-ignores',
    rank: 0,
  },
};

const IGNORE_SUMMARY = 'Inline dockmod-ignore comments that are misplaced or name unknown transforms.';

/** The documentation of a transform id (or of the dockmod-ignore notes). */
export function ruleDocs(id: string): RuleDocs {
  const docs = DOCS[id];
  const summary = id === IGNORE_NOTE_SOURCE ? IGNORE_SUMMARY : (transformById(id)?.summary ?? id);
  return { id, summary, why: docs?.why ?? summary, anchor: docs?.anchor ?? 'transforms', rank: docs?.rank ?? 3 };
}

/** Every transform's rule, in pipeline order. */
export function transformRules(): RuleDocs[] {
  return TRANSFORMS.map((transform) => ruleDocs(transform.id));
}

/** Where the README lives on the web: package.json's homepage without its fragment. */
export function readmeUrl(homepage: string, anchor: string): string {
  return `${homepage.replace(/#.*$/, '')}#${anchor}`;
}
