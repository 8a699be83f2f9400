import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { println, registerCommand } from '../command.js';

export const EVAL_USAGE = `Usage: annalist eval SET [options]
       annalist eval gold DIR [options]

Scores Annalist on public gold sets read from ../shared/data (or --data DIR).
Runs from a checkout of the repository: the evaluation code and the data are not in the package.

SET: factru   factRuEval-2016 PER/LOC/ORG (Natasha benchmark convention)
     nerel    NEREL PERSON/ORGANIZATION/COUNTRY/CITY/DATE/MONEY + Wikidata linking
     bsnlp    BSNLP Russian: recognition, lemmas, cross-document identity
     conll    CoNLL-2003 English (conlleval), with compromise and wink-nlp
     names    Wikidata en–ru name pairs
     plover   PLOVER gold records: event category and actors
     petrarch PETRARCH validation records (English events, development set)
     gold DIR articles with *.gold.json beside them (default: ../shared/seed)
     all      every set above

Options:
  --data DIR        the data folder (default ../shared/data)
  --split dev|test  which split (default test)
  --json            one JSON object per set, one per line
  --errors N        show the N worst documents with false positives [+…+] and misses [-…-]
  --limit N         only the first N documents (N pairs for names)
  --no-peers        do not run compromise and wink-nlp on CoNLL
  --write-results   rewrite docs/RESULTS.md (full test-split runs only)`;

interface EvalModule {
  runEval(
    argv: string[],
    io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
  ): Promise<number>;
}

// The evaluation lives in eval/ at the repository root, outside the compiled package; it is loaded by
// URL so that the build does not pull it in, and it needs a TypeScript-aware runner (tsx).
async function loadEval(stderr: NodeJS.WritableStream): Promise<EvalModule | null> {
  const url = new URL('../../../eval/cli.ts', import.meta.url);
  if (!existsSync(fileURLToPath(url))) {
    println(
      stderr,
      'annalist eval: the evaluation code (eval/) is not here; run it from a checkout of the repository: npm run eval',
    );
    return null;
  }
  try {
    return (await import(url.href)) as EvalModule;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ERR_UNKNOWN_FILE_EXTENSION') {
      println(
        stderr,
        'annalist eval: run it through tsx from the checkout: npm run eval, or npx tsx src/cli/main.ts eval …',
      );
      return null;
    }
    throw err;
  }
}

registerCommand({
  name: 'eval',
  summary: 'score the pipeline on public gold sets (from a repository checkout)',
  usage: EVAL_USAGE,
  async run({ argv, stdout, stderr }) {
    if (argv.length === 0) {
      println(stderr, EVAL_USAGE);
      return 2;
    }
    const mod = await loadEval(stderr);
    if (!mod) return 2;
    return mod.runEval(argv, { stdout, stderr });
  },
});
