/**
 * The store contract: what any backend (SQLite now, PostgreSQL later) keeps and answers. One shared
 * test suite (`test/store/store-suite.ts`) runs against every implementation.
 */
import type {
  Amount,
  EntityMention,
  EntityRef,
  EntityType,
  Event,
  EventStatus,
  Quote,
  Role,
  Warning,
} from '../doc.js';

/** An entity of one document, ready to store: the contract's `Entity` with sentence numbers on mentions. */
export interface PreparedEntity {
  id: string;
  wikidata: string | null;
  name: string;
  names: Record<string, string>;
  type: EntityType;
  country: string | null;
  roles: Role[];
  rule?: string;
  mentions: Array<EntityMention & { sentence: number | null }>;
}

/** An event of one document with what the store adds: the sentence of its evidence and its lemmas. */
export interface PreparedEvent {
  event: Event;
  /** Index of the sentence holding the evidence, or null when the document has no sentences. */
  sentence: number | null;
  /** Lemmas of the evidence span, space-separated, for full-text search; null without morphology. */
  lemmas: string | null;
}

/**
 * One analysed document in the form stores write (built from a `Doc` by `prepareDocument`, in a
 * worker thread). Plain data: it crosses thread boundaries by structured clone.
 */
export interface PreparedDocument {
  id: string;
  source: string | null;
  url: string | null;
  title: string | null;
  date: string | null;
  lang: string;
  text: string;
  /** Lemmas of the text's words in order, space-separated; null when the morphology stage did not run. */
  lemmas: string | null;
  /** `VERSION` plus the stage list: a change means stored documents are re-extracted. */
  pipelineVersion: string;
  /** MinHash signature of the text (hex), or null for texts too short to fingerprint. */
  fingerprint: string | null;
  sentences: Array<{ start: number; end: number; lang: string }>;
  entities: PreparedEntity[];
  events: PreparedEvent[];
  quotes: Quote[];
  warnings: Warning[];
  /**
   * What the writer stores, derived from the fields above by `prepareDocument` in the extraction
   * worker so that the single writing thread only binds values. Optional: stores derive what is
   * missing. It goes stale when the document is changed afterwards; delete it then.
   */
  encoded?: EncodedDocument;
}

/** Stored forms of a `PreparedDocument`'s parts, each list aligned with the list it encodes. */
export interface EncodedDocument {
  /** Each entity as JSON, without its mentions (the document's view of the entity). */
  entityData: string[];
  /** Each entity's `names` as JSON. */
  entityNames: string[];
  /** Each entity's lookup keys (see `entityNameKeys`). */
  nameKeys: Array<{ exact: string[]; parts: string[] }>;
  /** Each event as JSON, without the evidence text (stored beside it). */
  eventData: string[];
  /** Each event's merge key (see `mergeKey`). */
  mergeKeys: Array<string | null>;
  /** Each quote as JSON, without its text (stored beside it). */
  quoteData: string[];
  /** LSH band keys of the fingerprint (empty without one). */
  bands: number[];
  /** `warnings` as JSON. */
  warnings: string;
}

/** What happened to one document in `writeDocuments`. */
export interface WriteOutcome {
  id: string;
  action: 'inserted' | 'replaced' | 'skipped';
  /** Id of the original when the document is a near-duplicate of one already stored. */
  duplicateOf: string | null;
}

/** A problem with one input, as kept in `ingest_errors`. */
export interface IngestErrorRecord {
  file: string;
  line: number | null;
  code: string;
  message: string;
  /** ISO timestamp of the (latest) occurrence. */
  at: string;
}

/** Filters shared by `events`, `export` and the library's `queryEvents`. All are optional and combine with AND. */
export interface EventFilters {
  /** Names or ids (QID, `kb:…`, `new:…`) of actors; every one must take part (as source or target). */
  actors?: string[];
  /** Event type (`SIGN_AGREEMENT`) or several (any of them). */
  type?: string | string[];
  /** ISO 3166 alpha-3: some participant belongs to that country (or is it). */
  country?: string;
  status?: EventStatus | EventStatus[];
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: the event's days end on or after the start of this. */
  from?: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: the event's days start on or before the end of this. */
  to?: string;
  /** Full-text query over the evidence sentences (words are matched by lemma too). */
  q?: string;
  /** Default 50 for queries; exports take every matching event unless a limit is given. */
  limit?: number;
  /** Include the evidence (every article and sentence that reports it). */
  withMentions?: boolean;
}

/** One report of an event in one article: the GDELT "mentions" row. */
export interface EventMentionRecord {
  docId: string;
  docSource: string | null;
  docUrl: string | null;
  docTitle: string | null;
  docDate: string | null;
  /** Set when the article is a near-duplicate (syndicated copy) of another stored article. */
  duplicateOf: string | null;
  /** Id of the event inside the article's own output (`e-…`). */
  docEventId: string;
  sentence: number | null;
  start: number;
  end: number;
  text: string;
  rule: string;
  confidence: number;
  status: EventStatus;
  date: string | null;
  dateText: string | null;
}

/** One real-world event as stored: merged across every article that reports it. */
export interface EventRecord {
  /** Store-wide integer id (the GDELT GLOBALEVENTID). */
  id: number;
  type: string;
  cameo: string | null;
  plover: { type: string | null; mode: string | null };
  /** Most specific date any report gives (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`), or null. */
  date: string | null;
  /** The most definite status any report gives. */
  status: EventStatus;
  source: EntityRef[];
  target: EntityRef[];
  location: EntityRef | null;
  amount: Amount | null;
  topic: string | null;
  /** Highest confidence among the reports. */
  confidence: number;
  /** Reports (sentences) of the event. */
  numMentions: number;
  /** Articles that report it, copies included. */
  numArticles: number;
  /** Independent sources: outlets of the original articles (syndicated copies do not add one). */
  numSources: number;
  /** Publication date of the earliest article that reports it. */
  firstReported: string | null;
  /** When the event was first stored (ISO timestamp). */
  addedAt: string;
  /** Evidence, with `withMentions`. */
  mentions?: EventMentionRecord[];
}

/** What `annalist entity` shows. */
export interface EntityProfile {
  id: string;
  name: string;
  type: EntityType;
  country: string | null;
  wikidata: string | null;
  /** Names by language code, merged from every article. */
  names: Record<string, string>;
  /** Roles seen in articles (most recent article first), without repeats. */
  roles: Role[];
  documents: number;
  mentions: number;
  events: number;
  asSource: number;
  asTarget: number;
  /** Publication dates of the first and last article that mention the entity. */
  firstSeen: string | null;
  lastSeen: string | null;
  eventTypes: Array<{ type: string; count: number }>;
  /** Entities met most often on the other side of (or beside) this one in events. */
  counterparts: Array<{ entity: EntityRef; count: number }>;
  /** Surface forms seen in the texts, most frequent first. */
  surfaceForms: Array<{ text: string; count: number }>;
}

/**
 * Search options. Articles are ranked by bm25 (title matches weigh more); a word found in more than
 * 20,000 articles is ranked among the 20,000 most recently stored of them, which bounds a query's cost.
 */
export interface SearchOptions {
  limit?: number;
  /** Markers around matched words in snippets; default `['<mark>', '</mark>']`. */
  highlight?: [string, string];
  /** Pass the query to FTS5 as written (its syntax: AND, OR, NEAR, "phrases", prefix*). */
  raw?: boolean;
  /** Only articles in this language. */
  lang?: string;
  from?: string;
  to?: string;
}

export interface SearchHit {
  docId: string;
  title: string | null;
  date: string | null;
  source: string | null;
  url: string | null;
  lang: string;
  /** A window of the text around the match, with the matched words marked. */
  snippet: string;
  /** bm25 relevance (lower is better, as SQLite reports it). */
  score: number;
  duplicateOf: string | null;
}

export interface StoreStats {
  path: string;
  schemaVersion: number;
  sizeBytes: number;
  documents: number;
  /** Documents that are near-duplicates of another stored document. */
  duplicates: number;
  sentences: number;
  entities: number;
  mentions: number;
  events: number;
  eventMentions: number;
  quotes: number;
  errors: number;
  firstDate: string | null;
  lastDate: string | null;
  languages: Array<{ lang: string; count: number }>;
  eventTypes: Array<{ type: string; count: number }>;
  pipelineVersions: Array<{ version: string; count: number }>;
  errorCodes: Array<{ code: string; count: number }>;
}

/** A stored document read back (the contract's JSON without tokens) plus what the store knows. */
export interface StoredDocument {
  id: string;
  source: string | null;
  url: string | null;
  title: string | null;
  date: string | null;
  lang: string;
  text: string;
  pipelineVersion: string;
  /** MinHash signature (hex), or null. */
  fingerprint: string | null;
  duplicateOf: string | null;
  ingestedAt: string;
  sentences: Array<{ start: number; end: number; lang: string }>;
  entities: PreparedEntity[];
  events: Event[];
  quotes: Quote[];
  warnings: Warning[];
}

/**
 * Turns a user's actor name into entity ids. The store's own lookup goes through the stored names;
 * a KB-backed resolver (src/kb/) can be plugged in with `StoreOptions.resolveActor` and is asked first.
 */
export type ActorResolver = (name: string) => Promise<string[]> | string[];

/**
 * An event store. Every method is async so that network databases fit behind the same interface.
 *
 * @example
 * const store = await openStore('news.db');
 * const events = await store.queryEvents({ actors: ['Токаев'], from: '2025-01' });
 * await store.close();
 */
export interface Store {
  readonly backend: string;
  /** Where the data lives (a file path, a connection string without password). */
  readonly location: string;

  /** Pipeline versions of the given document ids that are already stored. */
  storedVersions(ids: readonly string[]): Promise<Map<string, string>>;
  /**
   * Writes analysed documents in one transaction (each document whole or not at all): new ones are
   * inserted, ones stored with the same pipeline version skipped, ones with another version replaced.
   * Near-duplicates are linked and events merged across articles.
   */
  writeDocuments(docs: readonly PreparedDocument[]): Promise<WriteOutcome[]>;
  /** Records input problems; the same file, line and code is kept once (with the latest message). */
  recordErrors(errors: readonly IngestErrorRecord[]): Promise<void>;
  listErrors(limit?: number): Promise<IngestErrorRecord[]>;

  getDocument(id: string): Promise<StoredDocument | null>;
  /** Entity ids for a name in any language or an id (QID, `kb:…`); empty when nothing matches. */
  resolveActor(name: string): Promise<string[]>;
  queryEvents(filters?: EventFilters): Promise<EventRecord[]>;
  /** Every matching event, in pages, for exports of any size. */
  iterateEvents(filters?: EventFilters): AsyncIterable<EventRecord>;
  getEvent(id: number): Promise<EventRecord | null>;
  getEntityProfile(nameOrId: string): Promise<EntityProfile | null>;
  search(text: string, options?: SearchOptions): Promise<SearchHit[]>;
  stats(): Promise<StoreStats>;
  /** Empty when the database is consistent; otherwise the problems found. */
  integrityCheck(): Promise<string[]>;
  close(): Promise<void>;
}
