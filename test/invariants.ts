// The five safety properties every rewrite must keep, as reusable checks for
// the property tests (generated Dockerfiles) and the corpus (realistic ones).
// Each check returns the list of violations, empty when the property holds.
import { applyPatch, diffArrays } from 'diff';
import { unifiedDiff } from '../src/diff.js';
import { detectEol, parseDocument, type Document, type Instruction } from '../src/document.js';
import { DockmodError } from '../src/errors.js';
import { rewriteText, type RewriteOptions, type RewriteResult } from '../src/pipeline.js';
import { commandsOf, getsOwnDependencies, goInvocation, goVerb } from '../src/run.js';
import type { SimpleCommand } from '../src/shell.js';
import { runAnalysisOf } from '../src/stages.js';

export type Outcome = { ok: true; result: RewriteResult } | { ok: false; error: unknown };

/** Property 1: the pipeline never throws on valid input (and anything thrown is at least a DockmodError). */
export function rewriteSafely(input: string, settings: RewriteOptions): Outcome {
  try {
    return { ok: true, result: rewriteText(input, settings) };
  } catch (error) {
    return { ok: false, error };
  }
}

export function describeError(error: unknown): string {
  const kind = error instanceof DockmodError ? 'DockmodError' : 'unexpected error';
  return `${kind}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
}

const BOM = /^(?:\uFEFF|\u00EF\u00BB\u00BF)/;
const withoutBom = (text: string): string => text.replace(BOM, '');

/** Lines with their line endings, so a changed line ending is a changed line. */
export function linesOf(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function instructionAt(doc: Document, line: number): Instruction | undefined {
  return doc.instructions.find((instruction) => instruction.line <= line && line <= instruction.endLine) ??
    doc.instructions.find((instruction) => instruction.line > line);
}

function isBlankOrComment(lines: string[], line: number): boolean {
  const content = lines[line]?.trim() ?? '';
  return content === '' || content.startsWith('#');
}

/**
 * Input lines a rewrite may touch: the lines of every instruction a transform
 * reported changing and, for an instruction removed whole, the comment and
 * blank lines between it and its neighbours.
 */
function touchableLines(doc: Document, lines: string[], result: RewriteResult): Set<number> {
  const touchable = new Set<number>();
  for (const change of result.changes) {
    const line = change.line - 1;
    const owner = instructionAt(doc, line);
    if (!owner) continue;
    for (let l = owner.line; l <= owner.endLine; l++) touchable.add(l);
    if (change.transform !== 'drop-mod-download') continue;
    const previousEnd = doc.instructions[owner.index - 1]?.endLine ?? -1;
    for (let l = owner.line - 1; l > previousEnd && isBlankOrComment(lines, l); l--) touchable.add(l);
    const nextStart = doc.instructions[owner.index + 1]?.line ?? lines.length;
    for (let l = owner.endLine + 1; l < nextStart && lines[l]?.trim() === ''; l++) touchable.add(l);
  }
  return touchable;
}

/**
 * Property 2: bytes outside the edited instructions are unchanged. Lines are
 * compared with their line endings. The input lines no edit may touch (see
 * touchableLines) must all appear in the output, unchanged and in order; every
 * other output line is one of the touchable lines it stands among, or belongs
 * to an instruction (or is blank, or the syntax directive add-cache-mounts may
 * add) and stands where the input had an edit (between the same untouched
 * lines as a touchable line or a reported change).
 * This is decided without a diff, whose alignment of equal lines (a comment
 * above and below a removed RUN) is arbitrary; a diff only explains a failure.
 */
export function changesOutsideEdits(input: string, result: RewriteResult): string[] {
  const problems: string[] = [];
  if ((BOM.exec(input)?.[0] ?? '') !== (BOM.exec(result.output)?.[0] ?? '')) problems.push('the BOM changed');
  const before = withoutBom(input);
  const after = withoutBom(result.output);
  const inLines = linesOf(before);
  const outLines = linesOf(after);
  // Without a final newline on either side, removing the last line takes the line break before it: not a change to that line.
  if (!/\n$/.test(before) && !/\n$/.test(after)) {
    const eol = detectEol(before);
    if (inLines.length > 0) inLines[inLines.length - 1] += eol;
    if (outLines.length > 0) outLines[outLines.length - 1] += eol;
  }
  for (const reported of [...result.changes, ...result.notes]) {
    if (reported.line < 1 || reported.line > Math.max(inLines.length, 1)) {
      problems.push(`${reported.transform} reported line ${reported.line}, outside the input's ${inLines.length} lines`);
    }
  }
  const inDoc = parseDocument(before);
  const outDoc = parseDocument(after);
  const touchable = touchableLines(inDoc, inLines, result);
  // A change is reported at its instruction; text inserted before that instruction may stand anywhere among the comment and blank lines above it.
  const changeLines = new Set<number>();
  for (const change of result.changes) {
    const line = change.line - 1;
    const owner = instructionAt(inDoc, line);
    const from = owner?.line === line ? (inDoc.instructions[owner.index - 1]?.endLine ?? -1) + 1 : line;
    for (let l = from; l <= line; l++) changeLines.add(l);
  }
  const outInstructionLines = new Set<number>();
  for (const instruction of outDoc.instructions) {
    for (let l = instruction.line; l <= instruction.endLine; l++) outInstructionLines.add(l);
  }

  const kept = inLines.flatMap((_, line) => (touchable.has(line) ? [] : [line]));
  // editsUpTo[l]: how many input lines before l are touchable or hold a reported change.
  const editsUpTo = [0];
  inLines.forEach((_, line) => editsUpTo.push(editsUpTo[line]! + (touchable.has(line) || changeLines.has(line) ? 1 : 0)));
  /** Between kept[k - 1] and kept[k] (both included) the input had an edit. */
  const editedGap = (k: number): boolean => {
    const from = kept[k - 1] ?? 0;
    const to = kept[k] ?? inLines.length - 1;
    return editsUpTo[to + 1]! - editsUpTo[from]! > 0;
  };
  // The touchable lines of each gap between kept lines: they may stay as they were, change or go.
  const touchableInGap = Array.from({ length: kept.length + 1 }, (_, k) => {
    const from = (kept[k - 1] ?? -1) + 1;
    const to = kept[k] ?? inLines.length;
    return new Set(inLines.slice(from, to));
  });
  const mayStand = (line: number, k: number): boolean =>
    touchableInGap[k]!.has(outLines[line]!) || ((outInstructionLines.has(line) || outLines[line]!.trim() === '') && editedGap(k));

  // reached[k]: the output lines read so far can hold the first k kept lines.
  let reached = new Uint8Array(kept.length + 1);
  reached[0] = 1;
  for (const [line, text] of outLines.entries()) {
    const next = new Uint8Array(kept.length + 1);
    for (let k = 0; k <= kept.length; k++) {
      if (!reached[k]) continue;
      if (k < kept.length && inLines[kept[k]!] === text) next[k + 1] = 1;
      if (mayStand(line, k) || isAddedSyntaxDirective(text, line, outDoc)) next[k] = 1;
    }
    reached = next;
  }
  if (!reached[kept.length]) problems.push(...explainedByDiff(inLines, outLines, touchable));
  return problems;
}

/** Name the lines that show the problem, from a line diff (any alignment will do here). */
function explainedByDiff(inLines: string[], outLines: string[], touchable: Set<number>): string[] {
  const problems: string[] = [];
  let inIndex = 0;
  let outIndex = 0;
  for (const part of diffArrays(inLines, outLines)) {
    const count = part.value.length;
    if (part.removed) {
      for (let l = inIndex; l < inIndex + count; l++) {
        if (!touchable.has(l)) problems.push(`input line ${l + 1} changed outside the reported edits: ${JSON.stringify(inLines[l])}`);
      }
      inIndex += count;
    } else if (part.added) {
      for (let l = outIndex; l < outIndex + count; l++) problems.push(`output line ${l + 1} added: ${JSON.stringify(outLines[l])}`);
      outIndex += count;
    } else {
      inIndex += count;
      outIndex += count;
    }
  }
  return ['the untouched input lines do not all appear unchanged, in order, with only new instructions between them', ...problems];
}

/** add-cache-mounts may add `# syntax=docker/dockerfile:1` (option syntaxDirective) among the parser directives. */
function isAddedSyntaxDirective(line: string, index: number, doc: Document): boolean {
  return /^# syntax=docker\/dockerfile:1\r?\n?$/.test(line) && index < (doc.instructions[0]?.line ?? Infinity);
}

/** Property 3: a second run changes nothing. */
export function secondRunChanges(result: RewriteResult, settings: RewriteOptions): string[] {
  const again = rewriteText(result.output, settings);
  if (!again.changed && again.output === result.output) return [];
  return [`a second run changed the output again (by ${again.changedBy.join(', ')}):\n${unifiedDiff('Dockerfile', result.output, again.output)}`];
}

/** Property 4: the dry-run diff applied to the input gives the output. */
export function diffMismatch(input: string, result: RewriteResult): string[] {
  const patch = unifiedDiff('Dockerfile', input, result.output);
  if (patch === '') return result.output === input ? [] : ['the output differs but the diff is empty'];
  const patched = applyPatch(input, patch);
  if (patched === false) return [`the dry-run diff does not apply to the input:\n${patch}`];
  return patched === result.output ? [] : [`the dry-run diff applied to the input differs from the output:\n${patch}`];
}

/**
 * Property 5: the output parses, and its instructions are the input's, less
 * RUNs that only ran go mod download, plus RUNs that only run go mod tidy: with
 * the RUNs that only touch modules left out, the keyword sequences are equal.
 */
export function structureChanges(input: string, result: RewriteResult): string[] {
  let outDoc: Document;
  try {
    outDoc = parseDocument(withoutBom(result.output));
  } catch (error) {
    return [`the output no longer parses: ${describeError(error)}`];
  }
  const inDoc = parseDocument(withoutBom(input));
  const before = census(inDoc);
  const after = census(outDoc);
  const problems: string[] = [];
  if (after.tidyOnly < before.tidyOnly) problems.push(`RUN go mod tidy instructions went from ${before.tidyOnly} to ${after.tidyOnly}`);
  if (after.downloadOnly > before.downloadOnly) problems.push(`RUN go mod download instructions went from ${before.downloadOnly} to ${after.downloadOnly}`);
  if (before.others.join(' ') !== after.others.join(' ')) {
    problems.push(`the other instructions changed from\n  ${before.others.join(' ')}\nto\n  ${after.others.join(' ')}`);
  }
  return problems;
}

interface Census {
  tidyOnly: number;
  downloadOnly: number;
  /** The keywords of every other instruction, in order. */
  others: string[];
}

function census(doc: Document): Census {
  const counts: Census = { tidyOnly: 0, downloadOnly: 0, others: [] };
  for (const instruction of doc.instructions) {
    const kind = instruction.keyword === 'RUN' ? runKind(doc, instruction) : undefined;
    if (kind === 'tidy') counts.tidyOnly++;
    else if (kind === 'download') counts.downloadOnly++;
    else if (kind !== 'modules') counts.others.push(instruction.keyword);
  }
  return counts;
}

/** RUNs that only run go mod download, only go mod tidy, or only module commands of those kinds. */
function runKind(doc: Document, instruction: Instruction): 'tidy' | 'download' | 'modules' | undefined {
  const analysis = runAnalysisOf(doc, instruction);
  if (analysis.unclear) return undefined;
  const verbs = commandsOf(analysis).map(verbOf);
  if (verbs.length === 1 && verbs[0] === 'mod tidy') return 'tidy';
  if (!verbs.every((verb) => MODULE_ONLY.has(verb))) return undefined;
  if (verbs.includes('mod download') && !verbs.includes('mod tidy')) return 'download';
  return verbs.some((verb) => verb.startsWith('mod ')) ? 'modules' : undefined;
}

const MODULE_ONLY = new Set(['mod download', 'mod verify', 'mod tidy', 'true', ':', 'residue']);
/** What a download brings along and goes with it (drop-mod-download's residue): cd, messages, retry loops, conditions, exports. */
const RESIDUE = new Set(['cd', 'echo', 'printf', 'sleep', 'break', 'continue', 'exit', 'set', '[', '[[', 'test', 'for', 'export']);

function verbOf(command: SimpleCommand): string {
  const go = goInvocation(command);
  // drop-mod-download takes `go get -d ./...` for the download it is in module mode.
  if (go) return getsOwnDependencies(go) ? 'mod download' : goVerb(go);
  if (command.assignments.length === 0 && !command.redirected && RESIDUE.has(command.words[0]?.value ?? '')) return 'residue';
  return command.assignments.length === 0 && command.words.length === 1 ? command.words[0]!.value : '';
}

/** All five properties for one input; an empty list when they hold. */
export function checkAll(input: string, settings: RewriteOptions): string[] {
  const outcome = rewriteSafely(input, settings);
  if (!outcome.ok) return [describeError(outcome.error)];
  const { result } = outcome;
  return [
    ...changesOutsideEdits(input, result),
    ...secondRunChanges(result, settings),
    ...diffMismatch(input, result),
    ...structureChanges(input, result),
  ];
}
