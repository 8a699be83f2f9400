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
 * lexicon, quotes, and a few document-wide hints (the same lemma capitalised or lower-cased
 * elsewhere in the document).
 */
import type { Doc, Token } from '../doc.js';
import type { Kb } from '../kb/kb.js';
import { tokenKeyWords, type KeyWordSlot } from '../kb/keys.js';
import type { MorphReading } from '../lang/ru/morph.js';
import type { MorphAnnotation } from '../stages/morph.js';

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

/**
 * Best tag sequence under emission scores `em[i * n + t]` and transition scores
 * `trans[(prev + 1) * n + cur]` (row 0 is the sentence start), restricted to legal transitions.
 *
 * @example viterbi(ts, em, trans, tokenCount)
 */
export function viterbi(ts: TagSet, em: Float64Array, trans: ArrayLike<number>, len: number): Int32Array {
  const n = ts.tags.length;
  const out = new Int32Array(len);
  if (len === 0) return out;
  const score = new Float64Array(len * n);
  const back = new Int32Array(len * n);
  const { allowed, prevs, prevStart } = ts;
  for (let t = 0; t < n; t++) score[t] = allowed[t] ? em[t]! + trans[t]! : -Infinity;
  for (let i = 1; i < len; i++) {
    const row = (i - 1) * n;
    for (let t = 0; t < n; t++) {
      let best = -Infinity;
      let arg = 0;
      for (let k = prevStart[t]!; k < prevStart[t + 1]!; k++) {
        const p = prevs[k]!;
        const s = score[row + p]! + trans[(p + 1) * n + t]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[i * n + t] = best + em[i * n + t]!;
      back[i * n + t] = arg;
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

/** What the templates need to know about one token, hashed once. */
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
  /** 1 inside «…» or "…". */
  quote: number;
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

function isLowerCode(c: number): boolean {
  return caseOf(c) === 2;
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

/** The padding token left of a sentence (index -1, -2) and right of it. */
const BOS: TokInfo = padding('<s>');
const EOS: TokInfo = padding('</s>');

function padding(name: string): TokInfo {
  const h = hashString(name);
  return {
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
    kb: 0,
    kbLen: 0,
    title: 0,
    quote: 0,
    initial: 0,
    doc: 0,
    p1: 0,
    p1doc: 0,
    p1pre: 0,
    pre: 0,
  };
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
 * one `TokInfo` per document token (undefined outside the ranges).
 *
 * @example const infos = tokenInfos(doc, nerSentenceRanges(doc), kb);
 */
export function tokenInfos(
  doc: Doc,
  ranges: ReadonlyArray<[number, number]>,
  kb?: Kb | null,
): (TokInfo | undefined)[] {
  const toks = doc.tokens;
  const infos: (TokInfo | undefined)[] = new Array(toks.length);
  const docStats = new Map<number, number>();
  const alternatives = (doc.annotations.get('morph') as MorphAnnotation | undefined)?.alternatives;
  const lower: string[] = new Array(toks.length);
  for (const [a, b] of ranges) {
    let initial = true;
    let quote = 0;
    for (let i = a; i < b; i++) {
      const t = toks[i]!;
      const lw = lowerYo(t.text);
      lower[i] = lw;
      const info = baseInfo(t, lw, alternatives?.[i]);
      info.initial = initial && t.kind === 'word' ? 1 : 0;
      if (info.shape === SHAPE_QUOTE) {
        if (t.text === '«' || t.text === '„') quote = 1;
        else if (t.text === '»') quote = 0;
        else if (t.text === '"') quote = t.spaceAfter ? 0 : 1 - quote;
      } else info.quote = quote;
      if (t.kind === 'word' || t.kind === 'number') initial = false;
      else if (t.kind === 'punct' && SENTENCE_PUNCT.test(t.text)) initial = true;
      infos[i] = info;
      if (t.kind === 'word') {
        const first = t.text.charCodeAt(0);
        const bit = isUpperCode(first) ? (info.initial ? 0 : 1) : isLowerCode(first) ? 2 : 0;
        if (bit) docStats.set(info.lemma, (docStats.get(info.lemma) ?? 0) | bit);
      }
    }
  }
  for (const [a, b] of ranges) {
    for (let i = a; i < b; i++) {
      const info = infos[i]!;
      const sh = info.shape & ~SHAPE_LATIN;
      if (sh === SHAPE_TITLE || sh === SHAPE_UPPER) {
        info.doc = 4 | (docStats.get(info.lemma) ?? 0);
        info.pre = hashPrefix(lower[i]!, 5);
      }
    }
    if (kb) markKb(doc, a, b, infos, kb, alternatives, lower);
  }
  return infos;
}

const SENTENCE_PUNCT = /^[.!?…:;]+$/;

function baseInfo(t: Token, lw: string, alts: readonly MorphReading[] | undefined): TokInfo {
  const w = hashString(lw);
  const f = t.features;
  let alt = 0;
  if (alts) for (const r of alts) alt |= tagMask(r.features.tags);
  const word = t.kind === 'word';
  return {
    w,
    lemma: t.lemma ? (t.lemma === lw ? w : hashString(t.lemma)) : w,
    s2: word ? hashSuffix(lw, 2) : EMPTY,
    s3: word ? hashSuffix(lw, 3) : EMPTY,
    s4: word ? hashSuffix(lw, 4) : EMPTY,
    p3: word ? hashPrefix(lw, 3) : EMPTY,
    shape: shapeOf(t.text),
    lshape: longShapeHash(t.text),
    pos: hashSmall(t.pos ?? t.kind),
    cas: typeof f?.case === 'string' ? hashSmall(f.case) : EMPTY,
    tags: tagMask(f?.tags),
    alt,
    kb: 0,
    kbLen: 0,
    title: 0,
    quote: 0,
    initial: 0,
    doc: 0,
    p1: 0,
    p1doc: 0,
    p1pre: 0,
    pre: 0,
  };
}

/** A word made of letters only (hyphens, apostrophes, dots and mixed scripts go through `tokenKeyWords`). */
const PLAIN_WORD = /^(?:[а-яё]+|[a-z]+|[0-9]+)$/;

/** Marks KB name matches and title phrases over one sentence, through the KB's key words. */
function markKb(
  doc: Doc,
  a: number,
  b: number,
  infos: (TokInfo | undefined)[],
  kb: Kb,
  alternatives: (readonly MorphReading[] | undefined)[] | undefined,
  lower: readonly string[],
): void {
  const toks = doc.tokens;
  const slots: KeyWordSlot[] = [];
  const owner: number[] = [];
  let any = false;
  const names = kb.prefixIndex.byFirst;
  const titles = kb.titles.index.byFirst;
  for (let i = a; i < b; i++) {
    const t = toks[i]!;
    if (t.kind !== 'word' && t.kind !== 'number' && t.kind !== 'handle') continue;
    const alts = alternatives?.[i];
    const lw = lower[i]!;
    let words: string[][];
    if (PLAIN_WORD.test(lw)) {
      // The common case, without the normalisation pass: the word and its lemmas.
      const forms = [lw];
      // Lemmas are lower case with ё written as е already (see MorphReading).
      if (t.lemma && t.lemma !== lw && PLAIN_WORD.test(t.lemma)) forms.push(t.lemma);
      if (alts)
        for (const r of alts) if (!forms.includes(r.lemma) && PLAIN_WORD.test(r.lemma)) forms.push(r.lemma);
      words = [forms];
    } else {
      const lemmas: string[] = t.lemma ? [t.lemma] : [];
      if (alts) for (const r of alts) if (!lemmas.includes(r.lemma)) lemmas.push(r.lemma);
      words = tokenKeyWords(t.text, 'ru', () => lemmas);
    }
    for (const w of words) {
      if (!any) for (const x of w) if (names.has(x) || titles.has(x)) any = true;
      slots.push(w.length === 1 ? w[0]! : w);
      owner.push(i);
    }
  }
  if (!any) return;
  scanIndex(
    slots,
    (k) => (startsAny(names, slots[k]!) ? kb.longestAt(slots, k) : null),
    (k, m) => {
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
    },
  );
  scanIndex(
    slots,
    (k) => (startsAny(titles, slots[k]!) ? kb.titles.index.longestAt(slots, k) : null),
    (k, m) => {
      const first = owner[k]!;
      const last = owner[k + m.length - 1]!;
      for (let i = first; i <= last; i++) infos[i]!.title = i === first ? 1 : 2;
    },
  );
}

function startsAny(index: ReadonlyMap<string, unknown>, slot: KeyWordSlot): boolean {
  if (typeof slot === 'string') return index.has(slot);
  for (const x of slot) if (index.has(x)) return true;
  return false;
}

/** Left-to-right longest matches: `find(k)` gives the match at key word k, `mark` records it. */
function scanIndex<M extends { length: number }>(
  slots: readonly KeyWordSlot[],
  find: (k: number) => M | null,
  mark: (k: number, m: M) => void,
): void {
  for (let k = 0; k < slots.length;) {
    const m = find(k);
    if (!m) {
      k++;
      continue;
    }
    mark(k, m);
    k += m.length;
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
  return k;
}

/** The type part of a first-pass tag code (0 O, 1 PER, 2 LOC, 3 ORG). */
function p1Type(code: number): number {
  return code === 0 ? 0 : 1 + ((code - 1) >> 2);
}

/** Second-pass features of token `j`: the first pass's tags around it and across the document. */
function stackFeatures(s: readonly TokInfo[], j: number, out: Uint32Array, at: number): number {
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
