import { AnnalistError } from '../pipeline/errors.js';
import { SqliteStore, type SqliteStoreOptions } from './sqlite/store.js';
import type { ActorResolver, Store } from './types.js';
import { kbActorResolver } from './kb-resolver.js';

/** Where the CLI keeps its database unless told (`--db`, or the `ANNALIST_DB` variable). */
export function defaultDbPath(): string {
  return process.env.ANNALIST_DB || 'annalist.db';
}

export type StoreOptions = SqliteStoreOptions;

let kbResolver: ActorResolver | undefined;

/**
 * The hook for the knowledge base: a resolver set here turns actor names into entity ids ("Глава
 * Казахстана", "Tokayev", "Q…") for every store opened afterwards, before the store falls back to
 * the names it has seen in articles. Without one (or after passing undefined) the store asks the
 * knowledge base.
 *
 * @example setActorResolver((name) => kb.lookup(name).map((e) => e.id));
 */
export function setActorResolver(resolver: ActorResolver | undefined): void {
  kbResolver = resolver;
}

/**
 * Opens a store: a SQLite file path (created when missing unless `create: false`). A
 * `postgres://` URL is reserved for the PostgreSQL backend.
 *
 * @example
 * const store = await openStore('news.db');
 * const events = await store.queryEvents({ actors: ['Tokayev'], type: 'MEET' });
 * await store.close();
 */
export async function openStore(path: string = defaultDbPath(), options: StoreOptions = {}): Promise<Store> {
  if (/^postgres(ql)?:\/\//i.test(path)) {
    throw new AnnalistError(
      'E_DB_BACKEND',
      'The PostgreSQL backend is not available yet; use a SQLite file path for --db.',
    );
  }
  // The knowledge base resolves names unless a caller set its own resolver.
  kbResolver ??= await kbActorResolver();
  return SqliteStore.open(path, { resolveActor: kbResolver, ...options });
}
