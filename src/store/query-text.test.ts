import { describe, expect, it } from 'vitest';
import { nameKey, nameParts, outletOf } from './names.js';
import { formMatches, ftsQuery, lemmaSnippet, phraseQuery, plainAnalyze } from './query-text.js';
import { ploverContext, gdeltQuadClass } from './plover.js';

describe('query text', () => {
  it('quotes words so that nothing is read as FTS5 syntax', () => {
    expect(phraseQuery(['AND', 'a"b'])).toBe('"AND" "a""b"');
    expect(phraseQuery([])).toBeNull();
    expect(ftsQuery(plainAnalyze('Токаев OR'), ['text'], 'lemmas')).toBe(
      '({text} : ("Токаев" "OR")) OR ({lemmas} : ("токаев" "or"))',
    );
  });

  it('marks inflected forms of lemmas in snippets', () => {
    expect(formMatches('Токаева', 'токаев')).toBe(true);
    expect(formMatches('прибыл', 'прибыть')).toBe(true);
    expect(formMatches('Ток', 'токаев')).toBe(false);
    const s = lemmaSnippet(
      'Вчера Касым-Жомарт Токаев прибыл в Вашингтон.',
      { words: ['Токаева'], lemmas: ['токаев'] },
      '[',
      ']',
    );
    expect(s).toBe('Вчера Касым-Жомарт [Токаев] прибыл в Вашингтон.');
  });

  it('folds names and finds outlets', () => {
    expect(nameKey('  Касым-Жомарт  Токаёв ')).toBe('касым жомарт токаев');
    expect(nameParts('касым жомарт токаев ли')).toEqual(['касым', 'жомарт', 'токаев']);
    expect(outletOf('https://www.Reuters.com/world/x')).toBe('reuters.com');
    expect(outletOf('file:///tmp/a.txt')).toBeNull();
    expect(outletOf(null)).toBeNull();
  });

  it('maps CAMEO codes to PLOVER contexts and GDELT quad classes', () => {
    expect(ploverContext('057')).toBe('diplomatic');
    expect(ploverContext('0312')).toBe('military');
    expect(ploverContext('0811')).toBeNull();
    expect(ploverContext('040')).toBeNull();
    expect([
      gdeltQuadClass('040'),
      gdeltQuadClass('061'),
      gdeltQuadClass('112'),
      gdeltQuadClass('190'),
    ]).toEqual([1, 2, 3, 4]);
    expect(gdeltQuadClass(null)).toBeNull();
  });
});
