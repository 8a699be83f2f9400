import { describe, expect, it } from 'vitest';
import { prf } from './prf.js';
import {
  alignedSpans,
  dropOverlapping,
  matchExact,
  scoreExact,
  scoreTokensIO,
  type TypedSpan,
} from './spans.js';

const G: TypedSpan[] = [
  { start: 0, end: 5, type: 'PER' },
  { start: 10, end: 16, type: 'LOC' },
  { start: 20, end: 25, type: 'ORG' },
  { start: 30, end: 35, type: 'PER' },
];

describe('prf', () => {
  it('is 0, never NaN, on empty sides', () => {
    expect(prf(0, 0, 0)).toMatchObject({ precision: 0, recall: 0, f1: 0 });
    expect(prf(0, 0, 5).f1).toBe(0);
  });
  it('computes a known case', () => {
    expect(prf(2, 1, 2)).toMatchObject({ precision: 2 / 3, recall: 0.5 });
    expect(prf(2, 1, 2).f1).toBeCloseTo(4 / 7, 10);
  });
});

describe('exact span F1', () => {
  it('scores a perfect system 1', () => {
    expect(scoreExact([{ gold: G, pred: G }], ['PER', 'LOC', 'ORG']).micro.f1).toBe(1);
  });
  it('scores an empty system 0', () => {
    const s = scoreExact([{ gold: G, pred: [] }], ['PER', 'LOC', 'ORG']);
    expect(s.micro).toMatchObject({ precision: 0, recall: 0, f1: 0, fn: 4 });
  });
  it('counts a wrong type and a wrong boundary as both a false positive and a miss', () => {
    const pred: TypedSpan[] = [
      { start: 0, end: 5, type: 'PER' }, // right
      { start: 10, end: 16, type: 'ORG' }, // wrong type
      { start: 20, end: 25, type: 'ORG' }, // right
      { start: 30, end: 34, type: 'PER' }, // wrong end
    ];
    const s = scoreExact([{ gold: G, pred }], ['PER', 'LOC', 'ORG']);
    expect(s.micro).toMatchObject({ tp: 2, fp: 2, fn: 2, precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(s.perType.PER).toMatchObject({ tp: 1, fp: 1, fn: 1 });
    expect(s.perType.LOC).toMatchObject({ tp: 0, fp: 0, fn: 1, f1: 0 });
    expect(s.perType.ORG).toMatchObject({ tp: 1, fp: 1, fn: 0, recall: 1, precision: 0.5 });
  });
  it('matches one to one: a duplicate prediction is a false positive', () => {
    const r = matchExact([G[0]!], [G[0]!, G[0]!]);
    expect([r.tp.length, r.fp.length, r.fn.length]).toEqual([1, 1, 0]);
  });
});

describe('token-level IO F1 (Natasha convention)', () => {
  // "Анна Петрова живёт в Москве" — tokens: Анна(0-4) Петрова(5-12) живёт(13-18) в(19-20) Москве(21-27)
  const tokens = [
    { start: 0, end: 4 },
    { start: 5, end: 12 },
    { start: 13, end: 18 },
    { start: 19, end: 20 },
    { start: 21, end: 27 },
  ];
  const gold: TypedSpan[] = [
    { start: 0, end: 12, type: 'PER' },
    { start: 21, end: 27, type: 'LOC' },
  ];
  it('gives 1 for perfect and 0 for empty', () => {
    expect(scoreTokensIO([{ tokens, gold, pred: gold }], ['PER', 'LOC']).micro.f1).toBe(1);
    expect(scoreTokensIO([{ tokens, gold, pred: [] }], ['PER', 'LOC']).micro.f1).toBe(0);
  });
  it('gives partial credit per token for a partial span', () => {
    // Only "Петрова" found as PER: PER precision 1/1, recall 1/2.
    const s = scoreTokensIO([{ tokens, gold, pred: [{ start: 5, end: 12, type: 'PER' }] }], ['PER', 'LOC']);
    expect(s.perType.PER).toMatchObject({ tp: 1, fp: 0, fn: 1, precision: 1, recall: 0.5 });
    expect(s.perType.PER!.f1).toBeCloseTo(2 / 3, 10);
    expect(s.micro).toMatchObject({ tp: 1, fp: 0, fn: 2 });
  });
  it('drops misaligned spans and keeps the outermost of overlapping ones', () => {
    expect(alignedSpans([{ start: 1, end: 4, type: 'PER' }, gold[0]!], tokens)).toEqual([gold[0]]);
    const nested = dropOverlapping([
      { start: 21, end: 27, type: 'LOC' },
      { start: 13, end: 27, type: 'ORG' },
      { start: 19, end: 20, type: 'X' },
    ]);
    expect(nested).toEqual([{ start: 13, end: 27, type: 'ORG' }]);
  });
});
