import { parseArgs } from 'node:util';
import { profileText } from '../../store/format.js';
import { defaultDbPath, openStore } from '../../store/open.js';
import { println, registerCommand } from '../command.js';

const USAGE = `Usage: annalist entity NAME|ID [options]

Profile of an entity: its names, roles, how often and when it is mentioned, its events and the
entities it deals with most. NAME may be in any language ("Токаев", "Tokayev"); ID is a Wikidata
id (Q…) or a KB id.

Options:
  --db FILE             database (default $ANNALIST_DB or annalist.db)
  --format text|json`;

registerCommand({
  name: 'entity',
  summary: 'profile of an entity: names, roles, counts, first/last seen, counterparts',
  usage: USAGE,
  async run({ argv, stdout, stderr }) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { db: { type: 'string' }, format: { type: 'string', default: 'text' } },
    });
    if (positionals.length === 0) {
      println(stderr, USAGE);
      return 2;
    }
    if (values.format !== 'text' && values.format !== 'json') {
      println(stderr, `annalist entity: --format must be text or json, not "${values.format}"`);
      return 2;
    }
    const name = positionals.join(' ');
    const store = await openStore(values.db ?? defaultDbPath(), { create: false });
    try {
      const profile = await store.getEntityProfile(name);
      if (!profile) {
        println(stderr, `annalist entity: no entity named "${name}" in ${store.location}`);
        return 1;
      }
      println(stdout, values.format === 'json' ? JSON.stringify(profile, null, 2) : profileText(profile));
      return 0;
    } finally {
      await store.close();
    }
  },
});
