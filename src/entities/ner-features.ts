/**
 * Features and decoding of the Russian named-entity tagger (`ner.ts`), shared with its training
 * script (scripts/train-ner.ts) so that both sides compute exactly the same thing.
 *
 * Every feature is a 32-bit integer: a template number mixed with the hash of its value(s), so
 * extraction allocates no strings beyond what the tokens already hold, and the model is a table
 * from feature id to one weight per tag. Per token we hash its word, lemma, suffixes, shape,
 * part of speech and case once, then the templates combine those of the token and of its
 * neighbours (±2), the OpenCorpora name tags of the chosen reading and of the alternatives, the
 * KB gazetteer (a token starts or continues a KB name match, and of which type), the titles
 * lexicon, the classes of the Russian head-noun lexicons (organization, place, person cue) of the
 * token and its neighbours, quotes and the word before an opening quote, and a few document-wide hints (the same lemma capitalised or lower-cased
 * elsewhere in the document).
 */
import type { Doc } from '../doc.js';
import type { Kb } from '../kb/kb.js';
import { tokenKeyWords, type KeyWordSlot, type PhraseEntry } from '../kb/keys.js';
import type { TitleEntry } from '../kb/types.js';
import type { MorphAnnotation } from '../stages/morph.js';
import * as RU from '../lang/ru/entities.js';
import { formOf, type TokenForm } from './forms.js';

/** The entity types the tagger knows (factRuEval's PER / LOC / ORG). */
export type NerType = 'PER' | 'LOC' | 'ORG';
export const NER_TYPES: readonly NerType[] = ['PER', 'LOC', 'ORG'];

// ---------------------------------------------------------------------------------------------
// Hashing

/**
 * FNV-1a 32-bit hash of a string (unsigned).
 *
 * @example hashString('москва') === hashString('москва') // true
 */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** FNV-1a of the last `k` characters of `s` (the whole string when shorter). */
function hashSuffix(s: string, k: number): number {
  let h = 0x811c9dc5 ^ k;
  for (let i = Math.max(0, s.length - k); i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** FNV-1a of the first `k` characters of `s`. */
function hashPrefix(s: string, k: number): number {
  let h = 0x811c9dc5 ^ (k << 8);
  const n = Math.min(k, s.length);
  for (let i = 0; i < n; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Murmur3's finaliser: spreads the bits so that nearby inputs land far apart. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function f1(template: number, a: number): number {
  return fmix(Math.imul(template + 1, 0x9e3779b1) ^ a);
}

function f2(template: number, a: number, b: number): number {
  return fmix(Math.imul(template + 1, 0x9e3779b1) ^ fmix(a ^ Math.imul(b + 1, 0x27d4eb2f)));
}

// ---------------------------------------------------------------------------------------------
// Tag sets

/**
 * A tagging scheme: BIO (B-/I-/O) or BILOU (adds L- last and U- unit), with which transitions are
 * legal and how a tag sequence turns into spans.
 */
export interface TagSet {
  scheme: 'BIO' | 'BILOU';
  tags: readonly string[];
  /** `allowed[(prev + 1) * n + cur]`: may `cur` follow `prev` (prev = -1 at sentence start)? */
  allowed: Uint8Array;
  /** `final[t]`: may a sentence end on tag `t`? */
  final: Uint8Array;
  /** Legal predecessors of each tag (tag indices, no sentence start): `prevs[prevStart[t] .. prevStart[t + 1])`. */
  prevs: Int32Array;
  prevStart: Int32Array;
}

/**
 * Builds a tag set.
 *
 * @example makeTagSet('BIO').tags // ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG']
 */
export function makeTagSet(scheme: 'BIO' | 'BILOU'): TagSet {
  const parts = scheme === 'BIO' ? ['B', 'I'] : ['B', 'I', 'L', 'U'];
  const tags = ['O'];
  for (const t of NER_TYPES) for (const p of parts) tags.push(`${p}-${t}`);
  const n = tags.length;
  const allowed = new Uint8Array((n + 1) * n);
  const final = new Uint8Array(n);
  const split = (i: number): [string, string] => {
    const t = tags[i]!;
    return t === 'O' ? ['O', ''] : [t[0]!, t.slice(2)];
  };
  for (let prev = -1; prev < n; prev++) {
    const [pp, pt] = prev < 0 ? ['O', ''] : split(prev);
    // After B or I of a type the span is open: only I/L of the same type may follow.
    const open = scheme === 'BIO' ? false : pp === 'B' || pp === 'I';
    for (let cur = 0; cur < n; cur++) {
      const [cp, ct] = split(cur);
      let ok: boolean;
      if (cp === 'I' || cp === 'L') ok = (pp === 'B' || pp === 'I') && pt === ct;
      else ok = !open;
      allowed[(prev + 1) * n + cur] = ok ? 1 : 0;
    }
  }
  for (let t = 0; t < n; t++) {
    const [p] = split(t);
    final[t] = scheme === 'BIO' || (p !== 'B' && p !== 'I') ? 1 : 0;
  }
  const prevList: number[] = [];
  const prevStart = new Int32Array(n + 1);
  for (let cur = 0; cur < n; cur++) {
    prevStart[cur] = prevList.length;
    for (let prev = 0; prev < n; prev++) if (allowed[(prev + 1) * n + cur]) prevList.push(prev);
  }
  prevStart[n] = prevList.length;
  return { scheme, tags, allowed, final, prevs: Int32Array.from(prevList), prevStart };
}

/** A span of tokens `[start, end)` (indices into the sentence's token list) with its type. */
export interface TokenSpan {
  start: number;
  end: number;
  type: NerType;
}

/**
 * Encodes spans as tag indices for a sentence of `n` tokens (overlapping spans: the first wins).
 *
 * @example encodeTags(makeTagSet('BIO'), 3, [{ start: 1, end: 3, type: 'PER' }]) // [0, 1, 2]
 */
export function encodeTags(ts: TagSet, n: number, spans: readonly TokenSpan[]): Int32Array {
  const out = new Int32Array(n);
  const idx = (t: string): number => ts.tags.indexOf(t);
  for (const s of spans) {
    let free = true;
    for (let i = s.start; i < s.end; i++) if (out[i] !== 0) free = false;
    if (!free || s.end <= s.start) continue;
    for (let i = s.start; i < s.end; i++) {
      let p = i === s.start ? 'B' : 'I';
      if (ts.scheme === 'BILOU') {
        if (s.end - s.start === 1) p = 'U';
        else if (i === s.end - 1) p = 'L';
      }
      out[i] = idx(`${p}-${s.type}`);
    }
  }
  return out;
}

/**
 * Reads spans back from tag indices (lenient: an I without B opens a span).
 *
 * @example decodeSpans(makeTagSet('BIO'), [0, 1, 2]) // [{ start: 1, end: 3, type: 'PER' }]
 */
export function decodeSpans(ts: TagSet, tags: ArrayLike<number>): TokenSpan[] {
  const out: TokenSpan[] = [];
  let cur: TokenSpan | null = null;
  for (let i = 0; i < tags.length; i++) {
    const t = ts.tags[tags[i]!]!;
    if (t === 'O') {
      if (cur) out.push(cur);
      cur = null;
      continue;
    }
    const p = t[0]!;
    const type = t.slice(2) as NerType;
    const continues = (p === 'I' || p === 'L') && cur !== null && cur.type === type;
    if (continues) cur!.end = i + 1;
    else {
      if (cur) out.push(cur);
      cur = { start: i, end: i + 1, type };
    }
    if (p === 'L' || p === 'U') {
      out.push(cur!);
      cur = null;
    }
  }
  if (cur) out.push(cur);
  return out;
}

let viterbiScore = new Float64Array(1024);
let viterbiBack = new Int32Array(1024);
let viterbiTrans = new Float64Array(64);

/**
 * Best tag sequence under emission scores `em[i * n + t]` and transition scores
 * `trans[(prev + 1) * n + cur]` (row 0 is the sentence start), restricted to legal transitions.
 * Written into `into` (at least `len` long) when given, else into a new array.
 *
 * @example viterbi(ts, em, trans, tokenCount)
 */
export function viterbi(
  ts: TagSet,
  em: Float64Array,
  trans: ArrayLike<number>,
  len: number,
  into?: Int32Array,
): Int32Array {
  const n = ts.tags.length;
  const out = into ?? new Int32Array(len);
  if (len === 0) return out;
  if (viterbiScore.length < len * n) {
    viterbiScore = new Float64Array(Math.max(len * n, viterbiScore.length * 2));
    viterbiBack = new Int32Array(viterbiScore.length);
  }
  // Scratch: every cell read below is written first.
  const score = viterbiScore;
  const back = viterbiBack;
  const { allowed, prevs, prevStart } = ts;
  // The transition score of each legal (prev, cur) pair, in the order of `prevs`.
  const m = prevs.length;
  if (viterbiTrans.length < m) viterbiTrans = new Float64Array(m);
  const tp = viterbiTrans;
  for (let t = 0; t < n; t++) {
    for (let k = prevStart[t]!; k < prevStart[t + 1]!; k++) tp[k] = trans[(prevs[k]! + 1) * n + t]!;
  }
  for (let t = 0; t < n; t++) score[t] = allowed[t] ? em[t]! + trans[t]! : -Infinity;
  for (let i = 1; i < len; i++) {
    const row = (i - 1) * n;
    const cur = i * n;
    let k = prevStart[0]!;
    for (let t = 0; t < n; t++) {
      let best = -Infinity;
      let arg = 0;
      const end = prevStart[t + 1]!;
      for (; k < end; k++) {
        const p = prevs[k]!;
        const s = score[row + p]! + tp[k]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[cur + t] = best + em[cur + t]!;
      back[cur + t] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  for (let t = 0; t < n; t++) {
    const s = score[(len - 1) * n + t]!;
    if (ts.final[t] && s > best) {
      best = s;
      arg = t;
    }
  }
  out[len - 1] = arg;
  for (let i = len - 1; i > 0; i--) out[i - 1] = back[i * n + out[i]!]!;
  return out;
}

/**
 * Per-token marginal probabilities of each tag under the scores scaled by `scale` (a linear-chain
 * forward–backward pass in probability space, renormalised at each step), used to give each span
 * a confidence.
 *
 * @example const p = marginals(ts, em, trans, len, 0.2); p[i * n + t]
 */
export function marginals(
  ts: TagSet,
  em: Float64Array,
  trans: ArrayLike<number>,
  len: number,
  scale: number,
): Float64Array {
  const n = ts.tags.length;
  const { allowed, prevs, prevStart } = ts;
  const tr = new Float64Array((n + 1) * n);
  for (let k = 0; k < tr.length; k++) tr[k] = allowed[k] ? Math.exp(scale * trans[k]!) : 0;
  // Emission potentials, shifted by each token's best score so that exp() cannot overflow.
  const pot = new Float64Array(len * n);
  for (let i = 0; i < len; i++) {
    let mx = -Infinity;
    for (let t = 0; t < n; t++) mx = Math.max(mx, em[i * n + t]!);
    for (let t = 0; t < n; t++) pot[i * n + t] = Math.exp(scale * (em[i * n + t]! - mx));
  }
  const alpha = new Float64Array(len * n);
  const beta = new Float64Array(len * n);
  let z = 0;
  for (let t = 0; t < n; t++) z += alpha[t] = tr[t]! * pot[t]!;
  for (let t = 0; t < n; t++) alpha[t]! /= z || 1;
  for (let i = 1; i < len; i++) {
    const row = (i - 1) * n;
    z = 0;
    for (let t = 0; t < n; t++) {
      let acc = 0;
      for (let k = prevStart[t]!; k < prevStart[t + 1]!; k++) {
        const p = prevs[k]!;
        acc += alpha[row + p]! * tr[(p + 1) * n + t]!;
      }
      z += alpha[i * n + t] = acc * pot[i * n + t]!;
    }
    for (let t = 0; t < n; t++) alpha[i * n + t]! /= z || 1;
  }
  for (let t = 0; t < n; t++) beta[(len - 1) * n + t] = ts.final[t] ? 1 : 0;
  for (let i = len - 2; i >= 0; i--) {
    const next = (i + 1) * n;
    // beta[i][p] = Σ_t tr[p→t] · pot[i+1][t] · beta[i+1][t], summed over the legal (p, t) pairs.
    for (let p = 0; p < n; p++) beta[i * n + p] = 0;
    for (let t = 0; t < n; t++) {
      const v = pot[next + t]! * beta[next + t]!;
      if (v === 0) continue;
      for (let k = prevStart[t]!; k < prevStart[t + 1]!; k++) {
        const p = prevs[k]!;
        beta[i * n + p]! += tr[(p + 1) * n + t]! * v;
      }
    }
    z = 0;
    for (let p = 0; p < n; p++) z += beta[i * n + p]!;
    for (let p = 0; p < n; p++) beta[i * n + p]! /= z || 1;
  }
  const out = new Float64Array(len * n);
  for (let i = 0; i < len; i++) {
    let sum = 0;
    for (let t = 0; t < n; t++) sum += out[i * n + t] = alpha[i * n + t]! * beta[i * n + t]!;
    for (let t = 0; t < n; t++) out[i * n + t]! /= sum || 1;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Per-token information

/**
 * What the templates need to know about one token, hashed once. Hashes are signed 32-bit
 * integers (the templates read them modulo 2^32, as the unsigned values they come from).
 */
export interface TokInfo {
  /** Lower-case word (ё → е). */
  w: number;
  lemma: number;
  s2: number;
  s3: number;
  s4: number;
  p3: number;
  /** Coarse shape class (SHAPE_*), including the script. */
  shape: number;
  /** Short shape: letters as X/x, digits as d, repeats collapsed ("Xx-Xx", "X.X."). */
  lshape: number;
  pos: number;
  cas: number;
  /** Bit mask of OpenCorpora tags (TAG_BITS) of the chosen reading. */
  tags: number;
  /** Bit mask of the tags of the other readings. */
  alt: number;
  /** KB match: 0 none; else 1 = starts a match, 2 = continues one; bits 2.. the KB types (KB_TYPE_BITS). */
  kb: number;
  /** Length class of the KB match the token is in (0 none, 1, 2, 3 = three words or more). */
  kbLen: number;
  /** 0 none, 1 starts a title phrase of the lexicon, 2 continues one. */
  title: number;
  /** Word class from the Russian lexicons (`lexClassOf`): 0 none, 1 organization head, 2 place head, 3 person cue, 4 compound organization word. */
  lex: number;
  /** 1 inside «…» or "…". */
  quote: number;
  /** Inside quotes: the lemma of the word before the opening quote ("газета «…»"), else 0. */
  qhead: number;
  /** 1 when the token opens its sentence (after leading quotes and brackets). */
  initial: number;
  /** Document hints for capitalised words: bit 0 the lemma is capitalised mid-sentence elsewhere, bit 1 lower-cased elsewhere. */
  doc: number;
  /** Second pass: the first pass's tag of the token (0 O, else 1 + type * 4 + B/I/L/U). */
  p1: number;
  /**
   * Second pass: types (bits 0–2 PER/LOC/ORG) the first pass gave other occurrences of the same
   * lemma in the document, and (bits 3–5) those inside multi-word spans.
   */
  p1doc: number;
  /** The same, for other words with the same first five letters ("Брод", "Брода", "Броду"). */
  p1pre: number;
  /** Hash of the first five letters of a capitalised word (0 otherwise), the key of `p1pre`. */
  pre: number;
  /** The token's form record, where the static fields above come from (absent for padding). */
  nf?: NerForm;
}

type Lists<T> = (readonly PhraseEntry<T>[])[];

/** The KB name and title phrases each key word of a form may start (null for none), and any: bit 0 names, bit 1 titles. */
export interface KbLists {
  names: ((readonly PhraseEntry<string>[])[] | null)[];
  titles: ((readonly PhraseEntry<TitleEntry>[])[] | null)[];
  any: number;
}

/**
 * What the tagger derives from a token's form alone (see forms.ts), computed once per form: the
 * static fields of `TokInfo`, the key words `markKb` matches, and a model's summed weights of
 * the form's static features (`NerModel` fills `vec`).
 */
export interface NerForm extends Pick<
  TokInfo,
  'w' | 'lemma' | 's2' | 's3' | 's4' | 'p3' | 'shape' | 'lshape' | 'pos' | 'cas' | 'tags' | 'alt' | 'lex'
> {
  /** The form this is derived from (null for the padding tokens). */
  form: TokenForm | null;
  /** `hashPrefix` of the first five letters of the lower-case text. */
  pre5: number;
  /** Case of the first character: 1 upper, 2 lower, 0 neither. */
  firstCase: number;
  /** The text is sentence-final punctuation ("." "?!" "…" ":" ";"). */
  endsSentence: boolean;
  /** Key words of the token for `markKb` (null for tokens it skips), built on first use. */
  kbWords: KeyWordSlot[] | null | undefined;
  /** The KB the fields below were computed for. */
  kbFor: Kb | null;
  /** A form of several key words: the KB name and title phrases each may start. */
  kbLists: KbLists | null;
  /** A form of one key word (most): that word and the phrases it may start. */
  kbOne: KeyWordSlot | null;
  kbOneNames: Lists<string> | null;
  kbOneTitles: Lists<TitleEntry> | null;
  /** Whether some key word may start a KB name (bit 0) or a title (bit 1). */
  kbAny: number;
  /** Where the model layer `cacheOwner` keeps the form's weights (see ner.ts), valid in its `cacheEpoch`. */
  cacheOwner: object | null;
  cacheEpoch: number;
  cacheAt: number;
}

const TAG_BITS: Record<string, number> = {
  Name: 1,
  Surn: 2,
  Patr: 4,
  Geox: 8,
  Orgn: 16,
  Abbr: 32,
  Init: 64,
  Trad: 128,
};
const KB_TYPE_BITS: Record<string, number> = {
  PERSON: 1,
  ORG: 2,
  COUNTRY: 4,
  CITY: 8,
  LOC: 16,
  TREATY: 32,
  EVENT_NAME: 64,
  FACILITY: 128,
  PRODUCT: 256,
};

const SHAPE_OTHER = 0;
const SHAPE_PUNCT = 1;
const SHAPE_DIGIT = 2;
const SHAPE_LOWER = 3;
const SHAPE_TITLE = 4;
const SHAPE_UPPER = 5;
const SHAPE_LETTER = 6;
const SHAPE_INITIAL = 7;
const SHAPE_MIXED = 8;
const SHAPE_ALNUM = 9;
const SHAPE_QUOTE = 10;
/** Added to the letter shapes of Latin-script words. */
const SHAPE_LATIN = 16;

const QUOTE_CODES: ReadonlySet<number> = new Set([...'«»"„“”‘’\'‹›'].map((c) => c.charCodeAt(0)));

/** Letter case by code unit below U+0500 (Latin, Cyrillic): 1 upper, 2 lower, 0 not a cased letter. */
const CASE_TABLE = (() => {
  const t = new Uint8Array(0x500);
  for (let c = 0; c < t.length; c++) {
    const ch = String.fromCharCode(c);
    const lo = ch.toLowerCase();
    const up = ch.toUpperCase();
    t[c] = ch !== lo && ch === up ? 1 : ch !== up && ch === lo ? 2 : 0;
  }
  return t;
})();

function caseOf(c: number): number {
  if (c < 0x500) return CASE_TABLE[c]!;
  // Punctuation, symbols, CJK: no case; the rest through the case mapping.
  if ((c >= 0x2000 && c <= 0x2bff) || (c >= 0x3000 && c <= 0xd7ff)) return 0;
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase()
    ? 1
    : ch !== ch.toUpperCase() && ch === ch.toLowerCase()
      ? 2
      : 0;
}

function isUpperCode(c: number): boolean {
  return caseOf(c) === 1;
}

function shapeOf(text: string): number {
  let up = 0;
  let low = 0;
  let dig = 0;
  let other = 0;
  let cyr = 0;
  let lat = 0;
  let quote = 0;
  // Upper-case letters after the first one of a hyphen or apostrophe part ("Нью-Йорк", "O'Neil").
  let innerUp = 0;
  let partStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      dig++;
      partStart = false;
      continue;
    }
    const cc = caseOf(c);
    const u = cc === 1;
    if (cc !== 0) {
      if (u) {
        up++;
        if (!partStart) innerUp++;
      } else low++;
      if (c >= 0x400 && c <= 0x4ff) cyr++;
      else if (c < 0x250) lat++;
      partStart = false;
      continue;
    }
    other++;
    if (QUOTE_CODES.has(c)) quote++;
    partStart = c === 45 || c === 39 || c === 0x2019;
  }
  if (quote > 0 && quote === text.length) return SHAPE_QUOTE;
  const letters = up + low;
  if (letters === 0) return dig > 0 ? SHAPE_DIGIT : other > 0 ? SHAPE_PUNCT : SHAPE_OTHER;
  let s: number;
  if (dig > 0) s = SHAPE_ALNUM;
  else if (up === 1 && letters === 1) s = other > 0 ? SHAPE_INITIAL : SHAPE_LETTER;
  else if (up === 0) s = SHAPE_LOWER;
  else if (low === 0) s = SHAPE_UPPER;
  else if (isUpperCode(text.charCodeAt(0)) && innerUp === 0) s = SHAPE_TITLE;
  else s = SHAPE_MIXED;
  if (cyr === 0 && lat > 0) s += SHAPE_LATIN;
  return s;
}

function longShapeHash(text: string): number {
  let h = 0x811c9dc5;
  let last = -1;
  let n = 0;
  for (let i = 0; i < text.length && n < 8; i++) {
    let c = text.charCodeAt(i);
    const cc = caseOf(c);
    if (c >= 48 && c <= 57) c = 100;
    else if (cc === 1) c = 88;
    else if (cc === 2) c = 120;
    if (c === last) continue;
    last = c;
    n++;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h >>> 0;
}

function tagMask(tags: readonly string[] | undefined): number {
  let m = 0;
  if (tags) for (const t of tags) m |= TAG_BITS[t] ?? 0;
  return m;
}

function lowerYo(s: string): string {
  const l = s.toLowerCase();
  return l.indexOf('ё') >= 0 ? l.replace(/ё/g, 'е') : l;
}

const EMPTY = hashString('');

/**
 * The lexicon class of a lemma: 1 a head noun of organization names ("министерство", "компания"),
 * 2 of place names ("область", "река"), 3 a word before persons ("господин", "тренер"). The
 * tagger learns each head it saw in training by its lemma; the class carries that over to the
 * heads the devset lacks.
 */
const COMPOUND_ORG_START = /^(?:рос|мин|гос|рус|газ|нефт)/;

function lexClassOf(lemma: string): number {
  if (RU.ORG_HEADS.has(lemma) || RU.ORG_INTRODUCERS.has(lemma) || RU.ORG_NAME_HEADS.has(lemma)) return 1;
  if (RU.LOC_HEADS.has(lemma)) return 2;
  if (RU.PERSON_CUES.has(lemma)) return 3;
  // Compound names of agencies and companies ("Росприроднадзор", "Минэкономразвития", "Водоканал").
  if (
    lemma.length > 6 &&
    (COMPOUND_ORG_START.test(lemma) || RU.ORG_WORD_SUFFIXES.some((x) => lemma.endsWith(x)))
  )
    return 4;
  return 0;
}

/** The padding token left of a sentence (index -1, -2) and right of it. */
/**
 * A token's `TokInfo`: the fields the templates read most are copied from its form, the others
 * read through from it, so that a token costs a small object.
 */
class Info implements TokInfo {
  w: number;
  lemma: number;
  shape: number;
  tags: number;
  kb = 0;
  kbLen = 0;
  title = 0;
  quote = 0;
  qhead = 0;
  initial = 0;
  doc = 0;
  p1 = 0;
  p1doc = 0;
  p1pre = 0;
  pre = 0;

  constructor(readonly nf: NerForm) {
    this.w = nf.w;
    this.lemma = nf.lemma;
    this.shape = nf.shape;
    this.tags = nf.tags;
  }

  get s2(): number {
    return this.nf.s2;
  }
  get s3(): number {
    return this.nf.s3;
  }
  get s4(): number {
    return this.nf.s4;
  }
  get p3(): number {
    return this.nf.p3;
  }
  get lshape(): number {
    return this.nf.lshape;
  }
  get pos(): number {
    return this.nf.pos;
  }
  get cas(): number {
    return this.nf.cas;
  }
  get alt(): number {
    return this.nf.alt;
  }
  get lex(): number {
    return this.nf.lex;
  }
}

const BOS: TokInfo = padding('<s>');
const EOS: TokInfo = padding('</s>');

function padding(name: string): TokInfo {
  const h = hashString(name) | 0;
  return new Info({
    w: h,
    lemma: h,
    s2: h,
    s3: h,
    s4: h,
    p3: h,
    shape: 31,
    lshape: h,
    pos: h,
    cas: h,
    tags: 0,
    alt: 0,
    lex: 0,
    form: null,
    pre5: 0,
    firstCase: 0,
    endsSentence: false,
    kbWords: null,
    kbLists: null,
    kbFor: null,
    kbOne: null,
    kbOneNames: null,
    kbOneTitles: null,
    kbAny: 0,
    cacheOwner: null,
    cacheEpoch: 0,
    cacheAt: 0,
  });
}

/** Which tokens of a document the tagger reads: the token ranges of its Russian sentences. */
export function nerSentenceRanges(doc: Doc): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const s of doc.sentences) {
    if (s.tokenStart === undefined || s.tokenEnd === undefined || s.tokenEnd <= s.tokenStart) continue;
    // A short sentence (a title, a dateline) may be guessed as another language; trust the document.
    const ru =
      s.lang === 'ru' || (doc.lang === 'ru' && (s.lang === 'und' || s.lang === 'uk' || s.lang === 'be'));
    if (ru) out.push([s.tokenStart, s.tokenEnd]);
  }
  return out;
}

/** Hashes of the few distinct strings (parts of speech, cases) met over and over. */
const smallHashes = new Map<string, number>();
function hashSmall(x: string): number {
  let h = smallHashes.get(x);
  if (h === undefined) {
    h = hashString(x);
    if (smallHashes.size < 1000) smallHashes.set(x, h);
  }
  return h;
}

/**
 * Hashes every token of the given sentence ranges and marks KB name and title matches. Returns
 * one `TokInfo` per document token (undefined outside the ranges). `forms` (from `tokenForms`)
 * saves the form lookups when the caller has them already.
 *
 * @example const infos = tokenInfos(doc, nerSentenceRanges(doc), kb);
 */
export function tokenInfos(
  doc: Doc,
  ranges: ReadonlyArray<[number, number]>,
  kb?: Kb | null,
  forms?: readonly TokenForm[],
): (TokInfo | undefined)[] {
  const toks = doc.tokens;
  const infos: (TokInfo | undefined)[] = new Array(toks.length);
  let words = 0;
  for (const [a, b] of ranges) words += b - a;
  const docStats = lemmaStats.reset(words);
  const alternatives = forms
    ? undefined
    : (doc.annotations.get('morph') as MorphAnnotation | undefined)?.alternatives;
  for (const [a, b] of ranges) {
    let initial = true;
    let quote = 0;
    let qhead = 0;
    for (let i = a; i < b; i++) {
      const f = forms ? forms[i]! : formOf(toks[i]!, alternatives?.[i]);
      const nf = f.ner ?? nerForm(f);
      const info = infoOf(nf);
      const kind = f.kind;
      info.initial = initial && kind === 'word' ? 1 : 0;
      if (info.shape === SHAPE_QUOTE) {
        const text = f.text;
        if (text === '«' || text === '„') quote = 1;
        else if (text === '»') quote = 0;
        else if (text === '"') quote = toks[i]!.spaceAfter ? 0 : 1 - quote;
        if (quote) {
          const prev = i > a ? infos[i - 1] : undefined;
          qhead = prev && prev.shape === SHAPE_LOWER ? prev.lemma : 0;
        } else qhead = 0;
      } else {
        info.quote = quote;
        info.qhead = quote ? qhead : 0;
      }
      if (kind === 'word' || kind === 'number') initial = false;
      else if (kind === 'punct' && nf.endsSentence) initial = true;
      infos[i] = info;
      if (kind === 'word') {
        const fc = nf.firstCase;
        const bit = fc === 1 ? (info.initial ? 0 : 1) : fc === 2 ? 2 : 0;
        if (bit) docStats.or(info.lemma, bit);
      }
    }
  }
  for (const [a, b] of ranges) {
    for (let i = a; i < b; i++) {
      const info = infos[i]!;
      const sh = info.shape & ~SHAPE_LATIN;
      if (sh === SHAPE_TITLE || sh === SHAPE_UPPER) {
        info.doc = 4 | docStats.get(info.lemma);
        info.pre = info.nf!.pre5;
      }
    }
    if (kb) markKb(a, b, infos, kb);
  }
  return infos;
}

/** Bit masks by lemma hash for one document: an open-addressing table over typed arrays, no allocation. */
class HashBits {
  private keys = new Int32Array(1024);
  private vals = new Int32Array(1024);
  private mask = 1023;

  /** Empties the table, sized for up to `n` keys. */
  reset(n: number): this {
    let size = this.keys.length;
    while (size < n * 2) size <<= 1;
    if (size !== this.keys.length) {
      this.keys = new Int32Array(size);
      this.vals = new Int32Array(size);
    } else this.vals.fill(0);
    this.mask = size - 1;
    return this;
  }

  /** The bits of `key` (0 when absent). */
  get(key: number): number {
    let h = fmix(key) & this.mask;
    for (;;) {
      const v = this.vals[h]!;
      if (v === 0 || this.keys[h] === key) return v;
      h = (h + 1) & this.mask;
    }
  }

  /** Sets `bits` (not 0) on `key`. */
  or(key: number, bits: number): void {
    let h = fmix(key) & this.mask;
    for (;;) {
      const v = this.vals[h]!;
      if (v === 0) {
        this.keys[h] = key;
        this.vals[h] = bits;
        return;
      }
      if (this.keys[h] === key) {
        this.vals[h] = v | bits;
        return;
      }
      h = (h + 1) & this.mask;
    }
  }
}

const lemmaStats = new HashBits();

const SENTENCE_PUNCT = /^[.!?…:;]+$/;

/** The tagger's record of a form, built on first use. */
function nerForm(f: TokenForm): NerForm {
  if (f.ner) return f.ner;
  const lw = lowerYo(f.text);
  const w = hashString(lw);
  let alt = 0;
  if (f.alts) for (const r of f.alts) alt |= tagMask(r.features.tags);
  const word = f.kind === 'word';
  const c = f.text.charCodeAt(0);
  // Hashes are kept as signed 32-bit integers: V8 stores those unboxed, and the templates mix them
  // with 32-bit operations that read a signed and an unsigned value alike.
  const nf: NerForm = {
    w: w | 0,
    lemma: (f.lemma ? (f.lemma === lw ? w : hashString(f.lemma)) : w) | 0,
    s2: (word ? hashSuffix(lw, 2) : EMPTY) | 0,
    s3: (word ? hashSuffix(lw, 3) : EMPTY) | 0,
    s4: (word ? hashSuffix(lw, 4) : EMPTY) | 0,
    p3: (word ? hashPrefix(lw, 3) : EMPTY) | 0,
    shape: shapeOf(f.text),
    lshape: longShapeHash(f.text) | 0,
    pos: hashSmall(f.pos ?? f.kind) | 0,
    cas: (typeof f.cas === 'string' ? hashSmall(f.cas) : EMPTY) | 0,
    tags: tagMask(f.tags),
    alt,
    lex: word && f.lemma ? lexClassOf(f.lemma) : 0,
    form: f,
    pre5: hashPrefix(lw, 5) | 0,
    firstCase: Number.isNaN(c) ? 0 : caseOf(c),
    endsSentence: SENTENCE_PUNCT.test(f.text),
    kbWords: undefined,
    kbLists: null,
    kbFor: null,
    kbOne: null,
    kbOneNames: null,
    kbOneTitles: null,
    kbAny: 0,
    cacheOwner: null,
    cacheEpoch: 0,
    cacheAt: 0,
  };
  f.ner = nf;
  return nf;
}

function infoOf(nf: NerForm): TokInfo {
  return new Info(nf);
}

/** A word made of letters only (hyphens, apostrophes, dots and mixed scripts go through `tokenKeyWords`). */
const PLAIN_WORD = /^(?:[а-яё]+|[a-z]+|[0-9]+)$/;

/** The key words `markKb` matches for a form (null for tokens other than words, numbers, handles). */
function kbWordsOf(nf: NerForm): KeyWordSlot[] | null {
  if (nf.kbWords !== undefined) return nf.kbWords;
  const f = nf.form!;
  let slots: KeyWordSlot[] | null = null;
  if (f.kind === 'word' || f.kind === 'number' || f.kind === 'handle') {
    const lw = lowerYo(f.text);
    let words: string[][];
    if (PLAIN_WORD.test(lw)) {
      // The common case, without the normalisation pass: the word and its lemmas.
      const forms = [lw];
      // Lemmas are lower case with ё written as е already (see MorphReading).
      if (f.lemma && f.lemma !== lw && PLAIN_WORD.test(f.lemma)) forms.push(f.lemma);
      if (f.alts)
        for (const r of f.alts) if (!forms.includes(r.lemma) && PLAIN_WORD.test(r.lemma)) forms.push(r.lemma);
      words = [forms];
    } else {
      const lemmas: string[] = f.lemma ? [f.lemma] : [];
      if (f.alts) for (const r of f.alts) if (!lemmas.includes(r.lemma)) lemmas.push(r.lemma);
      words = tokenKeyWords(f.text, 'ru', () => lemmas);
    }
    slots = words.map((w) => (w.length === 1 ? w[0]! : w));
  }
  nf.kbWords = slots;
  return slots;
}

/** The KB name and title phrases each key word of a form may start (null for none), for `kb`. */
function kbListsOf(nf: NerForm, kb: Kb): void {
  const words = nf.kbWords !== undefined ? nf.kbWords : kbWordsOf(nf);
  nf.kbFor = kb;
  nf.kbOne = null;
  nf.kbLists = null;
  if (!words) return;
  const names: (Lists<string> | null)[] = [];
  const titles: (Lists<TitleEntry> | null)[] = [];
  let any = 0;
  for (const w of words) {
    const n = kb.prefixIndex.firstLists(w);
    const t = kb.titles.index.firstLists(w);
    names.push(n.length ? n : null);
    titles.push(t.length ? t : null);
    any |= (n.length ? 1 : 0) | (t.length ? 2 : 0);
  }
  nf.kbAny = any;
  if (words.length === 1) {
    // Most forms are one key word: kept without the arrays.
    nf.kbOne = words[0]!;
    nf.kbOneNames = names[0]!;
    nf.kbOneTitles = titles[0]!;
  } else nf.kbLists = { names, titles, any };
}

/** Scratch of `markKb`: the key words of a sentence, the token of each, and the phrases each may start. */
const kbSlots: KeyWordSlot[] = [];
const kbOwner: number[] = [];
const kbNames: (Lists<string> | null)[] = [];
const kbTitles: (Lists<TitleEntry> | null)[] = [];

/** Marks KB name matches and title phrases over one sentence, through the KB's key words. */
function markKb(a: number, b: number, infos: (TokInfo | undefined)[], kb: Kb): void {
  const slots = kbSlots;
  const owner = kbOwner;
  const names = kbNames;
  const titles = kbTitles;
  slots.length = 0;
  owner.length = 0;
  names.length = 0;
  titles.length = 0;
  let any = 0;
  for (let i = a; i < b; i++) {
    const nf = infos[i]!.nf!;
    if (nf.kbFor !== kb) kbListsOf(nf, kb);
    if (nf.kbOne !== null) {
      slots.push(nf.kbOne);
      owner.push(i);
      names.push(nf.kbOneNames);
      titles.push(nf.kbOneTitles);
      any |= nf.kbAny;
      continue;
    }
    const lists = nf.kbLists;
    if (!lists) continue;
    const words = nf.kbWords!;
    any |= lists.any;
    for (let q = 0; q < words.length; q++) {
      slots.push(words[q]!);
      owner.push(i);
      names.push(lists.names[q]!);
      titles.push(lists.titles[q]!);
    }
  }
  if (!any) return;
  if (any & 1) {
    for (let k = 0; k < slots.length;) {
      const l = names[k];
      const m = l ? kb.prefixIndex.longestFrom(l, slots, k) : null;
      if (!m) {
        k++;
        continue;
      }
      let types = 0;
      for (const id of m.values) types |= KB_TYPE_BITS[kb.get(id)?.type ?? ''] ?? 0;
      const first = owner[k]!;
      const last = owner[k + m.length - 1]!;
      const len = Math.min(3, last - first + 1);
      for (let i = first; i <= last; i++) {
        const info = infos[i]!;
        info.kb = (i === first ? 1 : 2) | (types << 2);
        info.kbLen = len;
      }
      k += m.length;
    }
  }
  if (any & 2) {
    for (let k = 0; k < slots.length;) {
      const l = titles[k];
      const m = l ? kb.titles.index.longestFrom(l, slots, k) : null;
      if (!m) {
        k++;
        continue;
      }
      const first = owner[k]!;
      const last = owner[k + m.length - 1]!;
      for (let i = first; i <= last; i++) infos[i]!.title = i === first ? 1 : 2;
      k += m.length;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Templates

// Template numbers: stable across training and runtime (changing them invalidates the model).
const T = {
  bias: 0,
  w: 1,
  lemma: 2,
  s2: 3,
  s3: 4,
  s4: 5,
  p3: 6,
  shape: 7,
  lshape: 8,
  pos: 9,
  posCase: 10,
  tag: 11,
  alt: 12,
  kbType: 13,
  kbShape: 14,
  kbLen: 15,
  title: 16,
  quoteShape: 17,
  initShape: 18,
  docShape: 19,
  // Neighbours: base + 16 * (0, 1, 2, 3 for -2, -1, +1, +2).
  nW: 32,
  nLemma: 33,
  nShape: 34,
  nPos: 35,
  nCase: 36,
  nTag: 37,
  nKb: 38,
  nTitle: 39,
  nS3: 40,
  // Conjunctions.
  shapePrevCur: 100,
  shapeCurNext: 101,
  wPrevCur: 102,
  wCurNext: 103,
  lemmaPrevShape: 104,
  shapeNextLemma: 105,
  shape3: 106,
  tagsCurPrev: 107,
  tagsCurNext: 108,
  lemmaShape: 109,
  wPrev2Prev: 110,
  quoteLemma: 111,
  kbPrevCur: 112,
  lex: 114,
  nLex: 115,
  quoteHead: 113,
  // Second pass (stacking on the first pass's tags).
  p1: 120,
  p1Prev: 121,
  p1Next: 122,
  p1Prev2: 123,
  p1Next2: 124,
  p1Doc: 125,
  p1Pre: 126,
  p1DocOwn: 127,
  p1PreOwn: 128,
  p1DocShape: 129,
} as const;

/**
 * How many features after the bias, at the start of each token's list, name the token itself
 * (word, lemma and their combinations); the trainer hides them at random so that the model also
 * learns from the context and the morphology of the names it has seen.
 */
export const LEXICAL_FEATURES = 5;

/**
 * The features of token `j` of a sentence whose infos are `s` (sentence-relative), written into
 * `out` from `at`; returns the new end.
 *
 * @example const buf = new Uint32Array(256); const end = tokenFeatures(infos, 3, buf, 0);
 */
export function tokenFeatures(s: readonly TokInfo[], j: number, out: Uint32Array, at: number): number {
  const c = s[j]!;
  const last = s.length - 1;
  const p1 = j >= 1 ? s[j - 1]! : BOS;
  const p2 = j >= 2 ? s[j - 2]! : BOS;
  const n1 = j < last ? s[j + 1]! : EOS;
  const n2 = j + 1 < last ? s[j + 2]! : EOS;
  let k = at;
  out[k++] = f1(T.bias, 0);
  // The token's own identity first (LEXICAL_FEATURES of them), so that training can hide them.
  out[k++] = f1(T.w, c.w);
  out[k++] = f1(T.lemma, c.lemma);
  out[k++] = f2(T.lemmaShape, c.lemma, c.shape);
  out[k++] = f2(T.wPrevCur, p1.w, c.w);
  out[k++] = f2(T.wCurNext, c.w, n1.w);
  out[k++] = f1(T.s2, c.s2);
  out[k++] = f1(T.s3, c.s3);
  out[k++] = f1(T.s4, c.s4);
  out[k++] = f1(T.p3, c.p3);
  out[k++] = f1(T.shape, c.shape);
  out[k++] = f1(T.lshape, c.lshape);
  out[k++] = f1(T.pos, c.pos);
  out[k++] = f2(T.posCase, c.pos, c.cas);
  if (c.tags | c.alt) {
    for (let bit = 1; bit <= 128; bit <<= 1) {
      if (c.tags & bit) out[k++] = f2(T.tag, bit, c.shape);
      if (c.alt & bit) out[k++] = f1(T.alt, bit);
    }
  }
  if (c.lex) out[k++] = f2(T.lex, c.lex, c.shape);
  if (p2.lex) out[k++] = f1(T.nLex, p2.lex);
  if (n2.lex) out[k++] = f1(T.nLex + 48, n2.lex);
  if (p1.lex) out[k++] = f1(T.nLex + 16, p1.lex);
  if (n1.lex) out[k++] = f1(T.nLex + 32, n1.lex);
  if (c.kb) {
    out[k++] = f1(T.kbType, c.kb);
    out[k++] = f2(T.kbShape, c.kb & 3, c.shape);
    out[k++] = f2(T.kbLen, c.kbLen, c.kb);
  }
  if (c.title) out[k++] = f1(T.title, c.title);
  out[k++] = f2(T.quoteShape, c.quote, c.shape);
  out[k++] = f2(T.initShape, c.initial, c.shape);
  if (c.doc) out[k++] = f2(T.docShape, c.doc, c.shape);
  // Neighbours at -2 and +2: word, shape, part of speech.
  out[k++] = f1(T.nW, p2.w);
  out[k++] = f1(T.nShape, p2.shape);
  out[k++] = f1(T.nPos, p2.pos);
  out[k++] = f1(T.nW + 48, n2.w);
  out[k++] = f1(T.nShape + 48, n2.shape);
  out[k++] = f1(T.nPos + 48, n2.pos);
  // Neighbours at -1 and +1: more of them.
  k = near(p1, 16, out, k);
  k = near(n1, 32, out, k);
  out[k++] = f2(T.shapePrevCur, p1.shape, c.shape);
  out[k++] = f2(T.shapeCurNext, c.shape, n1.shape);
  out[k++] = f2(T.shape3, p1.shape * 64 + c.shape, n1.shape);
  out[k++] = f2(T.wPrev2Prev, p2.w, p1.w);
  out[k++] = f2(T.lemmaPrevShape, p1.lemma, c.shape);
  out[k++] = f2(T.shapeNextLemma, c.shape, n1.lemma);
  out[k++] = f2(T.tagsCurPrev, c.tags, p1.tags);
  out[k++] = f2(T.tagsCurNext, c.tags, n1.tags);
  if (c.quote) out[k++] = f2(T.quoteLemma, c.lemma, p1.shape);
  if (c.kb || p1.kb) out[k++] = f2(T.kbPrevCur, p1.kb, c.kb);
  if (c.qhead) out[k++] = f2(T.quoteHead, c.qhead, c.shape === p1.shape ? 1 : 0);
  return k;
}

/**
 * The features of `tokenFeatures` that read one token's form alone, in `FORM_GROUPS` groups: the
 * token's own (group 0), and those it gives the token two before it (1), two after it (2), one
 * before it (3) and one after it (4) as their neighbour. `ends[g]` receives the end of group g.
 * With `contextFeatures` of every token they make exactly the features of `tokenFeatures`, so
 * a model may sum each form's groups once and reuse the sums (`NerModel` does).
 *
 * @example const ends = new Int32Array(FORM_GROUPS); formFeatureGroups(info, buf, ends);
 */
export function formFeatureGroups(x: TokInfo, out: Uint32Array, ends: Int32Array): void {
  let k = 0;
  out[k++] = f1(T.bias, 0);
  out[k++] = f1(T.w, x.w);
  out[k++] = f1(T.lemma, x.lemma);
  out[k++] = f2(T.lemmaShape, x.lemma, x.shape);
  out[k++] = f1(T.s2, x.s2);
  out[k++] = f1(T.s3, x.s3);
  out[k++] = f1(T.s4, x.s4);
  out[k++] = f1(T.p3, x.p3);
  out[k++] = f1(T.shape, x.shape);
  out[k++] = f1(T.lshape, x.lshape);
  out[k++] = f1(T.pos, x.pos);
  out[k++] = f2(T.posCase, x.pos, x.cas);
  if (x.tags | x.alt) {
    for (let bit = 1; bit <= 128; bit <<= 1) {
      if (x.tags & bit) out[k++] = f2(T.tag, bit, x.shape);
      if (x.alt & bit) out[k++] = f1(T.alt, bit);
    }
  }
  if (x.lex) out[k++] = f2(T.lex, x.lex, x.shape);
  ends[0] = k;
  out[k++] = f1(T.nW, x.w);
  out[k++] = f1(T.nShape, x.shape);
  out[k++] = f1(T.nPos, x.pos);
  if (x.lex) out[k++] = f1(T.nLex, x.lex);
  ends[1] = k;
  out[k++] = f1(T.nW + 48, x.w);
  out[k++] = f1(T.nShape + 48, x.shape);
  out[k++] = f1(T.nPos + 48, x.pos);
  if (x.lex) out[k++] = f1(T.nLex + 48, x.lex);
  ends[2] = k;
  k = nearStatic(x, 16, out, k);
  if (x.lex) out[k++] = f1(T.nLex + 16, x.lex);
  ends[3] = k;
  k = nearStatic(x, 32, out, k);
  if (x.lex) out[k++] = f1(T.nLex + 32, x.lex);
  ends[4] = k;
}

/** Number of groups of `formFeatureGroups`. */
export const FORM_GROUPS = 5;

/**
 * The features of token `j` that `formFeatureGroups` leaves out: those that read the token's
 * place in the sentence (KB matches, titles, quotes, document hints) or two tokens at once. They
 * are `stateFeatures`, `shapeFeatures`, `tagFeatures`, `lemmaPrevShapeFeature`,
 * `shapeNextLemmaFeature` and `pairFeatures`; a model may cache the first five by their small
 * keys.
 *
 * @example const end = contextFeatures(infos, 3, buf, 0);
 */
export function contextFeatures(s: readonly TokInfo[], j: number, out: Uint32Array, at: number): number {
  const c = s[j]!;
  const last = s.length - 1;
  const p1 = j >= 1 ? s[j - 1]! : BOS;
  const n1 = j < last ? s[j + 1]! : EOS;
  let k = stateFeatures(c.quote, c.initial, c.doc, c.shape, out, at);
  k = shapeFeatures(p1.shape, c.shape, n1.shape, out, k);
  k = tagFeatures(p1.tags, c.tags, n1.tags, out, k);
  out[k++] = lemmaPrevShapeFeature(p1.lemma, c.shape);
  out[k++] = shapeNextLemmaFeature(c.shape, n1.lemma);
  return pairFeatures(s, j, out, k);
}

/** Features of a token's quote, sentence-initial and document states with its shape. */
export function stateFeatures(
  quote: number,
  initial: number,
  doc: number,
  shape: number,
  out: Uint32Array,
  at: number,
): number {
  let k = at;
  out[k++] = f2(T.quoteShape, quote, shape);
  out[k++] = f2(T.initShape, initial, shape);
  if (doc) out[k++] = f2(T.docShape, doc, shape);
  return k;
}

/** Features of the shapes of a token and its neighbours. */
export function shapeFeatures(prev: number, cur: number, next: number, out: Uint32Array, at: number): number {
  let k = at;
  out[k++] = f2(T.shapePrevCur, prev, cur);
  out[k++] = f2(T.shapeCurNext, cur, next);
  out[k++] = f2(T.shape3, prev * 64 + cur, next);
  return k;
}

/** Features of the name tags of a token and its neighbours. */
export function tagFeatures(prev: number, cur: number, next: number, out: Uint32Array, at: number): number {
  let k = at;
  out[k++] = f2(T.tagsCurPrev, cur, prev);
  out[k++] = f2(T.tagsCurNext, cur, next);
  return k;
}

/** The feature of the previous token's lemma with the token's shape. */
export function lemmaPrevShapeFeature(prevLemma: number, shape: number): number {
  return f2(T.lemmaPrevShape, prevLemma, shape);
}

/** The feature of the token's shape with the next token's lemma. */
export function shapeNextLemmaFeature(shape: number, nextLemma: number): number {
  return f2(T.shapeNextLemma, shape, nextLemma);
}

/** The rest of `contextFeatures`: word pairs, KB matches and titles, quoted lemmas. */
export function pairFeatures(s: readonly TokInfo[], j: number, out: Uint32Array, at: number): number {
  const c = s[j]!;
  const last = s.length - 1;
  const p1 = j >= 1 ? s[j - 1]! : BOS;
  const p2 = j >= 2 ? s[j - 2]! : BOS;
  const n1 = j < last ? s[j + 1]! : EOS;
  let k = at;
  out[k++] = f2(T.wPrevCur, p1.w, c.w);
  out[k++] = f2(T.wCurNext, c.w, n1.w);
  out[k++] = f2(T.wPrev2Prev, p2.w, p1.w);
  if (c.kb) {
    out[k++] = f1(T.kbType, c.kb);
    out[k++] = f2(T.kbShape, c.kb & 3, c.shape);
    out[k++] = f2(T.kbLen, c.kbLen, c.kb);
  }
  if (c.title) out[k++] = f1(T.title, c.title);
  if (p1.kb) out[k++] = f1(T.nKb + 16, p1.kb);
  if (p1.title) out[k++] = f1(T.nTitle + 16, p1.title);
  if (n1.kb) out[k++] = f1(T.nKb + 32, n1.kb);
  if (n1.title) out[k++] = f1(T.nTitle + 32, n1.title);
  if (c.quote) out[k++] = f2(T.quoteLemma, c.lemma, p1.shape);
  if (c.kb || p1.kb) out[k++] = f2(T.kbPrevCur, p1.kb, c.kb);
  if (c.qhead) out[k++] = f2(T.quoteHead, c.qhead, c.shape === p1.shape ? 1 : 0);
  return k;
}

/** The padding tokens left and right of a sentence (they have no form). */
export const PADDING: { readonly bos: TokInfo; readonly eos: TokInfo } = { bos: BOS, eos: EOS };

/** The type part of a first-pass tag code (0 O, 1 PER, 2 LOC, 3 ORG). */
function p1Type(code: number): number {
  return code === 0 ? 0 : 1 + ((code - 1) >> 2);
}

/**
 * Second-pass features of token `j`: the first pass's tags around it and across the document.
 *
 * @example const end = stackFeatures(infos, 3, buf, 0);
 */
export function stackFeatures(s: readonly TokInfo[], j: number, out: Uint32Array, at: number): number {
  const c = s[j]!;
  const last = s.length - 1;
  const p1 = j >= 1 ? s[j - 1]!.p1 : 15;
  const p2 = j >= 2 ? s[j - 2]!.p1 : 15;
  const n1 = j < last ? s[j + 1]!.p1 : 15;
  const n2 = j + 1 < last ? s[j + 2]!.p1 : 15;
  let k = at;
  out[k++] = f1(T.p1, c.p1);
  out[k++] = f2(T.p1Prev, p1, c.p1);
  out[k++] = f2(T.p1Next, c.p1, n1);
  out[k++] = f2(T.p1Prev2, p1Type(p2), p1Type(p1));
  out[k++] = f2(T.p1Next2, p1Type(n1), p1Type(n2));
  if (c.p1doc) {
    out[k++] = f1(T.p1Doc, c.p1doc);
    out[k++] = f2(T.p1DocOwn, c.p1doc, c.p1);
    out[k++] = f2(T.p1DocShape, c.p1doc, c.shape);
  }
  if (c.p1pre) {
    out[k++] = f1(T.p1Pre, c.p1pre);
    out[k++] = f2(T.p1PreOwn, c.p1pre, c.p1);
  }
  return k;
}

/**
 * Records the first pass's tags on the tokens for the second pass: each token's own tag, and the
 * types given to other occurrences of its lemma (and of its first five letters) in the document.
 * `tags[r]` holds the first pass's tag indices for sentence range `ranges[r]`.
 *
 * @example applyFirstPass(ts, infos, ranges, tagsPerSentence)
 */
export function applyFirstPass(
  ts: TagSet,
  infos: readonly (TokInfo | undefined)[],
  ranges: ReadonlyArray<[number, number]>,
  tags: ReadonlyArray<ArrayLike<number>>,
): void {
  // Per tag index: 0 for O, else 1 + type * 4 + position (B, I, L, U), whatever the scheme.
  const code = ts.tags.map((t) => {
    if (t === 'O') return 0;
    return 1 + NER_TYPES.indexOf(t.slice(2) as NerType) * 4 + 'BILU'.indexOf(t[0]!);
  });
  const byLemma = new Map<number, number[]>();
  const byPre = new Map<number, number[]>();
  const bump = (m: Map<number, number[]>, key: number, slot: number, d: number): void => {
    let a = m.get(key);
    if (!a) m.set(key, (a = [0, 0, 0, 0, 0, 0]));
    a[slot]! += d;
  };
  // Slots 0–2: tokens of each type; 3–5: tokens of each type inside a multi-word span.
  const multi = (c: number, next: number): boolean => {
    if (c === 0) return false;
    const pos = (c - 1) & 3;
    if (pos === 1 || pos === 2) return true;
    return next !== 0 && (next - 1) >> 2 === (c - 1) >> 2 && ((next - 1) & 3) >= 1 && ((next - 1) & 3) <= 2;
  };
  const own = new Map<TokInfo, [number, number]>();
  ranges.forEach(([a, b], r) => {
    const t = tags[r]!;
    for (let i = a; i < b; i++) infos[i]!.p1 = code[t[i - a]!]!;
    for (let i = a; i < b; i++) {
      const info = infos[i]!;
      if (!info.pre || info.p1 === 0) continue;
      const type = (info.p1 - 1) >> 2;
      const slots: [number, number] = [
        type,
        multi(info.p1, i + 1 < b ? infos[i + 1]!.p1 : 0) ? 3 + type : -1,
      ];
      own.set(info, slots);
      bump(byLemma, info.lemma, slots[0], 1);
      bump(byPre, info.pre, slots[0], 1);
      if (slots[1] >= 0) {
        bump(byLemma, info.lemma, slots[1], 1);
        bump(byPre, info.pre, slots[1], 1);
      }
    }
  });
  const NONE: [number, number] = [-1, -1];
  const mask = (counts: number[] | undefined, o: [number, number]): number => {
    if (!counts) return 0;
    let m = 0;
    for (let k = 0; k < 6; k++) {
      const n = counts[k]! - (o[0] === k || o[1] === k ? 1 : 0);
      if (n > 0) m |= 1 << k;
    }
    return m;
  };
  for (const [a, b] of ranges) {
    for (let i = a; i < b; i++) {
      const info = infos[i]!;
      if (!info.pre) {
        info.p1doc = 0;
        info.p1pre = 0;
        continue;
      }
      const o = own.get(info) ?? NONE;
      info.p1doc = mask(byLemma.get(info.lemma), o);
      info.p1pre = mask(byPre.get(info.pre), o);
    }
  }
}

/** The part of `near` that reads the neighbour's form alone. */
function nearStatic(x: TokInfo, base: number, out: Uint32Array, at: number): number {
  let k = at;
  out[k++] = f1(T.nW + base, x.w);
  out[k++] = f1(T.nShape + base, x.shape);
  out[k++] = f1(T.nPos + base, x.pos);
  out[k++] = f1(T.nLemma + base, x.lemma);
  out[k++] = f1(T.nCase + base, x.cas);
  out[k++] = f1(T.nS3 + base, x.s3);
  if (x.tags) out[k++] = f1(T.nTag + base, x.tags);
  return k;
}

function near(x: TokInfo, base: number, out: Uint32Array, at: number): number {
  let k = at;
  out[k++] = f1(T.nW + base, x.w);
  out[k++] = f1(T.nShape + base, x.shape);
  out[k++] = f1(T.nPos + base, x.pos);
  out[k++] = f1(T.nLemma + base, x.lemma);
  out[k++] = f1(T.nCase + base, x.cas);
  out[k++] = f1(T.nS3 + base, x.s3);
  if (x.tags) out[k++] = f1(T.nTag + base, x.tags);
  if (x.kb) out[k++] = f1(T.nKb + base, x.kb);
  if (x.title) out[k++] = f1(T.nTitle + base, x.title);
  return k;
}

/** More than any token can produce, so that a token's features always fit. */
export const MAX_TOKEN_FEATURES = 96;

let scratch = new Uint32Array(4096);

/**
 * The features of every token of one sentence, flattened: token `j` owns
 * `feats[offsets[j] .. offsets[j + 1])`; `stacked` adds the second pass's features (after
 * `applyFirstPass`). `feats` is a view of a shared buffer, valid until the
 * next call.
 *
 * @example const { feats, offsets } = sentenceFeatures(infos.slice(a, b) as TokInfo[]);
 */
export function sentenceFeatures(
  s: readonly TokInfo[],
  stacked = false,
): { feats: Uint32Array; offsets: Int32Array } {
  const need = s.length * MAX_TOKEN_FEATURES;
  if (scratch.length < need) scratch = new Uint32Array(Math.max(need, scratch.length * 2));
  const offsets = new Int32Array(s.length + 1);
  let k = 0;
  for (let j = 0; j < s.length; j++) {
    offsets[j] = k;
    k = tokenFeatures(s, j, scratch, k);
    if (stacked) k = stackFeatures(s, j, scratch, k);
  }
  offsets[s.length] = k;
  return { feats: scratch.subarray(0, k), offsets };
}
