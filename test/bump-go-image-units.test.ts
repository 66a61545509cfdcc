// The pieces bump-go-image stands on: Go versions, image references, and the
// expansion of FROM images with global ARGs.
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../src/document.js';
import { expandImage, globalArgDeclarations, outerRangeOf, sourceRangeOf, UNKNOWN, type Source } from '../src/from-expansion.js';
import { compareGoVersions, goVersionProblem, isValidGoVersion, parseGoVersion } from '../src/go-version.js';
import { isGolangImage, mirroredGolangPrefix, splitGolangTag, splitImageReference } from '../src/image-ref.js';
import { satisfies, versionAskedBy } from '../src/go-image-bump.js';
import { goVersionNamedInTag, namesGo } from '../src/image-facts.js';
import { globalArgs } from '../src/stages.js';

const version = (text: string) => {
  const parsed = parseGoVersion(text);
  if (!parsed) throw new Error(`not a version: ${text}`);
  return parsed;
};

describe('the Go version a module asks for', () => {
  it('is the higher of the go and toolchain lines; a go line without a patch is a language version', () => {
    expect(versionAskedBy({ goVersion: '1.22', toolchain: '1.24.5' }).version).toMatchObject({ minor: 24, patch: 5 });
    expect(versionAskedBy({ goVersion: '1.24.5', toolchain: '1.22.0' }).version?.language).toBeUndefined();
    expect(versionAskedBy({ goVersion: '1.18' }).version).toMatchObject({ minor: 18, language: true });
    expect(versionAskedBy({ goVersion: '1.21rc1' }).version?.language).toBeUndefined();
    expect(versionAskedBy({})).toEqual({});
    expect(versionAskedBy({ goVersion: '1.22', toolchain: 'local' })).toEqual({ unreadable: 'local' });
  });

  it('a pre-release image meets a language version of its minor (Go: 1.18 < 1.18rc1 < 1.18.0), not a release', () => {
    const asked = (goLine: string) => versionAskedBy({ goVersion: goLine }).version!;
    expect(satisfies(version('1.18rc1'), asked('1.18'))).toBe(true);
    expect(satisfies(version('1.18beta2'), asked('1.18'))).toBe(true);
    expect(satisfies(version('1.18rc1'), asked('1.18.0'))).toBe(false);
    expect(satisfies(version('1.18rc1'), version('1.18'))).toBe(false); // --go-version 1.18: the release
    expect(satisfies(version('1.17.3'), asked('1.18'))).toBe(false);
    expect(satisfies(version('1.19rc1'), asked('1.18'))).toBe(true);
  });
});

describe('Go versions', () => {
  it('parses every form Go writes', () => {
    expect(parseGoVersion('1.21rc1')).toMatchObject({ major: 1, minor: 21, prerelease: { kind: 'rc', number: 1 } });
    expect(parseGoVersion('1.24.5')).toMatchObject({ major: 1, minor: 24, patch: 5 });
    expect(parseGoVersion('1')).toMatchObject({ major: 1 });
    for (const bad of ['', 'go1.21', '1.21.', '1.021', '1.21.0.1', '1.21rc', '1.21.1rc1', 'v1.21', '1.21 ']) {
      expect(parseGoVersion(bad), bad).toBeUndefined();
    }
  });

  it('orders numerically, pre-releases first, 1.21 equal to 1.21.0', () => {
    const ordered = ['1.9', '1.20', '1.21beta1', '1.21rc1', '1.21rc2', '1.21.0', '1.21.1', '1.21.10', '1.22'];
    for (let i = 1; i < ordered.length; i++) {
      expect(compareGoVersions(version(ordered[i - 1]!), version(ordered[i]!)), `${ordered[i - 1]} < ${ordered[i]}`).toBeLessThan(0);
    }
    expect(compareGoVersions(version('1.21'), version('1.21.0'))).toBe(0);
  });

  it('accepts only releases as a target', () => {
    expect(isValidGoVersion('1.24')).toBe(true);
    expect(isValidGoVersion('1.24.5')).toBe(true);
    for (const bad of ['1', '1.24rc1', 'go1.24', '1.24.x', 'auto']) expect(isValidGoVersion(bad), bad).toBe(false);
    expect(goVersionProblem('auto')).toBeUndefined();
    expect(goVersionProblem('1.24.x')).toContain('1.24.x');
  });
});

describe('image references', () => {
  it('splits name, tag and digest', () => {
    const reference = 'localhost:5000/library/golang:1.23-alpine@sha256:abc';
    const parts = splitImageReference(reference);
    expect(parts.name).toBe('localhost:5000/library/golang');
    expect(reference.slice(parts.tag!.start, parts.tag!.end)).toBe('1.23-alpine');
    expect(reference.slice(parts.digest!.start)).toBe('@sha256:abc');
    expect(splitImageReference('localhost:5000/golang')).toEqual({ name: 'localhost:5000/golang' });
  });

  it('knows the official names and refuses lookalikes', () => {
    for (const name of ['golang', 'docker.io/library/golang', 'public.ecr.aws/docker/library/golang', 'mirror.gcr.io/library/golang']) {
      expect(isGolangImage(name), name).toBe(true);
    }
    for (const name of ['golangci/golangci-lint', 'golang-migrate/migrate', 'mygolang', 'bitnami/golang', 'ghcr.io/golang', 'quay.io/x/golang']) {
      expect(isGolangImage(name), name).toBe(false);
    }
    expect(isGolangImage('registry.corp.example/library/golang', ['registry.corp.example'])).toBe(true);
    expect(isGolangImage('registry.corp.example/golang', ['other.example'])).toBe(false);
    expect(mirroredGolangPrefix('registry.corp.example/golang')).toBe('registry.corp.example');
    expect(mirroredGolangPrefix('registry.corp.example:5000/library/golang')).toBe('registry.corp.example:5000');
    expect(mirroredGolangPrefix('us-docker.pkg.dev/acme/mirror/golang')).toBe('us-docker.pkg.dev/acme/mirror');
    expect(mirroredGolangPrefix('quay.io/acme/golang')).toBe('quay.io/acme');
    expect(mirroredGolangPrefix('bitnami/golang')).toBeUndefined();
    expect(mirroredGolangPrefix('quay.io/acme/golang-tools')).toBeUndefined();
    for (const prefix of ['registry.corp.example', 'registry.corp.example:5000', 'us-docker.pkg.dev/acme/mirror', 'quay.io/acme']) {
      expect(isGolangImage(`${prefix}/golang`, [prefix]), prefix).toBe(true);
      expect(isGolangImage(`${prefix}/library/golang`, [prefix]), prefix).toBe(true);
      expect(isGolangImage(`${prefix}/golang`, [`${prefix}/other`]), prefix).toBe(false);
    }
  });

  it('splits golang tags into version and variant', () => {
    expect(splitGolangTag('1.23.4-alpine3.21')).toEqual({ version: { start: 0, end: 6 }, variant: 'alpine3.21' });
    expect(splitGolangTag('1.23')).toEqual({ version: { start: 0, end: 4 }, variant: '' });
    for (const tag of ['latest', 'alpine', 'tip-20240101', 'bookworm']) expect(splitGolangTag(tag), tag).toBeUndefined();
  });
});

describe('Go named in a builder tag', () => {
  it('reads the word go<version> or golang-<version>, not the other numbers of the tag', () => {
    expect(goVersionNamedInTag('go1.20-linux')).toBe('1.20');
    expect(goVersionNamedInTag('rhel-9-golang-1.22-openshift-4.18')).toBe('1.22');
    expect(goVersionNamedInTag('v2.1-go1.21.5')).toBe('1.21.5');
    expect(goVersionNamedInTag('golang1.23')).toBe('1.23');
    for (const other of ['1.22', 'rhel-9-base-openshift-4.18', 'v1.55.2', 'cargo1.70', 'go1', 'go1.20x']) expect(goVersionNamedInTag(other), other).toBeUndefined();
  });

  it('tells an image that holds Go by the last part of its name or by its tag', () => {
    for (const name of ['quay.io/acme/golang', 'gcr.io/oss-fuzz-base/base-builder-go', 'harbor.example/library/go-app-base']) expect(namesGo(name, undefined), name).toBe(true);
    expect(namesGo('registry.ci.openshift.org/stolostron/builder', 'go1.20-linux')).toBe(true);
    for (const name of ['golangci/golangci-lint', 'golang-migrate/migrate', 'mygolang', 'registry.ci.openshift.org/stolostron/builder']) expect(namesGo(name, 'latest'), name).toBe(false);
  });
});

describe('FROM expansion', () => {
  const expand = (text: string) => {
    const doc = parseDocument(text);
    const from = doc.instructions.find((instruction) => instruction.keyword === 'FROM')!;
    const start = text.indexOf(from.args[0]!, from.argsStart);
    const source: Source = { kind: 'from', instruction: from, start, end: start + from.args[0]!.length };
    return { doc, expansion: expandImage(doc, source, globalArgDeclarations(doc, globalArgs(doc))) };
  };

  it('follows ARG defaults through other ARGs and remembers where each character lives', () => {
    const text = 'ARG V="1.23"\nARG IMAGE=golang:${V}-alpine\nFROM $IMAGE\n';
    const { expansion } = expand(text);
    expect(expansion.text).toBe('golang:1.23-alpine');
    const range = sourceRangeOf(expansion, 7, 11)!;
    expect(range.source.name).toBe('V');
    expect(text.slice(range.start, range.end)).toBe('1.23');
    expect(outerRangeOf(expansion, 7, 11)).toBeUndefined();
    expect(text.slice(outerRangeOf(expansion, 0, expansion.text.length)!.start, outerRangeOf(expansion, 0, expansion.text.length)!.end)).toBe('$IMAGE');
  });

  it('marks variables without a value, uses ${VAR:-word} fallbacks, and takes the last declaration', () => {
    expect(expand('ARG V\nFROM golang:${V}\n').expansion).toMatchObject({ text: `golang:${UNKNOWN}`, unknown: ['V'] });
    expect(expand('ARG V\nFROM golang:${V:-1.22}\n').expansion.text).toBe('golang:1.22');
    expect(expand('ARG V=\nFROM golang:${V-1.22}x\n').expansion.text).toBe('golang:x');
    expect(expand('ARG V=1.21\nARG V=1.22\nFROM golang:$V\n').expansion.text).toBe('golang:1.22');
    expect(expand("ARG V='${X}'\nFROM golang:$V\n").expansion.text).toBe('golang:${X}');
  });

  it('flags forms it does not model', () => {
    expect(expand('ARG V=1\nFROM golang:${V:+1.22}\n').expansion.unclear).toBeDefined();
    expect(expand('ARG V=1\nFROM golang:${V%.*}\n').expansion.unclear).toBeDefined();
    expect(expand('ARG V=a"b"\nFROM golang:$V\n').expansion.unclear).toBeDefined();
  });
});
