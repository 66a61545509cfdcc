// Distribution: the pre-commit hooks and the GitHub Action run the commands
// they declare against temporary trees, and `npm pack` ships what the CLI and
// the API need and nothing else. The CLI runs built (bin/dockmod.js imports
// dist/, which `npm test` builds first), as the hooks and the action run it.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { isDockerfileName, NOT_DOCKERFILE_EXTENSIONS } from '../src/discover.js';
import { npmPack, REPO } from './packed.js';
import { GO_MOD, GO_SERVICE, listTree, makeTree, readTreeFile } from './support.js';

const BIN = path.join(REPO, 'bin', 'dockmod.js');
const MIGRATION_CONFIG = JSON.stringify({ transforms: ['drop-mod-download', 'add-mod-flag'] });
const MIGRATED = GO_SERVICE.replace('RUN go mod download\n', '').replace('go build', 'go build -mod=mod');

interface Hook {
  id: string;
  name: string;
  entry: string;
  language: string;
  files: string;
}

const hooks: Hook[] = parse(readFileSync(path.join(REPO, '.pre-commit-hooks.yaml'), 'utf8'));
const action = parse(readFileSync(path.join(REPO, 'action.yml'), 'utf8'));

/** pre-commit's `files` is a Python regex; `(?i)` at its start is the i flag. */
function filesRegex(hook: Hook): RegExp {
  const flags = hook.files.startsWith('(?i)') ? 'i' : '';
  return new RegExp(hook.files.replace(/^\(\?i\)/, ''), flags);
}

/** Run a command line as written in a hook's entry: `dockmod` is the built CLI. */
function runEntry(entry: string, args: string[], cwd: string) {
  const [command, ...entryArgs] = entry.split(/\s+/);
  expect(command).toBe('dockmod');
  return spawnSync(process.execPath, [BIN, ...entryArgs, ...args], { cwd, encoding: 'latin1', env: { ...process.env, CI: 'true' } });
}

describe('.pre-commit-hooks.yaml', () => {
  const byId = Object.fromEntries(hooks.map((hook) => [hook.id, hook]));

  it('declares dockmod (--write) and dockmod-check (--check) as node hooks', () => {
    expect(hooks.map((hook) => hook.id)).toEqual(['dockmod', 'dockmod-check']);
    expect(byId.dockmod!.entry).toBe('dockmod --write');
    expect(byId['dockmod-check']!.entry).toBe('dockmod --check');
    for (const hook of hooks) expect(hook.language).toBe('node');
  });

  it('limits files to the names dockmod discovers, and leaves documents out', () => {
    const names = [
      'Dockerfile', 'dockerfile', 'DOCKERFILE', 'Dockerfile.prod', 'Dockerfile.alpine.ci', 'api.Dockerfile', 'api.dockerfile',
      'Containerfile', 'containerfile.dev', 'Dockerfile.md', 'Dockerfile.prod.md', 'Dockerfile.tmpl', 'Dockerfile.j2',
      'Dockerfile.', '.dockerfile', 'Dockerfile.dockerignore', 'Dockerfiles', 'mydockerfile', 'README.md', 'docker-compose.yml',
      ...[...NOT_DOCKERFILE_EXTENSIONS].map((extension) => `Dockerfile.${extension}`),
    ];
    for (const hook of hooks) {
      const regex = filesRegex(hook);
      for (const name of names) {
        for (const file of [name, `services/api/${name}`]) expect(regex.test(file), `${hook.id}: ${file}`).toBe(isDockerfileName(name));
      }
    }
  });

  it('runs: dockmod-check fails on pending changes, dockmod writes them, dockmod-check then passes', () => {
    const root = makeTree({
      'dockmod.config.json': MIGRATION_CONFIG,
      'services/api/Dockerfile': GO_SERVICE,
      'services/api/go.mod': GO_MOD,
      'services/web/Dockerfile.prod': GO_SERVICE,
      'services/web/Dockerfile.md': GO_SERVICE,
      'README.md': '# hi\n',
    });
    // What pre-commit passes: the staged files that match `files`.
    const staged = (hook: Hook) => listTree(root).filter((file) => filesRegex(hook).test(file));
    const check = byId['dockmod-check']!;
    const write = byId.dockmod!;
    expect(staged(check)).toEqual(['services/api/Dockerfile', 'services/web/Dockerfile.prod']);

    const failing = runEntry(check.entry, staged(check), root);
    expect(failing.status).toBe(1);
    expect(failing.stdout).toBe('services/api/Dockerfile\nservices/web/Dockerfile.prod\n');

    const writing = runEntry(write.entry, staged(write), root);
    expect(writing.status).toBe(0);
    expect(writing.stderr).toBe('dockmod: 2 files changed, 0 unchanged, 0 notes, 0 errors\n');
    expect(readTreeFile(root, 'services/api/Dockerfile')).toBe(MIGRATED);
    expect(readTreeFile(root, 'services/web/Dockerfile.md'), 'not passed to the hook').toBe(GO_SERVICE);

    const passing = runEntry(check.entry, staged(check), root);
    expect(passing.status).toBe(0);
    expect(passing.stdout).toBe('');
  });
});

describe('action.yml', () => {
  type Step = { name: string; run?: string; uses?: string; id?: string; if?: string; env?: Record<string, string>; shell?: string; with?: Record<string, string>; 'working-directory'?: string };
  const steps: Step[] = action.runs.steps;
  const dockmodStep = steps.find((step) => step.run?.includes('npx'))!;

  it('is a composite action with the inputs paths, transforms, go-version, args, working-directory, sarif-file and fail-on', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(['paths', 'transforms', 'go-version', 'args', 'working-directory', 'sarif-file', 'fail-on']);
    expect(action.inputs['fail-on'].default).toBe('changes');
    expect(dockmodStep.run).toContain('npx --no-install --prefix "$GITHUB_ACTION_PATH" dockmod "${args[@]}"');
    expect(dockmodStep.shell).toBe('bash');
    expect(dockmodStep['working-directory']).toBe('${{ inputs.working-directory }}');
    // Inputs go through the environment, never into the script text.
    for (const step of steps) expect(step.run ?? '').not.toContain('${{');
  });

  it('caches the install between runs: npm ci runs only on a cache miss, under a key of everything it builds from', () => {
    const [keyStep, cacheStep, installStep] = steps;
    expect(keyStep!.run).toBe('node "$GITHUB_ACTION_PATH/scripts/action-cache-key.js"');
    expect(cacheStep!.uses).toMatch(/^actions\/cache@v\d+$/);
    expect(cacheStep!.with!.key).toBe(`\${{ steps.${keyStep!.id}.outputs.key }}`);
    expect(cacheStep!.with!.path!.split('\n').filter(Boolean)).toEqual(['${{ github.action_path }}/node_modules', '${{ github.action_path }}/dist']);
    expect(installStep!.if).toBe(`steps.${cacheStep!.id}.outputs.cache-hit != 'true'`);
    expect(installStep!.run).toContain('npm ci');
    expect(installStep!['working-directory']).toBe('${{ github.action_path }}');

    // The key, computed as the runner would (into $GITHUB_OUTPUT), on a copy of the action.
    const copy = makeTree({});
    for (const entry of ['package.json', 'package-lock.json', '.npmrc', 'tsconfig.json', 'tsconfig.build.json', 'bin', 'scripts', 'src', 'transforms']) {
      cpSync(path.join(REPO, entry), path.join(copy, entry), { recursive: true });
    }
    const keyOf = (): string => {
      const output = path.join(copy, 'github-output');
      writeFileSync(output, '');
      const result = spawnSync('bash', ['-c', keyStep!.run!], { env: { ...process.env, GITHUB_ACTION_PATH: copy, GITHUB_OUTPUT: output }, encoding: 'utf8' });
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toBe('');
      return /^key=(dockmod-\S+)\n$/.exec(readFileSync(output, 'utf8'))![1]!;
    };
    const first = keyOf();
    expect(keyOf()).toBe(first);
    writeFileSync(path.join(copy, 'src', 'cli.ts'), `${readFileSync(path.join(copy, 'src', 'cli.ts'), 'utf8')}\n`);
    expect(keyOf(), 'a changed source').not.toBe(first);
  });

  /** A workflow command without its message: `::warning file=...,line=...,title=...`. */
  const withoutMessage = (line: string): string => line.slice(0, line.indexOf('::', 2));
  const annotations = (stdout: string): string[] => stdout.split('\n').filter((line) => line.startsWith('::')).map(withoutMessage);

  /** Run the dockmod step as the runner would, in `workspace`, with `inputs` in place of the workflow's `with:`. */
  function runStep(workspace: string, inputs: Record<string, string> = {}, extraEnv: Record<string, string> = {}) {
    const value = (input: string): string => inputs[input] ?? action.inputs[input].default;
    const env: Record<string, string> = { ...process.env, GITHUB_ACTION_PATH: REPO, GITHUB_WORKSPACE: workspace, CI: 'true', ...extraEnv } as Record<string, string>;
    for (const [name, expression] of Object.entries(dockmodStep.env ?? {})) {
      const input = /^\$\{\{ inputs\.([\w-]+) \}\}$/.exec(expression)?.[1];
      expect(input, name).toBeDefined();
      env[name] = value(input!);
    }
    const cwd = path.resolve(workspace, value('working-directory'));
    return spawnSync('bash', ['-c', dockmodStep.run!], { cwd, env, encoding: 'utf8' });
  }

  it('fails the job with an annotation per pending change, and passes once migrated', () => {
    const root = makeTree({ 'dockmod.config.json': MIGRATION_CONFIG, 'svc/Dockerfile': GO_SERVICE, 'svc/go.mod': GO_MOD });
    const failing = runStep(root);
    expect(failing.status).toBe(1);
    expect(annotations(failing.stdout)).toEqual([
      '::warning file=svc/Dockerfile,line=4,title=dockmod drop-mod-download',
      '::warning file=svc/Dockerfile,line=6,title=dockmod add-mod-flag',
    ]);
    expect(failing.stderr).toContain('dockmod: 1 file would change, 0 unchanged, 0 notes, 0 errors\n');
    expect(readTreeFile(root, 'svc/Dockerfile')).toBe(GO_SERVICE);

    spawnSync(process.execPath, [BIN, '--write'], { cwd: root });
    const passing = runStep(root);
    expect(passing.status).toBe(0);
    expect(passing.stdout).toBe('');
  });

  it('passes paths, transforms, go-version and args on, args as quoted words', () => {
    const root = makeTree({ 'a/Dockerfile': GO_SERVICE, 'b c/Dockerfile': GO_SERVICE, 'c/Dockerfile': GO_SERVICE });
    const result = runStep(root, { paths: 'a\n"b c"', transforms: 'bump-go-image', 'go-version': '1.25', args: '--no-config --annotate "migrated by platform"' });
    expect(result.status, result.stderr).toBe(1);
    expect(annotations(result.stdout)).toEqual([
      '::warning file=a/Dockerfile,line=1,title=dockmod bump-go-image',
      '::warning file=b c/Dockerfile,line=1,title=dockmod bump-go-image',
    ]);
    // Split at its spaces, `by` and `platform"` would be paths that do not exist (exit 2). Migrated with the same text, the check passes.
    const viaCli = spawnSync(process.execPath, [BIN, '--write', '--no-config', '-t', 'bump-go-image', '--go-version', '1.25', '--annotate', 'migrated by platform', 'a'], { cwd: root });
    expect(viaCli.status).toBe(0);
    expect(readTreeFile(root, 'a/Dockerfile')).toContain('# migrated by platform\nFROM golang:1.25 AS build\n');
    expect(runStep(root, { paths: 'a', transforms: 'bump-go-image', 'go-version': '1.25', args: '--no-config --annotate "migrated by platform"' }).status).toBe(0);
  });

  it('refuses an unmatched quote in args', () => {
    const root = makeTree({ 'svc/Dockerfile': GO_SERVICE });
    const result = runStep(root, { args: '--annotate "migrated' });
    expect(result.status).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/unmatched double quote/);
  });

  it('treats inputs as words, never as shell code', () => {
    const root = makeTree({ 'svc/Dockerfile': GO_SERVICE });
    const result = runStep(root, { args: '$(touch pwned) `touch pwned2`', paths: 'svc;touch pwned3' });
    expect(result.status).toBe(2);
    expect(listTree(root)).toEqual(['svc/Dockerfile']);
  });

  it('runs in working-directory, and writes sarif-file relative to the workspace', () => {
    const root = makeTree({ 'services/dockmod.config.json': MIGRATION_CONFIG, 'services/api/Dockerfile': GO_SERVICE, 'other/Dockerfile': GO_SERVICE });
    mkdirSync(path.join(root, '.git'));
    const result = runStep(root, { 'working-directory': 'services', 'sarif-file': 'reports/dockmod.sarif' });
    expect(result.status, result.stderr).toBe(1);
    expect(annotations(result.stdout)).toEqual([
      '::warning file=api/Dockerfile,line=4,title=dockmod drop-mod-download',
      '::warning file=api/Dockerfile,line=6,title=dockmod add-mod-flag',
    ]);
    const log = JSON.parse(readTreeFile(root, 'reports/dockmod.sarif'));
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].results.map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri)).toEqual(['services/api/Dockerfile', 'services/api/Dockerfile']);
  });

  it('fail-on: changes fails on pending changes only, notes also on notes, never on neither; errors always fail', () => {
    const noted = makeTree({ 'dockmod.config.json': MIGRATION_CONFIG, 'svc/Dockerfile': 'FROM golang:1.23\nRUN go build -mod=vendor .\n' });
    expect(runStep(noted).status, 'a note is no change').toBe(0);
    const failing = runStep(noted, { 'fail-on': 'notes' });
    expect(failing.status).toBe(1);
    expect(failing.stdout).toContain('dockmod: 1 notes recorded (fail-on: notes)\n');
    const pending = makeTree({ 'dockmod.config.json': MIGRATION_CONFIG, 'svc/Dockerfile': GO_SERVICE });
    expect(runStep(pending, { 'fail-on': 'notes' }).status).toBe(1);
    const never = runStep(pending, { 'fail-on': 'never' });
    expect(never.status).toBe(0);
    expect(annotations(never.stdout)).toHaveLength(2);
    writeFileSync(path.join(pending, 'svc', 'Dockerfile.bin'), Buffer.from([0]));
    expect(runStep(pending, { 'fail-on': 'never', paths: 'svc/Dockerfile.bin' }).status).toBe(2);
    const bad = runStep(pending, { 'fail-on': 'sometimes' });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('::error title=dockmod::fail-on must be changes, notes or never, not "sometimes"\n');
  });

  it('appends the job summary when the runner provides $GITHUB_STEP_SUMMARY', () => {
    const root = makeTree({ 'dockmod.config.json': MIGRATION_CONFIG, 'svc/Dockerfile': GO_SERVICE });
    const summary = path.join(root, 'step-summary.md');
    writeFileSync(summary, '');
    expect(runStep(root, { 'sarif-file': 'dockmod.sarif' }, { GITHUB_STEP_SUMMARY: summary }).status).toBe(1);
    const text = readFileSync(summary, 'utf8');
    expect(text.match(/^## dockmod$/gm), 'once, by the --format github run').toHaveLength(1);
    expect(text).toContain('| <code>svc/Dockerfile</code> | would change | 2 | 0 |');
  });
});

describe('npm pack', () => {
  const [pack] = npmPack(['--dry-run']);
  const files = pack!.files.map((file) => file.path).sort();
  const manifest = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8'));

  it('ships the CLI, the API with its types, the schema and the documents', () => {
    for (const file of [
      'package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'dockmod.schema.json', 'bin/dockmod.js',
      'dist/src/cli.js', 'dist/src/api.js', 'dist/src/api.d.ts', 'dist/transforms/index.js',
    ]) {
      expect(files, file).toContain(file);
    }
  });

  it('ships no tests, fixtures, examples, sources or development files', () => {
    const unwanted = files.filter((file) =>
      /^(test|__fixtures__|examples|bench|scratch|src|transforms|\.ci|\.github|dist\/(test|bench))\//.test(file) ||
      /(^|\/)(tsconfig[^/]*\.json|vitest\.config\.ts|package-lock\.json|\.pre-commit-hooks\.yaml|action\.yml)$/.test(file) ||
      (/\.ts$/.test(file) && !/\.d\.ts$/.test(file)),
    );
    expect(unwanted).toEqual([]);
  });

  it('contains every module the CLI and the API import, and depends on every package they import', () => {
    const shipped = new Set(files);
    const seen = new Set<string>();
    const queue = ['bin/dockmod.js', manifest.exports['.'].default.replace(/^\.\//, '')];
    const bare = new Set<string>();
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      expect(shipped.has(file), `${file} is imported but not packed`).toBe(true);
      const source = readFileSync(path.join(REPO, file), 'utf8');
      // Static imports and re-exports at the start of a line (not in comments), and dynamic imports.
      for (const match of source.matchAll(/^(?:import|export)\s[^;]*?\sfrom\s*'([^']+)'|^import\s*'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/gm)) {
        const specifier = (match[1] ?? match[2] ?? match[3])!;
        if (specifier.startsWith('.')) queue.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)));
        else if (!specifier.startsWith('node:')) bare.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!);
      }
    }
    expect(seen.size).toBeGreaterThan(10);
    for (const name of bare) expect(Object.keys(manifest.dependencies), `${name} is imported at run time`).toContain(name);
  });
});
