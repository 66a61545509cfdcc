// One file from disk to a FileResult: read bytes, refuse what is not a
// Dockerfile, rewrite, and write atomically when asked.
import { readFileSync, statSync } from 'node:fs';
import type { DeclaredContext } from './build-files.js';
import { DockmodError } from './errors.js';
import type { ModuleFacts } from './module.js';
import type { ModelReport } from './model/index.js';
import type { ProjectFiles } from './model/files.js';
import { MAX_INPUT_LENGTH, rewriteText, tooLargeError, type Change, type Note, type Place } from './pipeline.js';
import type { Transform, TransformOptions } from './transform.js';
import { writeFileAtomic } from './write.js';

export type FileStatus = 'changed' | 'unchanged' | 'error';

export interface FileResult {
  /** Path as shown to the user: relative to the current directory, with forward slashes. */
  path: string;
  status: FileStatus;
  changedBy: string[];
  changes: Change[];
  notes: Note[];
  /** Input and output as byte-for-byte latin1 strings (set when the file changed). */
  before?: string;
  after?: string;
  written?: boolean;
  /** The unified diff, kept for --format json (whose report carries it). */
  diff?: string;
  /** The unified diff as latin1 text, made beside the file's processing for the diff output (see RunSettings.unifiedDiff). */
  unifiedDiff?: string;
  /** Places a `# dockmod-ignore` comment kept as they were (set when there are any). */
  ignored?: Place[];
  /** The model of the image dockmod decided from (--json). */
  model?: ModelReport;
  error?: string;
  /** The unexpected exception behind `error`, for --debug. */
  cause?: unknown;
}

export interface ProcessSettings {
  transforms: readonly Transform[];
  options: TransformOptions;
  write: boolean;
  moduleFacts: (file: string) => ModuleFacts;
  /** The files around the Dockerfiles, shared by every file of a run (see createProjectFiles); by default one view per file. */
  projectFiles?: ProjectFiles;
  /** `--annotate` text (see annotate.ts). */
  annotate?: string;
  /** See RewriteOptions.declaredContext. */
  declaredContext?: DeclaredContext;
  /** See RewriteOptions.reportModel. */
  reportModel?: boolean;
}


/** `given`: the bytes when they do not come from the file (--stdin-filepath); never written then. */
export function processFile(absolutePath: string, displayPath: string, settings: ProcessSettings, given?: Buffer): FileResult {
  const result: FileResult = { path: displayPath, status: 'unchanged', changedBy: [], changes: [], notes: [] };
  try {
    const bytes = given ? checkedBytes(given) : readDockerfile(absolutePath);
    // latin1 maps every byte to one character and back, so any encoding survives untouched.
    const input = bytes.toString('latin1');
    const rewritten = rewriteText(input, {
      path: absolutePath,
      transforms: settings.transforms,
      options: settings.options,
      module: () => settings.moduleFacts(absolutePath),
      ...(settings.projectFiles ? { files: settings.projectFiles } : {}),
      annotate: settings.annotate,
      declaredContext: settings.declaredContext,
      reportModel: settings.reportModel,
    });
    if (rewritten.model) result.model = rewritten.model;
    result.changedBy = rewritten.changedBy;
    // The texts of a change are report text: the file's bytes read as UTF-8.
    result.changes = rewritten.changes.map((change) => ({ ...change, removed: asUtf8(change.removed), added: asUtf8(change.added) }));
    result.notes = rewritten.notes;
    if (rewritten.ignored.length > 0) result.ignored = rewritten.ignored;
    if (!rewritten.changed) return result;
    result.status = 'changed';
    result.before = input;
    result.after = rewritten.output;
    if (settings.write && !given) {
      try {
        writeFileAtomic(absolutePath, Buffer.from(rewritten.output, 'latin1'), bytes);
      } catch (error) {
        throw error instanceof DockmodError ? error : new DockmodError(systemMessage(error, 'cannot be written'));
      }
      result.written = true;
    }
    return result;
  } catch (error) {
    return { ...result, status: 'error', error: describe(error), cause: error };
  }
}

function readDockerfile(file: string): Buffer {
  let stat;
  try {
    stat = statSync(file);
  } catch (error) {
    throw new DockmodError(systemMessage(error, 'cannot be read'));
  }
  if (stat.isDirectory()) throw new DockmodError('is a folder, not a Dockerfile');
  if (!stat.isFile()) throw new DockmodError('is not a regular file');
  if (stat.size > MAX_INPUT_LENGTH) throw tooLargeError();
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new DockmodError(systemMessage(error, 'cannot be read'));
  }
  return bytes;
}

const asUtf8 = (latin1: string): string => (/[^\x00-\x7f]/.test(latin1) ? Buffer.from(latin1, 'latin1').toString('utf8') : latin1);

function checkedBytes(bytes: Buffer): Buffer {
  if (bytes.length > MAX_INPUT_LENGTH) throw tooLargeError();
  return bytes;
}

/** A system error as the end of a one-line message: `cannot be read (permission denied)`. */
export function systemMessage(error: unknown, fallback: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return `${fallback} (permission denied)`;
  if (code === 'ENOENT') return 'no such file';
  return code ? `${fallback} (${code})` : fallback;
}

function describe(error: unknown): string {
  if (error instanceof DockmodError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return `internal error: ${message} (please report it; run with --debug for details)`;
}
