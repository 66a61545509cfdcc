// What dockmod knows of a stage's base image before the Dockerfile changes
// anything: is it a Go image, which Go it has, its working directory, the Go
// variables it sets, the user it runs as, and whether its Go cache paths are
// known. The one reader of a stage's base image (the model and cache-paths.ts
// ask here).
import { lineRef, type Document } from '../document.js';
import { compareGoVersions, parseGoVersion, type GoVersion } from '../go-version.js';
import { getOnlyFetches, goInvocations } from '../run.js';
import { stageGoVersions } from '../go-image-bump.js';
import { builderFamilyOf, familyById, goVersionNamedBy, isRootDistribution, namesGo, otherGoImageOf, type FamilyId, type ImageAccount, type ImageFamily, type OtherGoImage } from '../image-facts.js';
import { isGolangImage, mirroredGolangPrefix, splitImageReference } from '../image-ref.js';
import type { TransformOptions } from '../transform.js';
import { expandVariables, stageChain } from '../stage-facts.js';
import { globalArgDefaults, runAnalysisOf, stagesOf, type Stage } from '../stages.js';
import { onlyFetchesModules } from './cache-flow.js';

export interface BaseImage {
  /** The reference as the root stage's FROM writes it. */
  written: string;
  /** The reference after global ARG expansion; undefined when an ARG has no default. */
  reference?: string;
  /** The official golang image (or one under a registry the user listed). */
  golang: boolean;
  /**
   * The Go builder family of image-facts.ts (the official image included),
   * known from the image's name: its facts do not depend on the tag, so an
   * ARG without default in the tag leaves them known.
   */
  family?: ImageFamily;
  /** The image holds Go: golang, a family, or a name or tag that says Go (image-facts.ts namesGo). */
  holdsGo: boolean;
  /** A Go image outside the families whose user and variables are known (image-facts.ts OTHER_GO_IMAGES), by its title. */
  otherGoImage?: string;
  /** A distribution image known to run as root and to set no Go variables (Go installed from its packages). */
  distribution?: boolean;
  /** Why the user the image runs as and its Go cache paths are unknown; undefined when they are known. */
  cachePathsUnknown?: string;
  /** The Go release of the tag (golang:1.22-alpine -> 1.22); undefined when the tag does not say. */
  goVersion?: GoVersion;
  /** The image's own working directory, where dockmod knows it. */
  workdir?: string;
  /** The Go the stage has once this run is done: raised where bump-go-image will bump it (go-image-bump.ts decides). */
  goVersionAfter?: GoVersion;
  /** Go variables the image sets in its environment. */
  env: ReadonlyMap<string, string>;
  /** The user the image runs as when no USER applies, where known. */
  defaultUser?: ImageAccount;
}

/** Both OTHER_GO_IMAGES run as root (no USER in their Dockerfiles). */
const ROOT_ACCOUNT: ImageAccount = { name: 'root', uid: '0', gid: '0' };

/** Working directories of the image families (their Dockerfiles' WORKDIR), where established. */
const FAMILY_WORKDIRS: Partial<Record<FamilyId, string>> = {
  golang: '/go',
  // sclorg/s2i-base-container core: WORKDIR ${HOME}, HOME=/opt/app-root/src.
  'go-toolset': '/opt/app-root/src',
};
/** A Windows base image, by its tag or name (`golang:1.22-windowsservercore-ltsc2022`, `mcr.microsoft.com/windows/servercore`). */
const WINDOWS_IMAGE = /windows-?servercore|nanoserver|\/windows\/(?:servercore|nanoserver|server)\b/i;
/** Stands in for the value of an ARG without default while the reference is split. */
const NO_VALUE = '\u0000';

/** The image at the root of the stage's FROM chain, with what image-facts.ts knows of its family. */
export function baseImageOfStage(doc: Document, stage: Stage, options: TransformOptions, target: GoVersion | undefined): BaseImage {
  const written = stageChain(stage)[0]!.image;
  const defaults = globalArgDefaults(doc);
  const reference = expandVariables(written, defaults);
  // With an ARG without default the name may still be known (`golang:${GO_VERSION}-alpine`): the family's facts hold whatever the tag.
  const partial = reference ?? expandVariables(written, withNoValues(written, defaults)) ?? NO_VALUE;
  const image = splitImageReference(partial);
  const nameKnown = !image.name.includes(NO_VALUE);
  const tag = image.tag ? partial.slice(image.tag.start, image.tag.end) : '';
  const golang = nameKnown && isGolangImage(image.name, options.golangRegistries ?? []);
  const family = golang ? familyById('golang') : nameKnown ? builderFamilyOf(image.name) : undefined;
  const other = nameKnown && !family ? otherGoImageOf(image.name) : undefined;
  const otherFactsHold = other !== undefined && factsHoldFor(other, image.name, tag);
  const holdsGo = golang || family !== undefined || other !== undefined || (nameKnown && namesGo(image.name, tag || undefined));
  const facts: BaseImage = { written, golang, holdsGo, env: family ? familyEnv(family) : new Map() };
  if (reference !== undefined) facts.reference = reference;
  if (other && !otherFactsHold) {
    facts.cachePathsUnknown = `${facts.reference ?? written} is ${other.title} from before its Go ${other.factsSince} builds, whose Go variables are not established (set ENV GOCACHE to let dockmod add cache mounts)`;
  } else if (other) {
    // Its user, variables and working directory; no family, whose tags bump-go-image would move.
    facts.otherGoImage = other.title;
    facts.env = other.env;
    facts.defaultUser = ROOT_ACCOUNT;
    facts.workdir = other.workdir;
  } else if (family) {
    facts.family = family;
    facts.defaultUser = family.defaultUser;
    const workdir = FAMILY_WORKDIRS[family.id];
    if (workdir) facts.workdir = workdir;
  } else if (nameKnown && isRootDistribution(image.name)) {
    facts.distribution = true;
    facts.workdir = '/';
  }
  const cachePathsUnknown = facts.cachePathsUnknown ?? cachePathsUnknownOf(facts, tag, () => windowsBuildOf(doc, stage));
  if (cachePathsUnknown) facts.cachePathsUnknown = cachePathsUnknown;
  const versions = holdsGo && reference !== undefined ? stageGoVersions(reference, target, options) : undefined;
  if (versions) {
    facts.goVersion = versions.current;
    // bump-go-image leaves the image where a go get that installs would stop installing (it says so): the Go stays. An ARG
    // shared with other FROMs moves only if every image on it can take the same move (bump-go-image's rule).
    const root = stageChain(stage)[0]!;
    const held = installingGetAcross(doc, root, versions.current, versions.afterBump) !== undefined ||
      (versions.afterBump !== versions.current && !sharersTakeTheSameMove(doc, root, versions.afterBump, defaults, options, target));
    facts.goVersionAfter = held ? versions.current : versions.afterBump;
  }
  return facts;
}

/**
 * The other root stages whose FROM reads a variable this one's does (`FROM golang:${GO_VERSION}` twice): each must
 * reach the same Go with the same target, and hold no installing go get across Go 1.18, for the shared ARG to move.
 */
function sharersTakeTheSameMove(doc: Document, root: Stage, after: GoVersion, defaults: ReadonlyMap<string, string | null>, options: TransformOptions, target: GoVersion | undefined): boolean {
  const variables = (image: string): string[] => [...image.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1]!);
  const own = new Set(variables(root.image));
  if (own.size === 0) return true;
  for (const other of stagesOf(doc)) {
    if (other === root || other.parent || other.parentCandidates || !variables(other.image).some((name) => own.has(name))) continue;
    const reference = expandVariables(other.image, defaults);
    const versions = reference === undefined ? undefined : stageGoVersions(reference, target, options);
    if (!versions || versions.afterBump.text !== after.text || installingGetAcross(doc, other, versions.current, versions.afterBump)) return false;
  }
  return true;
}

/** An OTHER_GO_IMAGES entry's facts hold for this tag: no factsSince, or a tag naming a Go at least that. */
function factsHoldFor(other: OtherGoImage, name: string, tag: string): boolean {
  // No tag, or latest: the newest build.
  if (other.factsSince === undefined || tag === '' || tag === 'latest') return true;
  const named = goVersionNamedBy(name, tag);
  const version = named === undefined ? undefined : parseGoVersion(named);
  return version?.minor !== undefined && compareGoVersions(version, parseGoVersion(other.factsSince)!) >= 0;
}

const GO_GET_STOPS_INSTALLING = parseGoVersion('1.18')!;

/**
 * A `go get` (without -d) in the stages on the chain root `root` when a move from `current` to `after` crosses Go 1.18:
 * before, it built and installed the package (`go get github.com/githubnemo/CompileDaemon`, then run by ENTRYPOINT);
 * from 1.18 it installs nothing, so the image would build and then lack the tool. Its description, or undefined.
 */
export function installingGetAcross(doc: Document, root: Stage, current: GoVersion | undefined, after: GoVersion | undefined): string | undefined {
  if (!current || current.minor === undefined || !after || compareGoVersions(current, GO_GET_STOPS_INSTALLING) >= 0 || compareGoVersions(after, GO_GET_STOPS_INSTALLING) < 0) return undefined;
  for (const stage of stagesOf(doc).filter((candidate) => stageChain(candidate)[0] === root)) {
    for (const instruction of stage.instructions) {
      if (instruction.keyword !== 'RUN') continue;
      const get = goInvocations(runAnalysisOf(doc, instruction)).find((go) => go.subcommand.value === 'get' && !getOnlyFetches(go));
      // `go get -u` where only go.mod and go.sum were copied has nothing to install (cache-flow.ts onlyFetchesModules).
      if (get && !onlyFetchesModules(doc, instruction)) return `\`go get\` at line ${lineRef(instruction)}`;
    }
  }
  return undefined;
}

/**
 * A stage chain that builds on Windows whatever its tag says (`golang:1.24` is a multi-platform tag that has Windows
 * images): the file escapes with a backtick (the Windows convention, so that `C:\src` reads as written) and has a
 * Windows stage, or the chain works in Windows paths (`WORKDIR C:\src`) or a Windows shell (`SHELL ["powershell", ...]`). The classic
 * Windows builder has no --mount, and the caches are not /go/pkg/mod and /root/.cache/go-build.
 */
function windowsBuildOf(doc: Document, stage: Stage): string | undefined {
  const onWindows = ': it builds on Windows, whose builder has no --mount and whose cache paths are not /go/pkg/mod and /root/.cache/go-build';
  // A backtick escape alone may be a taste; with a Windows image in the file (a nanoserver stage the build is copied into), it is Windows.
  // `FROM --platform=$BUILDPLATFORM` runs on the builder's own platform, under BuildKit: a Linux builder cross-compiling.
  const onBuildPlatform = stageChain(stage).some((s) => s.from.flags.some((flag) => flag.name === 'platform' && /BUILDPLATFORM/.test(flag.value ?? '')));
  if (doc.escapeChar === '`' && !onBuildPlatform) {
    const windowsStage = stagesOf(doc).find((other) => WINDOWS_IMAGE.test(other.image));
    if (windowsStage) return `the Dockerfile escapes with a backtick, the Windows convention, and has a Windows stage (${windowsStage.image}, line ${lineRef(windowsStage.from)})${onWindows}`;
  }
  for (const s of stageChain(stage)) {
    for (const item of s.instructions) {
      const windowsPath = (item.keyword === 'WORKDIR' || item.keyword === 'COPY' || item.keyword === 'ADD') && item.args.some((arg) => /^[A-Za-z]:[\\/]/.test(arg));
      const windowsShell = item.keyword === 'SHELL' && /"(?:powershell|cmd)(?:\.exe)?"/i.test(doc.text.slice(item.start, item.end));
      if (windowsPath || windowsShell) return `the stage works in ${windowsPath ? 'Windows paths' : 'a Windows shell'} (line ${lineRef(item)})${onWindows}`;
    }
  }
  return undefined;
}

function cachePathsUnknownOf(facts: BaseImage, tag: string, windowsBuild: () => string | undefined): string | undefined {
  const shown = facts.reference ?? facts.written;
  // Whoever built it: no Linux cache paths, and the classic Windows builder has no --mount at all.
  if (WINDOWS_IMAGE.test(tag) || WINDOWS_IMAGE.test(facts.reference ?? facts.written)) return `${shown} is a Windows image: its cache paths are not /go/pkg/mod and /root/.cache/go-build`;
  const windows = windowsBuild();
  if (windows) return windows;
  if (facts.family || facts.otherGoImage || facts.distribution) return undefined;
  if (facts.reference === undefined) {
    return `the base image ${facts.written} uses an ARG with no default: the user it runs as and its Go cache paths are unknown`;
  }
  const mirror = mirroredGolangPrefix(splitImageReference(facts.reference).name);
  const remedy = mirror === undefined ? 'set USER and ENV GOMODCACHE/GOCACHE to let dockmod add cache mounts' : `if it is the golang image, pass --golang-registry ${mirror}; else set USER and ENV GOMODCACHE/GOCACHE to let dockmod add cache mounts`;
  return `${shown} is not a Go image dockmod knows (golang, UBI go-toolset, Chainguard go, SUSE BCI golang): the user it runs as and its Go cache paths are unknown (${remedy})`;
}

/** The defaults, with every variable `written` reads that has none standing for NO_VALUE. */
function withNoValues(written: string, defaults: ReadonlyMap<string, string | null>): Map<string, string | null> {
  const variables = new Map(defaults);
  for (const match of written.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) {
    const name = match[1]!;
    if ((variables.get(name) ?? null) === null) variables.set(name, NO_VALUE);
  }
  return variables;
}

function familyEnv(family: ImageFamily): ReadonlyMap<string, string> {
  const env = new Map(family.env);
  if (family.goToolchain === 'local') env.set('GOTOOLCHAIN', 'local');
  return env;
}

