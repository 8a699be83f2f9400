/**
 * Language identification per sentence. The script of the letters decides the family (Cyrillic,
 * Latin, Arabic, …); within Cyrillic and Latin, letters peculiar to a language and its frequent
 * words decide the language (profiles in `src/lang/<iso>/langid.ts`). Sentences with too little
 * evidence (names only, two words, emoji) take the language of their neighbours.
 */
import type { Lang, Sentence, Token } from '../doc.js';
import { BE_PROFILE } from './be/langid.js';
import { EN_PROFILE } from './en/langid.js';
import { KK_PROFILE } from './kk/langid.js';
import { RU_PROFILE } from './ru/langid.js';
import { segment } from './tokenize.js';
import { UK_PROFILE } from './uk/langid.js';

/** What language identification knows about one language written in Cyrillic or Latin letters. */
export interface LanguageProfile {
  lang: Lang;
  script: 'Cyrl' | 'Latn';
  /** Lower-case letters frequent in this language and absent from the others of its script we know. */
  distinctiveLetters: string;
  /** Frequent lower-case words that tell this language from the others of its script. */
  commonWords: readonly string[];
}

/** The first profile of a script is the default for that script. */
const PROFILES: readonly LanguageProfile[] = [RU_PROFILE, KK_PROFILE, UK_PROFILE, BE_PROFILE, EN_PROFILE];
const P = PROFILES.length;

// Scripts, by the letters' code points.
const SC_LATN = 1;
const SC_CYRL = 2;
const SC_GREK = 3;
const SC_ARAB = 4;
const SC_HEBR = 5;
const SC_ARMN = 6;
const SC_GEOR = 7;
const SC_DEVA = 8;
const SC_THAI = 9;
const SC_HANG = 10;
const SC_KANA = 11;
const SC_HANI = 12;
const N_SCRIPTS = 13;

/** Language of a script with no profile (a Greek or Arabic sentence in a Russian article). */
const SCRIPT_LANG: readonly Lang[] = [
  'und',
  'en',
  'ru',
  'el',
  'ar',
  'he',
  'hy',
  'ka',
  'hi',
  'th',
  'ko',
  'ja',
  'zh',
];

/** Scripts of languages a reader may be told (`--lang`), to know which sentences the hint covers. */
const LANG_SCRIPT: Record<string, number> = {};
for (const l of 'ru uk be kk ky tg mn bg sr mk tt ba cv os ce sah'.split(' ')) LANG_SCRIPT[l] = SC_CYRL;
for (const l of 'en de fr es it pt nl pl cs sk sl hr bs tr uz az ro hu fi sv no nb da et lv lt id ms vi sq ga cy eu ca gl is mt tk'.split(
  ' ',
))
  LANG_SCRIPT[l] = SC_LATN;
for (const l of 'ar fa ur ps'.split(' ')) LANG_SCRIPT[l] = SC_ARAB;
Object.assign(LANG_SCRIPT, { el: SC_GREK, he: SC_HEBR, yi: SC_HEBR, hy: SC_ARMN, ka: SC_GEOR, hi: SC_DEVA });
Object.assign(LANG_SCRIPT, { mr: SC_DEVA, ne: SC_DEVA, th: SC_THAI, ko: SC_HANG, ja: SC_KANA, zh: SC_HANI });

const SCRIPT = new Uint8Array(0x10000);
function setRange(from: number, to: number, sc: number): void {
  for (let c = from; c <= to; c++) SCRIPT[c] = sc;
}
setRange(0x41, 0x5a, SC_LATN);
setRange(0x61, 0x7a, SC_LATN);
setRange(0xc0, 0x24f, SC_LATN);
SCRIPT[0xd7] = 0; // ×
SCRIPT[0xf7] = 0; // ÷
setRange(0x1e00, 0x1eff, SC_LATN);
setRange(0x400, 0x481, SC_CYRL);
setRange(0x48a, 0x52f, SC_CYRL);
setRange(0x370, 0x3ff, SC_GREK);
setRange(0x1f00, 0x1fff, SC_GREK);
setRange(0x531, 0x58f, SC_ARMN);
setRange(0x5d0, 0x5f2, SC_HEBR);
setRange(0x620, 0x64a, SC_ARAB);
setRange(0x671, 0x6d3, SC_ARAB);
setRange(0x6fa, 0x6ff, SC_ARAB);
setRange(0x750, 0x77f, SC_ARAB);
setRange(0xfb50, 0xfdff, SC_ARAB);
setRange(0xfe70, 0xfefc, SC_ARAB);
setRange(0x904, 0x939, SC_DEVA);
setRange(0x958, 0x961, SC_DEVA);
setRange(0xe01, 0xe30, SC_THAI);
setRange(0x10a0, 0x10ff, SC_GEOR);
setRange(0x1100, 0x11ff, SC_HANG);
setRange(0xac00, 0xd7a3, SC_HANG);
setRange(0x3041, 0x30ff, SC_KANA);
setRange(0x3400, 0x4dbf, SC_HANI);
setRange(0x4e00, 0x9fff, SC_HANI);

/** Bit p set when the letter is distinctive of profile p. */
const LETTER_MASK = new Uint16Array(0x10000);
/** Bit p set when the lower-case word is a common word of profile p. */
const WORD_MASK = new Map<string, number>();
/** Profiles (as bits) written in each script. */
const FAMILY_MASK = new Int32Array(N_SCRIPTS);
/** Default profile of each script, or -1. */
const DEFAULT_PROFILE = new Int32Array(N_SCRIPTS).fill(-1);
const PROFILE_SCRIPT = new Int32Array(P);
let LONGEST_WORD = 0;

PROFILES.forEach((profile, p) => {
  const sc = profile.script === 'Cyrl' ? SC_CYRL : SC_LATN;
  PROFILE_SCRIPT[p] = sc;
  FAMILY_MASK[sc]! |= 1 << p;
  if (DEFAULT_PROFILE[sc] === -1) DEFAULT_PROFILE[sc] = p;
  for (const ch of profile.distinctiveLetters + profile.distinctiveLetters.toUpperCase()) {
    LETTER_MASK[ch.charCodeAt(0)]! |= 1 << p;
  }
  for (const w of profile.commonWords) {
    WORD_MASK.set(w, (WORD_MASK.get(w) ?? 0) | (1 << p));
    LONGEST_WORD = Math.max(LONGEST_WORD, w.length);
  }
});

// Evidence gathered over one sentence; reused to avoid allocation per sentence.
const scriptLetters = new Int32Array(N_SCRIPTS);
const familyHits = new Int32Array(N_SCRIPTS);
const commonHits = new Int32Array(P);
const distinctWords = new Int32Array(P);
let letterWords = 0;
/** Words starting with a capital letter: a sentence made only of them is a list of names. */
let capitalWords = 0;

function resetEvidence(): void {
  scriptLetters.fill(0);
  familyHits.fill(0);
  commonHits.fill(0);
  distinctWords.fill(0);
  letterWords = 0;
  capitalWords = 0;
}

function startsCapitalised(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  if (c >= 0x400 && c <= 0x42f) return true;
  if (c >= 0x430 && c <= 0x45f) return false;
  const first = w.charAt(0);
  return first !== first.toLowerCase();
}

function addWord(w: string): void {
  let letters = 0;
  let distinct = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    const sc = SCRIPT[c]!;
    if (sc !== 0) {
      scriptLetters[sc]!++;
      letters++;
      distinct |= LETTER_MASK[c]!;
    }
  }
  if (letters === 0) return;
  letterWords++;
  const capital = startsCapitalised(w);
  if (capital) capitalWords++;
  if (distinct !== 0) for (let p = 0; p < P; p++) if (distinct & (1 << p)) distinctWords[p]!++;
  if (w.length <= LONGEST_WORD) {
    // Words written in lower case are looked up as they are; only capitalised ones pay for lowering.
    const m = WORD_MASK.get(capital ? w.toLowerCase() : w);
    if (m !== undefined) {
      for (let p = 0; p < P; p++) if (m & (1 << p)) commonHits[p]!++;
      if (m & FAMILY_MASK[SC_CYRL]!) familyHits[SC_CYRL]!++;
      if (m & FAMILY_MASK[SC_LATN]!) familyHits[SC_LATN]!++;
    }
  }
}

const NONE = 0;
const SCRIPT_ONLY = 1;
const STRONG = 2;

interface Guess {
  lang: Lang;
  /** Script family of the sentence (0 when it has no letters). */
  family: number;
  strength: number;
  words: number;
  /** Every word is capitalised (names, a dateline). */
  namesOnly: boolean;
}

/** Decides from the evidence gathered since `resetEvidence`. */
function decide(): Guess {
  let best = 0;
  let total = 0;
  for (let s = 1; s < N_SCRIPTS; s++) {
    total += scriptLetters[s]!;
    if (scriptLetters[s]! > scriptLetters[best]!) best = s;
  }
  if (total === 0) return { lang: 'und', family: 0, strength: NONE, words: letterWords, namesOnly: false };
  if (best !== SC_LATN && best !== SC_CYRL) {
    const lang = best === SC_HANI && scriptLetters[SC_KANA]! > 0 ? 'ja' : SCRIPT_LANG[best]!;
    return {
      lang,
      family: best,
      strength: total >= 8 ? STRONG : SCRIPT_ONLY,
      words: letterWords,
      namesOnly: false,
    };
  }
  let family = best;
  // Mixed scripts ("компания John Deere", "Kazakhstan's Токаев"): frequent words outvote letter counts.
  if (scriptLetters[SC_LATN]! > 0 && scriptLetters[SC_CYRL]! > 0) {
    const lat = familyHits[SC_LATN]!;
    const cyr = familyHits[SC_CYRL]!;
    if (lat !== cyr) family = lat > cyr ? SC_LATN : SC_CYRL;
  }
  let chosen = DEFAULT_PROFILE[family]!;
  let bestScore = 2 * commonHits[chosen]! + distinctWords[chosen]!;
  for (let p = 0; p < P; p++) {
    if (PROFILE_SCRIPT[p] !== family) continue;
    const score = 2 * commonHits[p]! + distinctWords[p]!;
    if (score > bestScore) {
      bestScore = score;
      chosen = p;
    }
  }
  const evidence = commonHits[chosen]! + distinctWords[chosen]!;
  const strong = (letterWords >= 3 && evidence >= 1) || evidence >= 3;
  return {
    lang: PROFILES[chosen]!.lang,
    family,
    strength: strong ? STRONG : SCRIPT_ONLY,
    words: letterWords,
    namesOnly: capitalWords === letterWords,
  };
}

function guessTokens(tokens: readonly Token[], from: number, to: number): Guess {
  resetEvidence();
  for (let t = from; t < to; t++) {
    const token = tokens[t]!;
    if (token.kind === 'word') addWord(token.text);
  }
  return decide();
}

/** Without tokens: whitespace-separated chunks, skipping links, handles and tags. */
function guessText(text: string): Guess {
  resetEvidence();
  for (const chunk of text.split(/\s+/)) {
    if (chunk === '' || chunk.includes('://') || chunk.includes('@') || chunk.startsWith('#')) continue;
    let a = 0;
    let b = chunk.length;
    while (a < b && SCRIPT[chunk.charCodeAt(a)] === 0) a++;
    while (b > a && SCRIPT[chunk.charCodeAt(b - 1)] === 0) b--;
    if (a < b) addWord(chunk.slice(a, b));
  }
  return decide();
}

/** Result of `identifyLanguages`: one language per sentence and the document's. */
export interface LanguageResult {
  /** Dominant language of the document, by characters. */
  lang: Lang;
  /** Language of each sentence, in order. */
  sentences: Lang[];
}

/**
 * Identifies the language of each sentence and of the whole document.
 *
 * `hint` (the reader's `--lang`) is used for every sentence not clearly in another script: a Kazakh
 * sentence in a text declared Russian stays Russian, an English tweet in it stays English.
 *
 * @example
 * const text = 'Токаев прибыл в Вашингтон. He met Trump on Thursday.';
 * const { tokens, sentences } = segment(text);
 * identifyLanguages(text, sentences, tokens).sentences; // ['ru', 'en']
 */
export function identifyLanguages(
  text: string,
  sentences: readonly Sentence[],
  tokens: readonly Token[],
  hint: Lang | null = null,
): LanguageResult {
  const n = sentences.length;
  const guesses: Guess[] = new Array<Guess>(n);
  for (let i = 0; i < n; i++) {
    const s = sentences[i]!;
    guesses[i] =
      s.tokenStart !== undefined && s.tokenEnd !== undefined && tokens.length >= s.tokenEnd
        ? guessTokens(tokens, s.tokenStart, s.tokenEnd)
        : guessText(text.slice(s.start, s.end));
  }

  // Nearest strongly identified sentence before and after each one.
  const prev = new Int32Array(n);
  const next = new Int32Array(n);
  let last = -1;
  for (let i = 0; i < n; i++) {
    prev[i] = last;
    if (guesses[i]!.strength === STRONG) last = i;
  }
  last = -1;
  for (let i = n - 1; i >= 0; i--) {
    next[i] = last;
    if (guesses[i]!.strength === STRONG) last = i;
  }

  const langs: (Lang | null)[] = new Array<Lang | null>(n);
  for (let i = 0; i < n; i++) {
    const g = guesses[i]!;
    if (g.strength === STRONG) {
      langs[i] = g.lang;
      continue;
    }
    const p = prev[i]!;
    const q = next[i]!;
    const neighbour = p >= 0 ? p : q;
    if (g.strength === NONE) {
      langs[i] = neighbour >= 0 ? guesses[neighbour]!.lang : null;
      continue;
    }
    // Too little evidence: a neighbour in the same script knows better than we do, and so does any
    // neighbour when the sentence is a couple of words or a list of names ("John Deere.").
    if (p >= 0 && guesses[p]!.family === g.family) langs[i] = guesses[p]!.lang;
    else if (q >= 0 && guesses[q]!.family === g.family) langs[i] = guesses[q]!.lang;
    else if ((g.words <= 2 || g.namesOnly) && neighbour >= 0) langs[i] = guesses[neighbour]!.lang;
    else langs[i] = g.lang;
  }

  const hintScript = hint ? LANG_SCRIPT[hint] : undefined;
  if (hint) {
    for (let i = 0; i < n; i++) {
      const g = guesses[i]!;
      const otherScript =
        hintScript !== undefined &&
        g.family !== 0 &&
        g.family !== hintScript &&
        (g.strength === STRONG || g.words >= 3);
      if (!otherScript) langs[i] = hint;
    }
  }

  const docLang = dominant(sentences, langs) ?? hint ?? 'und';
  const result: Lang[] = new Array<Lang>(n);
  for (let i = 0; i < n; i++) result[i] = langs[i] ?? docLang;
  return { lang: docLang, sentences: result };
}

/** The language covering most characters, or null when no sentence has one. */
function dominant(sentences: readonly Sentence[], langs: readonly (Lang | null)[]): Lang | null {
  const chars = new Map<Lang, number>();
  let best: Lang | null = null;
  let bestChars = 0;
  for (let i = 0; i < sentences.length; i++) {
    const lang = langs[i];
    if (!lang || lang === 'und') continue;
    const s = sentences[i]!;
    const c = (chars.get(lang) ?? 0) + (s.end - s.start);
    chars.set(lang, c);
    if (c > bestChars) {
      bestChars = c;
      best = lang;
    }
  }
  return best;
}

/**
 * Language of a whole text (a title, a feed item), by the same rules as the `langid` stage.
 *
 * @example guessLanguage('Қазақстан Республикасының Президенті Вашингтонға сапармен барды.') // 'kk'
 */
export function guessLanguage(text: string, hint: Lang | null = null): Lang {
  const { tokens, sentences } = segment(text);
  return identifyLanguages(text, sentences, tokens, hint).lang;
}
