// Which Go module one go command builds: follow WORKDIR, `cd` and `-C` to the
// folder it runs in, then up to the go.mod the image holds there, and back
// through the COPY/ADD instructions to that go.mod in the build context; with
// the vendor/ folder and go.work the same command sees.
import nodePath from 'node:path';
import { parseGoMod, type ModuleFacts } from '../module.js';
import { contextFileAt, globToRegExp, normalizeImagePath, resolveIn, type CopiesBefore } from './copies.js';
import { goPackageFolders, NO_FILES, type ProjectFiles } from './files.js';
import type { ContextExcludes } from './dockerignore.js';
import { UNKNOWN_CONTEXT, type BuildContext } from './context.js';
import { objectCache } from '../object-cache.js';
import { childPath, relativeWithSlashes } from '../host-paths.js';

export interface ModuleRead {
  /**
   * context: found through the COPYs in the build context; nearest: the build
   * context is unknown, so the nearest go.mod above the Dockerfile stands in;
   * created: a RUN makes the go.mod (go mod init); elsewhere: no go.mod comes
   * from the build context, but the image gets sources another way (git
   * clone, a download, COPY --from); none: no go.mod reaches the folder the
   * command runs in.
   */
  how: 'context' | 'nearest' | 'created' | 'elsewhere' | 'none';
  /** One line for reports. */
  detail: string;
  /** Absolute path of the go.mod on disk. */
  goModFile?: string;
  /** The module's folder in the image. */
  moduleRoot?: string;
  goVersion?: string;
  toolchain?: string;
  /** how 'elsewhere' because a git command earlier in the RUN checks out another revision of this repository: that command. */
  checkedOutBy?: string;
  /** The go.mod's `module` path (context reads). */
  modulePath?: string;
  /** vendor/modules.txt reaches the image beside go.mod. */
  vendored: boolean;
  /** What makes vendor/ in the image when no vendor/modules.txt is copied: `go mod vendor at line N`. */
  vendoredBy?: string;
  /** The go.work the command sees (absolute path on disk). */
  workspaceFile?: string;
  /** What makes a go.work in the image: `go work init at line N`. */
  workspaceBy?: string;
  /** Folders of the module (relative to its root, '' the root) that hold .go files and that no COPY brings. */
  missingGoFolders?: string[];
  /**
   * The build context cannot be found on disk (a COPY source is missing), or the folder the command runs in is unknown
   * (`WORKDIR /src/$SERVICE`), there is no go.mod above the Dockerfile and no COPY names one: whether the command runs in
   * module mode at all cannot be told.
   */
  noModuleKnown?: true;
  /**
   * The build context is unknown and no COPY brings it whole: which of the module's Go folders reach the image cannot be
   * told (missingGoFolders, which needs the context, stays undefined).
   */
  goFoldersUnknown?: true;
}

/** A fetch of sources from outside the build context: `git clone`, `ADD <url>`, a download, or `go get` of packages. */
export interface SourcesFetched {
  /** For messages: "`git clone` at line 4". */
  description: string;
  /** `go get pkg`: it fetches packages into GOPATH or the module cache, never into the folder a COPY filled. */
  goGet?: true;
}

export interface ModuleQuery {
  files: ProjectFiles;
  context: BuildContext;
  copies: CopiesBefore;
  /** The folder the go command runs in, in the image (undefined: unknown). */
  workdir: string | undefined;
  /** A RUN before the command runs `go mod init`, or a COPY heredoc writes go.mod. */
  createsGoMod: boolean;
  /** The go and toolchain lines of the go.mod a COPY heredoc writes (no `go mod init` before the command). */
  createdGoMod?: Pick<ModuleFacts, 'goVersion' | 'toolchain'>;
  /** How the image gets sources from outside the build context before the command (git clone, COPY --from...), if it does. */
  fetchesSources: SourcesFetched | undefined;
  /** The fallback: the nearest go.mod above the Dockerfile. */
  nearest: () => ModuleFacts;
  /** The .dockerignore of the context leaves vendor/ out. */
  ignoresVendor: boolean;
  /** .dockerignore leaves the context's path out (or may: see dockerignore.ts). */
  excludes: ContextExcludes;
}

const CREATED: ModuleRead = { how: 'created', detail: 'the Dockerfile creates go.mod (go mod init, or a COPY heredoc)', vendored: false };

/** The module the Dockerfile creates, with the go line of a go.mod it writes itself. */
function created(query: ModuleQuery): ModuleRead {
  const written = query.createdGoMod;
  if (!written?.goVersion && !written?.toolchain) return CREATED;
  return { ...CREATED, ...written };
}

/** The build reads another revision of the sources, which a git command checked out over the copied ones. */
export function checkedOutElsewhere(checkout: string, ofTheContext: boolean): ModuleRead {
  const read: ModuleRead = { how: 'elsewhere', detail: `${checkout} puts another revision of the sources in place`, vendored: false };
  if (ofTheContext) read.checkedOutBy = checkout;
  return read;
}

export function fetchedElsewhere(fetch: string): ModuleRead {
  return { how: 'elsewhere', detail: `no go.mod comes from the build context; the image gets sources through ${fetch}`, vendored: false };
}

export function moduleReadBy(query: ModuleQuery): ModuleRead {
  // Plumbing (speed): the same file asks again with the same values after each transform that changed its text (a new
  // parse, a new model); the answer depends on those values alone, so it is kept per file (its `nearest`) and values.
  const { copies } = query;
  let key = `${query.context.dir ?? '\u0003'}\u0000${query.workdir ?? '\u0003'}\u0000${query.createsGoMod}\u0000${query.createdGoMod?.goVersion ?? ''}\u0000${query.createdGoMod?.toolchain ?? ''}\u0000${query.fetchesSources?.description ?? '\u0003'}\u0000${query.ignoresVendor}`;
  for (let i = 0; i < copies.count; i++) {
    const copy = copies.list[i]!;
    key += `\u0000${copy.sources.join('\u0001')}\u0002${copy.destination}\u0002${copy.intoFolder}`;
  }
  let known = readsOfFile.get(query.nearest);
  if (!known) readsOfFile.set(query.nearest, (known = new Map()));
  let read = known.get(key);
  if (!read) known.set(key, (read = readModule(query)));
  return read;
}

const readsOfFile = objectCache<() => ModuleFacts, Map<string, ModuleRead>>();

function readModule(query: ModuleQuery): ModuleRead {
  const { files, context, copies, workdir } = query;
  // Nothing from the build context reaches the image: the go.mod is made here, or comes with sources fetched another way, whatever the context.
  if (copies.count === 0 && query.createsGoMod) return created(query);
  if (copies.count === 0 && query.fetchesSources) return fetchedElsewhere(query.fetchesSources.description);
  if (copies.count > 0 && copiesGoFilesOnly(copies)) {
    // Whatever the context holds, Go source files alone bring no go.mod: the nearest one does not stand in.
    if (query.createsGoMod) return created(query);
    if (query.fetchesSources && !query.fetchesSources.goGet) return fetchedElsewhere(query.fetchesSources.description);
    return { how: 'none', detail: `no go.mod reaches ${workdir ?? 'the folder the command runs in'} through the COPY/ADD instructions (they copy Go source files only)`, vendored: false };
  }
  if (context.dir === undefined || workdir === undefined) return fromNearest(query, context.dir === undefined ? 'the build context is unknown' : 'the folder the command runs in is unknown');
  const contextDir = context.dir;
  if (copies.count === 0) return fromNearest(query, 'nothing is copied from the build context');
  const exists = (relative: string): boolean => files.isFile(nodePath.join(contextDir, relative));
  const workspace = upwards(workdir, (dir) => contextFileAt(copies, joinImage(dir, 'go.work'), exists));
  for (let dir = workdir; ; dir = nodePath.posix.dirname(dir)) {
    const goMod = contextFileAt(copies, joinImage(dir, 'go.mod'), exists);
    if (goMod !== undefined) return fromContext(query, contextDir, dir, goMod, exists, workspace);
    if (dir === '/') break;
  }
  if (workspace !== undefined) {
    return { how: 'context', detail: `${workspace} of the build context (workspace mode)`, vendored: false, workspaceFile: nodePath.join(contextDir, workspace) };
  }
  if (query.createsGoMod) return created(query);
  // A `go get` beside what the COPYs brought fetches dependencies: the build is of the copied sources, with no go.mod.
  if (query.fetchesSources && !query.fetchesSources.goGet) return fetchedElsewhere(query.fetchesSources.description);
  return { how: 'none', detail: `no go.mod reaches ${workdir} through the COPY/ADD instructions`, vendored: false };
}

/**
 * The context's vendor/modules.txt at `relative` reaches the image: a `vendor` line of .dockerignore leaves it out only
 * where its pattern, anchored at the context's root as Docker anchors it, matches this module's vendor/ (`vendor` is the
 * root module's alone; `services/api/vendor` stays). Either reader unsure: it counts as there (the build would read it).
 */
function vendorReaches(query: ModuleQuery, relative: string | undefined): boolean {
  return relative !== undefined && !(query.ignoresVendor && query.excludes(relative));
}

function fromContext(query: ModuleQuery, contextDir: string, moduleRoot: string, goMod: string, exists: (relative: string) => boolean, workspace: string | undefined): ModuleRead {
  const { files, copies } = query;
  const goModFile = nodePath.join(contextDir, goMod);
  const read: ModuleRead = {
    how: 'context',
    detail: `${goMod} of the build context, at ${joinImage(moduleRoot, 'go.mod')} in the image`,
    goModFile,
    moduleRoot,
    ...parseGoMod(files.read(goModFile) ?? ''),
    ...modulePathOf(files.read(goModFile) ?? ''),
    vendored: vendorReaches(query, contextFileAt(copies, joinImage(moduleRoot, 'vendor/modules.txt'), exists)),
  };
  if (workspace !== undefined) read.workspaceFile = nodePath.join(contextDir, workspace);
  // Walked only when asked (insert-mod-tidy, the report): most reads (the bump's target, every go command's module) never need it.
  let missing: string[] | undefined | null = null;
  Object.defineProperty(read, 'missingGoFolders', {
    enumerable: true,
    get(): string[] | undefined {
      if (missing === null) {
        const found = missingGoFolders(files, contextDir, nodePath.dirname(goModFile), moduleRoot, copies, exists, query.excludes);
        missing = found.length > 0 ? found : undefined;
      }
      return missing;
    },
  });
  return read;
}

/**
 * The module's Go folders that no COPY brings to the image. The same module
 * and copies come back for every go command, every parse of the file and many
 * Dockerfiles of a service: answered once per file-system view and their values.
 */
function missingGoFolders(files: ProjectFiles, contextDir: string, moduleDir: string, moduleRoot: string, copies: CopiesBefore, exists: (relative: string) => boolean, excludes: ContextExcludes): string[] {
  let known = missingByQuery.get(files);
  if (!known) missingByQuery.set(files, (known = new Map()));
  const key = [contextDir, moduleDir, moduleRoot, ...copies.list.slice(0, copies.count).map((copy) => `${copy.sources.join('\u0001')}\u0002${copy.destination}\u0002${copy.intoFolder}`)].join('\u0000');
  let missing = known.get(key);
  if (!missing) {
    missing = goPackageFolders(files, moduleDir).filter((folder) => {
      // A package file rather than a test (.dockerignore often leaves `**/*_test.go` out: the package is still there).
      const dir = nodePath.join(moduleDir, folder);
      const names = files.list(dir).filter((entry) => entry.endsWith('.go'));
      const name = names.find((entry) => !entry.endsWith('_test.go')) ?? names[0]!;
      const imagePath = joinImage(folder === '' ? moduleRoot : joinImage(moduleRoot, folder), name);
      const relative = relativeWithSlashes(contextDir, childPath(dir)(name));
      return excludes(relative) || contextFileAt(copies, imagePath, exists) !== relative;
    });
    known.set(key, missing);
  }
  return missing;
}

const missingByQuery = objectCache<ProjectFiles, Map<string, string[]>>();

function fromNearest(query: ModuleQuery, why: string): ModuleRead {
  const facts = query.nearest();
  const workspaceBrought = facts.workspacePath !== undefined && copiesMayBring(query.copies, facts.workspacePath);
  if (facts.goModPath && query.copies.count > 0 && !workspaceBrought && !copiesMayBring(query.copies, facts.goModPath)) {
    return { how: 'none', detail: `${why}, and no COPY/ADD can bring the nearest go.mod above the Dockerfile`, vendored: false };
  }
  // Its vendor/ and the nearest go.work count only where a COPY can bring them.
  const vendored = facts.vendored && (!facts.goModPath || copiesMayBring(query.copies, nodePath.join(nodePath.dirname(facts.goModPath), 'vendor', 'modules.txt')));
  const read: ModuleRead = { how: 'nearest', detail: `${why}: the nearest go.mod above the Dockerfile stands in`, vendored };
  if (facts.goModPath) read.goModFile = facts.goModPath;
  if (facts.goVersion) read.goVersion = facts.goVersion;
  if (facts.toolchain) read.toolchain = facts.toolchain;
  if (workspaceBrought) read.workspaceFile = facts.workspacePath;
  if (query.context.dir === undefined && !copiesWholeContext(query.copies)) read.goFoldersUnknown = true;
  if (!facts.goModPath) {
    read.detail = `${why}, and no go.mod was found above the Dockerfile`;
    // Only where a file system was there to search: a Dockerfile given as text alone keeps the nearest go.mod's benefit of the doubt.
    const searched = query.files !== NO_FILES && query.context !== UNKNOWN_CONTEXT;
    if (searched && (query.context.how === 'unknown' || query.workdir === undefined) && !copiesNameGoMod(query.copies)) read.noModuleKnown = true;
  }
  return read;
}

/** Every COPY/ADD source is a Go source file (`main.go`, `*.go`): none can be or hold a go.mod. */
function copiesGoFilesOnly(copies: CopiesBefore): boolean {
  for (let i = 0; i < copies.count; i++) {
    if (!copies.list[i]!.sources.every((source) => /^[^/]*\.go$/.test(nodePath.posix.basename(source)) && !source.endsWith('/'))) return false;
  }
  return true;
}

/** Some COPY/ADD brings the whole build context ('.'). */
function copiesWholeContext(copies: CopiesBefore): boolean {
  for (let i = 0; i < copies.count; i++) if (copies.list[i]!.sources.includes('.')) return true;
  return false;
}

/**
 * A COPY/ADD may bring `file` (found above the Dockerfile, the build context unknown): the whole context, a source
 * named like it (or a pattern that matches it), or a folder whose path is part of the file's folder on disk.
 */
function copiesMayBring(copies: CopiesBefore, file: string): boolean {
  const name = nodePath.basename(file);
  const folder = nodePath.dirname(file).split(nodePath.sep).join('/');
  for (let i = 0; i < copies.count; i++) {
    for (const source of copies.list[i]!.sources) {
      if (source === '.' || source.includes('$') || sourceNamed(source, name)) return true;
      // A pattern across folders may match anything.
      if (/[*?[]/.test(source)) {
        if (source.includes('/')) return true;
        continue;
      }
      if (folder === source || folder.endsWith(`/${source}`) || folder.includes(`/${source}/`)) return true;
    }
  }
  return false;
}

/** A COPY/ADD source named go.mod or go.work, or a pattern that matches one: the image is meant to have a module. */
function copiesNameGoMod(copies: CopiesBefore): boolean {
  for (let i = 0; i < copies.count; i++) {
    if (copies.list[i]!.sources.some((source) => sourceNamed(source, 'go.mod') || sourceNamed(source, 'go.work'))) return true;
  }
  return false;
}

/** A COPY/ADD source named `name`, or whose file-name pattern matches it (`go.*`). */
function sourceNamed(source: string, name: string): boolean {
  const base = nodePath.posix.basename(source);
  return base === name || (/[*?[]/.test(base) && globToRegExp(base).test(name));
}

/** The module read as the older, per-file ModuleFacts (for what still asks per file). */
export function asModuleFacts(read: ModuleRead): ModuleFacts {
  const facts: ModuleFacts = { vendored: read.vendored };
  if (read.goModFile) facts.goModPath = read.goModFile;
  if (read.goVersion) facts.goVersion = read.goVersion;
  if (read.toolchain) facts.toolchain = read.toolchain;
  if (read.workspaceFile) facts.workspacePath = read.workspaceFile;
  return facts;
}

/** The first answer of `find` from `start` up to the image's root folder. */
function upwards(start: string, find: (dir: string) => string | undefined): string | undefined {
  for (let dir = start; ; dir = nodePath.posix.dirname(dir)) {
    const found = find(dir);
    if (found !== undefined || dir === '/') return found;
  }
}

function joinImage(folder: string, name: string): string {
  return normalizeImagePath(resolveIn(folder, name)!);
}

/** The `module` line's path (quotes dropped), as `{ modulePath }` when there is one. */
function modulePathOf(content: string): { modulePath?: string } {
  const match = /^[ \t]*module[ \t]+"?([^\s"/][^\s"]*)"?/m.exec(content);
  return match ? { modulePath: match[1]! } : {};
}
