import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { LibraryFileError } from '../core/libraryStore';
import { UsageError } from './args';
import { CliCommand, CliIo, writeLine } from './command';
import { commands } from './commands';
import { version } from '../../package.json';

const PROGRAM = 'paper-shelf';

/**
 * The sample library ships next to the bundle (dist/cli.js → data/); when run from source (src/cli/main.ts)
 * it is two folders up. Never reaches outside the package.
 */
function sampleLibraryPath(): string {
  const candidates = [path.join(__dirname, '..', 'data', 'sample-library.json'), path.join(__dirname, '..', '..', 'data', 'sample-library.json')];
  return candidates.find((candidate) => existsSync(candidate)) ?? candidates[0];
}

export function helpText(): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return [
    `${PROGRAM} ${version} — query a Paper Shelf library from the terminal`,
    '',
    `Usage: ${PROGRAM} COMMAND [options]`,
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    `  ${'help'.padEnd(width)}  Show help for a command: ${PROGRAM} help COMMAND`,
    '',
    'Options:',
    '  --help, -h     show this help',
    '  --version, -v  print the version',
    '',
    `Without --library the sample library shipped with ${PROGRAM} is used.`,
  ].join('\n');
}

function findCommand(name: string): CliCommand | undefined {
  return commands.find((command) => command.name === name);
}

/** Runs the CLI and returns its exit code; never calls process.exit, so tests can call it in-process. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === undefined || first === '--help' || first === '-h') {
      writeLine(first === undefined ? io.stderr : io.stdout, helpText());
      return first === undefined ? 2 : 0;
    }
    if (first === '--version' || first === '-v') {
      writeLine(io.stdout, version);
      return 0;
    }
    if (first === 'help') {
      if (!rest.length) {
        writeLine(io.stdout, helpText());
        return 0;
      }
      const command = findCommand(rest[0]);
      if (!command) throw new UsageError(`unknown command "${rest[0]}" (see ${PROGRAM} --help)`);
      writeLine(io.stdout, `Usage: ${command.usage}`);
      return 0;
    }
    if (first.startsWith('-')) throw new UsageError(`unknown option ${first} (see ${PROGRAM} --help)`);
    const command = findCommand(first);
    if (!command) throw new UsageError(`unknown command "${first}" (see ${PROGRAM} --help)`);
    if (rest.includes('--help') || rest.includes('-h')) {
      writeLine(io.stdout, `Usage: ${command.usage}`);
      return 0;
    }
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      writeLine(io.stderr, `${PROGRAM}: ${error.message}`);
      return 2;
    }
    if (error instanceof LibraryFileError) {
      writeLine(io.stderr, `${PROGRAM}: cannot use library ${error.message}`);
      return 2;
    }
    writeLine(io.stderr, `${PROGRAM}: ${(error as Error).message ?? String(error)}`.split('\n')[0]);
    return 1;
  }
}

if (require.main === module) {
  const io: CliIo = { stdout: process.stdout, stderr: process.stderr, defaultLibraryPath: sampleLibraryPath(), cwd: process.cwd() };
  // A closed pipe (`paper-shelf list | head`) is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  void runCli(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
