// SARIF 2.1.0 for code scanning: one rule per transform, one result per
// pending change (warning), per note (note) and per ignored spot (suppressed
// in source). Errors go to the invocation's notifications. Locations are
// relative to the repository root (%SRCROOT%), as code scanning expects.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FileResult } from '../files.js';
import { IGNORE_NOTE_SOURCE } from '../ignores.js';
import type { Mode } from '../report.js';
import type { NoteSuggestion } from '../pipeline.js';
import { repositoryRoot } from '../repository.js';
import { changeMessage } from './messages.js';
import { readmeUrl, ruleDocs, transformRules, type RuleDocs } from './rules.js';

export interface SarifSettings {
  mode: Mode;
  version: string;
  /** The folder display paths are relative to. */
  cwd: string;
  /** The README on the web (package.json's homepage). */
  homepage: string;
}

const SRCROOT = '%SRCROOT%';

function rule(docs: RuleDocs, homepage: string) {
  const helpUri = homepage ? readmeUrl(homepage, docs.anchor) : 'the README';
  return {
    id: docs.id,
    shortDescription: { text: docs.summary },
    fullDescription: { text: `${docs.summary} Why: ${docs.why}.` },
    help: {
      text: `${docs.summary}\n\nWhy: ${docs.why}.\n\nRun dockmod --write to apply pending changes. Documentation: ${helpUri}`,
      markdown: `**${docs.summary}**\n\nWhy: ${docs.why}.\n\nRun \`dockmod --write\` to apply pending changes. [Documentation](${helpUri})`,
    },
    ...(homepage ? { helpUri } : {}),
    defaultConfiguration: { level: 'warning' },
  };
}

/** A note's suggestion as a SARIF fix (its edits as replacements in the input). */
function suggestedFix(artifactLocation: object, suggestion: NoteSuggestion) {
  return {
    description: { text: `suggested: ${suggestion.description}` },
    artifactChanges: [
      {
        artifactLocation,
        replacements: suggestion.replacements.map((edit) => ({
          deletedRegion: { startLine: edit.line, startColumn: edit.column, endLine: edit.endLine, endColumn: edit.endColumn },
          insertedContent: { text: edit.text },
        })),
      },
    ],
  };
}

export function sarifReport(results: readonly FileResult[], settings: SarifSettings): object {
  const rules = transformRules();
  if (results.some((result) => result.notes.some((note) => note.transform === IGNORE_NOTE_SOURCE))) rules.push(ruleDocs(IGNORE_NOTE_SOURCE));
  const ruleIndex = new Map(rules.map((docs, index) => [docs.id, index]));
  const reference = (id: string) => (ruleIndex.has(id) ? { ruleId: id, ruleIndex: ruleIndex.get(id) } : { ruleId: id });
  const written = settings.mode === 'write';
  const root = repositoryRoot(settings.cwd) ?? settings.cwd;

  /** A display path (relative to cwd) as a URI reference relative to the repository root. */
  const location = (displayPath: string, line?: number) => {
    const relative = path.relative(root, path.resolve(settings.cwd, displayPath)).split(path.sep);
    return {
      physicalLocation: {
        artifactLocation: { uri: relative.map(encodeURIComponent).join('/'), uriBaseId: SRCROOT },
        ...(line ? { region: { startLine: line } } : {}),
      },
    };
  };

  const sarifResults: object[] = [];
  for (const result of results) {
    if (result.status === 'error') continue;
    for (const change of result.changes) {
      sarifResults.push({
        ...reference(change.transform),
        level: written ? 'note' : 'warning',
        message: { text: changeMessage(change, written) },
        locations: [location(result.path, change.line)],
      });
    }
    for (const note of result.notes) {
      const fixes = note.suggestion && !note.suggestion.applied ? { fixes: [suggestedFix(location(result.path).physicalLocation.artifactLocation, note.suggestion)] } : {};
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
        tool: { driver: { name: 'dockmod', version: settings.version, ...(settings.homepage ? { informationUri: settings.homepage.replace(/#.*$/, '') } : {}), rules: rules.map((docs) => rule(docs, settings.homepage)) } },
        originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(root).href.replace(/\/?$/, '/')}` } },
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
