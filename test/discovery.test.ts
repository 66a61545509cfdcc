// Which files a run processes, on temporary trees: names, dot-folders, the
// Dockerfiles compose and bake files name (with their build context), the
// exclusions explicit paths obey, and the runs that find nothing or cannot read a folder.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { declaredContextFor, indexBuildFiles } from '../src/build-files.js';
import { GO_SERVICE, makeTree, readTreeFile, runCli } from './support.js';

const MIGRATION = ['-t', 'drop-mod-download,add-mod-flag'];
const MIGRATED = GO_SERVICE.replace('RUN go mod download\n', '').replace('go build', 'go build -mod=mod');

/** A tree that is a git repository (exclusions and configuration stop at its root). */
function makeRepo(files: Record<string, string>): string {
  const root = makeTree(files);
  mkdirSync(path.join(root, '.git'));
  return root;
}

const COMPOSE = `
x-common: &common
  build:
    context: services/common
services:
  api:
    build: ./services/api
  worker:
    build:
      context: services/worker
      dockerfile: ../../docker/worker.build
  web:
    build:
      context: .
      dockerfile: web.docker
  shared:
    <<: *common
  remote:
    build: https://github.com/example/remote.git
  inline:
    build:
      dockerfile_inline: "FROM alpine"
  templated:
    build:
      context: \${CONTEXT}
  image-only:
    image: nginx
`;

describe('Dockerfiles that build files name', () => {
  const tree = {
    'docker-compose.yml': COMPOSE,
    'services/api/Dockerfile': GO_SERVICE,
    'docker/worker.build': GO_SERVICE,
    'web.docker': GO_SERVICE,
    'services/common/Dockerfile': GO_SERVICE,
    'README.md': '# not a Dockerfile\n',
    // The go.mod of each declared build context: the builds read those modules.
    'go.mod': 'module example.com/web\n\ngo 1.23\n',
    'services/api/go.mod': 'module example.com/api\n\ngo 1.23\n',
    'services/worker/go.mod': 'module example.com/worker\n\ngo 1.23\n',
    'services/common/go.mod': 'module example.com/common\n\ngo 1.23\n',
  };

  it('finds what docker-compose names whatever the name: short build, context + dockerfile, merge keys; skips URLs, inline and templated builds', async () => {
    const root = makeRepo(tree);
    const result = await runCli(['--check', ...MIGRATION], root);
    expect(result).toEqual({
      code: 1,
      stdout: 'docker/worker.build\nservices/api/Dockerfile\nservices/common/Dockerfile\nweb.docker\n',
      stderr: 'dockmod: 4 files would change, 0 unchanged, 0 notes, 0 errors\n',
    });
  });

  it('records each build context, relative to the compose file and the Dockerfile relative to the context', () => {
    const root = makeRepo(tree);
    const at = (relative: string) => path.join(root, relative);
    const compose = at('docker-compose.yml');
    expect(declaredContextFor(at('docker/worker.build'))).toEqual({ context: at('services/worker'), declaredIn: compose });
    expect(declaredContextFor(at('services/api/Dockerfile'))).toEqual({ context: at('services/api'), declaredIn: compose });
    expect(declaredContextFor(at('web.docker'))).toEqual({ context: root, declaredIn: compose });
    expect(declaredContextFor(at('services/common/Dockerfile'))).toEqual({ context: at('services/common'), declaredIn: compose });
    expect(declaredContextFor(at('README.md'))).toBeUndefined();
  });

  it('reads the whole repository\'s build files when given a folder below its root, and takes only the named files inside that folder', async () => {
    const root = makeRepo(tree);
    const result = await runCli(['--check', ...MIGRATION, 'docker'], path.join(root, 'services'));
    expect(result.stdout).toBe('');
    const inServices = await runCli(['--check', ...MIGRATION, '.'], path.join(root, 'services'));
    expect(inServices.stdout).toBe('api/Dockerfile\ncommon/Dockerfile\n');
    const fromRoot = await runCli(['--check', ...MIGRATION, 'docker'], root);
    expect(fromRoot.stdout).toBe('docker/worker.build\n');
  });

  it('reads docker-bake JSON targets, inherits included, and leaves the context undecided when two builds disagree', async () => {
    const bake = {
      target: {
        base: { context: 'svc' },
        app: { inherits: ['base'], dockerfile: 'build/app.df' },
        other: { context: 'other', dockerfile: '../svc/build/app.df' },
        inline: { 'dockerfile-inline': 'FROM alpine' },
      },
    };
    const root = makeRepo({ 'docker-bake.json': JSON.stringify(bake), 'svc/Dockerfile': GO_SERVICE, 'svc/build/app.df': GO_SERVICE });
    const result = await runCli(['--check', ...MIGRATION], root);
    expect(result.stdout).toBe('svc/Dockerfile\nsvc/build/app.df\n');
    expect(declaredContextFor(path.join(root, 'svc/Dockerfile'))).toEqual({ context: path.join(root, 'svc'), declaredIn: path.join(root, 'docker-bake.json') });
    expect(declaredContextFor(path.join(root, 'svc/build/app.df'))).toBeUndefined();
    const index = indexBuildFiles([path.join(root, 'docker-bake.json')]);
    expect(index.declarationsOf(path.join(root, 'svc/build/app.df')).map((each) => each.context)).toEqual([path.join(root, 'svc'), path.join(root, 'other')]);
  });

  it('warns about a build file it cannot parse and goes on', async () => {
    const root = makeRepo({ 'compose.yaml': 'services: [unclosed\n', 'a/Dockerfile': GO_SERVICE });
    const result = await runCli(['--check', ...MIGRATION], root);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('a/Dockerfile\n');
    expect(result.stderr).toMatch(/^dockmod: warning: compose\.yaml: cannot be parsed \(.+\); the Dockerfiles it names may be missed\n/);
  });

  it('leaves named Dockerfiles out when an exclusion covers them', async () => {
    const root = makeRepo({
      '.gitignore': 'generated/\n',
      'compose.yml': 'services:\n  a:\n    build: generated\n  b:\n    build: vendor/tool\n',
      'generated/Dockerfile.gen': GO_SERVICE,
      'vendor/tool/Dockerfile': GO_SERVICE,
      'keep/Dockerfile': GO_SERVICE,
    });
    expect((await runCli(['--check', ...MIGRATION], root)).stdout).toBe('keep/Dockerfile\n');
  });
});

describe('explicit paths obey the exclusions', () => {
  const tree = {
    '.gitignore': 'build/\n',
    'vendor/github.com/x/Dockerfile': GO_SERVICE,
    'node_modules/pkg/Dockerfile': GO_SERVICE,
    'build/Dockerfile': GO_SERVICE,
    'svc/Dockerfile': GO_SERVICE,
  };
  const given = ['vendor/github.com/x/Dockerfile', 'node_modules/pkg/Dockerfile', 'build/Dockerfile', 'svc/Dockerfile'];

  it('reports them as ignored, leaves them untouched and processes the rest', async () => {
    const root = makeRepo(tree);
    const result = await runCli(['--write', ...MIGRATION, ...given], root);
    expect(result).toEqual({
      code: 0,
      stdout: 'svc/Dockerfile\n',
      stderr:
        'dockmod: vendor/github.com/x/Dockerfile: ignored, inside vendor/, which dockmod never walks (--no-ignore processes it)\n' +
        'dockmod: node_modules/pkg/Dockerfile: ignored, inside node_modules/, which dockmod never walks (--no-ignore processes it)\n' +
        'dockmod: build/Dockerfile: ignored, matched by .gitignore (--no-ignore processes it)\n' +
        'dockmod: 1 file changed, 0 unchanged, 0 notes, 0 errors\n',
    });
    for (const file of given.slice(0, 3)) expect(readTreeFile(root, file)).toBe(GO_SERVICE);
  });

  it('applies nested .gitignore files and ignored folders, from the repository root, also when run from a subfolder', async () => {
    const root = makeRepo({ 'app/.gitignore': 'out/\n', 'app/out/Dockerfile': GO_SERVICE, 'app/Dockerfile': GO_SERVICE });
    const result = await runCli(['--check', ...MIGRATION, 'out/Dockerfile', 'Dockerfile', 'out'], path.join(root, 'app'));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('Dockerfile\n');
    expect(result.stderr).toContain('dockmod: out/Dockerfile: ignored, matched by app/.gitignore (--no-ignore processes it)\n');
    expect(result.stderr).toContain('dockmod: out: ignored, matched by app/.gitignore (--no-ignore processes it)\n');
  });

  it('processes them with --no-ignore', async () => {
    const root = makeRepo(tree);
    const result = await runCli(['--write', '--no-ignore', ...MIGRATION, ...given], root);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('build/Dockerfile\nnode_modules/pkg/Dockerfile\nsvc/Dockerfile\nvendor/github.com/x/Dockerfile\n');
    for (const file of given) expect(readTreeFile(root, file)).toBe(MIGRATED);
  });

  it('--no-ignore does not make a folder walk enter excluded folders', async () => {
    const root = makeRepo(tree);
    expect((await runCli(['--check', '--no-ignore', ...MIGRATION], root)).stdout).toBe('svc/Dockerfile\n');
  });

  it('prints an excluded --stdin-filepath input unchanged', async () => {
    const { runWith } = await import('./run-io.js');
    const root = makeRepo(tree);
    expect(await runWith(['--stdin-filepath', 'vendor/github.com/x/Dockerfile', ...MIGRATION], root, { stdin: GO_SERVICE })).toEqual({ code: 0, stdout: GO_SERVICE, stderr: '' });
    expect((await runWith(['--no-ignore', '--stdin-filepath', 'vendor/github.com/x/Dockerfile', ...MIGRATION], root, { stdin: GO_SERVICE })).stdout).toBe(MIGRATED);
  });
});

describe('a run that finds nothing, or cannot read a folder', () => {
  it('exits 2 with a clear message when no Dockerfile is found, so a gate cannot pass on nothing', async () => {
    const root = makeRepo({ 'README.md': '# hi\n', 'docs/Dockerfile.md': '# how to build\n' });
    expect(await runCli(['--check'], root)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'dockmod: error: .: no Dockerfile found in this folder\ndockmod: 0 files would change, 0 unchanged, 0 notes, 1 error\n',
    });
    expect((await runCli(['--check', 'docs'], root)).stderr).toContain('dockmod: error: docs: no Dockerfile found in this folder\n');
  });

  it('says so when the configuration excluded everything', async () => {
    const root = makeRepo({ 'a/Dockerfile': GO_SERVICE, 'dockmod.config.json': '{ "exclude": "a/" }' });
    const result = await runCli(['--check'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('dockmod: error: .: no Dockerfile found in this folder (1 excluded by the configuration)\n');
  });

  it('exits 0 when the only files named are ignored (a pre-commit hook passing a vendored file)', async () => {
    const root = makeRepo({ 'vendor/x/Dockerfile': GO_SERVICE });
    const result = await runCli(['--check', 'vendor/x/Dockerfile'], root);
    expect(result.code).toBe(0);
  });

  it('names a folder it cannot read, exits 2, and processes the rest', () => {
    const root = makeRepo({ 'a/Dockerfile': GO_SERVICE, 'secret/Dockerfile': GO_SERVICE });
    chmodSync(root, 0o755);
    chmodSync(path.join(root, 'secret'), 0o000);
    const bin = path.join(import.meta.dirname, '..', 'bin', 'dockmod.js');
    // As root every folder is readable: run as nobody then.
    const asUser = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath] : [process.execPath];
    const result = spawnSync(asUser[0]!, [...asUser.slice(1), bin, '--check', ...MIGRATION], { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH } });
    chmodSync(path.join(root, 'secret'), 0o755);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('a/Dockerfile\n');
    expect(result.stderr).toBe('dockmod: error: secret: is a folder that cannot be read (permission denied)\ndockmod: 1 file would change, 0 unchanged, 0 notes, 1 error\n');
  });
});
