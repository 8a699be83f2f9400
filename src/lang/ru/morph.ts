/**
 * Russian morphology over Az.js (OpenCorpora dictionaries): lemma, Universal POS and
 * OpenCorpora-style features for a word form, with a surname-aware choice for capitalised words
 * and a per-form cache so that repeated news vocabulary costs a map lookup. Words the dictionary
 * knows are read straight from Az's files (`dictionary.ts`); Az itself serves the rest (hyphenated
 * and prefixed words, guesses for unknown ones).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { TokenFeatures } from '../../doc.js';
import { OpenCorporaDictionary } from './dictionary.js';

/** One reading of a word form. Objects handed out are frozen and shared between calls. */
export interface MorphReading {
  /** Lower-case dictionary form, `ё` written as `е`. */
  readonly lemma: string;
  /** Universal POS: NOUN PROPN VERB AUX ADJ ADV ADP PRON NUM CCONJ SCONJ PART DET INTJ X. */
  readonly pos: string;
  readonly features: Readonly<TokenFeatures>;
}

/** The chosen reading of a word form and, when the form is ambiguous, a few others. */
export interface MorphAnalysis extends MorphReading {
  readonly alternatives?: readonly MorphReading[];
}

/** What the caller knows about where the word stands. */
export interface MorphContext {
  /** Defaults to what the word's letters say (first letter upper case). */
  capitalised?: boolean;
  /** First word of the sentence, where capitals say nothing about names. */
  sentenceInitial?: boolean;
  /** The chosen reading of the word just before (adjacent, same sentence), if any. */
  prev?: MorphReading | null;
  /** The out-of-context reading of the word just after (adjacent, same sentence), if any. */
  next?: MorphReading | null;
  /** The word just after, analysed only when the choice needs it (an alternative to `next`). */
  nextWord?: string | null;
}

export interface RussianMorph {
  /**
   * Analyses a word out of context; a capitalised word is taken as standing mid-sentence.
   *
   * @example ru.analyze('Казахстана') // { lemma: 'казахстан', pos: 'PROPN', features: { case: 'gent', tags: ['Geox'], … } }
   */
  analyze(word: string): MorphAnalysis;
  /**
   * Analyses a word knowing its neighbours: prefers name readings of capitalised words unless
   * the word opens the sentence with no name beside it.
   *
   * @example ru.analyzeInContext('Марк', { sentenceInitial: true, next: ru.analyze('Рубио') }).lemma // 'марк'
   */
  analyzeInContext(word: string, context: MorphContext): MorphAnalysis;
  /** Number of word forms currently cached. */
  readonly cacheSize: number;
}

export interface RussianMorphOptions {
  /** Upper bound on cached word forms (default 100,000). */
  cacheSize?: number;
}

/** OpenCorpora tags that mark proper names; a reading carrying one is a name reading. */
export const NAME_TAGS: ReadonlySet<string> = new Set([
  'Name',
  'Surn',
  'Patr',
  'Geox',
  'Orgn',
  'Trad',
  'Init',
]);
const KEPT_TAGS = ['Name', 'Surn', 'Patr', 'Geox', 'Orgn', 'Trad', 'Abbr', 'Init', 'Fixd'];
const PERSON_TAGS: ReadonlySet<string> = new Set(['Name', 'Surn', 'Patr', 'Init']);

/**
 * True when the reading carries a person-name tag (Name, Surn, Patr, Init).
 *
 * @example isPersonNameReading(ru.analyze('Путина')) // true
 */
export function isPersonNameReading(r: MorphReading | null | undefined): boolean {
  const tags = r?.features.tags;
  return !!tags && tags.some((t) => PERSON_TAGS.has(t));
}

/** True when the reading is a first name or an initial (what comes before a surname). */
function isFirstName(r: MorphReading | null | undefined): boolean {
  const tags = r?.features.tags;
  return !!tags && (tags.includes('Name') || tags.includes('Init')) && !tags.includes('Surn');
}

/**
 * True when the reading carries any OpenCorpora proper-name tag.
 *
 * @example isNameReading(ru.analyze('Казахстана')) // true (Geox)
 */
export function isNameReading(r: MorphReading | null | undefined): boolean {
  const tags = r?.features.tags;
  return !!tags && tags.some((t) => NAME_TAGS.has(t));
}

// ---------------------------------------------------------------------------------------------
// The slice of Az.js we use. Az ships no types; these describe only what this file touches.

interface AzTag {
  stat: string[];
  flex: string[];
  POST?: string;
  toString(): string;
  readonly [grammeme: string]: unknown;
}

interface AzParse {
  tag: AzTag;
  score: number;
  parser?: string;
  normalize(keepPOS?: boolean): AzParse | false;
  inflect(grammemes: Record<string, string>): AzParse | false;
  toString(): string;
}

interface AzMorph {
  (word: string, config?: Record<string, unknown>): AzParse[];
  init(dictsPath: string, callback: (err: unknown) => void): void;
}

interface AzModule {
  Morph: AzMorph;
}

// Number/punctuation/Latin parsers are left out: the tokenizer and the stage handle those kinds.
// Stutter and typo correction would invent readings for foreign names with doubled letters.
// Dictionary look-up and guessing are split so that a capitalised foreign name, which the
// surname rules read better than Az's suffix guesser, does not pay for the guesser.
const AZ_LOOKUP: Record<string, unknown> = {
  stutter: 0,
  typos: 0,
  parsers: [
    'Dictionary?',
    'AbbrName?',
    'AbbrPatronymic',
    'HyphenParticle',
    'HyphenAdverb',
    'HyphenWords',
    'PrefixKnown',
  ],
};
const AZ_GUESS: Record<string, unknown> = {
  stutter: 0,
  typos: 0,
  parsers: ['PrefixUnknown?', 'SuffixKnown?', 'Abbr'],
};

/** Az and, beside it, our direct reader of the same dictionary for the words it knows. */
interface Engines {
  az: AzMorph;
  dict: OpenCorporaDictionary;
}

let azPromise: Promise<Engines> | null = null;
let defaultMorph: Promise<RussianMorph> | null = null;

/** Directory of the installed `az` package's dictionaries, found the way Node finds the package. */
function azDictsPath(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('az/package.json')), 'dicts');
}

function loadAz(): Promise<Engines> {
  if (!azPromise) {
    const az = new Promise<AzMorph>((resolve, reject) => {
      const require = createRequire(import.meta.url);
      const az = require('az') as AzModule;
      let settled = false;
      // Az calls back once per failed file; only the first outcome counts.
      az.Morph.init(azDictsPath(), (err) => {
        if (settled) return;
        settled = true;
        if (err) reject(err instanceof Error ? err : new Error(String(err)));
        else resolve(az.Morph);
      });
    });
    azPromise = Promise.all([az, OpenCorporaDictionary.load(azDictsPath())]).then(([morph, dict]) => ({
      az: morph,
      dict,
    }));
    azPromise.catch(() => {
      azPromise = null;
    });
  }
  return azPromise;
}

/**
 * Loads the OpenCorpora dictionaries (once per process) and returns a Russian analyzer. Without
 * options every caller shares one analyzer and its cache.
 *
 * @example
 * const ru = await loadRussianMorph();
 * ru.analyze('Токаева').lemma; // 'токаев'
 */
export function loadRussianMorph(options: RussianMorphOptions = {}): Promise<RussianMorph> {
  if (options.cacheSize === undefined) {
    if (!defaultMorph) {
      defaultMorph = loadAz().then((e) => new RussianAnalyzer(e, 100_000));
      defaultMorph.catch(() => {
        defaultMorph = null;
      });
    }
    return defaultMorph;
  }
  const size = options.cacheSize;
  return loadAz().then((e) => new RussianAnalyzer(e, size));
}

// ---------------------------------------------------------------------------------------------
// Turning Az parses into readings.

const CASES: Record<string, string> = {
  nomn: 'nomn',
  gent: 'gent',
  datv: 'datv',
  accs: 'accs',
  ablt: 'ablt',
  loct: 'loct',
  voct: 'voct',
  gen1: 'gent',
  gen2: 'gent',
  acc2: 'accs',
  loc1: 'loct',
  loc2: 'loct',
};

const CCONJ = new Set([
  'и',
  'а',
  'но',
  'или',
  'либо',
  'да',
  'зато',
  'однако',
  'ни',
  'тоже',
  'также',
  'причем',
]);
const PRON_APRO = new Set(['который', 'чей']);

function yo(s: string): string {
  return s.indexOf('ё') >= 0 ? s.replace(/ё/g, 'е') : s;
}

function lower(s: string): string {
  return yo(s.toLowerCase());
}

function grammemesOf(tag: AzTag): string[] {
  return tag.flex.length ? tag.stat.concat(tag.flex) : tag.stat;
}

function universalPos(post: string, grams: readonly string[], lemma: string): string {
  switch (post) {
    case 'NOUN':
      return grams.some((g) => NAME_TAGS.has(g)) ? 'PROPN' : 'NOUN';
    case 'ADJF':
      if (grams.includes('Apro')) return PRON_APRO.has(lemma) ? 'PRON' : 'DET';
      return 'ADJ';
    case 'ADJS':
    case 'COMP':
      return 'ADJ';
    case 'VERB':
    case 'INFN':
    case 'PRTS':
    case 'GRND':
      return lemma === 'быть' ? 'AUX' : 'VERB';
    case 'PRTF':
      return grams.includes('Adjx') ? 'ADJ' : 'VERB';
    case 'NUMR':
      return 'NUM';
    case 'ADVB':
    case 'PRED':
      return 'ADV';
    case 'NPRO':
      return 'PRON';
    case 'PREP':
      return 'ADP';
    case 'CONJ':
      return CCONJ.has(lemma) ? 'CCONJ' : 'SCONJ';
    case 'PRCL':
      return 'PART';
    case 'INTJ':
      return 'INTJ';
    case 'ROMN':
    case 'NUMB':
      return 'NUM';
    case 'PNCT':
      return 'PUNCT';
    default:
      return 'X';
  }
}

const VERB_FORM: Record<string, string> = {
  VERB: 'Fin',
  INFN: 'Inf',
  PRTF: 'Part',
  PRTS: 'Part',
  GRND: 'Conv',
};

function str(p: AzParse | false): string | null {
  return p ? String(p) : null;
}

/** The lemma Annalist wants for an Az parse, which is not always Az's normal form. */
function lemmaOf(p: AzParse, post: string, grams: readonly string[]): string {
  const tag = p.tag;
  if (post === 'PRTF' && grams.includes('Adjx')) {
    // Adjectivised participles ("Соединенные Штаты") are lemmatised as adjectives, like UD does.
    const want: Record<string, string> = { POST: 'PRTF', GNdr: 'masc', NMbr: 'sing', CAse: 'nomn' };
    if (typeof tag.VOic === 'string') want.VOic = tag.VOic;
    if (typeof tag.TEns === 'string') want.TEns = tag.TEns;
    const s = str(p.inflect(want));
    if (s) return lower(s);
  }
  if (post === 'NOUN' && tag.femn && tag.sing && (tag.Surn || tag.Patr)) {
    // Surname and patronymic paradigms keep both genders under the masculine normal form;
    // a woman's name must lemmatise to her own nominative ("Захаровой" → "захарова").
    const s = str(p.inflect({ GNdr: 'femn', NMbr: 'sing', CAse: 'nomn' }));
    if (s) return lower(s);
  }
  const n = str(p.normalize());
  return lower(n ?? String(p));
}

/** What a tag alone says: part of speech, grammemes and the feature set (plain and guessed). */
interface TagInfo {
  post: string;
  grams: readonly string[];
  features: Readonly<TokenFeatures>;
  /** The same with `guessed: 'suffix'`, for readings of Az's guessers. */
  guessed: Readonly<TokenFeatures>;
}

/** Per tag object: Az and our dictionary reader share one object per tag of the tag table. */
const TAG_INFO = new Map<AzTag, TagInfo>();

function tagInfo(tag: AzTag): TagInfo {
  let info = TAG_INFO.get(tag);
  if (info) return info;
  const post = tag.POST ?? tag.stat[0] ?? 'UNKN';
  const grams = grammemesOf(tag);
  const f: TokenFeatures = {};
  const tags: string[] = [];
  for (const g of grams) {
    const c = CASES[g];
    if (c) f.case = c;
    else if (g === 'sing' || g === 'plur') f.number = g;
    else if (g === 'masc' || g === 'femn' || g === 'neut' || g === 'Ms-f') f.gender = g;
    else if (g === 'past' || g === 'pres' || g === 'futr') f.tense = g;
    else if (g === 'perf' || g === 'impf') f.aspect = g;
    else if (g === '1per' || g === '2per' || g === '3per') f.person = g;
    else if (g === 'indc' || g === 'impr') f.mood = g;
    else if (g === 'actv' || g === 'pssv') f.voice = g;
    else if (g === 'anim' || g === 'inan') f.animacy = g;
    else if (KEPT_TAGS.includes(g)) tags.push(g);
  }
  const vf = VERB_FORM[post];
  if (vf) f.verbForm = vf;
  if (post === 'COMP') f.degree = 'cmp';
  if (post === 'ADJS' || post === 'PRTS') f.variant = 'short';
  if (tags.length) f.tags = tags;
  const features = internFeatures(f);
  info = { post, grams, features, guessed: internFeatures({ ...features, guessed: 'suffix' }) };
  TAG_INFO.set(tag, info);
  return info;
}

function readingFromParse(p: AzParse): MorphReading {
  const info = tagInfo(p.tag);
  const lemma = lemmaOf(p, info.post, info.grams);
  const guessed =
    p.parser && p.parser !== 'Dictionary' && p.parser !== 'AbbrName' && p.parser !== 'AbbrPatronymic';
  return {
    lemma,
    pos: universalPos(info.post, info.grams, lemma),
    features: guessed ? info.guessed : info.features,
  };
}

function readingKey(r: MorphReading): string {
  const f = r.features;
  return `${r.lemma}|${r.pos}|${f.case ?? ''}|${f.number ?? ''}|${f.gender ?? ''}|${f.tense ?? ''}|${f.person ?? ''}|${(f.tags ?? []).join(',')}`;
}

/**
 * Frozen feature sets, shared by every reading that has the same one: a few thousand sets cover
 * every form of the dictionary, so a cache of 100,000 forms holds one copy of each, not one per form.
 */
const FEATURES = new Map<string, Readonly<TokenFeatures>>();

function internFeatures(f: TokenFeatures): Readonly<TokenFeatures> {
  // The key keeps the properties' order, so that a shared set prints exactly like the one it stands for.
  let key = '';
  for (const k in f) {
    const v = f[k];
    key += `${k}=${Array.isArray(v) ? v.join(',') : String(v)};`;
  }
  let got = FEATURES.get(key);
  if (!got) {
    if (f.tags) Object.freeze(f.tags);
    got = Object.freeze(f);
    FEATURES.set(key, got);
  }
  return got;
}

function freezeReading(r: MorphReading): MorphReading {
  const f = r.features;
  // Frozen features are already shared ones (from a tag); others are made shared here.
  return Object.freeze({ lemma: r.lemma, pos: r.pos, features: Object.isFrozen(f) ? f : internFeatures(f) });
}

// ---------------------------------------------------------------------------------------------
// Surnames the dictionary does not know.

const CONS = 'бвгджзклмнпрстфхцчшщ';
const VOWELS = 'аеёиоуыэюя';
/** Case forms of -ов/-ин and -ский surnames, whose paradigms Az's suffix guesser knows well. */
const SLAVIC_FORM =
  /(?:(?:ов|ев|ёв|ин|ын)(?:а|у|ым|ой|е|ы|ых|ыми)?|(?:ск|цк)(?:ий|ая|ого|ому|им|ом|ой|ую|ие|их|ими))$/;
const SLAVIC_SURNAME = /(ов|ев|ёв|ин|ын|ский|цкий|ской|ская|цкая|ова|ева|ёва|ина|ына)$/;

function surname(
  lemma: string,
  gender: string,
  kase: string | null,
  extra: readonly string[] = [],
): MorphReading {
  const f: TokenFeatures = {
    number: 'sing',
    gender,
    animacy: 'anim',
    tags: ['Surn', ...extra],
    guessed: 'surname',
  };
  if (kase) f.case = kase;
  return { lemma, pos: 'PROPN', features: f };
}

/**
 * Readings of an unknown capitalised word as a surname, most likely first: Russian case endings
 * of the masculine and feminine surname paradigms are stripped; a stem ending in a vowel is an
 * indeclinable foreign name and stays as it is.
 *
 * @example guessSurname('Уирта')[0].lemma // 'уирт'
 */
export function guessSurname(word: string): MorphReading[] {
  const w = lower(word);
  const out: MorphReading[] = [];
  const stem = (n: number) => w.slice(0, w.length - n);
  const ends = (s: string) => w.endsWith(s);
  const at = (i: number) => w.charAt(w.length - i);
  const isCons = (ch: string) => ch !== '' && CONS.includes(ch);
  const isVowel = (ch: string) => ch !== '' && VOWELS.includes(ch);
  const fixd = (kase: string | null) => surname(w, 'Ms-f', kase, ['Fixd']);

  if (w.length < 3) return [fixd(null)];

  const ov = /(ов|ев|ёв|ин|ын)(ым|ой|у|а|е)$/.exec(w);
  if (ov) {
    const base = w.slice(0, ov.index + 2);
    switch (ov[2]) {
      case 'ым':
        return [surname(base, 'masc', 'ablt')];
      case 'ой':
        return [surname(`${base}а`, 'femn', 'gent'), surname(`${base}а`, 'femn', 'ablt')];
      case 'у':
        return [surname(base, 'masc', 'datv'), surname(`${base}а`, 'femn', 'accs')];
      case 'а':
        return [surname(base, 'masc', 'gent'), surname(base, 'masc', 'accs'), surname(w, 'femn', 'nomn')];
      case 'е':
        return [surname(base, 'masc', 'loct')];
    }
  }
  const sk = /([сц]к)(ого|ому|им|ом|ой|ую|ий|ая)$/.exec(w);
  if (sk) {
    const base = w.slice(0, sk.index + 2);
    const e = sk[2];
    if (e === 'ий') return [surname(w, 'masc', 'nomn')];
    if (e === 'ая') return [surname(w, 'femn', 'nomn')];
    if (e === 'ой' || e === 'ую') return [surname(`${base}ая`, 'femn', e === 'ой' ? 'gent' : 'accs')];
    const kase = e === 'ого' ? 'gent' : e === 'ому' ? 'datv' : e === 'им' ? 'ablt' : 'loct';
    return [surname(`${base}ий`, 'masc', kase)];
  }
  if (ends('ым') && w.length > 4)
    return [surname(`${stem(2)}ый`, 'masc', 'ablt'), surname(`${stem(2)}ой`, 'masc', 'ablt')];

  if (ends('ом') && isCons(at(3)) && w.length > 4) return [surname(stem(2), 'masc', 'ablt')];
  if (ends('ем') && 'жшчщц'.includes(at(3)) && w.length > 4) return [surname(stem(2), 'masc', 'ablt')];
  const last = at(1);
  const before = at(2);
  if (isCons(before) && w.length > 3) {
    if (last === 'а') return [surname(stem(1), 'masc', 'gent'), surname(stem(1), 'masc', 'accs'), fixd(null)];
    if (last === 'у') return [surname(stem(1), 'masc', 'datv'), fixd(null)];
    if (last === 'е') return [surname(stem(1), 'masc', 'loct'), fixd(null)];
  }
  if (isVowel(last)) {
    out.push(fixd(null));
    return out;
  }
  return [surname(w, 'masc', 'nomn')];
}

// ---------------------------------------------------------------------------------------------
// The analyzer.

/**
 * What the cache keeps for a word form whose reading depends on its context: a capitalised form
 * with a name reading, or a capitalised common noun that may be a surname after a first name.
 * Every other form is cached as its one analysis, which needs no choice at all.
 */
class Entry {
  /** Analyses (reading + alternatives) per reading index, built on first use; [0] is built at once. */
  private readonly full: (MorphAnalysis | undefined)[];
  /** The surname reading of a common noun after a first name, built on first use. */
  asSurname: MorphAnalysis | null = null;

  constructor(
    /** Readings, best first when the word is read as a common word. */
    readonly readings: readonly MorphReading[],
    /** Index of the best name reading, or -1. */
    readonly nameIdx: number,
    /** True when the capitalised form should be read as a name even at the start of a sentence. */
    readonly nameEvenInitial: boolean,
    /** A capitalised common noun that would be a surname right after a first name ("Дональдом Трампом"). */
    readonly surnameAfterName: boolean,
    /** What the form's own letters say about capitals. */
    readonly capitalised: boolean,
  ) {
    this.full = [analysisOf(readings, 0)];
  }

  analysis(i: number): MorphAnalysis {
    let a = this.full[i];
    if (!a) {
      a = analysisOf(this.readings, i < this.readings.length ? i : 0);
      this.full[i] = a;
    }
    return a;
  }
}

/** Reading `i` with the others as its alternatives (the reading itself when there are none). */
function analysisOf(readings: readonly MorphReading[], i: number): MorphAnalysis {
  const r = readings[i]!;
  if (readings.length === 1) return r;
  const alts = readings.filter((_, j) => j !== i);
  return Object.freeze({
    lemma: r.lemma,
    pos: r.pos,
    features: r.features,
    alternatives: Object.freeze(alts),
  });
}

type Cached = MorphAnalysis | Entry;

const MAX_PARSES = 10;
const MAX_READINGS = 7;
const SURNAME_LIKE_GENPL = /(ов|ев|ёв|ин|ын)$/;
/** Parsers whose guesses for an unknown word are trustworthy (a known word behind a prefix or hyphen). */
const RELIABLE_GUESS = new Set(['PrefixKnown', 'HyphenWords', 'HyphenParticle', 'HyphenAdverb']);

const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set([
  'в',
  'во',
  'из',
  'на',
  'под',
  'над',
  'до',
  'через',
  'из-за',
  'близ',
]);
const NON_RUSSIAN_CYRILLIC = /[ӘәҒғҚқҢңӨөҰұҮүҺһІіЇїЄєҐґЎў]/;
const NO_CONTEXT: MorphContext = Object.freeze({});

type Shape = 'lower' | 'capitalised' | 'upper' | 'other';

function shapeOf(w: string): Shape {
  const first = w.charAt(0);
  if (first === first.toLowerCase()) return first === first.toUpperCase() ? 'other' : 'lower';
  if (w.length > 1 && w === w.toUpperCase()) return 'upper';
  return 'capitalised';
}

function titleCase(w: string): string {
  return w.charAt(0) + w.slice(1).toLowerCase();
}

/**
 * A copy of `s` that shares no characters with a longer string: V8 cuts long substrings as views
 * of their text, and a cache key must not keep a whole article alive.
 */
function ownCopy(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

class RussianAnalyzer implements RussianMorph {
  private readonly cache = new Map<string, Cached>();
  /** How many of the oldest forms go when the cache is full. */
  private readonly evict: number;

  private readonly az: AzMorph;
  private readonly dict: OpenCorporaDictionary;

  constructor(
    engines: Engines,
    private readonly maxSize: number,
  ) {
    this.az = engines.az;
    this.dict = engines.dict;
    this.evict = Math.max(1, Math.ceil(maxSize / 4));
  }

  get cacheSize(): number {
    return this.cache.size;
  }

  analyze(word: string): MorphAnalysis {
    return this.analyzeInContext(word, NO_CONTEXT);
  }

  analyzeInContext(word: string, context: MorphContext): MorphAnalysis {
    const c = this.lookup(word);
    if (!(c instanceof Entry)) return c;
    if (c.surnameAfterName && context.capitalised !== false && isFirstName(context.prev))
      return this.asSurname(c);
    return c.analysis(this.choose(c, context));
  }

  private lookup(word: string): Cached {
    const got = this.cache.get(word);
    if (got !== undefined) return got;
    const built = this.build(word);
    // First in, first out, a quarter at a time: no bookkeeping per hit, and a working set smaller
    // than the bound (a day of news) stays whole instead of thrashing as an LRU of two generations does.
    if (this.cache.size >= this.maxSize) {
      let n = this.evict;
      for (const k of this.cache.keys()) {
        this.cache.delete(k);
        if (--n <= 0) break;
      }
    }
    this.cache.set(ownCopy(word), built);
    return built;
  }

  private asSurname(e: Entry): MorphAnalysis {
    if (!e.asSurname) {
      const r = e.readings[0]!;
      const features: TokenFeatures = {
        ...r.features,
        animacy: 'anim',
        tags: [...(r.features.tags ?? []), 'Surn'],
        guessed: 'context',
      };
      e.asSurname = Object.freeze({
        lemma: r.lemma,
        pos: 'PROPN',
        features: internFeatures(features),
        alternatives: Object.freeze(e.readings.slice()),
      });
    }
    return e.asSurname;
  }

  private choose(e: Entry, ctx: MorphContext): number {
    if (e.nameIdx < 0) return 0;
    const capitalised = ctx.capitalised ?? e.capitalised;
    if (!capitalised) return 0;
    const prev = ctx.prev;
    let next = ctx.next;
    if (next === undefined && ctx.nextWord) next = this.analyze(ctx.nextWord);
    const nearName = isPersonNameReading(prev) || isPersonNameReading(next);
    let preferName = !ctx.sentenceInitial || nearName || e.nameEvenInitial;
    if (!preferName && ctx.sentenceInitial && e.readings[e.nameIdx]!.features.tags?.includes('Surn')) {
      // "Токаев прибыл": a singular finite verb right after is what a surname subject looks like.
      if (next && (next.pos === 'VERB' || next.pos === 'AUX') && next.features.number === 'sing')
        preferName = true;
    }
    if (!preferName) return 0;
    // A capitalised adjective agreeing with the next noun is part of a name, not a surname
    // ("Авраамским соглашениям", "Белого дома").
    if (next && !nearName) {
      const adj = agreeingAdjective(e.readings, next);
      if (adj >= 0) return adj;
    }
    // After a preposition of place a place name beats a person's name ("в Астане").
    if (prev && prev.pos === 'ADP' && PLACE_PREPOSITIONS.has(prev.lemma)) {
      for (let i = 0; i < e.readings.length; i++) {
        const r = e.readings[i]!;
        if (r.features.tags?.includes('Geox') && r.features.case !== 'nomn') return i;
      }
    }
    // Among name readings, agree in case with a neighbouring name ("Владимира Путина").
    const nb = isPersonNameReading(prev) ? prev : isPersonNameReading(next) ? next : null;
    const nbCase = nb?.features.case;
    if (nbCase) {
      for (let i = 0; i < e.readings.length; i++) {
        const r = e.readings[i]!;
        if (r.features.case === nbCase && isNameReading(r)) return i;
      }
    }
    return e.nameIdx;
  }

  private parse(word: string, config: Record<string, unknown>): AzParse[] {
    try {
      return this.az(word, config);
    } catch {
      // Az throws on a few odd inputs (lone hyphens and the like); such a word simply has no parse.
      return [];
    }
  }

  /** What Az's look-up parsers say; our own reader answers for the words the dictionary has. */
  private lookUp(word: string): AzParse[] {
    return this.dict.parse(word) ?? this.parse(word, AZ_LOOKUP);
  }

  private build(word: string): Cached {
    const clean = word.replace(/[\u0301\u0300\u00AD]/g, '');
    const shape = shapeOf(clean);
    // Kazakh and Ukrainian letters are outside the dictionary's alphabet; suffix guesses on such
    // words would only invent Russian lemmas.
    const foreign = NON_RUSSIAN_CYRILLIC.test(clean);
    let parses = foreign ? [] : this.lookUp(clean);
    if (shape === 'upper' && !foreign) {
      // Az drops name readings of all-caps forms; headlines and abbreviations ("США") need them.
      const titled = this.lookUp(titleCase(clean));
      if (titled.some((p) => p.parser === 'Dictionary')) parses = titled;
    }
    const capitalised = shape === 'capitalised' || shape === 'upper';
    if (!parses.length && !foreign && (!capitalised || SLAVIC_FORM.test(lower(clean)))) {
      parses = this.parse(clean, AZ_GUESS);
    }
    const known = parses.some((p) => p.parser === 'Dictionary' || p.parser === 'AbbrName');
    const readings: MorphReading[] = [];
    const seen = new Set<string>();
    const add = (r: MorphReading) => {
      const k = readingKey(r);
      if (seen.has(k) || readings.length >= MAX_READINGS) return;
      seen.add(k);
      readings.push(freezeReading(r));
    };
    const azReadings: MorphReading[] = [];
    for (let i = 0; i < parses.length && i < MAX_PARSES; i++) azReadings.push(readingFromParse(parses[i]!));

    let nameEvenInitial = false;
    let nameFirst: MorphReading[] = [];

    if (!known && capitalised && !foreign && /[а-яё]/i.test(clean)) {
      const top = parses[0];
      const reliable = !!top && RELIABLE_GUESS.has(top.parser ?? '') && !isNameReading(azReadings[0]);
      if (shape === 'upper' && clean.length <= 5) {
        // An unknown short all-caps word is an abbreviation: indeclinable, its letters its lemma.
        const abbrTags = azReadings.find((r) => r.features.tags?.includes('Abbr'))?.features.tags;
        nameFirst = [
          {
            lemma: lower(clean),
            pos: 'PROPN',
            features: { tags: abbrTags ? [...abbrTags] : ['Abbr', 'Fixd'] },
          },
        ];
        nameEvenInitial = true;
      } else {
        const slavic = azReadings.filter(
          (r) => r.features.tags?.includes('Surn') && SLAVIC_SURNAME.test(r.lemma),
        );
        nameFirst = slavic.length ? slavic : guessSurname(clean);
        nameEvenInitial = !reliable;
      }
    } else if (
      known &&
      capitalised &&
      !azReadings.some(isNameReading) &&
      SURNAME_LIKE_GENPL.test(lower(clean))
    ) {
      // "Токаев" is in the dictionary only as a genitive plural of "токай"; a capitalised
      // -ов/-ев/-ин form with no name reading is far more often a surname in news.
      const common = azReadings.filter((r) => r.pos === 'NOUN');
      if (common.length && common.every((r) => r.features.number === 'plur')) {
        nameFirst = [surname(lower(clean), 'masc', 'nomn')];
      }
    }

    const names = nameFirst.length ? nameFirst : azReadings.filter(isNameReading);
    if (nameEvenInitial) {
      for (const r of names) add(r);
      for (const r of azReadings) add(r);
    } else {
      // Common readings in Az's order, but with room kept for the name readings.
      const room = MAX_READINGS - Math.min(names.length, MAX_READINGS - 1);
      for (const r of azReadings) if (readings.length < room) add(r);
      for (const r of names) add(r);
      for (const r of azReadings) add(r);
    }
    if (!readings.length) {
      const lemma = lower(clean);
      const pos = capitalised ? 'PROPN' : 'X';
      readings.push(freezeReading({ lemma, pos, features: capitalised ? { guessed: 'none' } : {} }));
    }
    return this.entryOf(readings, capitalised, nameEvenInitial);
  }

  /** The cached form of a word's readings: a plain analysis unless context may change the choice. */
  private entryOf(readings: MorphReading[], capitalised: boolean, nameEvenInitial: boolean): Cached {
    let nameIdx = -1;
    if (capitalised) {
      for (let i = 0; i < readings.length; i++) {
        if (isNameReading(readings[i]!) || readings[i]!.pos === 'PROPN') {
          nameIdx = i;
          break;
        }
      }
    }
    const surnameAfterName = capitalised && nameIdx < 0 && readings[0]!.pos === 'NOUN';
    if (nameIdx < 0 && !surnameAfterName) return analysisOf(readings, 0);
    return new Entry(readings, nameIdx, nameEvenInitial, surnameAfterName, capitalised);
  }
}

function agreeingAdjective(readings: readonly MorphReading[], next: MorphReading): number {
  const alts = (next as MorphAnalysis).alternatives;
  for (let i = 0; i < readings.length; i++) {
    const a = readings[i]!;
    if (a.pos !== 'ADJ') continue;
    if (agrees(a, next)) return i;
    if (alts) for (const n of alts) if (agrees(a, n)) return i;
  }
  return -1;
}

function agrees(a: MorphReading, n: MorphReading): boolean {
  if (n.pos !== 'NOUN' && n.pos !== 'PROPN') return false;
  if (n.features.case !== a.features.case || n.features.number !== a.features.number) return false;
  return !(
    a.features.number === 'sing' &&
    a.features.gender &&
    n.features.gender &&
    a.features.gender !== n.features.gender
  );
}
