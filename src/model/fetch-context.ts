// What a RUN sets up for the go commands in it to reach private modules, beside the environment (go-env.ts): git
// credentials and URL rewrites (`git config url."https://${TOKEN}@github.com/".insteadOf`, a `.netrc` written), and
// whether it takes them away again before it ends. A go command in another RUN never has what a RUN sets up after it
// started, nor what a RUN took away again.
import type { Document } from '../document.js';
import { commandsOf, type RunAnalysis } from '../run.js';
import type { SimpleCommand } from '../shell.js';

/** Files git and go read credentials and URL rewrites from. */
const CREDENTIAL_FILE = /(?:^|[\s/'"=>])\.(?:netrc|git-credentials|gitconfig)\b|\/etc\/gitconfig\b/;
/** git settings that give a fetch credentials or send it elsewhere. */
const GIT_FETCH_SETTING = /\b(?:url\.[^\s]*\.(?:insteadof|pushinsteadof)|credential\.|http\.[^\s]*extraheader)/i;
const GIT_UNSET = /\s--(?:unset(?:-all)?|remove-section)\b/;

const textOf = (doc: Document, command: SimpleCommand): string => doc.text.slice(command.start, command.end);

/** `git config ... url.X.insteadOf Y` (and credential helpers, extra headers), `gh auth setup-git`. */
function isGitFetchSetting(doc: Document, command: SimpleCommand): boolean {
  const [name, verb] = command.words.map((word) => word.value);
  if (name === 'gh') return verb === 'auth' && command.words.some((word) => word.value === 'setup-git');
  return name === 'git' && verb === 'config' && GIT_FETCH_SETTING.test(textOf(doc, command));
}

/** Writes or copies a credential file, or sets a git fetch setting (not an unset). */
function setsUpCredentials(doc: Document, command: SimpleCommand): boolean {
  if (isGitFetchSetting(doc, command)) return !GIT_UNSET.test(textOf(doc, command));
  const name = command.words[0]?.value;
  return name !== 'rm' && name !== 'unlink' && CREDENTIAL_FILE.test(textOf(doc, command));
}

/** Removes a credential file or unsets a git fetch setting. */
function takesCredentialsAway(doc: Document, command: SimpleCommand): boolean {
  if (isGitFetchSetting(doc, command)) return GIT_UNSET.test(textOf(doc, command));
  const name = command.words[0]?.value;
  return (name === 'rm' || name === 'unlink' || name === 'shred') && CREDENTIAL_FILE.test(textOf(doc, command));
}

/** The first command of the RUN before `offset` that sets up git credentials or URL rewrites for fetches. */
export function credentialSetupBefore(doc: Document, analysis: RunAnalysis, offset: number): SimpleCommand | undefined {
  return commandsOf(analysis).find((command) => command.start < offset && setsUpCredentials(doc, command));
}

/** The first command of the RUN after `offset` that takes credentials or URL rewrites away again. */
export function credentialTeardownAfter(doc: Document, analysis: RunAnalysis, offset: number): SimpleCommand | undefined {
  return commandsOf(analysis).find((command) => command.start > offset && takesCredentialsAway(doc, command));
}

/** What a credential command handles, for a note: `git config`, `gh auth setup-git`, or the file (`.netrc`). */
export function credentialsShown(doc: Document, command: SimpleCommand): string {
  const name = command.words[0]?.value;
  if (name === 'git') return 'git config';
  if (name === 'gh') return 'gh auth setup-git';
  const file = /\.(?:netrc|git-credentials|gitconfig)\b|\/etc\/gitconfig\b/.exec(textOf(doc, command));
  return file ? file[0] : 'a credential file';
}
