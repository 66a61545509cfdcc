// Temporary trees and an in-process CLI runner for CLI tests.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import { afterEach } from 'vitest';
import { validateConfig } from '../src/config.js';
import { runWith } from './run-io.js';

const created: string[] = [];

afterEach(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder with `files` (path -> text or bytes) written into it. */
export function makeTree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'dockmod-test-'));
  created.push(root);
  for (const [relative, content] of Object.entries(files)) writeTreeFile(root, relative, content);
  return root;
}

export function writeTreeFile(root: string, relative: string, content: string | Buffer, mode?: number): void {
  checkConfigAgainstSchema(relative, content);
  const file = path.join(root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  if (mode !== undefined) chmodSync(file, mode);
}

const schema = JSON.parse(readFileSync(path.join(import.meta.dirname, '..', 'dockmod.schema.json'), 'utf8'));
/** dockmod.schema.json compiled: does the schema accept this configuration? */
export const schemaAccepts = new Ajv({ allErrors: true }).compile(schema);

/**
 * Every configuration a test writes (dockmod*.json, package.json "dockmod"
 * keys), valid or not, is also checked against dockmod.schema.json: the
 * schema and the validator must agree on it. Text that is not JSON is left to the test.
 */
function checkConfigAgainstSchema(relative: string, content: string | Buffer): void {
  const name = path.basename(relative);
  if (!/^dockmod.*\.json$/.test(name) && name !== 'package.json') return;
  let data: unknown;
  try {
    data = JSON.parse(content.toString());
  } catch {
    return;
  }
  if (name === 'package.json') {
    if (typeof data !== 'object' || data === null || !('dockmod' in data)) return;
    data = (data as { dockmod: unknown }).dockmod;
  }
  let validatorAccepts = true;
  try {
    validateConfig(data, relative);
  } catch {
    validatorAccepts = false;
  }
  if (schemaAccepts(data) !== validatorAccepts) {
    throw new Error(`${relative}: the validator ${validatorAccepts ? 'accepts' : 'rejects'} it but dockmod.schema.json does not agree: ${JSON.stringify(data)}`);
  }
}

export function readTreeFile(root: string, relative: string): string {
  return readFileSync(path.join(root, relative), 'latin1');
}

/** Every file below `root`, relative, sorted (to spot stray temporary files). */
export function listTree(root: string): string[] {
  const found: string[] = [];
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else found.push(path.relative(root, full).split(path.sep).join('/'));
    }
  };
  visit(root);
  return found.sort();
}

export function mtimeOf(root: string, relative: string): number {
  return statSync(path.join(root, relative)).mtimeMs;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the CLI in-process with `cwd` as its current directory, no environment and no TTY. Output bytes are kept as latin1. */
export function runCli(argv: string[], cwd: string): Promise<CliRun> {
  return runWith(argv, cwd);
}

export const GO_SERVICE = [
  'FROM golang:1.23 AS build',
  'WORKDIR /src',
  'COPY go.mod go.sum ./',
  'RUN go mod download',
  'COPY . .',
  'RUN go build -o /app .',
  '',
].join('\n');

export const GO_MOD = 'module example.com/svc\n\ngo 1.23.0\n';

/** `dockmod -t drop-mod-download,add-mod-flag` on GO_SERVICE at svc/Dockerfile: the unified diff it prints. */
export const GO_SERVICE_MIGRATION_DIFF = [
  '--- a/svc/Dockerfile',
  '+++ b/svc/Dockerfile',
  '@@ -1,6 +1,5 @@',
  ' FROM golang:1.23 AS build',
  ' WORKDIR /src',
  ' COPY go.mod go.sum ./',
  '-RUN go mod download',
  ' COPY . .',
  '-RUN go build -o /app .',
  '+RUN go build -mod=mod -o /app .',
  '',
].join('\n');
