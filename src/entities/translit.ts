/**
 * Cyrillic–Latin name matching with a learned transliteration model.
 *
 * The model is a joint distribution over aligned segment pairs (an English segment of 0–3 letters
 * and a Russian one of 0–2), learned with expectation–maximisation over many-to-many alignments
 * of name pairs (scripts/train-translit.ts, on the CC0 Wikidata en–ru pairs). A pair of names is
 * scored by its best alignment's log-probability per aligned letter; a threshold tuned on held-out
 * pairs decides a match. Unlike a fixed letter map it learns that "u" in Lutnick is "а" in Латник,
 * that "w" is "у", that a final "e" is silent, and how likely each correspondence is.
 */
import { createRequire } from 'node:module';

export interface TranslitModel {
  /** English segment → Russian segment → log-probability. */
  logp: Record<string, Record<string, number>>;
  /** Accept a pair when its score is at least this (log-probability per aligned letter). */
  threshold: number;
  maxEn: number;
  maxRu: number;
  /** Log-probability given to an unseen single-letter substitution. */
  floor: number;
}

let cached: TranslitModel | null = null;

/** The shipped model (src/generated/translit.json), loaded once. */
export function loadTranslitModel(): TranslitModel {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  cached = require('../generated/translit.json') as TranslitModel;
  return cached;
}

const CYR = /[\u0400-\u04ff]/;

/** Lower case, ё→е, letters only (hyphens and apostrophes dropped). */
export function normWord(w: string): string {
  return w
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}]/gu, '');
}

/**
 * Score of one English word against one Russian word: the best alignment's log-probability per
 * letter (higher is better). -Infinity when no alignment exists.
 *
 * @example pairScore('lutnick', 'латник') > pairScore('lutnick', 'рубио') // true
 */
export function pairScore(en: string, ru: string, model: TranslitModel = loadTranslitModel()): number {
  const e = normWord(en);
  const r = normWord(ru);
  if (!e || !r) return -Infinity;
  const n = e.length;
  const m = r.length;
  const W = m + 1;
  const best = new Float64Array((n + 1) * W).fill(-Infinity);
  best[0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const cur = best[i * W + j]!;
      if (cur === -Infinity) continue;
      for (let di = 0; di <= model.maxEn && i + di <= n; di++) {
        const row = model.logp[e.slice(i, i + di)];
        for (let dj = 0; dj <= model.maxRu && j + dj <= m; dj++) {
          if (di === 0 && dj === 0) continue;
          let lp = row?.[r.slice(j, j + dj)];
          if (lp === undefined) {
            if (di === 1 && dj === 1) lp = model.floor;
            else continue;
          }
          const k = (i + di) * W + j + dj;
          if (cur + lp > best[k]!) best[k] = cur + lp;
        }
      }
    }
  }
  const total = best[n * W + m]!;
  return total / Math.max(n, m);
}

/** True when the two words are transliterations of each other under the model. */
const memo = new Map<string, boolean>();

export function wordsMatch(a: string, b: string, model: TranslitModel = loadTranslitModel()): boolean {
  const aCyr = CYR.test(a);
  const bCyr = CYR.test(b);
  if (aCyr === bCyr) return normCached(a) === normCached(b);
  const [en, ru] = aCyr ? [b, a] : [a, b];
  // Transliteration keeps lengths close: a cheap test rejects most wrong pairs before the alignment.
  const le = normCached(en).length;
  const lr = normCached(ru).length;
  if (le > 2 * lr + 2 || lr > 2 * le + 2) return false;
  const key = `${en}\u0001${ru}`;
  let v = memo.get(key);
  if (v === undefined) {
    v = pairScore(en, ru, model) >= model.threshold;
    if (memo.size > 100_000) memo.clear();
    memo.set(key, v);
  }
  return v;
}

/** `normWord` of the words seen lately: names are compared with many others. */
const normMemo = new Map<string, string>();

function normCached(w: string): string {
  let v = normMemo.get(w);
  if (v === undefined) {
    v = normWord(w);
    if (normMemo.size > 100_000) normMemo.clear();
    normMemo.set(w, v);
  }
  return v;
}

const wordsMemo = new Map<string, readonly string[]>();

/** The words of a name (cached: the same names are compared again and again). */
function words(name: string): readonly string[] {
  let v = wordsMemo.get(name);
  if (v === undefined) {
    v = name.split(/[\s\-‐–—]+/).filter((w) => /\p{L}/u.test(w));
    if (wordsMemo.size > 100_000) wordsMemo.clear();
    wordsMemo.set(name, v);
  }
  return v;
}

/**
 * True when a Latin and a Cyrillic name name the same person: every word of the shorter name
 * matches a word of the longer one, in order ("Tokayev" ~ "Касым-Жомарт Токаев").
 *
 * @example namesMatch('Howard Lutnick', 'Говард Латник') // true
 */
export function namesMatch(a: string, b: string, model: TranslitModel = loadTranslitModel()): boolean {
  const wa = words(a);
  const wb = words(b);
  if (!wa.length || !wb.length) return false;
  const [short, long] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  // Surnames are the likeliest to differ: test the last words first and stop early.
  if (!long.some((w) => wordsMatch(short[short.length - 1]!, w, model))) return false;
  let j = 0;
  for (const w of short) {
    while (j < long.length && !wordsMatch(w, long[j]!, model)) j++;
    if (j === long.length) return false;
    j++;
  }
  return true;
}

const ROMAN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  ә: 'a', ғ: 'g', қ: 'q', ң: 'n', ө: 'o', ұ: 'u', ү: 'u', һ: 'h', і: 'i',
}; // prettier-ignore
const VOWELS = new Set('аеёиоуыэюяьъ'.split(''));

/**
 * Romanizes a Russian name the BGN/PCGN way (ye after a vowel or at the start of a word), keeping
 * capitals: the canonical English name of an unknown Russian person.
 *
 * @example romanize('Сергей Ковалёв') // 'Sergey Kovalyov'
 */
export function romanize(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const lower = ch.toLowerCase();
    let r = ROMAN[lower];
    if (r === undefined) {
      out += ch;
      continue;
    }
    const prev = text[i - 1]?.toLowerCase() ?? '';
    if (lower === 'е' && (i === 0 || !/\p{L}/u.test(prev) || VOWELS.has(prev))) r = 'ye';
    if (
      lower === 'й' &&
      VOWELS.has(prev) &&
      prev !== 'ь' &&
      prev !== 'ъ' &&
      !/\p{L}/u.test(text[i + 1] ?? '')
    )
      r = 'y';
    if (ch !== lower && r.length > 0) {
      const nextUpper = text[i + 1] && text[i + 1] !== text[i + 1]!.toLowerCase();
      r = nextUpper ? r.toUpperCase() : r[0]!.toUpperCase() + r.slice(1);
    }
    out += r;
  }
  return out;
}
