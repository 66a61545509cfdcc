// What bump-go-image decides for one image reference (after ARG expansion):
// which Go builder image it is (official golang, or a family of
// image-facts.ts), the Go version its tag gives, and whether that tag can move
// to the target. Pure: the transform turns the decision into edits where the
// characters are written; the engine's model can ask for a stage's Go version
// before and after the bump (stageGoVersions).
import { compareGoVersions, isPrerelease, parseGoVersion, type GoVersion } from './go-version.js';
import type { ModuleFacts } from './module.js';
import { decideGolangTag, golangTagKnowledge, listTable, tagText, type TagDecision, type TagKnowledge } from './golang-tag-bump.js';
import { builderFamilyOf, goVersionNamedBy, knownMinorTags, sameImageNames, type ImageFamily } from './image-facts.js';
import { isGolangImage, splitGolangTag, splitImageReference } from './image-ref.js';
import { tagTableOf } from './tag-lists.js';
import type { TransformOptions } from './transform.js';

export type ImageKind = { kind: 'golang' } | { kind: 'family'; family: ImageFamily };

/** The Go image `name` is, or undefined for any other image. */
export function goImageKind(name: string, options: Pick<TransformOptions, 'golangRegistries'>): ImageKind | undefined {
  if (isGolangImage(name, options.golangRegistries)) return { kind: 'golang' };
  const family = builderFamilyOf(name);
  return family ? { kind: 'family', family } : undefined;
}

export type ImageBump =
  /** Nothing to do: the tag already gives the target, or always pulls the newest build. */
  | { kind: 'none' }
  /** Write `version` over the tag's version part (`versionEnd` characters from the tag's start). */
  | { kind: 'bump'; version: string; versionEnd: number; notes: string[] }
  /** Leave the image; `suggestedTag` is the tag a human would most likely write instead. */
  | { kind: 'leave'; reason: string; suggestedTag?: string };

/**
 * The decision for `<name>:<tag>` and `target` (a tag without UNKNOWN parts;
 * undefined for no tag). `image` is the reference as shown in messages.
 */
export function decideImageBump(image: string, name: string, tag: string | undefined, kind: ImageKind, target: GoVersion, options: TransformOptions): ImageBump {
  if (kind.kind === 'family') {
    const early = familyTagCheck(image, name, tag, kind.family, target, options);
    if (early) return early;
  }
  if (tag === undefined) return { kind: 'none' }; // latest: the newest release
  const split = splitGolangTag(tag);
  if (!split) return kind.kind === 'golang' ? frozenVariantCheck(image, name, tag, target, options) : { kind: 'none' }; // latest, alpine, tip: no version to move
  const version = parseGoVersion(tag.slice(split.version.start, split.version.end));
  if (!version) return { kind: 'leave', reason: `cannot read a Go version in the tag ${tag} of ${image}; left as is` };
  if (satisfies(version, target)) return { kind: 'none' };
  if (isPrerelease(target)) return { kind: 'leave', reason: `${image} is older than Go ${target.text}, a pre-release: set the image by hand` };
  const knowledge = kind.kind === 'golang' ? golangTagKnowledge(name, options) : familyTagKnowledge(name, kind.family, options);
  if (!knowledge) {
    return {
      kind: 'leave',
      reason: `no tag list is known for ${name}, so dockmod cannot tell which tag gives Go ${target.text}; give one in imageTags (the output of skopeo list-tags docker://${name}) or bump by hand`,
    };
  }
  return fromTagDecision(decideGolangTag(name, version, split.variant, target, knowledge), split.version.end);
}

/**
 * A golang tag naming only a variant Docker no longer publishes (`alpine3.19`, frozen at Go 1.23.4): left, with a note
 * when its Go is older than the target. There is no version in the tag to move, so the tag a human could choose is named.
 */
function frozenVariantCheck(image: string, name: string, tag: string, target: GoVersion, options: TransformOptions): ImageBump {
  const knowledge = golangTagKnowledge(name, options);
  const frozen = frozenVariantGo(tag, knowledge);
  if (!frozen || satisfies(frozen, target)) return { kind: 'none' };
  const stopped = `${image} stopped at Go ${frozen.text}, the last golang release published on ${tag}, older than the target Go ${target.text}`;
  const decision = decideGolangTag(name, frozen, tag, target, knowledge);
  if (decision.kind === 'bump') return { kind: 'leave', reason: `${stopped}; ${tagText(name, decision.version, tag)} has it`, suggestedTag: `${decision.version}-${tag}` };
  const left = fromTagDecision(decision, 0);
  return left.kind === 'leave' ? { ...left, reason: `${stopped}; ${left.reason}` } : left;
}

function fromTagDecision(decision: TagDecision, versionEnd: number): ImageBump {
  if (decision.kind === 'bump') return { kind: 'bump', version: decision.version, versionEnd, notes: decision.notes };
  const suggestedTag = decision.suggestion && `${decision.suggestion.version}${decision.suggestion.variant ? `-${decision.suggestion.variant}` : ''}`;
  return suggestedTag ? { kind: 'leave', reason: decision.reason, suggestedTag } : { kind: 'leave', reason: decision.reason };
}

/** Tags of a family that are moving (or absent), stamped or not a Go version at all. */
function familyTagCheck(image: string, name: string, tag: string | undefined, family: ImageFamily, target: GoVersion, options: TransformOptions): ImageBump | undefined {
  const { tags } = family;
  if (tag === undefined || tags.moving.includes(tag)) return movingTagCheck(tag === undefined ? `${image} (no tag: latest)` : image, name, family, target, options);
  const minor = `${target.major}.${target.minor ?? 0}`;
  const knowledge = familyTagKnowledge(name, family, options);
  const minorExists = !!knowledge?.table.has(minor, '');
  const withSuggestion = (reason: string): ImageBump =>
    minorExists ? { kind: 'leave', reason: `${reason}; the minor tag ${tagText(name, minor, '')} follows the newest Go ${minor}`, suggestedTag: minor } : { kind: 'leave', reason };
  if (tags.notGoVersion?.test(tag)) {
    // Its Go is unknown and may well be newer than the target (a recent RHEL release): a minor tag is named, never suggested, as it could be a downgrade.
    const reason = `the tag ${tag} of ${name} names ${tags.notGoVersionMeaning ?? 'something other than a Go version'}, not a Go version: make sure it gives Go ${target.text} or later`;
    return { kind: 'leave', reason: minorExists ? `${reason} (a minor tag such as ${tagText(name, minor, '')} names its Go)` : reason };
  }
  const stamped = tags.stamped?.exec(tag);
  if (!stamped) return undefined;
  const version = parseGoVersion(stamped[1]!);
  if (!version || satisfies(version, target)) return { kind: 'none' };
  return withSuggestion(`${image} pins Go ${version.text} with a build stamp that cannot be derived offline, older than Go ${target.text}; left as is`);
}

/**
 * A moving tag follows the newest Go the image's maker has shipped: nothing to
 * do, unless it lags Go's releases (go-toolset) and the target is newer than
 * every tag known for the image, so its Go cannot be told.
 */
function movingTagCheck(shown: string, name: string, family: ImageFamily, target: GoVersion, options: TransformOptions): ImageBump {
  const lag = family.tags.movingLagsGo;
  if (!lag) return { kind: 'none' };
  const newestKnown = familyTagKnowledge(name, family, options)?.table.newest();
  if (newestKnown && satisfies(newestKnown, target)) return { kind: 'none' };
  const atLeast = newestKnown ? ` (at least Go ${newestKnown.text}, its newest tag dockmod knows)` : '';
  return { kind: 'leave', reason: `${shown} gives ${lag}${atLeast}: its Go version cannot be read; make sure it is Go ${target.text} or later` };
}

/** A family image's tags: the user's list for it (any of its names), else the minor tags the facts table establishes. */
function familyTagKnowledge(name: string, family: ImageFamily, options: TransformOptions): TagKnowledge | undefined {
  const own = sameImageNames(name).map((candidate) => options.imageTags?.[candidate]).find((file) => file !== undefined);
  if (own !== undefined) return { table: listTable(own), source: { kind: 'list', label: `the tag list ${own}` } };
  const known = knownMinorTags(family, name);
  if (!known) return undefined;
  return {
    table: knownTable(family.id, known),
    source: { kind: 'list', label: `the ${family.title} tags dockmod knows (${known[0]} to ${known.at(-1)}; give a current list in imageTags)` },
  };
}

const knownTables = new Map<string, ReturnType<typeof tagTableOf>>();

function knownTable(id: string, tags: readonly string[]) {
  let table = knownTables.get(id);
  if (!table) knownTables.set(id, (table = tagTableOf(tags)));
  return table;
}

/**
 * The Go version a module asks for: the higher of its go and toolchain lines (a toolchain line below the go line has no
 * effect in Go); a go line without a patch is a language version. `unreadable`: a line that is no Go version.
 */
export function versionAskedBy(module: Pick<ModuleFacts, 'goVersion' | 'toolchain' | 'workspaceGoVersion' | 'workspaceToolchain'>): { version?: GoVersion; unreadable?: string } {
  const lines = [module.toolchain, module.goVersion, module.workspaceToolchain, module.workspaceGoVersion].filter((text): text is string => text !== undefined);
  const versions: GoVersion[] = [];
  for (const text of lines) {
    const version = parseGoVersion(text);
    if (version?.minor === undefined) return { unreadable: text };
    versions.push(version);
  }
  const newest = versions.sort(compareGoVersions).at(-1);
  if (!newest) return {};
  const language = (newest.text === module.goVersion || newest.text === module.workspaceGoVersion) && newest.patch === undefined && !isPrerelease(newest);
  return { version: language ? { ...newest, language: true } : newest };
}

/**
 * Whether the image already gives at least `target`. A tag without a patch
 * (`1.24`) follows the newest patch of its minor release, and a major-only
 * tag (`1`) the newest release, so they satisfy every target of that line.
 * A language-version target (go.mod's `go 1.18`) comes before that release's
 * pre-releases in Go's order (1.18 < 1.18rc1 < 1.18.0): go1.18rc1 builds it.
 */
export function satisfies(image: GoVersion, target: GoVersion): boolean {
  if (image.minor === undefined) return image.major >= target.major;
  const sameOrLaterMinor = image.major > target.major || (image.major === target.major && image.minor >= (target.minor ?? 0));
  if (image.patch === undefined && !isPrerelease(image)) return sameOrLaterMinor;
  if (target.language && sameOrLaterMinor) return true;
  return compareGoVersions(image, target) >= 0;
}

export interface StageGoVersions {
  /** The Go version the image's tag gives (a minor tag `1.24` gives 1.24). */
  current: GoVersion;
  /** What it gives after bump-go-image in the same run: `current` when it would not bump. */
  afterBump: GoVersion;
}

/**
 * A stage's Go version from its FROM image (after ARG expansion), and the one
 * bump-go-image would set in the same run with the same options (`target`:
 * its target, undefined when it has none). Undefined when the image is not a
 * Go image dockmod knows or its tag names no version (`latest`, `alpine`); for
 * another image, the Go its tag names (`builder:go1.20-linux`), never bumped.
 * Refusals that depend on how the file is written (an ARG shared with an image
 * that cannot take the same change, a version assembled from several ARGs)
 * are not visible in the reference and not modelled here.
 */
export function stageGoVersions(reference: string, target: GoVersion | undefined, options: TransformOptions): StageGoVersions | undefined {
  const parsed = splitImageReference(reference);
  const kind = goImageKind(parsed.name, options);
  if (!parsed.tag) return undefined;
  const tag = reference.slice(parsed.tag.start, parsed.tag.end);
  if (!kind) {
    // A builder whose tag names its Go (`builder:go1.20-linux`): bump-go-image never moves it.
    const named = goVersionNamedBy(parsed.name, tag);
    const current = named === undefined ? undefined : parseGoVersion(named);
    return current && { current, afterBump: current };
  }
  const stamped = kind.kind === 'family' ? kind.family.tags.stamped?.exec(tag)?.[1] : undefined;
  const split = splitGolangTag(tag);
  const versionText = stamped ?? (split && !(kind.kind === 'family' && kind.family.tags.notGoVersion?.test(tag)) ? tag.slice(0, split.version.end) : undefined);
  const current = versionText === undefined ? undefined : parseGoVersion(versionText);
  if (!current) {
    // `golang:alpine3.19`, `golang:bullseye`: the tag no longer moves once its variant is no more published.
    const frozen = !split && kind.kind === 'golang' ? frozenVariantGo(tag, golangTagKnowledge(parsed.name, options)) : undefined;
    return frozen && { current: frozen, afterBump: frozen };
  }
  if (!target || (parsed.digest && options.keepDigests)) return { current, afterBump: current };
  const decision = decideImageBump(reference, parsed.name, tag, kind, target, options);
  const afterBump = decision.kind === 'bump' ? parseGoVersion(decision.version) : undefined;
  return { current, afterBump: afterBump ?? current };
}

/**
 * The Go of a golang tag that names only a variant (`alpine3.19`, `bullseye`) when the variant is no longer published: the
 * newest release published with it (Docker stopped moving the tag there). Undefined while the newest minor release is
 * still published with it (the tag follows new releases), for another image's own tag list, or for no such variant.
 */
function frozenVariantGo(variant: string, knowledge: TagKnowledge): GoVersion | undefined {
  if (knowledge.source.kind !== 'built-in') return undefined;
  const { table } = knowledge;
  const newest = table.newest();
  if (!newest || newest.minor === undefined) return undefined;
  if (table.has(`${newest.major}.${newest.minor}`, variant) || table.patchesWith(newest.major, newest.minor, variant).length > 0) return undefined;
  const last = table.newestWith(variant);
  return last === undefined ? undefined : parseGoVersion(last);
}
