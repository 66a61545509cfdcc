// Facts about the Go module a Dockerfile builds, read from the files around it:
// the nearest go.mod (searched from the Dockerfile's folder upwards, never
// above the repository root), its go and toolchain lines, vendor/modules.txt
// beside it, and a go.work on the way up.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface ModuleFacts {
  goModPath?: string;
  /** The `go` line, e.g. 1.23.0. */
  goVersion?: string;
  /** The `toolchain` line without its `go` prefix, e.g. 1.24.5. */
  toolchain?: string;
  /** vendor/modules.txt stands beside go.mod: Go builds with an implicit -mod=vendor. */
  vendored: boolean;
  workspacePath?: string;
  /** The go and toolchain lines of the go.work the build reads (workspace mode): Go enforces them like go.mod's. */
  workspaceGoVersion?: string;
  workspaceToolchain?: string;
}

export const NO_MODULE: ModuleFacts = { vendored: false };

export function parseGoMod(content: string): Pick<ModuleFacts, 'goVersion' | 'toolchain'> {
  const facts: Pick<ModuleFacts, 'goVersion' | 'toolchain'> = {};
  const go = /^[ \t]*go[ \t]+([0-9][^\s/]*)/m.exec(content);
  if (go) facts.goVersion = go[1];
  const toolchain = /^[ \t]*toolchain[ \t]+go([0-9][^\s/]*)/m.exec(content);
  if (toolchain) facts.toolchain = toolchain[1];
  return facts;
}

/** A lookup that caches per folder, so a monorepo's Dockerfiles share the reads. */
export function createModuleLookup(): (dockerfilePath: string) => ModuleFacts {
  const byDir = new Map<string, ModuleFacts>();
  const isRepoRoot = (dir: string): boolean => existsSync(path.join(dir, '.git'));

  const lookup = (dir: string): ModuleFacts => {
    const cached = byDir.get(dir);
    if (cached) return cached;
    let facts: ModuleFacts;
    const goMod = path.join(dir, 'go.mod');
    const goWork = path.join(dir, 'go.work');
    const parent = path.dirname(dir);
    const inherited = (): ModuleFacts => (isRepoRoot(dir) || parent === dir ? NO_MODULE : lookup(parent));
    if (isFile(goMod)) {
      facts = {
        goModPath: goMod,
        ...parseGoMod(readFileSync(goMod, 'utf8')),
        vendored: isFile(path.join(dir, 'vendor', 'modules.txt')),
      };
      const workspace = isFile(goWork) ? goWork : inherited().workspacePath;
      if (workspace) facts.workspacePath = workspace;
    } else {
      const above = inherited();
      facts = isFile(goWork) ? { ...above, workspacePath: goWork } : above;
    }
    byDir.set(dir, facts);
    return facts;
  };
  return (dockerfilePath) => lookup(path.dirname(path.resolve(dockerfilePath)));
}

function isFile(file: string): boolean {
  try {
    // No exception for a missing file: most folders have no go.mod or go.work, and a throw costs ~20 us.
    return statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}
