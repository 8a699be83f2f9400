import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Doc } from '../doc.js';
import { loadKb, shippedKbPath, type Kb } from '../kb/kb.js';
import { createPipeline, type Pipeline } from '../pipeline/pipeline.js';
import { decodeSpans, encodeTags, makeTagSet, marginals, viterbi } from './ner-features.js';
import { loadNerModel, NerModel, tagNer, useNerModel, type NerSpan } from './ner.js';

let pipeline: Pipeline;
let kb: Kb | null = null;

beforeAll(async () => {
  pipeline = await createPipeline({ stages: ['segment', 'langid', 'morph'] });
  if (existsSync(shippedKbPath())) kb = await loadKb();
});

/** The spans as `TYPE:text` strings, in text order. */
function show(text: string, spans: NerSpan[]): string[] {
  return spans.map((s) => `${s.type}:${text.slice(s.start, s.end)}`);
}

const SILUANOV =
  'Вчера министр финансов Антон Силуанов встретился с главой «Сбербанка» Германом Грефом в Москве.';

describe('tag sets and decoding', () => {
  it('encodes spans as BILOU and BIO tags and decodes them back', () => {
    const spans = [
      { start: 1, end: 3, type: 'PER' as const },
      { start: 4, end: 5, type: 'ORG' as const },
      { start: 5, end: 8, type: 'LOC' as const },
    ];
    for (const scheme of ['BIO', 'BILOU'] as const) {
      const ts = makeTagSet(scheme);
      expect(decodeSpans(ts, encodeTags(ts, 9, spans))).toEqual(spans);
    }
    const bilou = makeTagSet('BILOU');
    expect([...encodeTags(bilou, 4, [{ start: 0, end: 3, type: 'PER' }])].map((t) => bilou.tags[t])).toEqual([
      'B-PER',
      'I-PER',
      'L-PER',
      'O',
    ]);
  });

  it('never decodes an illegal sequence, whatever the scores', () => {
    const ts = makeTagSet('BILOU');
    const n = ts.tags.length;
    // Scores that favour I-PER everywhere: the only legal way to use it is B … L.
    const em = new Float64Array(3 * n);
    const iPer = ts.tags.indexOf('I-PER');
    for (let i = 0; i < 3; i++) em[i * n + iPer] = 10;
    const tags = viterbi(ts, em, new Float64Array((n + 1) * n), 3);
    const names = [...tags].map((t) => ts.tags[t]);
    expect(names).toEqual(['B-PER', 'I-PER', 'L-PER']);
  });

  it('gives per-token marginals that sum to one', () => {
    const ts = makeTagSet('BILOU');
    const n = ts.tags.length;
    const em = Float64Array.from({ length: 4 * n }, (_, i) => Math.sin(i) * 3);
    const p = marginals(ts, em, new Float64Array((n + 1) * n), 4, 0.5);
    for (let i = 0; i < 4; i++) {
      let sum = 0;
      for (let t = 0; t < n; t++) sum += p[i * n + t]!;
      expect(sum).toBeCloseTo(1, 9);
    }
  });
});

describe('tagNer', () => {
  it('loads the shipped model once', () => {
    const m = loadNerModel();
    expect(m.size).toBeGreaterThan(1000);
    expect(m.tagSet.tags).toContain('O');
    expect(loadNerModel()).toBe(m);
  });

  it('finds the two persons and the city without the KB', () => {
    const doc = pipeline.process({ text: SILUANOV });
    const got = show(SILUANOV, tagNer(doc));
    expect(got).toContain('PERSON:Антон Силуанов');
    expect(got).toContain('PERSON:Германом Грефом');
    expect(got).toContain('LOC:Москве');
    // factRuEval's convention: the title is not part of the person.
    expect(got.some((s) => s.includes('министр'))).toBe(false);
  });

  it.skipIf(!existsSync(shippedKbPath()))('with the KB, also the bank inside quotes', () => {
    const doc = pipeline.process({ text: SILUANOV });
    expect(show(SILUANOV, tagNer(doc, kb))).toEqual([
      'PERSON:Антон Силуанов',
      'ORG:Сбербанка',
      'PERSON:Германом Грефом',
      'LOC:Москве',
    ]);
  });

  it('tags names it has never seen, with a patronymic and a double surname', () => {
    const text = 'Депутат Госдумы Ирина Петровна Сидоренко-Ляхова раскритиковала решение мэрии Новосибирска.';
    const got = show(text, tagNer(pipeline.process({ text }), kb));
    expect(got).toContain('PERSON:Ирина Петровна Сидоренко-Ляхова');
    expect(got).toContain('LOC:Новосибирска');
    expect(got).toContain('ORG:Госдумы');
  });

  it('keeps Latin-script organization names inside Russian text', () => {
    const text = 'По данным агентства Reuters, добыча выросла.';
    expect(show(text, tagNer(pipeline.process({ text }), kb))).toContain('ORG:Reuters');
  });

  it('returns spans whose offsets slice the text back, on token edges, in order, with scores', () => {
    const text = `Заголовок новости\n\n${SILUANOV} Затем Греф уехал в Казань.`;
    const doc = pipeline.process({ text });
    const spans = tagNer(doc, kb);
    expect(spans.length).toBeGreaterThanOrEqual(4);
    const starts = new Set(doc.tokens.map((t) => t.start));
    const ends = new Set(doc.tokens.map((t) => t.end));
    let last = -1;
    for (const s of spans) {
      const slice = text.slice(s.start, s.end);
      expect(slice).toBe(slice.trim());
      expect(starts.has(s.start) && ends.has(s.end)).toBe(true);
      expect(s.start).toBeGreaterThan(last);
      last = s.start;
      expect(s.score).toBeGreaterThanOrEqual(0);
      expect(s.score).toBeLessThanOrEqual(1);
    }
  });

  it('gives [] for an empty document, a document without names, and one without tokens', () => {
    expect(tagNer(pipeline.process({ text: '' }), kb)).toEqual([]);
    expect(tagNer(pipeline.process({ text: '   \n\n  ' }), kb)).toEqual([]);
    expect(
      tagNer(pipeline.process({ text: 'Сегодня в городе прошёл дождь, а завтра ожидается снег.' }), kb),
    ).toEqual([]);
    expect(tagNer(new Doc({ text: 'Антон Силуанов' }), kb)).toEqual([]);
  });

  it('leaves English sentences to the English side', () => {
    const text = 'Treasury Secretary Scott Bessent met Kazakh officials in Washington on Monday.';
    expect(tagNer(pipeline.process({ text }), kb)).toEqual([]);
  });

  it('survives all-caps headlines, homoglyphs and a long list of names in linear time', () => {
    const caps = 'ПУТИН И ТОКАЕВ ОБСУДИЛИ ПОСТАВКИ ГАЗА В АСТАНЕ';
    expect(() => tagNer(pipeline.process({ text: caps }), kb)).not.toThrow();
    // A Latin "а" and "о" inside Cyrillic words.
    const mixed = 'Президент Тоkаев встретился с Мaрко Рубио.';
    expect(() => tagNer(pipeline.process({ text: mixed }), kb)).not.toThrow();
    const names = Array.from({ length: 3000 }, (_, i) => `Иван${'а'.repeat(i % 5)} Петров`).join(', ');
    const doc = pipeline.process({ text: `В списке: ${names}.` });
    const t0 = performance.now();
    const spans = tagNer(doc, kb);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(spans.length).toBeGreaterThan(100);
  });

  it('tags with a model put in place of the shipped one, then with the shipped one again', () => {
    const shipped = loadNerModel();
    const empty = new NerModel({
      format: 'annalist/ner@1',
      scheme: 'BILOU',
      tags: [...makeTagSet('BILOU').tags],
      scale: 1,
      layers: [{ quant: 1, trans: new Array(14 * 13).fill(0), keys: '', weights: '' }],
    });
    useNerModel(empty);
    try {
      expect(loadNerModel()).toBe(empty);
      // No weights: every token stays outside any name.
      expect(tagNer(pipeline.process({ text: SILUANOV }), kb)).toEqual([]);
    } finally {
      useNerModel(null);
    }
    expect(loadNerModel().size).toBe(shipped.size);
  });
});
