import { describe, expect, it } from 'vitest';
import { loadRussianMorph } from '../lang/ru/morph.js';
import {
  keyWords,
  morphLemmatizer,
  nameKeys,
  normalizeKey,
  PhraseIndex,
  tokenKeyWords,
  type Lemmatizer,
} from './keys.js';

/** A lemmatizer that knows a handful of forms, so key building is tested apart from the analyzer. */
const fake: Lemmatizer = (w) => {
  const table: Record<string, string | string[]> = {
    Соединённые: 'соединённый',
    Соединенными: 'соединенный',
    Штаты: 'штат',
    Штатами: 'штат',
    Америки: 'америка',
    Токаева: 'токаев',
    'Касым-Жомарта': 'касым-жомарт',
    Астане: ['астан', 'астана'],
  };
  return table[w] ?? w;
};

describe('nameKeys', () => {
  it('lower-cases, folds ё and turns hyphens into word breaks', () => {
    expect(nameKeys('Касым-Жомарт Токаев', 'ru').surface).toBe('касым жомарт токаев');
    expect(nameKeys('Соединённые Штаты', 'ru').surface).toBe('соединенные штаты');
    expect(nameKeys('Вице‑президент', 'ru').surface).toBe('вице президент'); // non-breaking hyphen
    expect(nameKeys('Kassym–Jomart', 'en').surface).toBe('kassym jomart'); // en dash
  });

  it('treats dots, commas, quotes and brackets as word breaks', () => {
    expect(nameKeys('U.S.', 'en').surface).toBe('u s');
    expect(nameKeys('Washington, D.C.', 'en').surface).toBe('washington d c');
    expect(nameKeys('«Газпром»', 'ru').surface).toBe('газпром');
    expect(nameKeys('инициатива «Пояс и путь»', 'ru').surface).toBe('инициатива пояс и путь');
    expect(nameKeys('OPEC+', 'en').surface).toBe('opec+');
  });

  it('keeps inner apostrophes and drops a Latin possessive', () => {
    expect(nameKeys('Кот-д’Ивуар', 'ru').surface).toBe("кот д'ивуар");
    expect(nameKeys("Kazakhstan's", 'en').surface).toBe('kazakhstan');
    expect(nameKeys('O’Brien', 'en').surface).toBe("o'brien");
  });

  it('folds Latin look-alikes in a mostly Cyrillic word, and the reverse', () => {
    expect(nameKeys('Тоkаев', 'ru').surface).toBe('токаев'); // Latin k and a
    expect(nameKeys('Аxios', 'en').surface).toBe('axios'); // Cyrillic А
    expect(nameKeys('Moscow Москва', 'en').surface).toBe('moscow москва'); // whole words are left alone
  });

  it('removes stress marks and soft hyphens', () => {
    expect(nameKeys('Каза́хстан', 'ru').surface).toBe('казахстан');
    expect(nameKeys('Ka\u00ADzakh', 'en').surface).toBe('kazakh');
  });

  it('gives a Russian lemma key per token, lemmatising hyphenated tokens whole', () => {
    expect(nameKeys('Соединенными Штатами Америки', 'ru', fake)).toEqual({
      surface: 'соединенными штатами америки',
      lemma: 'соединенный штат америка',
    });
    expect(nameKeys('Касым-Жомарта Токаева', 'ru', fake).lemma).toBe('касым жомарт токаев');
    expect(nameKeys('Астане', 'ru', fake).lemma).toBe('астан'); // the best lemma only
  });

  it('gives no lemma key outside Russian or without a lemmatizer, and leaves Latin words as they are', () => {
    expect(nameKeys('United States', 'en', fake).lemma).toBeNull();
    expect(nameKeys('Штаты', 'ru').lemma).toBeNull();
    expect(nameKeys('Axios Штаты', 'ru', fake).lemma).toBe('axios штат');
  });

  it('is idempotent on keys', () => {
    for (const k of ['касым жомарт токаев', 'u s', "кот д'ивуар", 'opec+']) expect(normalizeKey(k)).toBe(k);
    expect(keyWords('')).toEqual([]);
    expect(keyWords('белый дом')).toEqual(['белый', 'дом']);
  });
});

describe('tokenKeyWords', () => {
  it('offers the surface form and every lemma per key word', () => {
    expect(tokenKeyWords('Астане', 'ru', fake)).toEqual([['астане', 'астан', 'астана']]);
    expect(tokenKeyWords('Касым-Жомарта', 'ru', fake)).toEqual([['касым'], ['жомарта', 'жомарт']]);
    expect(tokenKeyWords('U.S. President', 'en')).toEqual([['u'], ['s'], ['president']]);
  });
});

describe('PhraseIndex', () => {
  const ix = new PhraseIndex<string>();
  ix.add(['белый', 'дом'], 'white-house');
  ix.add(['белый'], 'surname');
  ix.add(['соединенный', 'штат', 'америка'], 'usa');
  ix.add(['соединенный', 'штат'], 'usa');
  ix.add(['соединенный', 'штат'], 'usa');

  it('finds the longest phrase at a position, trying every form of a word', () => {
    const seq = [['в'], ['белом', 'белый'], ['доме', 'дом']];
    expect(ix.longestAt(seq, 1)).toEqual({ start: 1, length: 2, values: ['white-house'] });
    expect(ix.matchesAt(seq, 1).map((m) => m.length)).toEqual([2, 1]);
    expect(ix.longestAt(seq, 0)).toBeNull();
  });

  it('scans left to right taking longest non-overlapping matches', () => {
    const seq = ['соединенный', 'штат', 'америка', 'и', 'белый', 'дом'];
    expect(ix.scan(seq).map((m) => [m.start, m.length, m.values])).toEqual([
      [0, 3, ['usa']],
      [4, 2, ['white-house']],
    ]);
    expect(ix.byFirst.get('соединенный')!.map((e) => e.words.length)).toEqual([3, 2]);
  });
});

describe('keys with the Russian analyzer', () => {
  it('gives the same lemma key to a name and its inflected forms', async () => {
    const lemmatize = morphLemmatizer(await loadRussianMorph());
    const pairs: [string, string][] = [
      ['Касым-Жомарт Токаев', 'Касым-Жомарта Токаева'],
      ['Соединённые Штаты Америки', 'Соединенными Штатами Америки'],
      ['Белый дом', 'Белом доме'],
      ['Саудовская Аравия', 'Саудовской Аравии'],
      ['Авраамские соглашения', 'Авраамским соглашениям'],
      ['Мухаммед бин Салман', 'Мухаммеда бин Салмана'],
      ['министр иностранных дел', 'министра иностранных дел'],
    ];
    for (const [name, form] of pairs) {
      expect(nameKeys(form, 'ru', lemmatize).lemma, form).toBe(nameKeys(name, 'ru', lemmatize).lemma);
    }
  });

  it('lets a tagger match a name whose forms lemmatise apart through the alternatives', async () => {
    const lemmatize = morphLemmatizer(await loadRussianMorph());
    const ix = new PhraseIndex<string>();
    ix.add(keyWords(nameKeys('Астана', 'ru', lemmatize).lemma!), 'astana');
    expect(ix.longestAt(tokenKeyWords('в Астане', 'ru', lemmatize), 1)?.values).toEqual(['astana']);
  });
});
