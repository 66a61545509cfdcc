// The command line: flags -> settings, files -> results, results -> output
// and an exit code (0 done, 1 --check found changes, 2 usage or file errors).
import { appendFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { unifiedDiff } from './diff.js';
import { normalizeAnnotation } from './annotate.js';
import { colorDiff, colorEnabled, colorSummary, palette, type Env, type Palette } from './color.js';
import { declaredContextFor, withDeclaredFiles } from './build-files.js';
import { ConfigError, configLookup, type ConfigLookup } from './config.js';
import { discover, type PathProblem } from './discover.js';
import { DockmodError, UsageError } from './errors.js';
import { fileLookup, ignoredReason, planJobs, printedConfig, type FileLookup, type Plan, type ResolvedFile } from './file-settings.js';
import { processFile, type FileResult } from './files.js';
import { isValidGoVersion } from './go-version.js';
import { createModuleLookup } from './module.js';
import { createProjectFiles } from './model/files.js';
import { processFiles } from './parallel.js';
import { createProgress } from './progress.js';
import { githubStepSummary } from './reporters/github.js';
import { FORMATS, renderReport, type Format, type ReportContext } from './reporters/index.js';
import { addToTotals, errorLine, noteLines, summaryLine, totalsOf, type Mode, type Totals } from './report.js';
import { unknownTransformMessage } from './suggest.js';
import type { Transform, TransformOptions } from './transform.js';
import { checkedTagList } from './tag-lists.js';
import { removeLeftovers, removePendingTempFiles } from './write.js';
import { forgetListings, keepListings } from './listings.js';
import { transformById, TRANSFORMS } from '../transforms/index.js';

export interface Io {
  stdout: (chunk: string | Buffer) => void;
  stderr: (chunk: string) => void;
  cwd: string;
  /** NO_COLOR, FORCE_COLOR, CI, TERM; absent: none set (plain output, no progress). */
  env?: Env;
  stdoutIsTTY?: boolean;
  stderrIsTTY?: boolean;
  /** Standard input, read whole, for --stdin-filepath. */
  readStdin?: () => Promise<Buffer>;
}

export interface CliSettings {
  paths: string[];
  mode: Mode;
  debug: boolean;
  format: Format;
  /** What was given on the command line, which wins over the configuration file. */
  explicit: { transforms?: readonly Transform[]; options: Partial<TransformOptions> };
  /** --config's path; false for --no-config. */
  config?: string | false;
  stdinFilepath?: string;
  annotate?: string;
  /** --no-ignore: process paths given explicitly even when an exclusion covers them. */
  noIgnore: boolean;
  /** --print-config's file. */
  printConfig?: string;
  /** --quiet and --list-different: no notes and no summary on stderr, errors still. */
  quiet: boolean;
  /** --color (true), --no-color (false); undefined: decided by the terminal and the environment. */
  color?: boolean;
}

const EXIT_OK = 0;
const EXIT_CHANGES = 1;
const EXIT_ERROR = 2;

let manifest: { version: string; homepage: string } | undefined;

/** package.json's version and homepage, read once. */
function packageInfo(): { version: string; homepage: string } {
  // Built (dist/src/) it is two folders up; from the TypeScript sources (tests), one.
  for (const relative of ['../../package.json', '../package.json']) {
    if (manifest) break;
    try {
      const data = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as { name?: string; version: string; homepage?: string };
      if (data.name === 'dockmod') manifest = { version: data.version, homepage: data.homepage ?? '' };
    } catch {
      // Not there: the other place.
    }
  }
  return (manifest ??= { version: '0.0.0', homepage: '' });
}

function reportContext(cwd: string): ReportContext {
  return { cwd, ...packageInfo() };
}

function buildProgram(): Command {
  const ids = TRANSFORMS.map((transform) => `  ${transform.id.padEnd(20)} ${transform.summary}`).join('\n');
  return new Command('dockmod')
    .description('Migrate the Dockerfiles of Go services: prints a unified diff of what would change, or writes it.')
    .argument('[paths...]', 'files or folders to process', ['.'])
    .option('--write', 'write the changes in place')
    .option('--check', 'list the files that would change; exit 1 if any')
    .option('-l, --list-different', 'print only the paths of the files that would change (written, with --write); exit 1 if any would')
    .option('-t, --transforms <ids>', 'comma-separated transform ids, run in the order given (default: all, in pipeline order)')
    .option('--go-version <version|auto>', 'target Go version for bump-go-image: 1.N, 1.N.P or auto (from the nearest go.mod)', 'auto')
    .option('--json', 'print one JSON report on stdout instead of the diff (same as --format json)')
    .addOption(new Option('--format <format>', 'output: diff (default), json, sarif (code scanning) or github (workflow annotations)').choices(FORMATS))
    .option('--config <path>', `configuration file for every file (default: each file's nearest dockmod.config.json or package.json "dockmod" key, up to the repository root)`)
    .option('--no-config', 'ignore configuration files')
    .option('--print-config <file>', "print the settings <file> would be processed with (configuration found, transforms, options, exclusion, declared build context) as JSON")
    .option('--no-ignore', 'process paths given explicitly even when .gitignore, node_modules/, vendor/ or the configuration excludes them')
    .option('--stdin-filepath <path>', 'read one Dockerfile from standard input and print the result; <path> is used for go.mod lookup, configuration and messages')
    .option('--annotate <text>', 'add "# <text>" above each instruction a transform changed (once)')
    .option('--list-transforms', 'list the transform ids in pipeline order with their summaries (as JSON with --json)')
    .option('-q, --quiet', 'print errors only on stderr (no notes, no summary)')
    .option('--color', 'colour the output even when it is not a terminal')
    .option('--no-color', 'never colour the output')
    .option('--syntax-directive', 'add-cache-mounts: also add "# syntax=docker/dockerfile:1" (engines older than Docker 23)')
    .option('--keep-digest', 'bump-go-image: leave digest-pinned golang images unchanged instead of dropping the stale digest')
    .addOption(new Option('--golang-registry <prefix>', 'bump-go-image: treat <prefix>/golang as the official image; a host, host:port or host/path (repeatable)').argParser(collect))
    .option('--golang-tags <file>', 'bump-go-image: a current golang tag list (skopeo list-tags JSON, or one tag per line as crane ls prints) that extends the built-in table')
    .option('--apply-suggestions', 'also apply the edits notes suggest (the likely fix where a transform stopped; review them)')
    .option('--debug', 'show stack traces of unexpected errors')
    .version(packageInfo().version, '--version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .addHelpText('after', `\nTransforms, in pipeline order:\n${ids}\n\nExit codes: 0 done or nothing to do, 1 --check found changes, 2 bad usage or a file could not be processed.`)
    .exitOverride()
    .configureOutput({ writeOut: () => {}, writeErr: () => {} });
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function parseArguments(argv: readonly string[]): CliSettings | { output: string } {
  const program = buildProgram();
  let help = '';
  program.configureOutput({ writeOut: (text) => (help += text), writeErr: () => {} });
  try {
    program.parse(argv as string[], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return { output: help };
      throw new UsageError(error.message.replace(/^error: /, ''));
    }
    throw error;
  }
  const flags = program.opts<{
    write?: boolean;
    check?: boolean;
    transforms?: string;
    goVersion: string;
    json?: boolean;
    syntaxDirective?: boolean;
    keepDigest?: boolean;
    golangRegistry?: string[];
    golangTags?: string;
    applySuggestions?: boolean;
    debug?: boolean;
    format?: Format;
    config?: string | false;
    stdinFilepath?: string;
    annotate?: string;
    listTransforms?: boolean;
    ignore: boolean;
    printConfig?: string;
    listDifferent?: boolean;
    quiet?: boolean;
    color?: boolean;
  }>();
  if (flags.listTransforms) return { output: flags.json ? transformListJson() : transformList() };
  if (flags.write && flags.check) throw new UsageError('--write and --check cannot be used together (choose one)');
  if (flags.listDifferent && (flags.json || (flags.format && flags.format !== 'diff'))) {
    throw new UsageError(`--list-different prints paths; it cannot be combined with ${flags.json ? '--json' : `--format ${flags.format}`}`);
  }
  if (flags.json && flags.format && flags.format !== 'json') throw new UsageError(`--json is --format json; it cannot be combined with --format ${flags.format}`);
  if (flags.stdinFilepath !== undefined) {
    if (flags.write) throw new UsageError('--write cannot be used with --stdin-filepath (the result goes to standard output)');
    if (program.args.length > 0) throw new UsageError('--stdin-filepath reads standard input; do not name paths as well');
  }
  if (flags.printConfig !== undefined && (program.args.length > 0 || flags.stdinFilepath !== undefined)) {
    throw new UsageError('--print-config shows the settings of the one file it names; do not name paths or --stdin-filepath as well');
  }
  const options: TransformOptions = { goVersion: validGoVersion(flags.goVersion) };
  if (flags.syntaxDirective) options.syntaxDirective = true;
  if (flags.keepDigest) options.keepDigests = true;
  if (flags.golangRegistry) options.golangRegistries = flags.golangRegistry;
  if (flags.golangTags !== undefined) options.golangTags = flags.golangTags;
  if (flags.applySuggestions) options.applySuggestions = true;
  const explicitOptions: Partial<TransformOptions> = { ...options };
  if (program.getOptionValueSource('goVersion') === 'default') delete explicitOptions.goVersion;
  const format: Format = flags.format ?? (flags.json ? 'json' : 'diff');
  return {
    paths: program.processedArgs[0] as string[],
    mode: flags.write ? 'write' : flags.check || flags.listDifferent ? 'check' : 'diff',
    debug: !!flags.debug,
    format,
    explicit: { transforms: flags.transforms === undefined ? undefined : selectTransforms(flags.transforms), options: explicitOptions },
    config: flags.config,
    stdinFilepath: flags.stdinFilepath,
    annotate: flags.annotate === undefined ? undefined : validAnnotation(flags.annotate, '--annotate'),
    noIgnore: !flags.ignore,
    printConfig: flags.printConfig,
    quiet: !!(flags.quiet || flags.listDifferent),
    color: program.getOptionValueSource('color') === 'cli' ? flags.color : undefined,
  };
}

function transformListJson(): string {
  return `${JSON.stringify(TRANSFORMS.map((transform) => ({ id: transform.id, summary: transform.summary })), null, 2)}\n`;
}

function transformList(): string {
  const width = Math.max(...TRANSFORMS.map((transform) => transform.id.length)) + 2;
  return TRANSFORMS.map((transform) => `${transform.id.padEnd(width)}${transform.summary}\n`).join('');
}

function validAnnotation(text: string, origin: string): string {
  try {
    return normalizeAnnotation(text);
  } catch (error) {
    throw new UsageError(`invalid ${origin} text: ${(error as Error).message}`);
  }
}

function validGoVersion(value: string): string {
  if (value === 'auto' || isValidGoVersion(value)) return value;
  throw new UsageError(`invalid --go-version "${value}": expected auto, 1.N or 1.N.P (for example 1.24 or 1.24.5)`);
}

function selectTransforms(list: string | undefined): readonly Transform[] {
  if (list === undefined) return TRANSFORMS;
  const ids = list.split(',').map((id) => id.trim()).filter(Boolean);
  if (ids.length === 0) throw new UsageError(`--transforms needs at least one id; valid ids: ${TRANSFORMS.map((transform) => transform.id).join(', ')}`);
  return ids.map((id) => {
    const transform = transformById(id);
    if (transform) return transform;
    throw new UsageError(unknownTransformMessage(id));
  });
}

export function displayPath(absolute: string, cwd: string): string {
  return path.relative(cwd, absolute).split(path.sep).join('/') || '.';
}

/** Run dockmod; resolves to the exit code. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let settings: CliSettings;
  let configs: ConfigLookup;
  try {
    const parsed = parseArguments(argv);
    if ('output' in parsed) {
      io.stdout(parsed.output);
      return EXIT_OK;
    }
    settings = parsed;
    const golangTags = settings.explicit.options.golangTags;
    if (golangTags !== undefined) settings.explicit.options.golangTags = checkedTagList(path.resolve(io.cwd, golangTags), golangTags);
    configs = configLookup(io.cwd, settings.config);
  } catch (error) {
    return usageFailure(error, io);
  }
  const lookup = fileLookup(settings.explicit, settings.annotate, configs);
  if (settings.printConfig !== undefined) return printConfig(settings.printConfig, settings, io, lookup);
  if (settings.stdinFilepath !== undefined) return processStdin(settings, io, lookup);
  try {
    keepListings();
    return await processAll(settings, io, lookup);
  } finally {
    // The walk's listings serve this run only (see listings.ts).
    forgetListings();
  }
}

/** Bad usage or configuration: the message on stderr, exit 2; anything else is a bug and is rethrown. */
function usageFailure(error: unknown, io: Io): number {
  if (!(error instanceof UsageError)) throw error;
  const hint = error instanceof ConfigError ? '' : 'Run "dockmod --help" for usage.\n';
  io.stderr(`dockmod: ${error.message}\n${hint}`);
  return EXIT_ERROR;
}

/** --print-config: what `given` would be processed with, as JSON. */
function printConfig(given: string, settings: CliSettings, io: Io, lookup: FileLookup): number {
  const show = (absolute: string): string => displayPath(absolute, io.cwd);
  try {
    io.stdout(`${JSON.stringify(printedConfig(path.resolve(io.cwd, given), lookup, settings.noIgnore, io.cwd, show), null, 2)}\n`);
  } catch (error) {
    return usageFailure(error, io);
  }
  return EXIT_OK;
}

/** Where output goes, with the colours each stream may use. */
interface Output {
  stdout: (chunk: string | Buffer) => void;
  stderr: (chunk: string) => void;
  colors: { stdout: Palette; stderr: Palette };
}

function outputFor(io: Io, settings: CliSettings, beforeStderr: () => void = () => {}): Output {
  const env = io.env ?? {};
  const enabled = (isTTY: boolean | undefined): boolean => settings.color ?? colorEnabled(isTTY, env);
  return {
    stdout: io.stdout,
    stderr: (chunk) => {
      beforeStderr();
      io.stderr(chunk);
    },
    colors: { stdout: palette(enabled(io.stdoutIsTTY)), stderr: palette(enabled(io.stderrIsTTY)) },
  };
}

async function processAll(settings: CliSettings, io: Io, lookup: FileLookup): Promise<number> {
  const discovered = discover(settings.paths.map((p) => path.resolve(io.cwd, p)), { noIgnore: settings.noIgnore, cwd: io.cwd });
  const declared = withDeclaredFiles(discovered, io.cwd);
  const { problems, leftovers } = discovered;
  if (settings.mode === 'write') removeLeftovers(leftovers);
  let plan: Plan;
  try {
    plan = planJobs(discovered, declared, lookup, settings.noIgnore, (file) => displayPath(file, io.cwd));
  } catch (error) {
    return usageFailure(error, io);
  }
  const { jobs, excluded } = plan;
  const ignored = [...discovered.ignored, ...plan.ignored];
  const moduleFacts = createModuleLookup();
  const results: FileResult[] = [];
  // The diff format streams everything but the summary line: only its counts are kept, not one result per file.
  const keepsResults = settings.format !== 'diff';
  const totals: Totals = totalsOf([]);
  const progress = createProgress(jobs.length, io.stderr, !!io.stderrIsTTY && !io.env?.CI);
  const out = outputFor(io, settings, () => progress.clear());
  const emit = (result: FileResult): void => {
    renderAsItComes(result, settings, out);
    addToTotals(totals, result);
    if (!keepsResults) return;
    // Rendered: keep what the summary and the reports need, not the file's text before and after.
    const { before: _before, after: _after, ...kept } = withReportDiff(result, settings);
    results.push(kept);
  };
  const failure = (file: string, error: string): void => emit({ path: displayPath(file, io.cwd), status: 'error', error, changedBy: [], changes: [], notes: [] });
  reportSkipped(declared.index.problems, ignored, io.cwd, out);
  for (const problem of problems) failure(problem.path, problem.message);
  if (jobs.length === 0 && problems.length === 0 && ignored.length === 0) {
    // A gate must not pass on nothing.
    const why = excluded > 0 ? ` (${excluded} excluded by the configuration)` : '';
    for (const folder of discovered.walked) failure(folder, `no Dockerfile found in this folder${why}`);
  }
  const reportModel = settings.format === 'json';
  const unifiedDiff = settings.mode === 'diff' && settings.format === 'diff';
  await processFiles(reportModel ? jobs.map((job) => ({ ...job, reportModel })) : jobs, { write: settings.mode === 'write', moduleFacts, projectFiles: createProjectFiles(), unifiedDiff }, (result) => {
    emit(result);
    progress.tick();
  });
  progress.clear();
  finishReport(results, settings, io);
  if (!settings.quiet) out.stderr(`${colorSummary(summaryLine(totals, settings.mode), out.colors.stderr)}\n`);
  if (totals.errors > 0) return EXIT_ERROR;
  if (settings.mode === 'check' && totals.changed > 0) return EXIT_CHANGES;
  return EXIT_OK;
}

/** Build files that could not be read, and paths named that an exclusion covers: on stderr, not errors. */
function reportSkipped(buildFiles: PathProblem[], ignored: PathProblem[], cwd: string, out: Output): void {
  for (const { path: file, message } of buildFiles) {
    out.stderr(`dockmod: warning: ${displayPath(file, cwd)}: ${message}; the Dockerfiles it names may be missed\n`);
  }
  for (const { path: file, message } of ignored) out.stderr(`dockmod: ${displayPath(file, cwd)}: ignored, ${message} (--no-ignore processes it)\n`);
}

/**
 * --stdin-filepath: one Dockerfile from standard input. Prints the result
 * (the input itself when nothing applies), the path with --check when it would
 * change, or the report of --format; no summary line.
 */
async function processStdin(settings: CliSettings, io: Io, lookup: FileLookup): Promise<number> {
  const file = path.resolve(io.cwd, settings.stdinFilepath!);
  const bytes = await (io.readStdin ?? readProcessStdin)();
  let own: ResolvedFile;
  try {
    own = lookup(file);
  } catch (error) {
    return usageFailure(error, io);
  }
  // An excluded path prints its input unchanged, as prettier does.
  const transforms = ignoredReason(file, own, settings.noIgnore, io.cwd) === undefined ? own.transforms : [];
  const { options, annotate } = own;
  const fileSettings = { transforms, options, annotate, write: false, moduleFacts: createModuleLookup(), declaredContext: declaredContextFor(file), reportModel: settings.format === 'json' };
  const result = withReportDiff(processFile(file, displayPath(file, io.cwd), fileSettings, bytes), settings);
  reportProblems(result, settings, outputFor(io, settings));
  const reported = finishReport([result], settings, io);
  if (!reported && settings.mode === 'check' && result.status === 'changed') io.stdout(`${result.path}\n`);
  else if (!reported && settings.mode !== 'check' && result.status !== 'error') io.stdout(result.after === undefined ? bytes : Buffer.from(result.after, 'latin1'));
  if (result.status === 'error') return EXIT_ERROR;
  if (settings.mode === 'check' && result.status === 'changed') return EXIT_CHANGES;
  return EXIT_OK;
}

/** --format json: a changed file's unified diff goes into the report. */
function withReportDiff(result: FileResult, settings: CliSettings): FileResult {
  if (settings.format !== 'json' || result.status !== 'changed') return result;
  // The report is text: the file's bytes are read as UTF-8 there.
  return { ...result, diff: Buffer.from(unifiedDiff(result.path, result.before!, result.after!), 'latin1').toString('utf8') };
}

/**
 * The report of --format json, sarif or github on stdout (and, for github in a
 * workflow, the Markdown summary appended to $GITHUB_STEP_SUMMARY); false for
 * the diff format, which streams.
 */
function finishReport(results: readonly FileResult[], settings: CliSettings, io: Io): boolean {
  const report = renderReport(settings.format, results, settings.mode, reportContext(io.cwd));
  if (report === undefined) return false;
  io.stdout(report);
  const summaryFile = io.env?.GITHUB_STEP_SUMMARY;
  if (settings.format === 'github' && summaryFile) {
    try {
      appendFileSync(path.resolve(io.cwd, summaryFile), `${githubStepSummary(results, settings.mode)}\n`);
    } catch (error) {
      io.stderr(`dockmod: cannot append the step summary to ${summaryFile} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})\n`);
    }
  }
  return true;
}

async function readProcessStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The error and the notes of a file, on stderr. */
function reportProblems(result: FileResult, settings: CliSettings, out: Output): void {
  const err = out.colors.stderr;
  if (result.status === 'error') {
    out.stderr(`${err.red(errorLine(result.path, result.error ?? 'failed'))}\n`);
    if (settings.debug && result.cause instanceof Error && !(result.cause instanceof DockmodError)) out.stderr(`${result.cause.stack}\n`);
  }
  if (settings.quiet) return;
  for (const line of noteLines(result)) out.stderr(`${err.enabled ? line.replace(/^\S+/, (location) => err.dim(location)) : line}\n`);
}

function renderAsItComes(result: FileResult, settings: CliSettings, out: Output): void {
  reportProblems(result, settings, out);
  if (settings.format !== 'diff' || result.status !== 'changed') return;
  if (settings.mode !== 'diff') {
    out.stdout(`${result.path}\n`);
    return;
  }
  const diff = result.unifiedDiff ?? unifiedDiff(result.path, result.before!, result.after!);
  out.stdout(Buffer.from(out.colors.stdout.enabled ? colorDiff(diff, out.colors.stdout) : diff, 'latin1'));
}

/** The process entry point used by bin/dockmod.js. */
export async function main(): Promise<void> {
  const onSignal = (code: number) => () => {
    removePendingTempFiles();
    process.exit(code);
  };
  process.on('SIGINT', onSignal(130));
  process.on('SIGTERM', onSignal(143));
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  const io: Io = {
    stdout: (chunk) => process.stdout.write(chunk),
    stderr: (chunk) => process.stderr.write(chunk),
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY,
    stderrIsTTY: process.stderr.isTTY,
  };
  process.exitCode = await run(process.argv.slice(2), io);
}
