import { describe, expect, it } from 'vitest';
import { parseFactruDoc } from '../data/factru.js';
import type { PredMention } from '../predict.js';
import { goldFactruSpans, predFactruSpans, scoreFactru } from './factru.js';

// A hand-made document in the factRuEval file format.
const TEXT = 'Посол Италии в МИД Грузии Виторио Сандали';
//            0     6      13 15  19     26      34
const FILES: Record<string, string> = {
  '.txt': TEXT,
  '.tokens': [
    '1 0 5 Посол',
    '2 6 6 Италии',
    '3 13 1 в',
    '4 15 3 МИД',
    '5 19 6 Грузии',
    '6 26 7 Виторио',
    '7 34 7 Сандали',
  ].join('\n'),
  '.spans': [
    '10 loc_name 6 6 2 1  # 2 Италии',
    '11 org_name 15 3 4 1  # 4 МИД',
    '12 loc_name 19 6 5 1  # 5 Грузии',
    '13 name 26 7 6 1  # 6 Виторио',
    '14 surname 34 7 7 1  # 7 Сандали',
  ].join('\n'),
  '.objects': [
    '100 LocOrg 10 # Италии',
    '101 Org 11 12 # МИД Грузии',
    '102 LocOrg 12 # Грузии',
    '103 Person 13 14 # Виторио Сандали',
  ].join('\n'),
};
const doc = parseFactruDoc('book_1', (ext) => FILES[ext] ?? '');

const mention = (
  start: number,
  end: number,
  type: PredMention['type'],
  via?: PredMention['via'],
): PredMention => ({
  start,
  end,
  text: TEXT.slice(start, end),
  lemma: '',
  type,
  via,
  entityId: `e${start}`,
  wikidata: null,
  name: '',
});

describe('factRuEval under the Natasha convention', () => {
  it('reads the files and builds the gold spans', () => {
    expect(doc.tokens).toHaveLength(7);
    expect(goldFactruSpans(doc).map((s) => `${s.type}:${s.text}`)).toEqual([
      'LOC:Италии',
      'ORG:МИД',
      'LOC:Грузии',
      'PER:Виторио Сандали',
    ]);
  });
  it('scores a perfect system 1 and an empty one 0', () => {
    const gold = goldFactruSpans(doc);
    expect(scoreFactru([{ doc, gold, pred: gold }]).tokens.micro.f1).toBe(1);
    expect(scoreFactru([{ doc, gold, pred: gold }]).exact.micro.f1).toBe(1);
    expect(scoreFactru([{ doc, gold, pred: [] }]).tokens.micro.f1).toBe(0);
  });
  it('maps our types and scores a known partial case', () => {
    const pred = predFactruSpans(doc, [
      mention(6, 12, 'COUNTRY'), // LOC, right
      mention(15, 25, 'ORG'), // "МИД Грузии": ORG over two tokens, one of them gold LOC
      mention(34, 41, 'PERSON'), // surname only
      mention(0, 5, 'PERSON'), // a false positive
      mention(19, 25, 'COUNTRY', 'adjective'), // adjectives are left out
    ]);
    const s = scoreFactru([{ doc, gold: goldFactruSpans(doc), pred }]);
    // Tokens: PER gold {Виторио, Сандали}, pred {Посол, Сандали} → tp 1, fp 1, fn 1.
    expect(s.tokens.perType.PER).toMatchObject({ tp: 1, fp: 1, fn: 1 });
    // ORG gold {МИД}, pred {МИД, Грузии} → tp 1, fp 1. LOC gold {Италии, Грузии}, pred {Италии} → tp 1, fn 1.
    expect(s.tokens.perType.ORG).toMatchObject({ tp: 1, fp: 1, fn: 0 });
    expect(s.tokens.perType.LOC).toMatchObject({ tp: 1, fp: 0, fn: 1 });
    expect(s.tokens.micro.f1).toBeCloseTo((2 * 3) / (2 * 3 + 2 + 2), 10);
    // Exact spans: only LOC "Италии" is right.
    expect(s.exact.micro).toMatchObject({ tp: 1, fp: 3, fn: 3 });
  });
});
