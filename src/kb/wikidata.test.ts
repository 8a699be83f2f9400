import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKb } from './kb.js';
import type { Lemmatizer } from './keys.js';
import type { CompiledKb, KbSourceRecord } from './types.js';
import { importWikidata, wikidataDate } from './wikidata.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'annalist-wd-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const item = (id: string) => ({
  snaktype: 'value',
  datavalue: { value: { 'entity-type': 'item', 'numeric-id': Number(id.slice(1)), id } },
});
const str = (v: string) => ({ snaktype: 'value', datavalue: { value: v } });
const time = (t: string, precision = 11) => ({
  snaktype: 'value',
  datavalue: { value: { time: t, precision } },
});
const claim = (mainsnak: object, extra: object = {}) => ({ mainsnak, rank: 'normal', ...extra });
const labels = (o: Record<string, string>) =>
  Object.fromEntries(Object.entries(o).map(([l, v]) => [l, { language: l, value: v }]));

/** A dump in the full dump's array form: `[`, one entity per line with a trailing comma, `]`. */
function dumpText(): string {
  const entities = [
    {
      type: 'item',
      id: 'Q30',
      labels: labels({ en: 'United States', ru: 'Соединённые Штаты Америки', de: 'Vereinigte Staaten' }),
      aliases: { en: [{ value: 'USA' }, { value: 'U.S.' }], ru: [{ value: 'США' }] },
      claims: {
        P31: [claim(item('Q3624078'))],
        P297: [claim(str('US'))],
        P298: [claim(str('USA'))],
        P36: [claim(item('Q61'))],
      },
    },
    {
      type: 'item',
      id: 'Q22686',
      labels: labels({ en: 'Donald Trump', ru: 'Дональд Трамп', kk: 'Дональд Трамп' }),
      aliases: { ru: [{ value: 'Трамп' }] },
      claims: {
        P31: [claim(item('Q5'))],
        P27: [claim(item('Q30'))],
        P2002: [claim(str('realDonaldTrump'))],
        P39: [
          claim(item('Q11696'), {
            qualifiers: { P580: [time('+2017-01-20T00:00:00Z')], P582: [time('+2021-01-20T00:00:00Z')] },
          }),
          claim(item('Q11696'), { qualifiers: { P580: [time('+2025-01-20T00:00:00Z')] } }),
          claim(item('Q999999'), { qualifiers: { P580: [time('+2000-00-00T00:00:00Z', 9)] } }),
          claim(item('Q888888'), { rank: 'deprecated' }),
        ],
      },
    },
    {
      type: 'item',
      id: 'Q61',
      labels: labels({ en: 'Washington, D.C.', ru: 'Вашингтон' }),
      claims: { P31: [claim(item('Q5119'))], P17: [claim(item('Q30'))] },
    },
    {
      type: 'item',
      id: 'Q900001',
      labels: labels({ en: 'Example Mining', ru: 'Пример Майнинг' }),
      claims: { P31: [claim(item('Q4830453'))], P17: [claim(item('Q232'))] },
    },
    {
      type: 'item',
      id: 'Q900002',
      labels: labels({ en: 'Test Accord' }),
      claims: { P31: [claim(item('Q131569'))] },
    },
    {
      type: 'item',
      id: 'Q146',
      labels: labels({ en: 'house cat' }),
      claims: { P31: [claim(item('Q16521'))] },
    },
    { type: 'property', id: 'P31', labels: labels({ en: 'instance of' }), claims: {} },
    {
      type: 'item',
      id: 'Q900003',
      labels: labels({ de: 'Nur Deutsch' }),
      claims: { P31: [claim(item('Q5'))] },
    },
    {
      type: 'item',
      id: 'Q900006',
      labels: labels({ en: 'Deprecated' }),
      claims: { P31: [claim(item('Q5'), { rank: 'deprecated' })] },
    },
  ];
  const lines = entities.map((e) => JSON.stringify(e) + ',');
  lines.splice(5, 0, '{"type":"item","id":"Q900005","labels":', 'not json at all,');
  return ['[', ...lines, ']', ''].join('\n');
}

function readOut(file: string): KbSourceRecord[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as KbSourceRecord);
}

const plain = path.join(tmp, 'dump.json');
writeFileSync(plain, dumpText());

describe('importWikidata', () => {
  it('keeps humans, countries, cities, organizations and treaties, and counts malformed lines', async () => {
    const out = path.join(tmp, 'plain.jsonl');
    const progress: number[] = [];
    const s = await importWikidata({ dump: plain, out, onProgress: (p) => progress.push(p.bytes) });
    expect(s).toMatchObject({ written: 5, malformed: 2, noLabel: 1, unresolvedCountries: 1, limited: false });
    expect(s.byType).toEqual({ COUNTRY: 1, PERSON: 1, CITY: 1, ORG: 1, TREATY: 1 });
    expect(progress.at(-1)).toBe(readFileSync(plain).length);
    const recs = readOut(out);
    expect(recs.map((r) => r.id)).toEqual(['Q30', 'Q22686', 'Q61', 'Q900001', 'Q900002']);
    expect(recs[0]).toMatchObject({
      type: 'COUNTRY',
      name: 'United States',
      en: ['USA', 'U.S.'],
      ru: ['Соединённые Штаты Америки', 'США'],
      iso2: 'US',
      iso3: 'USA',
      country: 'USA',
      capital: 'Q61',
    });
    expect(recs[1]).toMatchObject({
      type: 'PERSON',
      country: 'USA',
      ru: ['Дональд Трамп', 'Трамп'],
      kk: ['Дональд Трамп'],
      handles: ['realDonaldTrump'],
      roles: [
        { role: 'president', of: 'USA', from: '2017-01-20', to: '2021-01-20' },
        { role: 'president', of: 'USA', from: '2025-01-20', to: null },
        { role: 'position', position: 'Q999999', from: '2000', to: null },
      ],
    });
    expect(recs[3]).toMatchObject({ type: 'ORG', sector: ['BUS'] });
    expect(recs[3]!.country).toBeUndefined(); // Q232 was neither in the dump nor in a KB
    expect(recs.every((r) => r.source.startsWith(`Wikidata ${r.id}`))).toBe(true);
  });

  it('reads .json.gz the same way', async () => {
    const gz = path.join(tmp, 'dump.json.gz');
    writeFileSync(gz, gzipSync(readFileSync(plain)));
    const out = path.join(tmp, 'gz.jsonl');
    const s = await importWikidata({ dump: gz, out });
    expect(s).toMatchObject({ written: 5, malformed: 2 });
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(path.join(tmp, 'plain.jsonl'), 'utf8'));
  });

  it('reads .json.bz2 the same way', async (ctx) => {
    try {
      execFileSync('bzip2', ['-k', '-f', plain]);
    } catch {
      console.warn('wikidata.test: no bzip2 program here to write the test archive; skipping');
      ctx.skip();
    }
    const out = path.join(tmp, 'bz2.jsonl');
    const s = await importWikidata({ dump: `${plain}.bz2`, out });
    expect(s).toMatchObject({ written: 5, malformed: 2 });
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(path.join(tmp, 'plain.jsonl'), 'utf8'));
  });

  it('resumes: stops at a limit, then appends only what is missing, past a half-written line', async () => {
    const out = path.join(tmp, 'resume.jsonl');
    const first = await importWikidata({ dump: plain, out, limit: 2 });
    expect(first).toMatchObject({ written: 2, limited: true });
    appendFileSync(out, '{"id":"Q61","type":"CI'); // an import killed mid-write
    const second = await importWikidata({ dump: plain, out });
    expect(second).toMatchObject({ written: 3, alreadyWritten: 2 });
    const third = await importWikidata({ dump: plain, out });
    expect(third).toMatchObject({ written: 0, alreadyWritten: 5 });
    expect(readOut(out).map((r) => r.id)).toEqual(['Q30', 'Q22686', 'Q61', 'Q900001', 'Q900002']);
  });

  it('skips entities the shipped KB has and uses its country codes', async () => {
    const compiled: CompiledKb = {
      format: 'annalist/kb@1',
      entities: [
        { id: 'Q30', type: 'COUNTRY', name: 'United States', iso3: 'USA', country: 'USA' },
        { id: 'Q232', type: 'COUNTRY', name: 'Kazakhstan', iso3: 'KAZ', country: 'KAZ' },
      ],
      titles: [],
    };
    const kb = await loadKb({ compiled });
    const out = path.join(tmp, 'shipped.jsonl');
    const s = await importWikidata({ dump: plain, out, kb });
    expect(s).toMatchObject({ written: 4, inShippedKb: 1, unresolvedCountries: 0 });
    expect(readOut(out).find((r) => r.id === 'Q900001')?.country).toBe('KAZ');

    // The import is a user KB: layered over the shipped one, it answers lookups and role queries.
    const identity: Lemmatizer = (w) => w.toLowerCase();
    const mine = await loadKb({ compiled, userKb: out, lemmatize: identity });
    expect(mine.lookup('Трамп')[0]?.entity.id).toBe('Q22686');
    expect(mine.holders('president', 'USA', '2019-06-01').map((h) => h.entity.name)).toEqual([
      'Donald Trump',
    ]);
    expect(mine.metonymOf('Q61')).toBeUndefined(); // the shipped USA record names no capital
  });
});

describe('wikidataDate', () => {
  it('follows the precision of the time value', () => {
    expect(wikidataDate(time('+2019-03-20T00:00:00Z'))).toBe('2019-03-20');
    expect(wikidataDate(time('+2019-03-00T00:00:00Z', 10))).toBe('2019-03');
    expect(wikidataDate(time('+2019-00-00T00:00:00Z', 9))).toBe('2019');
    expect(wikidataDate(time('+1900-00-00T00:00:00Z', 7))).toBeNull();
    expect(wikidataDate(time('-0044-03-15T00:00:00Z'))).toBeNull();
    expect(wikidataDate({ snaktype: 'somevalue' })).toBeNull();
  });
});
