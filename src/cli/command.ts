import type { Writable } from 'node:stream';

/** Where a command writes and what it may assume about its environment; tests pass their own. */
export interface CliIo {
  readonly stdout: Pick<Writable, 'write'>;
  readonly stderr: Pick<Writable, 'write'>;
  /** The library used when no `--library` is given: the sample library shipped with the CLI. */
  readonly defaultLibraryPath: string;
  /** Directory relative paths are resolved against. */
  readonly cwd: string;
}

/**
 * One `paper-shelf` sub-command. `run` receives the arguments after the command name and returns the exit code:
 * 0 success, 1 a failure of the work itself, 2 a usage or input-file error (throw UsageError / LibraryFileError
 * and the CLI prints one line and exits 2).
 */
export interface CliCommand {
  readonly name: string;
  /** One line for `paper-shelf --help`. */
  readonly summary: string;
  /** Full usage text for `paper-shelf help NAME`, starting with the synopsis line. */
  readonly usage: string;
  run(args: readonly string[], io: CliIo): Promise<number>;
}

export function writeLine(stream: Pick<Writable, 'write'>, text = ''): void {
  stream.write(`${text}\n`);
}

export function writeJson(io: CliIo, value: unknown): void {
  writeLine(io.stdout, JSON.stringify(value, null, 2));
}
