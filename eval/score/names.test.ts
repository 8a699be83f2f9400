import { describe, expect, it } from 'vitest';
import { baselineNameMatch } from '../baseline-names.js';
import { parseNamePairs } from '../data/names.js';
import { scoreNames, shuffledPairs } from './names.js';

const PAIRS = parseNamePairs(
  ['putin\tп у т и н\t2', 'lavrov\tл а в р о в\t4', 'neto\tн е т о\t7', 'froese\tф р е з е\t2'].join('\n'),
);

describe('name pairs', () => {
  it('joins the spaced Russian letters', () => {
    expect(PAIRS[0]).toEqual({ en: 'putin', ru: 'путин', count: 2 });
  });
  it('shuffles without keeping any true pair, the same way every run', () => {
    const s = shuffledPairs(PAIRS);
    expect(s).toHaveLength(4);
    for (const [en, ru] of s) expect(PAIRS.some((p) => p.en === en && p.ru === ru)).toBe(false);
    expect(shuffledPairs(PAIRS)).toEqual(s);
  });
  it('scores an oracle 1, an accept-all matcher 1/0 and a reject-all matcher 0/1', () => {
    const truth = new Set(PAIRS.map((p) => `${p.en}|${p.ru}`));
    const oracle = scoreNames(PAIRS, (en, ru) => truth.has(`${en}|${ru}`));
    expect([oracle.accept.value, oracle.reject.value, oracle.balanced]).toEqual([1, 1, 1]);
    const all = scoreNames(PAIRS, () => true);
    expect([all.accept.value, all.reject.value, all.balanced]).toEqual([1, 0, 0.5]);
    const none = scoreNames(PAIRS, () => false);
    expect([none.accept.value, none.reject.value]).toEqual([0, 1]);
  });
  it('scores a known partial matcher', () => {
    // Accepts whatever pair has putin or lavrov on the English side.
    const s = scoreNames(PAIRS, (en) => en === 'putin' || en === 'lavrov');
    expect(s.accept).toMatchObject({ correct: 2, total: 4, value: 0.5 });
    expect(s.reject).toMatchObject({ correct: 2, total: 4, value: 0.5 });
  });
  it('has a baseline that matches plain transliterations and rejects unrelated names', () => {
    expect(baselineNameMatch('lavrov', 'лавров')).toBe(true);
    expect(baselineNameMatch('froese', 'фрезе')).toBe(true);
    expect(baselineNameMatch('putin', 'лавров')).toBe(false);
  });
});
