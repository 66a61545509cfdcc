// GitHub Actions workflow commands: annotations on the pull request.
// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
import type { FileResult } from '../files.js';
import type { Mode } from '../report.js';

/** Message text: %, CR and LF must be escaped. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values: also `:` and `,`, which separate the properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(kind: 'error' | 'warning' | 'notice', properties: Record<string, string | number | undefined>, message: string): string {
  const props = Object.entries(properties)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${kind} ${props}::${escapeData(message)}`;
}

/**
 * One `::warning` per pending change (a `::notice` once --write wrote it),
 * one `::notice` per note, one `::error` per file that could not be processed.
 */
export function githubReport(results: readonly FileResult[], mode: Mode, summaryOf: (id: string) => string): string {
  const lines: string[] = [];
  for (const result of results) {
    if (result.status === 'error') {
      lines.push(command('error', { file: result.path, title: 'dockmod' }, result.error ?? 'failed'));
      continue;
    }
    for (const change of result.changes) {
      const title = `dockmod ${change.transform}`;
      if (mode === 'write') lines.push(command('notice', { file: result.path, line: change.line, title }, `changed: ${summaryOf(change.transform)}`));
      else lines.push(command('warning', { file: result.path, line: change.line, title }, `${summaryOf(change.transform)} Run dockmod --write to apply it.`));
    }
    for (const note of result.notes) {
      lines.push(command('notice', { file: result.path, line: note.line, title: `dockmod ${note.transform}` }, note.message));
    }
  }
  return lines.map((line) => `${line}\n`).join('');
}
