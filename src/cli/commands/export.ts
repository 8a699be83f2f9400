import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { EXPORT_FORMATS, exportEvents, type ExportFormat } from '../../store/export.js';
import { defaultDbPath, openStore } from '../../store/open.js';
import type { EventFilters } from '../../store/types.js';
import { println, registerCommand } from '../command.js';
import { FILTER_OPTIONS, FILTER_USAGE, filtersFromOptions } from './events.js';

const USAGE = `Usage: annalist export --format plover|gdelt|csv|jsonl|graphml [filters] [--out FILE]

Writes stored events for other tools:
  plover   PLOVER JSON Lines (id, date, source, recipient with Wikidata ids, event, mode, context,
           text_info offsets, cite_info); events without a PLOVER category are left out
  gdelt    GDELT 2.0 event table: 61 tab-separated columns, empty where Annalist cannot fill them
  csv      one line per event, for spreadsheets
  jsonl    Annalist's own event records with every report of each event
  graphml  the actor network (nodes: entities; edges: events, weighted by count) for Gephi

Options:
  --format F
  --out FILE            write here instead of standard output
  --header              gdelt: write the column names first
${FILTER_USAGE} (default: all)`;

registerCommand({
  name: 'export',
  summary: 'export events as PLOVER, GDELT, CSV, JSON Lines or a GraphML actor network',
  usage: USAGE,
  async run({ argv, stdout, stderr }) {
    const { values } = parseArgs({
      args: argv,
      options: {
        ...FILTER_OPTIONS,
        format: { type: 'string' },
        out: { type: 'string' },
        header: { type: 'boolean', default: false },
      },
    });
    const format = values.format as ExportFormat | undefined;
    if (!format || !EXPORT_FORMATS.includes(format)) {
      println(stderr, `annalist export: --format must be one of ${EXPORT_FORMATS.join(', ')}`);
      return 2;
    }
    let filters: EventFilters;
    try {
      filters = filtersFromOptions(values, undefined);
    } catch (msg) {
      println(stderr, `annalist export: ${String(msg)}`);
      return 2;
    }
    const store = await openStore(values.db ?? defaultDbPath(), { create: false });
    const out = values.out ? createWriteStream(values.out) : stdout;
    try {
      const result = await exportEvents(store, format, out, filters, { header: values.header });
      if (values.out) {
        const file = out as ReturnType<typeof createWriteStream>;
        file.end();
        await once(file, 'finish');
        const what = format === 'graphml' ? 'edge(s)' : 'event(s)';
        const left = result.omitted ? ` (${result.omitted} without a PLOVER category left out)` : '';
        println(stderr, `annalist export: ${result.written} ${what} written to ${values.out}${left}`);
      }
      return 0;
    } finally {
      await store.close();
    }
  },
});
