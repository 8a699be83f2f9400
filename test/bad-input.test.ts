import { describe, expect, it } from 'vitest';
import { pipeline } from './helpers.js';

// Hostile and odd input through the whole pipeline: nothing may crash or hang, and the output
// must stay sensible. Speed is measured by `npm run bench`, not here.
describe('bad input through the whole pipeline', () => {
  it('handles a text with no entities', async () => {
    const doc = (await pipeline()).process({ text: 'сегодня было тепло и солнечно, а вечером пошёл дождь.' });
    expect(doc.entities).toEqual([]);
    expect(doc.events).toEqual([]);
  });

  it('handles an all-caps headline', async () => {
    const doc = (await pipeline()).process({
      text: 'ТОКАЕВ ПРИБЫЛ В ВАШИНГТОН\n\nПрезидент Казахстана прибыл в Вашингтон.',
      date: '2025-11-07',
    });
    expect(doc.sentences.length).toBe(2);
    expect(doc.entities.some((e) => e.name === 'Kazakhstan')).toBe(true);
  });

  it('handles Russian transliterated into Latin and homoglyphs inside words', async () => {
    const doc = (await pipeline()).process({
      text: 'Prezident Tokaev pribyl v Moskvu. Тоkаев (с латинскими буквами) встретился с Путиным.',
      date: '2025-11-07',
    });
    expect(doc.sentences.length).toBe(2);
    expect(doc.entities.some((e) => e.name === 'Vladimir Putin')).toBe(true);
  });

  it('handles thousands of names in one list', async () => {
    const names = ['Токаев', 'Путин', 'Мирзиёев', 'Жапаров', 'Рахмон', 'Лукашенко', 'Пашинян', 'Алиев'];
    const list = Array.from(
      { length: 3000 },
      (_, i) => `${names[i % names.length]} ${['Иван', 'Пётр', 'Сергей'][i % 3]}ов${i}`,
    ).join(', ');
    const doc = (await pipeline()).process({ text: `Список участников: ${list}.` });
    expect(doc.tokens.length).toBeGreaterThan(6000);
    // The eight leaders are found once each, however often the list repeats them.
    expect(
      doc.entities.filter((e) => e.type === 'PERSON' && e.wikidata !== undefined).length,
    ).toBeGreaterThanOrEqual(8);
    expect(doc.entities.find((e) => e.name === 'Vladimir Putin')?.mentions.length).toBe(375);
  });

  it('handles a list of 200 countries and a 5,000-word sentence', async () => {
    const countries = [
      'Казахстан',
      'Россия',
      'Китай',
      'США',
      'Франция',
      'Германия',
      'Индия',
      'Бразилия',
      'Япония',
      'Турция',
    ];
    const list = Array.from({ length: 200 }, (_, i) => countries[i % countries.length]).join(', ');
    const long = Array.from({ length: 5000 }, (_, i) =>
      i % 50 === 0 ? 'Токаев встретился с Путиным и' : 'слово',
    ).join(' ');
    const doc = (await pipeline()).process({
      text: `В саммите участвовали ${list}. ${long}.`,
      date: '2025-11-07',
    });
    expect(doc.sentences.length).toBe(2);
    expect(doc.entities.filter((e) => e.type === 'COUNTRY').length).toBe(countries.length);
    expect(doc.events.length).toBeGreaterThan(0);
  });

  it('handles nested and unbalanced quotes', async () => {
    const doc = (await pipeline()).process({
      text: '«Мы подписали «дорожную карту» и „меморандум“», — заявил Токаев. Он сказал: «Это только начало. Путин согласился.',
      date: '2025-11-07',
    });
    expect(doc.sentences.length).toBeGreaterThanOrEqual(2);
    for (const q of doc.quotes) expect(doc.text.slice(q.start, q.end)).toBe(q.text);
  });

  it('warns about an impossible date and a malformed amount, and keeps them out of events', async () => {
    const doc = (await pipeline()).process({
      text: 'Соглашение на сумму 1,5,7 млрд долларов подписано 31 февраля 2025 года между Казахстаном и Китаем.',
      date: '2025-11-07',
    });
    expect(doc.warnings.map((w) => w.code).sort()).toEqual(['W_AMOUNT_MALFORMED', 'W_DATE_INVALID']);
    for (const w of doc.warnings) expect(w.start).toBeGreaterThanOrEqual(0);
    for (const e of doc.events) {
      expect(e.amount).toBeNull();
      expect(e.date).not.toBe('2025-02-31');
    }
  });
});
