/**
 * The SQLite store: better-sqlite3 for execution (synchronous, so that a batch is one tight
 * transaction), Kysely for building the queries whose shape depends on the filters. WAL mode lets
 * readers work while an ingest writes; every write is one `BEGIN IMMEDIATE` transaction, so two
 * ingests on one file take turns (the second waits up to the busy timeout) instead of failing halfway.
 */
import { existsSync, statSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type SelectQueryBuilder, type Selectable } from 'kysely';
import type { EntityRef, EntityType, Event, EventStatus, Quote, Role, Warning } from '../../doc.js';
import { AnnalistError } from '../../pipeline/errors.js';
import {
  addDays,
  candidateWindow,
  dateRange,
  datePrecision,
  datesCompatible,
  effectiveRange,
  strongerStatus,
} from '../merge.js';
import { isQid, nameKey, nameParts, outletOf } from '../names.js';
import { encodeDocument } from '../prepare.js';
import { analyzeQuery, ftsQuery, lemmaSnippet, phraseQuery, type QueryAnalyzer } from '../query-text.js';
import { LSH_BANDS, MINHASH_SIZE, NEAR_DUPLICATE_SIMILARITY, lshKeys } from '../minhash.js';
import type {
  ActorResolver,
  EncodedDocument,
  EntityProfile,
  EventFilters,
  EventMentionRecord,
  EventRecord,
  IngestErrorRecord,
  PreparedDocument,
  PreparedEntity,
  SearchHit,
  SearchOptions,
  Store,
  StoreStats,
  StoredDocument,
  WriteOutcome,
} from '../types.js';
import { sqliteError } from './errors.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';
import type { Database, EventsTable } from './schema.js';

export interface SqliteStoreOptions {
  /** Create the file when it does not exist (default true); false gives `E_DB_MISSING` instead. */
  create?: boolean;
  /** How long a write waits for another process's transaction before giving up (default 30 s). */
  busyTimeoutMs?: number;
  /**
   * Caps the database at this many pages (`PRAGMA max_page_count`, 4 KiB each): a size limit for
   * hosted setups, and the way tests simulate a full disk.
   */
  maxPageCount?: number;
  /** A KB-backed name resolver, asked before the stored names (see `resolveActor`). */
  resolveActor?: ActorResolver;
  /** Turns search queries into words and lemmas (default: the pipeline's morphology when available). */
  analyzeQuery?: QueryAnalyzer;
}

type Db = BetterSqlite3.Database;
type Stmt = BetterSqlite3.Statement;

/** An events row as the queries select it (every column but the bookkeeping `updated_at`). */
type EventRow = Omit<Selectable<EventsTable>, 'updated_at'>;

const EVENT_COLUMNS = [
  'e.id',
  'e.merge_key',
  'e.type',
  'e.cameo',
  'e.plover_type',
  'e.plover_mode',
  'e.date',
  'e.day_start',
  'e.day_end',
  'e.status',
  'e.amount_value',
  'e.amount_currency',
  'e.amount_text',
  'e.topic',
  'e.location',
  'e.confidence',
  'e.num_mentions',
  'e.num_articles',
  'e.num_sources',
  'e.first_reported',
  'e.added_at',
] as const;

/** Matches of one word beyond this many articles are ranked among the most recently stored ones. */
export const SEARCH_RANK_WINDOW = 20_000;

/** `similarity` of two signatures in their stored (binary) form: the share of equal 32-bit values. */
function signatureSimilarity(a: Buffer, b: Buffer): number {
  if (a.length !== b.length) return 0;
  let same = 0;
  for (let i = 0; i < MINHASH_SIZE; i++) {
    const o = i * 4;
    if (a[o] === b[o] && a[o + 1] === b[o + 1] && a[o + 2] === b[o + 2] && a[o + 3] === b[o + 3]) same++;
  }
  return same / MINHASH_SIZE;
}

/** True when the document carries stored forms that still match its lists (it was not edited since). */
function encodedFits(d: PreparedDocument): d is PreparedDocument & { encoded: EncodedDocument } {
  const e = d.encoded;
  return (
    e !== undefined &&
    e.entityData.length === d.entities.length &&
    e.eventData.length === d.events.length &&
    e.quoteData.length === d.quotes.length
  );
}

function compareScores(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

function now(): string {
  return new Date().toISOString();
}

function parseJson<T>(s: string | null, fallback: T): T {
  if (s === null) return fallback;
  try {
    return JSON.parse(s) as T;
  } catch {
    return fallback;
  }
}

/** Validates a filter date and returns its first or last day. */
function boundDay(value: string | undefined, which: 0 | 1, flag: string): string | null {
  if (value === undefined || value === null || value === '') return null;
  const r = dateRange(value);
  if (!r)
    throw new AnnalistError('E_BAD_DATE', `${flag} must be YYYY, YYYY-MM or YYYY-MM-DD, not "${value}".`);
  return r[which];
}

function asList<T>(v: T | T[] | undefined): T[] {
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

/**
 * What this connection has written of entities and their name keys, so that an entity seen in
 * thousands of articles is not rewritten each time. Additions become visible only when their
 * transaction commits; the cache is bounded and dropped whenever entities are deleted.
 */
class WriteCache {
  private entities = new Map<string, string>();
  // entity → name key → the strongest `exact` flag written (1 beats 0, as in the upsert)
  private names = new Map<string, Map<string, number>>();
  private nameCount = 0;
  private stagedEntities = new Map<string, string>();
  private stagedNames = new Map<string, Map<string, number>>();

  entity(id: string): string | undefined {
    return this.stagedEntities.get(id) ?? this.entities.get(id);
  }
  stageEntity(id: string, sig: string): void {
    this.stagedEntities.set(id, sig);
  }
  /** True when a name row at least as strong as `exact` was written for this entity and key. */
  hasName(key: string, entity: string, exact: number): boolean {
    const staged = this.stagedNames.get(entity)?.get(key);
    if (staged !== undefined && staged >= exact) return true;
    const done = this.names.get(entity)?.get(key);
    return done !== undefined && done >= exact;
  }
  stageName(key: string, entity: string, exact: number): void {
    let m = this.stagedNames.get(entity);
    if (!m) this.stagedNames.set(entity, (m = new Map()));
    if ((m.get(key) ?? -1) < exact) m.set(key, exact);
  }
  commit(): void {
    if (this.entities.size > 200_000 || this.nameCount > 1_000_000) this.clear();
    for (const [k, v] of this.stagedEntities) this.entities.set(k, v);
    for (const [entity, staged] of this.stagedNames) {
      let m = this.names.get(entity);
      if (!m) this.names.set(entity, (m = new Map()));
      for (const [key, exact] of staged) {
        const had = m.get(key);
        if (had === undefined) this.nameCount++;
        if ((had ?? -1) < exact) m.set(key, exact);
      }
    }
    this.rollback();
  }
  rollback(): void {
    this.stagedEntities.clear();
    this.stagedNames.clear();
  }
  clear(): void {
    this.entities.clear();
    this.names.clear();
    this.nameCount = 0;
    this.rollback();
  }
}

/** Prepared statements of the write path: static SQL, prepared once per connection. */
class WriteStatements {
  readonly docByIdForWrite: Stmt;
  readonly storedVersions: Stmt;
  readonly insertDoc: Stmt;
  readonly updateDoc: Stmt;
  readonly bandCandidates: Stmt;
  readonly insertBand: Stmt;
  readonly deleteBand: Stmt;
  readonly insertLemmas: Stmt;
  readonly deleteLemmas: Stmt;
  readonly insertSentence: Stmt;
  readonly upsertEntity: Stmt;
  readonly insertEntityRefIfMissing: Stmt;
  readonly upsertName: Stmt;
  readonly insertDocEntity: Stmt;
  readonly insertMention: Stmt;
  readonly entityCountry: Stmt;
  readonly mergeCandidates: Stmt;
  readonly insertEvent: Stmt;
  readonly refineEventDate: Stmt;
  readonly insertParticipant: Stmt;
  readonly insertEventMention: Stmt;
  readonly insertQuote: Stmt;
  readonly eventsOfDoc: Stmt;
  readonly entitiesOfDoc: Stmt;
  readonly participantsOfDoc: Stmt;
  readonly deleteChildren: Stmt[];
  readonly eventAggregate: Stmt;
  readonly eventBestDate: Stmt;
  readonly updateEventAggregate: Stmt;
  readonly updateParticipantsDay: Stmt;
  readonly deleteEvent: Stmt;
  readonly deleteOrphanEntity: Stmt;
  readonly upsertError: Stmt;

  constructor(db: Db) {
    this.docByIdForWrite = db.prepare(
      'SELECT seq, pipeline_version, fingerprint FROM documents WHERE id = ?',
    );
    this.storedVersions = db.prepare(
      'SELECT id, pipeline_version FROM documents WHERE id IN (SELECT value FROM json_each(?))',
    );
    this.insertDoc = db.prepare(
      `INSERT INTO documents (id, source, url, outlet, origin_key, title, date, lang, text,
         pipeline_version, fingerprint, duplicate_of, warnings, ingested_at, updated_at)
       VALUES (@id, @source, @url, @outlet, @origin_key, @title, @date, @lang, @text,
         @pipeline_version, @fingerprint, @duplicate_of, @warnings, @at, @at)`,
    );
    this.updateDoc = db.prepare(
      `UPDATE documents SET source = @source, url = @url, outlet = @outlet, origin_key = @origin_key,
         title = @title, date = @date, lang = @lang, text = @text,
         pipeline_version = @pipeline_version, fingerprint = @fingerprint, duplicate_of = @duplicate_of,
         warnings = @warnings, updated_at = @at
       WHERE seq = @seq`,
    );
    // Oldest first and read lazily: the scan usually stops at the first candidate (see writeOne).
    this.bandCandidates = db.prepare(
      `SELECT d.seq, d.id, d.fingerprint, d.duplicate_of, d.origin_key FROM documents d
       WHERE d.seq IN (SELECT doc FROM document_bands WHERE key IN (${Array(LSH_BANDS).fill('?').join(', ')}))
         AND d.seq <> ?
       ORDER BY d.seq`,
    );
    this.insertBand = db.prepare('INSERT OR IGNORE INTO document_bands (key, doc) VALUES (?, ?)');
    this.deleteBand = db.prepare('DELETE FROM document_bands WHERE key = ? AND doc = ?');
    this.insertLemmas = db.prepare('INSERT INTO documents_lemmas_fts (rowid, lemmas) VALUES (?, ?)');
    this.deleteLemmas = db.prepare('DELETE FROM documents_lemmas_fts WHERE rowid = ?');
    this.insertSentence = db.prepare(
      'INSERT INTO sentences (doc, idx, start, "end", lang) VALUES (?, ?, ?, ?, ?)',
    );
    this.upsertEntity = db.prepare(
      `INSERT INTO entities (id, name, type, country, wikidata, names, created_at, updated_at)
       VALUES (@id, @name, @type, @country, @wikidata, @names, @at, @at)
       ON CONFLICT (id) DO UPDATE SET
         name = excluded.name, type = excluded.type,
         country = COALESCE(excluded.country, entities.country),
         wikidata = COALESCE(excluded.wikidata, entities.wikidata),
         names = json_patch(entities.names, excluded.names),
         updated_at = excluded.updated_at`,
    );
    this.insertEntityRefIfMissing = db.prepare(
      `INSERT INTO entities (id, name, type, country, wikidata, names, created_at, updated_at)
       VALUES (@id, @name, @type, @country, @wikidata, '{}', @at, @at)
       ON CONFLICT (id) DO NOTHING`,
    );
    this.upsertName = db.prepare(
      `INSERT INTO entity_names (key, entity, exact) VALUES (?, ?, ?)
       ON CONFLICT (key, entity) DO UPDATE SET exact = excluded.exact WHERE excluded.exact > entity_names.exact`,
    );
    this.insertDocEntity = db.prepare(
      'INSERT INTO document_entities (doc, entity, ord, data) VALUES (?, ?, ?, ?)',
    );
    this.insertMention = db.prepare(
      `INSERT INTO mentions (doc, entity, sentence, start, "end", text, lemma, rule, via)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.entityCountry = db.prepare('SELECT country FROM entities WHERE id = ?').pluck();
    this.mergeCandidates = db.prepare(
      `SELECT id, date, day_start, day_end, num_mentions FROM events
       WHERE merge_key = ? AND day_start <= ? AND day_end >= ?`,
    );
    this.insertEvent = db.prepare(
      `INSERT INTO events (merge_key, type, cameo, plover_type, plover_mode, date, day_start, day_end, status,
         amount_value, amount_currency, amount_text, topic, location, confidence, first_reported, added_at, updated_at)
       VALUES (@merge_key, @type, @cameo, @plover_type, @plover_mode, @date, @day_start, @day_end, @status,
         @amount_value, @amount_currency, @amount_text, @topic, @location, @confidence, @first_reported, @at, @at)`,
    );
    this.refineEventDate = db.prepare('UPDATE events SET date = ?, day_start = ?, day_end = ? WHERE id = ?');
    this.insertParticipant = db.prepare(
      `INSERT OR IGNORE INTO event_participants (event, entity, role, ord, country, day_start)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    this.insertEventMention = db.prepare(
      `INSERT INTO event_mentions (event, doc, doc_event_id, ord, sentence, start, "end", text, lemmas, topic,
         rule, confidence, status, date, date_text, data)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertQuote = db.prepare(
      'INSERT INTO quotes (doc, ord, speaker, data, text, start, "end") VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.eventsOfDoc = db.prepare('SELECT DISTINCT event FROM event_mentions WHERE doc = ?').pluck();
    this.entitiesOfDoc = db.prepare('SELECT entity FROM document_entities WHERE doc = ?').pluck();
    this.participantsOfDoc = db
      .prepare(
        `SELECT DISTINCT p.entity FROM event_participants p JOIN event_mentions em ON em.event = p.event WHERE em.doc = ?
         UNION SELECT speaker FROM quotes WHERE doc = ? AND speaker IS NOT NULL`,
      )
      .pluck();
    this.deleteChildren = [
      'DELETE FROM event_mentions WHERE doc = ?',
      'DELETE FROM mentions WHERE doc = ?',
      'DELETE FROM document_entities WHERE doc = ?',
      'DELETE FROM sentences WHERE doc = ?',
      'DELETE FROM quotes WHERE doc = ?',
    ].map((s) => db.prepare(s));
    this.eventAggregate = db.prepare(
      `SELECT COUNT(*) AS mentions, COUNT(DISTINCT em.doc) AS articles, COUNT(DISTINCT d.origin_key) AS sources,
         MIN(d.date) AS first_reported, MAX(em.confidence) AS confidence,
         group_concat(DISTINCT em.status) AS statuses
       FROM event_mentions em JOIN documents d ON d.seq = em.doc WHERE em.event = ?`,
    );
    this.eventBestDate = db
      .prepare(
        `SELECT em.date FROM event_mentions em WHERE em.event = ? AND em.date IS NOT NULL
       ORDER BY length(em.date) DESC, em.id LIMIT 1`,
      )
      .pluck();
    this.updateEventAggregate = db.prepare(
      `UPDATE events SET num_mentions = ?, num_articles = ?, num_sources = ?, first_reported = ?, confidence = ?,
         status = ?, date = ?, day_start = ?, day_end = ?, updated_at = ? WHERE id = ?`,
    );
    this.updateParticipantsDay = db.prepare('UPDATE event_participants SET day_start = ? WHERE event = ?');
    this.deleteEvent = db.prepare('DELETE FROM events WHERE id = ?');
    this.deleteOrphanEntity = db.prepare(
      `DELETE FROM entities WHERE id = @id
         AND NOT EXISTS (SELECT 1 FROM document_entities WHERE entity = @id)
         AND NOT EXISTS (SELECT 1 FROM event_participants WHERE entity = @id)
         AND NOT EXISTS (SELECT 1 FROM events WHERE location = @id)
         AND NOT EXISTS (SELECT 1 FROM quotes WHERE speaker = @id)
         AND NOT EXISTS (SELECT 1 FROM mentions WHERE entity = @id)`,
    );
    this.upsertError = db.prepare(
      `INSERT INTO ingest_errors (file, line, code, message, at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (file, line, code) DO UPDATE SET message = excluded.message, at = excluded.at`,
    );
  }
}

/**
 * An Annalist store in one SQLite file.
 *
 * @example
 * const store = await SqliteStore.open('news.db');
 * console.log(await store.stats());
 * await store.close();
 */
export class SqliteStore implements Store {
  readonly backend = 'sqlite';
  readonly location: string;
  private readonly db: Db;
  private readonly k: Kysely<Database>;
  private readonly w: WriteStatements;
  private readonly busyTimeoutMs: number;
  private readonly externalResolver: ActorResolver | undefined;
  private readonly analyze: QueryAnalyzer;
  private closed = false;
  private readonly cache = new WriteCache();

  private constructor(path: string, db: Db, options: SqliteStoreOptions) {
    this.location = path;
    this.db = db;
    this.busyTimeoutMs = options.busyTimeoutMs ?? 30_000;
    this.externalResolver = options.resolveActor;
    this.analyze = options.analyzeQuery ?? analyzeQuery;
    this.k = new Kysely<Database>({ dialect: new SqliteDialect({ database: db }) });
    this.w = new WriteStatements(db);
  }

  /**
   * Opens (and creates, unless told not to) a store file, applying pending migrations.
   *
   * @example const store = await SqliteStore.open('news.db', { busyTimeoutMs: 60_000 });
   */
  static async open(path: string, options: SqliteStoreOptions = {}): Promise<SqliteStore> {
    const busy = options.busyTimeoutMs ?? 30_000;
    if (options.create === false && path !== ':memory:' && !existsSync(path)) {
      throw new AnnalistError(
        'E_DB_MISSING',
        `No database at ${path}. Create one with "annalist ingest FILES --db ${path}".`,
      );
    }
    let db: Db | undefined;
    try {
      db = new BetterSqlite3(path, { timeout: busy });
      db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busy))}`);
      db.pragma('journal_mode = WAL');
      // NORMAL in WAL mode survives a killed process (only a power cut can lose the last commits).
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      db.pragma('cache_size = -65536');
      db.pragma('temp_store = MEMORY');
      if (options.maxPageCount !== undefined)
        db.pragma(`max_page_count = ${Math.floor(options.maxPageCount)}`);
      migrate(db, path);
      return new SqliteStore(path, db, options);
    } catch (err) {
      db?.close();
      throw sqliteError(err, path, busy);
    }
  }

  private fail(err: unknown): never {
    throw sqliteError(err, this.location, this.busyTimeoutMs);
  }

  // ---------------------------------------------------------------- writing

  async storedVersions(ids: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    try {
      if (ids.length === 0) return out;
      const rows = this.w.storedVersions.all(JSON.stringify(ids)) as Array<{
        id: string;
        pipeline_version: string;
      }>;
      for (const r of rows) out.set(r.id, r.pipeline_version);
    } catch (err) {
      this.fail(err);
    }
    return out;
  }

  async writeDocuments(docs: readonly PreparedDocument[]): Promise<WriteOutcome[]> {
    if (docs.length === 0) return [];
    const run = this.db.transaction((batch: readonly PreparedDocument[]) => {
      const outcomes: WriteOutcome[] = [];
      const touched = new Set<number>();
      const orphanCandidates = new Set<string>();
      for (const d of batch) outcomes.push(this.writeOne(d, touched, orphanCandidates));
      const at = now();
      for (const id of touched) this.refreshEvent(id, at);
      for (const id of orphanCandidates) {
        if (this.w.deleteOrphanEntity.run({ id }).changes > 0) this.cache.clear();
      }
      return outcomes;
    });
    for (let attempt = 0; ; attempt++) {
      try {
        const out = run.immediate(docs);
        this.cache.commit();
        return out;
      } catch (err) {
        this.cache.rollback();
        // Another process may have removed an entity this one remembered writing: forget and retry once.
        if (attempt === 0 && (err as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
          this.cache.clear();
          continue;
        }
        this.fail(err);
      }
    }
  }

  private writeOne(d: PreparedDocument, touched: Set<number>, orphanCandidates: Set<string>): WriteOutcome {
    const w = this.w;
    const at = now();
    const enc = encodedFits(d) ? d.encoded : encodeDocument(d);
    const existing = w.docByIdForWrite.get(d.id) as
      { seq: number; pipeline_version: string; fingerprint: Buffer | null } | undefined;
    if (existing && existing.pipeline_version === d.pipelineVersion) {
      return { id: d.id, action: 'skipped', duplicateOf: null };
    }
    const outlet = outletOf(d.url);
    const row = {
      id: d.id,
      source: d.source,
      url: d.url,
      outlet,
      origin_key: outlet ?? d.id,
      title: d.title,
      date: d.date,
      lang: d.lang,
      text: d.text,
      pipeline_version: d.pipelineVersion,
      fingerprint: d.fingerprint ? Buffer.from(d.fingerprint, 'hex') : null,
      duplicate_of: null as string | null,
      warnings: enc.warnings,
      at,
    };
    if (existing) {
      for (const ev of w.eventsOfDoc.all(existing.seq) as number[]) touched.add(ev);
      for (const ent of w.entitiesOfDoc.all(existing.seq) as string[]) orphanCandidates.add(ent);
      for (const ent of w.participantsOfDoc.all(existing.seq, existing.seq) as string[])
        orphanCandidates.add(ent);
      for (const del of w.deleteChildren) del.run(existing.seq);
      w.deleteLemmas.run(existing.seq);
      if (existing.fingerprint) {
        for (const key of lshKeys(existing.fingerprint.toString('hex'))) w.deleteBand.run(key, existing.seq);
      }
    }

    // Near-duplicates: a stored text sharing most of its shingles marks this one as a copy of that story.
    const bands = enc.bands;
    if (d.fingerprint) {
      let best: { seq: number; id: string; dup: string | null; origin: string; sim: number } | null = null;
      // Candidates come oldest first, so the first identical copy is the best one and ends the scan.
      for (const c of w.bandCandidates.iterate(...bands, existing?.seq ?? -1) as Iterable<{
        seq: number;
        id: string;
        fingerprint: Buffer | null;
        duplicate_of: string | null;
        origin_key: string;
      }>) {
        if (!c.fingerprint) continue;
        const sim = signatureSimilarity(row.fingerprint!, c.fingerprint);
        if (sim < NEAR_DUPLICATE_SIMILARITY) continue;
        if (!best || sim > best.sim || (sim === best.sim && c.seq < best.seq)) {
          best = { seq: c.seq, id: c.id, dup: c.duplicate_of, origin: c.origin_key, sim };
        }
        if (sim === 1) break;
      }
      if (best) {
        row.duplicate_of = best.dup ?? best.id;
        row.origin_key = best.origin;
      }
    }
    let seq: number;
    if (existing) {
      seq = existing.seq;
      w.updateDoc.run({ ...row, seq });
    } else {
      seq = Number(w.insertDoc.run(row).lastInsertRowid);
    }
    for (const b of bands) w.insertBand.run(b, seq);
    if (d.lemmas) w.insertLemmas.run(seq, d.lemmas);

    d.sentences.forEach((s, i) => w.insertSentence.run(seq, i, s.start, s.end, s.lang));

    // Entities: one row per KB identity, names merged across articles.
    const cache = this.cache;
    // An entity listed twice keeps its last listing, as one row per document and entity.
    const lastOrd = new Map<string, number>();
    d.entities.forEach((e, ord) => lastOrd.set(e.id, ord));
    d.entities.forEach((e, ord) => {
      const names = enc.entityNames[ord]!;
      // The same entity comes back in article after article: write it only when what we know changed.
      const sig = `${e.name}\u0000${e.type}\u0000${e.country}\u0000${e.wikidata}\u0000${names}`;
      if (cache.entity(e.id) !== sig) {
        w.upsertEntity.run({
          id: e.id,
          name: e.name,
          type: e.type,
          country: e.country,
          wikidata: e.wikidata,
          names,
          at,
        });
        cache.stageEntity(e.id, sig);
      }
      if (lastOrd.get(e.id) === ord) w.insertDocEntity.run(seq, e.id, ord, enc.entityData[ord]!);
      for (const m of e.mentions) {
        w.insertMention.run(
          seq,
          e.id,
          m.sentence,
          m.start,
          m.end,
          m.text,
          m.lemma ?? null,
          m.rule ?? null,
          m.via ?? null,
        );
      }
      const { exact, parts } = enc.nameKeys[ord]!;
      for (const key of exact) {
        if (cache.hasName(key, e.id, 1)) continue;
        w.upsertName.run(key, e.id, 1);
        cache.stageName(key, e.id, 1);
      }
      for (const key of parts) {
        if (cache.hasName(key, e.id, 0)) continue;
        w.upsertName.run(key, e.id, 0);
        cache.stageName(key, e.id, 0);
      }
    });

    const ensureRef = (r: EntityRef): void => {
      if (cache.entity(r.id) !== undefined) return;
      cache.stageEntity(r.id, '');
      w.insertEntityRefIfMissing.run({
        id: r.id,
        name: r.name,
        type: r.type,
        country: r.country ?? null,
        wikidata: r.wikidata ?? null,
        at,
      });
    };

    // Events: merged with a stored report of the same event when type, participants and dates agree.
    d.events.forEach((pe, ord) => {
      const ev = pe.event;
      for (const r of [...ev.source, ...ev.target]) ensureRef(r);
      if (ev.location) ensureRef(ev.location);
      const key = enc.mergeKeys[ord]!;
      const time = { date: ev.date, anchor: d.date };
      let eventId: number | null = null;
      if (key) {
        const win = candidateWindow(time);
        if (win) {
          let best: { id: number; date: string | null; score: number[] } | null = null;
          for (const c of w.mergeCandidates.all(key, win[1], win[0]) as Array<{
            id: number;
            date: string | null;
            day_start: string | null;
            num_mentions: number;
          }>) {
            const other = { date: c.date, anchor: c.date ? null : c.day_start };
            if (!datesCompatible(time, other)) continue;
            // Prefer the same date, then the most specific one, then the most reported event, then the oldest.
            const score = [c.date === ev.date ? 1 : 0, datePrecision(c.date), c.num_mentions, -c.id];
            if (!best || compareScores(score, best.score) > 0) best = { id: c.id, date: c.date, score };
          }
          if (best) {
            eventId = best.id;
            // A more specific date from this report refines the stored one (a month becomes a day).
            if (datePrecision(ev.date) > datePrecision(best.date)) {
              const r = dateRange(ev.date)!;
              w.refineEventDate.run(ev.date, r[0], r[1], eventId);
              w.updateParticipantsDay.run(r[0], eventId);
            }
          }
        }
      }
      if (eventId === null) {
        const range = effectiveRange(time);
        eventId = Number(
          w.insertEvent.run({
            merge_key: key,
            type: ev.type,
            cameo: ev.cameo ?? null,
            plover_type: ev.plover?.type ?? null,
            plover_mode: ev.plover?.mode ?? null,
            date: ev.date,
            day_start: range?.[0] ?? null,
            day_end: range?.[1] ?? null,
            status: ev.status,
            amount_value: ev.amount?.value ?? null,
            amount_currency: ev.amount?.currency ?? null,
            amount_text: ev.amount?.text ?? null,
            topic: ev.topic ?? null,
            location: ev.location?.id ?? null,
            confidence: ev.confidence ?? 0,
            first_reported: d.date,
            at,
          }).lastInsertRowid,
        );
        const add = (refs: EntityRef[], role: 'source' | 'target'): void => {
          refs.forEach((r, i) => {
            const country = (w.entityCountry.get(r.id) as string | null | undefined) ?? r.country ?? null;
            w.insertParticipant.run(eventId, r.id, role, i, country, range?.[0] ?? null);
          });
        };
        add(ev.source, 'source');
        add(ev.target, 'target');
      }
      w.insertEventMention.run(
        eventId,
        seq,
        ev.id,
        ord,
        pe.sentence,
        ev.evidence.start,
        ev.evidence.end,
        ev.evidence.text,
        pe.lemmas,
        ev.topic ?? null,
        ev.rule ?? '',
        ev.confidence ?? 0,
        ev.status,
        ev.date,
        ev.dateText ?? null,
        enc.eventData[ord]!,
      );
      touched.add(eventId);
    });

    d.quotes.forEach((q, ord) => {
      if (q.speaker) ensureRef(q.speaker);
      w.insertQuote.run(seq, ord, q.speaker?.id ?? null, enc.quoteData[ord]!, q.text, q.start, q.end);
    });

    return { id: d.id, action: existing ? 'replaced' : 'inserted', duplicateOf: row.duplicate_of };
  }

  /** Recomputes an event's counts, status and date from its remaining reports; drops it when none remain. */
  private refreshEvent(id: number, at: string): void {
    const w = this.w;
    const agg = w.eventAggregate.get(id) as {
      mentions: number;
      articles: number;
      sources: number;
      first_reported: string | null;
      confidence: number | null;
      statuses: string | null;
    };
    if (agg.mentions === 0) {
      w.deleteEvent.run(id);
      return;
    }
    let status: EventStatus | null = null;
    for (const s of (agg.statuses ?? '').split(',')) {
      if (!s) continue;
      status = status ? strongerStatus(status, s as EventStatus) : (s as EventStatus);
    }
    const date = (w.eventBestDate.get(id) as string | undefined) ?? null;
    const range = effectiveRange({ date, anchor: agg.first_reported });
    w.updateEventAggregate.run(
      agg.mentions,
      agg.articles,
      agg.sources,
      agg.first_reported,
      agg.confidence ?? 0,
      status ?? 'occurred',
      date,
      range?.[0] ?? null,
      range?.[1] ?? null,
      at,
      id,
    );
    w.updateParticipantsDay.run(range?.[0] ?? null, id);
  }

  async recordErrors(errors: readonly IngestErrorRecord[]): Promise<void> {
    if (errors.length === 0) return;
    const run = this.db.transaction((list: readonly IngestErrorRecord[]) => {
      for (const e of list) this.w.upsertError.run(e.file, e.line ?? 0, e.code, e.message, e.at);
    });
    try {
      run.immediate(errors);
    } catch (err) {
      this.fail(err);
    }
  }

  async listErrors(limit = 100): Promise<IngestErrorRecord[]> {
    const rows = await this.k
      .selectFrom('ingest_errors')
      .select(['file', 'line', 'code', 'message', 'at'])
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ ...r, line: r.line === 0 ? null : r.line }));
  }

  // ---------------------------------------------------------------- reading

  async getDocument(id: string): Promise<StoredDocument | null> {
    const d = await this.k.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
    if (!d) return null;
    const [sentences, docEntities, mentions, evs, quotes] = await Promise.all([
      this.k
        .selectFrom('sentences')
        .select(['start', 'end', 'lang'])
        .where('doc', '=', d.seq)
        .orderBy('idx')
        .execute(),
      this.k
        .selectFrom('document_entities')
        .select(['entity', 'data'])
        .where('doc', '=', d.seq)
        .orderBy('ord')
        .execute(),
      this.k
        .selectFrom('mentions')
        .select(['entity', 'sentence', 'start', 'end', 'text', 'lemma', 'rule', 'via'])
        .where('doc', '=', d.seq)
        .orderBy('id')
        .execute(),
      this.k
        .selectFrom('event_mentions')
        .select(['data', 'text'])
        .where('doc', '=', d.seq)
        .orderBy('ord')
        .execute(),
      this.k.selectFrom('quotes').select(['data', 'text']).where('doc', '=', d.seq).orderBy('ord').execute(),
    ]);
    const byEntity = new Map<string, PreparedEntity['mentions']>();
    for (const m of mentions) {
      const list = byEntity.get(m.entity) ?? [];
      const out: PreparedEntity['mentions'][number] = {
        start: m.start,
        end: m.end,
        text: m.text,
        lemma: m.lemma ?? '',
        sentence: m.sentence,
      };
      if (m.rule !== null) out.rule = m.rule;
      if (m.via !== null) out.via = m.via as NonNullable<PreparedEntity['mentions'][number]['via']>;
      list.push(out);
      byEntity.set(m.entity, list);
    }
    return {
      id: d.id,
      source: d.source,
      url: d.url,
      title: d.title,
      date: d.date,
      lang: d.lang,
      text: d.text,
      pipelineVersion: d.pipeline_version,
      fingerprint: d.fingerprint ? d.fingerprint.toString('hex') : null,
      duplicateOf: d.duplicate_of,
      ingestedAt: d.ingested_at,
      sentences,
      entities: docEntities.map((de) => ({
        ...(parseJson(de.data, {}) as Omit<PreparedEntity, 'mentions'>),
        mentions: byEntity.get(de.entity) ?? [],
      })),
      // Texts kept in their own columns are put back (older stores have them in the JSON as well).
      events: evs.map((e) => {
        const ev = parseJson(e.data, {}) as Event;
        if (ev.evidence && ev.evidence.text === undefined) ev.evidence.text = e.text;
        return ev;
      }),
      quotes: quotes.map((q) => {
        const quote = parseJson(q.data, {}) as Quote;
        if (quote.text === undefined) quote.text = q.text;
        return quote;
      }),
      warnings: parseJson(d.warnings, [] as Warning[]),
    };
  }

  async resolveActor(name: string): Promise<string[]> {
    const n = name.trim();
    if (!n) return [];
    if (isQid(n)) {
      const rows = await this.k
        .selectFrom('entities')
        .select('id')
        .where((eb) => eb.or([eb('id', '=', n), eb('wikidata', '=', n)]))
        .execute();
      return rows.length ? rows.map((r) => r.id) : [n];
    }
    const direct = await this.k.selectFrom('entities').select('id').where('id', '=', n).executeTakeFirst();
    if (direct) return [direct.id];
    if (this.externalResolver) {
      // The KB's identities count when the store has them; else the names seen in articles decide.
      const ids = await this.externalResolver(n);
      if (ids.length) {
        const known = await this.k.selectFrom('entities').select('id').where('id', 'in', ids).execute();
        if (known.length) return ids.filter((id) => known.some((r) => r.id === id));
      }
    }
    const key = nameKey(n);
    if (!key) return [];
    const exactIds = async (kk: string): Promise<string[]> =>
      (
        await this.k
          .selectFrom('entity_names')
          .select('entity')
          .where('key', '=', kk)
          .where('exact', '=', 1)
          .execute()
      ).map((r) => r.entity);
    // Every word of the query must be a word of one of the entity's names ("Tokayev" → Kassym-Jomart Tokayev).
    const partIds = async (kk: string): Promise<string[]> => {
      const words = nameParts(kk);
      let ids: string[] | undefined;
      for (const wd of words) {
        const rows = await this.k.selectFrom('entity_names').select('entity').where('key', '=', wd).execute();
        const found = new Set(rows.map((r) => r.entity));
        ids = ids === undefined ? [...found] : ids.filter((x) => found.has(x));
        if (ids.length === 0) break;
      }
      return ids ?? [];
    };
    const typed = await exactIds(key);
    if (typed.length) return typed;
    // Then the name's lemmas ("Токаева" → "токаев"), which are stored as keys too.
    const lemmaKey = nameKey((await this.analyze(n)).lemmas.join(' '));
    if (lemmaKey && lemmaKey !== key) {
      const byLemma = await exactIds(lemmaKey);
      if (byLemma.length) return byLemma;
    }
    const parts = await partIds(key);
    if (parts.length) return parts;
    return lemmaKey && lemmaKey !== key ? partIds(lemmaKey) : [];
  }

  private async actorSets(actors: readonly string[]): Promise<string[][]> {
    const sets: string[][] = [];
    for (const a of actors) {
      const ids = await this.resolveActor(a);
      if (ids.length === 0) {
        throw new AnnalistError(
          'E_ACTOR_UNKNOWN',
          `No entity named "${a}" in the store. Try another spelling, a Wikidata id (Q…), or "annalist search ${a}".`,
        );
      }
      sets.push(ids);
    }
    return sets;
  }

  /**
   * The filtered event query. The first actor drives it through the participants index (ordered by
   * day), so that `--actor` stays fast however many events the store holds.
   */
  private async eventQuery(
    filters: EventFilters,
    page: { order: 'latest' } | { order: 'id'; afterId: number },
  ): Promise<SelectQueryBuilder<Database & { e: EventsTable }, 'e', object>> {
    const actorSets = await this.actorSets(filters.actors ?? []);
    const types = asList(filters.type);
    const statuses = asList(filters.status);
    const from = boundDay(filters.from, 0, '--from');
    const to = boundDay(filters.to, 1, '--to');
    let ftsMatch: string | null = null;
    if (filters.q && filters.q.trim()) {
      ftsMatch = ftsQuery(await this.analyze(filters.q), ['text', 'topic'], 'lemmas');
    }
    const driven = actorSets.length > 0;
    let qb = (driven
      ? this.k
          .selectFrom('event_participants as p0')
          .innerJoin('events as e', 'e.id', 'p0.event')
          .where('p0.entity', 'in', actorSets[0]!)
      : this.k.selectFrom('events as e')) as unknown as SelectQueryBuilder<
      Database & { e: EventsTable },
      'e',
      object
    >;
    const dayCol = driven ? sql.ref<string>('p0.day_start') : sql.ref<string>('e.day_start');
    const idCol = driven ? sql.ref<number>('p0.event') : sql.ref<number>('e.id');
    for (const ids of actorSets.slice(1)) {
      qb = qb.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('event_participants as px')
            .select(sql.lit(1).as('one'))
            .whereRef('px.event', '=', 'e.id')
            .where('px.entity', 'in', ids),
        ),
      );
    }
    if (types.length) qb = qb.where('e.type', 'in', types);
    if (statuses.length) qb = qb.where('e.status', 'in', statuses);
    if (filters.country) {
      const c = filters.country.toUpperCase();
      qb = qb.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('event_participants as pc')
            .select(sql.lit(1).as('one'))
            .whereRef('pc.event', '=', 'e.id')
            .where('pc.country', '=', c),
        ),
      );
    }
    if (to) qb = qb.where(dayCol, '<=', to);
    if (from) {
      // No event spans more than a year, so this bound lets the day index narrow the scan.
      qb = qb.where('e.day_end', '>=', from).where(dayCol, '>=', addDays(from, -366));
    }
    if (ftsMatch) {
      const match = ftsMatch;
      qb = qb.where('e.id', 'in', (eb) =>
        eb
          .selectFrom('event_mentions as em')
          .select('em.event')
          .where(
            'em.id',
            'in',
            eb
              .selectFrom('event_mentions_fts')
              .select('event_mentions_fts.rowid')
              .where(sql<boolean>`event_mentions_fts MATCH ${match}`),
          ),
      );
    }
    if (page.order === 'latest') {
      qb = qb.orderBy(dayCol, 'desc').orderBy(idCol, 'desc');
    } else {
      qb = qb.where(idCol, '>', page.afterId).orderBy(idCol, 'asc');
    }
    return qb;
  }

  async queryEvents(filters: EventFilters = {}): Promise<EventRecord[]> {
    const limit = Math.max(1, Math.floor(filters.limit ?? 50));
    try {
      const qb = await this.eventQuery(filters, { order: 'latest' });
      // The same event can come twice through the participants index (an actor on both sides):
      // fetch a little more than asked and drop repeats.
      const seen = new Set<number>();
      const rows: EventRow[] = [];
      let offset = 0;
      const pageSize = limit + 16;
      while (rows.length < limit) {
        const page = (await qb
          .select([...EVENT_COLUMNS])
          .limit(pageSize)
          .offset(offset)
          .execute()) as EventRow[];
        for (const r of page) {
          if (seen.has(r.id)) continue;
          seen.add(r.id);
          rows.push(r);
          if (rows.length >= limit) break;
        }
        if (page.length < pageSize) break;
        offset += pageSize;
      }
      return await this.hydrate(rows, filters.withMentions ?? false);
    } catch (err) {
      this.fail(err);
    }
  }

  async *iterateEvents(filters: EventFilters = {}): AsyncIterable<EventRecord> {
    const cap = filters.limit !== undefined ? Math.max(0, Math.floor(filters.limit)) : Infinity;
    let afterId = 0;
    let emitted = 0;
    const seen = new Set<number>();
    while (emitted < cap) {
      let rows: EventRow[];
      try {
        const qb = await this.eventQuery(filters, { order: 'id', afterId });
        rows = (await qb
          .select([...EVENT_COLUMNS])
          .limit(1000)
          .execute()) as EventRow[];
      } catch (err) {
        this.fail(err);
      }
      if (rows.length === 0) break;
      afterId = rows[rows.length - 1]!.id;
      const fresh = rows.filter((r) => !seen.has(r.id));
      seen.clear();
      for (const r of rows) seen.add(r.id);
      const records = await this.hydrate(fresh, filters.withMentions ?? false);
      for (const rec of records) {
        if (emitted >= cap) return;
        emitted++;
        yield rec;
      }
      if (rows.length < 1000) break;
    }
  }

  async getEvent(id: number): Promise<EventRecord | null> {
    const row = (await this.k
      .selectFrom('events as e')
      .select([...EVENT_COLUMNS])
      .where('e.id', '=', id)
      .executeTakeFirst()) as EventRow | undefined;
    if (!row) return null;
    return (await this.hydrate([row], true))[0] ?? null;
  }

  private async hydrate(rows: readonly EventRow[], withMentions: boolean): Promise<EventRecord[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const parts = await this.k
      .selectFrom('event_participants as p')
      .innerJoin('entities as n', 'n.id', 'p.entity')
      .select(['p.event', 'p.role', 'n.id', 'n.name', 'n.wikidata', 'n.type', 'n.country'])
      .where('p.event', 'in', ids)
      .orderBy('p.event')
      .orderBy('p.role')
      .orderBy('p.ord')
      .execute();
    const locIds = [...new Set(rows.map((r) => r.location).filter((x): x is string => !!x))];
    const locs = locIds.length
      ? await this.k
          .selectFrom('entities')
          .select(['id', 'name', 'wikidata', 'type', 'country'])
          .where('id', 'in', locIds)
          .execute()
      : [];
    const ref = (n: {
      id: string;
      name: string;
      wikidata: string | null;
      type: string;
      country: string | null;
    }): EntityRef => ({
      id: n.id,
      name: n.name,
      wikidata: n.wikidata,
      type: n.type as EntityType,
      country: n.country,
    });
    const locMap = new Map(locs.map((l) => [l.id, ref(l)]));
    const partMap = new Map<number, { source: EntityRef[]; target: EntityRef[] }>();
    for (const p of parts) {
      const entry = partMap.get(p.event) ?? { source: [], target: [] };
      entry[p.role].push(ref(p));
      partMap.set(p.event, entry);
    }
    const mentionMap = new Map<number, EventMentionRecord[]>();
    if (withMentions) {
      const ms = await this.k
        .selectFrom('event_mentions as em')
        .innerJoin('documents as d', 'd.seq', 'em.doc')
        .select([
          'em.event',
          'em.doc_event_id',
          'em.sentence',
          'em.start',
          'em.end',
          'em.text',
          'em.rule',
          'em.confidence',
          'em.status',
          'em.date',
          'em.date_text',
          'd.id as doc_id',
          'd.source',
          'd.url',
          'd.title',
          'd.date as doc_date',
          'd.duplicate_of',
        ])
        .where('em.event', 'in', ids)
        .orderBy('em.event')
        .orderBy('d.date')
        .orderBy('em.id')
        .execute();
      for (const m of ms) {
        const list = mentionMap.get(m.event) ?? [];
        list.push({
          docId: m.doc_id,
          docSource: m.source,
          docUrl: m.url,
          docTitle: m.title,
          docDate: m.doc_date,
          duplicateOf: m.duplicate_of,
          docEventId: m.doc_event_id,
          sentence: m.sentence,
          start: m.start,
          end: m.end,
          text: m.text,
          rule: m.rule,
          confidence: m.confidence,
          status: m.status as EventStatus,
          date: m.date,
          dateText: m.date_text,
        });
        mentionMap.set(m.event, list);
      }
    }
    return rows.map((r) => {
      const p = partMap.get(r.id) ?? { source: [], target: [] };
      const rec: EventRecord = {
        id: r.id,
        type: r.type,
        cameo: r.cameo,
        plover: { type: r.plover_type, mode: r.plover_mode },
        date: r.date,
        status: r.status as EventStatus,
        source: p.source,
        target: p.target,
        location: r.location ? (locMap.get(r.location) ?? null) : null,
        amount:
          r.amount_value !== null
            ? { value: r.amount_value, currency: r.amount_currency ?? '', text: r.amount_text ?? '' }
            : null,
        topic: r.topic,
        confidence: r.confidence,
        numMentions: r.num_mentions,
        numArticles: r.num_articles,
        numSources: r.num_sources,
        firstReported: r.first_reported,
        addedAt: r.added_at,
      };
      if (withMentions) rec.mentions = mentionMap.get(r.id) ?? [];
      return rec;
    });
  }

  async getEntityProfile(nameOrId: string): Promise<EntityProfile | null> {
    try {
      const ids = await this.resolveActor(nameOrId);
      if (ids.length === 0) return null;
      // Several entities can share a name: the most written-about one is meant.
      let id = ids[0]!;
      if (ids.length > 1) {
        const ranked = await this.k
          .selectFrom('document_entities')
          .select(['entity', (eb) => eb.fn.countAll<number>().as('n')])
          .where('entity', 'in', ids)
          .groupBy('entity')
          .orderBy('n', 'desc')
          .execute();
        id = ranked[0]?.entity ?? id;
      }
      const e = await this.k.selectFrom('entities').selectAll().where('id', '=', id).executeTakeFirst();
      if (!e) return null;
      const k = this.k;
      const [docStats, mentionCount, roleRows, evStats, types, counterparts, forms] = await Promise.all([
        k
          .selectFrom('document_entities as de')
          .innerJoin('documents as d', 'd.seq', 'de.doc')
          .select((eb) => [
            eb.fn.countAll<number>().as('n'),
            eb.fn.min('d.date').as('first'),
            eb.fn.max('d.date').as('last'),
          ])
          .where('de.entity', '=', id)
          .executeTakeFirstOrThrow(),
        k
          .selectFrom('mentions')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('entity', '=', id)
          .executeTakeFirstOrThrow(),
        k
          .selectFrom('document_entities as de')
          .innerJoin('documents as d', 'd.seq', 'de.doc')
          .select(['de.data'])
          .where('de.entity', '=', id)
          .orderBy('d.date', 'desc')
          .limit(200)
          .execute(),
        k
          .selectFrom('event_participants')
          .select((eb) => [
            eb.fn.count<number>('event').distinct().as('events'),
            eb.fn.sum<number>(sql`role = 'source'`).as('src'),
            eb.fn.sum<number>(sql`role = 'target'`).as('tgt'),
          ])
          .where('entity', '=', id)
          .executeTakeFirstOrThrow(),
        k
          .selectFrom('event_participants as p')
          .innerJoin('events as ev', 'ev.id', 'p.event')
          .select(['ev.type', (eb) => eb.fn.count<number>('ev.id').distinct().as('count')])
          .where('p.entity', '=', id)
          .groupBy('ev.type')
          .orderBy('count', 'desc')
          .execute(),
        k
          .selectFrom('event_participants as p1')
          .innerJoin('event_participants as p2', 'p2.event', 'p1.event')
          .innerJoin('entities as n', 'n.id', 'p2.entity')
          .select([
            'n.id',
            'n.name',
            'n.wikidata',
            'n.type',
            'n.country',
            (eb) => eb.fn.count<number>('p2.event').distinct().as('count'),
          ])
          .where('p1.entity', '=', id)
          .where('p2.entity', '<>', id)
          .groupBy('n.id')
          .orderBy('count', 'desc')
          .limit(10)
          .execute(),
        k
          .selectFrom('mentions')
          .select(['text', (eb) => eb.fn.countAll<number>().as('count')])
          .where('entity', '=', id)
          .groupBy('text')
          .orderBy('count', 'desc')
          .limit(12)
          .execute(),
      ]);
      const roles: Role[] = [];
      const seenRoles = new Set<string>();
      for (const r of roleRows) {
        for (const role of (parseJson(r.data, {}) as { roles?: Role[] }).roles ?? []) {
          const key = `${role.role}|${role.of}`;
          if (seenRoles.has(key)) continue;
          seenRoles.add(key);
          roles.push(role);
        }
      }
      return {
        id: e.id,
        name: e.name,
        type: e.type as EntityType,
        country: e.country,
        wikidata: e.wikidata,
        names: parseJson(e.names, {} as Record<string, string>),
        roles,
        documents: Number(docStats.n),
        mentions: Number(mentionCount.n),
        events: Number(evStats.events ?? 0),
        asSource: Number(evStats.src ?? 0),
        asTarget: Number(evStats.tgt ?? 0),
        firstSeen: (docStats.first as string | null) ?? null,
        lastSeen: (docStats.last as string | null) ?? null,
        eventTypes: types.map((t) => ({ type: t.type, count: Number(t.count) })),
        counterparts: counterparts.map((c) => ({
          entity: {
            id: c.id,
            name: c.name,
            wikidata: c.wikidata,
            type: c.type as EntityType,
            country: c.country,
          },
          count: Number(c.count),
        })),
        surfaceForms: forms.map((f) => ({ text: f.text, count: Number(f.count) })),
      };
    } catch (err) {
      this.fail(err);
    }
  }

  async search(text: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    const limit = Math.max(1, Math.floor(options.limit ?? 20));
    const [open, close] = options.highlight ?? ['<mark>', '</mark>'];
    const analyzed = options.raw ? null : await this.analyze(text);
    const textMatch = options.raw ? text.trim() || null : phraseQuery(analyzed!.words);
    const lemmaMatch = analyzed ? phraseQuery(analyzed.lemmas) : null;
    if (!textMatch) return [];
    const from = boundDay(options.from, 0, '--from');
    const to = boundDay(options.to, 1, '--to');
    // Matches in the text and in the lemma index are scored separately and added up per article
    // (MATERIALIZED: bm25() works only in the query that matches its own table). A word found in
    // very many articles is ranked among its SEARCH_RANK_WINDOW most recently stored ones, which
    // keeps a query's cost bounded however large the store grows.
    const cap = SEARCH_RANK_WINDOW;
    const hits = lemmaMatch
      ? sql`WITH t AS MATERIALIZED (SELECT rowid AS seq, bm25(documents_fts, 4.0, 1.0) AS score
                 FROM documents_fts WHERE documents_fts MATCH ${textMatch} ORDER BY rowid DESC LIMIT ${cap}),
            l AS MATERIALIZED (SELECT rowid AS seq, bm25(documents_lemmas_fts) AS score
                 FROM documents_lemmas_fts WHERE documents_lemmas_fts MATCH ${lemmaMatch} ORDER BY rowid DESC LIMIT ${cap})
            SELECT seq, SUM(score) AS score FROM (SELECT seq, score FROM t UNION ALL SELECT seq, score FROM l) GROUP BY seq`
      : sql`WITH t AS MATERIALIZED (SELECT rowid AS seq, bm25(documents_fts, 4.0, 1.0) AS score
                 FROM documents_fts WHERE documents_fts MATCH ${textMatch} ORDER BY rowid DESC LIMIT ${cap})
            SELECT seq, score FROM t`;
    const where = [sql`1`];
    if (options.lang) where.push(sql`d.lang = ${options.lang}`);
    if (from) where.push(sql`d.date >= ${from}`);
    if (to) where.push(sql`d.date <= ${to}`);
    // Without filters on the articles, the best hits are picked before any article row is read.
    const ranked =
      where.length === 1 ? sql`SELECT seq, score FROM (${hits}) ORDER BY score LIMIT ${limit}` : hits;
    const query = sql<{
      seq: number;
      id: string;
      title: string | null;
      date: string | null;
      source: string | null;
      url: string | null;
      lang: string;
      duplicate_of: string | null;
      score: number;
    }>`SELECT d.seq, d.id, d.title, d.date, d.source, d.url, d.lang, d.duplicate_of, h.score
       FROM (${ranked}) AS h
       JOIN documents AS d ON d.seq = h.seq
       WHERE ${sql.join(where, sql` AND `)}
       ORDER BY h.score LIMIT ${limit}`;
    let rows;
    try {
      rows = (await query.execute(this.k)).rows;
    } catch (err) {
      const msg = (err as Error).message ?? '';
      if (/fts5|syntax|no such column|unterminated/i.test(msg)) {
        throw new AnnalistError('E_SEARCH_SYNTAX', `Cannot read the search query "${text}": ${msg}.`);
      }
      this.fail(err);
    }
    const snip = this.db.prepare(
      `SELECT snippet(documents_fts, 1, ?, ?, '…', 24) FROM documents_fts WHERE documents_fts MATCH ? AND rowid = ?`,
    );
    snip.pluck();
    const textOf = this.db.prepare('SELECT text FROM documents WHERE seq = ?').pluck();
    const hitsOut: SearchHit[] = [];
    for (const r of rows) {
      let snippet = ((snip.get(open, close, textMatch, r.seq) as string | undefined) ?? '')
        .replace(/\s+/g, ' ')
        .trim();
      if (analyzed && !snippet.includes(open)) {
        // Found through lemmas only: FTS5 marks nothing in the text, so mark the inflected forms here.
        snippet = lemmaSnippet(textOf.get(r.seq) as string, analyzed, open, close);
      }
      hitsOut.push({
        docId: r.id,
        title: r.title,
        date: r.date,
        source: r.source,
        url: r.url,
        lang: r.lang,
        snippet,
        score: r.score,
        duplicateOf: r.duplicate_of,
      });
    }
    return hitsOut;
  }

  async stats(): Promise<StoreStats> {
    const k = this.k;
    const count = async (table: keyof Database): Promise<number> =>
      Number(
        (
          (await k
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()) as { n: number }
        ).n,
      );
    try {
      const [documents, sentences, entities, mentions, events, eventMentions, quotes, errors] =
        await Promise.all([
          count('documents'),
          count('sentences'),
          count('entities'),
          count('mentions'),
          count('events'),
          count('event_mentions'),
          count('quotes'),
          count('ingest_errors'),
        ]);
      const dup = await k
        .selectFrom('documents')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('duplicate_of', 'is not', null)
        .executeTakeFirstOrThrow();
      const range = await k
        .selectFrom('documents')
        .select((eb) => [eb.fn.min('date').as('first'), eb.fn.max('date').as('last')])
        .executeTakeFirstOrThrow();
      const langs = await k
        .selectFrom('documents')
        .select(['lang', (eb) => eb.fn.countAll<number>().as('count')])
        .groupBy('lang')
        .orderBy('count', 'desc')
        .execute();
      const types = await k
        .selectFrom('events')
        .select(['type', (eb) => eb.fn.countAll<number>().as('count')])
        .groupBy('type')
        .orderBy('count', 'desc')
        .execute();
      const versions = await k
        .selectFrom('documents')
        .select(['pipeline_version', (eb) => eb.fn.countAll<number>().as('count')])
        .groupBy('pipeline_version')
        .orderBy('count', 'desc')
        .execute();
      const codes = await k
        .selectFrom('ingest_errors')
        .select(['code', (eb) => eb.fn.countAll<number>().as('count')])
        .groupBy('code')
        .orderBy('count', 'desc')
        .execute();
      return {
        path: this.location,
        schemaVersion: SCHEMA_VERSION,
        sizeBytes: this.sizeBytes(),
        documents,
        duplicates: Number(dup.n),
        sentences,
        entities,
        mentions,
        events,
        eventMentions,
        quotes,
        errors,
        firstDate: (range.first as string | null) ?? null,
        lastDate: (range.last as string | null) ?? null,
        languages: langs.map((l) => ({ lang: l.lang, count: Number(l.count) })),
        eventTypes: types.map((t) => ({ type: t.type, count: Number(t.count) })),
        pipelineVersions: versions.map((v) => ({ version: v.pipeline_version, count: Number(v.count) })),
        errorCodes: codes.map((c) => ({ code: c.code, count: Number(c.count) })),
      };
    } catch (err) {
      this.fail(err);
    }
  }

  /** Bytes on disk: the database file and its write-ahead log. */
  sizeBytes(): number {
    if (this.location === ':memory:') {
      return (
        Number(this.db.pragma('page_count', { simple: true })) *
        Number(this.db.pragma('page_size', { simple: true }))
      );
    }
    let size = 0;
    for (const f of [this.location, `${this.location}-wal`]) {
      try {
        size += statSync(f).size;
      } catch {
        // the WAL may not exist
      }
    }
    return size;
  }

  async integrityCheck(): Promise<string[]> {
    const problems: string[] = [];
    try {
      for (const r of this.db.pragma('integrity_check') as Array<{ integrity_check: string }>) {
        if (r.integrity_check !== 'ok') problems.push(r.integrity_check);
      }
      for (const r of this.db.pragma('foreign_key_check') as Array<Record<string, unknown>>) {
        problems.push(`foreign key: ${JSON.stringify(r)}`);
      }
      for (const t of ['documents_fts', 'documents_lemmas_fts', 'event_mentions_fts']) {
        try {
          this.db.prepare(`INSERT INTO ${t} (${t}, rank) VALUES ('integrity-check', 1)`).run();
        } catch (err) {
          problems.push(`${t}: ${(err as Error).message}`);
        }
      }
    } catch (err) {
      this.fail(err);
    }
    return problems;
  }

  /** Moves the write-ahead log into the database file (smaller files to copy; done on close too). */
  checkpoint(): void {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  /** The underlying better-sqlite3 handle, for benchmarks and maintenance tools. */
  get handle(): Db {
    return this.db;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      this.db.pragma('optimize');
    } catch {
      // best effort: a full or read-only database cannot record statistics
    }
    await this.k.destroy();
  }
}

function migrate(db: Db, path: string): void {
  const current = Number(db.pragma('user_version', { simple: true }));
  if (current > SCHEMA_VERSION) {
    throw new AnnalistError(
      'E_DB_NEWER',
      `${path} was written by a newer Annalist (schema ${current}; this one knows up to ${SCHEMA_VERSION}). Upgrade Annalist.`,
    );
  }
  if (current === SCHEMA_VERSION) return;
  // BEGIN IMMEDIATE takes the write lock first, so a second process waits here and then sees the new version.
  const apply = db.transaction(() => {
    const now = Number(db.pragma('user_version', { simple: true }));
    for (const m of MIGRATIONS) {
      if (m.version <= now) continue;
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
  });
  apply.immediate();
}
