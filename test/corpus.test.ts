// A corpus shaped like the Dockerfiles of real public Go projects (and a few
// that are not Go at all): every transform runs on each, with default options
// and the Go version from the go.mod beside it. Each case must keep the five
// safety properties and give its reviewed output.dockerfile (absent: the file
// stays unchanged) and notes.json (absent: no notes).
//
// `npm run corpus:update` rewrites output.Dockerfile and notes.json from the
// current transforms (DOCKMOD_UPDATE_CORPUS=1); review every diff before committing.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createModuleLookup } from '../src/module.js';
import { createProjectFiles } from '../src/model/files.js';
import { rewriteText, type Note, type RewriteOptions } from '../src/pipeline.js';
import { TRANSFORMS } from '../transforms/index.js';
import { changesOutsideEdits, diffMismatch, secondRunChanges, structureChanges } from './invariants.js';

const CORPUS = path.join(import.meta.dirname, '..', '__fixtures__', 'corpus');
const updating = process.env.DOCKMOD_UPDATE_CORPUS === '1';

const cases = readdirSync(CORPUS)
  .filter((name) => existsSync(path.join(CORPUS, name, 'input.Dockerfile')))
  .sort();

function settingsFor(file: string): RewriteOptions {
  const lookup = createModuleLookup();
  // A case folder is its own repository: the build context is never looked for above it.
  return { path: file, transforms: TRANSFORMS, options: { goVersion: 'auto' }, module: () => lookup(file), files: createProjectFiles(path.dirname(file)) };
}

function update(dir: string, input: string, output: string, notes: Note[]): void {
  const outputFile = path.join(dir, 'output.Dockerfile');
  const notesFile = path.join(dir, 'notes.json');
  if (output === input) rmSync(outputFile, { force: true });
  else writeFileSync(outputFile, Buffer.from(output, 'latin1'));
  if (notes.length === 0) rmSync(notesFile, { force: true });
  else writeFileSync(notesFile, `${JSON.stringify(notes, null, 2)}\n`);
}

describe(`corpus (${cases.length} Dockerfiles; transforms: ${TRANSFORMS.map((t) => t.id).join(', ')})`, () => {
  it('has at least 60 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });

  for (const name of cases) {
    describe(name, () => {
      const dir = path.join(CORPUS, name);
      const inputFile = path.join(dir, 'input.Dockerfile');
      // latin1: one character per byte, as the CLI reads and writes files.
      const input = readFileSync(inputFile, 'latin1');
      const settings = settingsFor(inputFile);
      const result = rewriteText(input, settings);
      if (updating) update(dir, input, result.output, result.notes);

      const outputFile = path.join(dir, 'output.Dockerfile');
      const notesFile = path.join(dir, 'notes.json');
      const expected = existsSync(outputFile) ? readFileSync(outputFile, 'latin1') : input;
      const expectedNotes: Note[] = existsSync(notesFile) ? JSON.parse(readFileSync(notesFile, 'utf8')) : [];

      it('gives the reviewed output', () => {
        if (existsSync(outputFile)) expect(expected, 'output.Dockerfile must differ from the input').not.toBe(input);
        expect(result.output).toBe(expected);
      });

      it('gives the reviewed notes', () => {
        expect(result.notes).toEqual(expectedNotes);
      });

      it('keeps the five safety properties', () => {
        expect([
          ...changesOutsideEdits(input, result),
          ...secondRunChanges(result, settings),
          ...diffMismatch(input, result),
          ...structureChanges(input, result),
        ]).toEqual([]);
      });
    });
  }
});
