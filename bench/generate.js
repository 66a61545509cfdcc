// Deterministic synthetic monorepo for `npm run bench`.
//
// <root>/services/svc-NNNNN/ holds a go.mod and a varying number of
// Dockerfiles (about files/services on average) under several names, drawn
// from real-world Go shapes (see SHAPES) and some non-Go ones. Around them:
// a node_modules/ full of Dockerfiles, vendor/ and generated/ folders
// (.gitignore) that must be skipped, and a few non-Dockerfile files. With
// `total`, the services also hold the other files of a monorepo (Go packages,
// tests, protobuf, SQL, test data, docs) up to `total` files in all: the shape
// of issue 14 (5,000 Dockerfiles among 100,000 files).
// The tree is a git work tree of its own, so `git ls-files` can be compared
// with the walker, and nothing above it (.gitignore of the project) applies.
//
// Generation is not what is measured: a tree is reused while its parameters
// and this file are unchanged (see ensureTree).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const TREES = path.join(HERE, '.tree');
const STAMP = '.bench-tree.json';

/** mulberry32: small, fast, and the same numbers on every machine. */
function prng(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (low, high) => low + Math.floor(next() * (high - low + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

const GO_VERSIONS = ['1.19', '1.20', '1.21', '1.21.5', '1.22', '1.22.3', '1.23'];
const VARIANTS = ['', '-alpine', '-alpine3.19', '-bookworm', '-bullseye'];
const RUNTIMES = ['gcr.io/distroless/static-debian12', 'alpine:3.20', 'scratch', 'debian:bookworm-slim'];

function golangImage(r) {
  return `golang:${r.pick(GO_VERSIONS)}${r.pick(VARIANTS)}`;
}

function labels(r, svc) {
  const lines = [`LABEL org.opencontainers.image.source="https://git.example.com/platform/${svc}"`];
  if (r.chance(0.5)) lines.push(`LABEL org.opencontainers.image.description="${svc}: ${r.pick(['billing', 'search', 'ingest', 'auth', 'reports'])} service"`);
  if (r.chance(0.4)) lines.push('LABEL maintainer="platform-team@example.com"');
  return lines;
}

function runtimeStage(r, svc, from, binary) {
  const runtime = r.pick(RUNTIMES);
  const lines = ['', `FROM ${runtime}`];
  if (runtime.startsWith('alpine')) lines.push('RUN apk add --no-cache ca-certificates tzdata');
  if (runtime.startsWith('debian')) lines.push('RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates \\', '    && rm -rf /var/lib/apt/lists/*');
  lines.push(...labels(r, svc));
  lines.push(`COPY --from=${from} ${binary} /usr/local/bin/${svc}`);
  if (r.chance(0.5)) lines.push('USER 65532:65532');
  if (r.chance(0.3)) lines.push('EXPOSE 8080');
  lines.push(`ENTRYPOINT ["/usr/local/bin/${svc}"]`);
  return lines;
}

// Each shape: (r, svc, cmd) -> lines. `cmd` is the package the file builds.
const SHAPES = {
  /** The most common shape: download, copy, build, small runtime stage. */
  plainDownload(r, svc, cmd) {
    return [
      `FROM ${golangImage(r)} AS build`,
      'WORKDIR /src',
      'COPY go.mod go.sum ./',
      ...(r.chance(0.3) ? ['# Fetch dependencies first so they are cached with the go.mod layer.'] : []),
      'RUN go mod download',
      'COPY . .',
      `RUN CGO_ENABLED=0 GOOS=linux go build -trimpath -ldflags="-s -w" -o /out/${svc} ${cmd}`,
      ...runtimeStage(r, svc, 'build', `/out/${svc}`),
    ];
  },
  /** --platform, ARG version, an existing cache mount, `&& go mod verify`. */
  platformArgCache(r, svc, cmd) {
    return [
      '# syntax=docker/dockerfile:1',
      `ARG GO_VERSION=${r.pick(GO_VERSIONS)}`,
      '',
      `FROM --platform=$BUILDPLATFORM golang:\${GO_VERSION}${r.pick(VARIANTS)} AS builder`,
      'ARG TARGETOS',
      'ARG TARGETARCH',
      'WORKDIR /app',
      'COPY go.* ./',
      'RUN --mount=type=cache,target=/go/pkg/mod \\',
      '    go mod download && go mod verify',
      'COPY . .',
      'RUN --mount=type=cache,target=/go/pkg/mod \\',
      '    --mount=type=cache,target=/root/.cache/go-build \\',
      `    CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /bin/${svc} ${cmd}`,
      ...runtimeStage(r, svc, 'builder', `/bin/${svc}`),
    ];
  },
  /** `|| true` on the download and an if/else around the build. */
  fallbackIfElse(r, svc, cmd) {
    return [
      `FROM ${golangImage(r)}`,
      'ARG RACE=0',
      `WORKDIR /go/src/${svc}`,
      'COPY go.mod go.sum ./',
      'RUN go mod download || true',
      'COPY . .',
      'RUN if [ "$RACE" = "1" ]; then \\',
      `        go build -race -o /usr/local/bin/${svc} ${cmd}; \\`,
      '    else \\',
      `        CGO_ENABLED=0 go build -o /usr/local/bin/${svc} ${cmd}; \\`,
      '    fi',
      ...(r.chance(0.5) ? ['', 'HEALTHCHECK CMD wget -qO- http://localhost:8080/healthz || exit 1'] : []),
      `CMD ["${svc}"]`,
    ];
  },
  /** A download chained in the middle of other commands, tools installed by version. */
  chainedTools(r, svc, cmd) {
    return [
      `FROM ${golangImage(r)} AS build`,
      'RUN apt-get update && apt-get install -y --no-install-recommends git make',
      'WORKDIR /workspace',
      'COPY go.mod go.sum Makefile ./',
      'RUN git config --global url."https://git.example.com/".insteadOf "ssh://git@git.example.com/" \\',
      '    && go mod download \\',
      '    && go install github.com/golang/mock/mockgen@v1.6.0',
      'COPY . .',
      'RUN go generate ./... && \\',
      `    go build -o bin/${svc} ${cmd}`,
      ...runtimeStage(r, svc, 'build', `/workspace/bin/${svc}`),
    ];
  },
  /** Already migrated by hand: parsed, but nothing to change. */
  alreadyMigrated(r, svc, cmd) {
    return [
      `FROM ${golangImage(r)} AS build`,
      'WORKDIR /src',
      'COPY . .',
      `RUN go build -mod=mod -o /out/${svc} ${cmd}`,
      ...runtimeStage(r, svc, 'build', `/out/${svc}`),
    ];
  },
  /** A heredoc RUN and a lower-case file. */
  heredocLower(r, svc, cmd) {
    return [
      `from ${golangImage(r)} as build`,
      'workdir /src',
      'copy go.mod go.sum ./',
      'run <<EOF',
      'set -e',
      'go mod download',
      'go mod verify',
      'EOF',
      'copy . .',
      `run go build -o /out/${svc} ${cmd}`,
      '',
      'from scratch',
      `copy --from=build /out/${svc} /${svc}`,
      `entrypoint ["/${svc}"]`,
    ];
  },
  /** Vendored builds through GOFLAGS: -mod=mod must not be added (a note instead). */
  vendoredGoflags(r, svc, cmd) {
    return [
      `FROM ${golangImage(r)} AS build`,
      'ENV GOFLAGS=-mod=vendor CGO_ENABLED=0',
      'WORKDIR /src',
      'COPY . .',
      `RUN go build -o /out/${svc} ${cmd}`,
      ...runtimeStage(r, svc, 'build', `/out/${svc}`),
    ];
  },
  nodeApp(r, svc) {
    return [
      `FROM node:${r.pick(['18', '20', '22'])}-alpine`,
      'WORKDIR /app',
      'COPY package.json package-lock.json ./',
      'RUN npm ci --omit=dev',
      'COPY . .',
      ...labels(r, svc),
      'EXPOSE 3000',
      'CMD ["node", "server.js"]',
    ];
  },
  pythonApp(r, svc) {
    return [
      `FROM python:${r.pick(['3.11', '3.12'])}-slim`,
      'ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1',
      'WORKDIR /app',
      'COPY requirements.txt .',
      'RUN pip install --no-cache-dir -r requirements.txt',
      'COPY . .',
      ...labels(r, svc),
      'CMD ["python", "-m", "app"]',
    ];
  },
  nginxStatic(r, svc) {
    return ['FROM nginx:1.27-alpine', `COPY dist/ /usr/share/nginx/html/${svc}/`, 'COPY nginx.conf /etc/nginx/conf.d/default.conf', ...labels(r, svc)];
  },
};

/** Weights: most files are Go services needing changes; some are not Go at all. */
const SHAPE_WEIGHTS = [
  ['plainDownload', 30], ['platformArgCache', 18], ['fallbackIfElse', 12], ['chainedTools', 8],
  ['alreadyMigrated', 6], ['heredocLower', 4], ['vendoredGoflags', 2], ['nodeApp', 9], ['pythonApp', 7], ['nginxStatic', 4],
];
const TOTAL_WEIGHT = SHAPE_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);

function pickShape(r) {
  let roll = r.next() * TOTAL_WEIGHT;
  for (const [name, weight] of SHAPE_WEIGHTS) {
    roll -= weight;
    if (roll < 0) return name;
  }
  return SHAPE_WEIGHTS[0][0];
}

function dockerfileText(r, svc, cmd) {
  const lines = SHAPES[pickShape(r)](r, svc, cmd);
  const eol = r.chance(0.05) ? '\r\n' : '\n';
  return lines.join(eol) + (r.chance(0.97) ? eol : '');
}

/** Where the k-th Dockerfile of a service lives: several names and depths. */
function dockerfilePath(r, svc, k) {
  const tools = ['api', 'worker', 'migrate', 'cron', 'admin', 'gateway', 'indexer', 'exporter'];
  const envs = ['prod', 'dev', 'staging', 'ci', 'debug', 'local'];
  switch (k) {
    case 0: return { file: 'Dockerfile', cmd: '.' };
    case 1: return { file: 'Dockerfile.prod', cmd: '.' };
    case 2: return { file: `${svc}.Dockerfile`, cmd: `./cmd/${svc}` };
    default: {
      const tool = tools[k % tools.length];
      const round = Math.floor(k / tools.length);
      const form = (k + round) % 4;
      if (form === 0) return { file: `cmd/${tool}${round || ''}/Dockerfile`, cmd: `./cmd/${tool}${round || ''}` };
      if (form === 1) return { file: `cmd/${tool}${round || ''}/Dockerfile.${r.pick(envs)}`, cmd: `./cmd/${tool}${round || ''}` };
      if (form === 2) return { file: `build/${tool}${round || ''}.Dockerfile`, cmd: `./cmd/${tool}${round || ''}` };
      return { file: `deploy/${r.pick(envs)}/${tool}${round || ''}/Dockerfile`, cmd: `./cmd/${tool}${round || ''}` };
    }
  }
}

/** Dockerfile counts per service: varied (average files/services), summing to exactly `files`. */
function countsPerService(r, services, files) {
  const average = files / services;
  const counts = Array.from({ length: services }, () => Math.max(1, Math.round(average * (0.5 + r.next()))));
  let excess = counts.reduce((sum, count) => sum + count, 0) - files;
  for (let i = 0; excess !== 0; i = (i + 1) % services) {
    if (excess > 0 && counts[i] > 1) {
      counts[i]--;
      excess--;
    } else if (excess < 0) {
      counts[i]++;
      excess++;
    }
  }
  return counts;
}

let written = 0;
function write(root, relative, text) {
  const full = path.join(root, relative);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, text);
  written++;
}

/**
 * The rest of a Go service's folder: packages of .go files (tests among them),
 * protobuf definitions, SQL migrations, test data and docs, `count` files in all.
 */
function serviceSources(root, dir, svc, count) {
  const kinds = [
    (i) => [`internal/pkg${Math.floor(i / 12)}/file${i % 12}.go`, `package pkg${Math.floor(i / 12)}\n\n// F${i} is generated filler.\nfunc F${i}() int { return ${i} }\n`],
    (i) => [`internal/pkg${Math.floor(i / 12)}/file${i % 12}_test.go`, `package pkg${Math.floor(i / 12)}\n\nimport "testing"\n\nfunc TestF${i}(t *testing.T) {}\n`],
    (i) => [`pkg/api/v${i % 3}/types${i}.go`, `package v${i % 3}\n\ntype T${i} struct{ ID string }\n`],
    (i) => [`api/proto/${svc}_${i}.proto`, `syntax = "proto3";\npackage ${svc.replace(/-/g, '_')}.v${i};\n`],
    (i) => [`migrations/${String(i).padStart(4, '0')}_step.sql`, `-- migration ${i}\nSELECT 1;\n`],
    (i) => [`internal/pkg${Math.floor(i / 12)}/testdata/case${i}.json`, `{"case": ${i}}\n`],
    (i) => [`docs/page${i}.md`, `# ${svc} page ${i}\n`],
  ];
  for (let i = 0; i < count; i++) {
    const [file, text] = kinds[i % kinds.length](i);
    write(root, `${dir}/${file}`, text);
  }
}

/** Write the tree; returns how many Dockerfiles dockmod must find. */
function generate(root, { services, files, total, seed }) {
  const r = prng(seed);
  written = 0;
  const counts = countsPerService(r, services, files);
  write(root, '.gitignore', 'generated/\n');
  write(root, 'README.md', '# synthetic monorepo for dockmod benchmarks\n');
  let expected = 0;
  for (let s = 0; s < services; s++) {
    const svc = `svc-${String(s).padStart(5, '0')}`;
    const dir = `services/${svc}`;
    write(root, `${dir}/go.mod`, `module git.example.com/platform/${svc}\n\ngo ${r.pick(['1.21', '1.22.0', '1.22.5', '1.23.0'])}\n\nrequire github.com/google/uuid v1.6.0\n`);
    if (r.chance(0.3)) write(root, `${dir}/README.md`, `# ${svc}\n`);
    for (let k = 0; k < counts[s]; k++) {
      const { file, cmd } = dockerfilePath(r, svc, k);
      write(root, `${dir}/${file}`, dockerfileText(r, svc, cmd));
      expected++;
    }
    // Folders that must be skipped: vendored sources, and generated/ (root .gitignore).
    if (s % 50 === 7) write(root, `${dir}/vendor/github.com/acme/tool/Dockerfile`, dockerfileText(r, svc, '.'));
    if (s % 50 === 21) write(root, `${dir}/generated/Dockerfile`, dockerfileText(r, svc, '.'));
    // Names that look like Dockerfiles but are not.
    if (s % 25 === 3) write(root, `${dir}/Dockerfile.md`, 'How to build this image.\n');
  }
  // node_modules full of Dockerfiles: one for every 20 real ones.
  const packages = Math.max(1, Math.ceil(files / 200));
  for (let p = 0; p < packages; p++) {
    for (let k = 0; k < 10; k++) write(root, `node_modules/pkg-${p}/examples/ex-${k}/Dockerfile`, dockerfileText(r, `pkg-${p}`, '.'));
  }
  // The other files of a monorepo (sources, docs, data), spread over the services, up to `total` files in all.
  if (total !== undefined) {
    const rest = Math.max(0, total - written);
    for (let s = 0; s < services; s++) {
      const share = Math.floor(rest / services) + (s < rest % services ? 1 : 0);
      serviceSources(root, `services/svc-${String(s).padStart(5, '0')}`, `svc-${String(s).padStart(5, '0')}`, share);
    }
  }
  return expected;
}

function git(root, ...args) {
  execFileSync('git', args, {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_AUTHOR_DATE: '2024-01-01T00:00:00Z',
      GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.com', GIT_COMMITTER_DATE: '2024-01-01T00:00:00Z',
    },
  });
}

function generatorVersion() {
  return createHash('sha256').update(readFileSync(fileURLToPath(import.meta.url))).digest('hex').slice(0, 12);
}

/**
 * The tree for these parameters, generated only when missing or made by
 * another version of this file. Returns { root, expected, generated }.
 */
export function ensureTree({ files, total, services = Math.max(1, Math.round(files / 20)), seed = 20240601, log = () => {} }) {
  const params = { files, ...(total !== undefined ? { total } : {}), services, seed, generator: generatorVersion() };
  const root = path.join(TREES, total !== undefined ? `monorepo-${files}-of-${total}` : `monorepo-${files}`);
  const stampPath = path.join(root, STAMP);
  if (existsSync(stampPath)) {
    const stamp = JSON.parse(readFileSync(stampPath, 'utf8'));
    if (JSON.stringify(stamp.params) === JSON.stringify(params)) return { root, expected: stamp.expected, total, generated: false };
  }
  log(`generating ${files} Dockerfiles${total !== undefined ? ` among ${total} files` : ''} in ${services} services under ${path.relative(process.cwd(), root)} (once) ...`);
  const started = Date.now();
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const expected = generate(root, params);
  try {
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'synthetic monorepo');
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
    // No git on this machine: a .git folder still marks the repository root for
    // dockmod (so the .gitignore of the project around bench/.tree stays out).
    mkdirSync(path.join(root, '.git'), { recursive: true });
  }
  // The stamp is written last and is untracked: an interrupted generation is redone.
  writeFileSync(stampPath, JSON.stringify({ params, expected }, null, 2));
  log(`  generated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { root, expected, total, generated: true };
}

/** A small Go Dockerfile for the single-file latency run. */
export function ensureSmallDockerfile() {
  const file = path.join(TREES, 'small.Dockerfile');
  const text = ['FROM golang:1.22-alpine AS build', 'WORKDIR /src', 'COPY go.mod go.sum ./', 'RUN go mod download', 'COPY . .',
    'RUN CGO_ENABLED=0 go build -o /out/app .', '', 'FROM scratch', 'COPY --from=build /out/app /app', 'ENTRYPOINT ["/app"]', ''].join('\n');
  mkdirSync(TREES, { recursive: true });
  if (!existsSync(file) || readFileSync(file, 'utf8') !== text) writeFileSync(file, text);
  return file;
}
