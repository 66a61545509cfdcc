// SARIF 2.1.0 for code scanning: one rule per transform, one result per
// pending change (warning), per note (note) and per ignored spot (suppressed
// in source). Errors go to the invocation's notifications.
import { pathToFileURL } from 'node:url';
import type { FileResult } from '../files.js';
import { IGNORE_NOTE_SOURCE } from '../ignores.js';
import type { Mode } from '../report.js';
import type { NoteSuggestion } from '../pipeline.js';

export interface RuleInfo {
  id: string;
  summary: string;
}

export interface SarifSettings {
  mode: Mode;
  rules: readonly RuleInfo[];
  version: string;
  /** The folder display paths are relative to. */
  cwd: string;
}

const SRCROOT = '%SRCROOT%';
const IGNORE_RULE: RuleInfo = { id: IGNORE_NOTE_SOURCE, summary: 'Inline dockmod-ignore comments that are misplaced or name unknown transforms.' };

/** A display path (forward slashes, relative to cwd) as a relative URI reference. */
function artifactUri(displayPath: string): string {
  return displayPath.split('/').map(encodeURIComponent).join('/');
}

function location(displayPath: string, line?: number) {
  return {
    physicalLocation: {
      artifactLocation: { uri: artifactUri(displayPath), uriBaseId: SRCROOT },
      ...(line ? { region: { startLine: line } } : {}),
    },
  };
}

/** A note's suggestion as a SARIF fix (its edits as replacements in the input). */
function suggestedFix(displayPath: string, suggestion: NoteSuggestion) {
  return {
    description: { text: `suggested: ${suggestion.description}` },
    artifactChanges: [
      {
        artifactLocation: { uri: artifactUri(displayPath), uriBaseId: SRCROOT },
        replacements: suggestion.replacements.map((edit) => ({
          deletedRegion: { startLine: edit.line, startColumn: edit.column, endLine: edit.endLine, endColumn: edit.endColumn },
          insertedContent: { text: edit.text },
        })),
      },
    ],
  };
}

export function sarifReport(results: readonly FileResult[], settings: SarifSettings): object {
  const rules: RuleInfo[] = [...settings.rules];
  if (results.some((result) => result.notes.some((note) => note.transform === IGNORE_RULE.id))) rules.push(IGNORE_RULE);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const summaryOf = (id: string): string => rules[ruleIndex.get(id) ?? -1]?.summary ?? id;
  const reference = (id: string) => (ruleIndex.has(id) ? { ruleId: id, ruleIndex: ruleIndex.get(id) } : { ruleId: id });
  const written = settings.mode === 'write';

  const sarifResults: object[] = [];
  for (const result of results) {
    if (result.status === 'error') continue;
    for (const change of result.changes) {
      const verb = written ? 'dockmod changed this line' : 'dockmod would change this line';
      sarifResults.push({
        ...reference(change.transform),
        level: written ? 'note' : 'warning',
        message: { text: `${verb} (${change.transform}): ${summaryOf(change.transform)}${written ? '' : ' Run dockmod --write to apply it.'}` },
        locations: [location(result.path, change.line)],
      });
    }
    for (const note of result.notes) {
      const fixes = note.suggestion && !note.suggestion.applied ? { fixes: [suggestedFix(result.path, note.suggestion)] } : {};
      sarifResults.push({ ...reference(note.transform), level: 'note', message: { text: note.message }, locations: [location(result.path, note.line)], ...fixes });
    }
    for (const spot of result.ignored ?? []) {
      sarifResults.push({
        ...reference(spot.transform),
        level: 'note',
        message: { text: `a dockmod-ignore comment keeps ${spot.transform} away from this instruction` },
        locations: [location(result.path, spot.line)],
        suppressions: [{ kind: 'inSource' }],
      });
    }
  }

  const errors = results.filter((result) => result.status === 'error');
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'dockmod',
            version: settings.version,
            rules: rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.summary },
              defaultConfiguration: { level: 'warning' },
            })),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(settings.cwd).href.replace(/\/?$/, '/')}` } },
        invocations: [
          {
            executionSuccessful: errors.length === 0,
            toolExecutionNotifications: errors.map((result) => ({
              level: 'error',
              message: { text: `${result.path}: ${result.error ?? 'failed'}` },
              locations: [location(result.path)],
            })),
          },
        ],
        results: sarifResults,
      },
    ],
  };
}
