// The configuration file: where it is found, how it is validated (and that
// dockmod.schema.json agrees with the validator), and how it combines with flags.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, TRANSFORM_OPTIONS, validateConfig } from '../src/config.js';
import { TRANSFORMS } from '../transforms/index.js';
import { runWith } from './run-io.js';
import { GO_MOD, GO_SERVICE, makeTree, readTreeFile, runCli, schemaAccepts, writeTreeFile } from './support.js';

const schema = JSON.parse(readFileSync(path.join(import.meta.dirname, '..', 'dockmod.schema.json'), 'utf8'));
const validateWithSchema = schemaAccepts;

/** Configurations the validator and the schema must both accept. */
const VALID: unknown[] = [
  {},
  { $schema: './node_modules/dockmod/dockmod.schema.json' },
  { transforms: ['drop-mod-download', 'add-mod-flag'] },
  { include: 'services/**', exclude: ['legacy/', '**/Dockerfile.dev'] },
  { annotate: '-mod=mod: dependencies are downloaded during the build (per DD-BUILD-001)' },
  { 'bump-go-image': { goVersion: '1.24', keepDigests: true, golangRegistries: ['registry.corp.example', 'mirror.example:5000/library'] } },
  { 'bump-go-image': { goVersion: 'auto' }, 'add-cache-mounts': { syntaxDirective: false } },
  { 'bump-go-image': { golangTags: 'golang-tags.txt', imageTags: { 'registry.corp.example:5000/golang': 'corp.json', 'quay.io/acme/golang': 'a.txt' } } },
  { overrides: [{ files: 'legacy/**', transforms: ['bump-go-image'], 'bump-go-image': { goVersion: '1.22.5' } }] },
  { overrides: [{ files: ['a/', 'b/'] }, { files: 'c/Dockerfile', 'add-cache-mounts': { syntaxDirective: true } }] },
];

/** Invalid configurations, with the key path and the problem the message must name. */
const INVALID: [unknown, string][] = [
  [[], 'expected an object, got an array'],
  [{ transform: ['add-mod-flag'] }, 'transform: unknown key'],
  [{ transforms: 'add-mod-flag' }, 'transforms: expected an array of strings, got "add-mod-flag"'],
  [{ transforms: [] }, 'transforms: needs at least one transform id'],
  [{ transforms: ['add-mod-flag', 'nope'] }, 'transforms[1]: unknown transform "nope"'],
  [{ transforms: ['add-mod-flag', 'add-mod-flag'] }, 'transforms[1]: "add-mod-flag" is listed twice'],
  [{ include: [] }, 'include: expected one or more non-empty patterns'],
  [{ exclude: ['ok', 3] }, 'exclude[1]: expected a string, got number 3'],
  [{ exclude: ' ' }, 'exclude: expected one or more non-empty patterns'],
  [{ annotate: 'two\nlines' }, 'annotate: expected one non-empty line of text'],
  [{ annotate: 42 }, 'annotate: expected a string, got number 42'],
  [{ 'bump-go-image': { goVersion: 1.24 } }, 'bump-go-image.goVersion: expected a string, got number 1.24'],
  [{ 'bump-go-image': { goVersion: 'latest' } }, 'bump-go-image.goVersion: expected "auto", 1.N or 1.N.P'],
  [{ 'bump-go-image': { keepDigest: true } }, 'bump-go-image.keepDigest: unknown key (did you mean "keepDigests"?); allowed keys: goVersion, keepDigests, golangRegistries, golangTags, imageTags'],
  [{ 'bump-go-image': { golangTags: ['a.txt'] } }, 'bump-go-image.golangTags: expected a string, got an array'],
  [{ 'bump-go-image': { imageTags: ['a.txt'] } }, 'bump-go-image.imageTags: expected an object of image name -> tag list file'],
  [{ 'bump-go-image': { imageTags: { 'golang:1.24': 'a.txt' } } }, 'bump-go-image.imageTags.golang:1.24: expected an image name without tag'],
  [{ 'bump-go-image': { imageTags: { 'quay.io/acme/golang': '' } } }, 'bump-go-image.imageTags.quay.io/acme/golang: expected a file path'],
  [{ 'bump-go-image': { golangRegistries: ['https://registry.example'] } }, 'bump-go-image.golangRegistries[0]: expected a registry host'],
  [{ 'add-cache-mounts': { syntaxDirective: 'yes' } }, 'add-cache-mounts.syntaxDirective: expected true or false, got "yes"'],
  [{ 'add-mod-flag': {} }, 'add-mod-flag: unknown key'],
  [{ overrides: {} }, 'overrides: expected an array of objects, got an object'],
  [{ overrides: [{ transforms: ['add-mod-flag'] }] }, 'overrides[0]: needs a "files" pattern'],
  [{ overrides: [{ files: 'a/', include: 'b/' }] }, 'overrides[0].include: unknown key'],
  [{ overrides: [{ files: 'a/' }, { files: 'b/', 'bump-go-image': { goVersion: '1.x' } }] }, 'overrides[1].bump-go-image.goVersion: expected "auto"'],
];

describe('validation', () => {
  it.each(VALID.map((config) => [JSON.stringify(config), config]))('accepts %s', (_, config) => {
    expect(() => validateConfig(config, 'dockmod.config.json')).not.toThrow();
  });

  it.each(INVALID.map(([config, message]) => [message, config]))('rejects with "%s"', (message, config) => {
    expect(() => validateConfig(config, 'dockmod.config.json')).toThrow(ConfigError);
    expect(() => validateConfig(config, 'dockmod.config.json')).toThrow(`dockmod.config.json: ${message}`);
  });
});

describe('dockmod.schema.json', () => {
  it('accepts what the validator accepts', () => {
    for (const config of VALID) expect(validateWithSchema(config), JSON.stringify(validateWithSchema.errors)).toBe(true);
  });

  it('rejects what the validator rejects', () => {
    for (const [config] of INVALID) expect(validateWithSchema(config), JSON.stringify(config)).toBe(false);
  });

  it('lists the transforms of the pipeline, in order', () => {
    expect(schema.definitions.transformId.enum).toEqual(TRANSFORMS.map((transform) => transform.id));
  });

  it('lists the same per-transform options as the validator', () => {
    for (const [id, options] of Object.entries(TRANSFORM_OPTIONS)) {
      expect(Object.keys(schema.definitions[id].properties).sort(), id).toEqual(Object.keys(options).sort());
      expect(schema.properties[id], id).toBeDefined();
      expect(schema.properties.overrides.items.properties[id], id).toBeDefined();
    }
  });
});

describe('finding the configuration', () => {
  it('reads dockmod.config.json in the current directory', () => {
    const root = makeTree({ 'dockmod.config.json': '{ "transforms": ["add-mod-flag"] }' });
    expect(loadConfig(root)).toMatchObject({ source: 'dockmod.config.json', baseDir: root, config: { transforms: ['add-mod-flag'] } });
  });

  it('reads the "dockmod" key of package.json', () => {
    const root = makeTree({ 'package.json': JSON.stringify({ name: 'app', dockmod: { transforms: ['add-mod-flag'] } }) });
    expect(loadConfig(root)).toMatchObject({ source: 'package.json ("dockmod" key)', config: { transforms: ['add-mod-flag'] } });
  });

  it('has nothing when there is neither, or a package.json without the key', () => {
    expect(loadConfig(makeTree({}))).toBeUndefined();
    expect(loadConfig(makeTree({ 'package.json': '{ "name": "dockmod" }' }))).toBeUndefined();
    expect(loadConfig(makeTree({ 'package.json': '{ broken' }))).toBeUndefined();
  });

  it('refuses two configurations at once', () => {
    const root = makeTree({ 'dockmod.config.json': '{}', 'package.json': '{ "dockmod": {} }' });
    expect(() => loadConfig(root)).toThrow('both dockmod.config.json and a "dockmod" key in package.json');
  });

  it('takes --config relative to the current directory, package.json included, and --no-config', () => {
    const root = makeTree({ 'ci/dockmod.json': '{ "transforms": ["bump-go-image"] }', 'ci/package.json': '{ "dockmod": {} }', 'dockmod.config.json': '{ "x": 1 }' });
    expect(loadConfig(root, 'ci/dockmod.json')).toMatchObject({ source: 'ci/dockmod.json', baseDir: path.join(root, 'ci') });
    expect(loadConfig(root, 'ci/package.json')).toMatchObject({ source: 'ci/package.json ("dockmod" key)' });
    expect(loadConfig(root, false)).toBeUndefined();
    expect(() => loadConfig(root, 'missing.json')).toThrow('missing.json: no such file (given with --config)');
  });

  it('reads tag lists relative to its folder at once, and names the key and file of a bad one', () => {
    const root = makeTree({
      'ci/dockmod.json': JSON.stringify({ 'bump-go-image': { golangTags: 'tags.txt' }, overrides: [{ files: 'a/', 'bump-go-image': { imageTags: { 'quay.io/acme/golang': 'bad.json' } } }] }),
      'ci/tags.txt': '1.28\n1.28-alpine\n',
      'ci/bad.json': '{ "Repository": "x" }',
    });
    expect(() => loadConfig(root, 'ci/dockmod.json')).toThrow('ci/dockmod.json: overrides[0].bump-go-image.imageTags.quay.io/acme/golang: bad.json: has no "Tags" array');
    const good = makeTree({ 'dockmod.config.json': JSON.stringify({ 'bump-go-image': { golangTags: 'lists/tags.txt' } }), 'lists/tags.txt': '1.28\n' });
    expect(loadConfig(good)?.config['bump-go-image']?.golangTags).toBe(path.join(good, 'lists/tags.txt'));
    expect(() => loadConfig(makeTree({ 'dockmod.config.json': JSON.stringify({ 'bump-go-image': { golangTags: 'none.txt' } }) }))).toThrow(
      'dockmod.config.json: bump-go-image.golangTags: none.txt: cannot read the tag list (no such file)',
    );
  });

  it('says where JSON is broken', () => {
    expect(() => loadConfig(makeTree({ 'dockmod.config.json': '{ "transforms": [ }' }))).toThrow(/^dockmod\.config\.json: not valid JSON/);
  });
});

const MIGRATED_BUILD = 'RUN go build -mod=mod -o /app .';

describe('the CLI with a configuration', () => {
  const service = { 'svc/Dockerfile': GO_SERVICE, 'svc/go.mod': GO_MOD };

  it('runs the transforms the file lists', async () => {
    const root = makeTree({ ...service, 'dockmod.config.json': '{ "transforms": ["add-mod-flag"] }' });
    const result = await runCli(['--write'], root);
    expect(result.code).toBe(0);
    expect(readTreeFile(root, 'svc/Dockerfile')).toBe(GO_SERVICE.replace('RUN go build -o /app .', MIGRATED_BUILD));
  });

  it('lets flags win over the file', async () => {
    const config = { transforms: ['add-mod-flag'], 'bump-go-image': { goVersion: '1.22' } };
    const root = makeTree({ ...service, 'dockmod.config.json': JSON.stringify(config) });
    await runCli(['--write', '-t', 'bump-go-image', '--go-version', '1.25'], root);
    expect(readTreeFile(root, 'svc/Dockerfile')).toBe(GO_SERVICE.replace('golang:1.23', 'golang:1.25'));
  });

  it('uses per-transform options from the file when no flag sets them', async () => {
    const config = { transforms: ['bump-go-image'], 'bump-go-image': { goVersion: '1.25' } };
    const root = makeTree({ ...service, 'dockmod.config.json': JSON.stringify(config) });
    await runCli(['--write'], root);
    expect(readTreeFile(root, 'svc/Dockerfile')).toBe(GO_SERVICE.replace('golang:1.23', 'golang:1.25'));
  });

  it('applies overrides to the files they match, later ones winning', async () => {
    const config = {
      transforms: ['add-mod-flag'],
      overrides: [
        { files: 'legacy/', transforms: ['bump-go-image'], 'bump-go-image': { goVersion: '1.24' } },
        { files: 'legacy/old/**', 'bump-go-image': { goVersion: '1.25' } },
      ],
    };
    const root = makeTree({
      ...service,
      'legacy/a/Dockerfile': GO_SERVICE,
      'legacy/old/Dockerfile': GO_SERVICE,
      'dockmod.config.json': JSON.stringify(config),
    });
    await runCli(['--write'], root);
    expect(readTreeFile(root, 'svc/Dockerfile')).toBe(GO_SERVICE.replace('RUN go build -o /app .', MIGRATED_BUILD));
    expect(readTreeFile(root, 'legacy/a/Dockerfile')).toBe(GO_SERVICE.replace('golang:1.23', 'golang:1.24'));
    expect(readTreeFile(root, 'legacy/old/Dockerfile')).toBe(GO_SERVICE.replace('golang:1.23', 'golang:1.25'));
  });

  it('processes only included files and skips excluded ones, even when named', async () => {
    const config = { transforms: ['add-mod-flag'], include: 'services/', exclude: ['services/legacy/'] };
    const root = makeTree({
      'services/api/Dockerfile': GO_SERVICE,
      'services/legacy/Dockerfile': GO_SERVICE,
      'tools/Dockerfile': GO_SERVICE,
      'dockmod.config.json': JSON.stringify(config),
    });
    const result = await runCli(['--check'], root);
    expect(result).toEqual({ code: 1, stdout: 'services/api/Dockerfile\n', stderr: 'dockmod: 1 file would change, 0 unchanged, 0 notes, 0 errors\n' });
    const named = await runCli(['--check', 'services/legacy/Dockerfile', 'tools/Dockerfile'], root);
    expect(named).toEqual({
      code: 0,
      stdout: '',
      stderr:
        'dockmod: services/legacy/Dockerfile: ignored, excluded by dockmod.config.json (--no-ignore processes it)\n' +
        'dockmod: tools/Dockerfile: ignored, excluded by dockmod.config.json (--no-ignore processes it)\n' +
        'dockmod: 0 files would change, 0 unchanged, 0 notes, 0 errors\n',
    });
  });

  it('takes --annotate text from the file', async () => {
    const config = { transforms: ['add-mod-flag'], annotate: 'migrated by dockmod' };
    const root = makeTree({ ...service, 'dockmod.config.json': JSON.stringify(config) });
    await runCli(['--write'], root);
    expect(readTreeFile(root, 'svc/Dockerfile')).toBe(GO_SERVICE.replace('RUN go build -o /app .', `# migrated by dockmod\n${MIGRATED_BUILD}`));
  });

  it('exits 2 on a bad configuration, naming the key path, before touching any file', async () => {
    const config = { overrides: [{ files: 'svc/', 'bump-go-image': { goVersion: 'latest' } }] };
    const root = makeTree({ ...service, 'dockmod.config.json': JSON.stringify(config) });
    const result = await runCli(['--write'], root);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'dockmod: dockmod.config.json: overrides[0].bump-go-image.goVersion: expected "auto", 1.N or 1.N.P (for example "1.24"), got "latest"\n',
    });
    expect(readTreeFile(root, 'svc/Dockerfile')).toBe(GO_SERVICE);
  });

  it('ignores the file with --no-config', async () => {
    const root = makeTree({ ...service, 'dockmod.config.json': '{ "unknown": true }' });
    const result = await runCli(['--no-config', '--check', '-t', 'add-mod-flag'], root);
    expect(result.code).toBe(1);
  });
});

describe('the configuration of each file: the nearest one up to the repository root', () => {
  const bumpTo = (version: string) => JSON.stringify({ transforms: ['bump-go-image'], 'bump-go-image': { goVersion: version } });
  /** repo/ is the repository; a configuration above it must not count. */
  function makeRepo(): string {
    const outer = makeTree({
      'dockmod.config.json': bumpTo('1.21'),
      'repo/dockmod.config.json': JSON.stringify({ transforms: ['add-mod-flag'] }),
      'repo/services/api/Dockerfile': GO_SERVICE,
      'repo/services/legacy/dockmod.config.json': bumpTo('1.25'),
      'repo/services/legacy/Dockerfile': GO_SERVICE,
      'repo/services/legacy/old/Dockerfile': GO_SERVICE,
      'repo/tools/package.json': JSON.stringify({ name: 'tools', dockmod: { transforms: ['drop-mod-download'] } }),
      'repo/tools/lint/Dockerfile': GO_SERVICE,
    });
    mkdirSync(path.join(outer, 'repo', '.git'));
    return path.join(outer, 'repo');
  }
  const BUMPED = GO_SERVICE.replace('golang:1.23', 'golang:1.25');
  const FLAGGED = GO_SERVICE.replace('RUN go build -o /app .', MIGRATED_BUILD);

  it('applies to each file the configuration nearest to it, also when run from a subfolder', async () => {
    const root = makeRepo();
    const result = await runCli(['--write', '.', '../tools'], path.join(root, 'services'));
    expect(result).toEqual({
      code: 0,
      stdout: 'api/Dockerfile\nlegacy/Dockerfile\nlegacy/old/Dockerfile\n../tools/lint/Dockerfile\n',
      stderr: 'dockmod: 4 files changed, 0 unchanged, 0 notes, 0 errors\n',
    });
    expect(readTreeFile(root, 'services/api/Dockerfile')).toBe(FLAGGED);
    expect(readTreeFile(root, 'services/legacy/Dockerfile')).toBe(BUMPED);
    expect(readTreeFile(root, 'services/legacy/old/Dockerfile')).toBe(BUMPED);
    expect(readTreeFile(root, 'tools/lint/Dockerfile')).toBe(GO_SERVICE.replace('RUN go mod download\n', ''));
  });

  it('stops at the repository root', async () => {
    const root = makeRepo();
    rmSync(path.join(root, 'dockmod.config.json'));
    expect(JSON.parse((await runCli(['--print-config', 'services/api/Dockerfile'], root)).stdout)).toMatchObject({ config: null, transforms: TRANSFORMS.map((transform) => transform.id) });
    rmSync(path.join(root, '.git'), { recursive: true });
    expect(JSON.parse((await runCli(['--print-config', 'services/api/Dockerfile'], root)).stdout)).toMatchObject({ config: '../dockmod.config.json', transforms: ['bump-go-image'] });
  });

  it('reads patterns relative to the folder of the configuration that applies', async () => {
    const root = makeRepo();
    writeTreeFile(root, 'services/legacy/dockmod.config.json', JSON.stringify({ transforms: ['bump-go-image'], exclude: 'old/', 'bump-go-image': { goVersion: '1.25' } }));
    const result = await runCli(['--check'], root);
    expect(result.stdout).toBe('services/api/Dockerfile\nservices/legacy/Dockerfile\ntools/lint/Dockerfile\n');
  });

  it('is the one --stdin-filepath uses', async () => {
    const root = makeRepo();
    const result = await runWith(['--stdin-filepath', 'legacy/Dockerfile'], path.join(root, 'services'), { stdin: GO_SERVICE });
    expect(result).toEqual({ code: 0, stdout: BUMPED, stderr: '' });
  });

  it('--config still names one configuration for every file', async () => {
    const root = makeRepo();
    await runCli(['--write', '--config', 'services/legacy/dockmod.config.json'], root);
    expect(readTreeFile(root, 'services/api/Dockerfile')).toBe(BUMPED);
    expect(readTreeFile(root, 'tools/lint/Dockerfile')).toBe(BUMPED);
  });

  it('checks every configuration before any file is touched', async () => {
    const root = makeRepo();
    writeTreeFile(root, 'services/api/dockmod.config.json', '{ "transforms": ["nope"] }');
    const result = await runCli(['--write'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('dockmod: services/api/dockmod.config.json: transforms[0]: unknown transform "nope"; valid ids: drop-mod-download, insert-mod-tidy, add-mod-flag, add-cache-mounts, bump-go-image\n');
    expect(readTreeFile(root, 'services/api/Dockerfile')).toBe(GO_SERVICE);
    expect(readTreeFile(root, 'tools/lint/Dockerfile')).toBe(GO_SERVICE);
  });

  it('--print-config shows what a file would be processed with', async () => {
    const root = makeRepo();
    writeTreeFile(root, 'compose.yaml', 'services:\n  legacy:\n    build:\n      context: services\n      dockerfile: legacy/Dockerfile\n');
    const result = await runCli(['--print-config', 'legacy/Dockerfile', '--keep-digest'], path.join(root, 'services'));
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      file: 'legacy/Dockerfile',
      config: 'legacy/dockmod.config.json',
      ignored: false,
      transforms: ['bump-go-image'],
      options: { goVersion: '1.25', keepDigests: true },
      annotate: null,
      declaredContext: { context: '.', declaredIn: '../compose.yaml' },
    });
    const excluded = JSON.parse((await runCli(['--print-config', 'vendor/x/Dockerfile'], root)).stdout);
    expect(excluded).toMatchObject({ config: 'dockmod.config.json', ignored: 'inside vendor/, which dockmod never walks', transforms: ['add-mod-flag'], declaredContext: null });
  });

  it('--print-config refuses paths beside it', async () => {
    const result = await runCli(['--print-config', 'a/Dockerfile', 'b'], makeTree({}));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--print-config shows the settings of the one file it names');
  });
});

describe('the README', () => {
  it('shows configurations that the validator and the schema both accept', () => {
    const readme = readFileSync(path.join(import.meta.dirname, '..', 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Configuration file'), readme.indexOf('### Inline ignores'));
    const examples = [...section.matchAll(/```json\n([\s\S]*?)```/g)].map((match) => JSON.parse(match[1]!));
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) {
      expect(() => validateConfig(example, 'README.md')).not.toThrow();
      expect(schemaAccepts(example), JSON.stringify(example)).toBe(true);
    }
  });
});
