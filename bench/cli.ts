/** `annalist bench …`: the command's body, kept beside the benchmark code. */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { BENCH_USAGE } from '../src/cli/commands/bench.js';
import { dataDir, DEFAULT_DATA_DIR } from '../eval/paths.js';
import { writeBenchResults } from '../eval/results.js';
import { benchMarkdown, formatBench, runBench } from './run.js';

interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const out = (s: NodeJS.WritableStream, line = ''): void => {
  s.write(line + '\n');
};

/**
 * Runs `annalist bench` with the arguments after the command name; returns the exit code.
 *
 * @example await runBenchCommand(['--docs', '200'], { stdout: process.stdout, stderr: process.stderr })
 */
export async function runBenchCommand(argv: string[], io: Io): Promise<number> {
  let values: {
    json?: boolean;
    docs?: string;
    stages?: string;
    data?: string;
    'in-process'?: boolean;
    'no-peers'?: boolean;
    'no-stress'?: boolean;
    'write-results'?: boolean;
  };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        json: { type: 'boolean', default: false },
        docs: { type: 'string' },
        stages: { type: 'string' },
        data: { type: 'string' },
        'in-process': { type: 'boolean', default: false },
        'no-peers': { type: 'boolean', default: false },
        'no-stress': { type: 'boolean', default: false },
        'write-results': { type: 'boolean', default: false },
      },
    }));
  } catch (err) {
    out(io.stderr, `annalist bench: ${(err as Error).message}\n\n${BENCH_USAGE}`);
    return 2;
  }
  let docs: number | undefined;
  if (values.docs !== undefined) {
    docs = Number(values.docs);
    if (!Number.isInteger(docs) || docs <= 0) {
      out(io.stderr, `annalist bench: --docs must be a positive whole number, not "${values.docs}"`);
      return 2;
    }
  }
  const data = dataDir(values.data);
  if (!existsSync(data)) {
    out(
      io.stderr,
      `annalist bench: the data folder ${data} is absent. The benchmark runs on the real news texts of the shared data ` +
        `(${DEFAULT_DATA_DIR} by default); put it there or pass --data DIR.`,
    );
    return 1;
  }
  const report = await runBench(
    {
      data,
      docs,
      stages: values.stages
        ? values.stages
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : undefined,
      inProcess: values['in-process'],
      noPeers: values['no-peers'],
      noStress: values['no-stress'],
    },
    (line) => out(io.stderr, `annalist bench: ${line}`),
  );
  if (values.json) out(io.stdout, JSON.stringify(report, null, 2));
  else for (const l of formatBench(report)) out(io.stdout, l);
  if (values['write-results'])
    out(io.stderr, `annalist bench: wrote ${writeBenchResults(benchMarkdown(report))}`);
  return report.results.length > 0 ? 0 : 1;
}
