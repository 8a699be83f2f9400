/**
 * The store's library API: keep articles, entities and events in an embedded database and ask it
 * questions.
 *
 * @example
 * import { openStore, ingest, queryEvents, getEntityProfile, search, exportEvents } from 'annalist';
 * await ingest(['articles/'], { db: 'news.db' });
 * const store = await openStore('news.db');
 * const met = await queryEvents(store, { actors: ['Токаев'], type: 'MEET', from: '2025' });
 * const profile = await getEntityProfile(store, 'Tokayev');
 * const hits = await search(store, 'критические минералы');
 * await exportEvents(store, 'plover', process.stdout, { actors: ['Q232'] });
 * await store.close();
 */
import type {
  EntityProfile,
  EventFilters,
  EventRecord,
  SearchHit,
  SearchOptions,
  Store,
  StoreStats,
} from './types.js';

export type * from './types.js';
export { openStore, defaultDbPath, setActorResolver, type StoreOptions } from './open.js';
export { SqliteStore, type SqliteStoreOptions } from './sqlite/store.js';
export { ingest, type IngestOptions, type IngestProgress, type IngestSummary } from './ingest.js';
export {
  exportEvents,
  toPlover,
  toGdelt,
  toCsv,
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportOptions,
  type ExportResult,
} from './export.js';
export { prepareDocument, pipelineVersion } from './prepare.js';
export { minhash, similarity, NEAR_DUPLICATE_SIMILARITY } from './minhash.js';
export { mergeKey, datesCompatible } from './merge.js';
export type { QueryAnalyzer, AnalyzedQuery } from './query-text.js';

/**
 * Events matching the filters, most recent first.
 *
 * @example await queryEvents(store, { actors: ['Kazakhstan'], type: 'SIGN_AGREEMENT', from: '2025-11', to: '2025-11' })
 */
export function queryEvents(store: Store, filters: EventFilters = {}): Promise<EventRecord[]> {
  return store.queryEvents(filters);
}

/**
 * Names, roles, counts, first and last seen, and top counterparts of an entity given by a name in any
 * language or an id; null when the store does not know it.
 *
 * @example await getEntityProfile(store, 'Токаев')
 */
export function getEntityProfile(store: Store, nameOrId: string): Promise<EntityProfile | null> {
  return store.getEntityProfile(nameOrId);
}

/**
 * Articles matching a full-text query (words matched as written and by lemma), best first, with
 * highlighted snippets.
 *
 * @example await search(store, 'переговоры Токаева', { limit: 10 })
 */
export function search(store: Store, text: string, options: SearchOptions = {}): Promise<SearchHit[]> {
  return store.search(text, options);
}

/**
 * Entity ids for an actor name in any language, or an id (QID, `kb:…`); empty when unknown.
 *
 * @example await resolveActor(store, 'Токаева') // ['Q…' or 'kb:…']
 */
export function resolveActor(store: Store, name: string): Promise<string[]> {
  return store.resolveActor(name);
}

/**
 * Counts and ranges of what the store holds.
 *
 * @example (await storeStats(store)).documents
 */
export function storeStats(store: Store): Promise<StoreStats> {
  return store.stats();
}
