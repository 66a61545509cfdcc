// Hostile input straight into the engine: nothing may crash it, and whatever
// it cannot handle must come out as a DockmodError that says what failed.
import { DockerfileParser } from 'dockerfile-ast';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseDocument } from '../src/document.js';
import { DockmodError } from '../src/errors.js';
import { rewrite as rewriteApi } from '../src/api.js';
import { rewriteText, type RewriteOptions } from '../src/pipeline.js';
import type { Transform } from '../src/transform.js';
import { TRANSFORMS } from '../transforms/index.js';
import { checkAll } from './invariants.js';

const settings = (transforms: readonly Transform[] = TRANSFORMS): RewriteOptions => ({
  path: 'Dockerfile',
  transforms,
  options: { goVersion: '1.24' },
});

const rewrite = (text: string, transforms?: readonly Transform[]) => rewriteText(text, settings(transforms));

/** A transform that does one thing, to drive the engine into a corner. */
function probe(id: string, apply: Transform['apply']): Transform {
  return { id, summary: id, mayApply: () => true, apply };
}

function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('files with nothing to do', () => {
  it.each([
    ['empty', ''],
    ['a BOM only', '\uFEFF'],
    ['comments only', '# syntax=docker/dockerfile:1\n# nothing here\n'],
    ['comments only, CRLF, no final newline', '# one\r\n# two'],
    ['blank lines only', '\n\n  \n\t\n'],
    ['a parser directive only', '# escape=`\n'],
  ])('%s: unchanged, no notes, no error', (_, text) => {
    const result = rewrite(text);
    expect(result.output).toBe(text);
    expect(result.changed).toBe(false);
    expect(result.notes).toEqual([]);
  });
});

describe('inputs that make dockerfile-ast throw', () => {
  // getVariables/getExpandedArguments recurse forever on these (dockmod does not call them; a transform might).
  const recursing = ['  ARG A=$A\nFROM golang:1.22\nRUN go build .\n', '\uFEFF ARG A=${A}\nFROM golang:1.22\nRUN go build .\n'];

  it.each(recursing)('the pipeline handles %j without crashing', (text) => {
    const result = rewrite(text);
    expect(result.output).toContain('go build -mod=mod .');
    expect(result.output.startsWith(text.slice(0, text.indexOf('\n')))).toBe(true);
  });

  it.each(recursing)('an accessor that overflows in a transform becomes a DockmodError naming the transform (%j)', (text) => {
    const overflowing = probe('reads-variables', (ctx) => {
      for (const instruction of ctx.doc.instructions) (instruction.ast as unknown as { getVariables(): unknown }).getVariables();
    });
    const error = thrown(() => rewrite(text, [overflowing]));
    expect(error).toBeInstanceOf(DockmodError);
    expect((error as Error).message).toBe('reads-variables could not read this file (parser recursion overflow)');
  });

  it('a parser that throws becomes a DockmodError from parseDocument', () => {
    vi.spyOn(DockerfileParser, 'parse').mockImplementation(() => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    const error = thrown(() => parseDocument('FROM golang:1.22\n'));
    expect(error).toBeInstanceOf(DockmodError);
    expect((error as Error).message).toBe('cannot parse as a Dockerfile (parser recursion overflow)');
    expect(thrown(() => rewrite('FROM golang:1.22\nRUN go build .\n'))).toBeInstanceOf(DockmodError);
  });

  it('a parse that fails after a transform changed the text names that transform', () => {
    const parse = DockerfileParser.parse.bind(DockerfileParser);
    let calls = 0;
    vi.spyOn(DockerfileParser, 'parse').mockImplementation((text) => {
      if (++calls > 1) throw new RangeError('Maximum call stack size exceeded');
      return parse(text);
    });
    const edits = probe('edits', (ctx) => ctx.edit({ start: 0, end: 0, text: '# edited\n' }));
    const reads = probe('reads', () => undefined);
    const error = thrown(() => rewrite('FROM golang:1.22\n', [edits, reads]));
    expect(error).toBeInstanceOf(DockmodError);
    expect((error as Error).message).toBe('after edits changed it, the text could not be parsed as a Dockerfile (parser recursion overflow)');
  });

  it('an accessor that throws while the document is read becomes a DockmodError', () => {
    const parse = DockerfileParser.parse.bind(DockerfileParser);
    vi.spyOn(DockerfileParser, 'parse').mockImplementation((text) => {
      const dockerfile = parse(text);
      vi.spyOn(dockerfile, 'getComments').mockImplementation(() => {
        throw new TypeError("Cannot read properties of undefined (reading 'line')");
      });
      return dockerfile;
    });
    const error = thrown(() => parseDocument('FROM golang:1.22\n# a comment\n'));
    expect(error).toBeInstanceOf(DockmodError);
    expect((error as Error).message).toContain("cannot parse as a Dockerfile (Cannot read properties of undefined (reading 'line'))");
  });

  it.each([
    ['a last empty line', 'ARG V=1\nFROM golang:$V\nRUN go build\n\n'],
    ['a last line of blanks', 'ARG V=$V\nFROM golang:1.22\n '],
    ['odd escape, CR and comment mixes in a heredoc', '# escape=`\r\nFROM golang:1.22\r\nRUN <<EOF `\r\n# c\r\ngo build .\r\nEOF\r\n'],
    ['an unterminated heredoc', 'FROM golang:1.22\nRUN <<EOF\ngo mod download\n'],
    ['an escape at the very end', 'FROM golang:1.22\nRUN go build \\'],
    ['a keyword alone', 'RUN'],
  ])('%s: no throw', (_, text) => {
    expect(() => rewrite(text)).not.toThrow();
  });

  it('NUL bytes: refused with a DockmodError (not a Dockerfile), in the engine and in the API', () => {
    const text = 'FROM golang:1.22\0\nRUN go build\0 .\n';
    for (const run of [() => rewrite(text), () => rewriteApi(text)]) {
      const error = thrown(run);
      expect(error).toBeInstanceOf(DockmodError);
      expect((error as Error).message).toBe('is binary (contains NUL bytes); not a Dockerfile');
    }
  });
});

describe('carriage returns that do not end a CRLF line', () => {
  // dockerfile-ast ends a line at a lone CR, Docker does not: `COPY a ./\rRUN go mod download`
  // is one COPY to Docker, but a COPY and a RUN to the parser.
  it.each([
    ['old Mac line ends', 'FROM golang:1.22\rRUN <<EOF\rgo mod download\rEOF\r'],
    ['one inside a line', 'FROM golang:1.22\r\nCOPY go.sum ./\rRUN go mod download\r\nRUN go build .\r\n'],
    ['one before a continuation', 'FROM golang:1.22 AS build\r\\\nRUN go build .\n'],
  ])('%s: refused with a DockmodError, nothing changed', (_, text) => {
    const error = thrown(() => rewrite(text));
    expect(error).toBeInstanceOf(DockmodError);
    expect((error as Error).message).toMatch(/carriage return that does not end a CRLF line/);
  });

  it('CRLF files are fine, and stay CRLF', () => {
    const result = rewrite('FROM golang:1.22\r\nRUN go mod download\r\nRUN go build .\r\n');
    expect(result.changed).toBe(true);
    expect(result.output.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });
});

describe('engine guards against transform bugs', () => {
  it('overlapping edits are a DockmodError naming the transform, never a crash', () => {
    const overlapping = probe('overlaps', (ctx) => {
      ctx.edit({ start: 0, end: 4, text: 'from' });
      ctx.edit({ start: 2, end: 6, text: '' });
    });
    const error = thrown(() => rewrite('FROM golang:1.22\n', [overlapping]));
    expect(error).toBeInstanceOf(DockmodError);
    expect((error as Error).message).toMatch(/^overlaps could not edit this file safely \(overlaps proposed overlapping edits/);
  });

  it('an edit outside the text is a DockmodError naming the transform', () => {
    const outside = probe('outside', (ctx) => ctx.edit({ start: 100, end: 120, text: 'x' }));
    const error = thrown(() => rewrite('FROM golang:1.22\n', [outside]));
    expect(error).toBeInstanceOf(DockmodError);
    expect((error as Error).message).toMatch(/^outside could not edit this file safely/);
  });
});

describe('reported change lines', () => {
  it('a removed last instruction without a final newline is reported on its own line', () => {
    // Under a cache mount, so the download holds nothing for the image and goes even with no build after it.
    const result = rewrite('FROM golang:1.24\nRUN --mount=type=cache,target=/go/pkg/mod go mod download');
    expect(result.output).toBe('FROM golang:1.24');
    expect(result.changes).toEqual([{ transform: 'drop-mod-download', line: 2, removed: 'RUN --mount=type=cache,target=/go/pkg/mod go mod download', added: '' }]);
  });
});

describe('notes', () => {
  it('the same note on the same input line is recorded once (an inserted instruction maps to its neighbour)', () => {
    const twice = probe('twice', (ctx) => {
      ctx.note(0, 'the same reason');
      ctx.note(1, 'the same reason');
      ctx.note(2, 'another reason');
    });
    expect(rewrite('FROM golang:1.22\n', [twice]).notes).toEqual([
      { transform: 'twice', line: 1, message: 'the same reason' },
      { transform: 'twice', line: 1, message: 'another reason' },
    ]);
  });
});

describe('bytes that are not valid UTF-8', () => {
  // The CLI reads files as latin1 (one character per byte) and writes them back the same way.
  const bytes = (...parts: (string | number[])[]): Buffer =>
    Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))));
  const HIGH = [0xff, 0xfe, 0x80, 0xc3, 0x28, 0xe2, 0x82]; // invalid and truncated UTF-8 sequences
  const CAFE = [0x63, 0x61, 0x66, 0xc3, 0xa9]; // "café" in UTF-8, read as latin1

  it('survive byte for byte around and inside the edited instructions', () => {
    const input = bytes(
      [0xef, 0xbb, 0xbf],
      '# build ', CAFE, ' ', HIGH, '\n',
      'FROM golang:1.24 AS build\n',
      'LABEL description="', HIGH, '"\n',
      'RUN go mod download\n',
      'RUN echo "', HIGH, '" > /etc/motd && go build -ldflags "-X main.note=', CAFE, '" -o /app .\n',
      'RUN <<EOF\n', 'echo ', HIGH, '\n', 'go build ./cmd/', CAFE, '\n', 'EOF\n',
    );
    const expected = bytes(
      [0xef, 0xbb, 0xbf],
      '# build ', CAFE, ' ', HIGH, '\n',
      'FROM golang:1.24 AS build\n',
      'LABEL description="', HIGH, '"\n',
      'RUN echo "', HIGH, '" > /etc/motd && go build -mod=mod -ldflags "-X main.note=', CAFE, '" -o /app .\n',
      'RUN <<EOF\n', 'echo ', HIGH, '\n', 'go build -mod=mod ./cmd/', CAFE, '\n', 'EOF\n',
    );
    const transforms = TRANSFORMS.filter((transform) => ['drop-mod-download', 'add-mod-flag'].includes(transform.id));
    const result = rewrite(input.toString('latin1'), transforms);
    expect(Buffer.from(result.output, 'latin1').equals(expected)).toBe(true);
    // Every transform: the five safety properties hold on the same bytes.
    expect(checkAll(input.toString('latin1'), settings())).toEqual([]);
  });

  it('a file of high bytes only is left as it is', () => {
    const input = bytes(HIGH, '\n', HIGH, HIGH).toString('latin1');
    const result = rewrite(input);
    expect(result.output).toBe(input);
    expect(result.changed).toBe(false);
  });
});

describe('reported change lines of removals at the end of a file', () => {
  it('the last two instructions of a file without a final newline are reported on their own lines', () => {
    const result = rewrite('FROM golang:1.24\nRUN --mount=type=cache,target=/go/pkg/mod go mod download\nRUN --mount=type=cache,target=/go/pkg/mod ["go", "mod", "download"]');
    expect(result.output).toBe('FROM golang:1.24');
    expect(result.changes).toEqual([
      { transform: 'drop-mod-download', line: 2, removed: 'RUN --mount=type=cache,target=/go/pkg/mod go mod download', added: '' },
      { transform: 'drop-mod-download', line: 3, removed: 'RUN --mount=type=cache,target=/go/pkg/mod ["go", "mod", "download"]', added: '' },
    ]);
  });
});
