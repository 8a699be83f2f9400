import * as EN from '../lang/en/values.js';
import * as RU from '../lang/ru/values.js';
import type { Span } from '../doc.js';

/** How precise a date value is; the output writes `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
export type DatePrecision = 'day' | 'month' | 'year' | 'week';

/** A time expression found in a sentence, resolved against the publication date. */
export interface DateValue extends Span {
  kind: 'date';
  text: string;
  /** The value when the sentence speaks of the past (or the only value when direction does not matter). */
  past: string | null;
  /** The value when the sentence speaks of the future. */
  future: string | null;
  /** End of a range ("10–11 ноября"). */
  end_?: string | null;
  precision: DatePrecision;
  /** True when the value depends on the publication date (weekday, "вчера", "last week"). */
  relative: boolean;
  /** Set when the text names an impossible date ("31 февраля"); the value is then null. */
  invalid?: string;
}

// Explicit letter ranges instead of Unicode property classes: the patterns then run without the
// `u` flag, several times faster on every sentence.
const LETTER = 'A-Za-z\\u00C0-\\u024F\\u0370-\\u03FF\\u0400-\\u04FF';
const L = `(?<![${LETTER}0-9])`;
const R = `(?![${LETTER}0-9])`;

function alt(entries: ReadonlyArray<readonly [string, unknown]>): string {
  return entries.map(([p]) => `(?:${p})`).join('|');
}

/** Anchored regexps of the look-up tables, compiled once: a date found would otherwise compile a dozen. */
const anchored = new Map<string, RegExp>();

function lookup<T>(entries: ReadonlyArray<readonly [string, T]>, word: string): T | undefined {
  const w = word.toLowerCase().replace(/ё/g, 'е');
  for (const [p, v] of entries) {
    let re = anchored.get(p);
    if (!re) anchored.set(p, (re = new RegExp(`^(?:${p})$`)));
    if (re.test(w)) return v;
  }
  return undefined;
}

// ---------- calendar arithmetic on UTC dates ----------

function parseIso(d: string): Date {
  return new Date(`${d.slice(0, 10)}T00:00:00Z`);
}
function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}
function addDays(d: Date, n: number): Date {
  return new Date(d.getTime() + n * 86_400_000);
}
function isoWeekday(d: Date): number {
  return ((d.getUTCDay() + 6) % 7) + 1;
}
function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `YYYY-MM-DD` when the day exists in that month, else null. */
export function makeDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const s = `${y}-${pad(m)}-${pad(d)}`;
  const dt = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(dt.getTime()) && iso(dt) === s ? s : null;
}

/**
 * The weekday's date nearest the publication date in the given direction: a past-tense
 * "в четверг" is the last Thursday on or before publication, a future one the next on or after.
 *
 * @example resolveWeekday(4, '2025-11-07', 'past') // '2025-11-06'
 */
export function resolveWeekday(weekday: number, pub: string, dir: 'past' | 'future'): string {
  const p = parseIso(pub);
  const diff = weekday - isoWeekday(p);
  if (dir === 'past') return iso(addDays(p, diff <= 0 ? diff : diff - 7));
  return iso(addDays(p, diff >= 0 ? diff : diff + 7));
}

/** For a day and month without a year: the year that puts it on the right side of publication. */
function yearFor(month: number, day: number, pub: string | null, dir: 'past' | 'future'): number | null {
  if (!pub) return null;
  const p = parseIso(pub);
  const y = p.getUTCFullYear();
  const cand = makeDate(y, month, day);
  if (!cand) return y;
  const delta = (parseIso(cand).getTime() - p.getTime()) / 86_400_000;
  // Within about half a year the publication year stands; past that the tense decides.
  if (dir === 'past' && delta > 60) return y - 1;
  if (dir === 'future' && delta < -60) return y + 1;
  return y;
}

// ---------- patterns ----------

interface Compiled {
  re: RegExp;
  /**
   * The core of `re` without its context (word boundaries, optional words): a sentence it does not
   * match cannot match `re`, and it is much cheaper to scan for than a pattern that starts with a
   * look-behind tried at every position.
   */
  cue: RegExp;
  build(m: RegExpExecArray, pub: string | null): Omit<DateValue, 'kind' | 'start' | 'end' | 'text'> | null;
}

function dayMonth(
  day: number,
  dayEnd: number | null,
  month: number,
  year: number | null,
  pub: string | null,
): Omit<DateValue, 'kind' | 'start' | 'end' | 'text'> {
  const one = (dir: 'past' | 'future'): string | null => {
    const y = year ?? yearFor(month, day, pub, dir);
    return y === null ? null : makeDate(y, month, day);
  };
  const past = one('past');
  const future = one('future');
  const out: Omit<DateValue, 'kind' | 'start' | 'end' | 'text'> = {
    past,
    future,
    precision: 'day',
    relative: year === null,
  };
  if (year !== null || pub !== null) {
    if (past === null && future === null && (year ?? 0) >= 0) {
      out.invalid = `${day}.${pad(month)} is not a day of that month`;
    }
  }
  if (dayEnd !== null) {
    const y = year ?? (future ?? past ?? '').slice(0, 4);
    out.end_ = y ? makeDate(Number(y), month, dayEnd) : null;
  }
  return out;
}

function monthOnly(
  month: number,
  year: number | null,
  pub: string | null,
): Omit<DateValue, 'kind' | 'start' | 'end' | 'text'> {
  if (year !== null) {
    const v = `${year}-${pad(month)}`;
    return { past: v, future: v, precision: 'month', relative: false };
  }
  const py = pub ? Number(pub.slice(0, 4)) : null;
  const pm = pub ? Number(pub.slice(5, 7)) : null;
  if (py === null || pm === null) return { past: null, future: null, precision: 'month', relative: true };
  return {
    past: `${month > pm ? py - 1 : py}-${pad(month)}`,
    future: `${month < pm ? py + 1 : py}-${pad(month)}`,
    precision: 'month',
    relative: true,
  };
}

function relativePeriod(
  offset: number,
  period: 'year' | 'month' | 'week',
  pub: string | null,
): Omit<DateValue, 'kind' | 'start' | 'end' | 'text'> {
  if (!pub) return { past: null, future: null, precision: period, relative: true };
  const p = parseIso(pub);
  let v: string | null = null;
  if (period === 'year') v = String(p.getUTCFullYear() + offset);
  else if (period === 'month') {
    const d = new Date(Date.UTC(p.getUTCFullYear(), p.getUTCMonth() + offset, 1));
    v = iso(d).slice(0, 7);
  } else {
    // A week has no calendar value in the contract: give the month when the whole week lies in one.
    const monday = addDays(p, 1 - isoWeekday(p) + 7 * offset);
    const sunday = addDays(monday, 6);
    v = iso(monday).slice(0, 7) === iso(sunday).slice(0, 7) ? iso(monday).slice(0, 7) : null;
  }
  return { past: v, future: v, precision: period === 'week' ? 'month' : period, relative: true };
}

function relativeDay(offset: number, pub: string | null): Omit<DateValue, 'kind' | 'start' | 'end' | 'text'> {
  const v = pub ? iso(addDays(parseIso(pub), offset)) : null;
  return { past: v, future: v, precision: 'day', relative: true };
}

function weekday(
  wd: number,
  pub: string | null,
  force?: 'past' | 'future',
): Omit<DateValue, 'kind' | 'start' | 'end' | 'text'> {
  if (!pub) return { past: null, future: null, precision: 'day', relative: true };
  const past = resolveWeekday(wd, pub, 'past');
  const future = resolveWeekday(wd, pub, 'future');
  if (force === 'past')
    return {
      past: iso(addDays(parseIso(past), past === pub ? -7 : 0)),
      future: null,
      precision: 'day',
      relative: true,
    };
  if (force === 'future')
    return {
      past: null,
      future: iso(addDays(parseIso(future), future === pub ? 7 : 0)),
      precision: 'day',
      relative: true,
    };
  return { past, future, precision: 'day', relative: true };
}

function compileRu(): Compiled[] {
  const MONTHS = alt(RU.MONTH_STEMS);
  const MON = `(${MONTHS})(?![${LETTER}])`;
  const WD = `(${alt(RU.WEEKDAY_STEMS)})`;
  const YW = RU.YEAR_WORD;
  const monthNo = (w: string): number => lookup(RU.MONTH_STEMS, w) ?? 0;
  const out: Compiled[] = [
    {
      cue: /\d{1,2}\.\d{1,2}\.\d{4}/,
      re: new RegExp(`${L}(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})${R}`, 'g'),
      build: (m) => dayMonth(Number(m[1]), null, Number(m[2]), Number(m[3]), null),
    },
    {
      cue: /\d{4}-\d{2}-\d{2}/,
      re: new RegExp(`${L}(\\d{4})-(\\d{2})-(\\d{2})${R}`, 'g'),
      build: (m) => dayMonth(Number(m[3]), null, Number(m[2]), Number(m[1]), null),
    },
    {
      cue: new RegExp(`\\d\\s+(?:${MONTHS})`, 'i'),
      re: new RegExp(
        `${L}(?:с\\s+)?(\\d{1,2})(?:\\s*(?:[-–—]|по)\\s*(\\d{1,2}))?\\s+${MON}(?:\\s+(\\d{4})(?:\\s*${YW})?)?`,
        'gi',
      ),
      build: (m, pub) =>
        dayMonth(Number(m[1]), m[2] ? Number(m[2]) : null, monthNo(m[3]!), m[4] ? Number(m[4]) : null, pub),
    },
    {
      cue: new RegExp(`(?:${MONTHS})\\s+\\d{4}`, 'i'),
      re: new RegExp(`${L}(?:(?:в|во|с|до|к|на)\\s+)?${MON}\\s+(\\d{4})(?:\\s*${YW})?`, 'gi'),
      build: (m, pub) => monthOnly(monthNo(m[1]!), Number(m[2]), pub),
    },
    {
      cue: new RegExp(`(?:в|во|с|до|к)\\s+(?:${MONTHS})`, 'i'),
      re: new RegExp(`${L}(?:в|во|с|до|к)\\s+${MON}(?![${LETTER}\\d\\s]*\\d{4})`, 'gi'),
      build: (m, pub) => monthOnly(monthNo(m[1]!), null, pub),
    },
    {
      cue: new RegExp(`\\d{4}\\s*${YW}`, 'i'),
      re: new RegExp(`${L}(?:(?:в|во|с|до|к|на)\\s+)?(\\d{4})(?:\\s*[-–]\\s*(\\d{4}))?\\s*${YW}`, 'gi'),
      build: (m) => ({ past: m[1]!, future: m[1]!, precision: 'year', relative: false }),
    },
    {
      cue: new RegExp(alt(RU.WEEKDAY_STEMS), 'i'),
      re: new RegExp(
        `${L}(?:(?:в|во)\\s+)?(прошл[${LETTER}]*|следующ[${LETTER}]*|эт[${LETTER}]*)?\\s*${WD}${R}`,
        'gi',
      ),
      build: (m, pub) => {
        const wd = lookup(RU.WEEKDAY_STEMS, m[2]!) ?? 0;
        const adj = m[1]?.toLowerCase();
        const force = adj?.startsWith('прошл') ? 'past' : adj?.startsWith('следующ') ? 'future' : undefined;
        return weekday(wd, pub, force);
      },
    },
    {
      cue: new RegExp(alt(RU.RELATIVE_DAYS), 'i'),
      re: new RegExp(`${L}(${alt(RU.RELATIVE_DAYS)})${R}`, 'gi'),
      build: (m, pub) => relativeDay(lookup(RU.RELATIVE_DAYS, m[1]!) ?? 0, pub),
    },
    {
      cue: new RegExp(`(?:${alt(RU.RELATIVE_PERIOD_ADJ)})\\s+(?:${alt(RU.PERIOD_STEMS)})`, 'i'),
      re: new RegExp(
        `${L}(?:в|на)\\s+(${alt(RU.RELATIVE_PERIOD_ADJ)})\\s+(${alt(RU.PERIOD_STEMS)})${R}`,
        'gi',
      ),
      build: (m, pub) =>
        relativePeriod(
          lookup(RU.RELATIVE_PERIOD_ADJ, m[1]!) ?? 0,
          lookup(RU.PERIOD_STEMS, m[2]!) ?? 'year',
          pub,
        ),
    },
    {
      // "в конце месяца", "в начале следующего года": a part of a period gives the period; without an
      // adjective it is the current one.
      cue: new RegExp(`${RU.PERIOD_PART}\\s+(?:\\S+\\s+)?(?:${alt(RU.PERIOD_STEMS_GEN)})`, 'i'),
      re: new RegExp(
        `${L}во?\\s+${RU.PERIOD_PART}\\s+(?:(${alt(RU.RELATIVE_PERIOD_ADJ_GEN)})\\s+)?(${alt(RU.PERIOD_STEMS_GEN)})${R}`,
        'gi',
      ),
      build: (m, pub) =>
        relativePeriod(
          m[1] ? (lookup(RU.RELATIVE_PERIOD_ADJ_GEN, m[1]) ?? 0) : 0,
          lookup(RU.PERIOD_STEMS_GEN, m[2]!) ?? 'year',
          pub,
        ),
    },
  ];
  return out;
}

function compileEn(): Compiled[] {
  const MONTHS = alt(EN.MONTHS);
  const MON = `(${MONTHS})`;
  const monthNo = (w: string): number => lookup(EN.MONTHS, w) ?? 0;
  const WD = `(${alt(EN.WEEKDAYS)})`;
  return [
    {
      cue: /\d{4}-\d{2}-\d{2}/,
      re: new RegExp(`${L}(\\d{4})-(\\d{2})-(\\d{2})${R}`, 'g'),
      build: (m) => dayMonth(Number(m[3]), null, Number(m[2]), Number(m[1]), null),
    },
    {
      cue: new RegExp(`(?:${MONTHS})\\.?\\s+\\d`, 'i'),
      re: new RegExp(
        `${L}${MON}(?<!\\.)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:\\s*[-–]\\s*(\\d{1,2}))?(?:,?\\s+(\\d{4}))?${R}`,
        'gi',
      ),
      build: (m, pub) =>
        dayMonth(Number(m[2]), m[3] ? Number(m[3]) : null, monthNo(m[1]!), m[4] ? Number(m[4]) : null, pub),
    },
    {
      cue: new RegExp(`\\d(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTHS})`, 'i'),
      re: new RegExp(
        `${L}(\\d{1,2})(?:st|nd|rd|th)?(?:\\s*[-–]\\s*(\\d{1,2}))?\\s+(?:of\\s+)?${MON}(?:,?\\s+(\\d{4}))?${R}`,
        'gi',
      ),
      build: (m, pub) =>
        dayMonth(Number(m[1]), m[2] ? Number(m[2]) : null, monthNo(m[3]!), m[4] ? Number(m[4]) : null, pub),
    },
    {
      cue: new RegExp(`(?:${MONTHS})\\s+\\d{4}`, 'i'),
      re: new RegExp(`${L}(?:(?:in|since|by|until|from|during)\\s+)?${MON}\\s+(\\d{4})${R}`, 'gi'),
      build: (m, pub) => monthOnly(monthNo(m[1]!), Number(m[2]), pub),
    },
    {
      cue: new RegExp(`(?:in|since|by|until|during)\\s+(?:${MONTHS})`, 'i'),
      re: new RegExp(`${L}(?:in|since|by|until|during)\\s+${MON}${R}(?!\\s+\\d)`, 'gi'),
      build: (m, pub) => monthOnly(monthNo(m[1]!), null, pub),
    },
    {
      cue: /(?:in|by|since|until|during|through)\s+\d{4}/i,
      re: new RegExp(`${L}(?:in|by|since|until|during|through)\\s+(\\d{4})${R}`, 'gi'),
      build: (m) => ({ past: m[1]!, future: m[1]!, precision: 'year', relative: false }),
    },
    {
      cue: new RegExp(alt(EN.WEEKDAYS), 'i'),
      re: new RegExp(`${L}(?:(last|next|this|on)\\s+)?${WD}${R}`, 'gi'),
      build: (m, pub) => {
        const wd = lookup(EN.WEEKDAYS, m[2]!) ?? 0;
        const adj = m[1]?.toLowerCase();
        return weekday(wd, pub, adj === 'last' ? 'past' : adj === 'next' ? 'future' : undefined);
      },
    },
    {
      cue: new RegExp(alt(EN.RELATIVE_DAYS), 'i'),
      re: new RegExp(`${L}(${alt(EN.RELATIVE_DAYS)})${R}`, 'gi'),
      build: (m, pub) => relativeDay(lookup(EN.RELATIVE_DAYS, m[1]!) ?? 0, pub),
    },
    {
      cue: new RegExp(`(?:${alt(EN.RELATIVE_PERIOD_ADJ)})\\s+(?:${alt(EN.PERIOD_WORDS)})`, 'i'),
      re: new RegExp(`${L}(${alt(EN.RELATIVE_PERIOD_ADJ)})\\s+(${alt(EN.PERIOD_WORDS)})${R}`, 'gi'),
      build: (m, pub) =>
        relativePeriod(
          lookup(EN.RELATIVE_PERIOD_ADJ, m[1]!) ?? 0,
          lookup(EN.PERIOD_WORDS, m[2]!) ?? 'year',
          pub,
        ),
    },
  ];
}

/** Word starts without which no pattern of the language can match (besides digits). */
const RU_GATE_WORDS = [
  ...RU.MONTH_STEMS.map(([p]) => p),
  ...RU.WEEKDAY_STEMS.map(([p]) => p),
  ...RU.RELATIVE_DAYS.map(([p]) => p),
  ...RU.RELATIVE_PERIOD_ADJ.map(([p]) => p),
  RU.PERIOD_PART,
];
const EN_GATE_WORDS = [
  ...EN.MONTHS.map(([p]) => p),
  ...EN.WEEKDAYS.map(([p]) => p),
  ...EN.RELATIVE_DAYS.map(([p]) => p),
  ...EN.RELATIVE_PERIOD_ADJ.map(([p]) => p),
];
let ruGate: RegExp | null = null;
let enGate: RegExp | null = null;

function gateOf(words: string[]): RegExp {
  return new RegExp(`\\d|${L}(?:${words.join('|')})`, 'i');
}

let ruPatterns: Compiled[] | null = null;
let enPatterns: Compiled[] | null = null;

/**
 * Finds the time expressions of a sentence and resolves them against the publication date.
 * Overlapping finds keep the longest. Offsets are shifted by `offset` (the sentence start).
 *
 * @example findDates('Президент в четверг прибыл в Вашингтон.', 'ru', '2025-11-07')[0].past // '2025-11-06'
 */
export function findDates(text: string, lang: string, pub: string | null, offset = 0): DateValue[] {
  const patterns = lang === 'en' ? (enPatterns ??= compileEn()) : (ruPatterns ??= compileRu());
  // Most sentences have no time expression: one cheap test of the words every pattern needs.
  const gate = lang === 'en' ? (enGate ??= gateOf(EN_GATE_WORDS)) : (ruGate ??= gateOf(RU_GATE_WORDS));
  if (!gate.test(text)) return [];
  const found: DateValue[] = [];
  for (const { re, cue, build } of patterns) {
    if (!cue.test(text)) continue;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      if (m[0].trim() === '') {
        re.lastIndex++;
        continue;
      }
      const lead = m[0].length - m[0].trimStart().length;
      const v = build(m, pub);
      if (!v) continue;
      const s = m.index + lead;
      const e = m.index + m[0].trimEnd().length;
      found.push({ kind: 'date', start: s + offset, end: e + offset, text: text.slice(s, e), ...v });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: DateValue[] = [];
  for (const v of found) {
    const last = out[out.length - 1];
    if (last && v.start < last.end) continue;
    out.push(v);
  }
  return out;
}
