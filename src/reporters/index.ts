// The reports printed once at the end of a run: --format json, sarif, github.
// (--format diff streams per file from cli.ts.)
import type { FileResult } from '../files.js';
import { jsonReport, type Mode } from '../report.js';
import { githubReport } from './github.js';
import { sarifReport } from './sarif.js';

export const FORMATS = ['diff', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export interface ReportContext {
  cwd: string;
  version: string;
  /** package.json's homepage: the README on the web, for SARIF's helpUri. */
  homepage: string;
}

/** The text for stdout at the end of the run; undefined for the streamed diff format. */
export function renderReport(format: Format, results: readonly FileResult[], mode: Mode, context: ReportContext): string | undefined {
  switch (format) {
    case 'diff':
      return undefined;
    case 'json':
      return `${JSON.stringify(jsonReport(results, mode), null, 2)}\n`;
    case 'sarif':
      return `${JSON.stringify(sarifReport(results, { mode, ...context }), null, 2)}\n`;
    case 'github':
      return githubReport(results, mode);
  }
}
