/**
 * Event exports for other tools: PLOVER JSON Lines, GDELT 2.0 event records (tab-separated), CSV for
 * spreadsheets, Annalist's own JSON Lines, and GraphML of the actor network for Gephi.
 */
import { once } from 'node:events';
import type { EntityRef } from '../doc.js';
import { VERSION } from '../version.js';
import { SYMMETRIC_TYPES, datePrecision } from './merge.js';
import { outletOf } from './names.js';
import { GDELT_COLUMNS, PLOVER_QUAD, gdeltQuadClass, ploverContext } from './plover.js';
import type { EventFilters, EventMentionRecord, EventRecord, Store } from './types.js';

export type ExportFormat = 'plover' | 'gdelt' | 'csv' | 'jsonl' | 'graphml';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['plover', 'gdelt', 'csv', 'jsonl', 'graphml'];

export interface ExportOptions {
  /** GDELT only: write the column names as a first line (GDELT's own files have none). */
  header?: boolean;
}

export interface ExportResult {
  /** Records written (events; for GraphML, edges). */
  written: number;
  /** Events left out because the format cannot hold them (PLOVER: events without a PLOVER category). */
  omitted: number;
}

async function write(out: NodeJS.WritableStream, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/** The earliest report of an event (its first article), which exports cite. */
function firstMention(e: EventRecord): EventMentionRecord | null {
  return e.mentions?.[0] ?? null;
}

function ploverActor(r: EntityRef): Record<string, string | null> {
  return {
    actor_text: r.name,
    code: r.country,
    identifier_id: r.wikidata ?? r.id,
    identifier_text: r.name,
  };
}

/**
 * An event as a PLOVER record (field names of the PLOVER specification's JSON data fields), or null
 * when the event has no PLOVER category (statements). Annalist's own fields (`status`, `amount`,
 * `topic`, counts) are added beside them, as the specification allows.
 *
 * @example JSON.stringify(toPlover(event))
 */
export function toPlover(e: EventRecord): Record<string, unknown> | null {
  if (!e.plover.type) return null;
  const m = firstMention(e);
  const rec: Record<string, unknown> = {
    id: `annalist-${e.id}`,
    date: e.date,
    source: e.source.map(ploverActor),
    recipient: e.target.map(ploverActor),
    event: [e.plover.type],
    mode: e.plover.mode ?? '',
    context: ploverContext(e.cameo) ?? '',
    quad_code: PLOVER_QUAD[e.plover.type] ?? null,
  };
  if (e.location) {
    rec.event_loc = {
      name: e.location.name,
      cc3: e.location.country,
      identifier_id: e.location.wikidata ?? e.location.id,
    };
  }
  if (m) {
    rec.text = m.text;
    rec.text_info = { sequence: m.sentence, start: m.start, end: m.end };
    rec.cite_info = {
      corpus: 'annalist',
      citation: m.docId,
      url: m.docUrl,
      title: m.docTitle,
      publication: outletOf(m.docUrl) ?? m.docSource,
      coder: `annalist ${VERSION}`,
      codebook: 'annalist/document@1',
    };
  }
  rec.coder = `annalist ${VERSION}`;
  rec.coded_date = e.addedAt.slice(0, 10);
  rec.cameo = e.cameo;
  rec.annalist_type = e.type;
  rec.status = e.status;
  rec.amount = e.amount;
  rec.topic = e.topic;
  rec.num_mentions = e.numMentions;
  rec.num_articles = e.numArticles;
  rec.num_sources = e.numSources;
  return rec;
}

function dayOfYear(day: string): number {
  const d = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
  return Math.round((d - Date.UTC(Number(day.slice(0, 4)), 0, 1)) / 86_400_000) + 1;
}

function tsvField(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  return String(v).replace(/[\t\r\n]+/g, ' ');
}

/**
 * An event as one GDELT 2.0 event-table line (61 tab-separated columns). What Annalist does not
 * know (CAMEO actor type codes, Goldstein scale, tone, geocoding) is left empty; SQLDATE only for
 * events dated to the day. One line per event: Actor1 is its first source, Actor2 its first target.
 *
 * @example toGdelt(event).split('\t').length // 61
 */
export function toGdelt(e: EventRecord): string {
  const v: Record<string, string | number | null> = {};
  v.GLOBALEVENTID = e.id;
  const p = datePrecision(e.date);
  if (p === 3) {
    const d = e.date!;
    v.SQLDATE = d.replace(/-/g, '');
    v.FractionDate = (Number(d.slice(0, 4)) + dayOfYear(d) / 365).toFixed(4);
  }
  if (p >= 2) v.MonthYear = e.date!.slice(0, 7).replace('-', '');
  if (p >= 1) v.Year = e.date!.slice(0, 4);
  const a1 = e.source[0];
  const a2 = e.target[0];
  if (a1) {
    v.Actor1Code = a1.country;
    v.Actor1Name = a1.name;
    v.Actor1CountryCode = a1.country;
  }
  if (a2) {
    v.Actor2Code = a2.country;
    v.Actor2Name = a2.name;
    v.Actor2CountryCode = a2.country;
  }
  if (e.mentions) v.IsRootEvent = e.mentions.some((m) => m.sentence === 0) ? 1 : 0;
  if (e.cameo) {
    v.EventCode = e.cameo;
    v.EventBaseCode = e.cameo.slice(0, 3);
    v.EventRootCode = e.cameo.slice(0, 2);
  }
  v.QuadClass = gdeltQuadClass(e.cameo);
  v.NumMentions = e.numMentions;
  v.NumSources = e.numSources;
  v.NumArticles = e.numArticles;
  if (e.location) {
    const l = e.location;
    v.ActionGeo_Type = l.type === 'COUNTRY' ? 1 : l.type === 'CITY' ? (l.country === 'USA' ? 3 : 4) : null;
    v.ActionGeo_FullName = l.name;
  }
  v.DATEADDED = e.addedAt.replace(/[-:T]/g, '').slice(0, 14);
  const m = firstMention(e);
  v.SOURCEURL = m ? (m.docUrl ?? m.docSource) : null;
  return GDELT_COLUMNS.map((c) => tsvField(v[c])).join('\t');
}

/**
 * Quotes a CSV field when it needs it (RFC 4180).
 *
 * @example csvField('a, "b"') // '"a, ""b"""'
 */
export function csvField(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_COLUMNS: readonly string[] = [
  'id',
  'date',
  'type',
  'cameo',
  'plover_type',
  'plover_mode',
  'status',
  'source',
  'source_ids',
  'source_wikidata',
  'target',
  'target_ids',
  'target_wikidata',
  'location',
  'amount',
  'currency',
  'topic',
  'confidence',
  'num_mentions',
  'num_articles',
  'num_sources',
  'first_reported',
  'first_url',
  'evidence',
];

/**
 * An event as one CSV line in `CSV_COLUMNS` order (several actors joined with "; ").
 *
 * @example [CSV_COLUMNS.join(','), ...events.map(toCsv)].join('\n')
 */
export function toCsv(e: EventRecord): string {
  const join = (refs: EntityRef[], f: (r: EntityRef) => string | null): string =>
    refs
      .map(f)
      .filter((x): x is string => !!x)
      .join('; ');
  const m = firstMention(e);
  return [
    e.id,
    e.date,
    e.type,
    e.cameo,
    e.plover.type,
    e.plover.mode,
    e.status,
    join(e.source, (r) => r.name),
    join(e.source, (r) => r.id),
    join(e.source, (r) => r.wikidata),
    join(e.target, (r) => r.name),
    join(e.target, (r) => r.id),
    join(e.target, (r) => r.wikidata),
    e.location?.name ?? null,
    e.amount?.value ?? null,
    e.amount?.currency ?? null,
    e.topic,
    e.confidence,
    e.numMentions,
    e.numArticles,
    e.numSources,
    e.firstReported,
    m ? (m.docUrl ?? m.docSource) : null,
    m?.text ?? null,
  ]
    .map(csvField)
    .join(',');
}

/** Drops the control characters XML 1.0 cannot hold (all below U+0020 but tab, newline, return). */
function stripControls(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 32 || c === 9 || c === 10 || c === 13) out += s[i];
  }
  return out;
}

function xml(s: string | number | null | undefined): string {
  return stripControls(String(s ?? ''))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/**
 * Writes matching events to `out` in a format. Streams: events are read in pages, never all at once
 * (except GraphML, which aggregates the network in memory first).
 *
 * @example await exportEvents(store, 'plover', process.stdout, { actors: ['Q232'], from: '2025-11' });
 */
export async function exportEvents(
  store: Store,
  format: ExportFormat,
  out: NodeJS.WritableStream,
  filters: EventFilters = {},
  options: ExportOptions = {},
): Promise<ExportResult> {
  const f: EventFilters = { ...filters, withMentions: true };
  let written = 0;
  let omitted = 0;
  if (format === 'graphml') return exportGraphml(store, out, f);
  if (format === 'csv') await write(out, CSV_COLUMNS.join(',') + '\n');
  if (format === 'gdelt' && options.header) await write(out, GDELT_COLUMNS.join('\t') + '\n');
  for await (const e of store.iterateEvents(f)) {
    let line: string | null;
    if (format === 'plover') {
      const rec = toPlover(e);
      line = rec ? JSON.stringify(rec) : null;
    } else if (format === 'gdelt') line = toGdelt(e);
    else if (format === 'csv') line = toCsv(e);
    else line = JSON.stringify(e);
    if (line === null) {
      omitted++;
      continue;
    }
    await write(out, line + '\n');
    written++;
  }
  return { written, omitted };
}

async function exportGraphml(
  store: Store,
  out: NodeJS.WritableStream,
  filters: EventFilters,
): Promise<ExportResult> {
  const nodes = new Map<string, EntityRef & { events: number }>();
  const edges = new Map<
    string,
    { a: string; b: string; directed: boolean; count: number; types: Map<string, number> }
  >();
  const node = (r: EntityRef): void => {
    const n = nodes.get(r.id);
    if (n) n.events++;
    else nodes.set(r.id, { ...r, events: 1 });
  };
  const edge = (a: string, b: string, directed: boolean, type: string): void => {
    if (a === b) return;
    const [x, y] = directed || a < b ? [a, b] : [b, a];
    const key = `${x}\u0000${y}\u0000${directed ? 1 : 0}`;
    const ed = edges.get(key) ?? { a: x, b: y, directed, count: 0, types: new Map<string, number>() };
    ed.count++;
    ed.types.set(type, (ed.types.get(type) ?? 0) + 1);
    edges.set(key, ed);
  };
  for await (const e of store.iterateEvents({ ...filters, withMentions: false })) {
    const all = [...e.source, ...e.target];
    for (const r of new Map(all.map((r) => [r.id, r])).values()) node(r);
    if (e.target.length && !SYMMETRIC_TYPES.has(e.type)) {
      for (const s of e.source) for (const t of e.target) edge(s.id, t.id, true, e.type);
    } else {
      // Meetings, calls, agreements, and events without a target: everyone involved is linked to everyone.
      const ids = [...new Set(all.map((r) => r.id))];
      for (let i = 0; i < ids.length; i++)
        for (let j = i + 1; j < ids.length; j++) edge(ids[i]!, ids[j]!, false, e.type);
    }
  }
  await write(
    out,
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n' +
      '  <key id="label" for="node" attr.name="label" attr.type="string"/>\n' +
      '  <key id="type" for="node" attr.name="type" attr.type="string"/>\n' +
      '  <key id="country" for="node" attr.name="country" attr.type="string"/>\n' +
      '  <key id="wikidata" for="node" attr.name="wikidata" attr.type="string"/>\n' +
      '  <key id="events" for="node" attr.name="events" attr.type="int"/>\n' +
      '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>\n' +
      '  <key id="types" for="edge" attr.name="types" attr.type="string"/>\n' +
      '  <graph id="actors" edgedefault="directed">\n',
  );
  for (const n of nodes.values()) {
    await write(
      out,
      `    <node id="${xml(n.id)}"><data key="label">${xml(n.name)}</data><data key="type">${xml(n.type)}</data>` +
        (n.country ? `<data key="country">${xml(n.country)}</data>` : '') +
        (n.wikidata ? `<data key="wikidata">${xml(n.wikidata)}</data>` : '') +
        `<data key="events">${n.events}</data></node>\n`,
    );
  }
  let i = 0;
  for (const ed of edges.values()) {
    const types = [...ed.types.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([t, c]) => `${t}:${c}`)
      .join(' ');
    await write(
      out,
      `    <edge id="e${i++}" source="${xml(ed.a)}" target="${xml(ed.b)}"${ed.directed ? '' : ' directed="false"'}>` +
        `<data key="weight">${ed.count}</data><data key="types">${xml(types)}</data></edge>\n`,
    );
  }
  await write(out, '  </graph>\n</graphml>\n');
  return { written: edges.size, omitted: 0 };
}
