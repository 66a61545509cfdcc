// What dockmod knows of a stage's base image before the Dockerfile changes
// anything: is it a Go image, which Go it has, its working directory and the
// Go variables it sets.
import type { Document } from '../document.js';
import { compareGoVersions, parseGoVersion, type GoVersion } from '../go-version.js';
import { isGolangImage, splitGolangTag, splitImageReference } from '../image-ref.js';
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
  /** Go variables the image sets in its environment. */
  env: ReadonlyMap<string, string>;
}

const GOLANG_ENV: ReadonlyMap<string, string> = new Map([['GOPATH', '/go'], ['GOTOOLCHAIN', 'local']]);
const ROOT_DISTRIBUTIONS = /^(?:docker\.io\/|index\.docker\.io\/)?(?:library\/)?(?:alpine|debian|ubuntu|buildpack-deps|fedora|archlinux|amazonlinux|rockylinux|almalinux|busybox|scratch)$/;

/** The image at the root of the stage's FROM chain. */
export function baseImageOfStage(doc: Document, stage: Stage, golangRegistries: readonly string[]): BaseImage {
  const root = stageChain(stage)[0]!;
  const reference = expandVariables(root.image, globalArgDefaults(doc));
  if (reference === undefined) return { golang: false, env: new Map() };
  const image = splitImageReference(reference);
  const tag = image.tag ? reference.slice(image.tag.start, image.tag.end) : '';
  if (isGolangImage(image.name, golangRegistries)) {
    const split = splitGolangTag(tag);
    const version = split ? parseGoVersion(tag.slice(split.version.start, split.version.end)) : undefined;
    const facts: BaseImage = { reference, golang: true, workdir: '/go', env: GOLANG_ENV };
    if (version) facts.goVersion = version;
    return facts;
  }
  if (ROOT_DISTRIBUTIONS.test(image.name)) return { reference, golang: false, workdir: '/', env: new Map() };
  return { reference, golang: false, env: new Map() };
}

/** The Go the stage builds with once this run is done: the image's, raised to `target` when bump-go-image raises it. */
export function plannedGoVersion(image: BaseImage, target: GoVersion | undefined): GoVersion | undefined {
  if (!image.goVersion) return undefined;
  if (target && image.golang && compareGoVersions(target, image.goVersion) > 0) return target;
  return image.goVersion;
}

function globalArgDefaults(doc: Document): Map<string, string | null> {
  const defaults = new Map<string, string | null>();
  for (const instruction of globalArgs(doc)) {
    const node = instruction.ast as unknown as { getProperties?: () => { getName(): string; getValue(): string | null }[] };
    for (const property of node.getProperties?.() ?? []) defaults.set(property.getName(), unquote(property.getValue()));
  }
  return defaults;
}
