import { beforeAll, describe, expect, it } from 'vitest';
import { guessSurname, isNameReading, loadRussianMorph, type RussianMorph } from './morph.js';

let ru: RussianMorph;

beforeAll(async () => {
  ru = await loadRussianMorph();
});

// Word forms of the kind news about state visits is made of, with the lemma the later stages
// match on: surnames the dictionary does not know, names, countries, treaty words, verbs.
const LEMMAS: [string, string][] = [
  ['Токаева', 'токаев'],
  ['Токаев', 'токаев'],
  ['Латником', 'латник'],
  ['Уирта', 'уирт'],
  ['Дэйнса', 'дэйнс'],
  ['Гором', 'гор'],
  ['Рубио', 'рубио'],
  ['Трампом', 'трамп'],
  ['Салмана', 'салман'],
  ['Марком', 'марк'],
  ['Казахстана', 'казахстан'],
  ['соглашениям', 'соглашение'],
  ['Республикой', 'республика'],
  ['Соединенными', 'соединенный'],
  ['Соединёнными', 'соединенный'],
  ['Штатами', 'штат'],
  ['Авраамским', 'авраамский'],
  ['прибыл', 'прибыть'],
  ['проведет', 'провести'],
  ['проведёт', 'провести'],
  ['подписано', 'подписать'],
  ['Президентом', 'президент'],
  ['Захаровой', 'захарова'],
  ['Путина', 'путин'],
  ['Лаврова', 'лавров'],
  ['Вашингтоне', 'вашингтон'],
  ['Москвы', 'москва'],
  ['переговорах', 'переговоры'],
  ['встретился', 'встретиться'],
  ['встречи', 'встреча'],
  ['заявила', 'заявить'],
  ['подписали', 'подписать'],
  ['договора', 'договор'],
  ['министром', 'министр'],
  ['делегации', 'делегация'],
  ['визитом', 'визит'],
  ['Израилем', 'израиль'],
  ['сотрудничества', 'сотрудничество'],
  ['государств', 'государство'],
  ['Байдена', 'байден'],
  ['Эрдогану', 'эрдоган'],
  ['Зеленским', 'зеленский'],
  ['Пескова', 'песков'],
  ['Шойгу', 'шойгу'],
  ['Брюсселе', 'брюссель'],
  ['ООН', 'оон'],
  ['США', 'сша'],
  ['Евросоюза', 'евросоюз'],
  ['Аравии', 'аравия'],
  ['Мухаммеда', 'мухаммед'],
  ['Майкла', 'майкл'],
  ['Серджио', 'серджио'],
  ['Касым-Жомарта', 'касым-жомарт'],
  ['ребёнка', 'ребенок'],
  ['Алиевым', 'алиев'],
  ['Мирзиёевым', 'мирзиеев'],
  ['Лукашенко', 'лукашенко'],
];

describe('Russian lemmas', () => {
  it.each(LEMMAS)('%s → %s', (form, lemma) => {
    expect(ru.analyze(form).lemma).toBe(lemma);
  });

  it('covers at least 40 word forms', () => {
    expect(LEMMAS.length).toBeGreaterThanOrEqual(40);
  });

  it('writes е for ё in every lemma', () => {
    for (const w of ['ещё', 'Мирзиёевым', 'объединённых', 'всё'])
      expect(ru.analyze(w).lemma).not.toMatch(/ё/);
  });
});

describe('Russian features and parts of speech', () => {
  it('reads "Президентом" as instrumental singular masculine', () => {
    const a = ru.analyze('Президентом');
    expect(a.pos).toBe('NOUN');
    expect(a.features).toMatchObject({ case: 'ablt', number: 'sing', gender: 'masc', animacy: 'anim' });
  });

  it('reads "прибыл" as a past perfective verb', () => {
    const a = ru.analyze('прибыл');
    expect(a.pos).toBe('VERB');
    expect(a.features).toMatchObject({
      tense: 'past',
      aspect: 'perf',
      number: 'sing',
      gender: 'masc',
      verbForm: 'Fin',
    });
  });

  it('reads "Рубио" as an indeclinable surname', () => {
    const a = ru.analyze('Рубио');
    expect(a.pos).toBe('PROPN');
    expect(a.features.tags).toContain('Surn');
  });

  it('tags countries Geox and organisations Orgn', () => {
    expect(ru.analyze('Казахстана').features.tags).toContain('Geox');
    expect(ru.analyze('Казахстана').pos).toBe('PROPN');
    expect(ru.analyze('ООН').features.tags).toEqual(expect.arrayContaining(['Abbr', 'Orgn']));
  });

  it('maps closed classes to Universal POS', () => {
    expect(ru.analyze('в').pos).toBe('ADP');
    expect(ru.analyze('и').pos).toBe('CCONJ');
    expect(ru.analyze('что').pos).toMatch(/SCONJ|PRON/);
    expect(ru.analyze('не').pos).toBe('PART');
    expect(ru.analyze('он').pos).toBe('PRON');
    expect(ru.analyze('этот').pos).toBe('DET');
    expect(ru.analyze('два').pos).toBe('NUM');
    expect(ru.analyze('быстро').pos).toBe('ADV');
    expect(ru.analyze('был').pos).toBe('AUX');
  });

  it('lemmatises short passive participles to the verb and marks them', () => {
    const a = ru.analyze('подписано');
    expect(a.features).toMatchObject({ verbForm: 'Part', voice: 'pssv', variant: 'short' });
  });

  it('keeps the feminine nominative for a woman’s surname', () => {
    const a = ru.analyze('Захаровой');
    expect(a.features.gender).toBe('femn');
    expect(a.lemma).toBe('захарова');
  });

  it('offers the common-noun reading beside the surname', () => {
    const a = ru.analyze('Токаев');
    expect(a.features.tags).toContain('Surn');
    expect(a.alternatives?.some((r) => r.lemma === 'токай' && !isNameReading(r))).toBe(true);
  });

  it('reads all-caps words in a headline', () => {
    expect(ru.analyze('ПУТИН').lemma).toBe('путин');
    expect(ru.analyze('ПУТИН').features.tags).toContain('Surn');
  });

  it('strips stress marks and soft hyphens', () => {
    expect(ru.analyze('прибы\u0301л').lemma).toBe('прибыть');
  });

  it('hands out frozen readings', () => {
    const a = ru.analyze('министром');
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(a.features)).toBe(true);
  });

  it('survives words outside the dictionary alphabet', () => {
    const a = ru.analyze('Қасым');
    expect(a.lemma).toBe('қасым');
    expect(a.pos).toBe('PROPN');
    expect(ru.analyze('-').lemma).toBe('-');
  });
});

describe('Russian analysis in context', () => {
  it('reads a capitalised adjective before an agreeing noun as an adjective', () => {
    expect(ru.analyzeInContext('Авраамским', { nextWord: 'соглашениям' }).pos).toBe('ADJ');
    expect(ru.analyzeInContext('Белом', { nextWord: 'доме' })).toMatchObject({ lemma: 'белый', pos: 'ADJ' });
    expect(ru.analyzeInContext('Американское', { nextWord: 'издание' }).pos).toBe('ADJ');
  });

  it('reads the same word alone as a surname', () => {
    const a = ru.analyzeInContext('Зеленским', { nextWord: 'обсудил' });
    expect(a.pos).toBe('PROPN');
    expect(a.features.tags).toContain('Surn');
  });

  it('does not make a sentence-initial common word a surname', () => {
    expect(ru.analyzeInContext('Слов', { sentenceInitial: true, nextWord: 'не' }).lemma).toBe('слово');
    expect(ru.analyzeInContext('Вера', { sentenceInitial: true, nextWord: 'в' }).pos).toBe('NOUN');
  });

  it('reads a sentence-initial surname before its verb', () => {
    expect(ru.analyzeInContext('Токаев', { sentenceInitial: true, nextWord: 'прибыл' })).toMatchObject({
      lemma: 'токаев',
      pos: 'PROPN',
    });
  });

  it('prefers a name reading mid-sentence and next to a name', () => {
    expect(ru.analyzeInContext('Вера', {}).features.tags).toContain('Name');
    expect(
      ru.analyzeInContext('Вера', { sentenceInitial: true, nextWord: 'Иванова' }).features.tags,
    ).toContain('Name');
    expect(ru.analyzeInContext('Рубио', { sentenceInitial: true, nextWord: 'заявил' }).pos).toBe('PROPN');
  });

  it('reads a capitalised common noun after a first name as a surname', () => {
    const a = ru.analyzeInContext('Трампом', { prev: ru.analyze('Дональдом') });
    expect(a).toMatchObject({ lemma: 'трамп', pos: 'PROPN' });
    expect(a.features.tags).toContain('Surn');
    expect(a.alternatives?.some((r) => r.pos === 'NOUN')).toBe(true);
    expect(ru.analyzeInContext('Трампом', { prev: ru.analyze('с') }).pos).toBe('NOUN');
  });

  it('prefers a place after a preposition of place', () => {
    expect(ru.analyzeInContext('Астане', { prev: ru.analyze('в') }).features.tags).toContain('Geox');
  });

  it('keeps lower-case words common', () => {
    expect(ru.analyzeInContext('вера', {}).pos).toBe('NOUN');
    expect(ru.analyzeInContext('стали', { sentenceInitial: true }).lemma).toMatch(/^(стать|сталь)$/);
  });
});

describe('guessSurname', () => {
  it.each([
    ['Уирта', 'уирт', 'gent'],
    ['Уирту', 'уирт', 'datv'],
    ['Уиртом', 'уирт', 'ablt'],
    ['Уирте', 'уирт', 'loct'],
    ['Токаевым', 'токаев', 'ablt'],
    ['Токаеву', 'токаев', 'datv'],
    ['Ивановой', 'иванова', 'gent'],
    ['Зеленского', 'зеленский', 'gent'],
    ['Зеленской', 'зеленская', 'gent'],
    ['Уиткофф', 'уиткофф', 'nomn'],
  ])('%s → %s (%s)', (form, lemma, kase) => {
    const [r] = guessSurname(form);
    expect(r?.lemma).toBe(lemma);
    expect(r?.features.case).toBe(kase);
  });

  it('keeps indeclinable foreign names whole', () => {
    for (const w of ['Рубио', 'Моди', 'Абэ', 'Мацумото']) {
      expect(guessSurname(w)[0]?.lemma).toBe(w.toLowerCase());
    }
  });
});

describe('cache', () => {
  it('stays within its bound', async () => {
    const small = await loadRussianMorph({ cacheSize: 10 });
    for (const w of [
      'один',
      'два',
      'три',
      'четыре',
      'пять',
      'шесть',
      'семь',
      'восемь',
      'девять',
      'десять',
      'одиннадцать',
      'двенадцать',
    ]) {
      small.analyze(w);
    }
    expect(small.cacheSize).toBeLessThanOrEqual(10);
    expect(small.analyze('один').lemma).toBe('один');
  });
});
