#!/usr/bin/env node
// Maintainers: regenerate data/golang-tags.json, the tags of the official
// golang image, from a local clone of docker-library/official-images:
//   git clone https://github.com/docker-library/official-images
//   node scripts/golang-tags.js ../official-images            # writes data/golang-tags.json
//   node scripts/golang-tags.js ../official-images out.json   # or another file
// It reads every line ever added to library/golang (`git log -p`): the
// `Tags:` and `SharedTags:` lines of the current format and the
// `1.3.0: git://...` lines of the 2014 format. Tags once published stay
// pullable, so the table is the union over the whole history. Nightly
// `tip-*` tags are left out.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const FILE = 'library/golang';
const COMMIT_MARK = '\u0001commit ';
/** Stands for the bare tag (the version alone) in the data file's variant lists. */
const BARE = '-';

/** The tags named by one added line of library/golang, or [] when it names none. */
export function tagsOfLine(line) {
  const current = /^(?:Shared)?Tags:\s*(.*)$/.exec(line);
  if (current) return current[1].split(',').map((tag) => tag.trim()).filter(Boolean);
  const old = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*:\s*git:\/\//.exec(line);
  return old ? [old[1]] : [];
}

/** `1.24.5-alpine3.21` -> ['1.24.5', 'alpine3.21']; `alpine` -> undefined (no version). */
export function splitTag(tag) {
  const match = /^([0-9][0-9a-z.]*)(?:-(.+))?$/.exec(tag);
  return match ? [match[1], match[2] ?? ''] : undefined;
}

/** The table from the output of `git log -p` on library/golang (with COMMIT_MARK-prefixed date lines). */
export function tableFromLog(log) {
  const versions = new Map();
  const floating = new Set();
  const dates = [];
  for (const line of log.split('\n')) {
    if (line.startsWith(COMMIT_MARK)) {
      dates.push(line.slice(COMMIT_MARK.length).trim());
      continue;
    }
    if (!line.startsWith('+') || line.startsWith('+++')) continue;
    for (const tag of tagsOfLine(line.slice(1).trim())) {
      if (tag.startsWith('tip')) continue;
      const split = splitTag(tag);
      if (!split) {
        floating.add(tag);
        continue;
      }
      const [version, variant] = split;
      if (!versions.has(version)) versions.set(version, new Set());
      versions.get(version).add(variant);
    }
  }
  const sortedDates = dates.sort();
  const first = sortedDates[0]?.slice(0, 10) ?? '';
  const last = sortedDates.at(-1)?.slice(0, 10) ?? '';
  return {
    about: "Every tag of the official golang image (Docker Hub library/golang) ever listed in docker-library/official-images' library/golang file, from its git history; tip-* nightly tags left out. versions: the version part of a tag -> the variant suffixes published with it, space-separated ('-' = the bare tag). floating: tags without a version. Regenerate with scripts/golang-tags.js.",
    source: `github.com/docker-library/official-images, ${FILE}, ${dates.length} commits from ${first} to ${last}`,
    date: last,
    versions: Object.fromEntries([...versions].sort(([a], [b]) => compareVersions(a, b)).map(([version, set]) => [version, [...set].sort()])),
    floating: [...floating].sort(),
  };
}

/** Numeric order of version texts (1.9 < 1.10; 1.21rc1 < 1.21.0 == 1.21). */
function compareVersions(a, b) {
  const key = (text) => {
    const [, numbers, kind, number] = /^([0-9.]+?)(?:(beta|rc)([0-9]+))?$/.exec(text) ?? [, text, undefined, undefined];
    const parts = numbers.split('.').map(Number);
    while (parts.length < 3) parts.push(0);
    return [...parts, kind === 'beta' ? 0 : kind === 'rc' ? 1 : 2, Number(number ?? 0), text.split('.').length];
  };
  const [x, y] = [key(a), key(b)];
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One version per line, variants as one space-separated string: diffs of a refresh stay readable, the file stays small. */
export function formatTable(table) {
  const versions = Object.entries(table.versions).map(
    ([version, variants]) => `    ${JSON.stringify(version)}: ${JSON.stringify(variants.map((variant) => variant || BARE).join(' '))}`,
  );
  return [
    '{',
    `  "about": ${JSON.stringify(table.about)},`,
    `  "source": ${JSON.stringify(table.source)},`,
    `  "date": ${JSON.stringify(table.date)},`,
    '  "versions": {',
    versions.join(',\n'),
    '  },',
    `  "floating": ${JSON.stringify(table.floating)}`,
    '}',
    '',
  ].join('\n');
}

export function readLog(clone) {
  return execFileSync('git', ['-C', clone, 'log', '-p', '--no-color', '--no-renames', `--format=${COMMIT_MARK}%cI`, '--', FILE], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const [clone, out = new URL('../data/golang-tags.json', import.meta.url).pathname] = process.argv.slice(2);
  if (!clone) {
    console.error('usage: node scripts/golang-tags.js <clone of docker-library/official-images> [output.json]');
    process.exit(2);
  }
  const table = tableFromLog(readLog(clone));
  writeFileSync(out, formatTable(table));
  console.log(`${out}: ${Object.keys(table.versions).length} versions, ${table.source}`);
}
