import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { println, registerCommand } from '../command.js';

export const BENCH_USAGE = `Usage: annalist bench [options]

Measures throughput (articles/s and words/s per core), p50/p99 latency per article, peak memory and
KB load time of the pipeline over the real Russian news under ../shared/data and the CoNLL English
texts; in the same run, the tokenize-only floor and the peers compromise and wink-nlp on the same
texts, with our ratio to each. Runs from a checkout of the repository.

Options:
  --json            print the report as JSON (peers and ratios included)
  --docs N          articles per measured pass (the corpus is looped when N is larger; default: all, once)
  --stages a,b,c    stages of the "full" configuration (default: the pipeline's default stages)
  --data DIR        the data folder (default ../shared/data)
  --no-peers        leave out compromise and wink-nlp
  --no-stress       leave out the 5,000-name list and the 5,000-word sentence
  --in-process      run every job in this process (peak memory is then cumulative)
  --write-results   put the figures in docs/RESULTS.md (its benchmark section)`;

interface BenchModule {
  runBenchCommand(
    argv: string[],
    io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
  ): Promise<number>;
}

// The benchmark lives in bench/ at the repository root, outside the compiled package; it is loaded by
// URL so that the build does not pull it in, and it needs a TypeScript-aware runner (tsx).
async function loadBench(stderr: NodeJS.WritableStream): Promise<BenchModule | null> {
  const url = new URL('../../../bench/cli.ts', import.meta.url);
  if (!existsSync(fileURLToPath(url))) {
    println(
      stderr,
      'annalist bench: the benchmark code (bench/) is not here; run it from a checkout of the repository: npm run bench',
    );
    return null;
  }
  try {
    return (await import(url.href)) as BenchModule;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_UNKNOWN_FILE_EXTENSION') {
      println(
        stderr,
        'annalist bench: run it through tsx from the checkout: npm run bench, or npx tsx src/cli/main.ts bench',
      );
      return null;
    }
    throw err;
  }
}

registerCommand({
  name: 'bench',
  summary: 'measure speed and memory against the tokenize-only floor and the peers (from a checkout)',
  usage: BENCH_USAGE,
  async run({ argv, stdout, stderr }) {
    const mod = await loadBench(stderr);
    if (!mod) return 2;
    return mod.runBenchCommand(argv, { stdout, stderr });
  },
});
