// Large inputs: refused at once past the engine's limit, processed in
// seconds below it, whatever their shape (no quadratic work per instruction).
import { describe, expect, it } from 'vitest';
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

function timed(text: string, transforms: readonly Transform[]): number {
  const started = performance.now();
  rewriteText(text, { path: 'Dockerfile', transforms, options: { goVersion: '1.24' } });
  return performance.now() - started;
}

describe('large inputs', () => {
  it('an 18 MB Dockerfile is refused at once with a DockmodError', () => {
    const text = sized('FROM golang:1.22 AS build\n', BLOCK, 18 * 1024 * 1024);
    const started = performance.now();
    expect(() => rewriteText(text, { path: 'Dockerfile', transforms: TRANSFORMS, options: { goVersion: '1.24' } })).toThrow(DockmodError);
    expect(() => rewriteText(text, { path: 'Dockerfile', transforms: TRANSFORMS, options: { goVersion: '1.24' } })).toThrow(/larger than 512 KB/);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('the limit leaves room for any hand-written Dockerfile', () => {
    expect(MAX_INPUT_LENGTH).toBeGreaterThanOrEqual(256 * 1024);
  });

  // Generous bounds for a slow 2-core CI machine: a quadratic step takes minutes at this size.
  it.each(Object.keys(SHAPES))('%s, just under the limit: every transform in seconds', (shape) => {
    const text = SHAPES[shape]!(MAX_INPUT_LENGTH - 1024);
    expect(text.length).toBeLessThanOrEqual(MAX_INPUT_LENGTH);
    expect(text.length).toBeGreaterThan(MAX_INPUT_LENGTH - 64 * 1024);
    expect(timed(text, TRANSFORMS)).toBeLessThan(15_000);
  }, 60_000);

  // 8 times the input: about 8 times the time when linear (up to about 30 measured on a loaded machine), 64 when quadratic.
  it.each(TRANSFORMS.map((transform) => transform.id))('%s reads a long stage once, not once per instruction', (id) => {
    const shape = SHAPES['thousands of instructions in one stage']!;
    const small = shape(48 * 1024);
    const large = shape(8 * 48 * 1024);
    const transform = TRANSFORMS.filter((candidate) => candidate.id === id);
    timed(small, transform); // warm up
    // Best of three each: a busy machine slows single runs by a factor of two or more.
    const best = (text: string): number => Math.min(timed(text, transform), timed(text, transform), timed(text, transform));
    const ratio = best(large) / Math.max(best(small), 1);
    expect(ratio).toBeLessThan(40);
  }, 60_000);
});
