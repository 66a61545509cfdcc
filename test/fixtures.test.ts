// One harness for every fixture case: __fixtures__/<id>/<case>/input.Dockerfile
// and output.Dockerfile (absent = must stay unchanged), optional options.json
// ({ "goVersion": "1.24", "transforms": [...] }) and notes.json (the notes
// expected; absent = none). Each case is also checked for idempotency, as a
// CRLF copy, and by applying its dry-run diff.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { applyPatch } from 'diff';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../src/diff.js';
import { parseDocument } from '../src/document.js';
import { createModuleLookup } from '../src/module.js';
import { createProjectFiles } from '../src/model/files.js';
import { rewriteText, type Note } from '../src/pipeline.js';
import type { TransformOptions } from '../src/transform.js';
import { transformById, TRANSFORMS } from '../transforms/index.js';

const FIXTURES = path.join(import.meta.dirname, '..', '__fixtures__');
/** Folders of __fixtures__ with their own tests. */
const NOT_TRANSFORM_CASES = new Set(['corpus']);

interface CaseOptions extends Partial<TransformOptions> {
  transforms?: string[];
}

function transformsFor(folder: string, options: CaseOptions) {
  const ids = options.transforms ?? (folder === 'pipeline' ? TRANSFORMS.map((t) => t.id) : [folder]);
  return ids.map((id) => {
    const transform = transformById(id);
    if (!transform) throw new Error(`unknown transform ${id}`);
    return transform;
  });
}

function transformOptionsOf({ transforms: _ids, ...options }: CaseOptions): Partial<TransformOptions> {
  return options;
}

function run(text: string, file: string, options: CaseOptions, folder: string) {
  const lookup = createModuleLookup();
  return rewriteText(text, {
    path: file,
    transforms: transformsFor(folder, options),
    options: { ...transformOptionsOf(options), goVersion: options.goVersion ?? 'auto' },
    module: () => lookup(file),
    // A case folder is its own repository: the build context is never looked for above it.
    files: createProjectFiles(path.dirname(file)),
  });
}

const toCrlf = (text: string): string => text.replace(/\r?\n/g, '\r\n');
const noteKey = (note: Pick<Note, 'transform' | 'line'>): string => `${note.transform}:${note.line}`;

for (const folder of readdirSync(FIXTURES).sort()) {
  if (NOT_TRANSFORM_CASES.has(folder)) continue;
  describe(folder, () => {
    for (const name of readdirSync(path.join(FIXTURES, folder)).sort()) {
      const dir = path.join(FIXTURES, folder, name);
      const inputFile = path.join(dir, 'input.Dockerfile');
      if (!existsSync(inputFile)) continue;
      const input = readFileSync(inputFile, 'latin1');
      const outputFile = path.join(dir, 'output.Dockerfile');
      const expected = existsSync(outputFile) ? readFileSync(outputFile, 'latin1') : input;
      const optionsFile = path.join(dir, 'options.json');
      const options: CaseOptions = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {};
      const notesFile = path.join(dir, 'notes.json');
      const expectedNotes: Note[] = existsSync(notesFile) ? JSON.parse(readFileSync(notesFile, 'utf8')) : [];

      describe(name, () => {
        const result = run(input, inputFile, options, folder);

        it('gives the expected output', () => {
          if (existsSync(outputFile)) expect(expected, 'output.Dockerfile must differ from the input').not.toBe(input);
          expect(result.output).toBe(expected);
          expect(result.changed).toBe(expected !== input);
        });

        it('records the expected notes', () => {
          expect(result.notes.map(noteKey).sort()).toEqual(expectedNotes.map(noteKey).sort());
          for (const note of expectedNotes) {
            const actual = result.notes.find((n) => noteKey(n) === noteKey(note));
            expect(actual?.message).toContain(note.message);
          }
        });

        it('is idempotent', () => {
          const again = run(result.output, inputFile, options, folder);
          expect(again.output).toBe(result.output);
          expect(again.changed).toBe(false);
        });

        it('gives the CRLF output for the CRLF input', () => {
          const crlf = run(toCrlf(input), inputFile, options, folder);
          expect(crlf.output).toBe(toCrlf(expected));
        });

        it('has a dry-run diff that applies to the input', () => {
          const patch = unifiedDiff('Dockerfile', input, result.output);
          expect(patch === '').toBe(expected === input);
          if (patch) expect(applyPatch(input, patch)).toBe(result.output);
        });

        it('still parses', () => {
          expect(() => parseDocument(result.output.replace(/^\u00EF\u00BB\u00BF/, ''))).not.toThrow();
        });
      });
    }
  });
}
