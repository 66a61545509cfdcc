// Line continuations as Docker reads them: the escape character, blanks, a
// line break, and the blank and comment lines dropped after it.
import { describe, expect, it } from 'vitest';
import { continuationEnd, continuationPattern, endsWithEscape, skipBlanksAndContinuations } from '../src/continuations.js';
import { joinContinuations } from '../src/shell.js';

describe('continuationEnd', () => {
  it('goes past the line break, LF or CRLF, with blanks before it', () => {
    expect(continuationEnd('a \\\nb', 2, 5, '\\')).toBe(4);
    expect(continuationEnd('a \\ \t\r\nb', 2, 8, '\\')).toBe(7);
  });

  it('drops the blank and comment lines that follow, not the line that goes on', () => {
    const text = 'RUN a \\\r\n\r\n  # note\r\n  b';
    expect(text.slice(continuationEnd(text, 6, text.length, '\\'))).toBe('  b');
  });

  it('is -1 for an escape that escapes a character, a lone \\r, or no line break before the end of the text', () => {
    expect(continuationEnd('a \\b', 2, 4, '\\')).toBe(-1);
    expect(continuationEnd('a \\\rb', 2, 5, '\\')).toBe(-1);
    expect(continuationEnd('a \\', 2, 3, '\\')).toBe(-1);
  });

  it('uses the file\'s escape character: a backtick continues, a backslash then does not', () => {
    expect(continuationEnd('a `\nb', 2, 5, '`')).toBe(4);
    expect(continuationEnd('a \\\nb', 2, 5, '`')).toBe(-1);
  });
});

describe('skipBlanksAndContinuations', () => {
  it('says whether it crossed a line', () => {
    expect(skipBlanksAndContinuations('RUN  --x', 3, 8, '\\')).toEqual({ offset: 5, crossed: false });
    expect(skipBlanksAndContinuations('RUN \\\n # c\n \\\n --x', 3, 18, '\\')).toEqual({ offset: 15, crossed: true });
  });
});

describe('joinContinuations', () => {
  it('joins the lines and maps every character back to its source offset', () => {
    const text = 'go build \\\r\n  # dropped\r\n  ./cmd';
    const joined = joinContinuations(text, 0, text.length, '\\');
    expect(joined.text).toBe('go build   ./cmd');
    expect(joined.offsets[9]).toBe(text.indexOf('  ./cmd'));
    expect(joined.offsets[joined.text.length]).toBe(text.length);
  });

  it('drops an escape character that ends a last line without newline', () => {
    expect(joinContinuations('echo a \\', 0, 8, '\\').text).toBe('echo a ');
    expect(joinContinuations('echo a `  ', 0, 10, '`').text).toBe('echo a ');
  });

  it('keeps a backslash escape for the shell, and a backslash as is under a backtick escape', () => {
    expect(joinContinuations('echo \\$HOME', 0, 11, '\\').text).toBe('echo \\$HOME');
    expect(joinContinuations('echo a\\\nb', 0, 9, '`').text).toBe('echo a\\\nb');
  });
});

describe('continuationPattern and endsWithEscape', () => {
  it('match the escape character at a line end, blanks aside', () => {
    expect('a \\ \r\nb \\\nc'.replace(new RegExp(continuationPattern('\\'), 'g'), '')).toBe('a b c');
    expect('a `\nb'.replace(new RegExp(continuationPattern('`'), 'g'), '')).toBe('a b');
    expect(endsWithEscape('RUN a \\ \t', '\\')).toBe(true);
    expect(endsWithEscape('RUN a `', '\\')).toBe(false);
  });
});
