// The configuration file: for each Dockerfile, the nearest dockmod.config.json
// (or "dockmod" key of a package.json) from the file's folder up to the
// repository root, as prettier resolves its own; or --config <path> for every
// file. Validated by hand on load (no schema library at start-up);
// dockmod.schema.json describes the same shape for editors, and the tests keep
// the two in step.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { isRepositoryRoot } from './discover.js';
import { UsageError } from './errors.js';
import { isValidGoVersion } from './go-version.js';
import { checkedTagList } from './tag-lists.js';
import { keptKind } from './listings.js';
import { didYouMean, unknownTransformMessage } from './suggest.js';
import type { Transform, TransformOptions } from './transform.js';
import { transformById, TRANSFORMS } from '../transforms/index.js';

const CONFIG_FILE = 'dockmod.config.json';
const PACKAGE_KEY = 'dockmod';

type OptionKind = 'boolean' | 'goVersion' | 'hosts' | 'file' | 'imageFiles';

/** Per-transform option sections: `"bump-go-image": { "goVersion": "1.24" }`. Keys are TransformOptions fields. */
export const TRANSFORM_OPTIONS = {
  'bump-go-image': { goVersion: 'goVersion', keepDigests: 'boolean', golangRegistries: 'hosts', golangTags: 'file', imageTags: 'imageFiles' },
  'add-cache-mounts': { syntaxDirective: 'boolean' },
} as const satisfies Record<string, Partial<Record<keyof TransformOptions, OptionKind>>>;

type SectionId = keyof typeof TRANSFORM_OPTIONS;
const SECTION_IDS = Object.keys(TRANSFORM_OPTIONS) as SectionId[];

export interface TransformSections {
  'bump-go-image'?: { goVersion?: string; keepDigests?: boolean; golangRegistries?: string[]; golangTags?: string; imageTags?: Record<string, string> };
  'add-cache-mounts'?: { syntaxDirective?: boolean };
}

export interface ConfigOverride extends TransformSections {
  /** gitignore-style patterns, relative to the config file's folder. */
  files: string | string[];
  transforms?: string[];
}

export interface DockmodConfig extends TransformSections {
  $schema?: string;
  /** Transform ids, run in this order. */
  transforms?: string[];
  include?: string | string[];
  exclude?: string | string[];
  /** `--annotate` text. */
  annotate?: string;
  overrides?: ConfigOverride[];
}

export interface LoadedConfig {
  /** Where it came from, as shown in messages. */
  source: string;
  /** Globs are relative to this folder. */
  baseDir: string;
  config: DockmodConfig;
}

/** A configuration problem: exit 2, with the file and key path in the message. */
export class ConfigError extends UsageError {
  override name = 'ConfigError';
}

const TOP_KEYS = ['$schema', 'transforms', 'include', 'exclude', 'annotate', 'overrides', ...SECTION_IDS];
const OVERRIDE_KEYS = ['files', 'transforms', ...SECTION_IDS];
const HOST = /^[A-Za-z0-9.-]+(?::\d+)?(?:\/[A-Za-z0-9._/-]+)?$/;
const IMAGE_NAME = /^[A-Za-z0-9.-]+(?::\d+)?(?:\/[a-z0-9._/-]+)?$/;

// ---------------------------------------------------------------------------
// Finding and reading

function readText(file: string, shown: string): string | undefined {
  // A folder the walk listed without the file: no read (and no exception) needed to know it is absent.
  if (keptKind(file) === 'none') return undefined;
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new ConfigError(`${shown}: cannot be read (${code ?? 'unknown error'})`);
  }
}

function parseJson(text: string, shown: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ConfigError(`${shown}: not valid JSON (${(error as Error).message})`);
  }
}

function shownPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return (relative && !path.isAbsolute(relative) ? relative : file).split(path.sep).join('/');
}

/**
 * The configuration in the folder `cwd` itself, or `explicit` (--config's
 * path, relative to `cwd`); `false` for --no-config. Undefined when there is none.
 */
export function loadConfig(cwd: string, explicit?: string | false): LoadedConfig | undefined {
  if (explicit === false) return undefined;
  if (explicit !== undefined) {
    const file = path.resolve(cwd, explicit);
    const shown = shownPath(file, cwd);
    const text = readText(file, shown);
    if (text === undefined) throw new ConfigError(`${shown}: no such file (given with --config)`);
    const data = parseJson(text, shown);
    if (path.basename(file) === 'package.json') {
      const value = (data as Record<string, unknown> | null)?.[PACKAGE_KEY];
      if (value === undefined) throw new ConfigError(`${shown}: has no "${PACKAGE_KEY}" key`);
      return fromData(value, `${shown} ("${PACKAGE_KEY}" key)`, path.dirname(file));
    }
    return fromData(data, shown, path.dirname(file));
  }
  return configIn(cwd, cwd);
}

/** The configuration that `dir` holds itself, named in messages relative to `cwd`. */
function configIn(dir: string, cwd: string): LoadedConfig | undefined {
  const configShown = shownPath(path.join(dir, CONFIG_FILE), cwd);
  const manifestShown = shownPath(path.join(dir, 'package.json'), cwd);
  const configText = readText(path.join(dir, CONFIG_FILE), configShown);
  const manifestText = readText(path.join(dir, 'package.json'), manifestShown);
  // Only a manifest that mentions the key is parsed: a broken unrelated package.json is not dockmod's business.
  const manifestHasKey = manifestText !== undefined && manifestText.includes(`"${PACKAGE_KEY}"`);
  const fromManifest = manifestHasKey
    ? ((parseJson(manifestText, manifestShown) as Record<string, unknown> | null)?.[PACKAGE_KEY])
    : undefined;
  if (configText !== undefined && fromManifest !== undefined) {
    throw new ConfigError(`both ${configShown} and a "${PACKAGE_KEY}" key in ${manifestShown} configure dockmod; keep one`);
  }
  if (configText !== undefined) return fromData(parseJson(configText, configShown), configShown, dir);
  if (fromManifest !== undefined) return fromData(fromManifest, `${manifestShown} ("${PACKAGE_KEY}" key)`, dir);
  return undefined;
}

/** The configuration of each file: --config's for all, none with --no-config, else the nearest one. */
export type ConfigLookup = (file: string) => LoadedConfig | undefined;

/**
 * `explicit` as for loadConfig. The nearest configuration of a file is looked
 * for from its folder up to its repository's root (the filesystem's root
 * outside a repository); each folder is read once per lookup.
 */
export function configLookup(cwd: string, explicit?: string | false): ConfigLookup {
  if (explicit !== undefined) {
    const fixed = loadConfig(cwd, explicit);
    return () => fixed;
  }
  const byFolder = new Map<string, LoadedConfig | undefined>();
  const nearest = (dir: string): LoadedConfig | undefined => {
    if (byFolder.has(dir)) return byFolder.get(dir);
    const parent = path.dirname(dir);
    const found = configIn(dir, cwd) ?? (isRepositoryRoot(dir) || parent === dir ? undefined : nearest(parent));
    byFolder.set(dir, found);
    return found;
  };
  return (file) => nearest(path.dirname(path.resolve(cwd, file)));
}

function fromData(data: unknown, source: string, baseDir: string): LoadedConfig {
  const config = validateConfig(data, source);
  resolveTagLists(config, '', source, baseDir);
  config.overrides?.forEach((override, index) => resolveTagLists(override, `overrides[${index}].`, source, baseDir));
  return { source, baseDir, config };
}

/** Tag list paths are relative to the configuration's folder: make them absolute and read them now (a bad list is exit 2). */
function resolveTagLists(sections: TransformSections, at: string, source: string, baseDir: string): void {
  const bump = sections['bump-go-image'];
  if (!bump) return;
  const resolved = (file: string, key: string): string => {
    try {
      return checkedTagList(path.resolve(baseDir, file), file);
    } catch (error) {
      throw new ConfigError(`${source}: ${at}bump-go-image.${key}: ${(error as Error).message}`);
    }
  };
  if (bump.golangTags !== undefined) bump.golangTags = resolved(bump.golangTags, 'golangTags');
  if (bump.imageTags) {
    bump.imageTags = Object.fromEntries(Object.entries(bump.imageTags).map(([image, file]) => [image, resolved(file, `imageTags.${image}`)]));
  }
}

// ---------------------------------------------------------------------------
// Validation: every problem names its key path, e.g. overrides[0].bump-go-image.goVersion

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

class Checker {
  constructor(private readonly source: string) {}

  fail(at: string, message: string): never {
    throw new ConfigError(`${this.source}: ${at ? `${at}: ` : ''}${message}`);
  }

  object(value: unknown, at: string, allowed: readonly string[]): Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(at, `expected an object, got ${describe(value)}`);
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (!allowed.includes(key)) this.fail(join(at, key), `unknown key${didYouMean(key, allowed)}; allowed keys: ${allowed.join(', ')}`);
    }
    return record;
  }

  string(value: unknown, at: string): string {
    if (typeof value !== 'string') this.fail(at, `expected a string, got ${describe(value)}`);
    return value;
  }

  boolean(value: unknown, at: string): boolean {
    if (typeof value !== 'boolean') this.fail(at, `expected true or false, got ${describe(value)}`);
    return value;
  }

  strings(value: unknown, at: string): string[] {
    if (!Array.isArray(value)) this.fail(at, `expected an array of strings, got ${describe(value)}`);
    return value.map((item, index) => {
      const text = this.string(item, `${at}[${index}]`);
      if (text.trim() === '') this.fail(`${at}[${index}]`, 'must not be empty');
      return text;
    });
  }

  patterns(value: unknown, at: string): string[] {
    const list = typeof value === 'string' ? [value] : this.strings(value, at);
    if (list.length === 0 || list.some((pattern) => pattern.trim() === '')) this.fail(at, 'expected one or more non-empty patterns');
    return list;
  }

  transformIds(value: unknown, at: string): string[] {
    const ids = this.strings(value, at);
    if (ids.length === 0) this.fail(at, 'needs at least one transform id');
    const valid = TRANSFORMS.map((transform) => transform.id);
    ids.forEach((id, index) => {
      if (valid.includes(id)) {
        if (ids.indexOf(id) !== index) this.fail(`${at}[${index}]`, `"${id}" is listed twice`);
        return;
      }
      this.fail(`${at}[${index}]`, unknownTransformMessage(id));
    });
    return ids;
  }

  option(kind: OptionKind, value: unknown, at: string): unknown {
    switch (kind) {
      case 'boolean':
        return this.boolean(value, at);
      case 'goVersion': {
        const version = this.string(value, at);
        if (version !== 'auto' && !isValidGoVersion(version)) this.fail(at, `expected "auto", 1.N or 1.N.P (for example "1.24"), got ${describe(value)}`);
        return version;
      }
      case 'file': {
        const file = this.string(value, at);
        if (file.trim() === '') this.fail(at, 'expected a file path, got an empty string');
        return file;
      }
      case 'imageFiles': {
        if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(at, `expected an object of image name -> tag list file, got ${describe(value)}`);
        for (const [image, file] of Object.entries(value)) {
          if (!IMAGE_NAME.test(image)) this.fail(join(at, image), 'expected an image name without tag, such as "registry.corp.example/golang"');
          this.option('file', file, join(at, image));
        }
        return value;
      }
      case 'hosts': {
        const hosts = this.strings(value, at);
        hosts.forEach((host, index) => {
          if (!HOST.test(host)) this.fail(`${at}[${index}]`, `expected a registry host such as "registry.example.com", got ${describe(host)}`);
        });
        return hosts;
      }
    }
  }

  sections(record: Record<string, unknown>, at: string): void {
    for (const id of SECTION_IDS) {
      if (record[id] === undefined) continue;
      const kinds: Record<string, OptionKind> = TRANSFORM_OPTIONS[id];
      const section = this.object(record[id], join(at, id), Object.keys(kinds));
      for (const [key, value] of Object.entries(section)) this.option(kinds[key]!, value, join(join(at, id), key));
    }
  }
}

function join(at: string, key: string): string {
  return at ? `${at}.${key}` : key;
}

/** Check `data` against the configuration's shape; throws a ConfigError naming the key path. */
export function validateConfig(data: unknown, source: string): DockmodConfig {
  const check: Checker = new Checker(source);
  const record = check.object(data, '', TOP_KEYS);
  if (record.$schema !== undefined) check.string(record.$schema, '$schema');
  if (record.transforms !== undefined) check.transformIds(record.transforms, 'transforms');
  if (record.include !== undefined) check.patterns(record.include, 'include');
  if (record.exclude !== undefined) check.patterns(record.exclude, 'exclude');
  if (record.annotate !== undefined) {
    const text = check.string(record.annotate, 'annotate');
    if (text.trim() === '' || /[\r\n]/.test(text)) check.fail('annotate', 'expected one non-empty line of text');
  }
  check.sections(record, '');
  if (record.overrides !== undefined) {
    const overrides: unknown = record.overrides;
    if (!Array.isArray(overrides)) check.fail('overrides', `expected an array of objects, got ${describe(overrides)}`);
    overrides.forEach((entry: unknown, index) => {
      const at = `overrides[${index}]`;
      const override = check.object(entry, at, OVERRIDE_KEYS);
      if (override.files === undefined) check.fail(at, 'needs a "files" pattern');
      check.patterns(override.files, `${at}.files`);
      if (override.transforms !== undefined) check.transformIds(override.transforms, `${at}.transforms`);
      check.sections(override, at);
    });
  }
  return record as DockmodConfig;
}

// ---------------------------------------------------------------------------
// Applying it to a file

export interface FileConfig {
  /** Transform ids from the file (the last matching override that sets them wins). */
  transforms?: string[];
  options: Partial<TransformOptions>;
}

export interface ConfigResolver {
  /** include/exclude: is this file processed at all? */
  selects(file: string): boolean;
  /** The file's settings: `base` itself when no override matches it. */
  settingsFor(file: string): FileConfig;
  base: FileConfig;
}

const toList = (value: string | string[]): string[] => (typeof value === 'string' ? [value] : value);

function matcher(patterns: string | string[]): Ignore {
  return ignore({ ignorecase: false }).add(toList(patterns));
}

function sectionOptions(sections: TransformSections): Partial<TransformOptions> {
  const options: Partial<TransformOptions> = {};
  for (const id of SECTION_IDS) Object.assign(options, sections[id]);
  return options;
}

function configResolver(loaded: LoadedConfig): ConfigResolver {
  const { config, baseDir } = loaded;
  const include = config.include === undefined ? undefined : matcher(config.include);
  const exclude = config.exclude === undefined ? undefined : matcher(config.exclude);
  const overrides = (config.overrides ?? []).map((override) => ({
    files: matcher(override.files),
    transforms: override.transforms,
    options: sectionOptions(override),
  }));
  const base: FileConfig = { transforms: config.transforms, options: sectionOptions(config) };
  /** The path relative to the config's folder, or undefined outside it. */
  const relative = (file: string): string | undefined => {
    const rel = path.relative(baseDir, file);
    return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? undefined : rel.split(path.sep).join('/');
  };
  return {
    base,
    selects(file) {
      const rel = relative(file);
      if (include && (rel === undefined || !include.ignores(rel))) return false;
      return !(exclude && rel !== undefined && exclude.ignores(rel));
    },
    settingsFor(file) {
      const rel = relative(file);
      let result = base;
      if (rel === undefined) return result;
      for (const override of overrides) {
        if (!override.files.ignores(rel)) continue;
        result = { transforms: override.transforms ?? result.transforms, options: { ...result.options, ...override.options } };
      }
      return result;
    },
  };
}

// ---------------------------------------------------------------------------
// Flags win over the file

export interface RunSettings {
  transforms: readonly Transform[];
  options: TransformOptions;
}

export interface FlagSettings {
  /** Set when -t/--transforms was given. */
  transforms?: readonly Transform[];
  /** Only the options given on the command line. */
  options: Partial<TransformOptions>;
}

export interface SettingsResolver {
  selects(file: string): boolean;
  settingsFor(file: string): RunSettings;
}

function transformsById(ids: readonly string[]): Transform[] {
  return ids.map((id) => transformById(id)!);
}

/** Per-file transforms and options: defaults, then the configuration (with its overrides), then the flags. */
export function settingsResolver(flags: FlagSettings, loaded: LoadedConfig | undefined): SettingsResolver {
  const merge = (file: FileConfig | undefined): RunSettings => ({
    transforms: flags.transforms ?? (file?.transforms ? transformsById(file.transforms) : TRANSFORMS),
    options: { goVersion: 'auto', ...file?.options, ...flags.options },
  });
  if (!loaded) {
    const fixed = merge(undefined);
    return { selects: () => true, settingsFor: () => fixed };
  }
  const resolver = configResolver(loaded);
  const base = merge(resolver.base);
  return {
    selects: (file) => resolver.selects(file),
    settingsFor: (file) => {
      const own = resolver.settingsFor(file);
      return own === resolver.base ? base : merge(own);
    },
  };
}

export interface FileSettings extends RunSettings {
  /** The configuration's include/exclude let the file through. */
  selected: boolean;
  /** The file's configuration, if any. */
  config?: LoadedConfig;
}

/** Per-file settings over a configuration lookup (one resolver per configuration file). */
export function fileSettingsLookup(flags: FlagSettings, configs: ConfigLookup): (file: string) => FileSettings {
  const resolvers = new Map<LoadedConfig | undefined, SettingsResolver>();
  return (file) => {
    const config = configs(file);
    let resolver = resolvers.get(config);
    if (!resolver) {
      resolver = settingsResolver(flags, config);
      resolvers.set(config, resolver);
    }
    return { ...resolver.settingsFor(file), selected: resolver.selects(file), config };
  };
}
