#!/usr/bin/env node
// Prints the go.sum lines of proxy modules, for writing a case's go.sum:
//   node test/builds/gosum.mjs example.com/greet@v1.0.0 example.com/words@v1.0.0
import { join } from 'node:path';
import { goSumLines, modulesUnder } from './lib/proxy.mjs';
import { suiteDir } from './lib/shell.mjs';

const modules = ['modules', 'private-modules'].flatMap((dir) => modulesUnder(join(suiteDir, dir)));
for (const wanted of process.argv.slice(2)) {
  const module = modules.find((m) => `${m.path}@${m.version}` === wanted);
  if (!module) throw new Error(`no module ${wanted} under test/builds/modules or private-modules`);
  console.log(goSumLines(module).join('\n'));
}
