// The folder listings the walk for Dockerfiles read (discover.ts), kept for
// the rest of the run: the configuration look-up, the repository markers and
// the model's view of the project's files ask about the same folders again
// (is there a dockmod.config.json, a .git, a go.mod; what does a module's
// folder hold). A name a kept listing lacks does not exist; one it holds is a
// file or a folder as the listing says (a symlink is still stat'ed, to follow
// it). Only on Linux, whose file names are case-sensitive: on a
// case-insensitive file system `GO.MOD` exists when the listing says `go.mod`.
import path from 'node:path';

export type EntryKind = 'file' | 'dir' | 'other';

export interface Listing {
  /** The names in the folder, sorted (UTF-16 order, as Array.prototype.sort). */
  names: string[];
  /** One letter per name: f file, d folder, o anything else (a symlink...). */
  kinds: string;
}

const KIND_OF_LETTER: Record<string, EntryKind> = { f: 'file', d: 'dir', o: 'other' };

const listings = new Map<string, Listing>();
const enabled = process.platform === 'linux';
/** Listings are kept between keepListings() and forgetListings(): for one run of the CLI, not across runs in one process. */
let keeping = false;

/** From now on, keep what the walks list (a run of the CLI starts). */
export function keepListings(): void {
  listings.clear();
  keeping = enabled;
}

/** Keep what a walk read of `dir` (absolute, normalised); `names` sorted. */
export function keepListing(dir: string, names: string[], kinds: string): void {
  if (keeping) listings.set(dir, { names, kinds });
}

/** The kept listing of `dir`, if the walk read it. */
export function keptListing(dir: string): Listing | undefined {
  return listings.size === 0 ? undefined : listings.get(dir);
}

/**
 * What the kept listings say of `file` (absolute): its kind, 'none' when its
 * folder was listed without it, undefined when they cannot tell (folder not
 * listed, a path that is not normalised).
 */
export function keptKind(file: string): EntryKind | 'none' | undefined {
  if (listings.size === 0) return undefined;
  const slash = file.lastIndexOf('/');
  if (slash <= 0) return undefined;
  const listing = listings.get(file.slice(0, slash));
  if (!listing) return undefined;
  const name = file.slice(slash + 1);
  if (name === '' || name === '.' || name === '..') return undefined;
  const index = indexOf(listing.names, name);
  return index === -1 ? 'none' : KIND_OF_LETTER[listing.kinds[index]!]!;
}

function indexOf(sorted: readonly string[], name: string): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const at = sorted[middle]!;
    if (at === name) return middle;
    if (at < name) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/** A file removed since its folder was listed (leftovers of an interrupted --write). */
export function forgetEntry(file: string): void {
  const listing = listings.get(path.dirname(file));
  if (!listing) return;
  const index = indexOf(listing.names, path.basename(file));
  if (index === -1) return;
  listing.names = listing.names.filter((_, i) => i !== index);
  listing.kinds = listing.kinds.slice(0, index) + listing.kinds.slice(index + 1);
}

/** Drop every kept listing and keep no more (the end of a run). */
export function forgetListings(): void {
  listings.clear();
  keeping = false;
}

