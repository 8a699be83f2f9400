import { describe, expect, it } from 'vitest';
import { charToTokenSpans, chunksFromTags, detokenize, parseConll } from '../data/conll.js';
import type { PredMention } from '../predict.js';
import { conllCharSpans, scoreConll } from './conll.js';

const RAW = `-DOCSTART- -X- -X- O

Japan NNP B-NP B-LOC
began VBD B-VP O
the DT B-NP O
defence NN I-NP O
against IN B-PP O
Syria NNP B-NP B-LOC
, , O O
coach NN B-NP O
Kevin NNP I-NP B-PER
Keegan NNP I-NP I-PER
said VBD B-VP O
. . O O

-DOCSTART- -X- -X- O

German JJ B-NP B-MISC
Bank NNP I-NP B-ORG
rose VBD B-VP O
. . O O
`;

describe('CoNLL-2003 reading', () => {
  it('rebuilds text with offsets and reads IOB2 chunks', () => {
    const docs = parseConll(RAW, 't');
    expect(docs).toHaveLength(2);
    expect(docs[0]!.text).toBe('Japan began the defence against Syria, coach Kevin Keegan said.');
    const t = docs[0]!.tokens[8]!;
    expect(docs[0]!.text.slice(t.start, t.end)).toBe('Kevin');
    expect(docs[0]!.gold).toEqual([
      { start: 0, end: 1, type: 'LOC' },
      { start: 5, end: 6, type: 'LOC' },
      { start: 8, end: 10, type: 'PER' },
    ]);
    expect(docs[1]!.gold.map((g) => g.type)).toEqual(['MISC', 'ORG']);
  });
  it('reads IOB1 as conlleval does', () => {
    expect(chunksFromTags(['I-PER', 'I-PER', 'B-PER', 'O', 'I-LOC', 'I-ORG'])).toEqual([
      { start: 0, end: 2, type: 'PER' },
      { start: 2, end: 3, type: 'PER' },
      { start: 4, end: 5, type: 'LOC' },
      { start: 5, end: 6, type: 'ORG' },
    ]);
  });
  it('glues punctuation and clitics', () => {
    expect(detokenize([['He', "'s", 'in', '(', 'U.S.', ')', '.']]).text).toBe("He's in (U.S.).");
  });
  it('projects character spans onto tokens', () => {
    const [doc] = parseConll(RAW, 't');
    expect(charToTokenSpans([{ start: 46, end: 53, type: 'PER' }], doc!.tokens)).toEqual([
      { start: 8, end: 10, type: 'PER', text: undefined },
    ]);
  });
});

describe('conlleval scoring', () => {
  const docs = parseConll(RAW, 't');
  const charGold = (d: (typeof docs)[number]) =>
    d.gold.map((g) => ({ start: d.tokens[g.start]!.start, end: d.tokens[g.end - 1]!.end, type: g.type }));
  it('scores a perfect system 1 and an empty one 0', () => {
    expect(
      scoreConll(docs.map((d) => ({ tokens: d.tokens, gold: d.gold, pred: charGold(d) }))).micro.f1,
    ).toBe(1);
    expect(scoreConll(docs.map((d) => ({ tokens: d.tokens, gold: d.gold, pred: [] }))).micro.f1).toBe(0);
  });
  it('maps our types (adjective → MISC) and scores a known partial case', () => {
    const m = (
      start: number,
      end: number,
      type: PredMention['type'],
      via?: PredMention['via'],
    ): PredMention => ({
      start,
      end,
      text: '',
      lemma: '',
      type,
      via,
      entityId: 'x',
      wikidata: null,
      name: '',
    });
    const d0 = docs[0]!;
    const d1 = docs[1]!;
    const s = scoreConll([
      // Japan COUNTRY → LOC (right); Kevin alone (wrong boundary); Syria missed.
      { tokens: d0.tokens, gold: d0.gold, pred: conllCharSpans([m(0, 5, 'COUNTRY'), m(45, 50, 'PERSON')]) },
      // German as an adjective mention of Germany → MISC (right); Bank as PERSON (wrong type).
      {
        tokens: d1.tokens,
        gold: d1.gold,
        pred: conllCharSpans([m(0, 6, 'COUNTRY', 'adjective'), m(7, 11, 'PERSON')]),
      },
    ]);
    expect(s.micro).toMatchObject({ tp: 2, fp: 2, fn: 3 });
    expect(s.micro.precision).toBe(0.5);
    expect(s.micro.recall).toBe(0.4);
    expect(s.micro.f1).toBeCloseTo(4 / 9, 10);
    expect(s.perType.MISC).toMatchObject({ tp: 1, fp: 0, fn: 0 });
  });
});
