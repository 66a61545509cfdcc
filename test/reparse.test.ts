// reparseDocument must give what a full parse of the edited text gives: every
// fixture input (and its CRLF copy) is edited the ways transforms edit
// (a line inserted before an instruction, an instruction removed with its
// line, a flag after the keyword, words appended, arguments replaced, two
// instructions at once) and the two documents are compared field by field,
// the ast node's positions through astOffset.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { astOffset, endOfLineWithBreak, parseDocument, reparseDocument, startOfLine, type Document, type Instruction } from '../src/document.js';
import { applyEdits, sortEdits, type Edit } from '../src/edits.js';
import { generatedDockerfile } from './generate-dockerfile.js';

const FIXTURES = path.join(import.meta.dirname, '..', '__fixtures__');

function inputsUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const file = path.join(folder, name);
    if (statSync(file).isDirectory()) return inputsUnder(file);
    return name === 'input.Dockerfile' ? [file] : [];
  });
}

/** The positions the ast node gives, as offsets: the FROM image and the ARG/ENV values (what callers read). */
function astPositions(doc: Document, instruction: Instruction): number[] {
  const node = instruction.ast as unknown as {
    getArguments(): { getRange(): { start: { line: number; character: number }; end: { line: number; character: number } } }[];
    getProperties?: () => { getValueRange(): { start: { line: number; character: number }; end: { line: number; character: number } } | null }[];
  };
  const ranges = [...node.getArguments().map((argument) => argument.getRange()), ...(node.getProperties?.() ?? []).map((property) => property.getValueRange())];
  return ranges.flatMap((range) => (range ? [astOffset(doc, instruction, range.start), astOffset(doc, instruction, range.end)] : [-1]));
}

function comparable(doc: Document) {
  return {
    text: doc.text,
    escapeChar: doc.escapeChar,
    eol: doc.eol,
    lineStarts: doc.lineStarts,
    commentLines: [...doc.commentLines].sort((a, b) => a - b),
    instructions: doc.instructions.map(({ ast: _ast, astLineShift: _shift, ...rest }, index) => ({ ...rest, ast: astPositions(doc, doc.instructions[index]!) })),
  };
}

/** Edits like the transforms make, about one instruction. */
function editsAbout(doc: Document, instruction: Instruction): Edit[][] {
  const { text, eol } = doc;
  const lineStart = startOfLine(text, instruction.start);
  const keywordEnd = instruction.start + instruction.keywordText.length;
  return [
    [{ start: lineStart, end: lineStart, text: `RUN go mod tidy${eol}` }],
    [{ start: lineStart, end: endOfLineWithBreak(text, instruction.end), text: '' }],
    [{ start: keywordEnd, end: keywordEnd, text: ' --mount=type=cache,target=/go/pkg/mod' }],
    [{ start: instruction.end, end: instruction.end, text: ` -mod=mod${eol}RUN echo added` }],
    [{ start: instruction.argsStart, end: instruction.end, text: 'golang:1.24 AS build' }],
    [{ start: instruction.end, end: instruction.end, text: ` \\${eol}  && go build ./...` }],
  ];
}

describe('reparseDocument equals a full parse of the edited text', () => {
  for (const file of inputsUnder(FIXTURES)) {
    const name = path.relative(FIXTURES, path.dirname(file));
    it(name, () => {
      const lf = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      for (const text of lf.includes('\r') ? [lf] : [lf, lf.replace(/\n/g, '\r\n')]) {
        let doc: Document;
        try {
          doc = parseDocument(text);
        } catch {
          continue; // a fixture of unreadable input
        }
        const { instructions } = doc;
        const chosen = [...new Set([instructions[0], instructions[1], instructions[Math.floor(instructions.length / 2)], instructions.at(-2), instructions.at(-1)])].filter((item): item is Instruction => !!item);
        const editSets = chosen.flatMap((instruction) => editsAbout(doc, instruction));
        if (chosen.length > 1) editSets.push([editsAbout(doc, chosen[0]!)[2]![0]!, editsAbout(doc, chosen.at(-1)!)[0]![0]!]);
        for (const edits of editSets) {
          const sorted = sortEdits(edits, 'test');
          const edited = applyEdits(text, sorted);
          let full: Document;
          try {
            full = parseDocument(edited);
          } catch {
            continue;
          }
          expect(comparable(reparseDocument(doc, sorted, edited)), JSON.stringify(edits)).toEqual(comparable(full));
        }
      }
    });
  }
});

/** What random edits insert: pieces that make or break Dockerfile syntax (continuations, comments, heredocs, directives). */
const EDIT_PIECES = ['', '\n', '\r\n', '\\', '\\\n', '`', '`\n', ' ', '#', '# escape=`\n', '<<EOF\n', 'EOF\n', 'RUN go mod tidy\n', ' --mount=type=cache,target=/go/pkg/mod', 'FROM golang:1.24 AS b\n', '"'];

const runs = Number(process.env.DOCKMOD_FUZZ_RUNS ?? 300);
const seed = Number(process.env.DOCKMOD_FUZZ_SEED ?? 20261202);

describe('reparseDocument on generated Dockerfiles and random edits', () => {
  it('equals a full parse of the edited text, or both fail alike', () => {
    const rawEdit = fc.record({ at: fc.nat(), length: fc.integer({ min: 0, max: 12 }), text: fc.constantFrom(...EDIT_PIECES) });
    fc.assert(
      fc.property(generatedDockerfile, fc.array(rawEdit, { minLength: 1, maxLength: 3 }), ({ text }, raw) => {
        let doc: Document;
        try {
          doc = parseDocument(text);
        } catch {
          return;
        }
        const edits: Edit[] = [];
        let last = 0;
        for (const edit of [...raw].sort((a, b) => (a.at % (text.length + 1)) - (b.at % (text.length + 1)))) {
          const start = Math.max(edit.at % (text.length + 1), last);
          const end = Math.min(start + edit.length, text.length);
          edits.push({ start, end, text: edit.text });
          last = end;
        }
        const sorted = sortEdits(edits, 'test');
        const edited = applyEdits(text, sorted);
        let full: Document | undefined;
        try {
          full = parseDocument(edited);
        } catch {
          full = undefined;
        }
        if (!full) {
          expect(() => reparseDocument(doc, sorted, edited)).toThrow();
          return;
        }
        expect(comparable(reparseDocument(doc, sorted, edited)), JSON.stringify({ text, edits })).toEqual(comparable(full));
      }),
      { numRuns: runs, seed },
    );
  });
});
