// Colours for humans at a terminal, plain text for everything else.
// NO_COLOR (any non-empty value) turns them off, FORCE_COLOR turns them on
// (FORCE_COLOR=0 or false: off); otherwise a TTY that is not TERM=dumb gets them.

export type Env = Readonly<Record<string, string | undefined>>;

export function colorEnabled(isTTY: boolean | undefined, env: Env): boolean {
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return !!isTTY && env.TERM !== 'dumb';
}

export interface Palette {
  enabled: boolean;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
  bold(text: string): string;
  dim(text: string): string;
}

const paint = (open: number, close: number) => (text: string): string => `\x1b[${open}m${text}\x1b[${close}m`;
const plain = (text: string): string => text;

export function palette(enabled: boolean): Palette {
  if (!enabled) return { enabled, red: plain, green: plain, yellow: plain, cyan: plain, bold: plain, dim: plain };
  return { enabled, red: paint(31, 39), green: paint(32, 39), yellow: paint(33, 39), cyan: paint(36, 39), bold: paint(1, 22), dim: paint(2, 22) };
}

/** A unified diff with coloured headers, hunks, removals and additions; line endings stay outside the colour. */
export function colorDiff(diff: string, colors: Palette): string {
  return diff.replace(/^(.*?)(\r?\n|$)/gm, (whole, line: string, ending: string) => {
    if (line === '') return whole;
    if (line.startsWith('--- ') || line.startsWith('+++ ')) return colors.bold(line) + ending;
    if (line.startsWith('@@')) return colors.cyan(line) + ending;
    if (line.startsWith('-')) return colors.red(line) + ending;
    if (line.startsWith('+')) return colors.green(line) + ending;
    return whole;
  });
}

/** The summary line with its counts coloured when they matter. */
export function colorSummary(summary: string, colors: Palette): string {
  if (!colors.enabled) return summary;
  return summary
    .replace(/\b([1-9]\d* files? (?:would change|changed))/, (text) => colors.yellow(text))
    .replace(/\b([1-9]\d* notes?)\b/, (text) => colors.cyan(text))
    .replace(/\b([1-9]\d* errors?)\b/, (text) => colors.red(text))
    .replace(/\b([1-9]\d* ignored)\b/, (text) => colors.dim(text));
}
