// What CI readers see: lines that point at the instruction concerned (the
// same in JSON, SARIF and GitHub output), a message per change saying what
// changed and why, the most important annotations first within GitHub's
// limits, the job summary, and SARIF rules that explain themselves.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ANNOTATIONS_PER_KIND } from '../src/reporters/github.js';
import { ruleDocs } from '../src/reporters/rules.js';
import { TRANSFORMS } from '../transforms/index.js';
import { runWith } from './run-io.js';
import { GO_SERVICE, makeTree, readTreeFile, runCli } from './support.js';

const REPO = path.join(import.meta.dirname, '..');
const why = (id: string): string => ruleDocs(id).why;

// Line 5 is the download (a comment above it), line 7 the build (a comment above it too).
const COMMENTED = [
  'FROM golang:1.23',
  'WORKDIR /src',
  'COPY . .',
  '# fetch the modules first',
  'RUN go mod download',
  '# build the service',
  'RUN go build -o /app .',
  '',
].join('\n');

interface Located {
  transform: string;
  line: number;
}

const githubLines = (stdout: string): Located[] =>
  stdout
    .split('\n')
    .filter((line) => line.startsWith('::warning '))
    .map((line) => ({ transform: /title=dockmod ([\w-]+)/.exec(line)![1]!, line: Number(/line=(\d+)/.exec(line)![1]) }));

describe('change lines', () => {
  const expected: Located[] = [
    { transform: 'drop-mod-download', line: 5 }, // the removed RUN, not the comment above it
    { transform: 'insert-mod-tidy', line: 7 }, // the build the tidy is inserted before, not the comment above it
    { transform: 'add-mod-flag', line: 7 },
    { transform: 'add-cache-mounts', line: 1 }, // the syntax directive goes above the first instruction
    { transform: 'add-cache-mounts', line: 7 }, // the mounts of the inserted tidy and of the build
  ];

  it('point at the instruction concerned, the same in JSON, SARIF and GitHub output', async () => {
    const root = makeTree({ Dockerfile: COMMENTED, 'go.mod': 'module example.com/app\n\ngo 1.23\n' });
    const args = ['--syntax-directive', '--go-version', '1.23'];
    const json = JSON.parse((await runCli([...args, '--json'], root)).stdout);
    expect(json.files[0].changes.map(({ transform, line }: Located) => ({ transform, line }))).toEqual(expected);
    const sarif = JSON.parse((await runCli([...args, '--format', 'sarif'], root)).stdout);
    expect(sarif.runs[0].results.map((r: any) => ({ transform: r.ruleId, line: r.locations[0].physicalLocation.region.startLine }))).toEqual(expected);
    // GitHub: most important first (see below), so compare as sets.
    const github = githubLines((await runCli([...args, '--format', 'github'], root)).stdout);
    expect(new Set(github.map((item) => JSON.stringify(item)))).toEqual(new Set(expected.map((item) => JSON.stringify(item))));
  });

  it('say what was removed and added', async () => {
    const root = makeTree({ Dockerfile: COMMENTED, 'go.mod': 'module example.com/app\n\ngo 1.23\n' });
    const json = JSON.parse((await runCli(['--syntax-directive', '--go-version', '1.23', '--json'], root)).stdout);
    expect(json.files[0].changes.map(({ removed, added }: { removed: string; added: string }) => [removed, added])).toEqual([
      ['RUN go mod download', ''],
      ['', 'RUN go mod tidy'],
      ['', '-mod=mod'],
      ['', '# syntax=docker/dockerfile:1'],
      ['', '--mount=type=cache,target=/go/pkg/mod ... --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build'],
    ]);
  });
});

describe('--json', () => {
  it('carries each changed file\'s unified diff, the one the default output prints', async () => {
    const root = makeTree({ 'a/Dockerfile': COMMENTED, 'a/go.mod': 'module example.com/app\n\ngo 1.23\n', 'b/Dockerfile': 'FROM scratch\n' });
    const report = JSON.parse((await runCli(['--json', '-t', 'drop-mod-download,add-mod-flag'], root)).stdout);
    const diff = await runCli(['-t', 'drop-mod-download,add-mod-flag', 'a'], root);
    expect(report.files[0].diff).toBe(diff.stdout);
    expect(report.files[0].diff).toContain('-# fetch the modules first\n-RUN go mod download\n');
    expect(report.files[1]).not.toHaveProperty('diff');
  });
});

describe('--format github', () => {
  it('gives each change its own message: what changed and why', async () => {
    const root = makeTree({ Dockerfile: COMMENTED, 'go.mod': 'module example.com/app\n\ngo 1.23\n' });
    const result = await runCli(['--format', 'github', '-t', 'drop-mod-download,insert-mod-tidy,add-mod-flag'], root);
    expect(result.stdout).toBe(
      [
        `::warning file=Dockerfile,line=5,title=dockmod drop-mod-download::Remove "RUN go mod download": ${why('drop-mod-download')}. Run dockmod --write to apply it.`,
        `::warning file=Dockerfile,line=7,title=dockmod insert-mod-tidy::Add "RUN go mod tidy": ${why('insert-mod-tidy')}. Run dockmod --write to apply it.`,
        `::warning file=Dockerfile,line=7,title=dockmod add-mod-flag::Add "-mod=mod": ${why('add-mod-flag')}. Run dockmod --write to apply it.`,
        '',
      ].join('\n'),
    );
    const bump = await runCli(['--format', 'github', '-t', 'bump-go-image', '--go-version', '1.24'], root);
    expect(bump.stdout).toBe(`::warning file=Dockerfile,line=1,title=dockmod bump-go-image::Change "1.23" to "1.24": ${why('bump-go-image')}. Run dockmod --write to apply it.\n`);
  });

  it('puts the most important first and annotates at most 10 of each kind, the rest as plain log lines', async () => {
    // 12 files, each with a -mod=mod change (rank 1), a note (rank 1) and two cache-mount changes (rank 2).
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`s${String(i).padStart(2, '0')}/Dockerfile`] = 'FROM golang:1.23\nRUN go build -o /app .\nRUN go build -mod=vendor ./x\n';
    const root = makeTree(files);
    const result = await runCli(['--format', 'github', '-t', 'add-mod-flag,add-cache-mounts'], root);
    const lines = result.stdout.split('\n').filter(Boolean);
    const warnings = lines.filter((line) => line.startsWith('::warning '));
    const notices = lines.filter((line) => line.startsWith('::notice '));
    expect(warnings).toHaveLength(ANNOTATIONS_PER_KIND);
    expect(notices).toHaveLength(ANNOTATIONS_PER_KIND);
    expect(warnings.every((line) => line.includes('title=dockmod add-mod-flag'))).toBe(true);
    expect(warnings[0]).toContain('file=s00/Dockerfile,line=2,');
    // 36 changes (a -mod=mod and two cache mounts per file) and 12 notes: 28 left over.
    const header = lines.indexOf('dockmod: 28 more not annotated (GitHub shows 10 of each kind per step):');
    expect(header).toBe(20);
    const rest = lines.slice(header + 1);
    expect(rest).toHaveLength(28);
    expect(rest.slice(0, 2)).toEqual([
      `warning: s10/Dockerfile:2  add-mod-flag  Add "-mod=mod": ${why('add-mod-flag')}. Run dockmod --write to apply it.`,
      'notice: s10/Dockerfile:3  add-mod-flag  go build already sets -mod=vendor; left as is',
    ]);
    expect(rest.filter((line) => line.startsWith('warning: ') && line.includes('  add-cache-mounts  '))).toHaveLength(24);
    expect(result.stderr).toContain('dockmod: 12 files would change, 0 unchanged, 12 notes, 0 errors\n');
  });

  it('appends a Markdown summary to $GITHUB_STEP_SUMMARY: files, changes, notes and errors', async () => {
    const root = makeTree({ 'svc/Dockerfile': COMMENTED, 'svc/go.mod': 'module example.com/app\n\ngo 1.23\n', 'vendored/Dockerfile': 'FROM golang:1.23\nRUN go build -mod=vendor .\n', 'bin/Dockerfile': Buffer.from([0]), 'ok/Dockerfile': 'FROM scratch\n' });
    writeFileSync(path.join(root, 'summary.md'), '# earlier step\n');
    const env = { GITHUB_STEP_SUMMARY: path.join(root, 'summary.md') };
    const result = await runWith(['--format', 'github', '-t', 'drop-mod-download,add-mod-flag'], root, { env });
    expect(result.code).toBe(2);
    expect(readTreeFile(root, 'summary.md')).toBe(
      [
        '# earlier step',
        '## dockmod',
        '',
        '1 file would change, 2 unchanged, 1 note, 1 error',
        '',
        '| file | status | changes | notes |',
        '| --- | --- | --- | --- |',
        '| <code>bin/Dockerfile</code> | error | 0 | 0 |',
        '| <code>svc/Dockerfile</code> | would change | 2 | 0 |',
        '| <code>vendored/Dockerfile</code> | unchanged | 0 | 1 |',
        '',
        '### Errors',
        '',
        '- <code>bin/Dockerfile</code>: is binary (contains NUL bytes); not a Dockerfile',
        '',
        '### Changes pending',
        '',
        `- <code>svc/Dockerfile:5</code> **drop-mod-download**: Remove "RUN go mod download": ${why('drop-mod-download')}. Run dockmod --write to apply it.`,
        `- <code>svc/Dockerfile:7</code> **add-mod-flag**: Add "-mod=mod": ${why('add-mod-flag')}. Run dockmod --write to apply it.`,
        '',
        '### Notes',
        '',
        '- <code>vendored/Dockerfile:2</code> **add-mod-flag**: go build already sets -mod=vendor; left as is',
        '',
        '',
      ].join('\n'),
    );
    const elsewhere = await runWith(['--format', 'json', '-t', 'add-mod-flag'], root, { env });
    expect(elsewhere.code).toBe(2);
    expect(readTreeFile(root, 'summary.md').match(/## dockmod/g), 'only --format github writes it').toHaveLength(1);
  });
});

/** GitHub's anchor for a Markdown heading. */
function slug(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, '').replace(/\s/g, '-');
}

describe('--format sarif', () => {
  it('documents every rule: short and full description, help as text and Markdown, and a helpUri to its README section', async () => {
    const manifest = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    const anchors = new Set([...readFileSync(path.join(REPO, 'README.md'), 'utf8').matchAll(/^#{1,6} (.+)$/gm)].map((match) => slug(match[1]!)));
    const root = makeTree({ Dockerfile: 'FROM golang:1.23\n# dockmod-ignore add-mod-flags\nRUN go build .\n' });
    const log = JSON.parse((await runCli(['--format', 'sarif'], root)).stdout);
    const rules = log.runs[0].tool.driver.rules;
    expect(rules.map((rule: { id: string }) => rule.id)).toEqual([...TRANSFORMS.map((transform) => transform.id), 'dockmod-ignore']);
    for (const rule of rules) {
      expect(rule.shortDescription.text.length, rule.id).toBeGreaterThan(10);
      expect(rule.fullDescription.text).toContain(ruleDocs(rule.id).why);
      expect(rule.help.text).toContain(rule.helpUri);
      expect(rule.help.markdown).toContain(`](${rule.helpUri})`);
      expect(rule.helpUri.startsWith(`${manifest.homepage.replace(/#.*$/, '')}#`), rule.helpUri).toBe(true);
      expect(anchors, `README anchor of ${rule.id}`).toContain(rule.helpUri.split('#')[1]);
    }
  });

  it('gives locations relative to the repository root, wherever dockmod runs in it', async () => {
    const root = makeTree({ 'services/api/Dockerfile': GO_SERVICE, 'services/web/Dockerfile': GO_SERVICE, 'services/api/go.mod': 'module example.com/app\n\ngo 1.23\n', 'services/web/go.mod': 'module example.com/app\n\ngo 1.23\n' });
    mkdirSync(path.join(root, '.git'));
    const log = JSON.parse((await runCli(['--format', 'sarif', '-t', 'add-mod-flag', 'api'], path.join(root, 'services'))).stdout);
    expect(log.runs[0].originalUriBaseIds['%SRCROOT%'].uri).toBe(`${pathToFileURL(root).href}/`);
    expect(log.runs[0].results.map((r: any) => r.locations[0].physicalLocation.artifactLocation)).toEqual([
      { uri: 'services/api/Dockerfile', uriBaseId: '%SRCROOT%' },
    ]);
  });
});
