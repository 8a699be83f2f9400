import { parseArgs } from 'node:util';
import { searchText } from '../../store/format.js';
import { defaultDbPath, openStore } from '../../store/open.js';
import { println, registerCommand } from '../command.js';

const USAGE = `Usage: annalist search TEXT [options]

Full-text search over stored articles, best matches first, with the matching words highlighted.
Words match as written and by lemma ("Токаева" finds "Токаев", "переговорах" finds "переговоры").

Options:
  --db FILE             database (default $ANNALIST_DB or annalist.db)
  --limit N             at most N articles (default 20)
  --lang CODE           only articles in this language
  --from DATE, --to DATE  publication dates (YYYY, YYYY-MM or YYYY-MM-DD)
  --raw                 TEXT is an FTS5 query (AND, OR, NOT, NEAR, "phrases", prefix*)
  --format text|json`;

registerCommand({
  name: 'search',
  summary: 'full-text search over stored articles, with highlighted snippets',
  usage: USAGE,
  async run({ argv, stdout, stderr }) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        limit: { type: 'string' },
        lang: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        raw: { type: 'boolean', default: false },
        format: { type: 'string', default: 'text' },
      },
    });
    if (positionals.length === 0) {
      println(stderr, USAGE);
      return 2;
    }
    if (values.format !== 'text' && values.format !== 'json') {
      println(stderr, `annalist search: --format must be text or json, not "${values.format}"`);
      return 2;
    }
    const limit = values.limit === undefined ? 20 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) {
      println(stderr, `annalist search: --limit must be a positive integer, not "${values.limit}"`);
      return 2;
    }
    const tty = (stdout as NodeJS.WriteStream).isTTY === true;
    const highlight: [string, string] =
      values.format === 'json' ? ['<mark>', '</mark>'] : tty ? ['\x1b[1;33m', '\x1b[0m'] : ['[', ']'];
    const store = await openStore(values.db ?? defaultDbPath(), { create: false });
    try {
      const hits = await store.search(positionals.join(' '), {
        limit,
        highlight,
        raw: values.raw,
        ...(values.lang ? { lang: values.lang } : {}),
        ...(values.from ? { from: values.from } : {}),
        ...(values.to ? { to: values.to } : {}),
      });
      if (values.format === 'json') println(stdout, JSON.stringify(hits, null, 2));
      else if (hits.length === 0) println(stderr, 'annalist search: no articles match');
      else println(stdout, searchText(hits));
      return 0;
    } finally {
      await store.close();
    }
  },
});
