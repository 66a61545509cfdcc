// Sets up, idempotently, what the real builds need: buildah and busybox-static, Go toolchains from
// Debian's archive, the offline module proxies, and stand-in base images under the real names.
import { chmodSync, chownSync, copyFileSync, cpSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeProxy, treeDigest } from './proxy.mjs';
import { buildah, fullImageName, must, mustBuildah, paths, run, say, suiteDir, workRoot, writeBuildahConfig } from './shell.mjs';

const imagesFile = join(suiteDir, 'images.json');
const aptEnv = { DEBIAN_FRONTEND: 'noninteractive' };

/** Which suite of Debian's archive has golang-<version>-go (a static go binary from 1.21 on). */
const debianSuiteOfGo = { '1.19': 'bookworm', '1.21': 'bookworm-backports', '1.22': 'bookworm-backports', '1.23': 'bookworm-backports', '1.24': 'trixie' };

export function ensurePackages() {
  const missing = [];
  if (run('buildah', ['--version']).status !== 0) missing.push('buildah');
  for (const pkg of ['busybox-static', 'make']) {
    if (run('dpkg-query', ['-W', '-f=${Status}', pkg]).output !== 'install ok installed') missing.push(pkg);
  }
  if (missing.length === 0) return say('packages: buildah, busybox-static and make present');
  say(`packages: apt-get update, apt-get install ${missing.join(' ')}`);
  must('apt-get', ['update', '-q'], { env: aptEnv });
  must('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], { env: aptEnv });
}

/** The Debian mirror this machine already uses (so the private sources list reaches the same place). */
function debianMirror() {
  for (const file of ['/etc/apt/sources.list.d/debian.sources', '/etc/apt/sources.list']) {
    if (!existsSync(file)) continue;
    const text = readFileSync(file, 'utf8');
    const uri = text.match(/^URIs:\s*(\S+\/debian)\/?\s*$/m)?.[1] ?? text.match(/^deb\s+(?:\[[^\]]*\]\s+)?(\S+\/debian)\/?\s/m)?.[1];
    if (uri) return uri;
  }
  return 'http://deb.debian.org/debian';
}

/** apt-get options that use a private sources list, lists and cache, leaving /etc/apt alone. */
function privateApt() {
  const dir = paths.apt;
  return [
    '-o', `Dir::Etc::SourceList=${join(dir, 'sources.list')}`,
    '-o', 'Dir::Etc::SourceParts=-',
    '-o', `Dir::State::Lists=${join(dir, 'lists')}`,
    '-o', `Dir::Cache=${join(dir, 'cache')}`,
  ];
}

export const goRootOf = (version) => join(paths.go, version, 'usr/lib', `go-${version}`);

/** Downloads golang-<v>-go and golang-<v>-src for each version not yet unpacked under .builds/go. */
export function ensureGo(versions) {
  const wanted = versions.filter((version) => !existsSync(join(goRootOf(version), 'bin/go')));
  if (wanted.length === 0) return say(`go: ${versions.join(', ')} present`);
  const mirror = debianMirror();
  mkdirSync(join(paths.apt, 'lists/partial'), { recursive: true });
  mkdirSync(join(paths.apt, 'cache/archives/partial'), { recursive: true });
  const suites = [...new Set(wanted.map((version) => debianSuiteOfGo[version]))];
  writeFileSync(
    join(paths.apt, 'sources.list'),
    suites.map((suite) => `deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] ${mirror} ${suite} main\n`).join(''),
  );
  say(`go: apt-get update of ${suites.join(', ')} from ${mirror} (private lists)`);
  must('apt-get', [...privateApt(), 'update', '-q'], { env: aptEnv });
  const debs = join(paths.apt, 'debs');
  mkdirSync(debs, { recursive: true });
  for (const version of wanted) {
    say(`go ${version}: apt-get download golang-${version}-go golang-${version}-src, dpkg-deb -x`);
    must('apt-get', [...privateApt(), 'download', `golang-${version}-go`, `golang-${version}-src`], { cwd: debs, env: aptEnv });
    const root = join(paths.go, version);
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root, { recursive: true });
    for (const deb of readdirSync(debs).filter((name) => name.startsWith(`golang-${version}-`))) {
      must('dpkg-deb', ['-x', join(debs, deb), root]);
      rmSync(join(debs, deb));
    }
  }
}

// ---- stand-in images ----

const passwd = [
  'root:x:0:0:root:/root:/bin/sh',
  'nobody:x:65534:65534:nobody:/nonexistent:/bin/false',
  'nonroot:x:65532:65532:nonroot:/home/nonroot:/bin/false',
];
const group = ['root:x:0:', 'nobody:x:65534:', 'nonroot:x:65532:'];

function chownTree(path, uid, gid) {
  chownSync(path, uid, gid);
  if (!lstatSync(path).isDirectory()) return;
  for (const entry of readdirSync(path)) chownTree(join(path, entry), uid, gid);
}

function writeExecutable(path, text) {
  rmSync(path, { force: true });
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text, { mode: 0o755 });
}

/** Debian's busybox has no account applets: a small stand-in for adduser/addgroup (Alpine) and useradd/groupadd (Debian). */
const accountTool = `#!/bin/sh
# stand-in for adduser, addgroup, useradd, groupadd: appends to /etc/passwd and /etc/group
tool=\${0##*/}; uid=; gid=; group=; home=; shell=/bin/sh; makehome=yes
case $tool in useradd) makehome=no ;; esac
while [ $# -gt 1 ]; do
  case $1 in
    -u|--uid) uid=$2; shift ;;
    -g|--gid) case $tool in adduser) shift ;; *) gid=$2; group=$2; shift ;; esac ;;
    -G|--ingroup) group=$2; shift ;;
    -h|-d|--home|--home-dir) home=$2; shift ;;
    -s|--shell) shell=$2; shift ;;
    -m|--create-home) makehome=yes ;;
    -H|-M|--no-create-home) makehome=no ;;
    -k|-c|--comment|--gecos) shift ;;
    *) ;;
  esac
  shift
done
name=$1
next_id() { awk -F: 'BEGIN{n=1000} $3>=n && $3<60000 {n=$3+1} END{print n}' "$1"; }
case $tool in
  addgroup|groupadd)
    [ -n "$gid" ] || gid=$(next_id /etc/group)
    echo "$name:x:$gid:" >> /etc/group ;;
  *)
    [ -n "$uid" ] || uid=$(next_id /etc/passwd)
    if [ -n "$group" ]; then
      gid=$(awk -F: -v g="$group" '$1==g || $3==g {print $3; exit}' /etc/group)
    else
      gid=$uid; echo "$name:x:$gid:" >> /etc/group
    fi
    [ -n "$home" ] || home=/home/$name
    echo "$name:x:$uid:$gid::$home:$shell" >> /etc/passwd
    if [ $makehome = yes ]; then mkdir -p "$home" && chown "$uid:$gid" "$home"; fi ;;
esac
`;

/** busybox with its applet links, accounts, and no-op package managers (there is no network). */
function populateBase(root, { users = [] } = {}) {
  for (const dir of ['bin', 'sbin', 'usr/bin', 'usr/sbin', 'usr/local/bin', 'etc', 'home/nonroot', 'var/tmp']) {
    mkdirSync(join(root, dir), { recursive: true });
  }
  for (const dir of ['tmp', 'var/tmp']) {
    mkdirSync(join(root, dir), { recursive: true });
    chmodSync(join(root, dir), 0o1777);
  }
  mkdirSync(join(root, 'root'), { recursive: true, mode: 0o700 });
  chownSync(join(root, 'home/nonroot'), 65532, 65532);
  copyFileSync('/bin/busybox', join(root, 'bin/busybox'));
  chmodSync(join(root, 'bin/busybox'), 0o755);
  for (const applet of must('/bin/busybox', ['--list-full']).split('\n').filter(Boolean)) {
    const link = join(root, applet);
    if (existsSync(link)) continue;
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync('/bin/busybox', link);
  }
  const stub = '#!/bin/sh\n# stand-in: no network in these builds; packages are taken as installed\nexit 0\n';
  writeExecutable(join(root, 'sbin/apk'), stub);
  writeExecutable(join(root, 'usr/bin/apt-get'), stub);
  for (const tool of ['adduser', 'addgroup', 'useradd', 'groupadd']) writeExecutable(join(root, 'usr/sbin', tool), accountTool);
  writeFileSync(join(root, 'etc/passwd'), [...passwd, ...users.map((u) => u.passwd)].map((l) => `${l}\n`).join(''));
  writeFileSync(join(root, 'etc/group'), [...group, ...users.flatMap((u) => u.group ?? [])].map((l) => `${l}\n`).join(''));
  writeFileSync(join(root, 'etc/shadow'), '', { mode: 0o600 });
}

/** Shared libraries the ELF files under dirs need (Go 1.19's tools are dynamically linked). */
function sharedLibraries(files) {
  const libs = new Set();
  for (const file of files) {
    const result = run('ldd', [file]);
    for (const match of result.output.matchAll(/(\/\S+\.so[.\d]*)/g)) libs.add(match[1]);
  }
  return [...libs];
}

/** Parts of a Go distribution no build here reads: left out to keep the images small and quick to commit. */
const unusedGoParts = /^(test|api|doc|misc)(\/|$)|^pkg\/linux_amd64(_race)?(\/|$)|\/testdata(\/|$)|^src\/.*_test\.go$|^pkg\/tool\/linux_amd64\/(pprof|trace|objdump|addr2line|fix|doc|dist|distpack|nm)$/;

const goVersionOf = (version) => readFileSync(join(goRootOf(version), 'VERSION'), 'utf8').split('\n')[0].replace(/^go/, '');

function installGo(root, version) {
  const source = goRootOf(version);
  const target = join(root, 'usr/local/go');
  mkdirSync(dirname(target), { recursive: true });
  cpSync(source, target, {
    recursive: true,
    dereference: true,
    filter: (path) => path === source || !unusedGoParts.test(path.slice(source.length + 1)),
  });
  const tools = join(source, 'pkg/tool/linux_amd64');
  copyLibraries(root, [join(source, 'bin/go'), ...readdirSync(tools).map((tool) => join(tools, tool))]);
  installExecutable(root, '/usr/bin/make', 'usr/bin/make');
  cpSync(paths.proxy, join(root, 'goproxy'), { recursive: true });
  cpSync(paths.privateProxy, join(root, 'srv/private-goproxy'), { recursive: true });
}

/**
 * Compiles the standard packages the cases use into the image's build cache (Go >= 1.20 ships none
 * precompiled): only time changes, every build still compiles its own code. Cache mounts start empty.
 */
function warmBuildCache(container, root) {
  const dir = join(root, 'tmp/warm');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'go.mod'), 'module warm\n\ngo 1.18\n');
  writeFileSync(join(dir, 'main.go'), 'package main\n\nimport (\n\t"fmt"\n\t"os"\n\t"strings"\n)\n\nfunc main() { fmt.Fprintln(os.Stdout, strings.ToUpper("warm")) }\n');
  writeFileSync(join(dir, 'main_test.go'), 'package main\n\nimport "testing"\n\nfunc TestWarm(t *testing.T) {}\n');
  chmodSync(dir, 0o777);
  const script = 'cd /tmp/warm && go build -o /tmp/warm/a . && go test -c -o /tmp/warm/c .';
  try {
    mustBuildah(['run', '--env', 'GO111MODULE=', container, '--', 'sh', '-c', script]);
    // Kept to seed the root cache mount of each run (see seedCacheMounts).
    cpSync(join(root, 'root/.cache/go-build'), paths.warmGoBuildCache, { recursive: true });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Copies into the image the shared libraries these host executables load. */
function copyLibraries(root, executables) {
  for (const lib of sharedLibraries(executables)) {
    mkdirSync(dirname(join(root, lib)), { recursive: true });
    copyFileSync(lib, join(root, lib));
  }
}

/** A host executable and its shared libraries, at imagePath in the image. */
function installExecutable(root, hostPath, imagePath) {
  mkdirSync(dirname(join(root, imagePath)), { recursive: true });
  copyFileSync(hostPath, join(root, imagePath));
  copyLibraries(root, [hostPath]);
}

const basePath = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
/** Offline stand-ins for the public proxy and checksum database. */
const offlineModules = ['GOPROXY=file:///goproxy', 'GOSUMDB=off'];

/** Makes one container from scratch, lets populate fill its root, configures and commits it under names. */
function commitImage(names, label, populate, config, { from = 'scratch', prepare } = {}) {
  const container = mustBuildah(['from', '--pull=never', from]).trim();
  try {
    const root = mustBuildah(['mount', container]).trim();
    populate(root);
    mustBuildah(['config', '--label', `dockmod.builds=${label}`, ...config, container]);
    if (prepare) prepare(container, root);
    const [first, ...rest] = names.map(fullImageName);
    mustBuildah(['commit', '--quiet', container, first]);
    if (rest.length > 0) mustBuildah(['tag', first, ...rest]);
  } finally {
    buildah(['rm', container]);
  }
}

function golangImage(version, names, label, warm) {
  say(`image golang ${version}: ${names.join(', ')}`);
  commitImage(
    names,
    label,
    (root) => {
      populateBase(root);
      installGo(root, version);
      for (const dir of ['go/src', 'go/bin']) mkdirSync(join(root, dir), { recursive: true });
      chmodSync(join(root, 'go'), 0o1777);
      chmodSync(join(root, 'go/src'), 0o1777);
      chmodSync(join(root, 'go/bin'), 0o1777);
    },
    [
      // The official image's environment: GOPATH=/go, GOTOOLCHAIN=local, root, working dir /go, no GOCACHE.
      ...[`GOLANG_VERSION=${goVersionOf(version)}`, 'GOTOOLCHAIN=local', 'GOPATH=/go', `PATH=/go/bin:/usr/local/go/bin:${basePath}`, ...offlineModules].flatMap((e) => ['--env', e]),
      '--workingdir', '/go',
      '--user', '',
    ],
    { prepare: warm ? warmBuildCache : undefined },
  );
}

/** Made from the golang image of the same version (a small layer on top): its own user, HOME and Go paths. */
function goToolsetImage(version, golangName, names, label) {
  say(`image go-toolset ${version} (from ${golangName}): ${names.join(', ')}`);
  const home = '/opt/app-root/src';
  commitImage(
    names,
    label,
    (root) => {
      rmSync(join(root, 'go'), { recursive: true, force: true });
      writeFileSync(join(root, 'etc/passwd'), `${readFileSync(join(root, 'etc/passwd'), 'utf8')}default:x:1001:0:Default Application User:${home}:/sbin/nologin\n`);
      mkdirSync(join(root, 'usr/lib'), { recursive: true });
      symlinkSync('/usr/local/go', join(root, 'usr/lib/golang'));
      for (const tool of ['go', 'gofmt']) symlinkSync(`/usr/lib/golang/bin/${tool}`, join(root, 'usr/bin', tool));
      for (const dir of ['opt/app-root', 'opt/app-root/src']) {
        mkdirSync(join(root, dir), { recursive: true });
        chownSync(join(root, dir), 1001, 0);
        chmodSync(join(root, dir), 0o775);
      }
      // The golang image's warm build cache, as user 1001's (same GOROOT, so the same cache keys).
      cpSync(join(root, 'root/.cache'), join(root, 'opt/app-root/src/.cache'), { recursive: true });
      chownTree(join(root, 'opt/app-root/src/.cache'), 1001, 0);
    },
    [
      // Like ubi9/go-toolset: user 1001, HOME is the working dir, so GOPATH is ~/go and GOCACHE ~/.cache/go-build.
      '--env', 'GOPATH-', '--env', 'GOLANG_VERSION-',
      ...[`HOME=${home}`, 'APP_ROOT=/opt/app-root', `PATH=${home}/bin:/opt/app-root/bin:${basePath}`].flatMap((e) => ['--env', e]),
      '--workingdir', home,
      '--user', '1001',
    ],
    { from: fullImageName(golangName) },
  );
}

/** A node image: this machine's own node and npm (the suite runs on it), for the Node service of the examples. */
function nodeImage(names, label) {
  say(`image node ${process.versions.node}: ${names.join(', ')}`);
  const npmRoot = dirname(dirname(realpathSync(run('sh', ['-c', 'command -v npm']).output.trim())));
  commitImage(
    names,
    label,
    (root) => {
      populateBase(root);
      installExecutable(root, realpathSync(process.execPath), 'usr/local/bin/node');
      cpSync(npmRoot, join(root, 'usr/local/lib/node_modules/npm'), { recursive: true });
      symlinkSync('../lib/node_modules/npm/bin/npm-cli.js', join(root, 'usr/local/bin/npm'));
    },
    ['--env', `PATH=${basePath}`, '--env', `NODE_VERSION=${process.versions.node}`, '--workingdir', '/'],
  );
}

function runtimeImage(names, label) {
  say(`image runtime (busybox): ${names.join(', ')}`);
  commitImage(names, label, (root) => populateBase(root), ['--env', `PATH=${basePath}`, '--workingdir', '/']);
}

/** overlay when it works here (about twice as fast as vfs), else vfs. */
function chooseStorageDriver() {
  const remembered = join(workRoot, 'storage-driver');
  if (existsSync(remembered)) return writeBuildahConfig(readFileSync(remembered, 'utf8').trim());
  for (const driver of ['overlay', 'vfs']) {
    writeBuildahConfig(driver);
    const container = buildah(['from', 'scratch']);
    const mounted = container.status === 0 && buildah(['mount', container.output.trim()]).status === 0;
    if (container.status === 0) buildah(['rm', container.output.trim()]);
    if (mounted) {
      writeFileSync(remembered, driver);
      return say(`storage: ${driver} driver in ${paths.storage}`);
    }
    rmSync(paths.storage, { recursive: true, force: true });
  }
  throw new Error('buildah can use neither the overlay nor the vfs storage driver here');
}

/** The name as `buildah images` lists it: full, with :latest when it names no tag. */
const listedName = (name) => {
  const full = fullImageName(name);
  return full.split('/').pop().includes(':') ? full : `${full}:latest`;
};

const existingImages = () =>
  new Set(buildah(['images', '--format', '{{.Name}}:{{.Tag}}']).output.split('\n').filter(Boolean));

/** Proxies and images, remade only when their sources (modules, images.json, this recipe) changed. */
export function ensureImages() {
  mkdirSync(workRoot, { recursive: true });
  chooseStorageDriver();
  // Containers an interrupted run left in this private storage (never any other storage).
  buildah(['rm', '--all']);
  const images = JSON.parse(readFileSync(imagesFile, 'utf8'));
  const versions = [...new Set([...Object.keys(images.golang), ...Object.keys(images.goToolset)])].sort();
  ensureGo(versions);
  const label = treeDigest([join(suiteDir, 'modules'), join(suiteDir, 'private-modules'), imagesFile, join(suiteDir, 'lib/setup.mjs'), join(suiteDir, 'lib/proxy.mjs')]);
  const allNames = [...images.runtime, ...images.node, ...Object.values(images.golang).flat(), ...Object.values(images.goToolset).flat()].map(listedName);
  const stamp = join(workRoot, 'images.stamp');
  const present = existingImages();
  const upToDate = existsSync(stamp) && readFileSync(stamp, 'utf8') === label && existsSync(paths.warmGoBuildCache);
  if (upToDate && allNames.every((name) => present.has(name))) {
    return say(`images: ${allNames.length} names present (recipe ${label})`);
  }
  const stale = allNames.filter((name) => present.has(name));
  if (stale.length > 0) buildah(['rmi', '-f', ...stale]);
  for (const dir of [paths.proxy, paths.privateProxy, paths.warmGoBuildCache]) rmSync(dir, { recursive: true, force: true });
  const modules = writeProxy(join(suiteDir, 'modules'), paths.proxy);
  const privateModules = writeProxy(join(suiteDir, 'private-modules'), paths.privateProxy);
  say(`proxy: ${modules.map((m) => `${m.path}@${m.version}`).join(', ')}; private: ${privateModules.map((m) => m.path).join(', ')}`);
  runtimeImage(images.runtime, label);
  nodeImage(images.node, label);
  for (const [version, names] of Object.entries(images.golang)) golangImage(version, names, label, !images.notWarmed?.includes(version));
  for (const [version, names] of Object.entries(images.goToolset)) goToolsetImage(version, images.golang[version][0], names, label);
  writeFileSync(stamp, label);
}

/**
 * Each run starts from the same cache mounts: empty, except root's build cache, which holds the standard
 * packages the images were warmed with (as on any machine after its first build). Non-root cache mounts
 * start empty, so their uid=/gid= options are exercised for real.
 */
export function seedCacheMounts() {
  const root = join(paths.tmp, 'buildah-cache');
  rmSync(root, { recursive: true, force: true });
  cpSync(paths.warmGoBuildCache, join(root, 'root/.cache/go-build'), { recursive: true });
}
