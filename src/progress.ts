// A one-line progress counter on stderr for long runs at a terminal: never in
// pipes or CI. It erases itself before anything else is written to stderr.

export interface Progress {
  /** One more file done. */
  tick(): void;
  /** Erase the line (before other stderr output, and at the end). */
  clear(): void;
}

const NONE: Progress = { tick() {}, clear() {} };
/** Runs shorter than this show nothing. */
const DELAY_MS = 400;
const REDRAW_MS = 100;

export function createProgress(total: number, write: (text: string) => void, enabled: boolean, now: () => number = Date.now): Progress {
  if (!enabled || total < 2) return NONE;
  const started = now();
  let done = 0;
  let drawnAt = 0;
  let shown = false;
  return {
    tick() {
      done++;
      const time = now();
      if (time - started < DELAY_MS || time - drawnAt < REDRAW_MS) return;
      drawnAt = time;
      shown = true;
      write(`\r\x1b[Kdockmod: ${done}/${total} files`);
    },
    clear() {
      if (!shown) return;
      shown = false;
      write('\r\x1b[K');
    },
  };
}
