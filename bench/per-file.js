// `node bench/per-file.js [rounds] [--dist=<a dist/ folder>] [--migrated]`: dockmod's own cost per Dockerfile, in process:
// processFile (read, rewrite, the model) over the first 300 Dockerfiles of the 5,000/100,000 monorepo (with
// --migrated: of its copy `npm run bench` migrated, the steady state of `--check`), with the
// run's shared go.mod lookup and project files, after one warm-up round; prints CPU microseconds per file.
// No walk, no output, no worker: the part of the run a change to the transforms or the model moves. The trees
// come from `npm run bench` (bench/.tree/). See bench/instructions.sh for a noise-free comparison of two builds.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureTree } from './generate.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const distArg = process.argv.find((arg) => arg.startsWith('--dist='))?.slice('--dist='.length);
const dist = path.resolve(distArg ?? path.join(HERE, '..', 'dist'));
const rounds = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 10);
const load = (relative) => import(pathToFileURL(path.join(dist, relative)).href);
const { processFile } = await load('src/files.js');
const { createModuleLookup } = await load('src/module.js');
const { createProjectFiles } = await load('src/model/files.js');
const { TRANSFORMS } = await load('transforms/index.js');

const tree = ensureTree({ files: 5_000, total: 100_000 });
const dockerfiles = [];
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (dockerfiles.length >= 300) return;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (/dockerfile/i.test(entry.name)) dockerfiles.push(full);
  }
};
const migrated = process.argv.includes('--migrated');
if (migrated && !existsSync(`${tree.root}-migrated`)) throw new Error(`${tree.root}-migrated is missing: run \`npm run bench -- --quick\` once, which makes it`);
walk(path.join(migrated ? `${tree.root}-migrated` : tree.root, 'services'));
const settings = { transforms: TRANSFORMS, options: { goVersion: 'auto' }, write: false, moduleFacts: createModuleLookup(), projectFiles: createProjectFiles() };
let changes = 0;
for (const file of dockerfiles) changes += processFile(file, file, settings).changes.length;
const before = process.cpuUsage();
for (let round = 0; round < rounds; round++) for (const file of dockerfiles) processFile(file, file, settings);
const used = process.cpuUsage(before);
console.log(`${((used.user + used.system) / (rounds * dockerfiles.length)).toFixed(0)} us of CPU per Dockerfile (${rounds} rounds of ${dockerfiles.length}; ${changes} changes a round)`);
