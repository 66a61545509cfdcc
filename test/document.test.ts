// The document's line/offset helpers, which every transform's edits go through.
import { describe, expect, it } from 'vitest';
import { Parser } from 'dockerfile-ast/lib/parser.js';
import { commentLinesAbove, computeLineStarts, lineOf, lineText, offsetAt, parseDocument } from '../src/document.js';

const positions = (text: string) => ({ text, lineStarts: computeLineStarts(text) });

describe('offsetAt', () => {
  it('counts \\r\\n, a lone \\r and \\n as line ends, as dockerfile-ast does', () => {
    const doc = positions('a\r\nbc\rd\ne');
    expect(offsetAt(doc, { line: 1, character: 1 })).toBe(4);
    expect(offsetAt(doc, { line: 2, character: 0 })).toBe(6);
    expect(offsetAt(doc, { line: 3, character: 0 })).toBe(8);
  });

  it('keeps a position past the end of the text at the end, on the last line without a newline too', () => {
    const doc = positions('FROM a\nRUN b');
    expect(offsetAt(doc, { line: 1, character: 5 })).toBe(12);
    expect(offsetAt(doc, { line: 1, character: 9 })).toBe(12);
    expect(offsetAt(doc, { line: 7, character: 0 })).toBe(12);
  });

  it('maps the parser positions to the bytes of the instruction, after a BOM and with CRLF', () => {
    const text = '\uFEFFFROM golang:1.22\r\nRUN --mount=type=cache,target=/go/pkg/mod go build\r\n';
    const doc = parseDocument(text);
    const [from, run] = doc.instructions;
    expect(text.slice(from!.start, from!.end)).toBe('FROM golang:1.22');
    expect(text.slice(run!.start, run!.end)).toBe('RUN --mount=type=cache,target=/go/pkg/mod go build');
    expect(text.slice(run!.flags[0]!.start, run!.flags[0]!.end)).toBe('--mount=type=cache,target=/go/pkg/mod');
    expect(text.slice(run!.argsStart, run!.end)).toBe('go build');
  });
});

describe('lineText', () => {
  it('is the line with its own line break, and the last line without a newline as it is', () => {
    const doc = positions('# a\r\n\nRUN b');
    expect(lineText(doc, 0)).toBe('# a\r\n');
    expect(lineText(doc, 1)).toBe('\n');
    expect(lineText(doc, 2)).toBe('RUN b');
    expect(lineOf(doc, doc.text.length)).toBe(2);
  });
});

describe('commentLinesAbove', () => {
  it('is the comment block touching the instruction, top first: not above a blank line, not inside the previous instruction', () => {
    const doc = parseDocument(['# header', '', '# one', '# two', 'FROM a', 'RUN x \\', '# dropped by Docker', '  y', 'RUN z'].join('\r\n'));
    const [from, runX, runZ] = doc.instructions;
    expect(commentLinesAbove(doc, from!)).toEqual([2, 3]);
    expect(commentLinesAbove(doc, runX!)).toEqual([]);
    expect(doc.commentLines.has(6)).toBe(true);
    expect(commentLinesAbove(doc, runZ!)).toEqual([]);
  });

  it('takes the comments right above an instruction that follows another', () => {
    const doc = parseDocument('FROM a\n# why\n  # indented\nRUN b');
    expect(commentLinesAbove(doc, doc.instructions[1]!)).toEqual([1, 2]);
  });
});

describe('parseDocument and dockerfile-ast', () => {
  it('builds each instruction node once, and anew where a heredoc moves its end', () => {
    const built: string[] = [];
    const factory = Parser as unknown as { createInstruction: (...args: unknown[]) => { getKeyword(): string } };
    const create = factory.createInstruction;
    factory.createInstruction = function (...args) {
      const node = create.apply(this, args);
      built.push(node.getKeyword());
      return node;
    };
    try {
      const doc = parseDocument('FROM golang:1.24\nRUN go build ./...\nRUN <<EOF\ngo vet ./...\nEOF\nCMD ["/app"]\n');
      expect(doc.instructions.map((instruction) => instruction.keyword)).toEqual(['FROM', 'RUN', 'RUN', 'CMD']);
      const heredoc = doc.instructions[2]!;
      expect(doc.text.slice(heredoc.start, heredoc.end)).toBe('RUN <<EOF\ngo vet ./...\nEOF');
      // The heredoc RUN is built to find its heredoc, then again with the body in its range.
      expect(built).toEqual(['FROM', 'RUN', 'RUN', 'RUN', 'CMD']);
    } finally {
      factory.createInstruction = create;
    }
  });
});
