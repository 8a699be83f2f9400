import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Doc } from '../doc.js';
import { getStage } from '../pipeline/registry.js';
import './segment.js';

const SEED = fileURLToPath(new URL('../../../shared/seed/000_68cb7eaf74aae7c3.txt', import.meta.url));
const hasSeed = existsSync(SEED);

/** The seed's text without its ` date YYYY-MM-DD ` header. */
function seedText(): string {
  return readFileSync(SEED, 'utf8').replace(/^\s?date \d{4}-\d{2}-\d{2}\s/, '');
}

async function segmented(text: string): Promise<Doc> {
  const stage = await getStage('segment').create({});
  const doc = new Doc({ text });
  stage.run(doc);
  return doc;
}

describe('segment stage', () => {
  it('is registered with what it reads and writes', () => {
    const def = getStage('segment');
    expect(def.reads).toEqual(['text']);
    expect(def.writes).toEqual(['sentences', 'tokens']);
  });

  it('fills tokens and sentences of the document', async () => {
    const doc = await segmented('Токаев прибыл в Вашингтон. Встреча прошла.');
    expect(doc.sentences).toHaveLength(2);
    expect(doc.sentenceTokens(1).map((t) => t.text)).toEqual(['Встреча', 'прошла', '.']);
    expect(doc.tokens.every((t) => doc.text.slice(t.start, t.end) === t.text)).toBe(true);
  });

  it.skipIf(!hasSeed)(
    'segments the seed article (needs ../shared/seed/000_68cb7eaf74aae7c3.txt)',
    async () => {
      const doc = await segmented(seedText());
      const text = doc.text;
      // Checked by eye: the tweet is two sentences, its signature stays with "My story on …".
      expect(doc.sentences.map((s) => text.slice(s.start, s.start + 30))).toEqual([
        'Как пишет Американское издание',
        '🇰🇿🇺🇸New: Kazakhstan Presid', // flags take four UTF-16 units each
        'My story on @axioshttps://t.co',
        'В Белом доме отмечают, что при',
        'По словам американского чиновн',
        'Соглашения о нормализации отно',
        'Теперь Вашингтон стремится рас',
        'Белый дом намерен придать импу',
        'Выступая на экономической конф',
        'Напомним, Президент Казахстана',
        'Глава государства проведет пер',
        'Программа визита Президента Ка',
        'Затем состоялось подписание Ме',
        'Также Президент Казахстана Кас',
        'Кроме этого, в рамках текущего',
      ]);
      expect(doc.sentences.map((s) => text.slice(s.end - 12, s.end))).toEqual([
        'ого диалога.',
        'als tell me.',
        'mber 6, 2025',
        'екторе Газа.',
        ' в регионе».',
        'рока Трампа.',
        'мопонимания.',
        'н 18 ноября.',
        ' соглашений.',
        'в Вашингтон.',
        'мите «С5+1».',
        'рджио Гором.',
        'х минералов.',
        'тива Дэйнса.',
        'рд долларов.',
      ]);
      for (const s of doc.sentences)
        expect(text.slice(s.start, s.end).trim()).toBe(text.slice(s.start, s.end));

      const kindOf = (surface: string): string | undefined =>
        doc.tokens.find((t) => t.text === surface)?.kind;
      expect(kindOf('С5+1')).toBe('word');
      expect(kindOf('Касым-Жомарта')).toBe('word');
      expect(kindOf('Эр-Рияд')).toBe('word');
      expect(kindOf('2,5')).toBe('number');
      expect(kindOf('@axios')).toBe('handle');
      expect(kindOf('@BarakRavid')).toBe('handle');
      expect(kindOf('https://t.co/fkVtqI7B1Z')).toBe('url');
      expect(kindOf('🇰🇿')).toBe('emoji');
      expect(kindOf('🇺🇸')).toBe('emoji');
      expect(kindOf('U.S.')).toBe('word');
    },
  );
});
