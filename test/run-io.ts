// Run the CLI in-process with the extras of Io that support.ts's runCli leaves
// out: standard input, environment variables and TTY flags.
import { run, type Io } from '../src/cli.js';
import type { CliRun } from './support.js';

export interface IoExtras {
  stdin?: string | Buffer;
  env?: Record<string, string>;
  stdoutIsTTY?: boolean;
  stderrIsTTY?: boolean;
}

export async function runWith(argv: string[], cwd: string, extras: IoExtras = {}): Promise<CliRun> {
  const stdout: Buffer[] = [];
  let stderr = '';
  const io: Io = {
    stdout: (chunk) => stdout.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk),
    stderr: (chunk) => (stderr += chunk),
    cwd,
    env: extras.env ?? {},
    stdoutIsTTY: extras.stdoutIsTTY,
    stderrIsTTY: extras.stderrIsTTY,
    readStdin: async () => (typeof extras.stdin === 'string' ? Buffer.from(extras.stdin, 'latin1') : (extras.stdin ?? Buffer.alloc(0))),
  };
  const code = await run(argv, io);
  return { code, stdout: Buffer.concat(stdout).toString('latin1'), stderr };
}
