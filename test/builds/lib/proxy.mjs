// An offline Go module proxy made from module sources kept in the repository:
// modules/<module path>@<version>/ becomes <proxy>/<escaped path>/@v/{list,<v>.info,<v>.mod,<v>.zip},
// the layout GOPROXY=file:///... reads. Also computes go.sum lines (h1: hashes) for those modules.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { crc32 } from 'node:zlib';
import { filesUnder } from './shell.mjs';

/** The module folders under root: { path, version, dir } for each "<path>@<version>" folder. */
export function modulesUnder(root) {
  const modules = [];
  const walk = (current) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const dir = join(current, entry.name);
      const at = entry.name.lastIndexOf('@');
      if (at > 0) {
        const parent = relative(root, current).split(sep).filter(Boolean);
        modules.push({ path: [...parent, entry.name.slice(0, at)].join('/'), version: entry.name.slice(at + 1), dir });
      } else walk(dir);
    }
  };
  walk(root);
  return modules.sort((a, b) => `${a.path}@${a.version}`.localeCompare(`${b.path}@${b.version}`));
}

/** Go's module path escaping: every upper-case letter becomes "!" and its lower case. */
const escapePath = (path) => path.replace(/[A-Z]/g, (letter) => `!${letter.toLowerCase()}`);

/** A zip archive of stored (uncompressed) entries: all a module zip needs. */
function storedZip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt32LE(0x00210000, 10); // 1980-01-01 00:00
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    locals.push(local, nameBytes, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt32LE(0x00210000, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const centralSize = centrals.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

/** Go's dirhash.Hash1: sha256 over the "<sha256 hex>  <name>\n" lines of the sorted files. */
function hash1(files) {
  const summary = [...files]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map(({ name, data }) => `${createHash('sha256').update(data).digest('hex')}  ${name}\n`)
    .join('');
  return `h1:${createHash('sha256').update(summary).digest('base64')}`;
}

function moduleFiles(module) {
  return filesUnder(module.dir).map((file) => ({
    name: `${module.path}@${module.version}/${file}`,
    data: readFileSync(join(module.dir, file)),
  }));
}

/** Writes the proxy for every module under sourceRoot into proxyDir. */
export function writeProxy(sourceRoot, proxyDir) {
  const modules = modulesUnder(sourceRoot);
  const versions = new Map();
  for (const module of modules) {
    const at = join(proxyDir, escapePath(module.path), '@v');
    mkdirSync(at, { recursive: true });
    writeFileSync(join(at, `${module.version}.info`), JSON.stringify({ Version: module.version, Time: '2024-01-01T00:00:00Z' }));
    writeFileSync(join(at, `${module.version}.mod`), readFileSync(join(module.dir, 'go.mod')));
    writeFileSync(join(at, `${module.version}.zip`), storedZip(moduleFiles(module)));
    versions.set(at, [...(versions.get(at) ?? []), module.version]);
  }
  for (const [at, list] of versions) writeFileSync(join(at, 'list'), list.map((v) => `${v}\n`).join(''));
  return modules;
}

/** The two go.sum lines of a module, as `go mod download` would record them. */
export function goSumLines(module) {
  const goMod = readFileSync(join(module.dir, 'go.mod'));
  return [
    `${module.path} ${module.version} ${hash1(moduleFiles(module))}`,
    `${module.path} ${module.version}/go.mod ${hash1([{ name: 'go.mod', data: goMod }])}`,
  ];
}

/** A digest of every file under the given folders (to tell when stand-ins must be remade). */
export function treeDigest(dirs) {
  const hash = createHash('sha256');
  for (const dir of dirs) {
    for (const file of statSync(dir).isDirectory() ? filesUnder(dir) : ['']) {
      hash.update(`${dir}/${file}\0`).update(readFileSync(file ? join(dir, file) : dir));
    }
  }
  return hash.digest('hex').slice(0, 16);
}
