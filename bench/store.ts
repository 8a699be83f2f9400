/**
 * Store benchmark (not a test): ingest throughput of real Russian news into SQLite, database size per
 * 1,000 articles, and query latency on a generated store of a million events.
 *
 *   npx tsx bench/store.ts [--docs 100000] [--events 1000000] [--workers N] [--stages a,b,c]
 *                          [--data ../shared/data] [--dir DIR] [--keep] [--skip-ingest] [--skip-queries] [--json]
 *                          [--write-only [--prepared FILE]] [--write-results]
 *
 * The articles (bsnlp raw ru, NEREL, factRuEval books) are looped to --docs documents; each copy gets
 * its own URL, so copies are stored (and linked as near-duplicates of the first), not skipped.
 *
 * --write-only measures the writer alone: the articles are extracted once (kept in --prepared, default
 * DIR/prepared.v8, and reused while the pipeline version matches), then looped to --docs prepared
 * documents and written in the ingest's batches. The time includes decoding each document from the
 * worker message format (structured clone), which the ingest's main thread pays too.
 */
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { once } from 'node:events';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import { docId } from '../src/doc.js';
import { tuneRuntime } from '../src/runtime.js';
import { writeResultsBlock } from '../eval/results.js';
import { createExtractor } from '../src/store/extractor.js';
import { ingest } from '../src/store/ingest.js';
import { pipelineVersion } from '../src/store/prepare.js';
import type { PreparedDocument } from '../src/store/types.js';
import { SqliteStore } from '../src/store/sqlite/store.js';
import { nameKey } from '../src/store/names.js';
import { effectiveRange } from '../src/store/merge.js';

// `annalist ingest` runs with this setting (src/runtime.ts); the benchmark measures what it runs.
tuneRuntime();

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '100000' },
    events: { type: 'string', default: '1000000' },
    workers: { type: 'string' },
    stages: { type: 'string' },
    data: { type: 'string' },
    dir: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'skip-ingest': { type: 'boolean', default: false },
    'skip-queries': { type: 'boolean', default: false },
    queries: { type: 'string', default: '200' },
    json: { type: 'boolean', default: false },
    'write-only': { type: 'boolean', default: false },
    prepared: { type: 'string' },
    'batch-size': { type: 'string' },
    'write-results': { type: 'boolean', default: false },
  },
});

const repo = resolve(fileURLToPath(new URL('..', import.meta.url)));
const dataDir = resolve(values.data ?? join(repo, '..', 'shared', 'data'));
const workDir = values.dir ? resolve(values.dir) : mkdtempSync(join(tmpdir(), 'annalist-bench-store-'));
mkdirSync(workDir, { recursive: true });
const report: Record<string, unknown> = { dataDir, workDir };
const lines: string[] = [];
const log = (s: string): void => {
  lines.push(s);
  if (!values.json) console.log(s);
};

/** The real Russian articles, as plain texts (bsnlp's five header lines removed). */
function corpus(): string[] {
  const texts: string[] = [];
  const add = (file: string, skipLines = 0): void => {
    const raw = readFileSync(file, 'utf8');
    const text = skipLines ? raw.split('\n').slice(skipLines).join('\n') : raw;
    if (text.trim().length > 50) texts.push(text.trim());
  };
  const list = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).sort() : []);
  const bsnlp = join(dataDir, 'bsnlp', 'sets');
  for (const set of list(bsnlp)) {
    const dir = join(bsnlp, set, 'raw', 'ru');
    for (const f of list(dir)) if (f.endsWith('.txt')) add(join(dir, f), 4);
  }
  const nerel = join(dataDir, 'NEREL', 'NEREL-v1.1');
  for (const split of list(nerel)) {
    const dir = join(nerel, split);
    if (!statSync(dir).isDirectory()) continue;
    for (const f of list(dir)) if (f.endsWith('.txt')) add(join(dir, f));
  }
  const fre = join(dataDir, 'factRuEval-2016');
  for (const split of list(fre)) {
    const dir = join(fre, split);
    if (!statSync(dir).isDirectory()) continue;
    for (const f of list(dir)) if (/^book_\d+\.txt$/.test(f)) add(join(dir, f));
  }
  return texts;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}

function dbSize(path: string): number {
  let n = 0;
  for (const f of [path, `${path}-wal`]) if (existsSync(f)) n += statSync(f).size;
  return n;
}

// Deterministic pseudo-random numbers, so that runs are comparable.
let seed = 42;
function rnd(): number {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed / 2 ** 32;
}
function pick<T>(xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)]!;
}
/** Zipf-like index in [0, n): a few actors in very many events, most in few. */
function zipf(n: number): number {
  return Math.min(n - 1, Math.floor(Math.pow(n + 1, rnd()) - 1));
}

const texts = existsSync(dataDir) ? corpus() : [];
if (texts.length === 0) {
  log(
    `NOTE: no articles under ${dataDir} (the shared data folder is absent): the ingest benchmark is skipped,`,
  );
  log('      and the query benchmark uses generated filler text.');
}
report.corpusDocs = texts.length;

const dbPath = join(workDir, 'bench.db');
const nDocs = Number(values.docs);

/** Bumped when `PreparedDocument` changes shape, so that a kept --prepared file is rebuilt. */
const PREPARED_FORMAT = 2;

/** The corpus extracted once, in the form workers send to the writer (v8 structured-clone bytes). */
async function preparedCorpus(): Promise<Buffer[]> {
  const stages = values.stages
    ? values.stages === 'none'
      ? []
      : values.stages.split(',')
    : (await import('../src/pipeline/pipeline.js')).DEFAULT_STAGES;
  const version = pipelineVersion(stages);
  const file = resolve(values.prepared ?? join(workDir, 'prepared.v8'));
  if (existsSync(file)) {
    const cached = deserialize(readFileSync(file)) as { version: string; format?: number; docs: Buffer[] };
    if (
      cached.version === version &&
      cached.format === PREPARED_FORMAT &&
      cached.docs.length === texts.length
    )
      return cached.docs;
  }
  log(`write-only: extracting ${texts.length} articles once (kept in ${file})…`);
  const extract = await createExtractor({ stages: [...stages], lang: null, version });
  const docs: Buffer[] = [];
  texts.forEach((text, k) => {
    const [r] = extract([{ text, url: `https://copy0.bench.local/${k}`, date: '2025-10-01' }]);
    if (r?.ok) docs.push(serialize(r.doc));
  });
  writeFileSync(file, serialize({ version, format: PREPARED_FORMAT, docs }));
  return docs;
}

if (values['write-only'] && texts.length > 0) {
  for (const f of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) rmSync(f, { force: true });
  const docs = await preparedCorpus();
  const batchSize = Number(values['batch-size'] ?? 256);
  const store = await SqliteStore.open(dbPath);
  let written = 0;
  let dups = 0;
  let bytes = 0;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let batch: PreparedDocument[] = [];
  const flush = async (): Promise<void> => {
    for (const o of await store.writeDocuments(batch)) {
      if (o.action !== 'skipped') written++;
      if (o.duplicateOf) dups++;
    }
    batch = [];
  };
  for (let i = 0; i < nDocs; i++) {
    const k = i % docs.length;
    const copy = Math.floor(i / docs.length);
    bytes += docs[k]!.length;
    const d = deserialize(docs[k]!) as PreparedDocument;
    d.url = `https://copy${copy}.bench.local/${k}`;
    d.id = docId(d.text, d.url);
    d.date = `2025-10-${String(1 + (i % 28)).padStart(2, '0')}`;
    batch.push(d);
    if (batch.length >= batchSize) await flush();
    if (i % 10000 === 9999)
      log(`  ${i + 1} written, ${Math.round((i + 1) / ((performance.now() - t0) / 1000))} docs/s so far`);
  }
  if (batch.length) await flush();
  // Closing moves the write-ahead log into the database file: part of the writing.
  store.checkpoint();
  await store.close();
  const secs = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSecs = (cpu.user + cpu.system) / 1e6;
  const size = dbSize(dbPath);
  report.writeOnly = {
    documents: written,
    duplicates: dups,
    seconds: +secs.toFixed(1),
    cpuSeconds: +cpuSecs.toFixed(1),
    docsPerSecond: Math.round(written / secs),
    docsPerCpuSecond: Math.round(written / cpuSecs),
    messageKilobytesPerDoc: +(bytes / nDocs / 1024).toFixed(1),
    dbMegabytes: +(size / 1048576).toFixed(1),
    megabytesPer1000: +(size / 1048576 / (written / 1000)).toFixed(2),
  };
  log(
    `write-only: ${written.toLocaleString('en')} prepared documents written in ${secs.toFixed(1)} s = ` +
      `${Math.round(written / secs)} docs/s (${Math.round(written / cpuSecs)} per CPU second; batches of ${batchSize}; ${(bytes / nDocs / 1024).toFixed(1)} KB per worker message document); ` +
      `database ${(size / 1048576).toFixed(0)} MB = ${(size / 1048576 / (written / 1000)).toFixed(2)} MB per 1,000 (${dups.toLocaleString('en')} near-duplicates)`,
  );
}

if (!values['write-only'] && !values['skip-ingest'] && texts.length > 0) {
  for (const f of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) rmSync(f, { force: true });
  const jsonl = join(workDir, 'articles.jsonl');
  const out = createWriteStream(jsonl);
  for (let i = 0; i < nDocs; i++) {
    const k = i % texts.length;
    const copy = Math.floor(i / texts.length);
    const day = 1 + (i % 28);
    const rec = {
      text: texts[k],
      url: `https://copy${copy}.bench.local/${k}`,
      date: `2025-10-${String(day).padStart(2, '0')}`,
    };
    if (!out.write(JSON.stringify(rec) + '\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  const inputMb = statSync(jsonl).size / 1048576;
  log(
    `ingest: ${nDocs.toLocaleString('en')} documents (${texts.length} real articles looped, ${inputMb.toFixed(0)} MB of JSON Lines)`,
  );
  const t0 = performance.now();
  const summary = await ingest([jsonl], {
    db: dbPath,
    ...(values.workers !== undefined ? { workers: Number(values.workers) } : {}),
    ...(values.stages !== undefined
      ? { stages: values.stages === 'none' ? [] : values.stages.split(',') }
      : {}),
  });
  const secs = (performance.now() - t0) / 1000;
  const store = await SqliteStore.open(dbPath);
  store.checkpoint();
  await store.close();
  const size = dbSize(dbPath);
  const stored = summary.inserted + summary.replaced;
  report.ingest = {
    documents: stored,
    failed: summary.failed,
    duplicates: summary.duplicates,
    seconds: +secs.toFixed(1),
    articlesPerSecond: Math.round(stored / secs),
    dbMegabytes: +(size / 1048576).toFixed(1),
    megabytesPer1000: +(size / 1048576 / (stored / 1000)).toFixed(2),
    pipelineVersion: summary.pipelineVersion,
  };
  log(
    `ingest: ${stored.toLocaleString('en')} stored in ${secs.toFixed(1)} s = ${Math.round(stored / secs)} articles/s end to end; ` +
      `database ${(size / 1048576).toFixed(0)} MB = ${(size / 1048576 / (stored / 1000)).toFixed(2)} MB per 1,000 articles ` +
      `(${summary.duplicates.toLocaleString('en')} linked as near-duplicates, ${summary.failed} failed)`,
  );
}

if (!values['skip-queries'] && !values['write-only']) {
  const nEvents = Number(values.events);
  const store = await SqliteStore.open(dbPath);
  const db = store.handle;
  let docCount = Number(db.prepare('SELECT COUNT(*) FROM documents').pluck().get());
  if (docCount === 0) {
    // No ingest ran: store filler documents without analysis, enough for the full-text search.
    const filler = texts.length ? texts : ['Президент провел переговоры о торговле и инвестициях в регионе.'];
    const jsonl = join(workDir, 'filler.jsonl');
    const out = createWriteStream(jsonl);
    for (let i = 0; i < 20000; i++)
      out.write(JSON.stringify({ text: filler[i % filler.length], url: `https://f${i}.local/` }) + '\n');
    out.end();
    await once(out, 'finish');
    await ingest([jsonl], { store, stages: [], workers: 0 });
    docCount = Number(db.prepare('SELECT COUNT(*) FROM documents').pluck().get());
  }
  const docSeqs = db.prepare('SELECT seq FROM documents').pluck().all() as number[];
  const sentences = (texts.length ? texts : ['Стороны обсудили сотрудничество в энергетике.'])
    .flatMap((t) => t.split(/(?<=[.!?])\s+/))
    .filter((s) => s.length > 40 && s.length < 300)
    .slice(0, 50000);

  const existing = Number(db.prepare('SELECT COUNT(*) FROM events').pluck().get());
  if (existing < nEvents) {
    log(
      `queries: generating ${(nEvents - existing).toLocaleString('en')} events over ${docCount.toLocaleString('en')} documents…`,
    );
    const t0 = performance.now();
    const nEntities = 20000;
    const countries = Array.from({ length: 200 }, (_, i) => `C${String(i).padStart(2, '0')}`);
    const TYPES = [
      'STATEMENT',
      'MEET',
      'VISIT',
      'SIGN_AGREEMENT',
      'DEAL',
      'APPEAL',
      'INTENT',
      'ACCUSE',
      'PRAISE',
      'COOPERATE',
      'PHONE_CALL',
      'SANCTION',
      'PROTEST',
      'COERCE',
      'ASSAULT',
      'THREATEN',
      'REJECT',
      'AID',
      'YIELD',
      'MOBILIZE',
      'HOST_VISIT',
      'JOIN',
      'MEDIATE',
    ];
    const STATUSES = [
      'occurred',
      'occurred',
      'occurred',
      'planned',
      'reported',
      'expected',
      'negated',
      'hypothetical',
    ];
    const now = new Date().toISOString();
    const insEntity = db.prepare(
      `INSERT OR IGNORE INTO entities (id, name, type, country, wikidata, names, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insName = db.prepare('INSERT OR IGNORE INTO entity_names (key, entity, exact) VALUES (?, ?, ?)');
    db.transaction(() => {
      for (let i = 0; i < nEntities; i++) {
        const name = `Actor ${i}`;
        insEntity.run(
          `bench:e${i}`,
          name,
          i % 3 === 0 ? 'COUNTRY' : 'PERSON',
          countries[i % 200],
          i < 5000 ? `Q${900000 + i}` : null,
          JSON.stringify({ ru: `Актор ${i}` }),
          now,
          now,
        );
        insName.run(nameKey(name), `bench:e${i}`, 1);
        insName.run(nameKey(`Актор ${i}`), `bench:e${i}`, 1);
      }
    })();
    // Full-text rows are indexed in one pass at the end (faster than row by row through the trigger).
    const trigger = db
      .prepare("SELECT sql FROM sqlite_master WHERE name = 'event_mentions_fts_insert'")
      .pluck()
      .get() as string;
    db.exec('DROP TRIGGER event_mentions_fts_insert');
    const insEvent =
      db.prepare(`INSERT INTO events (type, cameo, plover_type, date, day_start, day_end, status, confidence, num_mentions, num_articles, num_sources, first_reported, added_at, updated_at, merge_key)
      VALUES (?, '040', 'CONSULT', ?, ?, ?, ?, 0.8, ?, ?, ?, ?, ?, ?, NULL)`);
    const insPart = db.prepare(
      'INSERT OR IGNORE INTO event_participants (event, entity, role, ord, country, day_start) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const insMention =
      db.prepare(`INSERT INTO event_mentions (event, doc, doc_event_id, ord, sentence, start, "end", text, rule, confidence, status, date, data)
      VALUES (?, ?, 'e-1', 0, 0, 0, ?, ?, 'bench', 0.8, ?, ?, '{}')`);
    const start = Date.UTC(2015, 0, 1);
    const span = Date.UTC(2025, 11, 31) - start;
    const batch = db.transaction((n: number) => {
      for (let j = 0; j < n; j++) {
        const day = new Date(start + Math.floor(rnd() * span)).toISOString().slice(0, 10);
        const r = rnd();
        const date = r < 0.8 ? day : r < 0.95 ? day.slice(0, 7) : null;
        const range = effectiveRange({ date, anchor: day });
        const status = pick(STATUSES);
        const mentions = rnd() < 0.2 ? 2 : 1;
        const id = Number(
          insEvent.run(
            pick(TYPES),
            date,
            range![0],
            range![1],
            status,
            mentions,
            mentions,
            mentions,
            day,
            now,
            now,
          ).lastInsertRowid,
        );
        const src = zipf(nEntities);
        insPart.run(id, `bench:e${src}`, 'source', 0, countries[src % 200], range![0]);
        const nt = rnd() < 0.1 ? 0 : rnd() < 0.78 ? 1 : 2;
        for (let t = 0; t < nt; t++) {
          const tgt = zipf(nEntities);
          insPart.run(id, `bench:e${tgt}`, 'target', t, countries[tgt % 200], range![0]);
        }
        for (let m = 0; m < mentions; m++) {
          const text = pick(sentences);
          insMention.run(id, pick(docSeqs), text.length, text, status, date);
        }
      }
    });
    for (let done = existing; done < nEvents; done += 50000) batch(Math.min(50000, nEvents - done));
    db.exec("INSERT INTO event_mentions_fts (event_mentions_fts) VALUES ('rebuild')");
    db.exec(trigger);
    db.exec('ANALYZE');
    store.checkpoint();
    log(
      `queries: generated in ${((performance.now() - t0) / 1000).toFixed(1)} s; database ${(dbSize(dbPath) / 1048576).toFixed(0)} MB`,
    );
  }
  const totalEvents = Number(db.prepare('SELECT COUNT(*) FROM events').pluck().get());
  const n = Number(values.queries);
  const TYPES = ['MEET', 'VISIT', 'SIGN_AGREEMENT', 'DEAL', 'STATEMENT', 'ACCUSE', 'SANCTION'];
  const words = [...new Set(sentences.flatMap((s) => s.match(/[А-Яа-яЁё]{6,}/g) ?? []))].slice(0, 3000);

  const time = async (
    label: string,
    q: () => Promise<unknown>,
  ): Promise<{ p50: number; p95: number; max: number }> => {
    for (let i = 0; i < 5; i++) await q();
    const ms: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      await q();
      ms.push(performance.now() - t);
    }
    const r = {
      p50: +percentile(ms, 50).toFixed(2),
      p95: +percentile(ms, 95).toFixed(2),
      max: +Math.max(...ms).toFixed(2),
    };
    log(
      `  ${label.padEnd(44)} p50 ${r.p50.toFixed(1).padStart(6)} ms   p95 ${r.p95.toFixed(1).padStart(6)} ms   max ${r.max.toFixed(1)} ms`,
    );
    return r;
  };
  log(
    `queries on ${totalEvents.toLocaleString('en')} events, ${docCount.toLocaleString('en')} documents (${n} runs each, limit 50 / 20):`,
  );
  const q: Record<string, unknown> = {};
  q.actor = await time('events --actor NAME (Zipf-chosen actor)', () =>
    store.queryEvents({ actors: [`Actor ${zipf(20000)}`], limit: 50 }),
  );
  q.actorRare = await time('events --actor NAME (uniformly chosen actor)', () =>
    store.queryEvents({ actors: [`Actor ${Math.floor(rnd() * 20000)}`], limit: 50 }),
  );
  q.typeDates = await time('events --type T --from M --to M+2', () => {
    const y = 2015 + Math.floor(rnd() * 11);
    const m = 1 + Math.floor(rnd() * 10);
    return store.queryEvents({
      type: pick(TYPES),
      from: `${y}-${String(m).padStart(2, '0')}`,
      to: `${y}-${String(m + 2).padStart(2, '0')}`,
      limit: 50,
    });
  });
  q.actorTypeDates = await time('events --actor --type --from --to', () => {
    const y = 2015 + Math.floor(rnd() * 11);
    return store.queryEvents({
      actors: [`Actor ${zipf(20000)}`],
      type: pick(TYPES),
      from: `${y}`,
      to: `${y}`,
      limit: 50,
    });
  });
  q.search = await time('search WORD (full text, lemmas, snippets)', () =>
    store.search(pick(words), { limit: 20 }),
  );
  q.search2 = await time('search WORD WORD', () =>
    store.search(`${pick(words)} ${pick(words)}`, { limit: 20 }),
  );
  q.eventsQ = await time('events --q WORD (evidence full text)', () =>
    store.queryEvents({ q: pick(words), limit: 50 }),
  );
  report.queries = { events: totalEvents, documents: docCount, runs: n, ...q };
  await store.close();
}

if (values.json) console.log(JSON.stringify(report, null, 2));
if (values['write-results']) {
  const when = new Date().toISOString().slice(0, 10);
  const args = process.argv.slice(2).filter((a) => a !== '--write-results');
  const path = writeResultsBlock(
    'store',
    [
      '## Store benchmark',
      '',
      `\`npx tsx bench/store.ts ${args.join(' ')}\` on ${when}, ${cpus().length} cores, Node ${process.version}:`,
      '',
      '```',
      ...lines.filter((l) => !l.startsWith('kept ')),
      '```',
    ].join('\n'),
  );
  console.error(`bench/store: wrote ${path}`);
}
if (!values.keep && !values.dir) rmSync(workDir, { recursive: true, force: true });
else log(`kept ${workDir}`);
