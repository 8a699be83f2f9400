import { beforeAll, describe, expect, it } from 'vitest';
import { Doc, type Lang, type Token, type TokenKind } from '../doc.js';
import { getStage } from '../pipeline/registry.js';
import type { StageInstance } from '../pipeline/types.js';
import { tokenAlternatives } from './morph.js';

/**
 * A throwaway tokenizer so this test does not depend on the segment stage: one sentence per
 * `sentences` entry, joined by a space, split into words, numbers, urls, handles and punctuation.
 */
function makeDoc(sentences: [string, Lang][]): Doc {
  const text = sentences.map(([s]) => s).join(' ');
  const doc = new Doc({ text });
  const re =
    /(https?:\/\/\S+)|(@\w+)|(#[\p{L}\d_]+)|(\d+(?:[.,]\d+)?)|([\p{L}][\p{L}\p{M}]*(?:-[\p{L}]+)*)|(\p{Extended_Pictographic})|(\S)/gu;
  let offset = 0;
  sentences.forEach(([s, lang], si) => {
    const tokenStart = doc.tokens.length;
    for (const m of s.matchAll(re)) {
      const kind: TokenKind = m[1]
        ? 'url'
        : m[2]
          ? 'handle'
          : m[3]
            ? 'hashtag'
            : m[4]
              ? 'number'
              : m[5]
                ? 'word'
                : m[6]
                  ? 'emoji'
                  : /[\p{P}]/u.test(m[0])
                    ? 'punct'
                    : 'symbol';
      const start = offset + m.index;
      const end = start + m[0].length;
      const tok: Token = { start, end, text: m[0], kind, sentence: si, spaceAfter: text.charAt(end) === ' ' };
      doc.tokens.push(tok);
    }
    doc.sentences.push({
      start: offset,
      end: offset + s.length,
      lang,
      tokenStart,
      tokenEnd: doc.tokens.length,
    });
    offset += s.length + 1;
  });
  return doc;
}

function find(doc: Doc, text: string): Token {
  const t = doc.tokens.find((x) => x.text === text);
  if (!t) throw new Error(`no token ${text}`);
  return t;
}

let stage: StageInstance;

beforeAll(async () => {
  stage = await getStage('morph').create({});
});

describe('morph stage', () => {
  it('is registered with what it reads and writes', () => {
    const def = getStage('morph');
    expect(def.reads).toEqual(['tokens', 'lang']);
    expect(def.writes).toEqual(['morph']);
  });

  it('fills lemma, pos and features of a Russian sentence', () => {
    const doc = makeDoc([
      ['Президент Казахстана Касым-Жомарт Токаев прибыл в Вашингтон и встретился с Марком Рубио.', 'ru'],
    ]);
    stage.run(doc);
    expect(find(doc, 'Президент')).toMatchObject({ lemma: 'президент', pos: 'NOUN' });
    expect(find(doc, 'Казахстана')).toMatchObject({ lemma: 'казахстан', pos: 'PROPN' });
    expect(find(doc, 'Касым-Жомарт').pos).toBe('PROPN');
    expect(find(doc, 'Токаев')).toMatchObject({ lemma: 'токаев', pos: 'PROPN' });
    expect(find(doc, 'прибыл').features).toMatchObject({ tense: 'past', aspect: 'perf' });
    expect(find(doc, 'в')).toMatchObject({ lemma: 'в', pos: 'ADP' });
    expect(find(doc, 'Марком')).toMatchObject({ lemma: 'марк', pos: 'PROPN' });
    expect(find(doc, 'Рубио').features?.tags).toContain('Surn');
    expect(find(doc, '.')).toMatchObject({ lemma: '.', pos: 'PUNCT' });
    for (const t of doc.tokens) expect(t.lemma, t.text).toBeDefined();
  });

  it('reads the reference sentences of the seed article', () => {
    const doc = makeDoc([
      [
        'Программа визита Президента Касым-Жомарта Токаева в Вашингтон началась со встречи с Государственным секретарем Марком Рубио, министром торговли Говардом Латником и Специальным представителем Президента США по Южной и Центральной Азии Серджио Гором.',
        'ru',
      ],
      [
        'Затем состоялось подписание Меморандума между Республикой Казахстан и Соединенными Штатами Америки.',
        'ru',
      ],
      [
        'Также Токаев принял председателя совета директоров корпорации Chevron Майкла Уирта и американского сенатора Стива Дэйнса.',
        'ru',
      ],
      ['Белый дом намерен придать импульс Авраамским соглашениям.', 'ru'],
    ]);
    stage.run(doc);
    const lemma = (w: string) => find(doc, w).lemma;
    expect(lemma('Токаева')).toBe('токаев');
    expect(lemma('Латником')).toBe('латник');
    expect(lemma('Гором')).toBe('гор');
    expect(lemma('Серджио')).toBe('серджио');
    expect(lemma('Республикой')).toBe('республика');
    expect(lemma('Соединенными')).toBe('соединенный');
    expect(lemma('Штатами')).toBe('штат');
    expect(lemma('Уирта')).toBe('уирт');
    expect(lemma('Дэйнса')).toBe('дэйнс');
    expect(find(doc, 'Латником')).toMatchObject({ lemma: 'латник', pos: 'PROPN' });
    expect(find(doc, 'Chevron')).toMatchObject({ lemma: 'chevron', pos: 'PROPN' });
    expect(find(doc, 'Государственным').pos).toBe('ADJ');
    expect(find(doc, 'Белый')).toMatchObject({ lemma: 'белый', pos: 'ADJ' });
    expect(find(doc, 'Авраамским')).toMatchObject({ lemma: 'авраамский', pos: 'ADJ' });
  });

  it('records other readings for the entity stage', () => {
    const doc = makeDoc([['Встреча с Токаевым прошла в Астане.', 'ru']]);
    stage.run(doc);
    const i = doc.tokens.findIndex((t) => t.text === 'Астане');
    expect(doc.tokens[i]!.features?.tags).toContain('Geox');
    const j = doc.tokens.findIndex((t) => t.text === 'Встреча');
    expect(Array.isArray(tokenAlternatives(doc, j))).toBe(true);
    const k = doc.tokens.findIndex((t) => t.text === 'Токаевым');
    expect(doc.tokens[k]!.lemma).toBe('токаев');
  });

  it('uses the English analyzer for English sentences and Latin words', () => {
    const doc = makeDoc([
      ['Tokayev met President Trump and signed agreements worth $2.5 billion.', 'en'],
      ['Издание Axios сообщило об этом.', 'ru'],
    ]);
    stage.run(doc);
    expect(find(doc, 'Tokayev')).toMatchObject({ lemma: 'tokayev', pos: 'PROPN' });
    expect(find(doc, 'met')).toMatchObject({ lemma: 'meet', pos: 'VERB' });
    expect(find(doc, 'signed')).toMatchObject({ lemma: 'sign', pos: 'VERB' });
    expect(find(doc, 'agreements')).toMatchObject({ lemma: 'agreement', pos: 'NOUN' });
    expect(find(doc, '2.5')).toMatchObject({ lemma: '2.5', pos: 'NUM' });
    expect(find(doc, '$').pos).toMatch(/SYM|PUNCT/);
    expect(find(doc, 'Axios')).toMatchObject({ lemma: 'axios', pos: 'PROPN' });
    expect(find(doc, 'сообщило').lemma).toBe('сообщить');
  });

  it('marks urls, handles and hashtags X and emoji SYM', () => {
    const doc = makeDoc([['Смотрите https://t.co/AbC и @BarakRavid #Казахстан 🇰', 'ru']]);
    stage.run(doc);
    expect(find(doc, 'https://t.co/AbC')).toMatchObject({ lemma: 'https://t.co/abc', pos: 'X' });
    expect(find(doc, '@BarakRavid')).toMatchObject({ lemma: '@barakravid', pos: 'X' });
    expect(find(doc, '#Казахстан')).toMatchObject({ pos: 'X' });
  });

  it('reads Cyrillic words of a Kazakh sentence with the Russian analyzer', () => {
    const doc = makeDoc([['Қасым-Жомарт Тоқаев Вашингтонға барды.', 'kk']]);
    stage.run(doc);
    expect(find(doc, 'Тоқаев').pos).toBe('PROPN');
    expect(find(doc, 'Вашингтонға')).toMatchObject({ lemma: 'вашингтонға', pos: 'PROPN' });
    expect(find(doc, 'барды').lemma).toBeDefined();
  });

  it('gives each token its own features object', () => {
    const doc = makeDoc([['министр и министр', 'ru']]);
    stage.run(doc);
    const [a, , b] = doc.tokens;
    expect(a!.features).not.toBe(b!.features);
    a!.features!.extra = 'x';
    expect(b!.features!.extra).toBeUndefined();
  });

  it('works from tokens alone when sentences carry no token range', () => {
    const doc = makeDoc([['Токаев прибыл.', 'ru']]);
    for (const s of doc.sentences) {
      delete s.tokenStart;
      delete s.tokenEnd;
    }
    stage.run(doc);
    expect(find(doc, 'прибыл').lemma).toBe('прибыть');
  });
});
