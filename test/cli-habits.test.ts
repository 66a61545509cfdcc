// Everyday flags on temporary trees: --quiet, -l/--list-different,
// --color/--no-color, --list-transforms --json, and "did you mean".
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rewrite, DockmodError } from '../src/api.js';
import { TRANSFORMS } from '../transforms/index.js';
import { runWith } from './run-io.js';
import { GO_SERVICE, makeTree, readTreeFile, runCli } from './support.js';

const MIGRATION = ['-t', 'drop-mod-download,add-mod-flag'];
const MIGRATED = GO_SERVICE.replace('RUN go mod download\n', '').replace('go build', 'go build -mod=mod');
const VENDORED = 'FROM golang:1.23\nRUN go build -mod=vendor .\n';

describe('--quiet', () => {
  it('prints errors only on stderr; stdout keeps the result', async () => {
    const root = makeTree({ 'svc/Dockerfile': GO_SERVICE, 'vendored/Dockerfile': VENDORED, 'bin/Dockerfile': Buffer.from([0]) });
    const loud = await runCli(['--check', ...MIGRATION], root);
    expect(loud.stderr).toContain('vendored/Dockerfile:2  add-mod-flag');
    const quiet = await runCli(['--check', '--quiet', ...MIGRATION], root);
    expect(quiet).toEqual({ code: 2, stdout: 'svc/Dockerfile\n', stderr: 'dockmod: error: bin/Dockerfile: is binary (contains NUL bytes); not a Dockerfile\n' });
    const short = await runCli(['-q', ...MIGRATION, 'svc'], root);
    expect(short.code).toBe(0);
    expect(short.stdout).toContain('-RUN go mod download\n');
    expect(short.stderr).toBe('');
  });
});

describe('-l, --list-different', () => {
  it('prints only the paths that would change and exits 1; with --write, the paths written, exit 0', async () => {
    const root = makeTree({ 'a/Dockerfile': GO_SERVICE, 'b/Dockerfile': VENDORED, 'c/Dockerfile': GO_SERVICE });
    expect(await runCli(['-l', ...MIGRATION], root)).toEqual({ code: 1, stdout: 'a/Dockerfile\nc/Dockerfile\n', stderr: '' });
    expect(readTreeFile(root, 'a/Dockerfile')).toBe(GO_SERVICE);
    expect(await runCli(['--list-different', '--write', ...MIGRATION], root)).toEqual({ code: 0, stdout: 'a/Dockerfile\nc/Dockerfile\n', stderr: '' });
    expect(readTreeFile(root, 'c/Dockerfile')).toBe(MIGRATED);
    expect(await runCli(['-l', ...MIGRATION], root)).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('cannot be combined with a report format', async () => {
    const root = makeTree({ Dockerfile: GO_SERVICE });
    const result = await runCli(['-l', '--json'], root);
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'dockmod: --list-different prints paths; it cannot be combined with --json\nRun "dockmod --help" for usage.\n' });
    expect((await runCli(['-l', '--format', 'sarif'], root)).code).toBe(2);
  });
});

describe('--color, --no-color', () => {
  it('--color colours a diff sent to a pipe; --no-color wins over a terminal and FORCE_COLOR', async () => {
    const root = makeTree({ Dockerfile: GO_SERVICE });
    const plain = await runWith(MIGRATION, root);
    expect(plain.stdout).not.toContain('\x1b[');
    const forced = await runWith(['--color', ...MIGRATION], root);
    expect(forced.stdout).toContain('\x1b[31m-RUN go mod download\x1b[39m\n');
    expect(forced.stderr).toContain('\x1b[33m1 file would change\x1b[39m');
    const off = await runWith(['--no-color', ...MIGRATION], root, { stdoutIsTTY: true, stderrIsTTY: true, env: { FORCE_COLOR: '1' } });
    expect(off.stdout).not.toContain('\x1b[');
    expect(off.stderr).not.toContain('\x1b[');
    const terminal = await runWith(MIGRATION, root, { stdoutIsTTY: true, env: { TERM: 'xterm' } });
    expect(terminal.stdout, 'without the flags a terminal still decides').toContain('\x1b[');
  });
});

describe('--list-transforms --json', () => {
  it('prints the ids and summaries in pipeline order as JSON', async () => {
    const result = await runCli(['--list-transforms', '--json'], makeTree({}));
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(TRANSFORMS.map((transform) => ({ id: transform.id, summary: transform.summary })));
    expect((await runCli(['--list-transforms'], makeTree({}))).stdout).toMatch(/^drop-mod-download {2,}Remove/);
  });
});

describe('did you mean', () => {
  it('suggests the closest transform id on the command line, in the API and in the configuration', async () => {
    const root = makeTree({ Dockerfile: GO_SERVICE, 'dockmod.config.json': JSON.stringify({ transforms: ['add-cache-mount'] }) });
    const cli = await runCli(['--no-config', '-t', 'drop-mod-downlaod'], root);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain('dockmod: unknown transform "drop-mod-downlaod" (did you mean "drop-mod-download"?); valid ids: drop-mod-download, insert-mod-tidy');
    expect(() => rewrite(GO_SERVICE, { transforms: ['bump-golang-image'] })).toThrow(DockmodError);
    expect(() => rewrite(GO_SERVICE, { transforms: ['bump-golang-image'] })).toThrow('unknown transform "bump-golang-image" (did you mean "bump-go-image"?)');
    const config = await runCli([], root);
    expect(config.code).toBe(2);
    expect(config.stderr).toContain('transforms[0]: unknown transform "add-cache-mount" (did you mean "add-cache-mounts"?)');
    const nothingClose = await runCli(['--no-config', '-t', 'frobnicate'], root);
    expect(nothingClose.stderr).toContain('dockmod: unknown transform "frobnicate"; valid ids:');
  });

  it('suggests the closest configuration key', async () => {
    const root = makeTree({ Dockerfile: GO_SERVICE, 'dockmod.config.json': JSON.stringify({ transfroms: ['add-mod-flag'] }) });
    const result = await runCli([], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('transfroms: unknown key (did you mean "transforms"?); allowed keys: ');
  });
});

describe('README', () => {
  it('lists every flag of --help in its Usage block', async () => {
    const help = (await runCli(['--help'], makeTree({}))).stdout;
    const flags = new Set(help.match(/--[a-z][a-z-]*/g));
    expect(flags.size).toBeGreaterThan(15);
    const readme = readFileSync(path.join(import.meta.dirname, '..', 'README.md'), 'utf8');
    const usage = /## Usage\n\n```\n([\s\S]*?)\n```/.exec(readme)![1]!;
    for (const flag of flags) expect(usage, flag).toMatch(new RegExp(`${flag}(?![a-z-])`));
  });
});
