// The CLI contract on temporary trees: exit codes, stdout, stderr and files.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GO_MOD, GO_SERVICE, listTree, makeTree, mtimeOf, readTreeFile, runCli, writeTreeFile, GO_SERVICE_MIGRATION_DIFF } from './support.js';

/** The two transforms of the first migration: their output does not depend on the rest of the pipeline. */
const MIGRATION = ['-t', 'drop-mod-download,add-mod-flag'];
const MIGRATED = GO_SERVICE.replace('RUN go mod download\n', '').replace('go build', 'go build -mod=mod');
const UNCHANGED = 'FROM node:20\nRUN npm ci\n';

describe('default mode: a dry-run diff', () => {
  it('prints a unified diff of what would change and changes nothing', async () => {
    const root = makeTree({ 'svc/Dockerfile': GO_SERVICE, 'svc/go.mod': GO_MOD, 'web/Dockerfile': UNCHANGED });
    const result = await runCli(MIGRATION, root);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      GO_SERVICE_MIGRATION_DIFF,
    );
    expect(result.stderr).toBe('dockmod: 1 file would change, 1 unchanged, 0 notes, 0 errors\n');
    expect(readTreeFile(root, 'svc/Dockerfile')).toBe(GO_SERVICE);
  });

  it('prints nothing on stdout when nothing would change', async () => {
    const root = makeTree({ 'web/Dockerfile': UNCHANGED });
    const result = await runCli([], root);
    expect(result).toEqual({ code: 0, stdout: '', stderr: 'dockmod: 0 files would change, 1 unchanged, 0 notes, 0 errors\n' });
  });

  it('reports notes on stderr as path:line  transform  reason', async () => {
    const root = makeTree({ 'Dockerfile': 'FROM golang:1.23\nRUN go build -mod=vendor -o app .\n' });
    const result = await runCli(MIGRATION, root);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      'Dockerfile:2  add-mod-flag  go build already sets -mod=vendor; left as is\n' +
        'dockmod: 0 files would change, 1 unchanged, 1 note, 0 errors\n',
    );
  });

  it('produces a diff that git apply and patch -p1 turn into exactly what --write writes, CRLF, BOM and missing final newline included', async () => {
    const files = {
      'lf/Dockerfile': GO_SERVICE,
      'crlf/Dockerfile': GO_SERVICE.replace(/\n/g, '\r\n'),
      'bom/Dockerfile': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(GO_SERVICE)]),
      'no-final-newline/Dockerfile': GO_SERVICE.trimEnd(),
      'latin1-comment/Dockerfile': Buffer.from(`# caf\xe9 \xff\n${GO_SERVICE}`, 'latin1'),
    };
    const written = makeTree(files);
    expect((await runCli(['--write', ...MIGRATION], written)).code).toBe(0);

    for (const tool of ['git', 'patch'] as const) {
      const applied = makeTree(files);
      const diff = await runCli(MIGRATION, applied);
      expect(diff.stdout).toContain('\\ No newline at end of file');
      if (tool === 'git') {
        execFileSync('git', ['init', '-q'], { cwd: applied });
        execFileSync('git', ['apply', '--whitespace=nowarn', '-'], { cwd: applied, input: Buffer.from(diff.stdout, 'latin1') });
      } else {
        if (spawnSync('patch', ['--version']).status !== 0) continue;
        execFileSync('patch', ['-p1', '-s'], { cwd: applied, input: Buffer.from(diff.stdout, 'latin1') });
      }
      for (const relative of Object.keys(files)) {
        expect(readTreeFile(applied, relative), `${tool}: ${relative}`).toBe(readTreeFile(written, relative));
      }
    }
    expect(readTreeFile(written, 'crlf/Dockerfile')).toBe(MIGRATED.replace(/\n/g, '\r\n'));
    expect(readTreeFile(written, 'bom/Dockerfile')).toBe(`\xef\xbb\xbf${MIGRATED}`);
    expect(readTreeFile(written, 'no-final-newline/Dockerfile')).toBe(MIGRATED.trimEnd());
    expect(readTreeFile(written, 'latin1-comment/Dockerfile')).toBe(`# caf\xe9 \xff\n${MIGRATED}`);
  });
});

describe('--check', () => {
  it('lists the files that would change and exits 1', async () => {
    const root = makeTree({ 'a/Dockerfile': GO_SERVICE, 'b/Dockerfile.prod': GO_SERVICE, 'c/Dockerfile': UNCHANGED });
    const result = await runCli(['--check', ...MIGRATION], root);
    expect(result).toEqual({
      code: 1,
      stdout: 'a/Dockerfile\nb/Dockerfile.prod\n',
      stderr: 'dockmod: 2 files would change, 1 unchanged, 0 notes, 0 errors\n',
    });
    expect(readTreeFile(root, 'a/Dockerfile')).toBe(GO_SERVICE);
  });

  it('exits 0 when nothing would change', async () => {
    const root = makeTree({ 'c/Dockerfile': UNCHANGED });
    expect((await runCli(['--check'], root)).code).toBe(0);
  });
});

describe('--write', () => {
  it('writes the changes, lists them, and a second run has nothing to do', async () => {
    const root = makeTree({ 'svc/Dockerfile': GO_SERVICE, 'web/Dockerfile': UNCHANGED });
    const result = await runCli(['--write', ...MIGRATION], root);
    expect(result).toEqual({ code: 0, stdout: 'svc/Dockerfile\n', stderr: 'dockmod: 1 file changed, 1 unchanged, 0 notes, 0 errors\n' });
    expect(readTreeFile(root, 'svc/Dockerfile')).toBe(MIGRATED);
    expect((await runCli(['--check', ...MIGRATION], root)).code).toBe(0);
    expect(listTree(root)).toEqual(['svc/Dockerfile', 'web/Dockerfile']);
  });

  it('never rewrites an unchanged file and keeps the mode of a changed one', async () => {
    const root = makeTree({ 'web/Dockerfile': UNCHANGED });
    writeTreeFile(root, 'svc/Dockerfile', GO_SERVICE, 0o640);
    const before = mtimeOf(root, 'web/Dockerfile');
    await new Promise((resolve) => setTimeout(resolve, 20));
    await runCli(['--write', ...MIGRATION], root);
    expect(mtimeOf(root, 'web/Dockerfile')).toBe(before);
    expect(statSync(path.join(root, 'svc/Dockerfile')).mode & 0o777).toBe(0o640);
  });

  it('migrates the bundled example monorepo so that --check then passes', async () => {
    const root = makeTree({});
    cpSync(path.join(import.meta.dirname, '..', 'examples', 'monorepo'), root, { recursive: true });
    const written = await runCli(['--write'], root);
    expect(written.code).toBe(0);
    expect(written.stdout).toContain('services/api/Dockerfile\n');
    expect(written.stdout).not.toContain('services/web/Dockerfile');
    const check = await runCli(['--check'], root);
    expect(check.stdout).toBe('');
    expect(check.code).toBe(0);
  });
});

describe('--json', () => {
  it('prints one JSON report with statuses, transforms, notes and errors', async () => {
    const root = makeTree({
      'svc/Dockerfile': GO_SERVICE,
      'vendor-flag/Dockerfile': 'FROM golang:1.23\nRUN go build -mod=vendor .\n',
      'bin/Dockerfile': Buffer.from([0x46, 0x00, 0x01]),
    });
    const result = await runCli(['--json', ...MIGRATION], root);
    expect(result.code).toBe(2);
    const report = JSON.parse(result.stdout);
    // Every readable file carries the model of its image; its contents are tested in editor.test.ts.
    for (const file of report.files) {
      if (file.status !== 'error') expect(file.model.stages.length).toBeGreaterThan(0);
      delete file.model;
    }
    expect(report.files).toEqual([
      { path: 'bin/Dockerfile', status: 'error', transforms: [], changes: [], notes: [] },
      {
        path: 'svc/Dockerfile',
        status: 'changed',
        transforms: ['drop-mod-download', 'add-mod-flag'],
        changes: [
          { transform: 'drop-mod-download', line: 4, removed: 'RUN go mod download', added: '' },
          { transform: 'add-mod-flag', line: 6, removed: '', added: '-mod=mod' },
        ],
        notes: [],
        diff: GO_SERVICE_MIGRATION_DIFF,
      },
      {
        path: 'vendor-flag/Dockerfile',
        status: 'unchanged',
        transforms: [],
        changes: [],
        notes: [{ transform: 'add-mod-flag', line: 2, message: 'go build already sets -mod=vendor; left as is' }],
      },
    ]);
    expect(report.errors).toEqual([{ path: 'bin/Dockerfile', message: 'is binary (contains NUL bytes); not a Dockerfile' }]);
    expect(report.summary).toEqual({ changed: 1, unchanged: 1, notes: 1, errors: 1 });
  });
});

describe('--json change lines', () => {
  it('reports a change to an instruction an earlier transform inserted at that insertion\'s line, not at a removed one', async () => {
    // A blank line between the source COPY and the removed download: the tidy goes after the COPY, before the build.
    const root = makeTree({ '.git/HEAD': '', 'go.mod': GO_MOD, 'main.go': 'package main\n\nfunc main() {}\n', 'Dockerfile': 'FROM golang:1.23\nWORKDIR /app\nCOPY . .\n\nRUN go mod download\nRUN go build -o /x .\n' });
    const report = JSON.parse((await runCli(['--json'], root)).stdout);
    const lines = report.files[0].changes.map((change: { transform: string; line: number }) => `${change.transform}:${change.line}`);
    expect(lines).toEqual(['drop-mod-download:5', 'insert-mod-tidy:6', 'add-mod-flag:6', 'add-cache-mounts:6']);
  });
});

describe('discovery', () => {
  const named = [
    'Dockerfile',
    'dockerfile',
    'DOCKERFILE',
    'Dockerfile.prod',
    'api.Dockerfile',
    'worker.dockerfile',
    'Containerfile',
    'Containerfile.dev',
    'Dockerfile-prod',
    'Dockerfile_dev',
    'api.Containerfile',
    'containerfile-ci',
    '.docker/Dockerfile',
    '.github/actions/lint/Dockerfile',
    '.devcontainer/Dockerfile',
  ];
  const skipped = [
    'Dockerfile.md',
    'Dockerfile.dockerignore',
    'Dockerfile.tmpl',
    'Dockerfile-notes.txt',
    'Dockerfile~',
    'Dockerfile.prod~',
    'mydockerfile',
    'node_modules/pkg/Dockerfile',
    'vendor/github.com/x/Dockerfile',
    '.git/Dockerfile',
    '.hg/Dockerfile',
    '.svn/Dockerfile',
    '.jj/Dockerfile',
    'build/Dockerfile',
    'ignored.Dockerfile',
  ];
  const under = (name: string): string => `x/${name}`;

  it('finds Renovate\'s names case-insensitively, walks dot-folders, and skips documents, backups, version control, dependencies and .gitignore matches', async () => {
    const files: Record<string, string> = { 'x/.gitignore': 'build/\nignored.Dockerfile\n' };
    for (const name of [...named, ...skipped]) files[under(name)] = GO_SERVICE;
    const root = makeTree(files);
    mkdirSync(path.join(root, '.git', 'objects'), { recursive: true });
    const result = await runCli(['--check', ...MIGRATION], root);
    expect(result.stdout.split('\n').filter(Boolean)).toEqual(named.map(under).sort());
    expect(result.code).toBe(1);
  });

  it('processes a file named explicitly whatever its name', async () => {
    const root = makeTree({ 'docker/build.txt': GO_SERVICE });
    const result = await runCli(['--check', ...MIGRATION, 'docker/build.txt'], root);
    expect(result.stdout).toBe('docker/build.txt\n');
  });

  it('does not follow symlinked folders, ends at once on a symlink cycle, and never writes through a symlink', async () => {
    const outside = makeTree({ 'Dockerfile': GO_SERVICE });
    const root = makeTree({ 'svc/Dockerfile': GO_SERVICE });
    symlinkSync(outside, path.join(root, 'linked'));
    symlinkSync(root, path.join(root, 'svc', 'loop'));
    symlinkSync(path.join(outside, 'Dockerfile'), path.join(root, 'svc', 'Dockerfile.link'));
    const result = await runCli(['--write', ...MIGRATION], root);
    expect(result.stdout).toBe('svc/Dockerfile\n');
    expect(readTreeFile(outside, 'Dockerfile')).toBe(GO_SERVICE);

    const explicit = await runCli(['--write', ...MIGRATION, 'svc/Dockerfile.link'], root);
    expect(explicit.code).toBe(2);
    expect(explicit.stderr).toContain('dockmod: error: svc/Dockerfile.link: is a symbolic link');
    expect(readTreeFile(outside, 'Dockerfile')).toBe(GO_SERVICE);
  });

  it('walks a folder named Dockerfile but refuses it as a file', async () => {
    const root = makeTree({ 'Dockerfile/inner/Dockerfile': GO_SERVICE });
    expect((await runCli(['--check', ...MIGRATION], root)).stdout).toBe('Dockerfile/inner/Dockerfile\n');
  });
});

describe('bad input: one line naming the file, exit 2, the rest still processed', () => {
  it('reports a binary Dockerfile and still rewrites the good ones', async () => {
    const root = makeTree({
      'a/Dockerfile': GO_SERVICE,
      'b/Dockerfile': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x00, 0x00]),
      'c/Dockerfile': GO_SERVICE,
    });
    const result = await runCli(['--write', ...MIGRATION], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'dockmod: error: b/Dockerfile: is binary (contains NUL bytes); not a Dockerfile\n' +
        'dockmod: 2 files changed, 0 unchanged, 0 notes, 1 error\n',
    );
    expect(readTreeFile(root, 'a/Dockerfile')).toBe(MIGRATED);
    expect(readTreeFile(root, 'c/Dockerfile')).toBe(MIGRATED);
  });

  it('reports a path that does not exist and processes the others', async () => {
    const root = makeTree({ 'a/Dockerfile': GO_SERVICE });
    const result = await runCli(['--check', ...MIGRATION, 'missing', 'a'], root);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('a/Dockerfile\n');
    expect(result.stderr).toContain('dockmod: error: missing: no such file or folder\n');
  });

  it('refuses an 18 MB Dockerfile at once without reading it', async () => {
    const root = makeTree({ 'a/Dockerfile': GO_SERVICE, 'huge/Dockerfile': `FROM golang:1.23\n${'RUN go build -o app .\n'.repeat(800_000)}` });
    const result = await runCli(['--check', ...MIGRATION], root);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('a/Dockerfile\n');
    expect(result.stderr).toContain('dockmod: error: huge/Dockerfile: is larger than 512 KB; too large for a hand-written Dockerfile, left unchanged\n');
  });

  it('treats an empty or comment-only Dockerfile as nothing to do', async () => {
    const root = makeTree({ 'a/Dockerfile': '', 'b/Dockerfile': '# nothing here\n# yet\n' });
    expect(await runCli(['--check'], root)).toEqual({ code: 0, stdout: '', stderr: 'dockmod: 0 files would change, 2 unchanged, 0 notes, 0 errors\n' });
  });

  it('reports a file it cannot write and keeps it intact', async () => {
    if (process.getuid?.() === 0) return; // root writes anywhere: nothing to observe
    const root = makeTree({ 'a/Dockerfile': GO_SERVICE });
    chmodSync(path.join(root, 'a'), 0o555);
    const result = await runCli(['--write', ...MIGRATION], root);
    chmodSync(path.join(root, 'a'), 0o755);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('a/Dockerfile: cannot be written (permission denied)');
    expect(readTreeFile(root, 'a/Dockerfile')).toBe(GO_SERVICE);
  });
});

describe('bad usage: exit 2, no file touched, a message that says what to do', () => {
  const cases: [string, string[], string][] = [
    ['an unknown transform id', ['--write', '-t', 'drop-mod-download,nope'], 'dockmod: unknown transform "nope"; valid ids: drop-mod-download'],
    ['an invalid --go-version', ['--write', '--go-version', 'latest'], 'dockmod: invalid --go-version "latest": expected auto, 1.N or 1.N.P'],
    ['--write with --check', ['--write', '--check'], 'dockmod: --write and --check cannot be used together'],
    ['an unknown option', ['--write', '--frobnicate'], "dockmod: unknown option '--frobnicate'"],
  ];
  for (const [label, argv, message] of cases) {
    it(`refuses ${label}`, async () => {
      const root = makeTree({ 'svc/Dockerfile': GO_SERVICE });
      const result = await runCli(argv, root);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.startsWith(message)).toBe(true);
      expect(result.stderr).toContain('Run "dockmod --help" for usage.');
      expect(readTreeFile(root, 'svc/Dockerfile')).toBe(GO_SERVICE);
    });
  }
});

describe('--transforms', () => {
  it('runs only the transforms named, in the order given', async () => {
    const root = makeTree({ 'Dockerfile': GO_SERVICE });
    const result = await runCli(['--json', '-t', 'add-mod-flag,drop-mod-download'], root);
    expect(JSON.parse(result.stdout).files[0].transforms).toEqual(['add-mod-flag', 'drop-mod-download']);
    const only = await runCli(['--json', '-t', 'add-mod-flag'], root);
    expect(JSON.parse(only.stdout).files[0].transforms).toEqual(['add-mod-flag']);
  });
});
