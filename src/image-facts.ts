// What dockmod knows about the Go builder images, in one table: for each image
// family, the default user, the Go variables the image sets, whether it pins
// the toolchain, and its tag scheme, each fact with where it was established.
// A fact that is not established is absent, and the transforms that need it
// keep refusing with a note.

export type FamilyId = 'golang' | 'go-toolset' | 'chainguard-go' | 'bci-golang';

export interface ImageAccount {
  name: string;
  uid: string;
  gid: string;
}

export interface ImageFamily {
  id: FamilyId;
  /** How the family is named in notes. */
  title: string;
  /** The user the image runs as when no USER applies. */
  defaultUser: ImageAccount;
  /** Variables the image sets with ENV (they hold whatever USER a stage sets). */
  env: ReadonlyMap<string, string>;
  /** GOTOOLCHAIN as the image sets it; undefined where not established. */
  goToolchain?: 'local' | 'local+auto';
  tags: TagScheme;
  /** Where each fact comes from. */
  sources: Readonly<Record<string, string>>;
}

export interface TagScheme {
  /** Tags that always pull the newest build (nothing to bump). */
  moving: readonly string[];
  /**
   * A tag whose version part is followed by a build stamp that cannot be
   * derived offline (`1.25.3-1767788444`); the version is group 1.
   */
  stamped?: RegExp;
  /** Tags that name something other than a Go version (`9.6-1753221510`, a RHEL release). */
  notGoVersion?: RegExp;
  /** What such a tag names, for notes. */
  notGoVersionMeaning?: string;
  /** Minor tags known to exist (`1.24`), where established; undefined: only a user's list tells. */
  minorTags?: readonly string[];
  /**
   * What the moving tags (and no tag) give when they lag Go's releases: then
   * they give at least the newest tag known, and a newer target may not be met.
   * Undefined: they follow Go's releases (or the image fetches the toolchain go.mod needs).
   */
  movingLagsGo?: string;
}

const GOLANG_DOCKERFILE = 'github.com/docker-library/golang, the Dockerfile template (Dockerfile-linux.template): ENV GOPATH /go, ENV GOTOOLCHAIN=local, no USER';
const S2I_CORE = 'github.com/sclorg/s2i-base-container core/Dockerfile.rhel9 (the base of go-toolset): ENV HOME=/opt/app-root/src; useradd -u 1001 -r -g 0 -d ${HOME} ... default';
const GO_TOOLSET_USERS =
  'public Dockerfiles on ubi9/go-toolset agree: RUN --mount=type=cache,target=/opt/app-root/src/go/pkg/mod,uid=1001[,gid=0] and target=/opt/app-root/src/.cache/go-build (GOPATH unset: $HOME/go)';
const CHAINGUARD = 'github.com/chainguard-images/images images/go/config/main.tf (accounts run-as = 0; environment GOTOOLCHAIN=local+auto, no GOPATH) and chainguard-dev/edu reference/go/image_specs.md (default user root; tags latest, latest-dev)';
const BCI = 'github.com/SUSE/BCI-dockerfile-generator src/bci_build/package/golang.py: env GOPATH=/go, GOTOOLCHAIN=local; no user set (BCI images run as root); tags <minor>, <minor>-openssl, stable, oldstable, latest';

const ROOT: ImageAccount = { name: 'root', uid: '0', gid: '0' };

export const IMAGE_FAMILIES: readonly ImageFamily[] = [
  {
    id: 'golang',
    title: 'the official golang image',
    defaultUser: ROOT,
    env: new Map([['GOPATH', '/go']]),
    goToolchain: 'local',
    tags: { moving: ['latest'] },
    sources: { defaultUser: GOLANG_DOCKERFILE, env: GOLANG_DOCKERFILE, goToolchain: GOLANG_DOCKERFILE, tags: 'data/golang-tags.json' },
  },
  {
    id: 'go-toolset',
    title: 'UBI go-toolset',
    defaultUser: { name: 'default', uid: '1001', gid: '0' },
    env: new Map([['HOME', '/opt/app-root/src']]),
    tags: {
      moving: ['latest'],
      stamped: /^(1\.\d+\.\d+)-\d+(?:\.\d+)*$/,
      notGoVersion: /^(?:[2-9]|\d{2,})\.\d+(?:-[0-9.]+)?$/,
      notGoVersionMeaning: 'a RHEL release and build',
      minorTags: ['1.18', '1.19', '1.20', '1.21', '1.22', '1.23', '1.24', '1.25', '1.26'],
      movingLagsGo: "the newest Go Red Hat has shipped in go-toolset, which comes with a RHEL minor release, months after Go's",
    },
    sources: {
      defaultUser: `${S2I_CORE}; the go-toolset Dockerfiles (sclorg/golang-container) end with USER 1001`,
      env: `${S2I_CORE}; ${GO_TOOLSET_USERS}`,
      tags: 'Red Hat updates Go Toolset with RHEL minor releases (about twice a year), so latest lags Go releases; public Dockerfiles use ubi9/go-toolset:1.18.4-11, 1.20, 1.21.11-7.1724661022, 1.23, 1.25, 9.6-1753221510, 9.8-1785443561 and latest; minor tags 1.21 to 1.26 per DD-BUILD-001 (issue 15)',
    },
  },
  {
    id: 'chainguard-go',
    title: 'Chainguard go',
    defaultUser: ROOT,
    env: new Map(),
    goToolchain: 'local+auto',
    tags: { moving: ['latest', 'latest-dev'] },
    sources: { defaultUser: CHAINGUARD, env: CHAINGUARD, goToolchain: CHAINGUARD, tags: CHAINGUARD },
  },
  {
    id: 'bci-golang',
    title: 'SUSE BCI golang',
    defaultUser: ROOT,
    env: new Map([['GOPATH', '/go']]),
    goToolchain: 'local',
    tags: { moving: ['latest', 'stable', 'oldstable', 'stable-openssl', 'oldstable-openssl'], stamped: /^(1\.\d+\.\d+)-\d+(?:\.\d+)*$/ },
    sources: { defaultUser: BCI, env: BCI, goToolchain: BCI, tags: BCI },
  },
];

const GO_TOOLSET = /^(?:registry\.access\.redhat\.com|registry\.redhat\.io)\/(ubi(?:8|9|10))\/go-toolset$/;

/** The family of a non-golang Go builder image name (the official golang image is matched in image-ref.ts). */
export function builderFamilyOf(name: string): ImageFamily | undefined {
  const lower = name.toLowerCase();
  if (GO_TOOLSET.test(lower)) return familyById('go-toolset');
  if (lower === 'cgr.dev/chainguard/go') return familyById('chainguard-go');
  if (lower === 'registry.suse.com/bci/golang') return familyById('bci-golang');
  return undefined;
}

export function familyById(id: FamilyId): ImageFamily {
  return IMAGE_FAMILIES.find((family) => family.id === id)!;
}

/**
 * The other names of the same image (`registry.redhat.io/ubi9/go-toolset` for
 * `registry.access.redhat.com/ubi9/go-toolset`), for a user's tag list given
 * under either name.
 */
export function sameImageNames(name: string): string[] {
  const match = GO_TOOLSET.exec(name.toLowerCase());
  if (!match) return [name];
  return [name, ...['registry.access.redhat.com', 'registry.redhat.io'].map((host) => `${host}/${match[1]}/go-toolset`).filter((other) => other !== name)];
}

/**
 * The Go version a builder image outside the families names in its tag, as a
 * word `go<version>` or `golang-<version>`: `go1.20-linux` (1.20),
 * `rhel-9-golang-1.22-openshift-4.18` (1.22, not the RHEL 9 nor OpenShift 4.18).
 * Such a tag follows no scheme dockmod could move, but it tells the image's Go.
 */
export function goVersionNamedInTag(tag: string): string | undefined {
  return /(?:^|[-_.])go(?:lang)?[-_]?(\d+\.\d+(?:\.\d+)?)(?=$|[-_])/i.exec(tag)?.[1];
}

/**
 * The Go version an image outside the families names: in its tag as a word (goVersionNamedInTag), or, for a name that
 * says golang as a word of its last part (`acme/golang-dev`, `mirror/golang`), a golang-style tag (`1.10.3-alpine`, as
 * the official image's tags are). Only a Go 1 version counts (`go-app-base:2.3` says nothing of Go).
 */
export function goVersionNamedBy(name: string, tag: string): string | undefined {
  const inTag = goVersionNamedInTag(tag);
  if (inTag !== undefined) return inTag;
  const last = name.toLowerCase().split('/').at(-1)!;
  if (!/(?:^|-)golang(?:-|$)/.test(last)) return undefined;
  return /^(1\.\d+(?:\.\d+)?)(?=$|-)/.exec(tag)?.[1];
}

/**
 * An image outside the families that holds Go, as far as its name and tag
 * tell: the last part of its name is, or has the dash-separated word, `go` or
 * `golang` (`quay.io/acme/golang`, `oss-fuzz-base/base-builder-go`,
 * `go-app-base`; not `golangci-lint`, `mygolang`, `golang-migrate/migrate`),
 * or its tag names a Go version (`builder:go1.20-linux`).
 */
export function namesGo(name: string, tag: string | undefined): boolean {
  const last = name.toLowerCase().split('/').at(-1)!;
  return /(?:^|-)go(?:lang)?(?:-|$)/.test(last) || (tag !== undefined && goVersionNamedInTag(tag) !== undefined);
}

/**
 * Go images outside the families whose user and Go variables are established, but whose tags dockmod does not move:
 * tool images built FROM golang whose tags name the tool's releases (their Go cannot be read from the tag), and
 * Bitnami's golang (its tags name Go, `1.24.4-debian-12-r0`, read as the Go they give; no tag list is established).
 * Each with where that is established.
 */
export interface OtherGoImage {
  name: RegExp;
  /** How notes name it. */
  title: string;
  env: ReadonlyMap<string, string>;
  workdir: string;
  source: string;
  /** The facts hold for tags whose Go is at least this (older builds set other variables); older or unreadable tags: unknown. */
  factsSince?: string;
}

export const OTHER_GO_IMAGES: readonly OtherGoImage[] = [
  {
    name: /^(?:docker\.io\/|index\.docker\.io\/|ghcr\.io\/)?goreleaser\/goreleaser(?:-pro)?$/,
    title: 'the goreleaser image',
    env: new Map([['GOPATH', '/go'], ['GOTOOLCHAIN', 'local']]),
    workdir: '/go',
    source: 'github.com/goreleaser/goreleaser Dockerfile: FROM golang:<version>-alpine, no USER, no ENV of its own (goreleaser-pro is built alike)',
  },
  {
    name: /^(?:docker\.io\/)?bitnami\/golang$/,
    title: 'Bitnami golang',
    env: new Map([['GOPATH', '/go'], ['GOCACHE', '/go/.cache']]),
    workdir: '/go',
    source: 'github.com/bitnami/containers bitnami/golang/<minor>/debian-12/Dockerfile: ENV GOCACHE="/go/.cache" GOPATH="/go", WORKDIR $GOPATH, no USER; the 1.13-1.17 debian-10 builds set GOPATH alone',
    factsSince: '1.18',
  },
];

/** A Go image of OTHER_GO_IMAGES, by name. */
export function otherGoImageOf(name: string): OtherGoImage | undefined {
  const lower = name.toLowerCase();
  return OTHER_GO_IMAGES.find((image) => image.name.test(lower));
}

/** Images known to run as root and set no Go variables: Go installed from the distribution. */
const ROOT_DISTRIBUTIONS = new RegExp([
  /^(?:docker\.io\/|index\.docker\.io\/)?(?:library\/)?(?:alpine|debian|ubuntu|buildpack-deps|fedora|archlinux|amazonlinux|rockylinux|almalinux|busybox|scratch|centos|oraclelinux)$/.source,
  // The same distributions from their own registries, and Red Hat's UBI base images (no USER in their Dockerfiles: root).
  /^quay\.io\/(?:centos\/centos|fedora\/fedora)$|^registry\.fedoraproject\.org\/fedora$/.source,
  /^(?:(?:registry\.access\.redhat\.com|registry\.redhat\.io)\/ubi(?:7|8|9|10)(?:-minimal|-init)?(?:\/ubi(?:-minimal|-init)?)?|(?:docker\.io\/)?redhat\/ubi(?:7|8|9|10)(?:-minimal|-init)?)$/.source,
  /^(?:quay\.io\/fedora|registry\.fedoraproject\.org)\/fedora-minimal$|^(?:docker\.io\/)?(?:library\/)?fedora-minimal$|^container-registry\.oracle\.com\/os\/oraclelinux$/.source,
  // Oracle's own copy on GitHub's registry, openSUSE's images (Docker Hub's opensuse/ and registry.opensuse.org), Amazon's
  // ECR copies of the Docker official images and of Amazon Linux: the same images, root, no USER.
  /^ghcr\.io\/oracle\/oraclelinux$|^(?:(?:docker\.io\/)?opensuse|registry\.opensuse\.org\/opensuse)\/(?:leap|tumbleweed)$/.source,
  /^public\.ecr\.aws\/(?:docker\/library\/(?:alpine|debian|ubuntu|buildpack-deps|fedora|archlinux|amazonlinux|rockylinux|almalinux|busybox|centos|oraclelinux)|amazonlinux\/amazonlinux)$/.source,
].join('|'));

/** A plain distribution image (`alpine`, `quay.io/centos/centos`, `ubi9/ubi`): root, no Go variables, Go from its packages. */
export function isRootDistribution(name: string): boolean {
  return ROOT_DISTRIBUTIONS.test(name.toLowerCase());
}

/** Where the golang image installs Go (docker-library/golang: GOROOT /usr/local/go). */
export const GOLANG_GOROOT = '/usr/local/go';

/** A module root at `/` or above the Go installation: its packages are the image's whole file system (tidy reads them all). */
export function holdsTheSystem(moduleRoot: string): boolean {
  return moduleRoot === '/' || GOLANG_GOROOT.startsWith(`${moduleRoot}/`);
}

/** Minor tags are established for ubi9 only; ubi8 and ubi10 need a user's list. */
export function knownMinorTags(family: ImageFamily, name: string): readonly string[] | undefined {
  if (family.id === 'go-toolset' && !/\/ubi9\//.test(name.toLowerCase())) return undefined;
  return family.tags.minorTags;
}

/**
 * The Go that Debian's and Ubuntu's own package (`golang-go`, `golang`) installs, per release (the distributions'
 * package archives: the golang-defaults package of each release). A release not listed, or a moving tag (`latest`,
 * `stable`), says nothing.
 */
const DISTRIBUTION_GO: Record<string, Record<string, string>> = {
  debian: { jessie: '1.3', '8': '1.3', stretch: '1.7', '9': '1.7', buster: '1.11', '10': '1.11', bullseye: '1.15', '11': '1.15', bookworm: '1.19', '12': '1.19', trixie: '1.24', '13': '1.24' },
  ubuntu: { trusty: '1.2', '14.04': '1.2', xenial: '1.6', '16.04': '1.6', bionic: '1.10', '18.04': '1.10', focal: '1.13', '20.04': '1.13', jammy: '1.18', '22.04': '1.18', noble: '1.22', '24.04': '1.22' },
};

/** The Go the distribution package installs on `name:tag` (`ubuntu:20.04`: Go 1.13), undefined when not known. */
export function distributionGoOf(name: string, tag: string | undefined): string | undefined {
  const releases = DISTRIBUTION_GO[name.toLowerCase().split('/').at(-1)!];
  if (!releases || tag === undefined) return undefined;
  const release = tag.split('-')[0]!;
  return releases[release] ?? (/^\d+\.\d+$/.test(release) && name.toLowerCase().endsWith('debian') ? releases[release.split('.')[0]!] : undefined);
}
