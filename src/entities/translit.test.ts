import { describe, expect, it } from 'vitest';
import { namesMatch, pairScore, romanize, wordsMatch } from './translit.js';

describe('transliteration model', () => {
  it('matches the surnames news writes differently in each script', () => {
    for (const [en, ru] of [
      ['Lutnick', 'Латник'],
      ['Daines', 'Дэйнс'],
      ['Wirth', 'Уирт'],
      ['Rubio', 'Рубио'],
      ['Tokayev', 'Токаев'],
      ['Tokaev', 'Токаев'],
      ['Chevron', 'Шеврон'],
    ]) {
      expect(wordsMatch(en!, ru!), `${en} ~ ${ru}`).toBe(true);
    }
  });
  it('rejects different names', () => {
    expect(wordsMatch('Lutnick', 'Рубио')).toBe(false);
    expect(wordsMatch('Putin', 'Лавров')).toBe(false);
    expect(pairScore('lutnick', 'латник')).toBeGreaterThan(pairScore('lutnick', 'лавров'));
  });
  it('matches full names and a surname against a full name', () => {
    expect(namesMatch('Kassym-Jomart Tokayev', 'Касым-Жомарт Токаев')).toBe(true);
    expect(namesMatch('Howard Lutnick', 'Говард Латник')).toBe(true);
    expect(namesMatch('Tokayev', 'Касым-Жомарт Токаев')).toBe(true);
    expect(namesMatch('Marco Rubio', 'Говард Латник')).toBe(false);
  });
  it('compares same-script names by letters', () => {
    expect(wordsMatch('Токаев', 'токаев')).toBe(true);
    expect(wordsMatch('Tokayev', 'Tokaev')).toBe(false);
  });
});

describe('romanization', () => {
  it('romanizes the BGN/PCGN way', () => {
    expect(romanize('Сергей Ковалёв')).toBe('Sergey Kovalyov');
    expect(romanize('Дмитрий Медведев')).toBe('Dmitriy Medvedev');
    expect(romanize('Елена Щукина')).toBe('Yelena Shchukina');
  });
});
