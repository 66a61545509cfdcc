// Dockerfile line continuations: the escape character (`\` or the one an
// `# escape=` directive sets) with only blanks between it and the line break.
// Inside a continued instruction Docker also drops blank and comment lines.

/** Offset just past the line break (\r\n or \n) when only blanks stand between `from` and it, else -1. */
export function lineBreakAfterBlanks(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
  if (text[i] === '\r' && text[i + 1] === '\n') return i + 2;
  if (text[i] === '\n') return i + 1;
  return -1;
}

/** Skip the blank and comment lines from `from` on, which Docker drops inside a continued instruction. */
export function skipDroppedLines(text: string, from: number, end: number): number {
  let i = from;
  for (;;) {
    let j = i;
    while (j < end && (text[j] === ' ' || text[j] === '\t')) j++;
    const blank = text[j] === '\n' || (text[j] === '\r' && text[j + 1] === '\n');
    if (!blank && text[j] !== '#') return i;
    const newline = text.indexOf('\n', j);
    if (newline === -1 || newline >= end) return i;
    i = newline + 1;
  }
}

/** Where the instruction goes on when a line continuation starts at `at` (dropped lines skipped), else -1. */
export function continuationEnd(text: string, at: number, end: number, escapeChar: string): number {
  if (text[at] !== escapeChar) return -1;
  const after = lineBreakAfterBlanks(text, at + 1, end);
  return after === -1 ? -1 : skipDroppedLines(text, after, end);
}

/** Skip blanks and line continuations (with the comment and blank lines Docker drops after them). */
export function skipBlanksAndContinuations(text: string, from: number, end: number, escapeChar: string): { offset: number; crossed: boolean } {
  let i = from;
  let crossed = false;
  for (;;) {
    while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
    const next = continuationEnd(text, i, end, escapeChar);
    if (next === -1) return { offset: i, crossed };
    i = next;
    crossed = true;
  }
}

/** A regular expression source matching a line continuation: the escape character, blanks, a line break. */
export function continuationPattern(escapeChar: string): string {
  return `${escapeChar === '\\' ? '\\\\' : escapeChar}[ \\t]*\\r?\\n`;
}

/** Does this text (a line without its line break) end with the escape character, trailing blanks aside? */
export function endsWithEscape(line: string, escapeChar: string): boolean {
  return line.replace(/[ \t]+$/, '').endsWith(escapeChar);
}
