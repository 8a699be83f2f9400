import { parseArgs } from 'node:util';
import { EVENT_STATUSES, type EventStatus } from '../../doc.js';
import { CSV_COLUMNS, toCsv } from '../../store/export.js';
import { eventDetail, eventsTable } from '../../store/format.js';
import { defaultDbPath, openStore } from '../../store/open.js';
import type { EventFilters } from '../../store/types.js';
import { println, registerCommand } from '../command.js';

/** Options shared by `events` and `export` for choosing events. */
export const FILTER_OPTIONS = {
  db: { type: 'string' },
  actor: { type: 'string', multiple: true },
  type: { type: 'string', multiple: true },
  country: { type: 'string' },
  status: { type: 'string', multiple: true },
  from: { type: 'string' },
  to: { type: 'string' },
  q: { type: 'string' },
  limit: { type: 'string' },
} as const;

export const FILTER_USAGE = `  --db FILE             database (default $ANNALIST_DB or annalist.db)
  --actor NAME|QID      an actor that takes part (any language, or a Wikidata id); repeat for several
  --type T              event type (MEET, SIGN_AGREEMENT, …); repeat for any of several
  --country ISO3        some participant belongs to this country (KAZ, USA, …)
  --status S            occurred, planned, expected, reported, negated, hypothetical; repeatable
  --from DATE           YYYY, YYYY-MM or YYYY-MM-DD: events on or after
  --to DATE             events on or before
  --q TEXT              words in the evidence (matched by lemma too)
  --limit N             at most N events`;

interface FilterValues {
  actor?: string[];
  type?: string[];
  country?: string;
  status?: string[];
  from?: string;
  to?: string;
  q?: string;
  limit?: string;
}

/** Filters from parsed options; throws a usage message (a string) when one is malformed. */
export function filtersFromOptions(v: FilterValues, defaultLimit: number | undefined): EventFilters {
  const f: EventFilters = {};
  if (v.actor?.length) f.actors = v.actor;
  if (v.type?.length) f.type = v.type.map((t) => t.toUpperCase());
  if (v.country) {
    if (!/^[A-Za-z]{3}$/.test(v.country))
      throw `--country must be an ISO 3166 alpha-3 code such as KAZ, not "${v.country}"`;
    f.country = v.country.toUpperCase();
  }
  if (v.status?.length) {
    for (const s of v.status) {
      if (!EVENT_STATUSES.includes(s as EventStatus))
        throw `--status must be one of ${EVENT_STATUSES.join(', ')}, not "${s}"`;
    }
    f.status = v.status as EventStatus[];
  }
  for (const k of ['from', 'to'] as const) {
    const d = v[k];
    if (d === undefined) continue;
    if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(d)) throw `--${k} must be YYYY, YYYY-MM or YYYY-MM-DD, not "${d}"`;
    f[k] = d;
  }
  if (v.q) f.q = v.q;
  if (v.limit !== undefined) {
    const n = Number(v.limit);
    if (!Number.isInteger(n) || n < 1) throw `--limit must be a positive integer, not "${v.limit}"`;
    f.limit = n;
  } else if (defaultLimit !== undefined) f.limit = defaultLimit;
  return f;
}

const USAGE = `Usage: annalist events [options]

Lists stored events, most recent first. Each event is one real-world event, merged across every
article that reports it (SRC/ART: independent sources / articles).

Options:
${FILTER_USAGE} (default 50)
  --id N                one event with every article and sentence that reports it
  --evidence            include the evidence of each event (json, csv: the first)
  --format table|json|csv

Examples:
  annalist events --actor Токаев --type MEET --from 2025
  annalist events --actor Kazakhstan --type SIGN_AGREEMENT --from 2025-11 --to 2025-11
  annalist events --country KAZ --status planned --format csv`;

registerCommand({
  name: 'events',
  summary: 'list stored events (filters: actor, type, country, status, dates, text)',
  usage: USAGE,
  async run({ argv, stdout, stderr }) {
    const { values } = parseArgs({
      args: argv,
      options: {
        ...FILTER_OPTIONS,
        id: { type: 'string' },
        evidence: { type: 'boolean', default: false },
        format: { type: 'string', default: 'table' },
      },
    });
    const format = values.format;
    if (format !== 'table' && format !== 'json' && format !== 'csv') {
      println(stderr, `annalist events: --format must be table, json or csv, not "${format}"`);
      return 2;
    }
    let filters: EventFilters;
    try {
      filters = filtersFromOptions(values, 50);
    } catch (msg) {
      println(stderr, `annalist events: ${String(msg)}`);
      return 2;
    }
    const store = await openStore(values.db ?? defaultDbPath(), { create: false });
    try {
      if (values.id !== undefined) {
        const ev = await store.getEvent(Number(values.id));
        if (!ev) {
          println(stderr, `annalist events: no event ${values.id}`);
          return 1;
        }
        println(stdout, format === 'json' ? JSON.stringify(ev, null, 2) : eventDetail(ev));
        return 0;
      }
      const events = await store.queryEvents({
        ...filters,
        withMentions: values.evidence || format === 'csv',
      });
      if (format === 'json') println(stdout, JSON.stringify(events, null, 2));
      else if (format === 'csv') {
        println(stdout, CSV_COLUMNS.join(','));
        for (const e of events) println(stdout, toCsv(e));
      } else if (events.length === 0) println(stderr, 'annalist events: no events match');
      else println(stdout, eventsTable(events));
      return 0;
    } finally {
      await store.close();
    }
  },
});
