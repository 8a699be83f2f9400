import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AnnalistError } from '../pipeline/errors.js';
import { tuneRuntime } from '../runtime.js';
import { getCommand, listCommands, println, type CommandContext } from './command.js';
import './commands/index.js';

function help(ctx: CommandContext): void {
  println(ctx.stdout, 'annalist: reads news and writes down what happened in it.\n');
  println(ctx.stdout, 'Usage: annalist <command> [options]\n');
  for (const c of listCommands()) println(ctx.stdout, `  ${c.name.padEnd(10)} ${c.summary}`);
  println(ctx.stdout, '\nRun "annalist <command> --help" for the options of a command.');
}

/**
 * Runs the CLI with the given arguments and returns the exit code.
 *
 * @example await runCli(['extract', 'examples/kazakhstan-us-visit.txt', '--format', 'json'])
 */
export async function runCli(
  argv: string[],
  stdout: NodeJS.WritableStream = process.stdout,
  stderr: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  tuneRuntime();
  const [name, ...rest] = argv;
  const base: CommandContext = { argv: rest, stdout, stderr };
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    help(base);
    return name ? 0 : 2;
  }
  if (name === '--version') {
    println(stdout, (await import('../version.js')).VERSION);
    return 0;
  }
  const cmd = getCommand(name);
  if (!cmd) {
    println(
      stderr,
      `annalist: unknown command "${name}". Commands: ${listCommands()
        .map((c) => c.name)
        .join(', ')}`,
    );
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    println(stdout, cmd.usage);
    return 0;
  }
  try {
    return await cmd.run(base);
  } catch (err) {
    if (err instanceof AnnalistError) {
      println(stderr, `annalist ${name}: ${err.code}: ${err.message}`);
      return 2;
    }
    if (err instanceof TypeError && (err as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      println(stderr, `annalist ${name}: ${err.message}\n\n${cmd.usage}`);
      return 2;
    }
    throw err;
  }
}

function isMain(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  // Closing the pipe early (`annalist extract … | head`) is not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
      process.exitCode = 3;
    },
  );
}
