// fast-check arbitraries for Dockerfiles shaped like those of Go services:
// random mixes of instructions, go commands in every position, both escape
// characters, continuations with trailing blanks and comment/blank lines,
// heredocs, exec form, CRLF, a BOM, odd whitespace and keyword case.
// Everything generated is a valid Dockerfile, so the pipeline must handle it.
import fc from 'fast-check';
import type { ModuleFacts } from '../src/module.js';
import type { TransformOptions } from '../src/transform.js';

export interface Style {
  eol: '\n' | '\r\n';
  escape: '\\' | '`';
  bom: boolean;
  finalNewline: boolean;
}

/** A line break inside an instruction: the escape char, blanks, then comment or blank lines Docker drops. */
interface Continuation {
  kind: 'continuation';
  spaceBefore: string;
  trailing: string;
  droppedLines: string[];
  indent: string;
}

/** A line break that the shell reads itself (inside a heredoc body). */
interface RawLine {
  kind: 'line';
}

type Chunk = string | Continuation | RawLine;

export interface GeneratedCase {
  text: string;
  style: Style;
  module: ModuleFacts;
  options: TransformOptions;
}

const LINE: RawLine = { kind: 'line' };
/** Inside a string: a line continuation at this point (inside quotes too, as Docker joins lines first). */
const BREAK = '\u0001';

const continuation: fc.Arbitrary<Continuation> = fc.record({
  kind: fc.constant('continuation' as const),
  spaceBefore: fc.constantFrom(' ', ' ', ' ', '', '  ', '\t'),
  trailing: fc.oneof({ arbitrary: fc.constant(''), weight: 6 }, { arbitrary: fc.constantFrom(' ', '  ', '\t', ' \t'), weight: 1 }),
  droppedLines: fc.oneof(
    { arbitrary: fc.constant([] as string[]), weight: 8 },
    { arbitrary: fc.array(fc.constantFrom('# a comment', '    # indented comment', '#', '', '   ', '\t'), { minLength: 1, maxLength: 2 }), weight: 1 },
  ),
  indent: fc.constantFrom('    ', '    ', '  ', '\t', '', '        '),
});

/** Join parts with a space or, sometimes, a continuation. */
function joined(parts: fc.Arbitrary<string[]>): fc.Arbitrary<Chunk[]> {
  return parts.chain((items) =>
    fc.array(fc.oneof({ arbitrary: fc.constant(' ' as Chunk), weight: 3 }, { arbitrary: continuation as fc.Arbitrary<Chunk>, weight: 1 }), {
      minLength: Math.max(0, items.length - 1),
      maxLength: Math.max(0, items.length - 1),
    }).map((separators) => items.flatMap((item, i) => (i === 0 ? [item] : [separators[i - 1]!, item]))),
  );
}

// ---------------------------------------------------------------- go commands

const goTool = fc.constantFrom('go', 'go', 'go', 'go', 'xx-go', '/usr/local/go/bin/go');
const envPrefix = fc.constantFrom(
  '',
  '',
  '',
  'CGO_ENABLED=0 ',
  'CGO_ENABLED=0 GOOS=linux GOARCH=$TARGETARCH ',
  'env CGO_ENABLED=0 ',
  'GOFLAGS=-mod=vendor ',
  'GOFLAGS="-mod=mod -trimpath" ',
  'GOPROXY=off ',
  'time ',
);
const buildFlags = fc.constantFrom(
  '',
  '-o /out/app',
  '-o /bin/server ./cmd/server',
  '-trimpath -o app',
  '-ldflags "-s -w -X main.version=${VERSION}" -o /out/app',
  "-ldflags='-s -w'",
  '-ldflags "-X \'main.commit=$COMMIT\'"',
  '-tags netgo,osusergo -v',
  '-C ./tools -o /bin/tool',
  '-mod=vendor -o app',
  '-mod=readonly',
  '-mod mod',
  '-a -installsuffix cgo -o main',
  `-ldflags "-s ${BREAK}-w" -o /out/app`,
);
const packages = fc.constantFrom('', '.', './...', './cmd/app', 'github.com/acme/svc/cmd/svc');

const goBuild = fc
  .tuple(envPrefix, goTool, buildFlags, packages)
  .map(([prefix, tool, flags, pkg]) => [`${prefix}${tool} build`, flags, pkg].filter(Boolean).join(' '));
const goOther = fc.tuple(envPrefix, goTool, fc.constantFrom(
  'install ./cmd/...',
  'install -ldflags=-s ./cmd/x',
  'install github.com/go-delve/delve/cmd/dlv@latest',
  'test -run TestX ./...',
  'test ./... -count=1',
  'vet ./...',
  'generate ./...',
  'mod download',
  'mod download',
  'mod download -x',
  'mod download all',
  'mod verify',
  'mod tidy',
  'mod vendor',
  'env -w GOPROXY=https://proxy.golang.org,direct',
  'env -w GOFLAGS=-mod=mod',
  'env -w GOFLAGS=-mod=vendor',
  'version',
  'work sync',
  'run ./cmd/gen',
)).map(([prefix, tool, rest]) => `${prefix}${tool} ${rest}`);
const download = fc.constantFrom('go mod download', 'go mod download', 'go mod download -x', 'GOPROXY=direct go mod download', 'xx-go mod download');
const nonGo = fc.constantFrom(
  'apk add --no-cache git ca-certificates',
  'apt-get update',
  'echo "go mod download" > /tmp/note',
  'mkdir -p /out',
  'cd /src/app',
  'make build',
  'true',
  'set -eux',
  'xx-verify /out/app',
  'cp /out/app /usr/local/bin/',
  'test -f go.sum',
  '[ -d vendor ]',
  `echo "a quoted ${BREAK}line"`,
  'adduser -D -u 10001 app',
  'go env -w GOMODCACHE=/cache/mod',
);

const simple = fc.oneof({ arbitrary: goBuild, weight: 3 }, { arbitrary: goOther, weight: 3 }, { arbitrary: download, weight: 3 }, { arbitrary: nonGo, weight: 2 });

/** A shell list: simple commands, connectors, compound commands, each item a string, with break points between. */
const shellList: fc.Arbitrary<string[]> = fc.letrec<{ list: string[]; item: string[] }>((tie) => ({
  item: fc.oneof(
    { arbitrary: simple.map((command) => [command]), weight: 8 },
    { arbitrary: simple.map((command) => [`${command} || true`]), weight: 1 },
    { arbitrary: simple.map((command) => [`${command} > /dev/null 2>&1`]), weight: 1 },
    { arbitrary: simple.map((command) => [`${command} | tee /tmp/log`]), weight: 1 },
    {
      arbitrary: fc.tuple(simple, simple).map(([a, b]) => ['if [ "$TARGETARCH" = "amd64" ]; then', `${a};`, 'else', `${b};`, 'fi']),
      weight: 1,
    },
    { arbitrary: simple.map((command) => [`(cd sub && ${command})`]), weight: 1 },
    { arbitrary: simple.map((command) => [`{ ${command}; }`]), weight: 1 },
    { arbitrary: simple.map((command) => ['for m in a b; do', `(cd $m && ${command});`, 'done']), weight: 1 },
    { arbitrary: simple.map((command) => ['case "$X" in a)', `${command} ;;`, 'esac']), weight: 1 },
  ),
  list: fc
    .tuple(
      tie('item') as fc.Arbitrary<string[]>,
      fc.array(fc.tuple(fc.constantFrom('&&', '&&', '&&', ';', '||'), tie('item') as fc.Arbitrary<string[]>), { maxLength: 3 }),
    )
    .map(([first, rest]) => {
      const out = [...first];
      for (const [op, item] of rest) {
        out[out.length - 1] += op === ';' ? ';' : ` ${op}`;
        out.push(...item);
      }
      return out;
    }),
})).list;

// ---------------------------------------------------------------- instructions

interface Generated {
  /** Set when the instruction needs a FROM before it. */
  chunks: Chunk[];
}

const keyword = (word: string): fc.Arbitrary<string> =>
  fc.constantFrom(word, word, word, word.toLowerCase(), word[0] + word.slice(1).toLowerCase());
const afterKeyword = fc.constantFrom(' ', ' ', ' ', '  ', '\t');
const indent = fc.oneof({ arbitrary: fc.constant(''), weight: 12 }, { arbitrary: fc.constantFrom('  ', '\t', ' '), weight: 1 });

/** Sometimes the arguments start on the next line: `RUN \` then the command. */
const afterKeywordBreak = fc.oneof(
  { arbitrary: fc.constant<Chunk[]>([]), weight: 8 },
  { arbitrary: continuation.map((c): Chunk[] => [{ ...c, spaceBefore: '' }]), weight: 1 },
);

function instruction(word: string, body: fc.Arbitrary<Chunk[]>): fc.Arbitrary<Generated> {
  return fc
    .tuple(indent, keyword(word), afterKeyword, afterKeywordBreak, body)
    .map(([lead, kw, space, lineBreak, chunks]) => {
      // A heredoc opener must stay on the keyword's line.
      const startsHeredoc = typeof chunks[0] === 'string' && chunks.some((chunk) => typeof chunk !== 'string' && chunk.kind === 'line');
      return { chunks: [lead + kw + space, ...(startsHeredoc ? [] : lineBreak), ...chunks] };
    });
}

const runFlags = fc.array(
  fc.constantFrom(
    '--mount=type=cache,target=/go/pkg/mod',
    '--mount=type=cache,target=/root/.cache/go-build,sharing=locked',
    '--mount=target=/go/pkg/mod,type=cache',
    '--mount=type=bind,target=.',
    '--mount=type=secret,id=netrc,target=/root/.netrc',
    '--network=host',
  ),
  { maxLength: 2 },
);

const runShell = fc.tuple(runFlags, shellList).chain(([flags, list]) => joined(fc.constant([...flags, ...list])));

const execForms = fc.constantFrom(
  '["go", "build", "-o", "/app", "."]',
  '["go","mod","download"]',
  '[ "env", "CGO_ENABLED=0", "go", "build", "./..." ]',
  '["/bin/sh", "-c", "go mod download && go build ."]',
  '["go", "install", "./cmd/app"]',
  '["go", "build", "-mod=vendor", "."]',
);
const runExec = fc.tuple(runFlags, execForms).map(([flags, exec]) => [[...flags, exec].join(' ')] as Chunk[]);

/** Body lines of a heredoc script, with shell-level continuations. */
const heredocBody = fc
  .array(
    fc.oneof(
      { arbitrary: simple.map((command) => [command]), weight: 4 },
      { arbitrary: shellList.map((list) => [list.join(' ')]), weight: 1 },
      { arbitrary: goBuild.map((command) => [`${command} \\`, '    && echo built']), weight: 1 },
      { arbitrary: fc.constant(['# a comment in the script']), weight: 1 },
      { arbitrary: fc.constant(['']), weight: 1 },
    ),
    { minLength: 1, maxLength: 5 },
  )
  .map((lines) => lines.flat());

const runHeredoc = fc
  .tuple(
    runFlags,
    fc.constantFrom('<<EOF', '<<EOF', "<<'EOF'", '<<"EOF"', '<<-EOF', 'bash <<EOF', 'sh -eux <<EOF', 'cat > /tmp/script.sh <<EOF', 'python3 <<EOF'),
    fc.boolean(),
    heredocBody,
  )
  .map(([flags, opener, setE, body]) => {
    const tabs = opener.includes('<<-') ? '\t' : '';
    const lines = [...(setE ? ['set -e'] : []), ...body].map((line) => (line ? tabs + line : line));
    const chunks: Chunk[] = [[...flags, opener].join(' ')];
    for (const line of lines) chunks.push(LINE, line);
    chunks.push(LINE, 'EOF');
    return chunks;
  });

const run = fc.oneof(
  { arbitrary: instruction('RUN', runShell), weight: 8 },
  { arbitrary: instruction('RUN', runExec), weight: 1 },
  { arbitrary: instruction('RUN', runHeredoc), weight: 2 },
);

const copy = fc.oneof(
  instruction('COPY', joined(fc.constantFrom(['go.mod', 'go.sum', './'], ['go.*', './'], ['.', '.'], ['--from=build', '/out/app', '/app'], ['--chown=1001:0', '.', '.'], ['--link', 'vendor/', 'vendor/'], ['--from=xx', '/', '/']))),
  instruction('ADD', joined(fc.constantFrom(['.', '/src'], ['https://example.com/tool.tar.gz', '/tmp/'], ['--chown=nobody', 'app', '/app']))),
  instruction(
    'COPY',
    fc.constantFrom<Chunk[]>(
      ['<<EOF /src/main.go', LINE, 'package main', LINE, 'func main() {}', LINE, 'EOF'],
      ['<<EOF /src/build.sh', LINE, 'go mod download', LINE, 'go build -o /app .', LINE, 'EOF'],
    ),
  ),
);

const env = instruction(
  'ENV',
  joined(
    fc.constantFrom(
      ['CGO_ENABLED=0'],
      ['GOFLAGS=-mod=vendor'],
      ['GOFLAGS="-mod=mod -trimpath"'],
      ['GOFLAGS=-mod=readonly'],
      ['GOPATH', '/go'],
      ['GOCACHE=/tmp/cache', 'GOMODCACHE=/tmp/mod'],
      ['GO111MODULE=on', 'GOPROXY=https://proxy.golang.org'],
      ['PATH=$PATH:/usr/local/go/bin'],
      ['GOMODCACHE=/cache/mod'],
      ['HOME=/home/app'],
    ),
  ),
);
const arg = instruction(
  'ARG',
  fc.constantFrom<Chunk[]>(['VERSION=dev'], ['TARGETOS'], ['TARGETARCH'], ['GO_VERSION'], ['COMMIT'], ['BUILDPLATFORM']),
);
const user = instruction('USER', fc.constantFrom<Chunk[]>(['nonroot'], ['1001'], ['root'], ['app:app']));
const workdir = instruction('WORKDIR', fc.constantFrom<Chunk[]>(['/src'], ['/app'], ['/go/src/github.com/acme/svc'], ['$GOPATH/src/app']));
const runtime = fc.oneof(
  instruction('CMD', fc.constantFrom<Chunk[]>(['["/app"]'], ['go build -o /tmp/app . && /tmp/app'], ['["go", "run", "."]'])),
  instruction('ENTRYPOINT', fc.constantFrom<Chunk[]>(['["/app"]'], ['go mod download && go run .'], ['["go", "build", "-o", "x", "."]'])),
);
const misc = fc.oneof(
  instruction('LABEL', joined(fc.constant(['org.opencontainers.image.source="https://github.com/acme/svc"', 'maintainer=me']))),
  instruction('EXPOSE', fc.constant<Chunk[]>(['8080'])),
  instruction('HEALTHCHECK', fc.constant<Chunk[]>(['CMD ["/app", "-health"]'])),
  instruction('SHELL', fc.constant<Chunk[]>(['["/bin/bash", "-o", "pipefail", "-c"]'])),
  instruction('ONBUILD', fc.constant<Chunk[]>(['RUN go mod download'])),
  instruction('STOPSIGNAL', fc.constant<Chunk[]>(['SIGTERM'])),
  instruction('VOLUME', fc.constant<Chunk[]>(['/data'])),
);

const stageInstruction = fc.oneof(
  { arbitrary: run, weight: 10 },
  { arbitrary: copy, weight: 4 },
  { arbitrary: env, weight: 2 },
  { arbitrary: arg, weight: 2 },
  { arbitrary: user, weight: 1 },
  { arbitrary: workdir, weight: 2 },
  { arbitrary: runtime, weight: 1 },
  { arbitrary: misc, weight: 1 },
);

const HEX = 'a3ed95caeb02ffe68cdd9fd84406680ae93d633cb16422d00e8a7c22955b46d4';
const images = fc.constantFrom(
  'golang:1.22',
  'golang:1.22-alpine',
  'golang:1.21.5-bookworm',
  'golang:1.22-alpine3.19',
  'golang:latest',
  'golang',
  'golang:${GO_VERSION}',
  'golang:${GO_VERSION}-alpine',
  'golang:$GO_VERSION',
  'golang:${GO_VERSION:-1.22}-alpine',
  'docker.io/library/golang:1.20',
  'public.ecr.aws/docker/library/golang:1.21-alpine',
  `golang:1.21@sha256:${HEX}`,
  'golang:1.25',
  'golangci/golangci-lint:v1.55',
  'tonistiigi/xx:1.4.0',
  'alpine:3.19',
  'gcr.io/distroless/static-debian12:nonroot',
  'scratch',
  'registry.access.redhat.com/ubi9/go-toolset:1.21',
  'node:20-alpine',
  '$BASE_IMAGE',
  'build',
);
const from = fc
  .tuple(indent, keyword('FROM'), afterKeyword, fc.constantFrom('', '', '--platform=$BUILDPLATFORM ', '--platform=linux/amd64 '), images, fc.constantFrom('', ' AS build', ' as builder', ' AS xx', ''))
  .map(([lead, kw, space, platform, image, as]): Generated => ({ chunks: [`${lead}${kw}${space}${platform}${image}${as}`] }));

const globalArg = fc
  .tuple(
    indent,
    keyword('ARG'),
    fc.constantFrom('GO_VERSION=1.22', 'GO_VERSION="1.21"', 'GO_VERSION', 'BASE_IMAGE=alpine:3.19', 'VERSION=dev', 'GO_VERSION=${GO_VERSION}'),
  )
  .map(([lead, kw, rest]): Generated => ({ chunks: [`${lead}${kw} ${rest}`] }));

/** What stands between instructions: nothing, blank lines, comments, whitespace-only lines. */
const gap = fc.oneof(
  { arbitrary: fc.constant([] as string[]), weight: 6 },
  { arbitrary: fc.array(fc.constantFrom('', '# a comment', '  # indented comment', '   ', '#'), { minLength: 1, maxLength: 3 }), weight: 2 },
);

const stage = fc.tuple(from, fc.array(stageInstruction, { maxLength: 8 })).map(([head, body]) => [head, ...body]);

const style: fc.Arbitrary<Style> = fc.record({
  eol: fc.constantFrom('\n' as const, '\n' as const, '\r\n' as const),
  escape: fc.constantFrom('\\' as const, '\\' as const, '`' as const),
  bom: fc.oneof({ arbitrary: fc.constant(false), weight: 5 }, { arbitrary: fc.constant(true), weight: 1 }),
  finalNewline: fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constant(false), weight: 1 }),
});

const moduleFacts: fc.Arbitrary<ModuleFacts> = fc
  .record({
    goVersion: fc.option(fc.constantFrom('1.21', '1.22.0', '1.23.4', '1.24.0', '1.25.0', '1.21rc1'), { nil: undefined }),
    toolchain: fc.option(fc.constantFrom('1.24.5', '1.23.1'), { nil: undefined }),
    vendored: fc.oneof({ arbitrary: fc.constant(false), weight: 5 }, { arbitrary: fc.constant(true), weight: 1 }),
    workspace: fc.oneof({ arbitrary: fc.constant(false), weight: 8 }, { arbitrary: fc.constant(true), weight: 1 }),
  })
  .map(({ goVersion, toolchain, vendored, workspace }) => {
    const facts: ModuleFacts = { vendored, goModPath: '/repo/go.mod' };
    if (goVersion) facts.goVersion = goVersion;
    if (toolchain) facts.toolchain = toolchain;
    if (workspace) facts.workspacePath = '/repo/go.work';
    return facts;
  });

const transformOptions: fc.Arbitrary<TransformOptions> = fc.record({
  goVersion: fc.constant('1.24'),
  syntaxDirective: fc.boolean(),
  keepDigests: fc.boolean(),
});

/** Render instructions (with the gaps before each) in a style. */
export function render(items: { gap: string[]; instruction: Generated }[], directives: string[], s: Style): string {
  const lines: string[] = [...directives];
  let current = '';
  const flushLine = (): void => {
    lines.push(current);
    current = '';
  };
  for (const { gap: gapLines, instruction: generated } of items) {
    lines.push(...gapLines);
    for (const chunk of generated.chunks) {
      if (typeof chunk === 'string') current += chunk.replaceAll(BREAK, `${s.escape}${s.eol}    `);
      else if (chunk.kind === 'line') flushLine();
      else {
        current += chunk.spaceBefore + s.escape + chunk.trailing;
        flushLine();
        lines.push(...chunk.droppedLines);
        // `a\` + `b` would join into one word `ab`: keep the words apart.
        current = chunk.spaceBefore === '' && chunk.indent === '' ? ' ' : chunk.indent;
      }
    }
    flushLine();
  }
  const body = lines.join(s.eol) + (s.finalNewline ? s.eol : '');
  return (s.bom ? '\uFEFF' : '') + body;
}

const directivesFor = (s: Style): fc.Arbitrary<string[]> =>
  s.escape === '`'
    ? fc.constantFrom(['# escape=`'], ['# syntax=docker/dockerfile:1', '# escape=`'], ['#escape=`'])
    : fc.constantFrom([], [], ['# syntax=docker/dockerfile:1'], ['# escape=\\'], ['# check=skip=all']);

export const generatedDockerfile: fc.Arbitrary<GeneratedCase> = fc
  .tuple(
    style,
    fc.array(globalArg, { maxLength: 2 }),
    fc.array(stage, { minLength: 1, maxLength: 3 }),
    moduleFacts,
    transformOptions,
  )
  .chain(([s, globals, stages, module, options]) => {
    const instructions = [...globals, ...stages.flat()];
    return fc
      .tuple(directivesFor(s), fc.array(gap, { minLength: instructions.length, maxLength: instructions.length }))
      .map(([directives, gaps]) => ({
        text: render(instructions.map((instruction, i) => ({ gap: gaps[i]!, instruction })), directives, s),
        style: s,
        module,
        options,
      }));
  });

// ---------------------------------------------------------------- mutations

/** Fragments that make or break Dockerfile and shell syntax. */
const MUTATION_PIECES = [
  '\n', '\r\n', '\\', '`', ' ', '\t', '#', '"', "'", '&&', '||', ';', '$', '(', ')', '[', ']',
  'go mod download', 'go build', '<<EOF\n', 'EOF\n', '--mount=type=cache,target=/go/pkg/mod ', 'RUN ', 'FROM golang:1.21\n', ' AS b',
];

type Mutation = { kind: 'insert'; at: number; text: string } | { kind: 'delete'; at: number; length: number } | { kind: 'duplicate-line'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...MUTATION_PIECES) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
);

function mutate(text: string, change: Mutation): string {
  const at = change.at % (text.length + 1);
  if (change.kind === 'insert') return text.slice(0, at) + change.text + text.slice(at);
  if (change.kind === 'delete') return text.slice(0, at) + text.slice(at + change.length);
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = text.indexOf('\n', at);
  return text.slice(0, lineStart) + text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd + 1) + text.slice(lineStart);
}

/** Real Dockerfiles (the fixtures) with a few random byte-level edits: mostly still valid, sometimes broken. */
export function mutatedDockerfile(inputs: readonly string[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...inputs), fc.array(mutation, { minLength: 1, maxLength: 4 }))
    .map(([text, changes]) => changes.reduce(mutate, text));
}
