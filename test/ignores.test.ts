// Inline ignores: the directive syntax, which edits an ignore blocks, and the
// ignored spots the engine counts. Whole-file cases live in __fixtures__/ignores/.
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../src/document.js';
import { editTouches, findIgnores, parseDirective } from '../src/ignores.js';
import { rewriteText } from '../src/pipeline.js';
import { TRANSFORMS } from '../transforms/index.js';

const IDS = TRANSFORMS.map((transform) => transform.id);

function rewrite(text: string, ids: string[] = IDS) {
  const transforms = ids.map((id) => TRANSFORMS.find((transform) => transform.id === id)!);
  return rewriteText(text, { path: '', transforms, options: { goVersion: '1.24' } });
}

describe('parseDirective', () => {
  it('reads the kind, the ids and an optional reason', () => {
    expect(parseDirective('# dockmod-ignore', IDS)).toMatchObject({ kind: 'line', scope: { all: true }, unknown: [] });
    expect(parseDirective('#dockmod-ignore-file', IDS)).toMatchObject({ kind: 'file', scope: { all: true } });
    const listed = parseDirective('  # dockmod-ignore add-mod-flag, add-cache-mounts -- vendored build\r\n', IDS);
    expect(listed?.scope.all).toBe(false);
    expect([...listed!.scope.ids]).toEqual(['add-mod-flag', 'add-cache-mounts']);
    expect([...parseDirective('# dockmod-ignore=add-mod-flag', IDS)!.scope.ids]).toEqual(['add-mod-flag']);
  });

  it('ignores every transform when an id is unknown, and says which', () => {
    expect(parseDirective('# dockmod-ignore add-mod-flags', IDS)).toMatchObject({ scope: { all: true }, unknown: ['add-mod-flags'] });
  });

  it('is not fooled by look-alikes', () => {
    expect(parseDirective('# dockmod-ignored', IDS)).toBeUndefined();
    expect(parseDirective('# dockmod-ignore-next-line', IDS)).toBeUndefined();
    expect(parseDirective('# see dockmod-ignore in the README', IDS)).toBeUndefined();
  });
});

describe('which edits an ignore blocks', () => {
  const text = 'FROM golang:1.23\nCOPY . .\n# dockmod-ignore\nRUN go build -o /app .\nRUN echo done\n';
  const doc = parseDocument(text);
  const zone = findIgnores(doc).instructions[0]!;
  const run = doc.instructions[2]!;
  const copy = doc.instructions[1]!;
  const lineAfter = run.end + 1;

  it('finds the zone from the ignore comment to the end of the instruction', () => {
    expect(zone.instruction).toBe(run);
    expect(text.slice(zone.start, zone.end)).toBe('# dockmod-ignore\nRUN go build -o /app .');
  });

  it('blocks changes inside, text appended to it, and new lines inserted above it', () => {
    expect(editTouches(zone, { start: run.start + 13, end: run.start + 13, text: ' -mod=mod' })).toBe(true);
    expect(editTouches(zone, { start: run.end, end: run.end, text: ' ./...' })).toBe(true);
    expect(editTouches(zone, { start: run.start, end: run.end, text: '' })).toBe(true);
    expect(editTouches(zone, { start: zone.start, end: zone.start + 2, text: '' }), 'removing the ignore comment').toBe(true);
    expect(editTouches(zone, { start: zone.start, end: zone.start, text: 'RUN go mod tidy\n' }), 'a new RUN above it').toBe(true);
    expect(editTouches(zone, { start: copy.end, end: copy.end, text: '\nRUN go mod tidy' }), 'the same, written after the COPY').toBe(true);
  });

  it('lets through what belongs to the neighbours', () => {
    expect(editTouches(zone, { start: copy.end, end: copy.end, text: ' ./src' }), 'text appended to the COPY').toBe(false);
    expect(editTouches(zone, { start: copy.start, end: zone.start, text: '' }), 'removing the COPY').toBe(false);
    expect(editTouches(zone, { start: run.end, end: run.end, text: '\nRUN go vet ./...' }), 'a new line below it').toBe(false);
    expect(editTouches(zone, { start: lineAfter, end: lineAfter, text: 'RUN go vet ./...\n' }), 'the same, at the next line').toBe(false);
    expect(editTouches(zone, { start: lineAfter, end: text.length, text: '' }), 'removing the next RUN').toBe(false);
  });

  it('does not give the first instruction the file header above its ignore', () => {
    const first = findIgnores(parseDocument('# dockmod-ignore\nFROM golang:1.21\n')).instructions[0]!;
    expect(editTouches(first, { start: 0, end: 0, text: '# syntax=docker/dockerfile:1\n' })).toBe(false);
    expect(editTouches(first, { start: first.end - 4, end: first.end, text: '1.24' })).toBe(true);
  });
});

describe('ignored spots', () => {
  const service = [
    'FROM golang:1.23 AS build',
    'WORKDIR /src',
    'COPY go.mod go.sum ./',
    'RUN go mod download',
    'COPY . .',
    '# dockmod-ignore',
    'RUN go build -o /app .',
    '',
  ].join('\n');

  it('counts one spot per transform and instruction, at the instruction line', () => {
    const result = rewrite(service);
    expect(result.ignored).toEqual([
      { transform: 'insert-mod-tidy', line: 7 },
      { transform: 'add-mod-flag', line: 7 },
      { transform: 'add-cache-mounts', line: 7 },
    ]);
    expect(result.output).toContain('# dockmod-ignore\nRUN go build -o /app .\n');
    expect(result.output).not.toContain('go mod download');
  });

  it('counts nothing for a file without directives', () => {
    expect(rewrite(service.replace('# dockmod-ignore\n', '')).ignored).toEqual([]);
  });

  it('counts what a file ignore held back, and changes nothing', () => {
    const result = rewrite(`# dockmod-ignore-file\n${service.replace('# dockmod-ignore\n', '')}`, ['drop-mod-download', 'add-mod-flag']);
    expect(result.changed).toBe(false);
    expect(result.notes).toEqual([]);
    expect(result.ignored).toEqual([
      { transform: 'drop-mod-download', line: 5 },
      { transform: 'add-mod-flag', line: 7 },
    ]);
  });

  it('maps spots to input lines after earlier transforms moved the text', () => {
    const text = 'FROM golang:1.23\nRUN go mod download\nCOPY . .\n# dockmod-ignore add-mod-flag\nRUN go build .\n';
    const result = rewrite(text, ['drop-mod-download', 'add-mod-flag']);
    expect(result.output).toBe('FROM golang:1.23\nCOPY . .\n# dockmod-ignore add-mod-flag\nRUN go build .\n');
    expect(result.ignored).toEqual([{ transform: 'add-mod-flag', line: 5 }]);
  });

  it('keeps a BOM file byte for byte when the file is ignored', () => {
    const text = `\uFEFF# dockmod-ignore-file\r\n${service.replace('# dockmod-ignore\n', '').replace(/\n/g, '\r\n')}`;
    expect(rewrite(text).output).toBe(text);
  });
});
