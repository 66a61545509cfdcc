// Go release versions as Go writes them (1.21, 1.21.0, 1.21rc1, 1.22beta2),
// parsed and compared numerically: 1.21rc1 < 1.21.0, and 1.21 == 1.21.0.

export interface GoVersion {
  major: number;
  /** Absent for a major-only version such as the image tag `1`. */
  minor?: number;
  patch?: number;
  prerelease?: { kind: 'beta' | 'rc'; number: number };
  /** The version as written. */
  text: string;
  /**
   * A go.mod go line without a patch (`go 1.18`): a language version, which every release and pre-release of that
   * minor satisfies (Go orders 1.18 < 1.18rc1 < 1.18.0).
   */
  language?: true;
}

const NUMBER = '(0|[1-9][0-9]*)';
const ANY_VERSION = new RegExp(`^${NUMBER}(?:\\.${NUMBER}(?:\\.${NUMBER}|(beta|rc)${NUMBER})?)?$`);
const RELEASE_TARGET = new RegExp(`^${NUMBER}\\.${NUMBER}(?:\\.${NUMBER})?$`);

/** Any Go version form: 1, 1.21, 1.21.3, 1.21rc1, 1.21beta2. Undefined for anything else (no `go` prefix, no spaces). */
export function parseGoVersion(text: string): GoVersion | undefined {
  const match = ANY_VERSION.exec(text);
  if (!match) return undefined;
  const [, major, minor, patch, kind, number] = match;
  const version: GoVersion = { major: Number(major), text };
  if (minor !== undefined) version.minor = Number(minor);
  if (patch !== undefined) version.patch = Number(patch);
  if (kind !== undefined) version.prerelease = { kind: kind as 'beta' | 'rc', number: Number(number) };
  return version;
}

/** A valid `--go-version` value: a release written as major.minor or major.minor.patch (1.24, 1.24.5). */
export function isValidGoVersion(text: string): boolean {
  return RELEASE_TARGET.test(text);
}

/** The CLI's message for an invalid `--go-version`. */
export function goVersionProblem(text: string): string | undefined {
  if (text === 'auto' || isValidGoVersion(text)) return undefined;
  return `invalid Go version "${text}": expected auto, or a release such as 1.24 or 1.24.5`;
}

/**
 * Numeric order. A missing minor or patch counts as 0 (1.21 == 1.21.0);
 * a pre-release comes before its release (1.21beta1 < 1.21rc1 < 1.21.0).
 */
export function compareGoVersions(a: GoVersion, b: GoVersion): number {
  return (
    a.major - b.major ||
    (a.minor ?? 0) - (b.minor ?? 0) ||
    (a.patch ?? 0) - (b.patch ?? 0) ||
    prereleaseRank(a) - prereleaseRank(b)
  );
}

function prereleaseRank(version: GoVersion): number {
  const pre = version.prerelease;
  if (!pre) return Number.MAX_SAFE_INTEGER;
  return (pre.kind === 'beta' ? 0 : 1_000_000) + pre.number;
}

export function isPrerelease(version: GoVersion): boolean {
  return version.prerelease !== undefined;
}

/** The build cache (GOCACHE) exists since Go 1.10; the module cache since 1.11. */
export const BUILD_CACHE_SINCE = parseGoVersion('1.10')!;
/** `-mod=mod` exists since Go 1.14 (older releases reject it: "-mod=mod not supported"). */
export const MOD_MOD_SINCE = parseGoVersion('1.14')!;
export const MODULE_CACHE_SINCE = parseGoVersion('1.11')!;
/** Since Go 1.13, GO111MODULE=auto builds in module mode inside $GOPATH/src too when a go.mod is there (before: GOPATH mode). */
export const AUTO_MODULES_IN_GOPATH_SINCE = parseGoVersion('1.13')!;

const TIDY_CHECKS_GO_LINE_SINCE = parseGoVersion('1.16')!;
/** Go switches to the toolchain go.mod asks for (GOTOOLCHAIN) since 1.21. */
export const TOOLCHAIN_SWITCH_SINCE = parseGoVersion('1.21')!;

/**
 * Go `go` refuses to tidy a go.mod whose go line `asked` is newer than `go` itself: the build goes on (it only warns), but
 * go mod tidy exits ("maximum version supported by tidy", Go 1.17 to 1.20; 1.16 is counted in, to be safe). Older Go
 * tidies such a go.mod; Go 1.21 and later switch toolchains.
 */
export function tidyRefusesNewerGoLine(asked: GoVersion, go: GoVersion): boolean {
  if (go.minor === undefined || compareGoVersions(go, TIDY_CHECKS_GO_LINE_SINCE) < 0 || compareGoVersions(go, TOOLCHAIN_SWITCH_SINCE) >= 0) return false;
  return compareGoVersions(asked, go) > 0 && !(asked.major === go.major && asked.minor === go.minor);
}
