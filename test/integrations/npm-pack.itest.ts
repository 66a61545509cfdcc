// npm pack with its scripts, as pre-commit and git-URL installs run it: the
// build (`prepare`) prints nothing on stdout, so the tarball name and the
// --json document are all there is. Run on a snapshot of the working tree, so
// the build does not rewrite the dist/ other tests are running.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO } from '../packed.js';
import { GO_SERVICE } from '../support.js';
import { snapshotOfWorkingTree } from './snapshot.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'dockmod-pack-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const snapshot = snapshotOfWorkingTree(path.join(scratch, 'dockmod'));
symlinkSync(path.join(REPO, 'node_modules'), path.join(snapshot, 'node_modules'));
const { name, version } = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8'));
const tarball = `${name}-${version}.tgz`;

const pack = (...args: string[]): string => execFileSync('npm', ['pack', '--dry-run', ...args], { cwd: snapshot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('npm pack, scripts included', () => {
  it('prints only the tarball name', () => {
    expect(pack()).toBe(`${tarball}\n`);
  });

  it('prints valid JSON with --json, also with the scripts in the foreground', () => {
    for (const extra of [[], ['--foreground-scripts']]) {
      const [report] = JSON.parse(pack('--json', ...extra));
      expect(report.filename).toBe(tarball);
      expect(report.files.map((file: { path: string }) => file.path)).toEqual(expect.arrayContaining(['dist/src/cli.bundle.cjs', 'dist/src/cli.bundle.cjs.cache']));
    }
  });

  it('builds with nothing on stdout', () => {
    const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: snapshot, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    expect(build.stdout).toBe('');
  });
});

describe('installing without a registry entry, as the README shows', () => {
  /** A fresh project with one Dockerfile that would change. */
  function project(name: string): string {
    const dir = path.join(scratch, name);
    mkdirSync(path.join(dir, 'svc'), { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', private: true }));
    writeFileSync(path.join(dir, 'svc', 'Dockerfile'), GO_SERVICE);
    return dir;
  }
  const npm = (cwd: string, ...args: string[]) => spawnSync('npm', args, { cwd, encoding: 'utf8' });
  const check = (cwd: string) => spawnSync('npx', ['--no-install', 'dockmod', '--check', '-t', 'drop-mod-download', '.'], { cwd, encoding: 'utf8' });

  it('from a git URL: npm clones, builds (prepare) and installs it', () => {
    const dir = project('from-git');
    const install = npm(dir, 'install', '--save-dev', '--no-audit', '--no-fund', `git+file://${snapshot}`);
    expect(install.status, install.stderr).toBe(0);
    const result = check(dir);
    expect(result.status, result.stderr).toBe(1);
    expect(result.stdout).toBe('svc/Dockerfile\n');
  });

  it('from a packed tarball', () => {
    const dir = project('from-tarball');
    const packed = execFileSync('npm', ['pack', '--pack-destination', dir], { cwd: snapshot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(packed).toBe(`${tarball}\n`);
    const install = npm(dir, 'install', '--save-dev', '--no-audit', '--no-fund', `./${tarball}`);
    expect(install.status, install.stderr).toBe(0);
    const result = check(dir);
    expect(result.status, result.stderr).toBe(1);
    expect(result.stdout).toBe('svc/Dockerfile\n');
  });
});
