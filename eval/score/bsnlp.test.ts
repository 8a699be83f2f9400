import { describe, expect, it } from 'vitest';
import { parseBsnlpAnnotation, parseBsnlpRaw, type BsnlpGoldForm } from '../data/bsnlp.js';
import { predBsnlpForms, scoreBsnlp, type BsnlpPredForm } from './bsnlp.js';
import { lea } from './lea.js';

describe('LEA', () => {
  it('gives the worked example of Moosavi & Strube (2016)', () => {
    // key {a,b,c} {d,e,f,g}; response {a,b} {c,d} {f,g,h,i}
    const key = new Map(Object.entries({ a: 'k1', b: 'k1', c: 'k1', d: 'k2', e: 'k2', f: 'k2', g: 'k2' }));
    const resp = new Map(
      Object.entries({ a: 'r1', b: 'r1', c: 'r2', d: 'r2', f: 'r3', g: 'r3', h: 'r3', i: 'r3' }),
    );
    const s = lea(key, resp);
    expect(s.recall).toBeCloseTo((3 * (1 / 3) + 4 * (1 / 6)) / 7, 10);
    expect(s.precision).toBeCloseTo((2 * 1 + 2 * 0 + 4 * (1 / 6)) / 8, 10);
  });
  it('is 1 on identical clusterings (singletons too) and 0 on nothing', () => {
    const c = new Map(Object.entries({ a: '1', b: '1', c: '2' }));
    expect(lea(c, new Map(Object.entries({ a: 'x', b: 'x', c: 'y' }))).f1).toBe(1);
    expect(lea(c, new Map()).f1).toBe(0);
  });
});

describe('BSNLP files', () => {
  it('splits the 5-line header from the body', () => {
    const r = parseBsnlpRaw(
      'ru-10\r\nru\r\n2018-09-20\r\nhttps://rg.ru/x\r\nТереза Мэй\r\n\r\nТекст статьи.\r\n',
    );
    expect(r).toEqual({ id: 'ru-10', date: '2018-09-20', title: 'Тереза Мэй', body: 'Текст статьи.' });
  });
  it('reads annotation lines', () => {
    const a = parseBsnlpAnnotation(
      'ru-10\nBrexit\tBrexit\tEVT\tEVT-Brexit\nБрюсселе\tБрюссель\tLOC\tGPE-Brussles\n',
    );
    expect(a.id).toBe('ru-10');
    expect(a.forms[1]).toEqual({ form: 'Брюсселе', lemma: 'Брюссель', type: 'LOC', id: 'GPE-Brussles' });
  });
});

const GOLD: BsnlpGoldForm[] = [
  { form: 'Терезы Мэй', lemma: 'Тереза Мэй', type: 'PER', id: 'PER-Theresa-May' },
  { form: 'Мэй', lemma: 'Мэй', type: 'PER', id: 'PER-Theresa-May' },
  { form: 'Брюсселе', lemma: 'Брюссель', type: 'LOC', id: 'GPE-Brussels' },
  { form: '«Газпром»', lemma: 'Газпром', type: 'ORG', id: 'ORG-Gazprom' },
];
const perfect: BsnlpPredForm[] = GOLD.map((g) => ({
  form: g.form,
  lemma: g.lemma,
  type: g.type,
  entity: g.id,
}));

describe('BSNLP scoring', () => {
  it('scores a perfect system 1 and an empty one 0', () => {
    const p = scoreBsnlp([{ topic: 'brexit', id: '1', gold: GOLD, pred: perfect }]);
    expect([p.strict.f1, p.relaxed.f1, p.lemma.value, p.identity.f1]).toEqual([1, 1, 1, 1]);
    const e = scoreBsnlp([{ topic: 'brexit', id: '1', gold: GOLD, pred: [] }]);
    expect([e.strict.f1, e.relaxed.f1, e.lemma.value, e.identity.f1]).toEqual([0, 0, 0, 0]);
  });
  it('scores a known partial case', () => {
    const pred: BsnlpPredForm[] = [
      { form: 'Мэй', lemma: 'Мэй', type: 'PER', entity: 'Q1', name: 'Theresa May' }, // right form, right lemma
      { form: 'брюсселе', lemma: 'Брюсселе', type: 'LOC', entity: 'Q2', name: 'Brussels' }, // right form (case-insensitive), wrong lemma
      { form: 'Газпром', lemma: 'Газпром', type: 'LOC', entity: 'Q3' }, // wrong type
      { form: 'Москве', lemma: 'Москва', type: 'LOC', entity: 'Q4' }, // spurious
    ];
    const s = scoreBsnlp([{ topic: 'brexit', id: '1', gold: GOLD, pred }], new Set(['brexit']));
    expect(s.strict).toMatchObject({ tp: 2, fp: 2, fn: 2, precision: 0.5, recall: 0.5 });
    // Relaxed: gold entities May (found), Brussels (found), Gazprom (not) → R 2/3; predicted entities Q1 Q2 right of 4 → P 1/2.
    expect(s.relaxed.recall).toBeCloseTo(2 / 3, 10);
    expect(s.relaxed.precision).toBe(0.5);
    expect(s.lemma).toMatchObject({ correct: 1, total: 2 });
    expect(s.englishName).toMatchObject({ correct: 2, total: 2 });
    expect(s.perType.ORG).toMatchObject({ fn: 1, fp: 0 });
  });
  it('measures cross-document identity within a topic', () => {
    const pred = (entity: string): BsnlpPredForm[] => [{ form: 'Мэй', lemma: 'Мэй', type: 'PER', entity }];
    const gold: BsnlpGoldForm[] = [{ form: 'Мэй', lemma: 'Мэй', type: 'PER', id: 'PER-Theresa-May' }];
    const same = scoreBsnlp([
      { topic: 't', id: '1', gold, pred: pred('Q1') },
      { topic: 't', id: '2', gold, pred: pred('Q1') },
    ]);
    expect(same.identity.f1).toBe(1);
    const split = scoreBsnlp([
      { topic: 't', id: '1', gold, pred: pred('new:a') },
      { topic: 't', id: '2', gold, pred: pred('new:b') },
    ]);
    // Key: one entity of two mentions; response: two singletons → recall 0; precision: 2 singletons unresolved → 0.
    expect(split.identity.f1).toBe(0);
  });
  it('maps our types per topic generation', () => {
    const mk = (type: 'TREATY' | 'EVENT_NAME' | 'FACILITY') => ({
      start: 0,
      end: 3,
      text: 'abc',
      lemma: 'abc',
      type,
      entityId: type,
      wikidata: null,
      name: '',
    });
    expect(predBsnlpForms([mk('TREATY')], 'brexit')[0]!.type).toBe('PRO');
    expect(predBsnlpForms([mk('EVENT_NAME')], 'us_election_2020')[0]!.type).toBe('EVT');
    expect(predBsnlpForms([mk('TREATY')], 'ec')[0]!.type).toBe('MISC');
    expect(predBsnlpForms([mk('FACILITY')], 'brexit')[0]!.type).toBe('LOC');
  });
});
