// Large inputs: refused at once past the engine's limit (never parsed),
// processed below it whatever their shape, with as many parses as a small
// input and every instruction of a long stage handled. No test here asserts a
// time (issue 14): the bench (`npm run bench`) measures speed.
import { DockerfileParser } from 'dockerfile-ast';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DockmodError } from '../src/errors.js';
import { MAX_INPUT_LENGTH, rewriteText } from '../src/pipeline.js';
import type { Transform } from '../src/transform.js';
import { TRANSFORMS } from '../transforms/index.js';

const BLOCK = [
  'RUN --mount=type=cache,target=/go/pkg/mod go mod download && CGO_ENABLED=0 go build -ldflags "-s -w" -o /out/app ./cmd/app',
  'ENV GOFLAGS=-trimpath',
  'COPY . .',
  '# a comment line',
  'RUN go build -o /x .',
  '',
].join('\n');

/** `length` characters of `head` followed by as many copies of `body` as fit. */
function sized(head: string, body: string, length: number): string {
  return head + body.repeat(Math.floor((length - head.length) / body.length));
}

const SHAPES: Record<string, (length: number) => string> = {
  'thousands of instructions in one stage': (length) => sized('FROM golang:1.22 AS build\n', BLOCK, length),
  'thousands of stages': (length) => sized('', `FROM golang:1.22 AS build\n${BLOCK}`, length),
  'one huge RUN line': (length) => `FROM golang:1.22\nRUN echo ${'QUJD'.repeat((length - 80) / 4)} | base64 -d > /x && go build .\n`,
  'one huge continued RUN': (length) => sized('FROM golang:1.22\nRUN go mod download && \\\n', '    echo "a line of the script" && \\\n', length - 30) + '    go build -o /app .\n',
  'one huge heredoc': (length) => sized('FROM golang:1.22\nRUN <<EOF\n', 'echo "a line of the script"\n', length - 40) + 'go mod download\ngo build .\nEOF\n',
};

function rewrite(text: string, transforms: readonly Transform[]) {
  return rewriteText(text, { path: 'Dockerfile', transforms, options: { goVersion: '1.24' } });
}

/** The result of a rewrite and how many times the text was parsed for it. */
function counted(text: string, transforms: readonly Transform[]): { result: ReturnType<typeof rewriteText>; parses: number } {
  const parse = vi.spyOn(DockerfileParser, 'parse');
  try {
    const result = rewrite(text, transforms);
    return { result, parses: parse.mock.calls.length };
  } finally {
    parse.mockRestore();
  }
}

describe('large inputs', () => {
  afterEach(() => vi.restoreAllMocks());

  it('an 18 MB Dockerfile is refused at once with a DockmodError, never parsed', () => {
    const text = sized('FROM golang:1.22 AS build\n', BLOCK, 18 * 1024 * 1024);
    const parse = vi.spyOn(DockerfileParser, 'parse');
    expect(() => rewrite(text, TRANSFORMS)).toThrow(DockmodError);
    expect(() => rewrite(text, TRANSFORMS)).toThrow(/larger than 512 KB/);
    expect(parse).not.toHaveBeenCalled();
  });

  it('the limit leaves room for any hand-written Dockerfile', () => {
    expect(MAX_INPUT_LENGTH).toBeGreaterThanOrEqual(256 * 1024);
  });

  // At most one parse of the input and one after each transform that changed it, whatever the size.
  it.each(Object.keys(SHAPES))('%s, just under the limit: every transform, as many parses as a small input', (shape) => {
    const text = SHAPES[shape]!(MAX_INPUT_LENGTH - 1024);
    expect(text.length).toBeLessThanOrEqual(MAX_INPUT_LENGTH);
    expect(text.length).toBeGreaterThan(MAX_INPUT_LENGTH - 64 * 1024);
    const { result, parses } = counted(text, TRANSFORMS);
    expect(parses).toBeLessThanOrEqual(1 + result.changedBy.length);
    expect(parses).toBe(counted(SHAPES[shape]!(8 * 1024), TRANSFORMS).parses);
  }, 60_000);

  // 8 times the input: the same number of parses, and changes and notes linear in the blocks (every instruction is handled alike).
  it.each(TRANSFORMS.map((transform) => transform.id))('%s reads a long stage whole, with as many parses as a short one', (id) => {
    const transform = TRANSFORMS.filter((candidate) => candidate.id === id);
    const blocks = Math.floor((48 * 1024) / BLOCK.length);
    const run = (count: number) => counted(`FROM golang:1.22 AS build\n${BLOCK.repeat(count)}`, transform);
    const [one, two, eight] = [run(blocks), run(2 * blocks), run(8 * blocks)];
    expect(eight.parses).toBe(one.parses);
    for (const count of [(r: typeof one) => r.result.changes.length, (r: typeof one) => r.result.notes.length]) {
      expect(count(eight) - count(one)).toBe(7 * (count(two) - count(one)));
    }
  }, 60_000);
});
