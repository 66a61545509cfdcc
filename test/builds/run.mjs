#!/usr/bin/env node
// npm run test:builds: real buildah builds of every case, before and after dockmod --write.
// Usage: node test/builds/run.mjs [case name ...]   (no names: every case)
import { loadCases, loadKnownFailing, runCase } from './lib/cases.mjs';
import { ensureImages, ensurePackages, seedCacheMounts } from './lib/setup.mjs';
import { buildah, elapsed, say } from './lib/shell.mjs';

function markdownTable(results, known) {
  const cell = (text) => String(text ?? '').replaceAll('|', '\\|').replaceAll('\n', ' ');
  const rows = results.map((r) => {
    const verdict = known.has(r.name) ? (r.status === 'failed' ? 'known failing' : 'passed (listed as known failing)') : r.status;
    return `| ${cell(r.name)} | ${cell(r.summary)} | ${cell(r.before)} | ${cell(r.dockmod)} | ${cell(r.after)} | ${verdict} |`;
  });
  return ['| case | what it shows | before | dockmod --write | after | result |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
}

function main() {
  const only = process.argv.slice(2);
  ensurePackages();
  ensureImages();
  seedCacheMounts();
  const known = loadKnownFailing();
  const cases = loadCases().filter((c) => only.length === 0 || only.includes(c.name));
  for (const name of only.filter((n) => !cases.some((c) => c.name === n))) throw new Error(`no case named ${name}`);
  for (const name of [...known.keys()].filter((n) => !loadCases().some((c) => c.name === n))) {
    say(`KNOWN-FAILING names ${name}, which is not a case`);
  }
  const results = [];
  for (const testCase of cases) {
    say(`case ${testCase.name}: ${testCase.spec.summary ?? ''}`);
    const result = runCase(testCase);
    results.push(result);
    const time = (phase) => (result.seconds?.[phase] === undefined ? '' : ` (${result.seconds[phase].toFixed(1)}s)`);
    say(`  before: ${result.before}${time('before')}`);
    say(`  dockmod: ${result.dockmod}`);
    say(`  after: ${result.after}${time('after')}`);
    if (result.reuse) say(`  second build: ${result.reuse}`);
    for (const problem of result.problems) say(`  ${problem.replaceAll('\n', '\n      ')}`);
    if (known.has(testCase.name)) {
      if (result.status === 'failed') say(`  known failing: ${known.get(testCase.name)}`);
      else say(`  !!! ${testCase.name} PASSES but is listed in test/builds/KNOWN-FAILING: remove it from the list !!!`);
    } else say(`  ${result.status}`);
  }
  buildah(['umount', '--all']);
  const failed = results.filter((r) => r.status === 'failed' && !known.has(r.name));
  const knownFailing = results.filter((r) => r.status === 'failed' && known.has(r.name));
  const unexpectedlyPassing = results.filter((r) => r.status === 'passed' && known.has(r.name));
  console.log(`\n${markdownTable(results, known)}\n`);
  if (knownFailing.length > 0) console.log(`known failing (not counted): ${knownFailing.map((r) => r.name).join(', ')}`);
  if (unexpectedlyPassing.length > 0) {
    console.log(`!!! listed in KNOWN-FAILING but passing now, remove them from the list: ${unexpectedlyPassing.map((r) => r.name).join(', ')} !!!`);
  }
  if (failed.length > 0) console.log(`failed: ${failed.map((r) => r.name).join(', ')}`);
  console.log(`total time ${elapsed()}`);
  const passed = results.length - failed.length - knownFailing.length;
  console.log(`${passed} passed, ${failed.length} failed`);
  return failed.length === 0 ? 0 : 1;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`test:builds: ${error instanceof Error ? error.message : String(error)}`);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
}
