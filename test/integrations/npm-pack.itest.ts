// npm pack with its scripts, as pre-commit and git-URL installs run it: the
// build (`prepare`) prints nothing on stdout, so the tarball name and the
// --json document are all there is. Run on a snapshot of the working tree, so
// the build does not rewrite the dist/ other tests are running.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO } from '../packed.js';
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
      expect(report.files.map((file: { path: string }) => file.path)).toContain('dist/src/cli.bundle.js');
    }
  });

  it('builds with nothing on stdout', () => {
    const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: snapshot, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    expect(build.stdout).toBe('');
  });
});
