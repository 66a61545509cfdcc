// The package as npm would publish it: `npm pack` of the working tree (built by
// `npm run build`, which `npm test` runs first), unpacked into a fresh
// node_modules/dockmod of a temporary consumer project.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const REPO = path.join(import.meta.dirname, '..');

export interface PackedPackage {
  /** The consumer project: its node_modules/dockmod is the unpacked package. */
  consumer: string;
  /** node_modules/dockmod inside it. */
  packageDir: string;
  /** Paths in the tarball, relative to the package root. */
  files: string[];
  remove(): void;
}

export function npmPack(args: string[], cwd = REPO): { filename: string; files: { path: string }[] }[] {
  const output = execFileSync('npm', ['pack', '--json', '--ignore-scripts', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return JSON.parse(output);
}

export function packedPackage(): PackedPackage {
  const consumer = mkdtempSync(path.join(tmpdir(), 'dockmod-consumer-'));
  const [pack] = npmPack(['--pack-destination', consumer]);
  const packageDir = path.join(consumer, 'node_modules', 'dockmod');
  mkdirSync(packageDir, { recursive: true });
  execFileSync('tar', ['-xzf', path.join(consumer, pack!.filename), '-C', packageDir, '--strip-components=1']);
  // The package's own dependencies, as an install would provide them.
  for (const entry of readdirSync(path.join(REPO, 'node_modules'))) {
    if (entry === 'dockmod' || entry.startsWith('.')) continue;
    symlinkSync(path.join(REPO, 'node_modules', entry), path.join(consumer, 'node_modules', entry));
  }
  return { consumer, packageDir, files: pack!.files.map((file) => file.path), remove: () => rmSync(consumer, { recursive: true, force: true }) };
}
