// GitHub Actions workflow commands: annotations on the pull request, and a
// Markdown summary for the job's page.
// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
import type { FileResult } from '../files.js';
import { summaryLine, totalsOf, type Mode } from '../report.js';
import { changeMessage } from './messages.js';
import { ruleDocs } from './rules.js';

/** GitHub shows at most this many annotations of each kind (error, warning, notice) per step. */
export const ANNOTATIONS_PER_KIND = 10;
/** Items listed per section of the step summary (GitHub keeps at most 1 MiB of it). */
const SUMMARY_ITEMS = 200;

type Kind = 'error' | 'warning' | 'notice';

interface Annotation {
  kind: Kind;
  file: string;
  line?: number;
  title: string;
  message: string;
  /** Lower first (see rules.ts); errors and notes before changes already written. */
  rank: number;
  /** The file's place in the run (results come in path order). */
  fileIndex: number;
}

/** Message text: %, CR and LF must be escaped. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values: also `:` and `,`, which separate the properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command({ kind, file, line, title, message }: Annotation): string {
  const props = Object.entries({ file, line, title })
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${kind} ${props}::${escapeData(message)}`;
}

/** Every annotation of the run, most important first within each kind. */
function annotationsOf(results: readonly FileResult[], mode: Mode): Annotation[] {
  const written = mode === 'write';
  const annotations: Annotation[] = [];
  for (const [fileIndex, result] of results.entries()) {
    if (result.status === 'error') {
      annotations.push({ kind: 'error', file: result.path, title: 'dockmod', message: result.error ?? 'failed', rank: 0, fileIndex });
      continue;
    }
    for (const note of result.notes) {
      annotations.push({ kind: 'notice', file: result.path, line: note.line, title: `dockmod ${note.transform}`, message: note.message, rank: ruleDocs(note.transform).rank, fileIndex });
    }
    for (const change of result.changes) {
      const rank = ruleDocs(change.transform).rank + (written ? 100 : 0);
      annotations.push({ kind: written ? 'notice' : 'warning', file: result.path, line: change.line, title: `dockmod ${change.transform}`, message: changeMessage(change, written), rank, fileIndex });
    }
  }
  return annotations.sort((a, b) => a.rank - b.rank || a.fileIndex - b.fileIndex || (a.line ?? 0) - (b.line ?? 0));
}

/**
 * One `::warning` per pending change (a `::notice` once --write wrote it), one
 * `::notice` per note, one `::error` per file that could not be processed; the
 * most important first, at most ANNOTATIONS_PER_KIND of each kind. The rest
 * are plain log lines, so the log still has everything.
 */
export function githubReport(results: readonly FileResult[], mode: Mode): string {
  const shown: Record<Kind, number> = { error: 0, warning: 0, notice: 0 };
  const lines: string[] = [];
  const rest: Annotation[] = [];
  for (const annotation of annotationsOf(results, mode)) {
    if (shown[annotation.kind]++ < ANNOTATIONS_PER_KIND) lines.push(command(annotation));
    else rest.push(annotation);
  }
  if (rest.length > 0) {
    lines.push(`dockmod: ${rest.length} more not annotated (GitHub shows ${ANNOTATIONS_PER_KIND} of each kind per step):`);
    for (const annotation of rest) lines.push(`${annotation.kind}: ${annotation.file}${annotation.line ? `:${annotation.line}` : ''}  ${annotation.title.replace(/^dockmod /, '')}  ${annotation.message}`);
  }
  return lines.map((line) => `${line}\n`).join('');
}

/** Text for a Markdown table cell or list item: no HTML, no table breaks, one line. */
function markdown(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

const code = (text: string): string => `<code>${markdown(text)}</code>`;

function section(title: string, items: string[]): string[] {
  if (items.length === 0) return [];
  const more = items.length > SUMMARY_ITEMS ? [`- … and ${items.length - SUMMARY_ITEMS} more`] : [];
  return [`### ${title}`, '', ...items.slice(0, SUMMARY_ITEMS), ...more, ''];
}

/** The Markdown appended to $GITHUB_STEP_SUMMARY: totals, the files concerned, changes, notes and errors. */
export function githubStepSummary(results: readonly FileResult[], mode: Mode): string {
  const written = mode === 'write';
  const concerned = results.filter((result) => result.status !== 'unchanged' || result.notes.length > 0);
  const status = (result: FileResult): string => (result.status === 'error' ? 'error' : result.status === 'changed' ? (written ? 'changed' : 'would change') : 'unchanged');
  const files = concerned.length === 0 ? [] : [
    '| file | status | changes | notes |',
    '| --- | --- | --- | --- |',
    ...concerned.slice(0, SUMMARY_ITEMS).map((result) => `| ${code(result.path)} | ${status(result)} | ${result.changes.length} | ${result.notes.length} |`),
    ...(concerned.length > SUMMARY_ITEMS ? [`| … and ${concerned.length - SUMMARY_ITEMS} more | | | |`] : []),
    '',
  ];
  const changes = results.flatMap((result) =>
    result.changes.map((change) => `- ${code(`${result.path}:${change.line}`)} **${change.transform}**: ${markdown(changeMessage(change, written))}`),
  );
  const notes = results.flatMap((result) => result.notes.map((note) => `- ${code(`${result.path}:${note.line}`)} **${note.transform}**: ${markdown(note.message)}`));
  const errors = results.filter((result) => result.status === 'error').map((result) => `- ${code(result.path)}: ${markdown(result.error ?? 'failed')}`);
  return [
    '## dockmod',
    '',
    markdown(summaryLine(totalsOf(results), mode).replace(/^dockmod: /, '')),
    '',
    ...files,
    ...section('Errors', errors),
    ...section(written ? 'Changes written' : 'Changes pending', changes),
    ...section('Notes', notes),
  ].join('\n');
}
