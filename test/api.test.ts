// The programmatic API: behaviour from the sources, and the published package
// imported by name, types included, as a user's project would.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declaredContextFor, DockmodError, rewrite, transforms } from '../src/api.js';
import { TRANSFORMS } from '../transforms/index.js';
import { packedPackage, REPO, type PackedPackage } from './packed.js';
import { GO_SERVICE, makeTree } from './support.js';

const MIGRATED = GO_SERVICE.replace('RUN go mod download\n', '').replace('go build', 'go build -mod=mod');

describe('rewrite', () => {
  it('returns the new text, whether it changed, and where', () => {
    const result = rewrite(GO_SERVICE, { transforms: ['drop-mod-download', 'add-mod-flag'] });
    expect(result).toEqual({
      output: MIGRATED,
      changed: true,
      notes: [],
      changes: [
        { transform: 'drop-mod-download', line: 4, removed: 'RUN go mod download', added: '' },
        { transform: 'add-mod-flag', line: 6, removed: '', added: '-mod=mod' },
      ],
      changedBy: ['drop-mod-download', 'add-mod-flag'],
      ignored: [],
    });
  });

  it('returns the input itself when nothing applies', () => {
    const text = 'FROM node:20\nRUN npm ci\n';
    expect(rewrite(text)).toMatchObject({ output: text, changed: false, notes: [] });
  });

  it('works on ordinary strings: a BOM character, CRLF and non-latin1 text', () => {
    const text = `\uFEFF# 服务 ☃\r\n${GO_SERVICE.replace(/\n/g, '\r\n')}`;
    const result = rewrite(text, { transforms: ['drop-mod-download', 'add-mod-flag'] });
    expect(result.output).toBe(`\uFEFF# 服务 ☃\r\n${MIGRATED.replace(/\n/g, '\r\n')}`);
  });

  it('reports notes with their line', () => {
    const result = rewrite('FROM golang:1.23\nRUN go build -mod=vendor .\n', { transforms: ['add-mod-flag'] });
    expect(result.notes).toEqual([{ transform: 'add-mod-flag', line: 2, message: 'go build already sets -mod=vendor; left as is' }]);
  });

  it('finds go.mod from path, and takes goVersion and annotate', () => {
    const root = makeTree({ 'svc/go.mod': 'module example.com/svc\n\ngo 1.24.0\n' });
    const fromGoMod = rewrite(GO_SERVICE, { path: path.join(root, 'svc', 'Dockerfile'), transforms: ['bump-go-image'] });
    expect(fromGoMod.output).toBe(GO_SERVICE.replace('golang:1.23', 'golang:1.24'));
    const explicit = rewrite(GO_SERVICE, { transforms: ['bump-go-image'], goVersion: '1.25', annotate: 'bumped' });
    expect(explicit.output).toBe(GO_SERVICE.replace('FROM golang:1.23', '# bumped\nFROM golang:1.25'));
  });

  it('throws a DockmodError for bad options', () => {
    expect(() => rewrite(GO_SERVICE, { transforms: ['nope'] })).toThrow(DockmodError);
    expect(() => rewrite(GO_SERVICE, { transforms: ['nope'] })).toThrow('unknown transform "nope"; valid ids: ');
    expect(() => rewrite(GO_SERVICE, { goVersion: 'latest' })).toThrow('invalid Go version "latest"');
    expect(() => rewrite(GO_SERVICE, { annotate: 'a\nb' })).toThrow('invalid annotate text');
  });
});

describe('declaredContextFor', () => {
  it('returns the build context the repository\'s compose file declares, for rewrite\'s declaredContext', () => {
    const root = makeTree({ '.git/HEAD': 'ref: refs/heads/main\n', 'deploy/compose.yaml': 'services:\n  api:\n    build:\n      context: ../services/api\n      dockerfile: build.docker\n', 'services/api/go.mod': 'module example.com/api\n\ngo 1.23\n' });
    const file = path.join(root, 'services/api/build.docker');
    const declaredContext = declaredContextFor(file);
    expect(declaredContext).toEqual({ context: path.join(root, 'services/api'), declaredIn: path.join(root, 'deploy/compose.yaml') });
    expect(declaredContextFor(path.join(root, 'services/web/Dockerfile'))).toBeUndefined();
    expect(rewrite(GO_SERVICE, { path: file, declaredContext, transforms: ['add-mod-flag'] }).changed).toBe(true);
  });
});

describe('transforms', () => {
  it('lists ids and summaries in pipeline order, frozen', () => {
    expect(transforms).toEqual(TRANSFORMS.map((transform) => ({ id: transform.id, summary: transform.summary })));
    expect(Object.isFrozen(transforms)).toBe(true);
  });
});

describe('the published package', () => {
  let packed: PackedPackage;
  beforeAll(() => {
    packed = packedPackage();
  }, 60_000);
  afterAll(() => packed?.remove());

  it("is imported by name from a user's project", () => {
    const script = [
      "import { rewrite, transforms } from 'dockmod';",
      `const result = rewrite(${JSON.stringify(GO_SERVICE)}, { transforms: ['drop-mod-download', 'add-mod-flag'] });`,
      'console.log(JSON.stringify({ output: result.output, changed: result.changed, ids: transforms.map((t) => t.id) }));',
    ].join('\n');
    writeFileSync(path.join(packed.consumer, 'use.mjs'), script);
    const output = JSON.parse(execFileSync(process.execPath, ['use.mjs'], { cwd: packed.consumer, encoding: 'utf8' }));
    expect(output).toEqual({ output: MIGRATED, changed: true, ids: TRANSFORMS.map((transform) => transform.id) });
  });

  it('ships types that a strict TypeScript project compiles against', () => {
    const source = [
      "import { rewrite, transforms, DockmodError, type RewriteOptions, type RewriteOutput, type Note } from 'dockmod';",
      "const options: RewriteOptions = { path: 'svc/Dockerfile', transforms: ['add-mod-flag'], goVersion: '1.24' };",
      "const result: RewriteOutput = rewrite('FROM golang:1.23\\n', options);",
      'const notes: Note[] = result.notes;',
      'const ids: string[] = transforms.map((transform) => transform.id);',
      'const changed: boolean = result.changed;',
      'export { notes, ids, changed, DockmodError };',
      '// @ts-expect-error an unknown option is a type error',
      "rewrite('', { goversion: '1.24' });",
      '// @ts-expect-error the text must be a string',
      'rewrite(Buffer.from(""));',
    ].join('\n');
    writeFileSync(path.join(packed.consumer, 'use.ts'), source);
    const tsconfig = { compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, types: ['node'] }, files: ['use.ts'] };
    writeFileSync(path.join(packed.consumer, 'tsconfig.json'), JSON.stringify(tsconfig));
    writeFileSync(path.join(packed.consumer, 'package.json'), JSON.stringify({ type: 'module' }));
    const tsc = path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
    expect(() => execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: packed.consumer, encoding: 'utf8' })).not.toThrow();
  }, 60_000);

  it('exposes the configuration schema and nothing internal', () => {
    const script = [
      "import { createRequire } from 'node:module';",
      'const require = createRequire(import.meta.url);',
      "const schema = require('dockmod/dockmod.schema.json');",
      'let internal = false;',
      "try { require.resolve('dockmod/dist/src/cli.js'); internal = true; } catch {}",
      'console.log(JSON.stringify({ title: schema.title, internal }));',
    ].join('\n');
    writeFileSync(path.join(packed.consumer, 'schema.mjs'), script);
    const output = JSON.parse(execFileSync(process.execPath, ['schema.mjs'], { cwd: packed.consumer, encoding: 'utf8' }));
    expect(output).toEqual({ title: 'dockmod configuration', internal: false });
  });
});
