/**
 * Tokenizer and sentence splitter for news text. It is language-independent: the words it needs
 * (abbreviations, sentence openers) come from `src/lang/<iso>/abbreviations.ts`.
 *
 * One left-to-right pass classifies characters through a lookup table and emits tokens; a second
 * pass over the tokens places sentence boundaries. Every look-ahead is bounded, so the work is
 * linear in the length of the text whatever its shape (one 50 MB line, a 5,000-word sentence).
 */
import type { Sentence, Token, TokenKind } from '../doc.js';
import { EN_ABBREVIATIONS, EN_SENTENCE_OPENERS } from './en/abbreviations.js';
import { RU_ABBREVIATIONS, RU_SENTENCE_OPENERS } from './ru/abbreviations.js';

/**
 * How an abbreviation behaves at a possible sentence end:
 * - `inner`: never ends a sentence (titles, "т.е.", "e.g.": something always follows);
 * - `final`: ends one when the next word is capitalised ("и т.д. Затем", "2025 г. Президент");
 * - `ambiguous`: ends one only when the next word is a typical sentence opener ("U.S. The", not "U.S. President").
 */
export type AbbreviationKind = 'inner' | 'final' | 'ambiguous';

/** A group of abbreviations sharing one behaviour, as written in `src/lang/<iso>/abbreviations.ts`. */
export interface AbbreviationSpec {
  /** Written forms with their final dot: "т.е.", "Mr.", "U.S.". Matched case-insensitively unless `caseSensitive`. */
  forms: readonly string[];
  kind: AbbreviationKind;
  /** Kind when the preceding token is a number or a Roman numeral ("2025 г." vs "г. Астана"). */
  afterNumber?: AbbreviationKind;
  /** Kind when the preceding word (lower case) is one of these ("и пр." vs "пр. Абая"). */
  afterWords?: { words: readonly string[]; kind: AbbreviationKind };
  /** Only an abbreviation when a number follows ("No. 5"); otherwise the dot is punctuation. */
  beforeNumber?: boolean;
  caseSensitive?: boolean;
}

/** Tokens and sentences of a text; `tokens[i].sentence` indexes `sentences`. */
export interface Segmentation {
  tokens: Token[];
  sentences: Sentence[];
}

// ---------------------------------------------------------------------------------------------
// Language data, compiled once.

const K_INNER = 1;
const K_FINAL = 2;
const K_AMBIG = 3;

interface AbbrevInfo {
  kind: number;
  afterNumber: number;
  afterWords: ReadonlySet<string> | null;
  afterWordsKind: number;
  beforeNumber: boolean;
  /** The exact form (without the final dot) when matching is case-sensitive. */
  exact: string | null;
}

const KIND_CODE: Record<AbbreviationKind, number> = { inner: K_INNER, final: K_FINAL, ambiguous: K_AMBIG };

function compileAbbreviations(specs: readonly AbbreviationSpec[], into: Map<string, AbbrevInfo>): void {
  for (const spec of specs) {
    for (const form of spec.forms) {
      const bare = form.endsWith('.') ? form.slice(0, -1) : form;
      into.set(bare.toLowerCase(), {
        kind: KIND_CODE[spec.kind],
        afterNumber: spec.afterNumber ? KIND_CODE[spec.afterNumber] : 0,
        afterWords: spec.afterWords ? new Set(spec.afterWords.words) : null,
        afterWordsKind: spec.afterWords ? KIND_CODE[spec.afterWords.kind] : 0,
        beforeNumber: spec.beforeNumber ?? false,
        exact: spec.caseSensitive ? bare : null,
      });
    }
  }
}

const ABBREVIATIONS = new Map<string, AbbrevInfo>();
compileAbbreviations(RU_ABBREVIATIONS, ABBREVIATIONS);
compileAbbreviations(EN_ABBREVIATIONS, ABBREVIATIONS);
/** Longest abbreviation key; longer words skip the lookup. */
let MAX_ABBREVIATION = 0;
for (const key of ABBREVIATIONS.keys()) MAX_ABBREVIATION = Math.max(MAX_ABBREVIATION, key.length);

const SENTENCE_OPENERS = new Set<string>([...RU_SENTENCE_OPENERS, ...EN_SENTENCE_OPENERS]);

/** Top-level domains that turn "axios.com" or "t.me" into a URL token (lower case only, as written in links). */
const TLDS = new Set<string>(
  (
    'com org net edu gov mil int info biz name pro io co me ly tv fm to ai app dev news online site ' +
    'ru kz рф қаз by ua uz kg tj tm am az ge md su us uk de fr it es pt nl be ch at se no fi dk pl cz sk ' +
    'hu ro bg rs hr si gr tr il ae sa qa ir iq cn jp kr in pk eu ca au nz br ar mx za eg'
  ).split(' '),
);

// ---------------------------------------------------------------------------------------------
// Character classes: a 64 K table filled lazily from Unicode properties.

const C_SPACE = 1;
const C_NL = 2;
const C_UPPER = 3;
const C_LOWER = 4;
const C_LETTER = 5; // letters without case (CJK, Arabic, …)
const C_MARK = 6; // combining marks and joiners: part of the word they sit in
const C_DIGIT = 7;
const C_PUNCT = 8;
const C_SYMBOL = 9;
const C_EMOJI = 10;
const C_HIGH = 11; // high surrogate
const C_LOW = 12; // stray low surrogate

const CLASS = new Uint8Array(0x10000);

const RE_SPACE = /^[\s\p{Cc}\p{Cf}\p{Zs}]$/u;
const RE_UPPER = /^[\p{Lu}\p{Lt}]$/u;
const RE_LOWER = /^\p{Ll}$/u;
const RE_LETTER = /^\p{L}$/u;
const RE_MARK = /^\p{M}$/u;
const RE_NUMBER = /^\p{N}$/u;
const RE_PICTO = /^\p{Extended_Pictographic}$/u;
const RE_PUNCT = /^\p{P}$/u;

function fillClass(c: number): number {
  let k: number;
  if (c >= 0xd800 && c <= 0xdbff) k = C_HIGH;
  else if (c >= 0xdc00 && c <= 0xdfff) k = C_LOW;
  else if (c === 0x0a || c === 0x0b || c === 0x0c || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029)
    k = C_NL;
  else if (c === 0x200c || c === 0x200d || c === 0xad) k = C_MARK;
  else {
    const s = String.fromCharCode(c);
    if (RE_SPACE.test(s)) k = C_SPACE;
    else if (RE_UPPER.test(s)) k = C_UPPER;
    else if (RE_LOWER.test(s)) k = C_LOWER;
    else if (RE_LETTER.test(s)) k = C_LETTER;
    else if (RE_MARK.test(s)) k = C_MARK;
    else if (RE_NUMBER.test(s)) k = C_DIGIT;
    // Below U+2300 pictographic characters (©, ™, ↔) are ordinary symbols unless VS16 follows.
    else if (c >= 0x2300 && RE_PICTO.test(s)) k = C_EMOJI;
    else if (RE_PUNCT.test(s)) k = C_PUNCT;
    else k = C_SYMBOL;
  }
  CLASS[c] = k;
  return k;
}

function cls(c: number): number {
  const k = CLASS[c]!;
  return k !== 0 ? k : fillClass(c);
}

// Pre-fill the ranges every news text uses so the hot loop rarely takes the slow path.
for (let c = 0; c < 0x0530; c++) fillClass(c);
for (let c = 0x2000; c < 0x2070; c++) fillClass(c);

const ASTRAL_CLASS = new Map<number, number>();

/** Class of an astral code point (letters of historic scripts, math letters, emoji, …). */
function astralClass(cp: number): number {
  if (cp >= 0x1f000 && cp <= 0x1faff) return C_EMOJI;
  let k = ASTRAL_CLASS.get(cp);
  if (k === undefined) {
    const s = String.fromCodePoint(cp);
    if (RE_UPPER.test(s)) k = C_UPPER;
    else if (RE_LOWER.test(s)) k = C_LOWER;
    else if (RE_LETTER.test(s)) k = C_LETTER;
    else if (RE_MARK.test(s)) k = C_MARK;
    else if (RE_NUMBER.test(s)) k = C_DIGIT;
    else if (RE_PICTO.test(s)) k = C_EMOJI;
    else k = C_SYMBOL;
    ASTRAL_CLASS.set(cp, k);
  }
  return k;
}

function isLetterClass(k: number): boolean {
  return k === C_UPPER || k === C_LOWER || k === C_LETTER || k === C_MARK;
}

function isAlnumClass(k: number): boolean {
  return k === C_UPPER || k === C_LOWER || k === C_LETTER || k === C_MARK || k === C_DIGIT;
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isCyrillic(c: number): boolean {
  return c >= 0x0400 && c <= 0x052f;
}

// ---------------------------------------------------------------------------------------------
// Token flags, kept beside the tokens for the sentence pass.

const SUB_MASK = 0x0f;
const S_TERM = 1; // . ! ? … and their runs
const S_QOPEN = 2; // « „ ‹ ‚
const S_QCLOSE = 3; // » › ”
const S_QAMBIG = 4; // " ' “ ‘ ’
const S_BOPEN = 5;
const S_BCLOSE = 6;
const S_DASH = 7;
const S_BULLET = 8;
const S_INNER = 9; // abbreviation that never ends a sentence
const S_FINAL = 10;
const S_AMBIG = 11;
const S_INITIAL = 12; // "М.", "В.В.", "J."
const S_SOFT = 13; // , ; — a line ending with one continues on the next
const NL_SHIFT = 4; // two bits: newlines after the token, capped at 2
const F_UPPER = 1 << 6;
const F_LOWER = 1 << 7;

function punctSub(c: number): number {
  switch (c) {
    case 0x2e: // .
    case 0x21: // !
    case 0x3f: // ?
    case 0x2026: // …
    case 0x203c: // ‼
    case 0x2047: // ⁇
    case 0x2048: // ⁈
    case 0x2049: // ⁉
      return S_TERM;
    case 0xab: // «
    case 0x201e: // „
    case 0x2039: // ‹
    case 0x201a: // ‚
      return S_QOPEN;
    case 0xbb: // »
    case 0x203a: // ›
    case 0x201d: // ”
      return S_QCLOSE;
    case 0x22: // "
    case 0x27: // '
    case 0x201c: // “ (opens in English, closes in „…“)
    case 0x2018: // ‘
    case 0x2019: // ’
      return S_QAMBIG;
    case 0x28:
    case 0x5b:
    case 0x7b:
      return S_BOPEN;
    case 0x29:
    case 0x5d:
    case 0x7d:
      return S_BCLOSE;
    case 0x2d:
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
      return S_DASH;
    case 0x2022: // •
    case 0x2023: // ‣
    case 0x25e6: // ◦
    case 0x25aa: // ▪
    case 0x25cf: // ●
    case 0xb7: // ·
    case 0x2a: // *
      return S_BULLET;
    case 0x2c:
    case 0x3b:
    case 0x26:
      return S_SOFT;
    default:
      return 0;
  }
}

function isTerminalChar(c: number): boolean {
  return (
    c === 0x2e ||
    c === 0x21 ||
    c === 0x3f ||
    c === 0x2026 ||
    c === 0x203c ||
    c === 0x2047 ||
    c === 0x2048 ||
    c === 0x2049
  );
}

/** Punctuation that Unicode files under P but that behaves like a symbol in news ("50%", "AT&T"). */
function isSymbolLike(c: number): boolean {
  return c === 0x25 || c === 0x2030 || c === 0x2031 || c === 0x23 || c === 0x40 || c === 0x26 || c === 0xa7;
}

function isHyphen(c: number): boolean {
  return c === 0x2d || c === 0x2010 || c === 0x2011;
}

function isApostrophe(c: number): boolean {
  return c === 0x27 || c === 0x2019;
}

/** Spaces that group thousands: "1 000", "1 000" (no-break), "1 000" (narrow no-break), thin space. */
function isGroupSpace(c: number): boolean {
  return c === 0x20 || c === 0xa0 || c === 0x202f || c === 0x2009;
}

/** Characters a URL cannot contain unescaped and that, in running text, close it. */
function isUrlStop(c: number): boolean {
  return (
    c === 0x3c ||
    c === 0x3e ||
    c === 0x22 ||
    c === 0xab ||
    c === 0xbb ||
    c === 0x201c ||
    c === 0x201d ||
    c === 0x201e ||
    c === 0x2018 ||
    c === 0x2019 ||
    c === 0x60 ||
    c === 0x7c ||
    c === 0x7b ||
    c === 0x7d ||
    c === 0x5e ||
    c === 0x2013 ||
    c === 0x2014 ||
    c === 0x2026
  );
}

/** Characters that end a sentence or a clause and so are not part of a URL they follow. */
function isUrlTrailing(c: number): boolean {
  return (
    c === 0x2e ||
    c === 0x2c ||
    c === 0x3b ||
    c === 0x3a ||
    c === 0x21 ||
    c === 0x3f ||
    c === 0x27 ||
    c === 0x2a ||
    c === 0x5f
  );
}

function isEmailLocal(c: number): boolean {
  return isAsciiAlnum(c) || c === 0x2e || c === 0x5f || c === 0x25 || c === 0x2b || c === 0x2d;
}

function isHandleChar(c: number): boolean {
  return isAsciiAlnum(c) || c === 0x5f;
}

/** Capped length of the dotted chains ("a.b.c.d") the tokenizer inspects, so that it stays linear. */
const MAX_CHAIN_SEGMENTS = 16;
const MAX_SEGMENT_LENGTH = 63;

// ---------------------------------------------------------------------------------------------
// Pass 1: tokens.

interface Scan {
  tokens: Token[];
  flags: number[];
}

function scanTokens(text: string): Scan {
  const n = text.length;
  const tokens: Token[] = [];
  const flags: number[] = [];
  let gapNewlines = 0;
  /** A search for an e-mail from any position before this one is known to fail. */
  let noEmailBefore = 0;

  const at = (i: number): number => (i < n ? text.charCodeAt(i) : 0);

  const emit = (start: number, end: number, kind: TokenKind, sub: number): void => {
    const last = tokens.length - 1;
    if (last >= 0 && gapNewlines > 0) flags[last]! |= (gapNewlines > 2 ? 2 : gapNewlines) << NL_SHIFT;
    gapNewlines = 0;
    let f = sub;
    const k0 = cls(text.charCodeAt(start));
    if (k0 === C_UPPER) f |= F_UPPER;
    else if (k0 === C_LOWER) f |= F_LOWER;
    let spaceAfter = false;
    if (end < n) {
      const ka = cls(text.charCodeAt(end));
      spaceAfter = ka === C_SPACE || ka === C_NL;
    }
    tokens.push({ start, end, text: text.slice(start, end), kind, sentence: 0, spaceAfter });
    flags.push(f);
  };

  /** Length of an "http://", "https://" or "ftp://" scheme starting at `i` and followed by a non-space, else 0. */
  const schemeLength = (i: number): number => {
    const c0 = at(i) | 0x20;
    let p = i;
    if (c0 === 0x68) {
      if ((at(i + 1) | 0x20) !== 0x74 || (at(i + 2) | 0x20) !== 0x74 || (at(i + 3) | 0x20) !== 0x70) return 0;
      p = i + 4;
      if ((at(p) | 0x20) === 0x73) p++;
    } else if (c0 === 0x66) {
      if ((at(i + 1) | 0x20) !== 0x74 || (at(i + 2) | 0x20) !== 0x70) return 0;
      p = i + 3;
    } else return 0;
    if (at(p) !== 0x3a || at(p + 1) !== 0x2f || at(p + 2) !== 0x2f) return 0;
    const k = cls(at(p + 3));
    if (p + 3 >= n || k === C_SPACE || k === C_NL) return 0;
    return p + 3 - i;
  };

  /** End of a URL whose first character is at `from` (scheme or host already recognised before `from`). */
  const urlEnd = (start: number, from: number): number => {
    let j = from;
    let parens = 0;
    while (j < n) {
      const c = text.charCodeAt(j);
      const k = cls(c);
      if (k === C_SPACE || k === C_NL || k === C_EMOJI || k === C_HIGH || isUrlStop(c)) break;
      if (c === 0x28) parens++;
      else if (c === 0x29) {
        if (parens === 0) break;
        parens--;
      }
      j++;
    }
    while (j > start + 1 && isUrlTrailing(text.charCodeAt(j - 1))) j--;
    return j;
  };

  /** End of an e-mail address starting at `i`, or 0. */
  const emailEnd = (i: number): number => {
    let j = i;
    while (j < n && isEmailLocal(text.charCodeAt(j))) j++;
    if (at(j) !== 0x40 || text.charCodeAt(j - 1) === 0x2e) {
      noEmailBefore = j;
      return 0;
    }
    let k = j + 1;
    let dots = 0;
    let seg = 0;
    while (k < n) {
      const d = text.charCodeAt(k);
      if (isAsciiAlnum(d) || d === 0x2d) {
        seg++;
        k++;
      } else if (d === 0x2e && seg > 0 && isAsciiAlnum(at(k + 1))) {
        dots++;
        seg = 0;
        k++;
      } else break;
    }
    if (dots === 0 || seg < 2) {
      noEmailBefore = j;
      return 0;
    }
    return k;
  };

  /** End of the word starting at `i`: letters, digits, inner hyphens and apostrophes, "С5+1", "AT&T". */
  const wordEnd = (i: number): number => {
    let j = i;
    let hasDigit = false;
    while (j < n) {
      const c = text.charCodeAt(j);
      const k = cls(c);
      if (k === C_UPPER || k === C_LOWER || k === C_LETTER || k === C_MARK) {
        // A link glued to the word ("@axioshttps://…", "storyhttps://…") starts a new token.
        if ((c === 0x68 || c === 0x48) && j > i && schemeLength(j) > 0) break;
        j++;
        continue;
      }
      if (k === C_DIGIT) {
        hasDigit = true;
        j++;
        continue;
      }
      if (k === C_HIGH) {
        const cp = text.codePointAt(j)!;
        if (cp > 0xffff && isAlnumClass(astralClass(cp))) {
          j += 2;
          continue;
        }
        break;
      }
      const next = at(j + 1);
      if (isHyphen(c)) {
        if (isAlnumClass(cls(next))) {
          j++;
          continue;
        }
        break;
      }
      if (isApostrophe(c)) {
        // "O'Brien", "Кот-д'Ивуар" stay whole; the English possessive "'s" becomes its own token.
        const after = at(j + 2);
        const possessive = (next === 0x73 || next === 0x53) && !isAlnumClass(cls(after));
        if (!possessive && isLetterClass(cls(next)) && isLetterClass(cls(text.charCodeAt(j - 1)))) {
          j++;
          continue;
        }
        break;
      }
      if (c === 0x2b && hasDigit && cls(next) === C_DIGIT) {
        j++;
        continue;
      }
      if (c === 0x26 && cls(next) === C_UPPER && cls(text.charCodeAt(j - 1)) === C_UPPER) {
        j++;
        continue;
      }
      if (c === 0x5f && isAlnumClass(cls(next))) {
        j++;
        continue;
      }
      break;
    }
    return j;
  };

  /** Sub-type of an abbreviation token given what precedes it. */
  const abbreviationSub = (info: AbbrevInfo): number => {
    let kind = info.kind;
    const prev = tokens.length > 0 ? tokens[tokens.length - 1]! : null;
    if (prev) {
      if (info.afterNumber && (prev.kind === 'number' || isRomanNumeral(prev.text))) kind = info.afterNumber;
      else if (info.afterWords && info.afterWords.has(prev.text.toLowerCase())) kind = info.afterWordsKind;
    }
    return kind === K_INNER ? S_INNER : kind === K_FINAL ? S_FINAL : S_AMBIG;
  };

  const lookupAbbreviation = (start: number, end: number): AbbrevInfo | undefined => {
    if (end - start > MAX_ABBREVIATION) return undefined;
    const form = text.slice(start, end);
    const info = ABBREVIATIONS.get(form.toLowerCase());
    if (!info || (info.exact !== null && info.exact !== form)) return undefined;
    if (info.beforeNumber) {
      let p = end + 1;
      while (p < n && cls(text.charCodeAt(p)) === C_SPACE) p++;
      if (p >= n || cls(text.charCodeAt(p)) !== C_DIGIT) return undefined;
    }
    return info;
  };

  /** The word [i, j) is followed by a dot at j: abbreviation, initials, domain or plain word. */
  const wordBeforeDot = (i: number, j: number): number => {
    const next = at(j + 1);
    const kNext = cls(next);
    if (j + 1 < n && isAlnumClass(kNext)) return dottedChain(i, j);
    if (next === 0x2e) {
      emit(i, j, 'word', 0); // "слово..." — an ellipsis, not an abbreviation
      return j;
    }
    if (j - i === 1 && cls(text.charCodeAt(i)) === C_UPPER) {
      emit(i, j + 1, 'word', S_INITIAL);
      return j + 1;
    }
    const info = lookupAbbreviation(i, j);
    if (info) {
      emit(i, j + 1, 'word', abbreviationSub(info));
      return j + 1;
    }
    emit(i, j, 'word', 0);
    return j;
  };

  /** "т.е.", "U.S.", "В.В.", "Ph.D.", "axios.com/…", "t.co", or a word glued to the next sentence. */
  const dottedChain = (i: number, j: number): number => {
    let segments = 1;
    let singles = j - i === 1 && isLetterClass(cls(text.charCodeAt(i))) ? 1 : 0; // leading one-letter segments
    let leadingSinglesEnd = singles ? j : -1; // position of the dot after the last leading single letter
    let allUpper = singles === 1 && cls(text.charCodeAt(i)) === C_UPPER;
    let k = j;
    let lastStart = i;
    let lastEnd = j;
    while (segments < MAX_CHAIN_SEGMENTS && at(k) === 0x2e && k + 1 < n && isAlnumClass(cls(at(k + 1)))) {
      const s = k + 1;
      let e = s;
      while (e < n && e - s <= MAX_SEGMENT_LENGTH) {
        const c = text.charCodeAt(e);
        if (isAlnumClass(cls(c)) || (isHyphen(c) && isAlnumClass(cls(at(e + 1))))) e++;
        else break;
      }
      segments++;
      if (singles === segments - 1 && e - s === 1 && isLetterClass(cls(text.charCodeAt(s)))) {
        singles++;
        leadingSinglesEnd = e;
        if (cls(text.charCodeAt(s)) !== C_UPPER) allUpper = false;
      }
      lastStart = s;
      lastEnd = e;
      k = e;
    }
    // A domain: "axios.com", "t.co/…", "pic.twitter.com/…", "президент.рф".
    if (lastEnd - lastStart <= 6 && !isAlnumClass(cls(at(k))) && TLDS.has(text.slice(lastStart, lastEnd))) {
      let end = k;
      const c = at(k);
      if (c === 0x2f || (c === 0x3a && cls(at(k + 1)) === C_DIGIT)) end = urlEnd(i, k);
      emit(i, end, 'url', 0);
      return end;
    }
    // Whole chain is an abbreviation ("Ph.D.") or a run of single letters ("т.е.", "U.S.", "В.В.").
    const wholeDot = at(k) === 0x2e && at(k + 1) !== 0x2e;
    if (singles === segments || segments === 2) {
      const info = lookupAbbreviation(i, k);
      if (info && wholeDot) {
        emit(i, k + 1, 'word', abbreviationSub(info));
        return k + 1;
      }
      if (singles === segments) {
        const end = wholeDot ? k + 1 : k;
        emit(i, end, 'word', allUpper ? S_INITIAL : S_FINAL);
        return end;
      }
    }
    // Initials glued to a name ("В.В.Путин") or an abbreviation glued to a word ("т.е.слово").
    if (singles > 0) {
      const info = lookupAbbreviation(i, leadingSinglesEnd);
      if (info || allUpper) {
        emit(i, leadingSinglesEnd + 1, 'word', info ? abbreviationSub(info) : S_INITIAL);
        return leadingSinglesEnd + 1;
      }
    }
    // An abbreviation glued to the next word: "ул.Абая", "Mr.Smith", "No.5".
    const info = lookupAbbreviation(i, j);
    if (info) {
      emit(i, j + 1, 'word', abbreviationSub(info));
      return j + 1;
    }
    emit(i, j, 'word', 0); // the dot and what follows are tokens of their own ("Москве.Президент")
    return j;
  };

  const scanWord = (i: number): number => {
    const c0 = text.charCodeAt(i);
    if ((c0 | 0x20) === 0x68 || (c0 | 0x20) === 0x66) {
      const sl = schemeLength(i);
      if (sl > 0) {
        const end = urlEnd(i, i + sl);
        emit(i, end, 'url', 0);
        return end;
      }
    }
    if (
      (c0 | 0x20) === 0x77 &&
      (at(i + 1) | 0x20) === 0x77 &&
      (at(i + 2) | 0x20) === 0x77 &&
      at(i + 3) === 0x2e
    ) {
      if (isAlnumClass(cls(at(i + 4)))) {
        const end = urlEnd(i, i + 4);
        emit(i, end, 'url', 0);
        return end;
      }
    }
    if (isAsciiAlnum(c0) && i >= noEmailBefore) {
      const e = emailEnd(i);
      if (e > 0) {
        emit(i, e, 'email', 0);
        return e;
      }
    }
    const j = wordEnd(i);
    if (at(j) === 0x2e) return wordBeforeDot(i, j);
    emit(i, j, 'word', 0);
    return j;
  };

  const digitsEnd = (i: number): number => {
    let j = i;
    while (j < n && cls(text.charCodeAt(j)) === C_DIGIT) j++;
    return j;
  };

  /** "2,5", "2.5", "1 000", "10–11", "18:30", "05/08/2008", "18-го", "1990s", "5G". */
  const scanNumber = (i: number): number => {
    const c1 = at(i + 1);
    if (c1 === 0x20e3 || (c1 === 0xfe0f && at(i + 2) === 0x20e3)) return scanEmoji(i, i + 1); // keycap 1️⃣
    if (isAsciiAlnum(text.charCodeAt(i)) && i >= noEmailBefore) {
      const e = emailEnd(i);
      if (e > 0) {
        emit(i, e, 'email', 0);
        return e;
      }
    }
    let j = digitsEnd(i);
    let group = j - i;
    let canGroup = group <= 3; // "1 000" only when the first group has at most three digits
    while (j < n) {
      const c = text.charCodeAt(j);
      if ((c === 0x2c || c === 0x2e || c === 0x2f) && cls(at(j + 1)) === C_DIGIT) {
        const e = digitsEnd(j + 1);
        group = e - j - 1;
        canGroup = false;
        j = e;
        continue;
      }
      if (c === 0x3a && group <= 2 && cls(at(j + 1)) === C_DIGIT && cls(at(j + 2)) === C_DIGIT) {
        if (cls(at(j + 3)) !== C_DIGIT) {
          j += 3;
          group = 2;
          canGroup = false;
          continue;
        }
        break;
      }
      if (
        canGroup &&
        isGroupSpace(c) &&
        cls(at(j + 1)) === C_DIGIT &&
        cls(at(j + 2)) === C_DIGIT &&
        cls(at(j + 3)) === C_DIGIT &&
        !isAlnumClass(cls(at(j + 4)))
      ) {
        j += 4;
        group = 3;
        continue;
      }
      if ((c === 0x2d || c === 0x2013 || c === 0x2014) && cls(at(j + 1)) === C_DIGIT) {
        const e = digitsEnd(j + 1);
        group = e - j - 1;
        canGroup = false;
        j = e;
        continue;
      }
      break;
    }
    let kind: TokenKind = 'number';
    const c = at(j);
    if (isHyphen(c) && isLetterClass(cls(at(j + 1)))) {
      // Russian case endings stay on the number ("18-го", "1990-х"); longer tails make a word ("5-летний").
      let e = j + 1;
      while (e < n && isLetterClass(cls(text.charCodeAt(e)))) e++;
      if (e - j - 1 > 3) kind = 'word';
      j = e;
    } else if (isLetterClass(cls(c)) && !isCyrillic(c)) {
      // Latin letters glued to digits make one token ("5G", "737MAX"); Cyrillic ones are a unit ("2025г").
      const e = wordEnd(j);
      const tail = text.slice(j, e);
      kind =
        tail === 'st' || tail === 'nd' || tail === 'rd' || tail === 'th' || tail === 's' ? 'number' : 'word';
      j = e;
    }
    emit(i, j, kind, 0);
    return j;
  };

  /** An emoji sequence whose base ends at `from`: variation selectors, skin tones, keycaps, tags, ZWJ chains. */
  const scanEmoji = (i: number, from: number): number => {
    let j = from;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 0xfe0f || c === 0xfe0e || c === 0x20e3) {
        j++;
        continue;
      }
      if (c === 0xd83c) {
        const d = at(j + 1);
        if (d >= 0xdffb && d <= 0xdfff) {
          j += 2; // skin tone
          continue;
        }
      }
      if (c === 0xdb40) {
        const d = at(j + 1);
        if (d >= 0xdc20 && d <= 0xdc7f) {
          j += 2; // tag sequence of subdivision flags
          continue;
        }
      }
      if (c === 0x200d) {
        const d = at(j + 1);
        const kd = cls(d);
        if (kd === C_EMOJI) {
          j += 2;
          continue;
        }
        if (kd === C_HIGH) {
          const cp = text.codePointAt(j + 1)!;
          if (cp > 0xffff && astralClass(cp) === C_EMOJI && !isRegionalIndicator(cp)) {
            j += 3;
            continue;
          }
        }
      }
      break;
    }
    emit(i, j, 'emoji', 0);
    return j;
  };

  const scanAstral = (i: number): number => {
    const cp = text.codePointAt(i)!;
    if (cp <= 0xffff) {
      emit(i, i + 1, 'symbol', 0); // lone high surrogate
      return i + 1;
    }
    if (isRegionalIndicator(cp)) {
      // A flag is a pair of regional indicators; pair them from the left, never split a surrogate pair.
      const cp2 = text.codePointAt(i + 2);
      if (cp2 !== undefined && isRegionalIndicator(cp2)) {
        emit(i, i + 4, 'emoji', 0);
        return i + 4;
      }
      emit(i, i + 2, 'emoji', 0);
      return i + 2;
    }
    const k = astralClass(cp);
    if (k === C_EMOJI) return scanEmoji(i, i + 2);
    if (isAlnumClass(k)) {
      const j = wordEnd(i);
      emit(i, j, 'word', 0);
      return j;
    }
    emit(i, i + 2, 'symbol', 0);
    return i + 2;
  };

  const scanOther = (i: number, k: number): number => {
    const c = text.charCodeAt(i);
    const next = at(i + 1);
    if (next === 0xfe0f) return scanEmoji(i, i + 1); // ©️, ‼️, ↔️ in emoji presentation
    if (c === 0x40 && isHandleChar(next)) {
      let j = i + 1;
      while (j < n && isHandleChar(text.charCodeAt(j))) {
        if ((text.charCodeAt(j) | 0x20) === 0x68 && j > i + 1 && schemeLength(j) > 0) break;
        j++;
      }
      emit(i, j, 'handle', 0);
      return j;
    }
    if (c === 0x23 && (isAlnumClass(cls(next)) || next === 0x5f)) {
      let j = i + 1;
      let letters = 0;
      while (j < n) {
        const d = text.charCodeAt(j);
        const kd = cls(d);
        if (isLetterClass(kd)) {
          if ((d | 0x20) === 0x68 && j > i + 1 && schemeLength(j) > 0) break;
          letters++;
        } else if (kd !== C_DIGIT && d !== 0x5f) break;
        j++;
      }
      if (letters > 0) {
        emit(i, j, 'hashtag', 0);
        return j;
      }
    }
    if (isTerminalChar(c)) {
      let j = i + 1;
      while (j < n && isTerminalChar(text.charCodeAt(j))) j++;
      emit(i, j, 'punct', S_TERM);
      return j;
    }
    if (c === 0x2d && next === 0x2d) {
      let j = i + 2;
      while (j < n && text.charCodeAt(j) === 0x2d) j++;
      emit(i, j, 'punct', S_DASH);
      return j;
    }
    if (isApostrophe(c) && (next === 0x73 || next === 0x53) && i > 0) {
      // English possessive glued to its word: "Trump's" → "Trump" + "'s".
      if (isLetterClass(cls(text.charCodeAt(i - 1))) && !isAlnumClass(cls(at(i + 2)))) {
        emit(i, i + 2, 'word', 0);
        return i + 2;
      }
    }
    const kind: TokenKind = k === C_PUNCT && !isSymbolLike(c) ? 'punct' : 'symbol';
    emit(i, i + 1, kind, punctSub(c));
    return i + 1;
  };

  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const k = cls(c);
    switch (k) {
      case C_SPACE:
        i++;
        break;
      case C_NL:
        if (c === 0x0d && at(i + 1) === 0x0a) i++;
        gapNewlines += c === 0x2029 ? 2 : 1;
        i++;
        break;
      case C_UPPER:
      case C_LOWER:
      case C_LETTER:
      case C_MARK:
        i = scanWord(i);
        break;
      case C_DIGIT:
        i = scanNumber(i);
        break;
      case C_HIGH:
        i = scanAstral(i);
        break;
      case C_EMOJI:
        i = scanEmoji(i, i + 1);
        break;
      default:
        i = scanOther(i, k);
        break;
    }
  }
  return { tokens, flags };
}

function isRegionalIndicator(cp: number): boolean {
  return cp >= 0x1f1e6 && cp <= 0x1f1ff;
}

function isRomanNumeral(s: string): boolean {
  if (s.length === 0 || s.length > 8) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // I V X L C D M
    if (c !== 0x49 && c !== 0x56 && c !== 0x58 && c !== 0x4c && c !== 0x43 && c !== 0x44 && c !== 0x4d)
      return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Pass 2: sentences.

function splitSentences(tokens: Token[], flags: number[]): Sentence[] {
  const n = tokens.length;
  const sentences: Sentence[] = [];
  if (n === 0) return sentences;

  const sub = (t: number): number => flags[t]! & SUB_MASK;
  const newlinesAfter = (t: number): number => (flags[t]! >> NL_SHIFT) & 3;
  const isOpener = (t: number): boolean => {
    const s = sub(t);
    return s === S_QOPEN || s === S_QAMBIG || s === S_BOPEN || s === S_DASH || s === S_BULLET;
  };
  /** First token from `t` that is not an opening quote, bracket, dash or bullet (bounded look-ahead). */
  const content = (t: number): number => {
    let j = t;
    while (j < n && j < t + 4 && isOpener(j)) j++;
    return j;
  };

  /** After ". ! ? …": a new sentence unless the text goes on in lower case or with punctuation. */
  const breaksAfterTerminal = (term: number, last: number, start: number): boolean => {
    // "1. Первый пункт": a list number is not a sentence.
    if (term - start === 1 && tokens[start]!.kind === 'number' && tokens[term]!.text === '.') return false;
    const j = content(last + 1);
    if (j >= n) return true;
    const t = tokens[j]!;
    if (t.kind === 'word') return (flags[j]! & F_LOWER) === 0;
    return t.kind !== 'punct';
  };

  const nextCapitalised = (last: number): boolean => {
    const j = content(last + 1);
    return j < n && tokens[j]!.kind === 'word' && (flags[j]! & F_UPPER) !== 0;
  };

  const nextOpensSentence = (last: number): boolean => {
    const j = content(last + 1);
    if (j >= n) return true;
    const t = tokens[j]!;
    if (t.kind !== 'word' || (flags[j]! & F_UPPER) === 0 || sub(j) === S_INITIAL) return false;
    return SENTENCE_OPENERS.has(t.text.toLowerCase());
  };

  // A hard-wrapped text (lines cut at a fixed width) often goes on in lower case after a single newline;
  // a text with one paragraph or heading per line almost never does. In the former a single newline
  // is just a space.
  let singleBreaks = 0;
  let lowerAfterBreak = 0;
  for (let t = 0; t + 1 < n; t++) {
    if (newlinesAfter(t) !== 1) continue;
    singleBreaks++;
    if ((flags[t + 1]! & F_LOWER) !== 0) lowerAfterBreak++;
  }
  const hardWrapped = lowerAfterBreak >= 3 && lowerAfterBreak * 4 >= singleBreaks;

  /** A single newline after `t`: ends a sentence when the line looks like a heading or a list item. */
  const breaksAtNewline = (t: number): boolean => {
    if (hardWrapped) return false;
    const s = sub(t);
    if (s === S_INNER || s === S_INITIAL || s === S_SOFT || s === S_BOPEN || s === S_QOPEN) return false;
    if (s === S_DASH && t > 0 && !tokens[t - 1]!.spaceAfter) return false; // word hyphenated across lines
    if (tokens[t + 1]!.kind === 'word' && (flags[t + 1]! & F_LOWER) !== 0) return false;
    // A short lower-case word ("в", "of") at the end of a line means the line was wrapped.
    if (tokens[t]!.kind === 'word' && (flags[t]! & F_LOWER) !== 0 && tokens[t]!.text.length <= 2)
      return false;
    return true;
  };

  let start = 0;
  let i = 0;
  while (i < n) {
    const s = sub(i);
    let last = i;
    let brk = false;
    if (s === S_TERM || s === S_FINAL || s === S_AMBIG || s === S_INITIAL) {
      // Closing quotes and brackets glued to the end belong to the sentence: «…регионе».
      while (last + 1 < n && !tokens[last]!.spaceAfter) {
        const cs = sub(last + 1);
        if (cs === S_QCLOSE || cs === S_BCLOSE) last++;
        else if (
          cs === S_QAMBIG &&
          (last + 2 >= n || tokens[last + 1]!.spaceAfter || isClosingContext(last + 2))
        )
          last++;
        else break;
      }
      if (last + 1 < n) {
        const nl = newlinesAfter(last);
        if (nl >= 2) brk = true;
        else {
          if (s === S_TERM) brk = breaksAfterTerminal(i, last, start);
          else if (s === S_FINAL) brk = i - start >= 3 && nextCapitalised(last);
          else brk = nextOpensSentence(last);
          if (!brk && nl === 1) brk = breaksAtNewline(last);
        }
      }
    } else if (last + 1 < n) {
      const nl = newlinesAfter(i);
      if (nl >= 2) brk = true;
      else if (nl === 1) brk = breaksAtNewline(i);
    }
    if (brk || last === n - 1) {
      const index = sentences.length;
      for (let t = start; t <= last; t++) tokens[t]!.sentence = index;
      sentences.push({
        start: tokens[start]!.start,
        end: tokens[last]!.end,
        lang: 'und',
        tokenStart: start,
        tokenEnd: last + 1,
      });
      start = last + 1;
    }
    i = last + 1;
  }
  return sentences;

  function isClosingContext(t: number): boolean {
    const k = tokens[t]!.kind;
    return k === 'punct' || k === 'symbol';
  }
}

// ---------------------------------------------------------------------------------------------
// Public API.

/**
 * Splits a text into tokens and sentences. Offsets are UTF-16 indices into `text`; sentence spans
 * start at their first token and end at their last, so they never include surrounding whitespace.
 *
 * @example
 * const { tokens, sentences } = segment('В 2025 г. Президент прибыл в г. Астана. Встреча прошла.');
 * sentences.length; // 2
 * tokens.map((t) => t.text); // ['В', '2025', 'г.', 'Президент', …, 'Астана', '.', 'Встреча', 'прошла', '.']
 */
export function segment(text: string): Segmentation {
  const { tokens, flags } = scanTokens(text);
  const sentences = splitSentences(tokens, flags);
  return { tokens, sentences };
}

/**
 * Tokens of a text without sentence boundaries (every `sentence` is 0).
 *
 * @example tokenize('С5+1, $2.5').map((t) => t.text); // ['С5+1', ',', '$', '2.5']
 */
export function tokenize(text: string): Token[] {
  return scanTokens(text).tokens;
}

/**
 * Whether `word` (any case) is a known abbreviation written with its dot, in any language we ship.
 *
 * @example isAbbreviation('т.е.') // true
 */
export function isAbbreviation(word: string): boolean {
  const bare = word.endsWith('.') ? word.slice(0, -1) : word;
  const info = ABBREVIATIONS.get(bare.toLowerCase());
  return info !== undefined && (info.exact === null || info.exact === bare);
}
