// Humans at a terminal: colours only on a TTY (NO_COLOR, FORCE_COLOR), the
// diff on a pipe stays plain for git apply, progress only on a TTY outside CI.
import { describe, expect, it } from 'vitest';
import { colorDiff, colorEnabled, palette } from '../src/color.js';
import { createProgress } from '../src/progress.js';
import { runWith } from './run-io.js';
import { GO_SERVICE, makeTree, runCli } from './support.js';

const MIGRATION = ['-t', 'drop-mod-download,add-mod-flag'];
const ESC = '\x1b[';

describe('colorEnabled', () => {
  it('follows the TTY unless NO_COLOR or FORCE_COLOR say otherwise', () => {
    expect(colorEnabled(true, {})).toBe(true);
    expect(colorEnabled(false, {})).toBe(false);
    expect(colorEnabled(undefined, {})).toBe(false);
    expect(colorEnabled(true, { TERM: 'dumb' })).toBe(false);
    expect(colorEnabled(true, { NO_COLOR: '1' })).toBe(false);
    expect(colorEnabled(true, { NO_COLOR: '' })).toBe(true);
    expect(colorEnabled(false, { FORCE_COLOR: '1' })).toBe(true);
    expect(colorEnabled(false, { FORCE_COLOR: '' })).toBe(true);
    expect(colorEnabled(true, { FORCE_COLOR: '0' })).toBe(false);
    expect(colorEnabled(true, { FORCE_COLOR: 'false' })).toBe(false);
    expect(colorEnabled(false, { NO_COLOR: '1', FORCE_COLOR: '1' })).toBe(false);
  });
});

describe('colorDiff', () => {
  it('colours whole lines and keeps line endings, CRLF included, outside the colour', () => {
    const colors = palette(true);
    const diff = '--- a/D\n+++ b/D\n@@ -1,2 +1,2 @@\r\n context\r\n-old\r\n+new\n\\ No newline at end of file\n';
    const coloured = colorDiff(diff, colors);
    expect(coloured.replace(/\x1b\[\d+m/g, '')).toBe(diff);
    expect(coloured).toContain(`${ESC}31m-old${ESC}39m\r\n`);
    expect(coloured).toContain(`${ESC}32m+new${ESC}39m\n`);
    expect(coloured).toContain(`${ESC}36m@@ -1,2 +1,2 @@${ESC}39m\r\n`);
    expect(coloured).toContain(' context\r\n');
  });
});

describe('the CLI at a terminal', () => {
  it('colours the diff and the summary on a TTY', async () => {
    const root = makeTree({ Dockerfile: GO_SERVICE });
    const result = await runWith(MIGRATION, root, { stdoutIsTTY: true, stderrIsTTY: true });
    expect(result.stdout).toContain(`${ESC}31m-RUN go mod download${ESC}39m`);
    expect(result.stderr).toBe(`dockmod: ${ESC}33m1 file would change${ESC}39m, 0 unchanged, 0 notes, 0 errors\n`);
  });

  it('keeps the diff plain when stdout is a pipe, even with stderr on a TTY', async () => {
    const root = makeTree({ Dockerfile: GO_SERVICE });
    const result = await runWith(MIGRATION, root, { stdoutIsTTY: false, stderrIsTTY: true });
    expect(result.stdout).not.toContain(ESC);
    expect(result.stdout).toBe((await runCli(MIGRATION, root)).stdout);
    expect(result.stderr).toContain(ESC);
  });

  it('respects NO_COLOR and FORCE_COLOR', async () => {
    const root = makeTree({ Dockerfile: GO_SERVICE });
    const noColor = await runWith(MIGRATION, root, { stdoutIsTTY: true, stderrIsTTY: true, env: { NO_COLOR: '1' } });
    expect(noColor.stdout + noColor.stderr).not.toContain(ESC);
    const forced = await runWith(MIGRATION, root, { env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain(ESC);
  });

  it('colours errors and the location of notes on stderr', async () => {
    const root = makeTree({ 'a/Dockerfile': 'FROM golang:1.23\nRUN go build -mod=vendor .\n', 'b/Dockerfile': Buffer.from([0]) });
    const result = await runWith(MIGRATION, root, { stderrIsTTY: true });
    expect(result.stderr).toContain(`${ESC}2ma/Dockerfile:2${ESC}22m  add-mod-flag  go build already sets -mod=vendor`);
    expect(result.stderr).toContain(`${ESC}31mdockmod: error: b/Dockerfile: is binary`);
  });
});

describe('progress', () => {
  function recorder(times: number[]) {
    const written: string[] = [];
    let index = 0;
    const now = () => times[Math.min(index++, times.length - 1)]!;
    return { written, now };
  }

  it('shows a counter after a while, redraws at most every 100 ms, and erases itself', () => {
    const { written, now } = recorder([0, 100, 500, 550, 700]);
    const progress = createProgress(10, (text) => written.push(text), true, now);
    progress.tick(); // 100 ms: too early
    progress.tick(); // 500 ms: drawn
    progress.tick(); // 550 ms: too soon after the last draw
    progress.tick(); // 700 ms: drawn
    progress.clear();
    progress.clear();
    expect(written).toEqual(['\r\x1b[Kdockmod: 2/10 files', '\r\x1b[Kdockmod: 4/10 files', '\r\x1b[K']);
  });

  it('stays silent when disabled or for a single file', () => {
    const { written, now } = recorder([0, 1000, 2000]);
    for (const progress of [createProgress(10, (text) => written.push(text), false, now), createProgress(1, (text) => written.push(text), true, now)]) {
      progress.tick();
      progress.clear();
    }
    expect(written).toEqual([]);
  });

  it('is off in CI and when stderr is not a TTY', async () => {
    const files = Object.fromEntries(Array.from({ length: 3 }, (_, i) => [`s${i}/Dockerfile`, GO_SERVICE]));
    const root = makeTree(files);
    const ci = await runWith(MIGRATION, root, { stderrIsTTY: true, env: { CI: 'true', NO_COLOR: '1' } });
    expect(ci.stderr).toBe('dockmod: 3 files would change, 0 unchanged, 0 notes, 0 errors\n');
    const pipe = await runWith(MIGRATION, root, { stderrIsTTY: false });
    expect(pipe.stderr).toBe('dockmod: 3 files would change, 0 unchanged, 0 notes, 0 errors\n');
  });
});
