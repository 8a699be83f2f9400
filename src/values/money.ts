import * as EN from '../lang/en/values.js';
import * as RU from '../lang/ru/values.js';
import type { Span } from '../doc.js';

/** An amount of money found in a sentence. */
export interface MoneyValue extends Span {
  kind: 'money';
  text: string;
  value: number;
  /** ISO 4217 code. */
  currency: string;
  /** "более", "more than"…, when the text qualifies the amount. */
  qualifier?: string;
}

/** A problem with an amount the text states in a malformed way ("1,5,7 млрд"). */
export interface MoneyProblem extends Span {
  text: string;
  message: string;
}

// Explicit letter ranges instead of Unicode property classes: the patterns then run without the
// `u` flag, several times faster on every sentence.
const LETTER = 'A-Za-z\\u00C0-\\u024F\\u0370-\\u03FF\\u0400-\\u04FF';
const L = `(?<![${LETTER}0-9])`;
const R = `(?![${LETTER}0-9])`;

function alt(entries: ReadonlyArray<readonly [string, unknown]>): string {
  return entries.map(([p]) => `(?:${p})`).join('|');
}

/** Anchored regexps of the look-up tables, compiled once instead of once per amount found. */
const anchored = new Map<string, RegExp>();

function lookup<T>(entries: ReadonlyArray<readonly [string, T]>, word: string): T | undefined {
  const w = word.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');
  for (const [p, v] of entries) {
    let re = anchored.get(p);
    if (!re) anchored.set(p, (re = new RegExp(`^(?:${p})$`)));
    if (re.test(w)) return v;
  }
  return undefined;
}

/**
 * Reads a number written the Russian way ("2,5", "1 000", "4.8") or the English way ("1,200.5").
 *
 * @example parseNumber('2,5', 'ru') // 2.5
 */
export function parseNumber(s: string, lang: 'ru' | 'en'): number {
  const t = s.replace(/[\s\u00a0\u202f]/g, '');
  if (lang === 'en') return Number(t.replace(/,(?=\d{3}(?!\d))/g, ''));
  // Russian: comma is the decimal mark; a dot after digits is one too ("4.8 млрд").
  return Number(t.replace(',', '.'));
}

interface Pattern {
  re: RegExp;
  /** A part of `re` without its context: a sentence it does not match cannot hold the amount. */
  cue: RegExp;
  lang: 'ru' | 'en';
  read(m: RegExpExecArray): { num: string; mult?: string; cur: string; qual?: string } | null;
}

const RU_NUM = '\\d{1,3}(?:[ \\u00a0\\u202f]\\d{3})+(?:[.,]\\d+)?|\\d+(?:[.,]\\d+)?';
const EN_NUM = '\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?';

let compiled: Pattern[] | null = null;

function compile(): Pattern[] {
  const ruMult = `(${alt(RU.MULTIPLIERS)})`;
  const ruCur = `(${alt(RU.CURRENCIES)})`;
  const enMult = `(${alt(EN.MULTIPLIERS)})`;
  const enCur = `(${alt(EN.CURRENCY_WORDS)})`;
  const enSign = `(${alt(EN.CURRENCY_SIGNS)})`;
  return [
    {
      lang: 'ru',
      cue: new RegExp(ruCur, 'i'),
      re: new RegExp(
        `${L}(?:(${RU.AMOUNT_QUALIFIERS})\\s+)?(${RU_NUM})\\s*(?:${ruMult}\\s*)?${ruCur}${R}`,
        'gi',
      ),
      read: (m) => ({ qual: m[1], num: m[2]!, mult: m[3], cur: m[4]! }),
    },
    {
      lang: 'en',
      cue: new RegExp(enSign, 'i'),
      re: new RegExp(
        `(?:${L}(${EN.AMOUNT_QUALIFIERS})\\s+)?${enSign}\\s?(${EN_NUM})(?:\\s*${enMult}${R})?`,
        'gi',
      ),
      read: (m) => ({ qual: m[1], cur: m[2]!, num: m[3]!, mult: m[4] }),
    },
    {
      lang: 'en',
      cue: new RegExp(enCur, 'i'),
      re: new RegExp(
        `${L}(?:(${EN.AMOUNT_QUALIFIERS})\\s+)?(${EN_NUM})\\s*(?:${enMult}\\s+)?${enCur}${R}`,
        'gi',
      ),
      read: (m) => ({ qual: m[1], num: m[2]!, mult: m[3], cur: m[4]! }),
    },
  ];
}

const MALFORMED = new RegExp(
  `${L}\\d+(?:,\\d+){2,}\\s*(?:${alt(RU.MULTIPLIERS)}|${alt(EN.MULTIPLIERS)})${R}`,
  'gi',
);

/** What every malformed number has: digits, a comma, digits, a comma, a digit. */
const MALFORMED_CUE = /\d,\d+,\d/;

/**
 * Finds amounts of money in a sentence: "2,5 млрд долларов", "более 20 млрд долларов", "$2.5 billion",
 * "€12bn", "US$4.8 bn", "4,8 млрд тенге". Both Russian and English patterns run, since Russian
 * articles quote English figures and the reverse.
 *
 * @example findMoney('на сумму 2,5 млрд долларов')[0] // { value: 2500000000, currency: 'USD', … }
 */
export function findMoney(text: string, offset = 0): { values: MoneyValue[]; problems: MoneyProblem[] } {
  // Every amount has a digit.
  if (!/\d/.test(text)) return { values: [], problems: [] };
  const patterns = (compiled ??= compile());
  const found: MoneyValue[] = [];
  const problems: MoneyProblem[] = [];
  MALFORMED.lastIndex = 0;
  let bad: RegExpExecArray | null;
  const badSpans: Span[] = [];
  const maybeMalformed = MALFORMED_CUE.test(text);
  while (maybeMalformed && (bad = MALFORMED.exec(text))) {
    badSpans.push({ start: bad.index, end: bad.index + bad[0].length });
    problems.push({
      start: bad.index + offset,
      end: bad.index + bad[0].length + offset,
      text: bad[0],
      message: `"${bad[0]}" is not a well-formed number; the amount is left out`,
    });
  }
  for (const p of patterns) {
    if (!p.cue.test(text)) continue;
    p.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = p.re.exec(text))) {
      const r = p.read(m);
      if (!r) continue;
      const start = m.index + (m[0].length - m[0].trimStart().length);
      const end = m.index + m[0].trimEnd().length;
      if (badSpans.some((b) => start < b.end && b.start < end)) continue;
      const currency =
        p.lang === 'ru'
          ? lookup(RU.CURRENCIES, r.cur)
          : (lookup(EN.CURRENCY_SIGNS, r.cur) ?? lookup(EN.CURRENCY_WORDS, r.cur));
      if (!currency) continue;
      const multiplier = r.mult
        ? ((p.lang === 'ru' ? lookup(RU.MULTIPLIERS, r.mult) : lookup(EN.MULTIPLIERS, r.mult)) ?? 1)
        : 1;
      // An English amount after a sign reads "2,5" as Russian would when no thousands group fits.
      const numLang = p.lang === 'en' && /^\d+,\d{1,2}$/.test(r.num) ? 'ru' : p.lang;
      const n = parseNumber(r.num, numLang);
      if (!Number.isFinite(n)) continue;
      const value = Math.round(n * multiplier * 100) / 100;
      const v: MoneyValue = {
        kind: 'money',
        start: start + offset,
        end: end + offset,
        text: text.slice(start, end),
        value,
        currency,
      };
      if (r.qual) v.qualifier = r.qual.toLowerCase();
      found.push(v);
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const values: MoneyValue[] = [];
  for (const v of found) {
    const last = values[values.length - 1];
    if (last && v.start < last.end) continue;
    values.push(v);
  }
  return { values, problems };
}
