/**
 * The shared store test suite: every backend (SQLite now, PostgreSQL later) must pass it.
 *
 * @example storeSuite('sqlite', async () => { const store = await SqliteStore.open(tmp); return { store, cleanup } });
 */
import { XMLParser } from 'fast-xml-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { exportEvents, type ExportFormat } from '../../src/store/export.js';
import { GDELT_COLUMNS } from '../../src/store/plover.js';
import type { EventFilters, Store } from '../../src/store/types.js';
import {
  FILLER,
  KAZ,
  LONG_ARTICLE,
  RUSSIA,
  TEXT_MEET,
  TEXT_MEET_OTHER,
  TOKAYEV,
  TRUMP,
  USA,
  VERSION_A,
  VERSION_B,
  meetDoc,
  prepared,
  type DocSpec,
  type EventSpec,
} from './fixtures.js';

export interface StoreHandle {
  store: Store;
  cleanup: () => Promise<void>;
}

export type StoreFactory = () => Promise<StoreHandle>;

async function exportText(
  store: Store,
  format: ExportFormat,
  filters: EventFilters = {},
  header = false,
): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await exportEvents(store, format, out, filters, { header });
  out.end();
  return Buffer.concat(chunks).toString('utf8');
}

/** A second article reporting the MEET of TEXT_MEET, from another outlet and in other words. */
function otherOutlet(overrides: Partial<DocSpec> = {}): DocSpec {
  return {
    text: TEXT_MEET_OTHER,
    date: '2025-11-07',
    url: 'https://ria.ru/20251107/tokayev.html',
    entities: [KAZ, TOKAYEV, TRUMP, USA],
    events: [
      {
        type: 'MEET',
        source: [TRUMP],
        target: [TOKAYEV],
        date: null,
        evidence: 'Токаев и Трамп встретились в Белом доме в четверг, сообщает агентство.',
      },
    ],
    ...overrides,
  };
}

export function storeSuite(name: string, factory: StoreFactory): void {
  describe(`store contract: ${name}`, () => {
    let h: StoreHandle;
    let store: Store;
    beforeEach(async () => {
      h = await factory();
      store = h.store;
    });
    afterEach(async () => {
      await h.cleanup();
    });

    describe('documents', () => {
      it('gives a stored document back whole', async () => {
        const doc = prepared(meetDoc({ quote: { speaker: TOKAYEV, text: 'критических минералах' } }));
        expect(await store.writeDocuments([doc])).toEqual([
          { id: doc.id, action: 'inserted', duplicateOf: null },
        ]);
        const back = await store.getDocument(doc.id);
        expect(back).not.toBeNull();
        expect(back!.text).toBe(doc.text);
        expect(back!.date).toBe('2025-11-07');
        expect(back!.url).toBe(doc.url);
        expect(back!.pipelineVersion).toBe(VERSION_A);
        expect(back!.sentences).toEqual(doc.sentences);
        expect(back!.entities.map((e) => e.id)).toEqual(doc.entities.map((e) => e.id));
        expect(back!.entities[1]!.mentions).toEqual(doc.entities[1]!.mentions);
        expect(back!.entities[1]!.roles).toEqual([{ role: 'president', of: 'KAZ' }]);
        expect(back!.events).toEqual(doc.events.map((e) => e.event));
        expect(back!.quotes).toEqual(doc.quotes);
        expect(await store.getDocument('d-none')).toBeNull();
        expect(await store.integrityCheck()).toEqual([]);
      });

      it('skips a document already stored by the same pipeline version', async () => {
        const doc = prepared(meetDoc());
        await store.writeDocuments([doc]);
        expect((await store.writeDocuments([doc]))[0]!.action).toBe('skipped');
        const s = await store.stats();
        const mentions = doc.entities.reduce((n, e) => n + e.mentions.length, 0);
        expect([s.documents, s.events, s.eventMentions, s.mentions]).toEqual([1, 2, 2, mentions]);
        expect(await store.storedVersions([doc.id, 'd-other'])).toEqual(new Map([[doc.id, VERSION_A]]));
      });

      it('replaces a document stored by another pipeline version, children included', async () => {
        await store.writeDocuments([prepared(meetDoc())]);
        const before = await store.stats();
        const v2 = prepared(meetDoc(), VERSION_B);
        expect((await store.writeDocuments([v2]))[0]!.action).toBe('replaced');
        const after = await store.stats();
        expect([after.documents, after.sentences, after.mentions, after.events, after.eventMentions]).toEqual(
          [before.documents, before.sentences, before.mentions, before.events, before.eventMentions],
        );
        expect((await store.getDocument(v2.id))!.pipelineVersion).toBe(VERSION_B);
        // Re-extraction that finds no events removes the events only this document reported.
        const v3 = prepared({ ...meetDoc(), events: [] }, 'v3');
        await store.writeDocuments([v3]);
        expect((await store.stats()).events).toBe(0);
        expect(await store.integrityCheck()).toEqual([]);
      });

      it('writes a batch whole, with repeats inside it skipped', async () => {
        const a = prepared(meetDoc());
        const b = prepared(otherOutlet());
        const out = await store.writeDocuments([a, b, a]);
        expect(out.map((o) => o.action)).toEqual(['inserted', 'inserted', 'skipped']);
      });

      it('records input errors once per file, line and code', async () => {
        const at = new Date().toISOString();
        await store.recordErrors([
          { file: 'a.jsonl', line: 3, code: 'E_JSONL_PARSE', message: 'invalid JSON', at },
          { file: 'b.html', line: null, code: 'E_HTML_EMPTY', message: 'no text', at },
        ]);
        await store.recordErrors([
          { file: 'a.jsonl', line: 3, code: 'E_JSONL_PARSE', message: 'invalid JSON again', at },
        ]);
        const errors = await store.listErrors();
        expect(errors).toHaveLength(2);
        expect(errors.find((e) => e.file === 'a.jsonl')!.message).toBe('invalid JSON again');
        expect(errors.find((e) => e.file === 'b.html')!.line).toBeNull();
      });
    });

    describe('near-duplicates', () => {
      it('links a syndicated copy to the original; it adds an article, not a source', async () => {
        const orig = prepared(meetDoc());
        const copy = prepared(meetDoc({ url: 'https://tass.ru/politika/123', title: 'Копия' }));
        expect(copy.id).not.toBe(orig.id);
        await store.writeDocuments([orig]);
        const [o] = await store.writeDocuments([copy]);
        expect(o!.duplicateOf).toBe(orig.id);
        expect((await store.getDocument(copy.id))!.duplicateOf).toBe(orig.id);
        const [meet] = await store.queryEvents({ type: 'MEET' });
        expect(meet!.numArticles).toBe(2);
        expect(meet!.numSources).toBe(1);
        expect(meet!.numMentions).toBe(2);
        expect((await store.stats()).duplicates).toBe(1);
      });

      it('links a lightly edited copy (dateline added, sentence appended)', async () => {
        const orig = prepared({ text: LONG_ARTICLE, url: 'https://gov.kz/1', date: '2025-11-07' });
        const text = `АСТАНА, 7 ноября. /Корр./. ${LONG_ARTICLE} Подробнее читайте на сайте агентства.`;
        const edited = prepared({ text, url: 'https://inform.kz/1', date: '2025-11-07' });
        await store.writeDocuments([orig, edited]);
        expect((await store.getDocument(edited.id))!.duplicateOf).toBe(orig.id);
      });

      it('does not link different articles, nor texts too short to fingerprint', async () => {
        const a = prepared(meetDoc());
        const b = prepared(
          otherOutlet({ text: `${TEXT_MEET_OTHER} ${FILLER.split('').reverse().join('')}` }),
        );
        const s1 = prepared({ text: 'Коротко.', url: 'https://a.kz/1' });
        const s2 = prepared({ text: 'Коротко.', url: 'https://b.kz/1' });
        const out = await store.writeDocuments([a, b, s1, s2]);
        expect(out.map((o) => o.duplicateOf)).toEqual([null, null, null, null]);
      });
    });

    describe('events across articles', () => {
      it('stores an event reported by two outlets once, with both reports', async () => {
        await store.writeDocuments([prepared(meetDoc()), prepared(otherOutlet())]);
        const meets = await store.queryEvents({ type: 'MEET', withMentions: true });
        expect(meets).toHaveLength(1);
        const m = meets[0]!;
        expect(m.numMentions).toBe(2);
        expect(m.numArticles).toBe(2);
        expect(m.numSources).toBe(2);
        expect(m.date).toBe('2025-11-06');
        expect(m.mentions!.map((x) => x.docUrl).sort()).toEqual([
          'https://akorda.kz/news/1',
          'https://ria.ru/20251107/tokayev.html',
        ]);
        const undated = m.mentions!.find((x) => x.date === null)!;
        expect(undated.text).toBe(TEXT_MEET_OTHER.slice(undated.start, undated.end));
      });

      it('merges dates that contain each other and keeps the most specific', async () => {
        const ev = (date: string | null, evidence: string) => ({
          type: 'SIGN_AGREEMENT',
          source: [KAZ],
          target: [USA],
          date,
          evidence,
        });
        await store.writeDocuments([
          prepared({
            text: `Казахстан и США подписали соглашение в ноябре. ${FILLER}`,
            date: '2025-12-01',
            url: 'https://a.kz/1',
            events: [ev('2025-11', 'Казахстан и США подписали соглашение в ноябре.')],
          }),
          prepared({
            text: `Соглашение подписано 6 ноября в Вашингтоне. ${FILLER} Второй.`,
            date: '2025-11-07',
            url: 'https://b.kz/1',
            events: [ev('2025-11-06', 'Соглашение подписано 6 ноября в Вашингтоне.')],
          }),
          prepared({
            text: `В 2025 году стороны подписали соглашение. ${FILLER} Третий текст.`,
            date: '2025-12-20',
            url: 'https://c.kz/1',
            events: [ev('2025', 'В 2025 году стороны подписали соглашение.')],
          }),
        ]);
        const signs = await store.queryEvents({ type: 'SIGN_AGREEMENT' });
        expect(signs).toHaveLength(1);
        expect(signs[0]!.date).toBe('2025-11-06');
        expect(signs[0]!.numArticles).toBe(3);
      });

      it('keeps events of different days, different participants, or opposite polarity apart', async () => {
        const base = (date: string, evidence: string, extra: Partial<EventSpec> = {}): EventSpec => ({
          type: 'MEET',
          source: [TOKAYEV],
          target: [TRUMP],
          date,
          evidence,
          ...extra,
        });
        await store.writeDocuments([
          prepared({
            text: `Токаев встретился с Трампом во вторник. ${FILLER}`,
            date: '2025-11-07',
            url: 'https://a.kz/1',
            events: [base('2025-11-04', 'Токаев встретился с Трампом во вторник.')],
          }),
          prepared({
            text: `Токаев встретился с Трампом в четверг. ${FILLER} Другой.`,
            date: '2025-11-07',
            url: 'https://b.kz/1',
            events: [base('2025-11-06', 'Токаев встретился с Трампом в четверг.')],
          }),
          prepared({
            text: `Токаев встретился с Путиным в четверг. ${FILLER} Третий.`,
            date: '2025-11-07',
            url: 'https://c.kz/1',
            events: [base('2025-11-06', 'Токаев встретился с Путиным в четверг.', { target: [RUSSIA] })],
          }),
          prepared({
            text: `Токаев не встретился с Трампом в четверг. ${FILLER} Четвертый.`,
            date: '2025-11-07',
            url: 'https://d.kz/1',
            events: [base('2025-11-06', 'Токаев не встретился с Трампом в четверг.', { status: 'negated' })],
          }),
        ]);
        expect((await store.stats()).events).toBe(4);
      });

      it('treats meeting participants as a set, but not accusers and accused', async () => {
        const docs = (type: string) => [
          prepared({
            text: `Россия и США: первая статья. ${FILLER}`,
            date: '2025-11-07',
            url: `https://a.kz/${type}`,
            events: [
              {
                type,
                source: [RUSSIA],
                target: [USA],
                date: '2025-11-06',
                evidence: 'Россия и США: первая статья.',
              },
            ],
          }),
          prepared({
            text: `США и Россия: вторая статья. ${FILLER} Ещё.`,
            date: '2025-11-07',
            url: `https://b.kz/${type}`,
            events: [
              {
                type,
                source: [USA],
                target: [RUSSIA],
                date: '2025-11-06',
                evidence: 'США и Россия: вторая статья.',
              },
            ],
          }),
        ];
        await store.writeDocuments(docs('MEET'));
        await store.writeDocuments(docs('ACCUSE'));
        expect((await store.queryEvents({ type: 'MEET' })).length).toBe(1);
        expect((await store.queryEvents({ type: 'ACCUSE' })).length).toBe(2);
      });

      it('shows the most definite status (planned, then reported as done)', async () => {
        const ev = (status: 'planned' | 'occurred', evidence: string) => ({
          type: 'VISIT',
          source: [TOKAYEV],
          target: [USA],
          date: '2025-11-06',
          status,
          evidence,
        });
        await store.writeDocuments([
          prepared({
            text: `Токаев посетит США в четверг. ${FILLER}`,
            date: '2025-11-03',
            url: 'https://a.kz/1',
            events: [ev('planned', 'Токаев посетит США в четверг.')],
          }),
          prepared({
            text: `Токаев посетил США в четверг. ${FILLER} Итоги.`,
            date: '2025-11-07',
            url: 'https://b.kz/1',
            events: [ev('occurred', 'Токаев посетил США в четверг.')],
          }),
        ]);
        const [visit] = await store.queryEvents({ type: 'VISIT' });
        expect(visit!.status).toBe('occurred');
        expect(visit!.firstReported).toBe('2025-11-03');
        expect((await store.queryEvents({ status: 'planned' })).length).toBe(0);
      });

      it('does not merge events without participants', async () => {
        const ev = { type: 'PROTEST', source: [], target: [], date: '2025-11-06' };
        await store.writeDocuments([
          prepared({
            text: `Прошли протесты. ${FILLER}`,
            date: '2025-11-07',
            url: 'https://a.kz/1',
            events: [{ ...ev, evidence: 'Прошли протесты.' }],
          }),
          prepared({
            text: `Прошли протесты в городе. ${FILLER} Ещё.`,
            date: '2025-11-07',
            url: 'https://b.kz/1',
            events: [{ ...ev, evidence: 'Прошли протесты в городе.' }],
          }),
        ]);
        expect((await store.stats()).events).toBe(2);
      });
    });

    describe('queries', () => {
      beforeEach(async () => {
        await store.writeDocuments([
          prepared(meetDoc()),
          prepared(otherOutlet()),
          prepared({
            text: `Россия обвинила США во вмешательстве. ${FILLER}`,
            date: '2024-03-02',
            url: 'https://tass.ru/1',
            entities: [RUSSIA, USA],
            events: [
              {
                type: 'ACCUSE',
                source: [RUSSIA],
                target: [USA],
                date: '2024-03-01',
                evidence: 'Россия обвинила США во вмешательстве.',
              },
            ],
          }),
        ]);
      });

      it('finds events by actor in any language, by lemma, and by Wikidata id', async () => {
        for (const actor of [
          'Токаев',
          'Tokayev',
          'Касым-Жомарт Токаев',
          'kassym-jomart tokayev',
          'Токаева',
          'kb:tokayev',
        ]) {
          const evs = await store.queryEvents({ actors: [actor] });
          expect(
            evs.map((e) => e.type),
            actor,
          ).toEqual(['MEET']);
        }
        expect((await store.queryEvents({ actors: ['Q232'] })).map((e) => e.type)).toEqual([
          'SIGN_AGREEMENT',
        ]);
        expect((await store.queryEvents({ actors: ['Казахстан'] })).map((e) => e.type)).toEqual([
          'SIGN_AGREEMENT',
        ]);
        expect((await store.queryEvents({ actors: ['США'] })).map((e) => e.type).sort()).toEqual([
          'ACCUSE',
          'SIGN_AGREEMENT',
        ]);
        expect(await store.resolveActor('Трампом')).toEqual(['Q22686']);
        await expect(store.queryEvents({ actors: ['Nobody Atall'] })).rejects.toMatchObject({
          code: 'E_ACTOR_UNKNOWN',
        });
      });

      it('requires every actor given, and filters by type, country, status and dates', async () => {
        expect((await store.queryEvents({ actors: ['Russia', 'United States'] })).map((e) => e.type)).toEqual(
          ['ACCUSE'],
        );
        expect(await store.queryEvents({ actors: ['Russia', 'Tokayev'] })).toEqual([]);
        expect((await store.queryEvents({ type: ['MEET', 'ACCUSE'] })).length).toBe(2);
        expect((await store.queryEvents({ country: 'kaz' })).map((e) => e.type).sort()).toEqual([
          'MEET',
          'SIGN_AGREEMENT',
        ]);
        expect((await store.queryEvents({ country: 'RUS' })).map((e) => e.type)).toEqual(['ACCUSE']);
        expect((await store.queryEvents({ from: '2025' })).length).toBe(2);
        expect((await store.queryEvents({ to: '2024-03' })).map((e) => e.type)).toEqual(['ACCUSE']);
        expect((await store.queryEvents({ from: '2025-11-06', to: '2025-11-06' })).length).toBe(2);
        expect((await store.queryEvents({ from: '2025-11-07' })).length).toBe(0);
        expect((await store.queryEvents({ status: 'occurred', limit: 1 })).length).toBe(1);
        await expect(store.queryEvents({ from: '11/2025' })).rejects.toMatchObject({ code: 'E_BAD_DATE' });
      });

      it('lists events most recent first and searches their evidence', async () => {
        const all = await store.queryEvents();
        expect(all.map((e) => e.date)).toEqual(['2025-11-06', '2025-11-06', '2024-03-01']);
        expect((await store.queryEvents({ q: 'вмешательстве' })).map((e) => e.type)).toEqual(['ACCUSE']);
        expect((await store.queryEvents({ q: 'подписали соглашение' })).map((e) => e.type)).toEqual([
          'SIGN_AGREEMENT',
        ]);
        // by lemma: "соглашения" is found through the evidence's lemma "соглашение"
        expect((await store.queryEvents({ q: 'соглашения' })).map((e) => e.type)).toEqual(['SIGN_AGREEMENT']);
        const one = await store.getEvent(all[0]!.id);
        expect(one!.mentions!.length).toBeGreaterThan(0);
        expect(await store.getEvent(999999)).toBeNull();
      });

      it('profiles an entity', async () => {
        const p = await store.getEntityProfile('Токаев');
        expect(p).not.toBeNull();
        expect(p!.id).toBe('kb:tokayev');
        expect(p!.names.ru).toBe('Касым-Жомарт Токаев');
        expect(p!.roles).toEqual([{ role: 'president', of: 'KAZ' }]);
        expect(p!.documents).toBe(2);
        expect(p!.events).toBe(1);
        expect(p!.firstSeen).toBe('2025-11-07');
        expect(p!.counterparts.map((c) => c.entity.id)).toEqual(['Q22686']);
        expect(p!.eventTypes).toEqual([{ type: 'MEET', count: 1 }]);
        expect(p!.surfaceForms.map((f) => f.text)).toContain('Токаев');
        expect(await store.getEntityProfile('Nobody Atall')).toBeNull();
      });

      it('searches articles by word form and by lemma, with highlighted snippets', async () => {
        const hits = await store.search('переговорах', { highlight: ['[', ']'] });
        expect(hits.map((h) => h.url)).toContain('https://akorda.kz/news/1');
        const akorda = hits.find((h) => h.url === 'https://akorda.kz/news/1')!;
        expect(akorda.snippet).toContain('[переговоры]');
        const exact = await store.search('вмешательстве', { highlight: ['<', '>'] });
        expect(exact).toHaveLength(1);
        expect(exact[0]!.snippet).toContain('<вмешательстве>');
        expect(await store.search('несуществующееслово')).toEqual([]);
        expect((await store.search('Россия OR Трамп', { raw: true })).length).toBe(2);
        await expect(store.search('"unclosed', { raw: true })).rejects.toMatchObject({
          code: 'E_SEARCH_SYNTAX',
        });
        expect((await store.search('Токаев', { from: '2025-11-08' })).length).toBe(0);
      });

      it('counts what it holds', async () => {
        const s = await store.stats();
        expect(s.documents).toBe(3);
        expect(s.events).toBe(3);
        expect(s.eventMentions).toBe(4);
        expect(s.firstDate).toBe('2024-03-02');
        expect(s.eventTypes.find((t) => t.type === 'MEET')!.count).toBe(1);
        expect(s.languages).toEqual([{ lang: 'ru', count: 3 }]);
      });

      it('iterates every matching event for exports', async () => {
        const ids: number[] = [];
        for await (const e of store.iterateEvents({ withMentions: true })) ids.push(e.id);
        expect(ids.length).toBe(3);
        expect([...ids].sort((a, b) => a - b)).toEqual(ids);
        const limited: number[] = [];
        for await (const e of store.iterateEvents({ limit: 2 })) limited.push(e.id);
        expect(limited.length).toBe(2);
      });

      it('exports PLOVER records with the specification field names', async () => {
        const lines = (await exportText(store, 'plover'))
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l));
        expect(lines).toHaveLength(3);
        const sign = lines.find((r) => r.event[0] === 'SUPPORT');
        expect(sign.id).toMatch(/^annalist-\d+$/);
        expect(sign.date).toBe('2025-11-06');
        expect(sign.source).toEqual([
          { actor_text: 'Kazakhstan', code: 'KAZ', identifier_id: 'Q232', identifier_text: 'Kazakhstan' },
        ]);
        expect(sign.recipient[0].identifier_id).toBe('Q30');
        expect(sign.context).toBe('diplomatic');
        expect(sign.quad_code).toBe(1);
        expect(sign.text).toBe('Стороны подписали соглашение о критических минералах.');
        expect(sign.text_info).toEqual({ sequence: 1, start: 93, end: 146 });
        expect(sign.cite_info).toMatchObject({ url: 'https://akorda.kz/news/1', publication: 'akorda.kz' });
        expect(TEXT_MEET.slice(sign.text_info.start, sign.text_info.end)).toBe(sign.text);
        expect(sign.amount).toEqual({ value: 1e9, currency: 'USD', text: 'миллиард долларов' });
      });

      it('exports GDELT event records in the GDELT column order', async () => {
        const text = await exportText(store, 'gdelt', { type: 'MEET' }, true);
        const [head, row] = text.trim().split('\n');
        expect(head!.split('\t')).toEqual([...GDELT_COLUMNS]);
        expect(GDELT_COLUMNS).toHaveLength(61);
        const cols = row!.split('\t');
        expect(cols).toHaveLength(61);
        const v = Object.fromEntries(GDELT_COLUMNS.map((c, i) => [c, cols[i]]));
        expect(v.SQLDATE).toBe('20251106');
        expect(v.MonthYear).toBe('202511');
        expect(v.Year).toBe('2025');
        expect(v.FractionDate).toBe('2025.8493');
        expect(v.Actor1Name).toBe('Kassym-Jomart Tokayev');
        expect(v.Actor1CountryCode).toBe('KAZ');
        expect(v.Actor2Name).toBe('Donald Trump');
        expect(v.EventCode).toBe('040');
        expect(v.EventRootCode).toBe('04');
        expect(v.QuadClass).toBe('1');
        expect(v.GoldsteinScale).toBe('');
        expect([v.NumMentions, v.NumSources, v.NumArticles]).toEqual(['2', '2', '2']);
        expect(v.IsRootEvent).toBe('1');
        expect(v.DATEADDED).toMatch(/^\d{14}$/);
        expect(v.SOURCEURL).toBe('https://akorda.kz/news/1');
      });

      it('exports CSV, JSON Lines and a GraphML actor network', async () => {
        const csv = (await exportText(store, 'csv')).trim().split('\n');
        expect(csv[0]).toMatch(/^id,date,type,/);
        expect(csv).toHaveLength(4);
        const jsonl = (await exportText(store, 'jsonl', { actors: ['Q30'] }))
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l));
        expect(jsonl.map((e) => e.type).sort()).toEqual(['ACCUSE', 'SIGN_AGREEMENT']);
        expect(jsonl[0].mentions.length).toBeGreaterThan(0);
        const graphml = await exportText(store, 'graphml');
        const g = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_' }).parse(graphml);
        const nodes = [g.graphml.graph.node].flat();
        const edges = [g.graphml.graph.edge].flat();
        expect(nodes.map((n: { '@_id': string }) => n['@_id']).sort()).toEqual([
          'Q159',
          'Q22686',
          'Q232',
          'Q30',
          'kb:tokayev',
        ]);
        expect(edges).toHaveLength(3);
        const accuse = edges.find((e: { '@_source': string }) => e['@_source'] === 'Q159');
        expect(accuse['@_target']).toBe('Q30');
        const meet = edges.find((e: { '@_directed'?: string }) => e['@_directed'] === 'false');
        expect(meet).toBeDefined();
      });
    });
  });
}
