// The command line: flags -> settings, files -> results, results -> output
// and an exit code (0 done, 1 --check found changes, 2 usage or file errors).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { unifiedDiff } from './diff.js';
import { discover } from './discover.js';
import { DockmodError, UsageError } from './errors.js';
import { processFile, type FileResult } from './files.js';
import { isValidGoVersion } from './go-version.js';
import { createModuleLookup } from './module.js';
import { errorLine, jsonReport, noteLines, summaryLine, totalsOf, type Mode } from './report.js';
import type { Transform, TransformOptions } from './transform.js';
import { removeLeftovers, removePendingTempFiles } from './write.js';
import { PIPELINE_IDS, TRANSFORMS } from '../transforms/index.js';

export interface Io {
  stdout: (chunk: string | Buffer) => void;
  stderr: (chunk: string) => void;
  cwd: string;
}

export interface CliSettings {
  paths: string[];
  mode: Mode;
  json: boolean;
  debug: boolean;
  transforms: readonly Transform[];
  options: TransformOptions;
}

const EXIT_OK = 0;
const EXIT_CHANGES = 1;
const EXIT_ERROR = 2;

function packageVersion(): string {
  const manifest = new URL('../../package.json', import.meta.url);
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

function buildProgram(): Command {
  const ids = TRANSFORMS.map((transform) => `  ${transform.id.padEnd(20)} ${transform.summary}`).join('\n');
  return new Command('dockmod')
    .description('Migrate the Dockerfiles of Go services: prints a unified diff of what would change, or writes it.')
    .argument('[paths...]', 'files or folders to process', ['.'])
    .option('--write', 'write the changes in place')
    .option('--check', 'list the files that would change; exit 1 if any')
    .option('-t, --transforms <ids>', 'comma-separated transform ids, run in the order given (default: all, in pipeline order)')
    .option('--go-version <version|auto>', 'target Go version for bump-go-image: 1.N, 1.N.P or auto (from the nearest go.mod)', 'auto')
    .option('--json', 'print one JSON report on stdout instead of the diff')
    .option('--syntax-directive', 'add-cache-mounts: also add "# syntax=docker/dockerfile:1" (engines older than Docker 23)')
    .option('--keep-digest', 'bump-go-image: leave digest-pinned golang images unchanged instead of dropping the stale digest')
    .addOption(new Option('--golang-registry <host>', 'bump-go-image: treat <host>/golang as the official image (repeatable)').argParser(collect))
    .option('--debug', 'show stack traces of unexpected errors')
    .version(packageVersion(), '--version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .addHelpText('after', `\nTransforms, in pipeline order:\n${ids}\n\nExit codes: 0 done or nothing to do, 1 --check found changes, 2 bad usage or a file could not be processed.`)
    .exitOverride()
    .configureOutput({ writeOut: () => {}, writeErr: () => {} });
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export function parseArguments(argv: readonly string[]): CliSettings | { output: string } {
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
    debug?: boolean;
  }>();
  if (flags.write && flags.check) throw new UsageError('--write and --check cannot be used together (choose one)');
  const options: TransformOptions = { goVersion: validGoVersion(flags.goVersion) };
  if (flags.syntaxDirective) options.syntaxDirective = true;
  if (flags.keepDigest) options.keepDigests = true;
  if (flags.golangRegistry) options.golangRegistries = flags.golangRegistry;
  return {
    paths: program.processedArgs[0] as string[],
    mode: flags.write ? 'write' : flags.check ? 'check' : 'diff',
    json: !!flags.json,
    debug: !!flags.debug,
    transforms: selectTransforms(flags.transforms),
    options,
  };
}

function validGoVersion(value: string): string {
  if (value === 'auto' || isValidGoVersion(value)) return value;
  throw new UsageError(`invalid --go-version "${value}": expected auto, 1.N or 1.N.P (for example 1.24 or 1.24.5)`);
}

export function selectTransforms(list: string | undefined): readonly Transform[] {
  if (list === undefined) return TRANSFORMS;
  const ids = list.split(',').map((id) => id.trim()).filter(Boolean);
  const valid = TRANSFORMS.map((transform) => transform.id).join(', ');
  if (ids.length === 0) throw new UsageError(`--transforms needs at least one id; valid ids: ${valid}`);
  return ids.map((id) => {
    const transform = TRANSFORMS.find((candidate) => candidate.id === id);
    if (transform) return transform;
    const planned = (PIPELINE_IDS as readonly string[]).includes(id) ? ' (not available in this version)' : '';
    throw new UsageError(`unknown transform "${id}"${planned}; valid ids: ${valid}`);
  });
}

export function displayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute) || path.basename(absolute);
  return relative.split(path.sep).join('/');
}

/** Run dockmod; resolves to the exit code. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let settings: CliSettings;
  try {
    const parsed = parseArguments(argv);
    if ('output' in parsed) {
      io.stdout(parsed.output);
      return EXIT_OK;
    }
    settings = parsed;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`dockmod: ${error.message}\nRun "dockmod --help" for usage.\n`);
      return EXIT_ERROR;
    }
    throw error;
  }
  return processAll(settings, io);
}

async function processAll(settings: CliSettings, io: Io): Promise<number> {
  const { files, problems, leftovers } = discover(settings.paths.map((p) => path.resolve(io.cwd, p)));
  if (settings.mode === 'write') removeLeftovers(leftovers);
  const moduleFacts = createModuleLookup();
  const results: FileResult[] = [];
  const emit = (result: FileResult): void => {
    results.push(result);
    renderAsItComes(result, settings, io);
  };
  for (const problem of problems) {
    emit({ path: displayPath(problem.path, io.cwd), status: 'error', error: problem.message, changedBy: [], changes: [], notes: [] });
  }
  for (const [index, file] of files.entries()) {
    emit(processFile(file, displayPath(file, io.cwd), { ...settings, write: settings.mode === 'write', moduleFacts }));
    // Let signal handlers run between files: no temporary file exists at this point.
    if (index % 64 === 63) await new Promise((resolve) => setImmediate(resolve));
  }
  const totals = totalsOf(results);
  if (settings.json) io.stdout(`${JSON.stringify(jsonReport(results, settings.mode), null, 2)}\n`);
  io.stderr(`${summaryLine(totals, settings.mode)}\n`);
  if (totals.errors > 0) return EXIT_ERROR;
  if (settings.mode === 'check' && totals.changed > 0) return EXIT_CHANGES;
  return EXIT_OK;
}

function renderAsItComes(result: FileResult, settings: CliSettings, io: Io): void {
  if (result.status === 'error') {
    io.stderr(`${errorLine(result.path, result.error ?? 'failed')}\n`);
    if (settings.debug && result.cause instanceof Error && !(result.cause instanceof DockmodError)) io.stderr(`${result.cause.stack}\n`);
  }
  for (const line of noteLines(result)) io.stderr(`${line}\n`);
  if (settings.json || result.status !== 'changed') return;
  if (settings.mode === 'diff') io.stdout(Buffer.from(unifiedDiff(result.path, result.before!, result.after!), 'latin1'));
  else io.stdout(`${result.path}\n`);
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
  };
  process.exitCode = await run(process.argv.slice(2), io);
}
