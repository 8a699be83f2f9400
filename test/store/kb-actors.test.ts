import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/store/ingest.js';
import { openStore } from '../../src/store/open.js';

const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'annalist-kbactors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('actors resolve through the knowledge base', () => {
  it('finds the events of an actor named in any case form, language or by title', async () => {
    const db = join(dir, 'news.db');
    const summary = await ingest([join(ROOT, 'examples', 'ru-state-visit.txt')], { db, workers: 0 });
    expect(summary.failed ?? 0).toBe(0);
    const store = await openStore(db);
    try {
      const byForm = await store.queryEvents({ actors: ['Мирзиёева'] });
      const byLatin = await store.queryEvents({ actors: ['Shavkat Mirziyoyev'] });
      const byTitle = await store.queryEvents({ actors: ['Президент Узбекистана'] });
      expect(byForm.length).toBeGreaterThan(0);
      expect(byLatin.map((e) => e.id)).toEqual(byForm.map((e) => e.id));
      expect(byTitle.map((e) => e.id)).toEqual(byForm.map((e) => e.id));
      expect(byForm.some((e) => e.type === 'VISIT')).toBe(true);
    } finally {
      await store.close();
    }
  });
});
