import { parseArgs } from 'node:util';
import { parseEncoding } from '../../ingest/decode.js';
import { isValidDate } from '../../ingest/formats.js';
import { ingest } from '../../store/ingest.js';
import { defaultDbPath } from '../../store/open.js';
import { progressReporter, summaryText } from '../../store/progress.js';
import { println, registerCommand } from '../command.js';

const USAGE = `Usage: annalist ingest PATH… [options]

Reads articles (files, directories recursively, JSON Lines, HTML pages, RSS/Atom feeds, "-" for
stdin), extracts entities and events in worker threads, and stores them in a database. Documents
already stored by the same pipeline version are skipped, so an interrupted run is finished by
running it again; a new pipeline version re-extracts them.

Options:
  --db FILE             database file (default $ANNALIST_DB or annalist.db)
  --workers N           extraction threads (default: number of cores; 0 = this thread)
  --date YYYY-MM-DD     publication date for inputs that carry none
  --lang ru|en|kk       language of the inputs, when known
  --encoding NAME       utf-8, cp1251 or koi8-r (default: detected)
  --stages a,b,c        pipeline stages (default: the pipeline's defaults; "none" stores text only)
  --batch-size N        documents per database transaction (default 256)
  --max-doc-chars N     reject longer texts (default 1000000)
  --max-db-pages N      refuse to grow the database past N pages of 4 KiB (a size cap)
  --quiet               no progress output, only the summary

Exit code 0 when every input was stored, 1 when some failed (listed by "annalist stats --errors").`;

registerCommand({
  name: 'ingest',
  summary: 'read articles into a database (entities, events, full text)',
  usage: USAGE,
  async run({ argv, stderr }) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        workers: { type: 'string' },
        date: { type: 'string' },
        lang: { type: 'string' },
        encoding: { type: 'string' },
        stages: { type: 'string' },
        'batch-size': { type: 'string' },
        'max-doc-chars': { type: 'string' },
        'max-db-pages': { type: 'string' },
        quiet: { type: 'boolean', default: false },
      },
    });
    if (positionals.length === 0) {
      println(stderr, USAGE);
      return 2;
    }
    const int = (name: string, v: string | undefined, min: number): number | undefined => {
      if (v === undefined) return undefined;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min)
        throw new UsageError(`--${name} must be an integer ≥ ${min}, not "${v}"`);
      return n;
    };
    let workers, batchSize, maxDocChars, maxPages;
    try {
      workers = int('workers', values.workers, 0);
      batchSize = int('batch-size', values['batch-size'], 1);
      maxDocChars = int('max-doc-chars', values['max-doc-chars'], 1);
      maxPages = int('max-db-pages', values['max-db-pages'], 1);
    } catch (err) {
      println(stderr, `annalist ingest: ${(err as Error).message}`);
      return 2;
    }
    if (values.date !== undefined && !isValidDate(values.date)) {
      println(stderr, `annalist ingest: --date must be a real date as YYYY-MM-DD, not "${values.date}"`);
      return 2;
    }
    const stages =
      values.stages === undefined
        ? undefined
        : values.stages === 'none' || values.stages === ''
          ? []
          : values.stages.split(',').map((s) => s.trim());
    const db = values.db ?? defaultDbPath();
    const tty = (stderr as NodeJS.WriteStream).isTTY === true;
    const reporter = progressReporter(stderr, tty);
    const controller = new AbortController();
    let shown = 0;
    const onSigint = (): void => {
      if (controller.signal.aborted) process.exit(130);
      controller.abort();
      println(stderr, '\nannalist ingest: stopping after the current batch (Ctrl-C again to quit at once)');
    };
    process.on('SIGINT', onSigint);
    try {
      const summary = await ingest(positionals, {
        db,
        ...(workers !== undefined ? { workers } : {}),
        ...(stages ? { stages } : {}),
        ...(batchSize ? { batchSize } : {}),
        ...(maxDocChars ? { maxDocChars } : {}),
        ...(maxPages ? { storeOptions: { maxPageCount: maxPages } } : {}),
        date: values.date ?? null,
        lang: values.lang ?? null,
        ...(values.encoding ? { encoding: parseEncoding(values.encoding) } : {}),
        signal: controller.signal,
        onProgress: values.quiet ? undefined : (p) => reporter.update(p),
        onError: (e) => {
          // The first failures are shown as they happen; all are counted and stored.
          if (values.quiet || ++shown > 20) return;
          reporter.finish();
          println(
            stderr,
            `annalist ingest: ${e.code}: ${e.file}${e.line !== null ? `:${e.line}` : ''}: ${e.message}`,
          );
        },
      });
      reporter.finish();
      println(stderr, summaryText(summary));
      return summary.failed > 0 || summary.fatal || summary.interrupted ? 1 : 0;
    } finally {
      process.off('SIGINT', onSigint);
    }
  },
});

class UsageError extends Error {}
