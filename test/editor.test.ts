// Editor and script use: --stdin-filepath, --list-transforms, --annotate.
import { describe, expect, it } from 'vitest';
import { TRANSFORMS } from '../transforms/index.js';
import { runWith } from './run-io.js';
import { GO_MOD, GO_SERVICE, makeTree, readTreeFile, runCli, GO_SERVICE_MIGRATION_DIFF } from './support.js';

const MIGRATION = ['-t', 'drop-mod-download,add-mod-flag'];
const MIGRATED = GO_SERVICE.replace('RUN go mod download\n', '').replace('go build', 'go build -mod=mod');
const UNCHANGED = 'FROM node:20\nRUN npm ci\n';

describe('--stdin-filepath', () => {
  it('prints the rewritten text and nothing else on stdout', async () => {
    const root = makeTree({});
    const result = await runWith(['--stdin-filepath', 'svc/Dockerfile', ...MIGRATION], root, { stdin: GO_SERVICE });
    expect(result).toEqual({ code: 0, stdout: MIGRATED, stderr: '' });
  });

  it('keeps the bytes exact: BOM, CRLF, latin1 comments, no final newline', async () => {
    const input = `\xEF\xBB\xBF# caf\xE9\r\n${GO_SERVICE.replace(/\n/g, '\r\n').trimEnd()}`;
    const expected = `\xEF\xBB\xBF# caf\xE9\r\n${MIGRATED.replace(/\n/g, '\r\n').trimEnd()}`;
    const result = await runWith(['--stdin-filepath', 'Dockerfile', ...MIGRATION], makeTree({}), { stdin: Buffer.from(input, 'latin1') });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(expected);
  });

  it('prints the input as it is when nothing applies', async () => {
    const input = Buffer.from(`${UNCHANGED}\xFF`, 'latin1');
    const result = await runWith(['--stdin-filepath', 'web/Dockerfile'], makeTree({}), { stdin: input });
    expect(result).toEqual({ code: 0, stdout: input.toString('latin1'), stderr: '' });
  });

  it('with --check prints the path and exits 1 when it would change, 0 otherwise', async () => {
    const root = makeTree({});
    expect(await runWith(['--check', '--stdin-filepath', 'svc/Dockerfile', ...MIGRATION], root, { stdin: GO_SERVICE })).toEqual({
      code: 1,
      stdout: 'svc/Dockerfile\n',
      stderr: '',
    });
    expect(await runWith(['--check', '--stdin-filepath', 'svc/Dockerfile', ...MIGRATION], root, { stdin: MIGRATED })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('looks up go.mod from the given path', async () => {
    const root = makeTree({ 'svc/go.mod': 'module example.com/svc\n\ngo 1.24.0\n' });
    const result = await runWith(['--stdin-filepath', 'svc/Dockerfile', '-t', 'bump-go-image'], root, { stdin: GO_SERVICE });
    expect(result.stdout).toBe(GO_SERVICE.replace('golang:1.23', 'golang:1.24'));
  });

  it('applies the configuration for that path, exclusions included', async () => {
    const config = { transforms: ['add-mod-flag'], exclude: 'legacy/', overrides: [{ files: 'old/', transforms: ['drop-mod-download'] }] };
    const root = makeTree({ 'dockmod.config.json': JSON.stringify(config) });
    const stdin = GO_SERVICE;
    expect((await runWith(['--stdin-filepath', 'svc/Dockerfile'], root, { stdin })).stdout).toBe(GO_SERVICE.replace('go build', 'go build -mod=mod'));
    expect((await runWith(['--stdin-filepath', 'old/Dockerfile'], root, { stdin })).stdout).toBe(GO_SERVICE.replace('RUN go mod download\n', ''));
    expect(await runWith(['--stdin-filepath', 'legacy/Dockerfile'], root, { stdin })).toEqual({ code: 0, stdout: GO_SERVICE, stderr: '' });
  });

  it('reports notes on stderr with the given path', async () => {
    const result = await runWith(['--stdin-filepath', 'app/Dockerfile', ...MIGRATION], makeTree({}), { stdin: 'FROM golang:1.23\nRUN go build -mod=vendor .\n' });
    expect(result).toEqual({
      code: 0,
      stdout: 'FROM golang:1.23\nRUN go build -mod=vendor .\n',
      stderr: 'app/Dockerfile:2  add-mod-flag  go build already sets -mod=vendor; left as is\n',
    });
  });

  it('prints a report instead of the text with --format', async () => {
    const result = await runWith(['--stdin-filepath', 'svc/Dockerfile', '--format', 'json', ...MIGRATION], makeTree({}), { stdin: GO_SERVICE });
    expect(result.code).toBe(0);
    const [file] = JSON.parse(result.stdout).files;
    // The model of the image the transforms decided from: here svc/ does not exist, so no build context.
    expect(file.model.context).toEqual({ how: 'unknown', detail: "the Dockerfile's folder cannot be read" });
    expect(file.model.stages[0].goCommands.map((go: { command: string; workdir: string }) => [go.command, go.workdir])).toEqual([['go mod download', '/src'], ['go build', '/src']]);
    expect(file.model.stages[0].moduleCacheConsumers[0].consumers).toEqual([{ line: 6, kind: 'go', needsLayer: false, description: 'the go build at line 6' }]);
    delete file.model;
    expect([file]).toEqual([
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
    ]);
  });

  it('exits 2 with nothing on stdout for input that is not a Dockerfile', async () => {
    const result = await runWith(['--stdin-filepath', 'Dockerfile'], makeTree({}), { stdin: Buffer.from([0x46, 0x00]) });
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'dockmod: error: Dockerfile: is binary (contains NUL bytes); not a Dockerfile\n' });
  });

  it('refuses --write and paths', async () => {
    const root = makeTree({});
    const write = await runWith(['--write', '--stdin-filepath', 'Dockerfile'], root, { stdin: GO_SERVICE });
    expect(write.code).toBe(2);
    expect(write.stderr).toContain('--write cannot be used with --stdin-filepath');
    const paths = await runWith(['--stdin-filepath', 'Dockerfile', 'svc'], root, { stdin: GO_SERVICE });
    expect(paths.code).toBe(2);
    expect(paths.stderr).toContain('do not name paths as well');
  });
});

describe('--list-transforms', () => {
  it('lists the ids in pipeline order with their summaries', async () => {
    const result = await runCli(['--list-transforms'], makeTree({}));
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.map((line) => line.split(/\s+/)[0])).toEqual(TRANSFORMS.map((transform) => transform.id));
    for (const [index, transform] of TRANSFORMS.entries()) expect(lines[index]!.endsWith(`  ${transform.summary}`)).toBe(true);
  });
});

describe('--annotate', () => {
  const NOTE = '-mod=mod: dependencies are downloaded during the build (per DD-BUILD-001)';

  it('adds a comment above each instruction a transform changed, once', async () => {
    const root = makeTree({ 'svc/Dockerfile': GO_SERVICE, 'svc/go.mod': GO_MOD });
    expect((await runCli(['--write', '--annotate', NOTE, ...MIGRATION], root)).code).toBe(0);
    const annotated = MIGRATED.replace('RUN go build', `# ${NOTE}\nRUN go build`);
    expect(readTreeFile(root, 'svc/Dockerfile')).toBe(annotated);
    const again = await runCli(['--check', '--annotate', NOTE, ...MIGRATION], root);
    expect(again.code).toBe(0);
  });

  it('does not add a comment an instruction already carries', async () => {
    const text = `FROM golang:1.23\n# ${NOTE}\nRUN go build -o /app .\n`;
    const root = makeTree({ Dockerfile: text });
    await runCli(['--write', '--annotate', `# ${NOTE}`, '-t', 'add-mod-flag'], root);
    expect(readTreeFile(root, 'Dockerfile')).toBe(text.replace('go build', 'go build -mod=mod'));
  });

  it('follows the file: line endings, indentation, and instructions that transforms insert', async () => {
    const text = 'FROM golang:1.23\r\nWORKDIR /src\r\nCOPY . .\r\n  RUN go build -o /app .\r\n';
    const root = makeTree({ Dockerfile: text, 'go.mod': 'module example.com/app\n\ngo 1.23\n' });
    await runCli(['--write', '--annotate', 'migrated', '-t', 'insert-mod-tidy,add-mod-flag'], root);
    expect(readTreeFile(root, 'Dockerfile')).toBe(
      'FROM golang:1.23\r\nWORKDIR /src\r\nCOPY . .\r\n  # migrated\r\n  RUN go mod tidy\r\n  # migrated\r\n  RUN go build -mod=mod -o /app .\r\n',
    );
  });

  it('leaves files that nothing changes alone', async () => {
    const root = makeTree({ Dockerfile: UNCHANGED });
    expect(await runCli(['--check', '--annotate', 'x'], root)).toMatchObject({ code: 0, stdout: '' });
  });

  it('refuses text that is not one comment line', async () => {
    const root = makeTree({});
    const twoLines = await runCli(['--annotate', 'a\nb'], root);
    expect(twoLines.code).toBe(2);
    expect(twoLines.stderr).toContain('invalid --annotate text: must be a single line');
    const directive = await runCli(['--annotate', 'syntax=docker/dockerfile:1'], root);
    expect(directive.code).toBe(2);
    expect(directive.stderr).toContain('would be read as a parser directive');
  });
});
