// --format json|sarif|github on temporary trees: the SARIF log checked against
// the official SARIF 2.1.0 schema, the workflow commands and their escaping,
// and how the reporters combine with --check and --write.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty } from '../src/reporters/github.js';
import { ruleDocs } from '../src/reporters/rules.js';
import { TRANSFORMS } from '../transforms/index.js';
import { GO_MOD, GO_SERVICE, makeTree, readTreeFile, runCli } from './support.js';

const MIGRATION = ['-t', 'drop-mod-download,add-mod-flag'];
const MIGRATED = GO_SERVICE.replace('RUN go mod download\n', '').replace('go build', 'go build -mod=mod');
const VENDOR_BUILD = 'FROM golang:1.23\nRUN go build -mod=vendor -o app .\n';
const IGNORED_BUILD = 'FROM golang:1.23\n# dockmod-ignore\nRUN go build -o app .\n';

// The schema file as published by Microsoft's SARIF SDK (draft-04).
const require = createRequire(import.meta.url);
const sarifSchemaFile = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
// unicodeRegExp: false, because the published schema's language pattern has a stray `]` that only non-unicode regular expressions accept.
const ajv = new ajvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
ajvFormats.default(ajv);
const validateSarif = ajv.compile(JSON.parse(readFileSync(sarifSchemaFile, 'utf8')));

function expectValidSarif(log: unknown): void {
  const valid = validateSarif(log);
  expect(valid, JSON.stringify(validateSarif.errors, null, 2)).toBe(true);
}

const why = (id: string): string => ruleDocs(id).why;
const PENDING_DROP = `Remove "RUN go mod download": ${why('drop-mod-download')}. Run dockmod --write to apply it.`;
const PENDING_FLAG = `Add "-mod=mod": ${why('add-mod-flag')}. Run dockmod --write to apply it.`;
const WRITTEN_DROP = `Removed "RUN go mod download": ${why('drop-mod-download')}.`;
const WRITTEN_FLAG = `Added "-mod=mod": ${why('add-mod-flag')}.`;

describe('--format sarif', () => {
  it('is checked against a schema that does reject broken logs', () => {
    expect(validateSarif({ runs: [] }), 'no version').toBe(false);
    expect(validateSarif({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), 'a driver without a name').toBe(false);
    expect(validateSarif({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ level: 'warn', message: { text: '' } }] }] })).toBe(false);
  });

  const tree = () =>
    makeTree({
      'svc/Dockerfile': GO_SERVICE,
      'svc/go.mod': GO_MOD,
      'vendored/Dockerfile': VENDOR_BUILD,
      'kept/Dockerfile': IGNORED_BUILD,
      'bin/Dockerfile': Buffer.from([0x46, 0x52, 0x00, 0x01]),
    });

  it('is a valid SARIF 2.1.0 log with one rule per transform and a result per change, note and ignored spot', async () => {
    const root = tree();
    const result = await runCli(['--format', 'sarif', ...MIGRATION], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('dockmod: error: bin/Dockerfile: is binary');
    const log = JSON.parse(result.stdout);
    expectValidSarif(log);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    const [run] = log.runs;
    expect(run.tool.driver.name).toBe('dockmod');
    expect(run.tool.driver.rules.map((rule: { id: string; shortDescription: { text: string } }) => [rule.id, rule.shortDescription.text])).toEqual(
      TRANSFORMS.map((transform) => [transform.id, transform.summary]),
    );
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe(`${pathToFileURL(root).href}/`);
    const summary = run.results.map((r: any) => ({
      rule: r.ruleId,
      index: r.ruleIndex,
      level: r.level,
      uri: r.locations[0].physicalLocation.artifactLocation.uri,
      line: r.locations[0].physicalLocation.region.startLine,
      suppressed: !!r.suppressions,
    }));
    const index = (id: string) => TRANSFORMS.findIndex((transform) => transform.id === id);
    expect(summary).toEqual([
      { rule: 'add-mod-flag', index: index('add-mod-flag'), level: 'note', uri: 'kept/Dockerfile', line: 3, suppressed: true },
      { rule: 'drop-mod-download', index: index('drop-mod-download'), level: 'warning', uri: 'svc/Dockerfile', line: 4, suppressed: false },
      { rule: 'add-mod-flag', index: index('add-mod-flag'), level: 'warning', uri: 'svc/Dockerfile', line: 6, suppressed: false },
      { rule: 'add-mod-flag', index: index('add-mod-flag'), level: 'note', uri: 'vendored/Dockerfile', line: 2, suppressed: false },
    ]);
    expect(run.results[1].message.text).toBe(PENDING_DROP);
    expect(run.results[3].message.text).toBe('go build already sets -mod=vendor; left as is');
    expect(run.invocations).toEqual([
      {
        executionSuccessful: false,
        toolExecutionNotifications: [
          {
            level: 'error',
            message: { text: 'bin/Dockerfile: is binary (contains NUL bytes); not a Dockerfile' },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'bin/Dockerfile', uriBaseId: '%SRCROOT%' } } }],
          },
        ],
      },
    ]);
  });

  it('combines with --check (exit 1) and --write (what was written, as notes)', async () => {
    const root = makeTree({ 'svc/Dockerfile': GO_SERVICE, 'svc/go.mod': GO_MOD });
    const check = await runCli(['--check', '--format', 'sarif', ...MIGRATION], root);
    expect(check.code).toBe(1);
    expectValidSarif(JSON.parse(check.stdout));
    const write = await runCli(['--write', '--format', 'sarif', ...MIGRATION], root);
    expect(write.code).toBe(0);
    const log = JSON.parse(write.stdout);
    expectValidSarif(log);
    expect(log.runs[0].results.map((r: any) => [r.level, r.message.text])).toEqual([
      ['note', WRITTEN_DROP],
      ['note', WRITTEN_FLAG],
    ]);
    expect(readTreeFile(root, 'svc/Dockerfile')).toBe(MIGRATED);
    const again = await runCli(['--check', '--format', 'sarif', ...MIGRATION], root);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).runs[0].results).toEqual([]);
  });

  it('adds a rule for notes about ignore comments when there are some', async () => {
    const root = makeTree({ Dockerfile: 'FROM golang:1.23\n# dockmod-ignore add-mod-flags\nRUN go build .\n' });
    const log = JSON.parse((await runCli(['--format', 'sarif', ...MIGRATION], root)).stdout);
    expectValidSarif(log);
    const rules = log.runs[0].tool.driver.rules;
    expect(rules.at(-1).id).toBe('dockmod-ignore');
    const note = log.runs[0].results.find((r: any) => r.ruleId === 'dockmod-ignore');
    expect(note).toMatchObject({ ruleIndex: rules.length - 1, level: 'note' });
    expect(note.message.text).toContain('unknown transform id "add-mod-flags"');
  });

  it('encodes paths as URI references', async () => {
    const root = makeTree({ 'my svc#1/Dockerfile': GO_SERVICE });
    const log = JSON.parse((await runCli(['--format', 'sarif', ...MIGRATION], root)).stdout);
    expectValidSarif(log);
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('my%20svc%231/Dockerfile');
  });
});

describe('--format github', () => {
  it('prints a warning per pending change and a notice per note', async () => {
    const root = makeTree({ 'svc/Dockerfile': GO_SERVICE, 'svc/go.mod': GO_MOD, 'vendored/Dockerfile': VENDOR_BUILD });
    const result = await runCli(['--format', 'github', ...MIGRATION], root);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        `::warning file=svc/Dockerfile,line=4,title=dockmod drop-mod-download::${PENDING_DROP}`,
        `::warning file=svc/Dockerfile,line=6,title=dockmod add-mod-flag::${PENDING_FLAG}`,
        '::notice file=vendored/Dockerfile,line=2,title=dockmod add-mod-flag::go build already sets -mod=vendor; left as is',
        '',
      ].join('\n'),
    );
    expect(result.stderr).toBe(
      'vendored/Dockerfile:2  add-mod-flag  go build already sets -mod=vendor; left as is\n' +
        'dockmod: 1 file would change, 1 unchanged, 1 note, 0 errors\n',
    );
  });

  it('fails --check with exit 1, reports written changes as notices with --write, and errors as ::error', async () => {
    const root = makeTree({ 'svc/Dockerfile': GO_SERVICE, 'bin/Dockerfile': Buffer.from([0x00]) });
    const check = await runCli(['--check', '--format', 'github', ...MIGRATION, 'svc'], root);
    expect(check.code).toBe(1);
    expect(check.stdout.split('\n').filter(Boolean).every((line) => line.startsWith('::warning '))).toBe(true);
    const write = await runCli(['--write', '--format', 'github', ...MIGRATION], root);
    expect(write.code).toBe(2);
    expect(write.stdout).toBe(
      [
        '::error file=bin/Dockerfile,title=dockmod::is binary (contains NUL bytes); not a Dockerfile',
        `::notice file=svc/Dockerfile,line=4,title=dockmod drop-mod-download::${WRITTEN_DROP}`,
        `::notice file=svc/Dockerfile,line=6,title=dockmod add-mod-flag::${WRITTEN_FLAG}`,
        '',
      ].join('\n'),
    );
    expect(readTreeFile(root, 'svc/Dockerfile')).toBe(MIGRATED);
  });

  it('escapes properties and messages as GitHub requires', async () => {
    expect(escapeData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext');
    expect(escapeProperty('a,b:c%\n')).toBe('a%2Cb%3Ac%25%0A');
    const root = makeTree({ 'a,b:c/Dockerfile': GO_SERVICE });
    const result = await runCli(['--format', 'github', '-t', 'add-mod-flag'], root);
    expect(result.stdout).toBe(`::warning file=a%2Cb%3Ac/Dockerfile,line=6,title=dockmod add-mod-flag::${PENDING_FLAG}\n`);
  });
});

describe('--format json', () => {
  it('is what --json prints', async () => {
    const root = makeTree({ 'svc/Dockerfile': GO_SERVICE, 'vendored/Dockerfile': VENDOR_BUILD });
    const json = await runCli(['--json', ...MIGRATION], root);
    const format = await runCli(['--format', 'json', ...MIGRATION], root);
    expect(format).toEqual(json);
    expect(await runCli(['--json', '--format', 'json', ...MIGRATION], root)).toEqual(json);
  });

  it('counts ignored spots per file and in the summary, only when there are some', async () => {
    const root = makeTree({ 'kept/Dockerfile': IGNORED_BUILD, 'svc/Dockerfile': GO_SERVICE });
    const result = await runCli(['--format', 'json', ...MIGRATION], root);
    const report = JSON.parse(result.stdout);
    expect(report.files[0]).toMatchObject({ path: 'kept/Dockerfile', status: 'unchanged', ignored: [{ transform: 'add-mod-flag', line: 3 }] });
    expect(report.files[1].ignored).toBeUndefined();
    expect(report.summary).toEqual({ changed: 1, unchanged: 1, notes: 0, errors: 0, ignored: 1 });
    expect(result.stderr).toBe('dockmod: 1 file would change, 1 unchanged, 0 notes, 0 errors, 1 ignored\n');
  });
});

describe('usage errors', () => {
  it('refuses an unknown format and --json with another format', async () => {
    const root = makeTree({});
    const unknown = await runCli(['--format', 'xml'], root);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("option '--format <format>' argument 'xml' is invalid. Allowed choices are diff, json, sarif, github.");
    const both = await runCli(['--json', '--format', 'sarif'], root);
    expect(both).toEqual({ code: 2, stdout: '', stderr: 'dockmod: --json is --format json; it cannot be combined with --format sarif\nRun "dockmod --help" for usage.\n' });
  });
});
