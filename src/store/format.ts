/** Text renderings of store results for the CLI: tables, profiles, search hits. */
import type { EntityRef } from '../doc.js';
import type { EntityProfile, EventRecord, SearchHit, StoreStats } from './types.js';

function cut(s: string, n: number): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > n ? flat.slice(0, n - 1) + '…' : flat;
}

function names(refs: EntityRef[]): string {
  return refs.map((r) => r.name).join(', ') || '—';
}

/**
 * Renders rows as an aligned text table with a header line.
 *
 * @example textTable(['A', 'B'], [['1', 'x']]) // 'A  B\n1  x'
 */
export function textTable(header: readonly string[], rows: readonly string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/**
 * Events as a table: one line each, evidence cut to fit.
 *
 * @example println(stdout, eventsTable(await store.queryEvents({ type: 'MEET' })))
 */
export function eventsTable(events: readonly EventRecord[]): string {
  const rows = events.map((e) => [
    String(e.id),
    e.date ?? (e.firstReported ? `~${e.firstReported}` : '—'),
    e.type,
    e.status,
    cut(`${names(e.source)} → ${names(e.target)}`, 48),
    `${e.numSources}/${e.numArticles}`,
    cut(e.topic ?? e.mentions?.[0]?.text ?? '', 60),
  ]);
  return textTable(['ID', 'DATE', 'TYPE', 'STATUS', 'SOURCE → TARGET', 'SRC/ART', 'TOPIC'], rows);
}

/**
 * One event in full, with every report of it.
 *
 * @example eventDetail((await store.getEvent(42))!)
 */
export function eventDetail(e: EventRecord): string {
  const lines = [
    `Event ${e.id}: ${e.type} (${e.status})${e.date ? ` on ${e.date}` : ''}`,
    `  source: ${names(e.source)}`,
    `  target: ${names(e.target)}`,
  ];
  if (e.location) lines.push(`  where: ${e.location.name}`);
  if (e.topic) lines.push(`  topic: ${e.topic}`);
  if (e.amount)
    lines.push(`  amount: ${e.amount.value.toLocaleString('en')} ${e.amount.currency} (${e.amount.text})`);
  lines.push(
    `  CAMEO ${e.cameo ?? '—'} · PLOVER ${e.plover.type ?? '—'}${e.plover.mode ? `/${e.plover.mode}` : ''}`,
  );
  lines.push(
    `  ${e.numMentions} mention(s) in ${e.numArticles} article(s) from ${e.numSources} independent source(s):`,
  );
  for (const m of e.mentions ?? []) {
    const where = m.docUrl ?? m.docSource ?? m.docId;
    const dup = m.duplicateOf ? ` [copy of ${m.duplicateOf}]` : '';
    lines.push(`  - ${m.docDate ?? '????-??-??'} ${where}${dup}`);
    lines.push(`      "${cut(m.text, 200)}" (${m.status}${m.date ? `, ${m.date}` : ''}; ${m.rule})`);
  }
  return lines.join('\n');
}

/**
 * An entity profile as text.
 *
 * @example profileText((await store.getEntityProfile('Токаев'))!)
 */
export function profileText(p: EntityProfile): string {
  const lines = [
    `${p.name} (${p.type}${p.country ? `, ${p.country}` : ''}) — ${p.id}${p.wikidata && p.wikidata !== p.id ? ` / ${p.wikidata}` : ''}`,
  ];
  const ns = Object.entries(p.names);
  if (ns.length) lines.push(`  names: ${ns.map(([l, n]) => `${l}: ${n}`).join('; ')}`);
  if (p.surfaceForms.length)
    lines.push(`  written as: ${p.surfaceForms.map((f) => `${f.text} (${f.count})`).join(', ')}`);
  if (p.roles.length) lines.push(`  roles: ${p.roles.map((r) => `${r.role} of ${r.of}`).join('; ')}`);
  lines.push(
    `  ${p.mentions} mention(s) in ${p.documents} article(s), first ${p.firstSeen ?? '?'}, last ${p.lastSeen ?? '?'}`,
  );
  lines.push(`  ${p.events} event(s): ${p.asSource} as source, ${p.asTarget} as target`);
  if (p.eventTypes.length)
    lines.push(`  event types: ${p.eventTypes.map((t) => `${t.type} ${t.count}`).join(', ')}`);
  if (p.counterparts.length) {
    lines.push('  top counterparts:');
    for (const c of p.counterparts)
      lines.push(`    ${String(c.count).padStart(5)}  ${c.entity.name} (${c.entity.id})`);
  }
  return lines.join('\n');
}

/**
 * Search hits as text: date, title and source, then the snippet.
 *
 * @example searchText(await store.search('переговоры'))
 */
export function searchText(hits: readonly SearchHit[]): string {
  return hits
    .map((h) => {
      const head = `${h.date ?? '????-??-??'}  ${h.title ?? '(no title)'}  — ${h.url ?? h.source ?? h.docId}`;
      return `${head}${h.duplicateOf ? `  [copy of ${h.duplicateOf}]` : ''}\n    ${h.snippet}`;
    })
    .join('\n');
}

function mb(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MB`;
}

/**
 * Store statistics as text.
 *
 * @example statsText(await store.stats())
 */
export function statsText(s: StoreStats): string {
  const lines = [
    `${s.path} (schema ${s.schemaVersion}, ${mb(s.sizeBytes)})`,
    `  documents  ${s.documents.toLocaleString('en')} (${s.duplicates.toLocaleString('en')} near-duplicates), ${s.firstDate ?? '?'} … ${s.lastDate ?? '?'}`,
    `  sentences  ${s.sentences.toLocaleString('en')}`,
    `  entities   ${s.entities.toLocaleString('en')} (${s.mentions.toLocaleString('en')} mentions)`,
    `  events     ${s.events.toLocaleString('en')} (${s.eventMentions.toLocaleString('en')} reports)`,
    `  quotes     ${s.quotes.toLocaleString('en')}`,
    `  errors     ${s.errors.toLocaleString('en')}${s.errorCodes.length ? ` (${s.errorCodes.map((c) => `${c.code} ${c.count}`).join(', ')})` : ''}`,
  ];
  if (s.languages.length)
    lines.push(`  languages  ${s.languages.map((l) => `${l.lang} ${l.count}`).join(', ')}`);
  if (s.eventTypes.length)
    lines.push(`  event types ${s.eventTypes.map((t) => `${t.type} ${t.count}`).join(', ')}`);
  if (s.pipelineVersions.length) {
    lines.push(`  pipeline   ${s.pipelineVersions.map((v) => `${v.version} (${v.count})`).join(', ')}`);
  }
  return lines.join('\n');
}
