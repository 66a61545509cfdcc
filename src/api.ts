// The programmatic API, the package's entry point:
//   import { rewrite, transforms } from 'dockmod';
// One text in, the rewritten text out; no file is read except go.mod facts
// near `path`, and nothing is written. declaredContextFor(path) reads the
// repository's compose and bake files, for `declaredContext`.
import path from 'node:path';
import { normalizeAnnotation } from './annotate.js';
import { declaredContextFor, type DeclaredContext } from './build-files.js';
import { DockmodError } from './errors.js';
import { goVersionProblem } from './go-version.js';
import { checkedTagList } from './tag-lists.js';
import { createModuleLookup, NO_MODULE } from './module.js';
import { unknownTransformMessage } from './suggest.js';
import { rewriteText, type Change, type Note, type Place } from './pipeline.js';
import type { TransformOptions } from './transform.js';
import { transformById, TRANSFORMS } from '../transforms/index.js';

export { DockmodError, declaredContextFor };
export type { Change, Note, Place, DeclaredContext };

export interface TransformInfo {
  /** Kebab-case id, as `--transforms` takes it. */
  id: string;
  /** One line on what it does. */
  summary: string;
}

/** Every transform, in pipeline order. */
export const transforms: readonly TransformInfo[] = Object.freeze(
  TRANSFORMS.map((transform) => Object.freeze({ id: transform.id, summary: transform.summary })),
);

export interface RewriteOptions {
  /**
   * The Dockerfile's path (relative to the current directory or absolute). The
   * nearest go.mod above it gives bump-go-image's `auto` target and tells
   * whether the module is vendored or in a workspace. Without it no go.mod is read.
   */
  path?: string;
  /** Transform ids, run in the order given. Default: all, in pipeline order. */
  transforms?: readonly string[];
  /** Target for bump-go-image: `auto` (default, from go.mod), `1.N` or `1.N.P`. */
  goVersion?: string;
  /** add-cache-mounts: also add `# syntax=docker/dockerfile:1` (engines older than Docker 23). */
  syntaxDirective?: boolean;
  /** bump-go-image: leave digest-pinned golang images unchanged instead of dropping the stale digest. */
  keepDigests?: boolean;
  /** bump-go-image: private registries whose `golang` image counts as the official one. */
  golangRegistries?: readonly string[];
  /** bump-go-image: a golang tag list file (skopeo list-tags JSON or one tag per line) extending the built-in table. */
  golangTags?: string;
  /** Tag list files by image name (`registry.corp.example/golang`): that image's own list. */
  imageTags?: Readonly<Record<string, string>>;
  /** Apply the edits notes suggest (off by default). */
  applySuggestions?: boolean;
  /** Add `# <annotate>` above each instruction a transform changed. */
  annotate?: string;
  /**
   * The build context a docker-compose or docker-bake file declares for this
   * Dockerfile (absolute paths): what `declaredContextFor(path)` returns, as the CLI passes it.
   */
  declaredContext?: DeclaredContext;
}

export interface RewriteOutput {
  /** The new text; the input itself when nothing changed. */
  output: string;
  changed: boolean;
  /** Places left for a human, with the reason: `{ transform, line, message }`, line 1-based in the input. */
  notes: Note[];
  /** Where each transform changed the text: `{ transform, line, removed, added }`, line 1-based in the input (the instruction changed, removed, or that an inserted one precedes). */
  changes: Change[];
  /** Ids of the transforms that changed the text, in pipeline order. */
  changedBy: string[];
  /** Places a `# dockmod-ignore` comment kept as they were. */
  ignored: Place[];
}

function selected(ids: readonly string[] | undefined) {
  if (ids === undefined) return TRANSFORMS;
  return ids.map((id) => {
    const transform = transformById(id);
    if (!transform) throw new DockmodError(unknownTransformMessage(id));
    return transform;
  });
}

function transformOptions(options: RewriteOptions): TransformOptions {
  const goVersion = options.goVersion ?? 'auto';
  const problem = goVersionProblem(goVersion);
  if (problem) throw new DockmodError(problem);
  const result: TransformOptions = { goVersion };
  if (options.syntaxDirective) result.syntaxDirective = true;
  if (options.keepDigests) result.keepDigests = true;
  if (options.golangRegistries) result.golangRegistries = [...options.golangRegistries];
  if (options.golangTags !== undefined) result.golangTags = checkedTagList(path.resolve(options.golangTags), options.golangTags);
  if (options.imageTags) {
    result.imageTags = Object.fromEntries(Object.entries(options.imageTags).map(([image, file]) => [image, checkedTagList(path.resolve(file), file)]));
  }
  if (options.applySuggestions) result.applySuggestions = true;
  return result;
}

/**
 * Rewrite one Dockerfile's text. Throws a DockmodError for bad options or
 * text that cannot be read as a Dockerfile.
 */
export function rewrite(text: string, options: RewriteOptions = {}): RewriteOutput {
  if (typeof text !== 'string') throw new TypeError('rewrite(text): text must be a string');
  let annotate: string | undefined;
  if (options.annotate !== undefined) {
    try {
      annotate = normalizeAnnotation(options.annotate);
    } catch (error) {
      throw new DockmodError(`invalid annotate text: ${(error as Error).message}`);
    }
  }
  const file = options.path ? path.resolve(options.path) : '';
  const lookup = file ? createModuleLookup() : undefined;
  const result = rewriteText(text, {
    path: file,
    transforms: selected(options.transforms),
    options: transformOptions(options),
    module: () => (lookup ? lookup(file) : NO_MODULE),
    annotate,
    declaredContext: options.declaredContext,
  });
  return {
    output: result.output,
    changed: result.changed,
    notes: result.notes,
    changes: result.changes,
    changedBy: result.changedBy,
    ignored: result.ignored,
  };
}
