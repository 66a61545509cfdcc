// With the build context unknown (a COPY source is missing from the checkout), the nearest go.mod and go.work above the
// Dockerfile stand in for what the image holds: a go.work counts only where some COPY can bring it.
import { describe, expect, it } from 'vitest';
import { makeTree, runCli } from './support.js';

const GO_MOD = 'module example.com/app\n\ngo 1.25\n';
const GO_WORK = 'go 1.25\n\nuse .\n';
/** tools/gen/ holds the Dockerfile; its COPY of main.go's folder names a path the checkout lacks (generated). */
const dockerfile = (folder: string) => `FROM golang:1.25\nWORKDIR /app/\nCOPY go.mod go.sum ./\nCOPY ${folder}/ ./\nCOPY gen/ ./gen/\nRUN go build -o main main.go\n`;

describe('a go.work above the Dockerfile with the build context unknown', () => {
  it('is workspace mode where a COPY brings the folder it is in (no tidy, no -mod=mod)', async () => {
    const root = makeTree({ '.git/HEAD': '', 'tools/gen/go.mod': GO_MOD, 'tools/gen/go.work': GO_WORK, 'tools/gen/Dockerfile': dockerfile('tools/gen') });
    const result = await runCli(['tools/gen/Dockerfile'], root);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('go mod tidy');
    expect(result.stdout).not.toContain('-mod=mod');
    expect(result.stderr).toContain('tools/gen/Dockerfile:6  insert-mod-tidy  a go.work is present: the build runs in workspace mode; go mod tidy not inserted');
  });

  it('is module mode where no COPY can bring it: tidy -e (folders may be left out) and -mod=mod', async () => {
    const root = makeTree({ '.git/HEAD': '', 'go.mod': GO_MOD, 'go.work': GO_WORK, 'tools/gen/Dockerfile': dockerfile('tools/gen') });
    const result = await runCli(['tools/gen/Dockerfile'], root);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('+RUN --mount=type=cache,target=/go/pkg/mod go mod tidy -e\n');
    expect(result.stdout).toContain('go build -mod=mod -o main main.go');
    expect(result.stderr).toBe('dockmod: 1 file would change, 0 unchanged, 0 notes, 0 errors\n');
  });
});
