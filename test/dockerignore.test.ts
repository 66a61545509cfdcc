// .dockerignore as Docker reads it (moby/patternmatcher), erring on "left out"
// where builders may differ: what insert-mod-tidy's missing module folders rest on.
import { describe, expect, it } from 'vitest';
import { contextExcludesOf, parseDockerignore } from '../src/model/dockerignore.js';
import type { ProjectFiles } from '../src/model/files.js';

function excludes(dockerignore: string): (relative: string) => boolean {
  const files: ProjectFiles = {
    isFile: (file) => file === '/ctx/.dockerignore',
    isDirectory: () => false,
    read: (file) => (file === '/ctx/.dockerignore' ? dockerignore : undefined),
    list: () => [],
    rootOf: () => '/ctx',
  };
  return contextExcludesOf(files, '/ctx/Dockerfile', '/ctx');
}

describe('.dockerignore', () => {
  it("reads the Dockerfile's own <Dockerfile>.dockerignore in place of the context's, as BuildKit does", () => {
    const texts: Record<string, string> = { '/ctx/.dockerignore': 'docs\n', '/ctx/build/app.Dockerfile.dockerignore': '*\n!/go.*\n!/cmd\n' };
    const files: ProjectFiles = {
      isFile: (file) => file in texts,
      isDirectory: () => false,
      read: (file) => texts[file],
      list: () => [],
      rootOf: () => '/ctx',
    };
    const own = contextExcludesOf(files, '/ctx/build/app.Dockerfile', '/ctx');
    expect(own('internal/x.go')).toBe(true);
    expect(own('cmd/app/main.go')).toBe(false);
    expect(own('docs/a.md')).toBe(true);
    const context = contextExcludesOf(files, '/ctx/Dockerfile', '/ctx');
    expect(context('internal/x.go')).toBe(false);
    expect(context('docs/a.md')).toBe(true);
  });

  it('matches a pattern without a slash at the root only, and everything in a folder it names', () => {
    const left = excludes('*.md\ndocs\n');
    expect(left('README.md')).toBe(true);
    expect(left('pkg/README.md')).toBe(false);
    expect(left('docs/gen/a.go')).toBe(true);
    expect(left('pkg/docs/a.go')).toBe(false);
  });

  it('takes ** across folders, at the start, the middle and the end', () => {
    const left = excludes('**/*_test.go\nbuild/**\na/**/z.go\n');
    expect(left('x_test.go')).toBe(true);
    expect(left('pkg/deep/x_test.go')).toBe(true);
    expect(left('pkg/x.go')).toBe(false);
    expect(left('build/out/a.go')).toBe(true);
    expect(left('a/z.go')).toBe(true);
    expect(left('a/b/c/z.go')).toBe(true);
  });

  it('lets the last matching pattern win, and an exception bring back a folder it starts with', () => {
    const left = excludes('# only what the build needs\n*\n!/*.go\n!/go.*\n!/cmd/*\n!internal/\n');
    expect(left('main.go')).toBe(false);
    expect(left('go.mod')).toBe(false);
    expect(left('cmd/app/main.go')).toBe(false);
    expect(left('internal/deep/x.go')).toBe(false);
    expect(left('docs/x.go')).toBe(true);
    expect(left('Makefile')).toBe(true);
  });

  it('keeps a file out when only a wildcard exception could bring it back from a left-out folder (builders differ: the safe side)', () => {
    const left = excludes('vendor\n!**/*.go\n');
    expect(left('vendor/x/a.go')).toBe(true);
    expect(left('main.go')).toBe(false);
  });

  it('reads comments, a BOM, CRLF line ends, leading slashes, ./ and trailing slashes as Docker does', () => {
    const left = excludes('\uFEFF# comment\r\n/tools/\r\n./bin\r\n  scripts  \r\n');
    expect(left('tools/a.go')).toBe(true);
    expect(left('bin/a')).toBe(true);
    expect(left('scripts/x.sh')).toBe(true);
    expect(left('# comment')).toBe(false);
    expect(left('')).toBe(false);
  });

  it('escapes what is no pattern syntax and refuses a file Docker would refuse', () => {
    const left = excludes('a+b.go\nf?o\n[xy].go\n');
    expect(left('a+b.go')).toBe(true);
    expect(left('aab.go')).toBe(false);
    expect(left('foo')).toBe(true);
    expect(left('x.go')).toBe(true);
    expect(left('z.go')).toBe(false);
    expect(parseDockerignore('!\n')).toBeUndefined();
    expect(parseDockerignore('[\n')).toBeUndefined();
    expect(excludes('!\nsrc\n')('src/a.go')).toBe(false);
  });
});
