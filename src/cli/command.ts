/** What a command's `run` gets: its arguments after the command name, and where to write. */
export interface CommandContext {
  argv: string[];
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/**
 * One `annalist` sub-command. `run` returns the process exit code: 0 for success, 1 when some
 * input failed but the batch went on, 2 for a usage error.
 */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(ctx: CommandContext): Promise<number>;
}

const commands = new Map<string, Command>();

/** Adds a sub-command to the CLI. */
export function registerCommand(cmd: Command): void {
  commands.set(cmd.name, cmd);
}

export function getCommand(name: string): Command | undefined {
  return commands.get(name);
}

export function listCommands(): Command[] {
  return [...commands.values()];
}

/** Writes a line to a stream. */
export function println(stream: NodeJS.WritableStream, line = ''): void {
  stream.write(line + '\n');
}
