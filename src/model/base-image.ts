// What dockmod knows of a stage's base image before the Dockerfile changes
// anything: is it a Go image, which Go it has, its working directory and the
// Go variables it sets.
import type { Document } from '../document.js';
import type { GoVersion } from '../go-version.js';
import { stageGoVersions } from '../go-image-bump.js';
import { builderFamilyOf, familyById, type FamilyId, type ImageAccount, type ImageFamily } from '../image-facts.js';
import { isGolangImage, splitImageReference } from '../image-ref.js';
import type { TransformOptions } from '../transform.js';
import { expandVariables, stageChain } from '../stage-facts.js';
import { globalArgs, unquote, type Stage } from '../stages.js';

export interface BaseImage {
  /** The reference after global ARG expansion; undefined when an ARG has no default. */
  reference?: string;
  /** The official golang image (or one under a registry the user listed). */
  golang: boolean;
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

/** Working directories of the image families (their Dockerfiles' WORKDIR), where established. */
const FAMILY_WORKDIRS: Partial<Record<FamilyId, string>> = {
  golang: '/go',
  // sclorg/s2i-base-container core: WORKDIR ${HOME}, HOME=/opt/app-root/src.
  'go-toolset': '/opt/app-root/src',
};
const ROOT_DISTRIBUTIONS = /^(?:docker\.io\/|index\.docker\.io\/)?(?:library\/)?(?:alpine|debian|ubuntu|buildpack-deps|fedora|archlinux|amazonlinux|rockylinux|almalinux|busybox|scratch)$/;

/** The image at the root of the stage's FROM chain, with what image-facts.ts knows of its family. */
export function baseImageOfStage(doc: Document, stage: Stage, options: TransformOptions, target: GoVersion | undefined): BaseImage {
  const root = stageChain(stage)[0]!;
  const reference = expandVariables(root.image, globalArgDefaults(doc));
  if (reference === undefined) {
    // Only the tag is unknown (`golang:${GO_VERSION}` with no default): still the official image, of an unknown Go.
    const name = root.image.split(':')[0]!;
    return !name.includes('$') && isGolangImage(name, options.golangRegistries ?? []) ? { golang: true, workdir: '/go', env: GOLANG_ENV, defaultUser: ROOT_USER } : { golang: false, env: new Map() };
  }
  const image = splitImageReference(reference);
  const golang = isGolangImage(image.name, options.golangRegistries ?? []);
  const family = golang ? familyById('golang') : builderFamilyOf(image.name);
  const facts: BaseImage = { reference, golang, env: family ? familyEnv(family) : new Map() };
  if (family) {
    facts.defaultUser = family.defaultUser;
    const workdir = FAMILY_WORKDIRS[family.id];
    if (workdir) facts.workdir = workdir;
  } else if (ROOT_DISTRIBUTIONS.test(image.name)) facts.workdir = '/';
  const versions = family ? stageGoVersions(reference, target, options) : undefined;
  if (versions) {
    facts.goVersion = versions.current;
    facts.goVersionAfter = versions.afterBump;
  }
  return facts;
}

const ROOT_USER = { name: 'root', uid: '0', gid: '0' };
const GOLANG_ENV: ReadonlyMap<string, string> = familyEnv(familyById('golang'));

function familyEnv(family: ImageFamily): ReadonlyMap<string, string> {
  const env = new Map(family.env);
  if (family.goToolchain === 'local') env.set('GOTOOLCHAIN', 'local');
  return env;
}

function globalArgDefaults(doc: Document): Map<string, string | null> {
  const defaults = new Map<string, string | null>();
  for (const instruction of globalArgs(doc)) {
    const node = instruction.ast as unknown as { getProperties?: () => { getName(): string; getValue(): string | null }[] };
    for (const property of node.getProperties?.() ?? []) defaults.set(property.getName(), unquote(property.getValue()));
  }
  return defaults;
}
