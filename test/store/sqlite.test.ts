import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import { SCHEMA_VERSION } from '../../src/store/sqlite/migrations.js';
import { SqliteStore } from '../../src/store/sqlite/store.js';
import type { PreparedDocument } from '../../src/store/types.js';
import { FILLER, fixtureAnalyzer, meetDoc, prepared, TOKAYEV } from './fixtures.js';
import { storeSuite } from './store-suite.js';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'annalist-store-'));
}

storeSuite('sqlite', async () => {
  const dir = tempDir();
  const store = await SqliteStore.open(join(dir, 'test.db'), { analyzeQuery: fixtureAnalyzer });
  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

/** Distinct articles long enough to fill pages: each has its own words so none is a near-duplicate. */
function article(i: number): ReturnType<typeof prepared> {
  const words = Array.from({ length: 400 }, (_, k) => `слово${(i * 7919 + k * 104729) % 1000003}`).join(' ');
  return prepared({
    text: `Статья номер ${i}. ${words}. ${FILLER}`,
    url: `https://site${i}.kz/a`,
    date: '2025-11-07',
    entities: [],
    events: [],
  });
}

describe('sqlite specifics', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens in WAL mode with foreign keys, at the current schema version, and reopens', async () => {
    const path = join(dir, 'a.db');
    const store = await SqliteStore.open(path);
    expect(store.handle.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.handle.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.handle.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    await store.writeDocuments([prepared(meetDoc())]);
    await store.close();
    const again = await SqliteStore.open(path);
    expect((await again.stats()).documents).toBe(1);
    await again.close();
  });

  it('refuses a database written by a newer version, and a missing one when told not to create', async () => {
    const path = join(dir, 'newer.db');
    const raw = new BetterSqlite3(path);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    await expect(SqliteStore.open(path)).rejects.toMatchObject({ code: 'E_DB_NEWER' });
    await expect(openStore(join(dir, 'missing.db'), { create: false })).rejects.toMatchObject({
      code: 'E_DB_MISSING',
    });
    await expect(openStore('postgres://localhost/x')).rejects.toMatchObject({ code: 'E_DB_BACKEND' });
    const junk = join(dir, 'junk.db');
    (await import('node:fs')).writeFileSync(junk, 'this is not a database at all, just text '.repeat(200));
    await expect(SqliteStore.open(junk)).rejects.toMatchObject({ code: 'E_DB_CORRUPT' });
  });

  it('stops cleanly when the database is full: the failing batch is rolled back whole', async () => {
    const path = join(dir, 'full.db');
    const store = await SqliteStore.open(path, { maxPageCount: 160 });
    let stored = 0;
    let error: unknown = null;
    for (let i = 0; i < 200 && !error; i++) {
      const batch = [article(i * 2), article(i * 2 + 1)];
      try {
        await store.writeDocuments(batch);
        stored += 2;
      } catch (err) {
        error = err;
      }
    }
    expect(error).toMatchObject({ code: 'E_DB_FULL' });
    expect((error as Error).message).toMatch(/full/);
    expect(stored).toBeGreaterThan(0);
    expect((await store.stats()).documents).toBe(stored);
    expect(await store.integrityCheck()).toEqual([]);
    await store.close();
    // With room again, the same batch goes in.
    const roomy = await SqliteStore.open(path);
    await roomy.writeDocuments([article(stored), article(stored + 1)]);
    expect((await roomy.stats()).documents).toBe(stored + 2);
    expect(await roomy.integrityCheck()).toEqual([]);
    await roomy.close();
  });

  it('lets two connections write the same documents at once without doubling them', async () => {
    const path = join(dir, 'two.db');
    const a = await SqliteStore.open(path);
    const b = await SqliteStore.open(path);
    const docs = Array.from({ length: 40 }, (_, i) => article(i));
    const results = await Promise.all([
      (async () => {
        const out = [];
        for (let i = 0; i < docs.length; i += 5) out.push(...(await a.writeDocuments(docs.slice(i, i + 5))));
        return out;
      })(),
      (async () => {
        const out = [];
        for (let i = docs.length - 5; i >= 0; i -= 5)
          out.push(...(await b.writeDocuments(docs.slice(i, i + 5))));
        return out;
      })(),
    ]);
    const inserted = results.flat().filter((o) => o.action === 'inserted').length;
    expect(inserted).toBe(40);
    expect((await a.stats()).documents).toBe(40);
    expect(await b.integrityCheck()).toEqual([]);
    await a.close();
    await b.close();
  });

  it('stores a document the same with or without its precomputed forms, and with stale ones', async () => {
    const rows = async (doc: PreparedDocument): Promise<unknown> => {
      const store = await SqliteStore.open(join(dir, `${Math.random()}.db`));
      await store.writeDocuments([doc]);
      const db = store.handle;
      const out = {
        back: { ...(await store.getDocument(doc.id)), ingestedAt: null },
        names: db.prepare('SELECT key, entity, exact FROM entity_names ORDER BY 1, 2').all(),
        entities: db.prepare('SELECT doc, entity, ord, data FROM document_entities ORDER BY 1, 2').all(),
        events: db.prepare('SELECT merge_key, type FROM events ORDER BY id').all(),
        bands: db.prepare('SELECT COUNT(*) FROM document_bands').pluck().get(),
      };
      await store.close();
      return out;
    };
    const spec = meetDoc({ quote: { speaker: TOKAYEV, text: 'критических минералах' } });
    const withForms = prepared(spec);
    expect(withForms.encoded).toBeDefined();
    const without = prepared(spec);
    delete without.encoded;
    expect(await rows(without)).toEqual(await rows(withForms));
    // Edited after preparing: the lists no longer match the precomputed forms, which are then ignored.
    const edited = prepared(spec);
    edited.events = [];
    const fresh = prepared(spec);
    fresh.events = [];
    delete fresh.encoded;
    expect(await rows(edited)).toEqual(await rows(fresh));
    // The evidence and quote texts live in their own columns, once.
    const store = await SqliteStore.open(join(dir, 'once.db'));
    await store.writeDocuments([withForms]);
    const data = store.handle.prepare('SELECT data FROM event_mentions').pluck().all() as string[];
    expect(data.length).toBeGreaterThan(0);
    for (const d of data) expect(JSON.parse(d).evidence.text).toBeUndefined();
    expect((await store.getDocument(withForms.id))!.quotes).toEqual(withForms.quotes);
    await store.close();
  });

  it('plugs a KB name resolver in front of the stored names', async () => {
    const path = join(dir, 'kb.db');
    const store = await SqliteStore.open(path, {
      analyzeQuery: fixtureAnalyzer,
      resolveActor: (name) => (name === 'Глава Казахстана' ? ['kb:tokayev'] : []),
    });
    await store.writeDocuments([prepared(meetDoc())]);
    expect(await store.resolveActor('Глава Казахстана')).toEqual(['kb:tokayev']);
    expect(await store.resolveActor('Трамп')).toEqual(['Q22686']);
    await store.close();
  });
});
