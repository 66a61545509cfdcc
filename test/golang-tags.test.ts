// The golang tag table: the maintainer script on a small git history, the
// shipped table, user tag lists and suggestions through the CLI.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stageGoVersions } from '../src/go-image-bump.js';
import { decideGolangTag, familyOf, nearestVariant } from '../src/golang-tag-bump.js';
import { builderFamilyOf, IMAGE_FAMILIES } from '../src/image-facts.js';
import type { TransformOptions } from '../src/transform.js';
import { parseGoVersion } from '../src/go-version.js';
import { builtInGolangTags, parseTagList, tagTableOf } from '../src/tag-lists.js';
import { makeTree, readTreeFile, runCli, writeTreeFile } from './support.js';

const ROOT = path.join(import.meta.dirname, '..');
const SCRIPT = path.join(ROOT, 'scripts', 'golang-tags.js');
const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });

function commit(repo: string, text: string, date: string): void {
  writeTreeFile(repo, 'library/golang', text);
  git(repo, 'add', '-A');
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', 'commit', '-qm', 'update'], {
    cwd: repo,
    env: { ...process.env, GIT_COMMITTER_DATE: date, GIT_AUTHOR_DATE: date },
  });
}

describe('scripts/golang-tags.js', () => {
  it('collects every tag ever listed in library/golang, old and new formats, from the git history', () => {
    const repo = makeTree({ 'README.md': 'official images\n' });
    git(repo, 'init', '-q');
    commit(repo, '1.3.0: git://github.com/docker-library/golang@abc 1.3\n1.3.0-onbuild: git://github.com/docker-library/golang@abc 1.3/onbuild\nlatest: git://github.com/docker-library/golang@abc 1.3\n', '2014-08-04T10:00:00Z');
    commit(
      repo,
      'Maintainers: x\n\nTags: 1.22.4-alpine3.19, 1.22-alpine3.19\nSharedTags: 1.22.4-alpine, 1.22-alpine\n\nTags: 1.22.4-bullseye, 1.22-bullseye, tip-20240601-bullseye\nSharedTags: 1.22.4, 1.22, latest\n',
      '2024-06-05T10:00:00Z',
    );
    // Tags removed later stay in the table: once published, they stay pullable.
    commit(repo, 'Tags: 1.23.0-alpine3.20, 1.23-alpine3.20, alpine3.20\n', '2024-08-14T10:00:00Z');
    writeTreeFile(repo, 'other/file', 'Tags: 9.9.9\n');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'unrelated');

    const out = path.join(repo, 'table.json');
    const printed = execFileSync(process.execPath, [SCRIPT, repo, out], { encoding: 'utf8' });
    expect(printed).toContain('3 commits from 2014-08-04 to 2024-08-14');
    const table = JSON.parse(readFileSync(out, 'utf8'));
    expect(table.date).toBe('2024-08-14');
    expect(table.source).toBe('github.com/docker-library/official-images, library/golang, 3 commits from 2014-08-04 to 2024-08-14');
    expect(table.versions).toEqual({
      '1.3.0': '- onbuild',
      '1.22.4': '- alpine alpine3.19 bullseye',
      '1.22': '- alpine alpine3.19 bullseye',
      '1.23.0': 'alpine3.20',
      '1.23': 'alpine3.20',
    });
    expect(table.floating).toEqual(['alpine3.20', 'latest']);
  });

  it('wrote the shipped table, which the package ships', () => {
    const shipped = builtInGolangTags();
    expect(shipped.source).toMatch(/^github\.com\/docker-library\/official-images, library\/golang, \d+ commits from 2014-08-04 to \d{4}-\d\d-\d\d$/);
    expect(shipped.table.has('1.22', 'alpine3.19')).toBe(true);
    expect(shipped.table.has('1.24', 'alpine3.19')).toBe(false);
    expect(shipped.table.has('1.26', 'bullseye')).toBe(false);
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(manifest.files).toContain('data/golang-tags.json');
  });
});

describe('deciding a golang tag', () => {
  const builtIn = { table: builtInGolangTags().table, source: { kind: 'built-in' as const } };
  const decide = (tag: string, variant: string, target: string) => decideGolangTag('golang', parseGoVersion(tag)!, variant, parseGoVersion(target)!, builtIn);

  it('names the patches a patch target was published as', () => {
    const decision = decide('1.24.1', 'bookworm', '1.24.99');
    expect(decision).toEqual({ kind: 'leave', reason: expect.stringContaining('golang:1.24.99-bookworm was never published; Go 1.24 was published with bookworm as 1.24.0, 1.24.1,') });
  });

  it('suggests the lowest published patch at or above the target when the variant has no family', () => {
    const decision = decide('1.22.1', 'alpine', '1.22.99');
    expect(decision.kind).toBe('leave');
    const lower = decide('1.21.1', 'bullseye', '1.22.7');
    expect(lower).toEqual({ kind: 'bump', version: '1.22.7', notes: [] });
  });

  it('orders variant families', () => {
    expect(familyOf('alpine3.9')!.rank).toBeLessThan(familyOf('alpine3.10')!.rank);
    expect(familyOf('bullseye')!.rank).toBeLessThan(familyOf('bookworm')!.rank);
    expect(familyOf('windowsservercore-1809')!.rank).toBeLessThan(familyOf('windowsservercore-ltsc2022')!.rank);
    expect(familyOf('alpine')).toBeUndefined();
    expect(nearestVariant('alpine3.19', new Set(['alpine3.21', 'alpine3.20', 'bookworm']))).toBe('alpine3.20');
    expect(nearestVariant('alpine3.23', new Set(['alpine3.21', 'alpine3.20']))).toBeUndefined();
  });

  it('reads a user list as its own table', () => {
    const table = tagTableOf(['1.28', '1.28-alpine', 'latest']);
    expect(table.has('1.28', '')).toBe(true);
    expect(table.newest()?.text).toBe('1.28');
  });
});

describe('tag list files', () => {
  it('reads skopeo JSON, a JSON array and crane lines', () => {
    expect(parseTagList('{"Repository": "docker.io/library/golang", "Tags": ["1.24", "latest"]}', 'f')).toEqual(['1.24', 'latest']);
    expect(parseTagList('["1.24"]', 'f')).toEqual(['1.24']);
    expect(parseTagList('1.24\r\n\r\n1.24-alpine\n', 'f')).toEqual(['1.24', '1.24-alpine']);
  });

  it('refuses what is not a tag list, naming the file', () => {
    expect(() => parseTagList('', 'tags.txt')).toThrow('tags.txt: the tag list is empty');
    expect(() => parseTagList('{"Tags": "1.24"}', 'tags.json')).toThrow('tags.json: has no "Tags" array');
    expect(() => parseTagList('{"Tags": [1]}', 'tags.json')).toThrow('tags.json: 1 (entry 1) is not an image tag');
    expect(() => parseTagList('{ broken', 'tags.json')).toThrow('tags.json: not valid JSON');
    expect(() => parseTagList('golang:1.24\n', 'tags.txt')).toThrow('tags.txt: "golang:1.24" (entry 1) is not an image tag');
  });
});

describe('the CLI', () => {
  const dockerfile = 'FROM golang:1.27-alpine3.24 AS build\nRUN go version\n';

  it('takes --golang-tags in both formats', async () => {
    for (const [name, list] of [
      ['tags.json', JSON.stringify({ Repository: 'docker.io/library/golang', Tags: ['1.28', '1.28-alpine3.24'] })],
      ['tags.txt', '1.28\n1.28-alpine3.24\n'],
    ] as const) {
      const root = makeTree({ Dockerfile: dockerfile, [name]: list });
      const result = await runCli(['--write', '-t', 'bump-go-image', '--go-version', '1.28', '--golang-tags', name], root);
      expect(result.stderr).toBe('dockmod: 1 file changed, 0 unchanged, 0 notes, 0 errors\n');
      expect(readTreeFile(root, 'Dockerfile')).toBe(dockerfile.replace('1.27', '1.28'));
    }
  });

  it('stops with exit 2 and the file named when the list is bad', async () => {
    const root = makeTree({ Dockerfile: dockerfile, 'tags.json': '{"Tags": [true]}' });
    const result = await runCli(['-t', 'bump-go-image', '--go-version', '1.28', '--golang-tags', 'tags.json'], root);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^dockmod: tags\.json: true \(entry 1\) is not an image tag/);
    const missing = await runCli(['--golang-tags', 'none.txt'], root);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^dockmod: none\.txt: cannot read the tag list \(no such file\)/);
  });

  it('bumps a mirrored golang image once the registry the note names is passed', async () => {
    for (const name of ['registry.corp.example', 'registry.corp.example:5000', 'us-docker.pkg.dev/acme/mirror', 'quay.io/acme']) {
      const text = `FROM ${name}/golang:1.22-alpine AS build\n`;
      const root = makeTree({ Dockerfile: text });
      const first = await runCli(['-t', 'bump-go-image', '--go-version', '1.24'], root);
      const advice = /pass (--golang-registry \S+)/.exec(first.stderr)?.[1];
      expect(advice, first.stderr).toBe(`--golang-registry ${name}`);
      const second = await runCli(['--write', '-t', 'bump-go-image', '--go-version', '1.24', ...advice!.split(' ')], root);
      expect(second.code).toBe(0);
      expect(readTreeFile(root, 'Dockerfile')).toBe(text.replace('1.22', '1.24'));
    }
  });

  it('shows suggestions with the notes and in JSON and SARIF, and applies them only with --apply-suggestions', async () => {
    const text = 'FROM golang:1.22-alpine3.19 AS build\n';
    const root = makeTree({ Dockerfile: text });
    const args = ['-t', 'bump-go-image', '--go-version', '1.24'];
    const diff = await runCli(args, root);
    expect(diff.stdout).toBe('');
    expect(diff.stderr).toContain('Dockerfile:1  bump-go-image  golang:1.24-alpine3.19 was never published; Go 1.24 has alpine3.20, alpine3.21, alpine3.22, alpine3.23 (and alpine, bookworm, bullseye, trixie) (suggestion: golang:1.24-alpine3.20; --apply-suggestions applies it)');

    const json = JSON.parse((await runCli([...args, '--json'], root)).stdout);
    expect(json.files[0].notes[0].suggestion).toEqual({
      description: 'golang:1.24-alpine3.20',
      applied: false,
      replacements: [
        { line: 1, column: 16, endLine: 1, endColumn: 17, text: '4' },
        { line: 1, column: 26, endLine: 1, endColumn: 28, text: '20' },
      ],
    });
    const sarif = JSON.parse((await runCli([...args, '--format', 'sarif'], root)).stdout);
    const fix = sarif.runs[0].results[0].fixes[0];
    expect(fix.description.text).toBe('suggested: golang:1.24-alpine3.20');
    expect(fix.artifactChanges[0].replacements[1]).toEqual({ deletedRegion: { startLine: 1, startColumn: 26, endLine: 1, endColumn: 28 }, insertedContent: { text: '20' } });
    expect(readTreeFile(root, 'Dockerfile')).toBe(text);

    const applied = await runCli([...args, '--write', '--apply-suggestions'], root);
    expect(applied.code).toBe(0);
    expect(applied.stderr).toContain('(suggestion applied: golang:1.24-alpine3.20)');
    expect(readTreeFile(root, 'Dockerfile')).toBe('FROM golang:1.24-alpine3.20 AS build\n');
    const again = await runCli([...args, '--apply-suggestions'], root);
    expect(again.stderr).toBe('dockmod: 0 files would change, 1 unchanged, 0 notes, 0 errors\n');
  });
});

describe('image facts', () => {
  it('cite a source for every fact they state', () => {
    for (const family of IMAGE_FAMILIES) {
      expect(family.sources.defaultUser, family.id).toMatch(/\S/);
      expect(family.sources.env, family.id).toMatch(/\S/);
      expect(family.sources.tags, family.id).toMatch(/\S/);
      if (family.goToolchain !== undefined) expect(family.sources.goToolchain, family.id).toMatch(/\S/);
    }
  });

  it('know go-toolset under both registry names and every UBI release, and nothing that merely looks like it', () => {
    for (const name of ['registry.access.redhat.com/ubi9/go-toolset', 'registry.redhat.io/ubi8/go-toolset', 'registry.access.redhat.com/ubi10/go-toolset']) {
      expect(builderFamilyOf(name)?.id, name).toBe('go-toolset');
    }
    for (const name of ['quay.io/acme/go-toolset', 'registry.access.redhat.com/ubi9/go-toolset-extra', 'registry.access.redhat.com/ubi7/go-toolset', 'cgr.dev/chainguard/go-fips']) {
      expect(builderFamilyOf(name), name).toBeUndefined();
    }
    expect(builderFamilyOf('cgr.dev/chainguard/go')?.id).toBe('chainguard-go');
    expect(builderFamilyOf('registry.suse.com/bci/golang')?.id).toBe('bci-golang');
  });
});

describe('stageGoVersions', () => {
  const target = parseGoVersion('1.24.0')!;
  const versions = (reference: string, options: Partial<TransformOptions> = {}) =>
    stageGoVersions(reference, target, { goVersion: '1.24.0', ...options });

  it('gives the Go version of the tag and the one bump-go-image sets', () => {
    expect(versions('golang:1.22-alpine')).toEqual({ current: parseGoVersion('1.22'), afterBump: parseGoVersion('1.24') });
    expect(versions('docker.io/library/golang:1.22.6-bookworm')).toEqual({ current: parseGoVersion('1.22.6'), afterBump: parseGoVersion('1.24.0') });
    expect(versions('registry.access.redhat.com/ubi9/go-toolset:1.22')).toEqual({ current: parseGoVersion('1.22'), afterBump: parseGoVersion('1.24') });
  });

  it('keeps the version where bump-go-image would not bump', () => {
    expect(versions('golang:1.22-alpine3.19')).toEqual({ current: parseGoVersion('1.22'), afterBump: parseGoVersion('1.22') });
    expect(versions('golang:1.25')).toEqual({ current: parseGoVersion('1.25'), afterBump: parseGoVersion('1.25') });
    expect(versions('golang:1.22@sha256:abc', { keepDigests: true })).toEqual({ current: parseGoVersion('1.22'), afterBump: parseGoVersion('1.22') });
    expect(versions('registry.access.redhat.com/ubi9/go-toolset:1.25.3-1767788444')?.afterBump).toEqual(parseGoVersion('1.25.3'));
    expect(stageGoVersions('golang:1.22', undefined, { goVersion: 'auto' })).toEqual({ current: parseGoVersion('1.22'), afterBump: parseGoVersion('1.22') });
  });

  it('knows no version for moving tags, RHEL-release tags and other images', () => {
    for (const reference of ['golang', 'golang:alpine', 'cgr.dev/chainguard/go:latest', 'registry.access.redhat.com/ubi9/go-toolset:9.6-1753221510', 'node:20', 'acme/go-app-base:2.3', 'acme/go-builder:1.2.0']) {
      expect(versions(reference), reference).toBeUndefined();
    }
    // A golang mirror dockmod was not told of: its golang-style tag names its Go, which is never bumped.
    expect(versions('registry.corp.example/golang:1.22')).toEqual({ current: parseGoVersion('1.22'), afterBump: parseGoVersion('1.22') });
    expect(versions('someorg/golang-dev:1.10.3-alpine')?.current).toEqual(parseGoVersion('1.10.3'));
    expect(versions('registry.corp.example/golang:1.22', { golangRegistries: ['registry.corp.example'] })?.afterBump).toEqual(parseGoVersion('1.24'));
  });
});
