// Distribution: the pre-commit hooks and the GitHub Action run the commands
// they declare against temporary trees, and `npm pack` ships what the CLI and
// the API need and nothing else. The CLI runs built (bin/dockmod.js imports
// dist/, which `npm test` builds first), as the hooks and the action run it.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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
  const steps: { name: string; run: string; env?: Record<string, string>; shell: string; 'working-directory'?: string }[] = action.runs.steps;
  const dockmodStep = steps.find((step) => step.run.includes('npx'))!;

  it('is a composite action with the inputs paths, transforms, go-version and args', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(['paths', 'transforms', 'go-version', 'args']);
    expect(steps[0]!.run).toContain('npm ci');
    expect(steps[0]!['working-directory']).toBe('${{ github.action_path }}');
    expect(dockmodStep.run).toContain('npx --no-install --prefix "$GITHUB_ACTION_PATH" dockmod "${args[@]}"');
    expect(dockmodStep.run).toContain('args=(--check --format github)');
    expect(dockmodStep.shell).toBe('bash');
    // Inputs go through the environment, never into the script text.
    expect(dockmodStep.run).not.toContain('${{');
  });

  /** A workflow command without its message: `::warning file=...,line=...,title=...`. */
  const withoutMessage = (line: string): string => line.slice(0, line.indexOf('::', 2));

  /** Run the dockmod step as the runner would, with `inputs` in place of the workflow's `with:`. */
  function runStep(cwd: string, inputs: Record<string, string> = {}) {
    const env: Record<string, string> = { ...process.env, GITHUB_ACTION_PATH: REPO, CI: 'true' } as Record<string, string>;
    for (const [name, value] of Object.entries(dockmodStep.env ?? {})) {
      const input = /^\$\{\{ inputs\.([\w-]+) \}\}$/.exec(value)?.[1];
      expect(input, name).toBeDefined();
      env[name] = inputs[input!] ?? action.inputs[input!].default;
    }
    return spawnSync('bash', ['-c', dockmodStep.run], { cwd, env, encoding: 'utf8' });
  }

  it('fails the job with an annotation per pending change, and passes once migrated', () => {
    const root = makeTree({ 'dockmod.config.json': MIGRATION_CONFIG, 'svc/Dockerfile': GO_SERVICE, 'svc/go.mod': GO_MOD });
    const failing = runStep(root);
    expect(failing.status).toBe(1);
    expect(failing.stdout.split('\n').filter(Boolean).map(withoutMessage)).toEqual([
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

  it('passes paths, transforms, go-version and args on', () => {
    const root = makeTree({ 'a/Dockerfile': GO_SERVICE, 'b/Dockerfile': GO_SERVICE, 'c/Dockerfile': GO_SERVICE });
    const result = runStep(root, { paths: 'a\nb', transforms: 'bump-go-image', 'go-version': '1.25', args: '--no-config --annotate bumped' });
    expect(result.status).toBe(1);
    expect(result.stdout.split('\n').filter(Boolean).map(withoutMessage)).toEqual([
      '::warning file=a/Dockerfile,line=1,title=dockmod bump-go-image',
      '::warning file=b/Dockerfile,line=1,title=dockmod bump-go-image',
    ]);
  });

  it('treats inputs as words, never as shell code', () => {
    const root = makeTree({ 'svc/Dockerfile': GO_SERVICE });
    const result = runStep(root, { args: '$(touch pwned) `touch pwned2`', paths: 'svc;touch pwned3' });
    expect(result.status).toBe(2);
    expect(listTree(root)).toEqual(['svc/Dockerfile']);
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
