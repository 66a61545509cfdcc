// Whether a golang tag can move to a target Go version, decided from what was
// published: the tag table (data/golang-tags.json, or the user's lists). The
// precision of the tag is kept; a variant is kept only where it exists at the
// target; otherwise the answer says why and what exists, with the variant a
// human would most likely pick (the nearest published one of the same family).
import { compareGoVersions, type GoVersion } from './go-version.js';
import { builtInGolangTags, readTagList, tagTableOf, type TagTable } from './tag-lists.js';

/** Where the tags come from, for messages. */
export interface TagKnowledge {
  table: TagTable;
  /** The built-in table (its date in `table.date`), or a list for this image, named in notes (`the tag list corp-tags.txt`). */
  source: { kind: 'built-in' } | { kind: 'list'; label: string };
}

export type TagDecision =
  /** Write `version` in place of the tag's version; `notes` are said when it is written. */
  | { kind: 'bump'; version: string; notes: string[] }
  /** Leave the image; `tag` is the suggested tag, when one is obvious. */
  | { kind: 'leave'; reason: string; suggestion?: { version: string; variant: string } };

/**
 * Variants every Go release publishes, so the policy for targets newer than the
 * table bumps them: the bare tag, the moving OS variants and Windows' moving ones.
 */
export const MOVING_VARIANTS: readonly string[] = ['', 'alpine', 'bookworm', 'trixie', 'windowsservercore', 'nanoserver'];

/** Debian releases in order: a variant named after one is followed by the next. */
const DEBIAN_RELEASES = ['wheezy', 'jessie', 'stretch', 'buster', 'bullseye', 'bookworm', 'trixie', 'forky', 'duke'];

/** The tag's version moved to `target`, at the tag's precision: `1.23` -> `1.24`; `1.23.4` -> the target as given. */
export function bumpedVersionText(image: GoVersion, target: GoVersion): string {
  if (image.patch === undefined && !image.prerelease) return `${target.major}.${target.minor ?? 0}`;
  return target.text;
}

/**
 * The decision for `<name>:<version>[-<variant>]`, older than `target` (a
 * release), given what was published.
 */
export function decideGolangTag(name: string, image: GoVersion, variant: string, target: GoVersion, knowledge: TagKnowledge): TagDecision {
  const version = bumpedVersionText(image, target);
  const tag = tagText(name, version, variant);
  const notes: string[] = [];
  if (image.patch !== undefined && target.patch === undefined) {
    notes.push(`${tagText(name, image.text, variant)} pinned the patch release ${image.text}; the target ${target.text} names no patch, so the tag now follows the newest ${version}.x`);
  }
  const { table } = knowledge;
  if (table.has(version, variant)) return { kind: 'bump', version, notes };

  const newest = table.newest();
  const predates = knowledge.source.kind === 'built-in' && (!newest || compareGoVersions(target, newest) > 0) && !table.variantsOf(version);
  if (predates) {
    const dated = `the golang tag table (${table.date ?? 'undated'}) predates Go ${target.text}`;
    if (MOVING_VARIANTS.includes(variant)) {
      notes.push(`${dated}; ${tag} is assumed to exist because ${variant === '' ? 'the bare tag' : `the ${variant} variant`} is published for every release (pass --golang-tags with a current tag list to check)`);
      return { kind: 'bump', version, notes };
    }
    return {
      kind: 'leave',
      reason: `${dated}, and the ${variant} variant comes and goes with releases: cannot tell whether ${tag} exists; pass --golang-tags with a current tag list (skopeo list-tags docker://golang), or bump by hand`,
    };
  }

  const where = knowledge.source.kind === 'list' ? `is not in ${knowledge.source.label}` : 'was never published';
  const published = table.variantsOf(version);
  const patchPrecision = image.patch !== undefined && target.patch !== undefined;
  if (!published) {
    if (patchPrecision) return { kind: 'leave', reason: `${tag} ${where}; ${patchesSentence(table, target, variant)}`, ...patchSuggestion(table, target, variant) };
    return { kind: 'leave', reason: `${tag} ${where}; ${newestSentence(name, table, variant)}` };
  }
  const reason = `${tag} ${where}; ${variantsSentence(version, published, variant)}${patchPrecision ? `; ${patchesSentence(table, target, variant)}` : ''}`;
  const nearest = nearestVariant(variant, published);
  if (nearest !== undefined) return { kind: 'leave', reason, suggestion: { version, variant: nearest } };
  return { kind: 'leave', reason, ...(patchPrecision ? patchSuggestion(table, target, variant) : {}) };
}

export function tagText(name: string, version: string, variant: string): string {
  return `${name}:${version}${variant ? `-${variant}` : ''}`;
}

/** `Go 1.24 has alpine3.20, alpine3.21 (and alpine, bookworm)`: the variant's family first, then the others of its kind. */
function variantsSentence(version: string, published: ReadonlySet<string>, variant: string): string {
  const shown = [...published].filter((v) => v !== '' && !v.startsWith('rc') && isWindows(v) === isWindows(variant));
  const family = familyOf(variant);
  const same = family ? sortByFamily(shown.filter((v) => familyOf(v)?.name === family.name)) : [];
  const others = shown.filter((v) => !same.includes(v)).sort();
  if (same.length === 0) return `Go ${version} has ${others.join(', ') || 'only the bare tag'}`;
  return `Go ${version} has ${same.join(', ')}${others.length > 0 ? ` (and ${others.join(', ')})` : ''}`;
}

function patchesSentence(table: TagTable, target: GoVersion, variant: string): string {
  const patches = table.patchesWith(target.major, target.minor ?? 0, variant);
  const withVariant = variant ? ` with ${variant}` : '';
  const minor = `${target.major}.${target.minor ?? 0}`;
  // A table of minor tags alone (go-toolset's `1.25`): no patch tag is known, the minor tag may be.
  if (patches.length === 0) return table.has(minor, variant) ? `no Go ${minor} patch tag is known${withVariant}, the minor tag ${minor}${variant ? `-${variant}` : ''} is` : `no Go ${minor} patch tag is known${withVariant}`;
  return `Go ${target.major}.${target.minor ?? 0} was published${withVariant} as ${patches.join(', ')}`;
}

function newestSentence(name: string, table: TagTable, variant: string): string {
  const newest = table.newestWith(variant);
  return newest ? `the newest such tag is ${tagText(name, newest, variant)}` : `no ${variant || 'bare'} tag with a Go version is known`;
}

/** The lowest published patch at or above the target with the same variant. */
function patchSuggestion(table: TagTable, target: GoVersion, variant: string): { suggestion?: { version: string; variant: string } } {
  const patches = table.patchesWith(target.major, target.minor ?? 0, variant);
  const above = patches.find((text) => {
    const patch = Number(text.split('.')[2]);
    return patch >= (target.patch ?? 0);
  });
  if (above) return { suggestion: { version: above, variant } };
  const minor = `${target.major}.${target.minor ?? 0}`;
  return patches.length === 0 && table.has(minor, variant) ? { suggestion: { version: minor, variant } } : {};
}

interface Family {
  name: string;
  /** Order inside the family (older first). */
  rank: number;
}

function isWindows(variant: string): boolean {
  return /^(?:windowsservercore|nanoserver)/.test(variant);
}

/** `alpine3.19` -> alpine 3.19; `bullseye` -> debian; `nanoserver-ltsc2022` -> nanoserver 2022. */
export function familyOf(variant: string): Family | undefined {
  const alpine = /^alpine(\d+)\.(\d+)$/.exec(variant);
  if (alpine) return { name: 'alpine', rank: Number(alpine[1]) * 1000 + Number(alpine[2]) };
  const debian = DEBIAN_RELEASES.indexOf(variant);
  if (debian !== -1) return { name: 'debian', rank: debian };
  const windows = /^(windowsservercore|nanoserver)-(?:(?:ltsc|sac)(\d{4})|(\d{2})(\d{2}))$/.exec(variant);
  if (windows) {
    const rank = windows[2] ? Number(windows[2]) * 100 : (2000 + Number(windows[3])) * 100 + Number(windows[4]);
    return { name: windows[1]!, rank };
  }
  return undefined;
}

function sortByFamily(variants: string[]): string[] {
  return [...variants].sort((a, b) => familyOf(a)!.rank - familyOf(b)!.rank);
}

/** The oldest published variant of the same family that is not older than `variant`. */
export function nearestVariant(variant: string, published: ReadonlySet<string>): string | undefined {
  const family = familyOf(variant);
  if (!family) return undefined;
  return sortByFamily([...published].filter((v) => familyOf(v)?.name === family.name)).find((v) => familyOf(v)!.rank >= family.rank);
}

const extendedTables = new Map<string, TagTable>();

/**
 * The tags known for the golang image `name`: its own list when the user gave
 * one (`imageTags`, e.g. a private mirror that holds only some tags), else the
 * built-in table extended with the user's `golangTags` list.
 */
export function golangTagKnowledge(name: string, options: { golangTags?: string; imageTags?: Record<string, string> }): TagKnowledge {
  const own = options.imageTags?.[name];
  if (own !== undefined) return { table: listTable(own), source: { kind: 'list', label: `the tag list ${own}` } };
  const builtIn = builtInGolangTags().table;
  if (options.golangTags === undefined) return { table: builtIn, source: { kind: 'built-in' } };
  let table = extendedTables.get(options.golangTags);
  if (!table) extendedTables.set(options.golangTags, (table = builtIn.extendedWith(readTagList(options.golangTags))));
  return { table, source: { kind: 'built-in' } };
}

const listTables = new Map<string, TagTable>();

/** The table of a user's tag list file, read once per file. */
export function listTable(file: string): TagTable {
  let table = listTables.get(file);
  if (!table) listTables.set(file, (table = tagTableOf(readTagList(file))));
  return table;
}
