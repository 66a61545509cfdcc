// What each file is processed with: the settings of its nearest configuration
// (flags winning), its annotation and its declared build context; and why a
// path named explicitly is left out. Results as data: cli.ts renders them.
import { normalizeAnnotation } from './annotate.js';
import { declaredContextFor, type DeclaredFiles } from './build-files.js';
import { ConfigError, fileSettingsLookup, type ConfigLookup, type FileSettings, type FlagSettings, type LoadedConfig } from './config.js';
import { exclusionOf, type Discovered, type PathProblem } from './discover.js';
import type { FileJob } from './parallel.js';

export interface ResolvedFile extends FileSettings {
  /** --annotate's text, else the configuration's. */
  annotate?: string;
}

/** A file's settings; throws a ConfigError for a bad configuration on the way. */
export type FileLookup = (file: string) => ResolvedFile;

/** `annotate`: --annotate's text, already checked. */
export function fileLookup(flags: FlagSettings, annotate: string | undefined, configs: ConfigLookup): FileLookup {
  const settingsOf = fileSettingsLookup(flags, configs);
  const annotations = new Map<LoadedConfig, string>();
  const annotationOf = (config: LoadedConfig | undefined): string | undefined => {
    if (annotate !== undefined || config?.config.annotate === undefined) return annotate;
    let text = annotations.get(config);
    if (text === undefined) annotations.set(config, (text = configAnnotation(config.config.annotate, config.source)));
    return text;
  };
  return (file) => {
    const own = settingsOf(file);
    return { ...own, annotate: annotationOf(own.config) };
  };
}

function configAnnotation(text: string, source: string): string {
  try {
    return normalizeAnnotation(text);
  } catch (error) {
    throw new ConfigError(`invalid "annotate" in ${source} text: ${(error as Error).message}`);
  }
}

/** Why `file`, named explicitly, is not processed (an exclusion, or its configuration's include/exclude); undefined with --no-ignore. */
export function ignoredReason(file: string, own: ResolvedFile, noIgnore: boolean, cwd: string): string | undefined {
  if (noIgnore) return undefined;
  return exclusionOf(file, false, cwd) ?? (own.selected ? undefined : excludedBy(own));
}

const excludedBy = (own: ResolvedFile): string => `excluded by ${own.config?.source ?? 'the configuration'}`;

export interface Plan {
  jobs: FileJob[];
  /** Paths named explicitly that their configuration excludes (discovery reports the other exclusions). */
  ignored: PathProblem[];
  /** Files found in folders that their configuration excludes. */
  excluded: number;
}

/** The job of every file found; reads and checks every configuration that applies before any file is processed. */
export function planJobs(discovered: Discovered, declared: DeclaredFiles, lookup: FileLookup, noIgnore: boolean, display: (file: string) => string): Plan {
  const plan: Plan = { jobs: [], ignored: [], excluded: 0 };
  for (const file of declared.files) {
    const own = lookup(file);
    const explicit = discovered.explicit.has(file);
    if (!own.selected && !(explicit && noIgnore)) {
      if (explicit) plan.ignored.push({ path: file, message: excludedBy(own) });
      else plan.excluded++;
      continue;
    }
    const { transforms, options, annotate } = own;
    plan.jobs.push({ file, display: display(file), transforms, options, annotate, declaredContext: declared.index.declaredContextOf(file) });
  }
  return plan;
}

/** --print-config: what `file` would be processed with, paths as `display` shows them. */
export function printedConfig(file: string, lookup: FileLookup, noIgnore: boolean, cwd: string, display: (file: string) => string): object {
  const own = lookup(file);
  const declared = declaredContextFor(file);
  return {
    file: display(file),
    config: own.config?.source ?? null,
    ignored: ignoredReason(file, own, noIgnore, cwd) ?? false,
    transforms: own.transforms.map((transform) => transform.id),
    options: own.options,
    annotate: own.annotate ?? null,
    declaredContext: declared ? { context: display(declared.context), declaredIn: display(declared.declaredIn) } : null,
  };
}
