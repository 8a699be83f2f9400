/**
 * Lookup keys: the one place that decides how a name, a title or a run of text tokens becomes a
 * string that can be compared. The pack step keys every KB name with `nameKeys`; the entity stage
 * keys text with `tokenKeyWords` (the same normalisation, plus every lemma the analyzer offers), so
 * both sides always agree.
 *
 * A key is a sequence of words joined by single spaces:
 *  - Unicode NFC; stress marks, soft hyphens and zero-width characters removed;
 *  - a word whose letters are mostly Cyrillic gets its Latin look-alikes folded to Cyrillic
 *    ("Тоkаев" → "токаев"), and the other way round for a mostly-Latin word;
 *  - lower case, `ё` → `е`;
 *  - hyphens of every kind and spaces separate words ("Вице-президент" → "вице президент");
 *  - dots, commas, quotes, brackets and slashes separate words too ("U.S." → "u s",
 *    "Washington, D.C." → "washington d c", «Газпром» → "газпром");
 *  - apostrophes are kept inside a word (normalised to `'`), dropped at its edges, and a Latin
 *    possessive `'s` is dropped ("Kazakhstan's" → "kazakhstan").
 *
 * For Russian, a second key is made of per-word lemmas: each space-separated token is lemmatised
 * whole (so "Касым-Жомарта" gives "касым-жомарт", which then splits into two key words).
 */

/**
 * Returns the lemma of a word form, or several lemmas best first (all readings the analyzer
 * offers). The word is passed in its original case: the Russian analyzer reads a capitalised word
 * as a name. The result may be in any case; keys lower-case it.
 *
 * @example const lemmatize: Lemmatizer = (w) => { const a = ru.analyze(w); return [a.lemma, ...(a.alternatives ?? []).map((r) => r.lemma)]; };
 */
export type Lemmatizer = (word: string) => string | readonly string[];

/** The keys of one name. */
export interface NameKeys {
  /** Normalised surface form ("касым жомарт токаева"). Empty when the name has no word characters. */
  surface: string;
  /** Per-word best lemmas (Russian with a lemmatizer, else null): "касым жомарт токаев". */
  lemma: string | null;
}

/** Something with an `analyze` method, like the analyzer of `loadRussianMorph()`. */
export interface MorphLike {
  analyze(word: string): { lemma: string; alternatives?: readonly { lemma: string }[] };
}

/**
 * Wraps a Russian analyzer as a `Lemmatizer` returning the chosen lemma first, then the lemmas of
 * the other readings.
 *
 * @example const lemmatize = morphLemmatizer(await loadRussianMorph()); lemmatize('Астане') // ['астан', 'астана']
 */
export function morphLemmatizer(morph: MorphLike): Lemmatizer {
  return (word) => {
    const a = morph.analyze(word);
    if (!a.alternatives || a.alternatives.length === 0) return a.lemma;
    const out = [a.lemma];
    for (const r of a.alternatives) if (!out.includes(r.lemma)) out.push(r.lemma);
    return out;
  };
}

const INVISIBLE = /[\u0300\u0301\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const HYPHENS = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const APOSTROPHES = /[\u2018\u2019\u02BC\u02B9\u0060\u00B4\u2032]/g;
/** Characters that stay inside a token; everything else separates tokens. */
const TOKEN = /[\p{L}\p{M}\p{N}'&+-]+/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;

// prettier-ignore
const LAT_TO_CYR: Record<string, string> = {
  A: 'А', a: 'а', B: 'В', C: 'С', c: 'с', E: 'Е', e: 'е', H: 'Н', K: 'К', k: 'к', M: 'М', m: 'м',
  O: 'О', o: 'о', P: 'Р', p: 'р', T: 'Т', X: 'Х', x: 'х', Y: 'У', y: 'у',
};
// prettier-ignore
const CYR_TO_LAT: Record<string, string> = {
  А: 'A', а: 'a', В: 'B', С: 'C', с: 'c', Е: 'E', е: 'e', Н: 'H', К: 'K', к: 'k', М: 'M', м: 'm',
  О: 'O', о: 'o', Р: 'P', р: 'p', Т: 'T', Х: 'X', х: 'x', У: 'Y', у: 'y', і: 'i', І: 'I', ј: 'j', ѕ: 's',
};

/** Folds look-alike letters of the minority script of a word into its majority script. */
function foldHomoglyphs(word: string): string {
  // Nearly every word is in one script; only a word with both is worth a closer look.
  if (!/[A-Za-z]/.test(word) || !/[\u0400-\u04FF]/.test(word)) return word;
  let cyr = 0;
  let lat = 0;
  for (const ch of word) {
    if (CYRILLIC.test(ch)) cyr++;
    else if (LATIN.test(ch)) lat++;
  }
  if (cyr === 0 || lat === 0 || cyr === lat) return word;
  const table = cyr > lat ? LAT_TO_CYR : CYR_TO_LAT;
  let out = '';
  for (const ch of word) out += table[ch] ?? ch;
  return out;
}

function lowerYo(s: string): string {
  const l = s.toLowerCase();
  return l.indexOf('ё') >= 0 ? l.replace(/ё/g, 'е') : l;
}

/** Splits normalised text into tokens in their original case (hyphens still inside). */
function tokensOf(text: string): string[] {
  let clean = /^[\x20-\x7E]*$/.test(text) ? text : text.normalize('NFC');
  if (!/^[\p{L}\p{N} -]*$/u.test(clean))
    clean = clean.replace(INVISIBLE, '').replace(HYPHENS, '-').replace(APOSTROPHES, "'");
  const out: string[] = [];
  for (const m of clean.matchAll(TOKEN)) {
    const t = foldHomoglyphs(m[0]);
    if (/[\p{L}\p{N}&+]/u.test(t)) out.push(t);
  }
  return out;
}

/** Key words of one (lower-cased) token: split on hyphens, apostrophes trimmed at word edges. */
function piecesOf(lowerToken: string): string[] {
  const out: string[] = [];
  for (let p of lowerToken.split('-')) {
    p = p.replace(/^'+/, '');
    if (/[a-z]'s$/.test(p)) p = p.slice(0, -2);
    p = p.replace(/'+$/, '');
    if (p) out.push(p);
  }
  return out;
}

function firstLemma(l: string | readonly string[]): string | undefined {
  return typeof l === 'string' ? l : l[0];
}

/**
 * Turns a name into its lookup keys: the normalised surface form and, for Russian with a
 * lemmatizer, the key of per-word lemmas. Used by the pack step for every KB name and title, and by
 * lookups of user input.
 *
 * @example
 * nameKeys('Касым-Жомарт Токаев', 'ru', lemmatize)
 * // { surface: 'касым жомарт токаев', lemma: 'касым жомарт токаев' }
 * nameKeys('Соединённые Штаты Америки', 'ru', lemmatize)
 * // { surface: 'соединенные штаты америки', lemma: 'соединенный штат америка' }
 * nameKeys('U.S.', 'en') // { surface: 'u s', lemma: null }
 */
export function nameKeys(name: string, lang: string, lemmatize?: Lemmatizer): NameKeys {
  const tokens = tokensOf(name);
  const surface: string[] = [];
  const lemma: string[] | null = lang === 'ru' && lemmatize ? [] : null;
  for (const t of tokens) {
    const pieces = piecesOf(lowerYo(t));
    surface.push(...pieces);
    if (!lemma) continue;
    if (!lemmatize || !CYRILLIC.test(t)) {
      lemma.push(...pieces);
      continue;
    }
    const l = firstLemma(lemmatize(t));
    const lp = l ? piecesOf(lowerYo(l)) : [];
    lemma.push(...(lp.length ? lp : pieces));
  }
  return { surface: surface.join(' '), lemma: lemma ? lemma.join(' ') : null };
}

/** The surface key of a text: `nameKeys(text, 'en').surface`. Idempotent: a key is its own key. */
export function normalizeKey(text: string): string {
  return nameKeys(text, 'en').surface;
}

/** The words of a key. */
export function keyWords(key: string): string[] {
  return key ? key.split(' ') : [];
}

/**
 * Keys a run of text (one token or several) for matching against a `PhraseIndex`: one entry per
 * key word, each the set of forms the word may match — its surface form first, then the same
 * word in every lemma the lemmatizer offers (Russian only). A lemma that splits into a different
 * number of words than the surface is left out, so positions stay aligned.
 *
 * @example
 * tokenKeyWords('Астане', 'ru', lemmatize) // [['астане', 'астан', 'астана']]
 * tokenKeyWords('Касым-Жомарта', 'ru', lemmatize) // [['касым'], ['жомарта', 'жомарт']]
 */
export function tokenKeyWords(text: string, lang: string, lemmatize?: Lemmatizer): string[][] {
  const out: string[][] = [];
  for (const t of tokensOf(text)) {
    const pieces = piecesOf(lowerYo(t));
    const alts = pieces.map((p) => [p]);
    if (lang === 'ru' && lemmatize && CYRILLIC.test(t)) {
      const ls = lemmatize(t);
      for (const l of typeof ls === 'string' ? [ls] : ls) {
        const lp = piecesOf(lowerYo(l));
        if (lp.length !== pieces.length) continue;
        lp.forEach((w, i) => {
          const a = alts[i]!;
          if (!a.includes(w)) a.push(w);
        });
      }
    }
    out.push(...alts);
  }
  return out;
}

/** One phrase of a `PhraseIndex`: its key words and what it stands for. */
export interface PhraseEntry<T> {
  words: readonly string[];
  values: T[];
}

/** A match of a `PhraseIndex` in a sequence of key words. */
export interface PhraseMatch<T> {
  start: number;
  /** Number of key words matched. */
  length: number;
  values: T[];
}

/** A position of the sequence being matched: one key word, or the set of forms it may take. */
export type KeyWordSlot = string | readonly string[];

function slotHas(slot: KeyWordSlot | undefined, w: string): boolean {
  if (slot === undefined) return false;
  return typeof slot === 'string' ? slot === w : slot.includes(w);
}

/** Lists of `PhraseIndex.byFirst` at least this long get a second-word index. */
const SECOND_INDEX_FROM = 12;

/** A sorted phrase list's positions by second key word, and the position of its one-word phrase (or -1). */
interface SecondIndex {
  at: Map<string, number[]>;
  single: number;
}

function secondIndexOf(list: readonly PhraseEntry<unknown>[]): SecondIndex {
  const at = new Map<string, number[]>();
  let single = -1;
  for (let i = 0; i < list.length; i++) {
    const second = list[i]!.words[1];
    if (second === undefined) {
      if (single < 0) single = i;
      continue;
    }
    let pos = at.get(second);
    if (!pos) at.set(second, (pos = []));
    pos.push(i);
  }
  return { at, single };
}

/**
 * Multi-word phrases indexed by their first key word, for longest-match scanning in linear time:
 * at each position only the phrases starting with that word are tried, longest first.
 *
 * `byFirst` maps a first key word to the phrases starting with it, sorted by length descending
 * (then by words), each with the values (KB ids, title entries) its key stands for.
 *
 * @example
 * const ix = new PhraseIndex<string>();
 * ix.add(['белый', 'дом'], 'Q35525');
 * ix.longestAt(tokenKeyWords('в Белом доме', 'ru', lemmatize), 1) // { start: 1, length: 2, values: ['Q35525'] }
 */
export class PhraseIndex<T> {
  readonly byFirst = new Map<string, PhraseEntry<T>[]>();
  private readonly byPhrase = new Map<string, PhraseEntry<T>>();
  private sorted = true;
  /** Second-word indexes of the long lists of `byFirst`, built on first use, dropped on a re-sort. */
  private bySecond = new WeakMap<readonly PhraseEntry<T>[], SecondIndex>();

  /** Adds a value under a phrase (its key words); a value is kept once per phrase. */
  add(words: readonly string[], value: T): void {
    const first = words[0];
    if (first === undefined) return;
    const joined = words.join(' ');
    let e = this.byPhrase.get(joined);
    if (!e) {
      e = { words: [...words], values: [] };
      this.byPhrase.set(joined, e);
      let list = this.byFirst.get(first);
      if (!list) this.byFirst.set(first, (list = []));
      list.push(e);
      this.sorted = false;
    }
    if (!e.values.includes(value)) e.values.push(value);
  }

  private ensureSorted(): void {
    if (this.sorted) return;
    this.bySecond = new WeakMap();
    for (const list of this.byFirst.values()) {
      list.sort(
        (a, b) => b.words.length - a.words.length || (a.words.join(' ') < b.words.join(' ') ? -1 : 1),
      );
    }
    this.sorted = true;
  }

  /** Every phrase matching at `start`, longest first (values of equal-length phrases merged). */
  matchesAt(seq: readonly KeyWordSlot[], start: number): PhraseMatch<T>[] {
    this.ensureSorted();
    const slot = seq[start];
    if (slot === undefined) return [];
    const firsts = typeof slot === 'string' ? [slot] : slot;
    const byLen = new Map<number, T[]>();
    for (const f of firsts) {
      const list = this.byFirst.get(f);
      if (!list) continue;
      for (const e of list) {
        if (start + e.words.length > seq.length) continue;
        let ok = true;
        for (let k = 1; k < e.words.length && ok; k++) ok = slotHas(seq[start + k], e.words[k]!);
        if (!ok) continue;
        let vals = byLen.get(e.words.length);
        if (!vals) byLen.set(e.words.length, (vals = []));
        for (const v of e.values) if (!vals.includes(v)) vals.push(v);
      }
    }
    return [...byLen.entries()]
      .sort((a, b) => b[0] - a[0])
      .map(([length, values]) => ({ start, length, values }));
  }

  /** The longest phrase matching at `start`, or null (values of equal-length phrases merged). */
  longestAt(seq: readonly KeyWordSlot[], start: number): PhraseMatch<T> | null {
    // The hot path of every tagger: no intermediate maps or sorting, lists are longest first.
    this.ensureSorted();
    const slot = seq[start];
    if (slot === undefined) return null;
    let bestLen = 0;
    let values: T[] | null = null;
    const firsts = typeof slot === 'string' ? [slot] : slot;
    for (const f of firsts) {
      const list = this.byFirst.get(f);
      if (!list) continue;
      const e = this.firstMatch(list, seq, start, bestLen);
      if (!e) continue;
      if (e.words.length > bestLen) {
        bestLen = e.words.length;
        values = [...e.values];
      } else if (values) {
        for (const v of e.values) if (!values.includes(v)) values.push(v);
      }
    }
    return values ? { start, length: bestLen, values } : null;
  }

  /**
   * The phrase lists of `byFirst` for the forms of a slot that start any, in the slot's order:
   * kept by a caller that meets the same word often, they save `longestFrom` the lookups of
   * `longestAt`. Valid while no phrase is added.
   *
   * @example const lists = ix.firstLists(['белом', 'белый']); ix.longestFrom(lists, seq, 1)
   */
  firstLists(slot: KeyWordSlot): (readonly PhraseEntry<T>[])[] {
    this.ensureSorted();
    const out: (readonly PhraseEntry<T>[])[] = [];
    for (const f of typeof slot === 'string' ? [slot] : slot) {
      const list = this.byFirst.get(f);
      if (list) out.push(list);
    }
    return out;
  }

  /** `longestAt(seq, start)` given `firstLists(seq[start])`. */
  longestFrom(
    lists: readonly (readonly PhraseEntry<T>[])[],
    seq: readonly KeyWordSlot[],
    start: number,
  ): PhraseMatch<T> | null {
    let bestLen = 0;
    let values: T[] | null = null;
    for (let i = 0; i < lists.length; i++) {
      const e = this.firstMatch(lists[i]!, seq, start, bestLen);
      if (!e) continue;
      if (e.words.length > bestLen) {
        bestLen = e.words.length;
        values = [...e.values];
      } else if (values) {
        for (const v of e.values) if (!values.includes(v)) values.push(v);
      }
    }
    return values ? { start, length: bestLen, values } : null;
  }

  /** The first phrase of a (sorted) list that matches at `start`, unless shorter than `minLen`. */
  private firstMatch(
    list: readonly PhraseEntry<T>[],
    seq: readonly KeyWordSlot[],
    start: number,
    minLen: number,
  ): PhraseEntry<T> | null {
    if (list.length >= SECOND_INDEX_FROM) return this.firstMatchIndexed(list, seq, start, minLen);
    for (const e of list) {
      const len = e.words.length;
      if (len < minLen) return null;
      if (start + len > seq.length) continue;
      let ok = true;
      for (let k = 1; k < len && ok; k++) ok = slotHas(seq[start + k], e.words[k]!);
      if (ok) return e;
    }
    return null;
  }

  /**
   * `firstMatch` for a long list ("министерство …", "the …"): only the phrases whose second key word
   * the sequence has next are tried, and the one-word phrase, which comes after all longer ones.
   */
  private firstMatchIndexed(
    list: readonly PhraseEntry<T>[],
    seq: readonly KeyWordSlot[],
    start: number,
    minLen: number,
  ): PhraseEntry<T> | null {
    let ix = this.bySecond.get(list);
    if (!ix) this.bySecond.set(list, (ix = secondIndexOf(list)));
    let best = -1;
    const next = seq[start + 1];
    if (next !== undefined) {
      if (typeof next === 'string') best = this.bestAt(ix.at.get(next), list, seq, start, minLen, best);
      else for (const w of next) best = this.bestAt(ix.at.get(w), list, seq, start, minLen, best);
    }
    if (best < 0 && ix.single >= 0 && minLen <= 1 && start + 1 <= seq.length) best = ix.single;
    return best >= 0 ? list[best]! : null;
  }

  /** The lowest of `best` and the first position of `at` whose phrase matches at `start` from its third word. */
  private bestAt(
    at: readonly number[] | undefined,
    list: readonly PhraseEntry<T>[],
    seq: readonly KeyWordSlot[],
    start: number,
    minLen: number,
    best: number,
  ): number {
    if (!at) return best;
    for (const i of at) {
      if (best >= 0 && i >= best) return best;
      const words = list[i]!.words;
      const len = words.length;
      // Positions are in list order, longest phrases first: the rest are shorter still.
      if (len < minLen) return best;
      if (start + len > seq.length) continue;
      let ok = true;
      for (let k = 2; k < len && ok; k++) ok = slotHas(seq[start + k], words[k]!);
      if (ok) return i;
    }
    return best;
  }

  /** Left-to-right, non-overlapping longest matches over the whole sequence. */
  scan(seq: readonly KeyWordSlot[]): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    for (let i = 0; i < seq.length;) {
      const m = this.longestAt(seq, i);
      if (m) {
        out.push(m);
        i += m.length;
      } else i++;
    }
    return out;
  }
}
