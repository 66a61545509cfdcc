#!/usr/bin/env node
// npm run fixture:update -- <case folder>...: rewrite a fixture case's
// output.Dockerfile and notes.json from the built transforms (npm run build
// first), as test/fixtures.test.ts runs them. Review every diff (git diff)
// before committing: an expected output nobody has read is not a test.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createModuleLookup } from '../dist/src/module.js';
import { createProjectFiles } from '../dist/src/model/files.js';
import { rewriteText } from '../dist/src/pipeline.js';
import { TRANSFORMS, transformById } from '../dist/transforms/index.js';

for (const given of process.argv.slice(2)) {
  const dir = path.resolve(given);
  const input = path.join(dir, 'input.Dockerfile');
  const folder = path.basename(path.dirname(dir));
  const optionsFile = path.join(dir, 'options.json');
  const { transforms: ids, ...options } = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {};
  const transforms = (ids ?? (folder === 'pipeline' ? TRANSFORMS.map((t) => t.id) : [folder])).map((id) => transformById(id) ?? fail(`unknown transform ${id}`));
  const lookup = createModuleLookup();
  const result = rewriteText(readFileSync(input, 'utf8'), {
    path: input,
    transforms,
    options: { ...options, goVersion: options.goVersion ?? 'auto' },
    module: () => lookup(input),
    files: createProjectFiles(dir),
  });
  const outputFile = path.join(dir, 'output.Dockerfile');
  const notesFile = path.join(dir, 'notes.json');
  if (result.changed) writeFileSync(outputFile, result.output);
  else rmSync(outputFile, { force: true });
  if (result.notes.length > 0) writeFileSync(notesFile, `${JSON.stringify(result.notes.map(({ transform, line, message }) => ({ transform, line, message })), null, 2)}\n`);
  else rmSync(notesFile, { force: true });
  console.log(`${path.relative(process.cwd(), dir)}: ${result.changed ? 'changes' : 'unchanged'}, ${result.notes.length} note(s)`);
}

function fail(message) {
  console.error(message);
  process.exit(2);
}
