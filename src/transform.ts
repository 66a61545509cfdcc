// The contract between the engine and a transform.
import type { Document } from './document.js';
import type { Edit } from './edits.js';
import type { ModuleFacts } from './module.js';
import type { ImageModel } from './model/index.js';

export interface TransformOptions {
  /** Target for bump-go-image: a version such as 1.24 or 1.24.5, or 'auto'. */
  goVersion: string;
  /** add-cache-mounts: also add `# syntax=docker/dockerfile:1` (for engines older than Docker 23). */
  syntaxDirective?: boolean;
  /** bump-go-image: leave a digest-pinned image unchanged (with a note) instead of dropping the stale digest. */
  keepDigests?: boolean;
  /** bump-go-image: private registries whose `golang` image counts as the official one (e.g. registry.corp.example). */
  golangRegistries?: string[];
  /** bump-go-image: a tag list file (absolute path) that extends the built-in golang tag table. */
  golangTags?: string;
  /** Tag list files (absolute paths) by image name: that image's own list (`registry.corp.example/golang`). */
  imageTags?: Record<string, string>;
  /** Apply the edits notes suggest (off by default: a suggestion is a likely fix, not a certain one). */
  applySuggestions?: boolean;
}

/**
 * An edit a human would most likely make where a transform stopped: shown with
 * its note, applied only with --apply-suggestions (like ESLint suggestions).
 */
export interface Suggestion {
  /** What the edits do, e.g. `golang:1.24-alpine3.20`. */
  description: string;
  edits: Edit[];
}

export interface Context {
  doc: Document;
  /** The file's path, for messages and module lookup ('' when unknown). */
  path: string;
  options: TransformOptions;
  /** Facts about the Go module the Dockerfile builds, looked up lazily from disk. */
  module(): ModuleFacts;
  /** The model of the image (build context, modules, Go versions, environments, module-cache flow) for the current text. */
  model(): ImageModel;
  /** Ids of the transforms that run in this pipeline. */
  pipeline: readonly string[];
  edit(edit: Edit): void;
  /** Record "left for a human": `offset` is where in the current text the reason applies; `suggestion`, the likely fix. */
  note(offset: number, message: string, suggestion?: Suggestion): void;
  /**
   * A note that states a fact of the model (GOPATH mode, a vendored build):
   * when an earlier transform already said the same fact on the same line,
   * it is not said again.
   */
  noteFact(offset: number, fact: string, message: string): void;
  /** The offset lies in lines an earlier transform inserted (its `RUN go mod tidy`): notes there are dropped. */
  insertedByDockmod(offset: number): boolean;
}

export interface Transform {
  /** Kebab-case id; part of the CLI interface. */
  id: string;
  /** One line for --help, --list-transforms and reports. */
  summary: string;
  /** Cheap text test: false means the transform cannot apply, so the file need not be parsed for it. */
  mayApply(text: string): boolean;
  apply(ctx: Context): void;
}
