import { describe, expect, it } from 'vitest';
import { findDates, makeDate, resolveWeekday } from './dates.js';
import { findMoney, parseNumber } from './money.js';

const PUB = '2025-11-07'; // a Friday

function one(text: string, lang = 'ru') {
  const found = findDates(text, lang, PUB);
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('weekdays against the publication date', () => {
  it('resolves a past weekday to the last one and a future weekday to the next', () => {
    expect(resolveWeekday(4, PUB, 'past')).toBe('2025-11-06');
    expect(resolveWeekday(4, PUB, 'future')).toBe('2025-11-13');
    expect(resolveWeekday(5, PUB, 'past')).toBe(PUB);
    expect(resolveWeekday(1, PUB, 'future')).toBe('2025-11-10');
  });
  it('reads Russian and English weekdays with both readings', () => {
    expect(one('Президент в четверг прибыл в Вашингтон.')).toMatchObject({
      text: 'в четверг',
      past: '2025-11-06',
      future: '2025-11-13',
      relative: true,
    });
    expect(one('They met on Thursday.', 'en')).toMatchObject({ text: 'on Thursday', past: '2025-11-06' });
    expect(one('He will go next Monday.', 'en')).toMatchObject({ past: null, future: '2025-11-10' });
    expect(one('They spoke last Friday.', 'en')).toMatchObject({ past: '2025-10-31' });
  });
});

describe('absolute and partial dates', () => {
  it('reads day and month, inferring the year from the publication date', () => {
    expect(one('визит в Вашингтон 18 ноября.')).toMatchObject({
      text: '18 ноября',
      past: '2025-11-18',
      future: '2025-11-18',
    });
    expect(one('on Nov. 18', 'en')).toMatchObject({ future: '2025-11-18' });
  });
  it('reads full dates in Russian, English and numeric forms', () => {
    expect(one('6 ноября 2025 года').past).toBe('2025-11-06');
    expect(one('November 6, 2025', 'en').past).toBe('2025-11-06');
    expect(one('6 November 2025', 'en').past).toBe('2025-11-06');
    expect(one('18.11.2025').past).toBe('2025-11-18');
  });
  it('gives a month or a year when that is all the text says', () => {
    expect(one('в октябре 2025 года')).toMatchObject({ past: '2025-10', precision: 'month' });
    expect(one('в 2026 году')).toMatchObject({ past: '2026', precision: 'year' });
    expect(one('in 2026', 'en')).toMatchObject({ past: '2026', precision: 'year' });
    expect(one('in October 2025', 'en')).toMatchObject({ past: '2025-10' });
  });
  it('reads ranges', () => {
    expect(one('10–11 ноября')).toMatchObject({ past: '2025-11-10', end_: '2025-11-11' });
  });
  it('resolves relative words', () => {
    expect(one('вчера').past).toBe('2025-11-06');
    expect(one('накануне').past).toBe('2025-11-06');
    expect(one('в прошлом году').past).toBe('2024');
    expect(one('в конце месяца').future).toBe('2025-11');
    expect(one('в начале следующего года').future).toBe('2026');
    expect(one('во второй половине прошлого месяца').past).toBe('2025-10');
    expect(one('next month', 'en').future).toBe('2025-12');
    expect(one('yesterday', 'en').past).toBe('2025-11-06');
  });
  it('flags impossible dates instead of inventing them', () => {
    const d = one('31 февраля 2025 года');
    expect(d.past).toBeNull();
    expect(d.invalid).toMatch(/not a day/);
    expect(makeDate(2024, 2, 29)).toBe('2024-02-29');
    expect(makeDate(2025, 2, 29)).toBeNull();
  });
  it('gives no value without a publication date for relative words', () => {
    expect(findDates('в четверг', 'ru', null)[0]).toMatchObject({ past: null, future: null });
  });
});

describe('money', () => {
  const cases: Array<[string, number, string]> = [
    ['на сумму 2,5 млрд долларов', 2.5e9, 'USD'],
    ['более 20 млрд долларов', 20e9, 'USD'],
    ['4,8 млрд тенге', 4.8e9, 'KZT'],
    ['500 млн сумов', 5e8, 'UZS'],
    ['1 200 рублей', 1200, 'RUB'],
    ['$2.5 billion', 2.5e9, 'USD'],
    ['€12bn', 12e9, 'EUR'],
    ['US$4.8 bn', 4.8e9, 'USD'],
    ['300 million euros', 3e8, 'EUR'],
    ['10 млрд долл. США', 10e9, 'USD'],
  ];
  for (const [text, value, currency] of cases) {
    it(`reads "${text}"`, () => {
      const { values } = findMoney(text);
      expect(values).toHaveLength(1);
      expect(values[0]).toMatchObject({ value, currency });
    });
  }
  it('keeps the text and offsets of the amount', () => {
    const { values } = findMoney('подписано соглашение на сумму 2,5 млрд долларов.', 100);
    expect(values[0]).toMatchObject({ text: '2,5 млрд долларов', start: 130, end: 147, value: 2.5e9 });
  });
  it('reports a malformed number and leaves the amount out', () => {
    const { values, problems } = findMoney('1,5,7 млрд долларов');
    expect(values).toEqual([]);
    expect(problems[0]?.message).toMatch(/not a well-formed number/);
  });
  it('parses numbers in both conventions', () => {
    expect(parseNumber('2,5', 'ru')).toBe(2.5);
    expect(parseNumber('1 000', 'ru')).toBe(1000);
    expect(parseNumber('1,200.5', 'en')).toBe(1200.5);
  });
});
