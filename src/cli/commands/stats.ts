import { parseArgs } from 'node:util';
import { statsText, textTable } from '../../store/format.js';
import { defaultDbPath, openStore } from '../../store/open.js';
import { println, registerCommand } from '../command.js';

const USAGE = `Usage: annalist stats [options]

What the database holds: documents, near-duplicates, entities, events, languages, pipeline
versions and input errors.

Options:
  --db FILE             database (default $ANNALIST_DB or annalist.db)
  --errors              list the recorded input errors (latest first)
  --limit N             with --errors: at most N (default 100)
  --check               also verify the database (PRAGMA integrity_check, foreign keys, full-text indexes)
  --format text|json`;

registerCommand({
  name: 'stats',
  summary: 'what the database holds; --errors lists failed inputs',
  usage: USAGE,
  async run({ argv, stdout, stderr }) {
    const { values } = parseArgs({
      args: argv,
      options: {
        db: { type: 'string' },
        errors: { type: 'boolean', default: false },
        limit: { type: 'string' },
        check: { type: 'boolean', default: false },
        format: { type: 'string', default: 'text' },
      },
    });
    if (values.format !== 'text' && values.format !== 'json') {
      println(stderr, `annalist stats: --format must be text or json, not "${values.format}"`);
      return 2;
    }
    const json = values.format === 'json';
    const store = await openStore(values.db ?? defaultDbPath(), { create: false });
    try {
      if (values.errors) {
        const errors = await store.listErrors(values.limit ? Number(values.limit) : 100);
        if (json) println(stdout, JSON.stringify(errors, null, 2));
        else if (errors.length === 0) println(stdout, 'no input errors recorded');
        else {
          println(
            stdout,
            textTable(
              ['AT', 'CODE', 'WHERE', 'MESSAGE'],
              errors.map((e) => [
                e.at.slice(0, 19),
                e.code,
                `${e.file}${e.line !== null ? `:${e.line}` : ''}`,
                e.message,
              ]),
            ),
          );
        }
        return 0;
      }
      const stats = await store.stats();
      const problems = values.check ? await store.integrityCheck() : null;
      if (json) println(stdout, JSON.stringify(problems ? { ...stats, problems } : stats, null, 2));
      else {
        println(stdout, statsText(stats));
        if (problems) println(stdout, problems.length ? `  check: ${problems.join('; ')}` : '  check: ok');
      }
      return problems && problems.length ? 1 : 0;
    } finally {
      await store.close();
    }
  },
});
