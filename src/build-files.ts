// Dockerfiles that build files name, whatever their file name, with the build
// context each declares: docker-compose / compose files (services.*.build) and
// docker-bake JSON files (target.*). The context is carried to the engine
// (RewriteOptions.declaredContext), which needs it to know what COPY copies.
// docker-bake HCL files are not read: no well-kept HCL parser runs on Node
// (see the README, "Which files").
import { lstatSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { exclusionOf, findBuildFiles, repositoryRoot, type Discovered, type PathProblem } from './discover.js';
import { systemMessage } from './files.js';

/** One build that a build file declares. All paths absolute. */
export interface BuildDeclaration {
  dockerfile: string;
  context: string;
  declaredIn: string;
}

/** What the engine is given: the build context a build file declares for this Dockerfile (absolute paths). */
export interface DeclaredContext {
  context: string;
  /** The build file that says so. */
  declaredIn: string;
}

export interface BuildFileReading {
  declarations: BuildDeclaration[];
  /** Set when the file could not be read or parsed: the Dockerfiles it names may be missed. */
  problem?: string;
}

/** A build as written, before paths are resolved: undefined fields take the tool's defaults. */
interface WrittenBuild {
  context?: unknown;
  dockerfile?: unknown;
}

/**
 * The YAML parser, loaded on the first compose file: most runs read none, and
 * loading it costs start-up time (see the README, Performance).
 */
let yamlParser: typeof import('yaml').parse | undefined;
function parseYaml(text: string): unknown {
  yamlParser ??= (createRequire(import.meta.url)('yaml') as typeof import('yaml')).parse;
  return yamlParser(text, { merge: true });
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function readBuildFile(file: string): BuildFileReading {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { declarations: [], problem: systemMessage(error, 'cannot be read') };
  }
  let builds: WrittenBuild[];
  try {
    builds = file.toLowerCase().endsWith('.json') ? bakeBuilds(JSON.parse(text)) : composeBuilds(parseYaml(text));
  } catch (error) {
    return { declarations: [], problem: `cannot be parsed (${(error as Error).message.split('\n')[0]})` };
  }
  const declarations = builds.flatMap((build) => {
    const declaration = resolveBuild(build, file);
    return declaration ? [declaration] : [];
  });
  return { declarations };
}

/** Compose: `build: ./dir`, or `build: { context, dockerfile }`; the Dockerfile is relative to the context. */
function composeBuilds(data: unknown): WrittenBuild[] {
  if (!isRecord(data) || !isRecord(data.services)) return [];
  return Object.values(data.services).flatMap((service): WrittenBuild[] => {
    if (!isRecord(service)) return [];
    const build = service.build;
    if (typeof build === 'string') return [{ context: build }];
    if (!isRecord(build) || build.dockerfile_inline !== undefined) return [];
    return [{ context: build.context, dockerfile: build.dockerfile }];
  });
}

/** Bake JSON: `target.<name>.{context, dockerfile, inherits}`; the Dockerfile is relative to the context. */
function bakeBuilds(data: unknown): WrittenBuild[] {
  if (!isRecord(data) || !isRecord(data.target)) return [];
  const targets = data.target;
  /** A target's fields, its own winning over the inherited ones, later parents over earlier ones. */
  const resolved = (name: string, seen: Set<string>): Record<string, unknown> => {
    const own = targets[name];
    if (!isRecord(own) || seen.has(name)) return {};
    const parents = Array.isArray(own.inherits) ? own.inherits.filter((parent): parent is string => typeof parent === 'string') : [];
    const next = new Set(seen).add(name);
    return Object.assign({}, ...parents.map((parent) => resolved(parent, next)), own);
  };
  return Object.keys(targets).flatMap((name): WrittenBuild[] => {
    const target = resolved(name, new Set());
    if (target['dockerfile-inline'] !== undefined) return [];
    return [{ context: target.context, dockerfile: target.dockerfile }];
  });
}

/**
 * A local path as written, or undefined: a URL or git remote, or a value that
 * needs variables (`${TAG}`) dockmod cannot know, declares nothing it can use.
 */
function localPath(value: unknown, fallback: string): string | undefined {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'string' || value.trim() === '' || value.includes('$')) return undefined;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || /^git@/.test(value) || /^github\.com\//.test(value)) return undefined;
  return value;
}

function resolveBuild(build: WrittenBuild, declaredIn: string): BuildDeclaration | undefined {
  const context = localPath(build.context, '.');
  const dockerfile = localPath(build.dockerfile, 'Dockerfile');
  if (context === undefined || dockerfile === undefined) return undefined;
  const contextPath = path.resolve(path.dirname(declaredIn), context);
  return { dockerfile: path.resolve(contextPath, dockerfile), context: contextPath, declaredIn };
}

/** The declarations of many build files, by Dockerfile. */
export interface BuildIndex {
  declarationsOf(dockerfile: string): readonly BuildDeclaration[];
  /** The context, when every build of this Dockerfile declares the same one. */
  declaredContextOf(dockerfile: string): DeclaredContext | undefined;
  dockerfiles(): string[];
  /** Build files that could not be read. */
  problems: PathProblem[];
}

export function indexBuildFiles(buildFiles: readonly string[]): BuildIndex {
  const byDockerfile = new Map<string, BuildDeclaration[]>();
  const problems: BuildIndex['problems'] = [];
  for (const file of buildFiles) {
    const reading = readBuildFile(file);
    if (reading.problem) problems.push({ path: file, message: reading.problem });
    for (const declaration of reading.declarations) {
      const list = byDockerfile.get(declaration.dockerfile) ?? [];
      if (!list.some((known) => known.context === declaration.context && known.declaredIn === declaration.declaredIn)) list.push(declaration);
      byDockerfile.set(declaration.dockerfile, list);
    }
  }
  return {
    declarationsOf: (dockerfile) => byDockerfile.get(dockerfile) ?? [],
    declaredContextOf(dockerfile) {
      const list = byDockerfile.get(dockerfile);
      if (!list || list.some((declaration) => declaration.context !== list[0]!.context)) return undefined;
      return { context: list[0]!.context, declaredIn: list[0]!.declaredIn };
    },
    dockerfiles: () => [...byDockerfile.keys()].sort(),
    problems,
  };
}

/** Where build files that may name a file at `dir` are looked for: its repository, else the folder itself. */
function buildFileRoot(dir: string): string {
  return repositoryRoot(dir) ?? dir;
}

const isInside = (file: string, dir: string): boolean => {
  const relative = path.relative(dir, file);
  return !relative.startsWith('..') && !path.isAbsolute(relative);
};

export interface DeclaredFiles {
  /** The discovered files plus the Dockerfiles that build files name inside the folders walked: absolute, sorted. */
  files: string[];
  index: BuildIndex;
}

/**
 * Adds to a discovery the Dockerfiles that build files name, whatever their
 * name, inside the folders walked and not excluded. The build files are those
 * of the whole repository of each path given (one more walk, for build files
 * only, when a path given is below its repository's root), so `dockmod
 * services/` sees the compose file at the root.
 */
export function withDeclaredFiles(discovered: Discovered, cwd: string): DeclaredFiles {
  const buildFiles = new Set(discovered.buildFiles);
  const starts = [...discovered.walked, ...[...discovered.explicit].map((file) => path.dirname(file))];
  const roots = new Set(starts.map(buildFileRoot));
  for (const root of roots) {
    if (discovered.walked.some((walked) => isInside(root, walked))) continue;
    for (const file of findBuildFiles(root)) buildFiles.add(file);
  }
  const index = indexBuildFiles([...buildFiles].sort());
  const files = new Set(discovered.files);
  for (const dockerfile of index.dockerfiles()) {
    if (files.has(dockerfile) || !discovered.walked.some((walked) => isInside(dockerfile, walked))) continue;
    if (isRegularFile(dockerfile) && exclusionOf(dockerfile, false, cwd) === undefined) files.add(dockerfile);
  }
  return { files: [...files].sort(), index };
}

/**
 * The build context that the repository's build files declare for
 * `dockerfile` (absolute, or relative to the current directory), as a
 * directory run finds it: for --stdin-filepath and the API.
 */
export function declaredContextFor(dockerfile: string): DeclaredContext | undefined {
  const file = path.resolve(dockerfile);
  return indexBuildFiles(findBuildFiles(buildFileRoot(path.dirname(file)))).declaredContextOf(file);
}

function isRegularFile(file: string): boolean {
  try {
    return lstatSync(file).isFile();
  } catch {
    return false;
  }
}
