// bump-go-image with `--go-version auto` on real folder trees: the target comes
// from the nearest go.mod, searched from the Dockerfile's folder upwards and
// never above the repository root.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../src/errors.js';
import { createModuleLookup } from '../src/module.js';
import { rewriteText } from '../src/pipeline.js';
import { bumpGoImage } from '../transforms/bump-go-image.js';

const DOCKERFILE = 'FROM golang:1.22-alpine AS build\nRUN go build -o /app .\nFROM golang:1.22.3 AS test\n';

let root: string;

function tree(files: Record<string, string>): string {
  root = mkdtempSync(path.join(tmpdir(), 'dockmod-bump-'));
  for (const [file, content] of Object.entries(files)) {
    const full = path.join(root, file);
    mkdirSync(path.dirname(full), { recursive: true });
    if (file.endsWith('/')) mkdirSync(full, { recursive: true });
    else writeFileSync(full, content);
  }
  return root;
}

function bump(dockerfile: string, goVersion = 'auto', text = DOCKERFILE) {
  const file = path.join(root, dockerfile);
  const lookup = createModuleLookup();
  return rewriteText(text, { path: file, transforms: [bumpGoImage], options: { goVersion }, module: () => lookup(file) });
}

const goMod = (lines: string): string => `module example.com/svc\n\n${lines}\n`;

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('bump-go-image with go.mod', () => {
  it('uses the toolchain line of a go.mod beside the Dockerfile', () => {
    tree({ '.git/': '', 'svc/go.mod': goMod('go 1.23.0\n\ntoolchain go1.24.5'), 'svc/Dockerfile': DOCKERFILE });
    const result = bump('svc/Dockerfile');
    expect(result.output).toBe('FROM golang:1.24-alpine AS build\nRUN go build -o /app .\nFROM golang:1.24.5 AS test\n');
    expect(result.notes).toEqual([]);
  });

  it('uses the go line when there is no toolchain line', () => {
    tree({ '.git/': '', 'svc/go.mod': goMod('go 1.23.2'), 'svc/Dockerfile': DOCKERFILE });
    expect(bump('svc/Dockerfile').output).toBe('FROM golang:1.23-alpine AS build\nRUN go build -o /app .\nFROM golang:1.23.2 AS test\n');
  });

  it('finds the module in a parent folder', () => {
    tree({ '.git/': '', 'go.mod': goMod('go 1.24.1'), 'services/api/docker/Dockerfile': DOCKERFILE });
    expect(bump('services/api/docker/Dockerfile').output).toContain('FROM golang:1.24.1 AS test');
  });

  it('takes the nearest go.mod, not the repository root one', () => {
    tree({ '.git/': '', 'go.mod': goMod('go 1.25.0'), 'svc/go.mod': goMod('go 1.23.0'), 'svc/Dockerfile': DOCKERFILE });
    expect(bump('svc/Dockerfile').output).toContain('FROM golang:1.23.0 AS test');
  });

  it('ignores a toolchain line below the go line (Go does too)', () => {
    tree({ '.git/': '', 'svc/go.mod': goMod('go 1.24.2\n\ntoolchain go1.23.1'), 'svc/Dockerfile': DOCKERFILE });
    expect(bump('svc/Dockerfile').output).toContain('FROM golang:1.24.2 AS test');
  });

  it('refuses to downgrade an image newer than go.mod asks', () => {
    const newer = 'FROM golang:1.25-alpine AS build\nFROM golang:1.24.3 AS test\n';
    tree({ '.git/': '', 'go.mod': goMod('go 1.22\n\ntoolchain go1.23.4'), 'Dockerfile': newer });
    const result = bump('Dockerfile', 'auto', newer);
    expect(result.changed).toBe(false);
    expect(result.notes).toEqual([]);
  });

  it('changes nothing without a go.mod, and says so once at the first golang FROM', () => {
    tree({ '.git/': '', 'svc/Dockerfile': DOCKERFILE });
    const result = bump('svc/Dockerfile');
    expect(result.changed).toBe(false);
    expect(result.notes).toEqual([{ transform: 'bump-go-image', line: 1, message: expect.stringContaining('no go.mod found') }]);
  });

  it('does not look above the repository root', () => {
    tree({ 'go.mod': goMod('go 1.24.0'), 'repo/.git/': '', 'repo/svc/Dockerfile': DOCKERFILE });
    const result = bump('repo/svc/Dockerfile');
    expect(result.changed).toBe(false);
    expect(result.notes.map((note) => note.message)).toEqual([expect.stringContaining('no go.mod found')]);
  });

  it('says nothing about go.mod for a Dockerfile without a golang image', () => {
    tree({ '.git/': '', 'Dockerfile': '' });
    const result = bump('Dockerfile', 'auto', 'FROM golangci/golangci-lint:v1.59 AS lint\nFROM alpine:3.20\n');
    expect(result.notes).toEqual([]);
  });

  it('lets an explicit --go-version win over go.mod', () => {
    tree({ '.git/': '', 'go.mod': goMod('go 1.24.0'), 'Dockerfile': DOCKERFILE });
    expect(bump('Dockerfile', '1.23').output).toBe('FROM golang:1.23-alpine AS build\nRUN go build -o /app .\nFROM golang:1.23 AS test\n');
  });

  it('rejects an invalid explicit version as a usage error', () => {
    tree({ '.git/': '', 'Dockerfile': DOCKERFILE });
    for (const bad of ['1', 'go1.24', '1.24rc1', '1.024', ' 1.24', 'v1.24', 'latest']) {
      expect(() => bump('Dockerfile', bad), bad).toThrow(UsageError);
    }
  });
});
