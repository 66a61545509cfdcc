// Which user a RUN runs as: the last USER of its stage (and the stages it is
// built FROM), resolved to a numeric uid/gid and a home directory when the
// Dockerfile itself says so: a numeric USER, or a name the stages created with
// `useradd -u` / `adduser -u` (and groups made with `groupadd -g` / `addgroup -g`).
// Nothing here reads the base image's /etc/passwd: what the file does not say
// stays unknown.
import type { Document, Instruction } from './document.js';
import { commandsOf } from './run.js';
import type { SimpleCommand } from './shell.js';
import { expandVariables, stageChain } from './stage-facts.js';
import { runAnalysisOf, stageOf, type Stage } from './stages.js';
import { objectCache } from './object-cache.js';

export interface RunUser {
  /** No USER instruction applies: the image's own default user. */
  imageDefault: boolean;
  root: boolean;
  /** The USER value as written, for messages. */
  written?: string;
  uid?: string;
  gid?: string;
  /** The home directory the user was created with (useradd -d, adduser -h, or /home/<name>). */
  home?: string;
  /** Why the uid cannot be known. */
  unknown?: string;
}

interface CreatedUser {
  name: string;
  uid?: string;
  /** A numeric gid, or a group name to resolve. */
  group?: string;
  home?: string;
}

interface CreatedGroup {
  name: string;
  gid?: string;
}

const NUMERIC = /^\d+$/;

/** The user `instruction` runs as, from the USER instructions and user creations before it. */
/** Two RUNs run as the same user when their USER is written the same (or both take the image's default). */
export function sameUserKey(user: RunUser): string {
  return `${user.imageDefault}:${user.written ?? ''}`;
}

export function userBefore(doc: Document, instruction: Instruction, env: ReadonlyMap<string, string | null>): RunUser {
  const stage = stageOf(doc, instruction);
  const chain = stage ? accountsOf(doc, stage) : NO_ACCOUNTS;
  const before = (item: { at: number }): boolean => item.at < instruction.start;
  const userInstruction = chain.userInstructions.findLast((item) => item.start < instruction.start);
  if (!userInstruction) return { imageDefault: true, root: true };
  const written = userInstruction.args.join(' ').trim();
  const expanded = expandVariables(written, env);
  if (expanded === undefined) return { imageDefault: false, root: false, written, unknown: `USER ${written} uses a variable with no known value` };
  const [name = '', group] = expanded.split(':');
  const users = chain.users.filter(before);
  const groups = chain.groups.filter(before);
  const resolveGroup = (value: string | undefined): string | undefined => {
    if (value === undefined) return undefined;
    if (NUMERIC.test(value)) return value;
    return groups.findLast((candidate) => candidate.name === value)?.gid;
  };
  if (name === 'root' || name === '0') return { imageDefault: false, root: true, written, home: '/root' };
  const created = users.findLast((user) => user.name === name || (NUMERIC.test(name) && user.uid === name));
  const uid = NUMERIC.test(name) ? name : created?.uid;
  const user: RunUser = { imageDefault: false, root: false, written };
  if (uid === undefined) {
    user.unknown = created
      ? `user ${name} is created without a fixed uid (useradd -u / adduser -u)`
      : `the uid of user ${name} is not set in this Dockerfile`;
    return user;
  }
  user.uid = uid;
  const gid = group !== undefined ? resolveGroup(group) : resolveGroup(created?.group);
  if (gid !== undefined) user.gid = gid;
  if (created?.home) user.home = created.home;
  return user;
}

/** The uid of a user written as a name or a number (`COPY --chown=appuser`), from the accounts created before `instruction`. */
export function uidOf(doc: Document, instruction: Instruction, user: string): string | undefined {
  if (NUMERIC.test(user)) return user;
  if (user === 'root') return '0';
  const stage = stageOf(doc, instruction);
  if (!stage) return undefined;
  return accountsOf(doc, stage).users.findLast((created) => created.at < instruction.start && created.name === user)?.uid;
}

/** The USER instructions and the accounts created along a stage chain, each with where it stands. */
interface ChainAccounts {
  userInstructions: Instruction[];
  users: (CreatedUser & { at: number })[];
  groups: (CreatedGroup & { at: number })[];
}

const NO_ACCOUNTS: ChainAccounts = { userInstructions: [], users: [], groups: [] };
const accountsCache = objectCache<Stage, ChainAccounts>();

/** Read once per stage: asking for every RUN of a long stage stays linear. */
function accountsOf(doc: Document, stage: Stage): ChainAccounts {
  const cached = accountsCache.get(stage);
  if (cached) return cached;
  const accounts: ChainAccounts = { userInstructions: [], users: [], groups: [] };
  for (const instruction of stageChain(stage).flatMap((s) => s.instructions)) {
    if (instruction.keyword === 'USER') accounts.userInstructions.push(instruction);
    if (instruction.keyword !== 'RUN' || !/user|group/.test(doc.text.slice(instruction.start, instruction.end))) continue;
    for (const command of commandsOf(runAnalysisOf(doc, instruction))) {
      const program = command.words[0]?.value.replace(/^.*\//, '');
      const at = instruction.start;
      if (program === 'useradd') pushDefined(accounts.users, readUseradd(command), at);
      else if (program === 'adduser') pushDefined(accounts.users, readAdduser(command), at);
      else if (program === 'groupadd' || program === 'addgroup') pushDefined(accounts.groups, readGroupadd(command), at);
    }
  }
  accountsCache.set(stage, accounts);
  return accounts;
}

function pushDefined<T>(list: (T & { at: number })[], item: T | undefined, at: number): void {
  if (item) list.push({ ...item, at });
}

interface ParsedOptions {
  values: Map<string, string>;
  switches: Set<string>;
  positionals: string[];
}

/**
 * Read `-u 1000`, `-u1000`, `--uid=1000`, `--uid 1000` and clustered short
 * switches (`-ms /bin/bash`), given which options take a value.
 */
function parseOptions(command: SimpleCommand, takesValue: ReadonlySet<string>): ParsedOptions {
  const words = command.words.slice(1).map((word) => word.value);
  const parsed: ParsedOptions = { values: new Map(), switches: new Set(), positionals: [] };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word.startsWith('--') && word.length > 2) {
      const equals = word.indexOf('=');
      const name = equals === -1 ? word : word.slice(0, equals);
      if (equals !== -1) parsed.values.set(name, word.slice(equals + 1));
      else if (takesValue.has(name)) parsed.values.set(name, words[++i] ?? '');
      else parsed.switches.add(name);
    } else if (word.startsWith('-') && word.length > 1) {
      for (let j = 1; j < word.length; j++) {
        const name = `-${word[j]}`;
        if (!takesValue.has(name)) {
          parsed.switches.add(name);
          continue;
        }
        parsed.values.set(name, j + 1 < word.length ? word.slice(j + 1) : words[++i] ?? '');
        break;
      }
    } else {
      parsed.positionals.push(word);
    }
  }
  return parsed;
}

const USERADD_VALUES = new Set([
  '-b', '--base-dir', '-c', '--comment', '-d', '--home-dir', '-e', '--expiredate', '-f', '--inactive',
  '-g', '--gid', '-G', '--groups', '-k', '--skel', '-K', '--key', '-p', '--password', '-s', '--shell',
  '-u', '--uid', '-R', '--root', '-P', '--prefix', '-Z', '--selinux-user',
]);

function readUseradd(command: SimpleCommand): CreatedUser | undefined {
  const options = parseOptions(command, USERADD_VALUES);
  const name = options.positionals.at(-1);
  if (!name) return undefined;
  const user: CreatedUser = { name };
  const uid = options.values.get('-u') ?? options.values.get('--uid');
  if (uid !== undefined && NUMERIC.test(uid)) user.uid = uid;
  const group = options.values.get('-g') ?? options.values.get('--gid');
  if (group !== undefined) user.group = group;
  const base = options.values.get('-b') ?? options.values.get('--base-dir') ?? '/home';
  user.home = options.values.get('-d') ?? options.values.get('--home-dir') ?? `${base.replace(/\/+$/, '')}/${name}`;
  return user;
}

// BusyBox adduser (-u -G -h; -g is the GECOS field there) and Debian adduser (--uid --gid --ingroup --home).
const ADDUSER_VALUES = new Set([
  '-h', '-g', '-s', '-G', '-u', '-k',
  '--home', '--shell', '--uid', '--gid', '--ingroup', '--gecos', '--comment', '--firstuid', '--lastuid', '--conf',
]);

function readAdduser(command: SimpleCommand): CreatedUser | undefined {
  const options = parseOptions(command, ADDUSER_VALUES);
  const [name, extraGroup] = options.positionals;
  if (!name) return undefined;
  const user: CreatedUser = { name };
  const uid = options.values.get('-u') ?? options.values.get('--uid');
  if (uid !== undefined && NUMERIC.test(uid)) user.uid = uid;
  const group = options.values.get('--gid') ?? options.values.get('-G') ?? options.values.get('--ingroup');
  // `adduser NAME GROUP` means "create in GROUP" to BusyBox but "add to GROUP" to Debian: leave the gid unknown.
  if (group !== undefined && extraGroup === undefined) user.group = group;
  const home = options.values.get('-h') ?? options.values.get('--home');
  // Debian's system users live in /nonexistent unless told otherwise.
  if (home !== undefined) user.home = home;
  else if (!options.switches.has('--system')) user.home = `/home/${name}`;
  return user;
}

const GROUPADD_VALUES = new Set(['-g', '--gid', '-K', '--key', '-p', '--password', '-R', '--root', '-P', '--prefix', '-U', '--users']);

function readGroupadd(command: SimpleCommand): CreatedGroup | undefined {
  const options = parseOptions(command, GROUPADD_VALUES);
  // `addgroup USER GROUP` adds a user to a group: not a group creation.
  if (options.positionals.length !== 1) return undefined;
  const group: CreatedGroup = { name: options.positionals[0]! };
  const gid = options.values.get('-g') ?? options.values.get('--gid');
  if (gid !== undefined && NUMERIC.test(gid)) group.gid = gid;
  return group;
}
