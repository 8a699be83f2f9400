/**
 * Mention detection: knowledge-base names over surface forms and lemmas (longest match), titles
 * of office, handles, and names the KB does not know (person names from morphology, organizations
 * introduced by a head noun or quotes, capitalised phrases), plus the statistical tagger's spans.
 */
import type { Doc, EntityType, Token } from '../doc.js';
import type { Kb } from '../kb/kb.js';
import { tokenKeyWords, type PhraseEntry } from '../kb/keys.js';
import type { KbEntity, TitleEntry } from '../kb/types.js';
import * as EN from '../lang/en/entities.js';
import * as RU from '../lang/ru/entities.js';
import { tokenAlternatives, type MorphAnnotation } from '../stages/morph.js';
import { formOf, type TokenForm } from './forms.js';
import { recognizeEnglish, type Cover } from './recognize-en.js';
import type { NerSpan } from './ner.js';

/** A mention found before linking. Token indices are into `doc.tokens`, end exclusive. */
export interface Candidate {
  tokStart: number;
  tokEnd: number;
  start: number;
  end: number;
  type: EntityType;
  /** KB ids the name may stand for (empty for names the KB does not know). */
  ids: string[];
  rule: string;
  via: 'name' | 'title' | 'handle' | 'adjective';
  /** For a title: the lexicon entry, and the country the text gives it. */
  title?: TitleEntry;
  titleCountry?: string | null;
  /** Index of the country candidate that gave the title its country, to keep it as its own mention. */
  lang: string;
}

/** What the recognizer derives from a token's form alone (see forms.ts), built on first use. */
export interface SlotForm {
  /** Per key word of the token: every form it may match (see `sentenceSlots`). */
  all: readonly (readonly string[])[];
  /** Per key word: the forms titles match (surface and chosen lemma). */
  title: readonly (readonly string[])[];
  /** The KB the fields below were computed for. */
  kb: Kb | null;
  /** The KB name phrases the first key word may start (`PhraseIndex.firstLists`), null for none. */
  names0: (readonly PhraseEntry<string>[])[] | null;
  /** The title phrases the first key word's title forms may start, null for none. */
  titles0: (readonly PhraseEntry<TitleEntry>[])[] | null;
  /** The country the word names as an adjective or demonym (ISO3), or null. */
  adjIso: string | null;
  /** `adjIso` of an adjective or a capitalised word (the adjectives titles take out), else null. */
  adjTitle: string | null;
  /** A word (token kind). */
  word: boolean;
  /** Starts with an upper-case letter (`isCap`). */
  cap: boolean;
  /** `lemmaOf` the token. */
  lemma: string;
  /** The lemma introduces an organization's name ("компания", "фонд"). */
  orgIntro: boolean;
  /** 1 an opening quotation mark (« „ “), 2 a closing one (» ”), else 0. */
  quote: number;
}

const CYR = /[\u0400-\u04ff]/;
/** Case endings of Russian nouns and the nominative endings they may come from. */
const GUESS_ENDINGS: ReadonlyArray<[string, string[]]> = [
  ['ами', ['а', 'ы', '']],
  ['ями', ['я', 'и', 'ь']],
  ['ой', ['а']],
  ['ей', ['я', 'ь']],
  ['ом', ['', 'о']],
  ['ем', ['ь', 'е', 'й']],
  ['ым', ['', 'ы']],
  ['ы', ['а', '']],
  ['и', ['я', 'а', 'ь']],
  ['у', ['а', '']],
  ['ю', ['я', 'ь']],
  ['е', ['а', '', 'я']],
  ['а', ['', 'о']],
  ['я', ['ь', 'й']],
];
const UPPER = /^\p{Lu}/u;
/** `UPPER` for the code units below U+0500 (Latin, Cyrillic), computed with it once. */
const UPPER_BELOW_0500 = Uint8Array.from({ length: 0x500 }, (_, c) =>
  UPPER.test(String.fromCharCode(c)) ? 1 : 0,
);

/** `UPPER.test(s)` without the regular expression for the common scripts. */
function startsUpper(s: string): boolean {
  const c = s.charCodeAt(0);
  return c < 0x500 ? UPPER_BELOW_0500[c] === 1 : UPPER.test(s);
}

function lemmaOf(t: Token | undefined): string {
  if (!t) return '';
  const l = t.lemma ?? t.text.toLowerCase();
  return l.indexOf('ё') >= 0 ? l.replace(/ё/g, 'е') : l;
}

function isCap(t: Token | undefined): boolean {
  return !!t && startsUpper(t.text);
}

function hasTag(doc: Doc, i: number, tag: string): boolean {
  const t = doc.tokens[i];
  if (!t) return false;
  if (t.features?.tags?.includes(tag)) return true;
  for (const r of tokenAlternatives(doc, i)) if (r.features.tags?.includes(tag)) return true;
  return false;
}

/**
 * True when some word of a span could be part of a person's name: a name reading, a word the
 * dictionary does not know, Latin script, an initial. A span of dictionary common words only
 * ("Объединённого Королевства") is no one's name.
 */
function personLike(doc: Doc, from: number, to: number): boolean {
  let words = 0;
  for (let k = from; k < to; k++) {
    const t = doc.tokens[k]!;
    if (t.kind !== 'word') continue;
    words++;
    if (!CYR.test(t.text)) return true;
    if (hasTag(doc, k, 'Name') || hasTag(doc, k, 'Surn') || hasTag(doc, k, 'Patr') || hasTag(doc, k, 'Init'))
      return true;
    if (t.features?.guessed || RU.NAME_PARTICLES.has(t.text.toLowerCase())) return true;
  }
  return words === 0;
}

/** A word with a dictionary (not guessed) first-name, surname or patronymic reading and no place reading. */
function personNotPlace(doc: Doc, k: number): boolean {
  const t = doc.tokens[k]!;
  if (t.kind !== 'word' || !CYR.test(t.text) || hasTag(doc, k, 'Geox')) return false;
  const readings = [t.features ?? {}, ...tokenAlternatives(doc, k).map((r) => r.features)];
  return readings.some(
    (f) =>
      !f.guessed &&
      !!f.tags &&
      (f.tags.includes('Name') || f.tags.includes('Surn') || f.tags.includes('Patr')),
  );
}

const keyCache = new Map<string, readonly string[]>();
const adjCache = new WeakMap<Kb, Map<string, KbEntity | null>>();

/**
 * `kb.countryByAdjective(word)`, cached per KB (the lookup normalises its key each time).
 *
 * @example adjectiveCountry(kb, 'американского')?.iso3 // 'USA'
 */
export function adjectiveCountry(kb: Kb, word: string): KbEntity | undefined {
  let m = adjCache.get(kb);
  if (!m) adjCache.set(kb, (m = new Map()));
  let v = m.get(word);
  if (v === undefined) {
    v = kb.countryByAdjective(word) ?? null;
    if (m.size >= 100_000) m.clear();
    m.set(word, v);
  }
  return v ?? undefined;
}

/** ISO3 of the country an adjective names, cached per KB. */
function countryOfAdjective(kb: Kb, word: string): string | null {
  return adjectiveCountry(kb, word)?.iso3 ?? null;
}

const SIMPLE_WORD = /^(?:[A-Za-z0-9]+|[А-ЯЁа-яё0-9]+)$/;
/** A lone Latin word that is not an organization's name: Roman numerals, codes with digits, articles. */
const LATIN_NOT_ORG = /^(?:[IVXLC]+|.*\d.*|The|La|Le|Les|Der|Die|Das|El|Il|Los|Las|Of|And)$/;

/** The key words of a string (`tokenKeyWords` without lemmas), cached: news repeats its words. */
function keyPieces(text: string): readonly string[] {
  // A word of one script's letters (and digits) is its own single key word, lower case with ё as
  // е: what the normalisation of `tokenKeyWords` gives it, without its passes.
  if (SIMPLE_WORD.test(text)) {
    const l = text.toLowerCase();
    return [l.indexOf('ё') >= 0 ? l.replace(/ё/g, 'е') : l];
  }
  let v = keyCache.get(text);
  if (v === undefined) {
    v = tokenKeyWords(text, 'en').map((w) => w[0]!);
    if (keyCache.size > 200_000) keyCache.clear();
    keyCache.set(text, v);
  }
  return v;
}

/** The forms of a document's tokens, or of one range of them: token k has `list[k - off]`. */
interface Forms {
  list: readonly TokenForm[];
  off: number;
}

/** The forms of tokens `[a, b)`: from the caller's list when given, else looked up. */
function formsOf(doc: Doc, a: number, b: number, forms?: readonly TokenForm[]): Forms {
  if (forms) return { list: forms, off: 0 };
  const alts = (doc.annotations.get('morph') as MorphAnnotation | undefined)?.alternatives;
  const list: TokenForm[] = [];
  for (let k = a; k < b; k++) list.push(formOf(doc.tokens[k]!, alts?.[k]));
  return { list, off: a };
}

/** The recognizer's record of a form, built on first use. */
function slotForm(f: TokenForm): SlotForm {
  if (f.slots) return f.slots;
  let all: string[][];
  let title: string[][];
  if (f.kind === 'punct' || f.kind === 'emoji' || f.kind === 'url' || f.kind === 'symbol') {
    // A slot no key word equals: names never run across punctuation.
    const none = [`\u0000${f.text}`];
    all = [none];
    title = [none];
  } else {
    const surf = keyPieces(f.kind === 'handle' ? f.text.slice(1) : f.text);
    const cyr = CYR.test(f.text);
    all = surf.map((w) => [w]);
    title = surf.map((w) => [w]);
    const addForms = (l: string, into: string[][]): void => {
      const lp = keyPieces(l);
      if (lp.length !== surf.length) return;
      for (let i = 0; i < lp.length; i++) if (!into[i]!.includes(lp[i]!)) into[i]!.push(lp[i]!);
    };
    if (cyr) {
      if (f.lemma) {
        addForms(f.lemma, all);
        addForms(f.lemma, title);
      }
      if (f.alts) for (const r of f.alts) addForms(r.lemma, all);
      if (startsUpper(f.text) && !f.text.includes('-')) {
        // Inflected forms of names the dictionary does not know ("Акорды" → "Акорда"): the KB keys
        // are specific enough that a guessed stem only matches a real name.
        const low = f.text.toLowerCase().replace(/ё/g, 'е');
        for (const [end, repl] of GUESS_ENDINGS) {
          if (low.length > end.length + 2 && low.endsWith(end))
            for (const r of repl) addForms(low.slice(0, low.length - end.length) + r, all);
        }
      }
    }
    // Most words have no other readings: their title slots are their slots (kept once).
    if (title.every((w, i) => w.length === all[i]!.length && w.every((x, j) => x === all[i]![j])))
      title = all;
  }
  const lemma = f.lemma ?? f.text.toLowerCase();
  const lemmaKey = lemma.indexOf('ё') >= 0 ? lemma.replace(/ё/g, 'е') : lemma;
  f.slots = {
    all,
    title,
    kb: null,
    names0: null,
    titles0: null,
    adjIso: null,
    adjTitle: null,
    word: f.kind === 'word',
    cap: startsUpper(f.text),
    lemma: lemmaKey,
    orgIntro: RU.ORG_INTRODUCERS.has(lemmaKey),
    quote: f.text === '«' || f.text === '„' || f.text === '“' ? 1 : f.text === '»' || f.text === '”' ? 2 : 0,
  };
  return f.slots;
}

/** A form's record with its KB-dependent fields filled for `kb`. */
function slotFormFor(f: TokenForm, kb: Kb): SlotForm {
  const sf = slotForm(f);
  if (sf.kb === kb) return sf;
  const names = sf.all.length ? kb.prefixIndex.firstLists(sf.all[0]!) : [];
  const titles = sf.title.length ? kb.titles.index.firstLists(sf.title[0]!) : [];
  sf.names0 = names.length ? names : null;
  sf.titles0 = titles.length ? titles : null;
  // Both readers of `adjIso` ask first for a word that is an adjective, a noun or capitalised.
  sf.adjIso =
    f.kind === 'word' && (f.pos === 'ADJ' || f.pos === 'NOUN' || sf.cap)
      ? (countryOfAdjective(kb, f.lemma ?? f.text) ?? countryOfAdjective(kb, f.text))
      : null;
  sf.adjTitle = f.kind === 'word' && (f.pos === 'ADJ' || sf.cap) ? sf.adjIso : null;
  sf.kb = kb;
  return sf;
}

/**
 * Key-word slots of a sentence for phrase matching, with the token each slot came from. `slots`
 * hold every form a word may match (surface, lemma, other readings, guessed stems of unknown
 * capitalised words); `titleSlots` only the surface and the chosen lemma. The slot arrays are
 * shared between calls: read them, do not change them. `forms` (from `tokenForms(doc)`) saves the
 * form lookups.
 */
export function sentenceSlots(
  doc: Doc,
  a: number,
  b: number,
  forms?: readonly TokenForm[],
): { slots: (readonly string[])[]; slotTok: number[]; titleSlots: (readonly string[])[] } {
  const fs = formsOf(doc, a, b, forms);
  const slots: (readonly string[])[] = [];
  const slotTok: number[] = [];
  const titleSlots: (readonly string[])[] = [];
  for (let k = a; k < b; k++) {
    const sf = slotForm(fs.list[k - fs.off]!);
    for (let i = 0; i < sf.all.length; i++) {
      slots.push(sf.all[i]!);
      titleSlots.push(sf.title[i]!);
      slotTok.push(k);
    }
  }
  return { slots, slotTok, titleSlots };
}

function firstSlotOf(slotTok: number[], s: number): boolean {
  return s === 0 || slotTok[s - 1] !== slotTok[s];
}

function lastSlotOf(slotTok: number[], s: number): boolean {
  return s === slotTok.length - 1 || slotTok[s + 1] !== slotTok[s];
}

/**
 * Finds the candidate mentions of one sentence: KB names (longest match), titles, handles, and
 * names the KB does not know. Overlaps are resolved longest-first.
 */
export function recognizeSentence(
  doc: Doc,
  si: number,
  kb: Kb,
  model: readonly NerSpan[] = [],
  forms?: readonly TokenForm[],
): Candidate[] {
  const s = doc.sentences[si]!;
  const a = s.tokenStart ?? 0;
  const b = s.tokenEnd ?? 0;
  const lang = s.lang === 'en' ? 'en' : CYR.test(doc.text.slice(s.start, s.end)) ? 'ru' : 'en';
  const tokens = doc.tokens;
  const fs = formsOf(doc, a, b, forms);
  /** Per token of the sentence (k - a): what its form says. */
  const sfs: SlotForm[] = new Array(b - a);
  let nSlots = 0;
  let anyTitle = false;
  for (let k = a; k < b; k++) {
    const sf = slotFormFor(fs.list[k - fs.off]!, kb);
    sfs[k - a] = sf;
    nSlots += sf.all.length;
    if (sf.titles0) anyTitle = true;
  }
  const slots: (readonly string[])[] = new Array(nSlots);
  const slotTok: number[] = new Array(nSlots);
  const tSlots: (readonly string[])[] = new Array(nSlots);
  for (let k = a, j = 0; k < b; k++) {
    const sf = sfs[k - a]!;
    for (let i = 0; i < sf.all.length; i++, j++) {
      slots[j] = sf.all[i]!;
      tSlots[j] = sf.title[i]!;
      slotTok[j] = k;
    }
  }
  const out: Candidate[] = [];
  const cx = new SentenceCover(a, b, tokens, lang);
  const titleSlots: (readonly string[])[] = [];
  const titleSlotAt: number[] = [];
  // Index of each slot in `titleSlots`, -1 for the adjectives taken out (only read where a word
  // may start a title: without one, the sentence has no title to find).
  const titlePos: number[] = [];
  for (let j = 0; anyTitle && j < slots.length; j++) {
    const k = slotTok[j]!;
    // An adjective inside a title (not its first word) is skipped; one at the start stays.
    if (
      j > 0 &&
      titleSlots.length &&
      firstSlotOf(slotTok, j) &&
      lastSlotOf(slotTok, j) &&
      sfs[k - a]!.adjTitle
    ) {
      titlePos.push(-1);
      continue;
    }
    titlePos.push(titleSlots.length);
    titleSlots.push(tSlots[j]!);
    titleSlotAt.push(j);
  }

  // 1. Knowledge-base names and titles, longest first at each position.
  for (let i = 0; i < slots.length;) {
    if (!firstSlotOf(slotTok, i)) {
      i++;
      continue;
    }
    const k0 = slotTok[i]!;
    const t0 = tokens[k0]!;
    // Most words start no name and no title; the others keep the phrases they may start.
    const sf0 = sfs[k0 - a]!;
    const kbm = sf0.names0 ? kb.prefixIndex.longestFrom(sf0.names0, slots, i) : null;
    const kbLen = kbm && lastSlotOf(slotTok, i + kbm.length - 1) ? kbm.length : 0;
    // Titles match with a country adjective taken out ("главы казахстанского государства" is
    // "глава государства" of Kazakhstan).
    const tIdx = sf0.titles0 ? titlePos[i]! : -1;
    const tm = tIdx >= 0 ? kb.titles.index.longestFrom(sf0.titles0!, titleSlots, tIdx) : null;
    const tEndSlot = tm ? titleSlotAt[tIdx + tm.length - 1]! : -1;
    const tLen = tm && lastSlotOf(slotTok, tEndSlot) ? tEndSlot - i + 1 : 0;
    if (tLen > kbLen && tm) {
      const entries = tm.values.filter((e) => e.lang === lang || e.lang === 'any');
      if (entries.length) {
        const kEnd = slotTok[i + tLen - 1]! + 1;
        let titleCountry: string | null = null;
        for (let k = k0; k < kEnd; k++) {
          const c = sfs[k - a]!.adjTitle;
          if (c) titleCountry = c;
        }
        out.push({
          ...cx.make(k0, kEnd, 'PERSON', [], `${lang}.title`, 'title'),
          title: entries[0]!,
          titleCountry,
        });
        cx.cover(out[out.length - 1]!);
        i += tLen;
        continue;
      }
    }
    if (kbLen > 0 && kbm) {
      const kEnd = slotTok[i + kbLen - 1]! + 1;
      const last = tokens[kEnd - 1]!;
      // A KB name must look like a name: capitalised or an abbreviation or a handle; a lower-case
      // common word ("мир", "газ") that happens to be an alias is not a mention.
      const looksLikeName = t0.kind === 'handle' || isCap(t0) || /\d/.test(t0.text) || /^[«"]/.test(t0.text);
      const entities = kbm.values.map((id) => kb.get(id)).filter((e) => e !== undefined);
      // A first name that is also a place ("Владимир Соловьев") is a first name before a surname.
      const next = tokens[kEnd];
      const firstNameOfPlace =
        kEnd - k0 === 1 &&
        entities.every((e) => e.type === 'CITY' || e.type === 'LOC') &&
        hasTag(doc, k0, 'Name') &&
        !!next &&
        next.kind === 'word' &&
        isCap(next) &&
        CYR.test(next.text) &&
        (hasTag(doc, kEnd, 'Surn') || hasTag(doc, kEnd, 'Name'));
      // A surname that is also a place ("Майкл Джексон", "Иоанн Грозный") after a first name.
      const prev = tokens[k0 - 1];
      const surnameOfPlace =
        kEnd - k0 === 1 &&
        k0 > a &&
        entities.every((e) => e.type === 'CITY' || e.type === 'LOC') &&
        hasTag(doc, k0, 'Surn') &&
        !!prev &&
        prev.kind === 'word' &&
        isCap(prev) &&
        CYR.test(prev.text) &&
        prev.text.length > 1 &&
        hasTag(doc, k0 - 1, 'Name');
      if (
        // A multi-word alias written in lower case ("сектор Газа") may start with a small letter.
        (looksLikeName || (kEnd - k0 > 1 && isCap(last) && entities.some(hasLowercaseAlias))) &&
        entities.length &&
        !(kEnd - k0 === 1 && last.text.length < 2) &&
        !firstNameOfPlace &&
        !surnameOfPlace
      ) {
        const sentenceInitialSingle =
          kEnd - k0 === 1 &&
          k0 === a &&
          t0.kind === 'word' &&
          !CYR.test(t0.text) &&
          lang === 'en' &&
          EN.NOT_NAMES.has(t0.text.toLowerCase());
        if (!sentenceInitialSingle) {
          const type = entities[0]!.type;
          out.push(
            cx.make(
              k0,
              kEnd,
              type,
              kbm.values,
              t0.kind === 'handle' ? `${lang}.kb.handle` : `${lang}.kb.name`,
              t0.kind === 'handle' ? 'handle' : 'name',
            ),
          );
          cx.cover(out[out.length - 1]!);
          i += kbLen;
          continue;
        }
      }
    }
    if (fs.list[k0 - fs.off]!.kind === 'handle') {
      const e = kb.byHandle(t0.text);
      if (e) {
        out.push(cx.make(k0, k0 + 1, e.type, [e.id], `${lang}.kb.handle`, 'handle'));
        cx.cover(out[out.length - 1]!);
      }
    }
    i++;
  }

  // 2. Adjectives and demonyms of countries ("американского", "German") refer to the country.
  for (let k = a; k < b; k++) {
    if (!cx.free(k, k + 1)) continue;
    const sf = sfs[k - a]!;
    if (!sf.word || (lang === 'ru' ? !sf.adjIso : !sf.cap)) continue;
    const t = tokens[k]!;
    if (lang === 'ru' && t.pos !== 'ADJ' && t.pos !== 'NOUN') continue;
    const iso = sf.adjIso;
    const country = iso ? kb.countryByIso3(iso) : undefined;
    if (!country) continue;
    const c = cx.make(k, k + 1, 'COUNTRY', [country.id], `${lang}.kb.adjective`, 'adjective');
    out.push(c);
    cx.cover(c);
  }

  // 3. Names the KB does not know: the statistical tagger's spans first, then the rules on what
  // it left.
  const s0 = doc.sentences[si]!;
  let k = a;
  for (const span of model) {
    if (span.end <= s0.start || span.start >= s0.end) continue;
    while (k < b && tokens[k]!.start < span.start) k++;
    let e = k;
    while (e < b && tokens[e]!.end <= span.end) e++;
    if (e <= k || !cx.free(k, e)) continue;
    if (span.type === 'PERSON' && !personLike(doc, k, e)) continue;
    // A lone word the dictionary knows as a first name or surname and never as a place ("с
    // Виктором", "памятник Пушкину") is a person the tagger took for a place by its context.
    const type = span.type === 'LOC' && e === k + 1 && personNotPlace(doc, k) ? 'PERSON' : span.type;
    const c = cx.make(k, e, type, [], `${lang}.ner.${type.toLowerCase()}`, 'name');
    out.push(c);
    cx.cover(c);
  }
  if (lang === 'ru') recognizeRuUnknown(doc, a, b, out, cx, sfs);
  else recognizeEnglish(doc, a, b, out, cx);
  out.sort((x, y) => x.tokStart - y.tokStart);
  // A first name right before a known person's surname belongs to that mention, whatever form of
  // the first name the KB lists ("Марком Рубио" for Marco Rubio).
  for (let i = 0; i + 1 < out.length; i++) {
    const c = out[i]!;
    const n = out[i + 1]!;
    if (
      c.type === 'PERSON' &&
      c.via === 'name' &&
      !c.ids.length &&
      n.type === 'PERSON' &&
      n.ids.length &&
      c.tokEnd === n.tokStart &&
      c.tokEnd - c.tokStart === 1 &&
      (hasTag(doc, c.tokStart, 'Name') || c.rule === 'ru.person.after-title')
    ) {
      n.tokStart = c.tokStart;
      n.start = c.start;
      out.splice(i, 1);
      i--;
    }
  }
  return out;
}

/**
 * What the rules of one sentence share: which of its tokens a candidate already covers, and how a
 * candidate is built. A class rather than closures, as those were made anew for every sentence.
 */
class SentenceCover implements Cover {
  private readonly covered: Uint8Array;

  constructor(
    private readonly a: number,
    b: number,
    private readonly tokens: readonly Token[],
    private readonly lang: Candidate['lang'],
  ) {
    this.covered = new Uint8Array(b - a);
  }

  cover(c: Candidate): void {
    for (let k = c.tokStart; k < c.tokEnd; k++) this.covered[k - this.a] = 1;
  }

  free(from: number, to: number): boolean {
    for (let k = from; k < to; k++) if (this.covered[k - this.a]) return false;
    return true;
  }

  make(
    tokStart: number,
    tokEnd: number,
    type: EntityType,
    ids: string[],
    rule: string,
    via: Candidate['via'],
  ): Candidate {
    return {
      tokStart,
      tokEnd,
      start: this.tokens[tokStart]!.start,
      end: this.tokens[tokEnd - 1]!.end,
      type,
      ids,
      rule,
      via,
      lang: this.lang,
    };
  }
}

function nameLike(doc: Doc, k: number): boolean {
  return hasTag(doc, k, 'Name') || hasTag(doc, k, 'Surn') || hasTag(doc, k, 'Patr') || hasTag(doc, k, 'Init');
}

/**
 * A surname reading the analyzer only guessed from the ending ("Дискавери", "Росприроднадзора")
 * is weak evidence alone; a dictionary reading is strong.
 */
function dictTag(doc: Doc, k: number, tag: string): boolean {
  const t = doc.tokens[k]!;
  if (t.features?.tags?.includes(tag) && !t.features.guessed) return true;
  return tokenAlternatives(doc, k).some((r) => r.features.tags?.includes(tag) && !r.features.guessed);
}

function recognizeRuUnknown(
  doc: Doc,
  a: number,
  b: number,
  out: Candidate[],
  cx: Cover,
  sfs: readonly SlotForm[],
): void {
  const tokens = doc.tokens;
  let quoteDepth = 0;
  const inQuote = new Uint8Array(b - a);
  for (let k = a; k < b; k++) {
    const q = sfs[k - a]!.quote;
    if (q === 1) quoteDepth++;
    else if (q === 2) quoteDepth = Math.max(0, quoteDepth - 1);
    else if (quoteDepth > 0) inQuote[k - a] = 1;
  }
  for (let k = a; k < b; k++) {
    const sf = sfs[k - a]!;
    // Most words are lower case and introduce nothing: they are passed over on their form alone.
    if (!sf.word || (!sf.orgIntro && !sf.cap) || !cx.free(k, k + 1)) continue;
    const t = tokens[k]!;
    // Organizations introduced by a head noun: «компании John Deere», «корпорации Chevron», фонд «Самрук-Казына».
    if (sf.orgIntro && k + 1 < b) {
      const j = k + 1;
      if (tokens[j]!.text === '«' || tokens[j]!.text === '"') {
        const close = tokens.findIndex((x, idx) => idx > j && idx < b && (x.text === '»' || x.text === '"'));
        if (close > j + 1 && close - j <= 8 && cx.free(j + 1, close)) {
          const c = cx.make(j + 1, close, 'ORG', [], 'ru.org.quoted', 'name');
          out.push(c);
          cx.cover(c);
          k = close;
          continue;
        }
      }
      let end = j;
      while (
        end < b &&
        cx.free(end, end + 1) &&
        (/^[A-Z0-9]/.test(tokens[end]!.text) || (end > j && tokens[end]!.text === '&')) &&
        !CYR.test(tokens[end]!.text)
      )
        end++;
      if (end > j) {
        const c = cx.make(j, end, 'ORG', [], 'ru.org.latin-after-head', 'name');
        out.push(c);
        cx.cover(c);
        k = end - 1;
        continue;
      }
    }
    if (!isCap(t)) continue;
    const initial = k === a || (tokens[k - 1]?.kind === 'punct' && /[.!?…]/.test(tokens[k - 1]!.text));
    // Organization names led by a capitalised adjective: "Большого театра", "Общественной палаты",
    // "Верховного народного собрания"; or a capitalised head with its genitive: "Палаты представителей".
    if (CYR.test(t.text) && (t.pos === 'ADJ' || RU.ORG_NAME_HEADS.has(lemmaOf(t)))) {
      let j = k;
      while (j < b && j - k < 4 && tokens[j]!.pos === 'ADJ' && cx.free(j, j + 1)) j++;
      if (j < b && cx.free(j, j + 1) && RU.ORG_NAME_HEADS.has(lemmaOf(tokens[j])) && (j > k || !initial)) {
        let end = j + 1;
        // The head takes one genitive noun ("Палаты представителей", "Президентский центр наследия").
        if (tokens[end]?.pos === 'NOUN' && tokens[end]?.features?.case === 'gent' && cx.free(end, end + 1))
          end++;
        if (end - k >= 2) {
          const c = cx.make(k, end, 'ORG', [], 'ru.org.adjective-head', 'name');
          out.push(c);
          cx.cover(c);
          k = end - 1;
          continue;
        }
      }
    }
    // Compound organization names: "Росприроднадзора", "Водоканал", "Роскосмоса".
    if (
      CYR.test(t.text) &&
      !initial &&
      t.text.length > 6 &&
      !/^\p{Lu}+$/u.test(t.text) &&
      !dictTag(doc, k, 'Name') &&
      !dictTag(doc, k, 'Surn')
    ) {
      const low = t.text.toLowerCase().replace(/ё/g, 'е');
      const bare = low.replace(/(ами|ями|ой|ей|ом|ем|ым|ы|и|у|ю|е|а|я)$/, '');
      if (RU.ORG_WORD_SUFFIXES.some((x) => bare.endsWith(x) || low.endsWith(x))) {
        const c = cx.make(k, k + 1, 'ORG', [], 'ru.org.compound', 'name');
        out.push(c);
        cx.cover(c);
        continue;
      }
    }
    // Person names: a run of capitalised words with name tags (first name, patronymic, surname, initials).
    if (CYR.test(t.text) && (nameLike(doc, k) || (!initial && /^\p{Lu}\.?$/u.test(t.text)))) {
      let end = k;
      while (
        end < b &&
        cx.free(end, end + 1) &&
        tokens[end]?.kind === 'word' &&
        isCap(tokens[end]) &&
        CYR.test(tokens[end]!.text) &&
        (end === k || nameLike(doc, end) || tokens[end - 1]!.text.endsWith('.'))
      ) {
        end++;
        if (tokens[end]?.text === '.' && /^\p{Lu}$/u.test(tokens[end - 1]!.text)) end++;
      }
      const words = tokens.slice(k, end).filter((x) => x.kind === 'word');
      // A capital letter without a period opens a sentence or a quote ("С Ратманским"); a lone
      // adjective, preposition or acronym ("Московские", "Из", "ЗАЗ") is not a name.
      if (/^\p{Lu}$/u.test(t.text) && tokens[k + 1]?.text !== '.') continue;
      if (
        words.length === 1 &&
        (t.text === t.text.toUpperCase() || (t.pos !== 'PROPN' && t.pos !== 'NOUN' && t.pos !== 'X'))
      )
        continue;
      const beforeKnown = words.length === 1 && end < b && !cx.free(end, end + 1) && hasTag(doc, k, 'Name');
      let strong = false;
      for (let j = k; j < end; j++)
        if (dictTag(doc, j, 'Name') || dictTag(doc, j, 'Patr') || dictTag(doc, j, 'Init')) strong = true;
      // One word alone is a name when the dictionary says so (not a lone initial: "С", "К" open sentences).
      const dictSingle =
        words.length === 1 && t.text.length > 1 && (dictTag(doc, k, 'Surn') || dictTag(doc, k, 'Name'));
      const hasSurnameOrTwo = words.length >= 2 || dictSingle || beforeKnown;
      if (
        end > k &&
        hasSurnameOrTwo &&
        !(initial && words.length === 1 && !dictSingle) &&
        !RU.NOT_NAMES.has(lemmaOf(t)) &&
        !(inQuote[k - a] && !strong)
      ) {
        const c = cx.make(k, end, 'PERSON', [], 'ru.person.name-tags', 'name');
        out.push(c);
        cx.cover(c);
        k = end - 1;
        continue;
      }
    }
    // Latin-script names inside Russian text ("John Deere", "Axios") that the KB does not know.
    if (!CYR.test(t.text) && /^[A-Z]/.test(t.text) && t.text.replace(/\.$/, '').length > 1) {
      let end = k;
      while (
        end < b &&
        cx.free(end, end + 1) &&
        tokens[end]?.kind === 'word' &&
        /^[A-Z0-9&]/.test(tokens[end]!.text) &&
        !CYR.test(tokens[end]!.text)
      )
        end++;
      // One word alone that is a Roman numeral ("XXI"), a code with digits ("STS-124", "HTML5") or an
      // article left over from a longer name ("The", "La") names no organization.
      if (end === k + 1 && LATIN_NOT_ORG.test(t.text)) continue;
      const c = cx.make(k, end, 'ORG', [], 'ru.org.latin', 'name');
      out.push(c);
      cx.cover(c);
      k = end - 1;
      continue;
    }
    // Acronyms: ЦИК, ОПЕК+ (unknown ones).
    const definedAbbreviation = tokens[k - 1]?.text === '(' && /^\p{Ll}/u.test(tokens[k - 2]?.text ?? '');
    if (
      CYR.test(t.text) &&
      // Two letters are too often a score code or a unit ("ГБ", "ОТ").
      /^[\p{Lu}]{3,6}$/u.test(t.text) &&
      !initial &&
      !definedAbbreviation &&
      // A legal form ("ОАО «Газпром»", "ГУП «Водоканал»") is the descriptor, not the name.
      !sf.orgIntro &&
      !RU.NOT_ORG_ACRONYMS.has(t.text)
    ) {
      const c = cx.make(k, k + 1, 'ORG', [], 'ru.org.acronym', 'name');
      out.push(c);
      cx.cover(c);
      continue;
    }
    // No rule for a lone Geox word: the tagger reads that tag with its context, and the words it
    // leaves ("Кан", "Гата") are mostly surnames and product names.
    // A capitalised word after a person cue ("бизнесмен Иванов") is a surname.
    if (CYR.test(t.text) && !initial && RU.PERSON_CUES.has(lemmaOf(tokens[k - 1]))) {
      const c = cx.make(k, k + 1, 'PERSON', [], 'ru.person.after-cue', 'name');
      out.push(c);
      cx.cover(c);
    }
  }
  // A capitalised word right after a title is a surname ("министр Петров"); titles are PERSON.
  for (const c of [...out]) {
    if (c.via !== 'title') continue;
    const k = c.tokEnd;
    const t = tokens[k];
    if (
      t &&
      t.kind === 'word' &&
      isCap(t) &&
      CYR.test(t.text) &&
      cx.free(k, k + 1) &&
      !hasTag(doc, k, 'Geox') &&
      // A common noun ("президента Республики") or an acronym ("глава ОАО") is no surname.
      t.text !== t.text.toUpperCase() &&
      personLike(doc, k, k + 1)
    ) {
      let end = k + 1;
      while (
        end < b &&
        cx.free(end, end + 1) &&
        tokens[end]?.kind === 'word' &&
        isCap(tokens[end]) &&
        CYR.test(tokens[end]!.text)
      )
        end++;
      const n = cx.make(k, end, 'PERSON', [], 'ru.person.after-title', 'name');
      out.push(n);
      cx.cover(n);
    }
  }
}

const lowercaseAliasCache = new WeakMap<KbEntity, boolean>();

/** The entity has a multi-word name written in lower case ("сектор Газа"); cached per entity. */
function hasLowercaseAlias(e: KbEntity): boolean {
  let v = lowercaseAliasCache.get(e);
  if (v === undefined) {
    v = [...(e.ru ?? []), ...(e.en ?? [])].some((n) => /^\p{Ll}/u.test(n) && n.includes(' '));
    lowercaseAliasCache.set(e, v);
  }
  return v;
}

/**
 * A name seen in full earlier in the document makes its words names wherever they recur alone
 * ("Юрген Клинсман … Клинсман сказал"): a second pass over capitalised words no candidate covers.
 */
export function recognizeRepeats(doc: Doc, cands: Candidate[], forms?: readonly TokenForm[]): Candidate[] {
  const tokens = doc.tokens;
  const covered: number[] = new Array(tokens.length).fill(0);
  const words = new Map<string, EntityType>();
  for (const c of cands) {
    for (let k = c.tokStart; k < c.tokEnd; k++) covered[k] = 1;
    if (c.type !== 'PERSON' || c.via !== 'name' || c.tokEnd - c.tokStart < 2) continue;
    // The surname (last word) recurs alone; first names alone are too often someone else.
    const t = tokens[c.tokEnd - 1]!;
    if (t.kind !== 'word' || t.text.length < 3 || t.pos === 'ADJ') continue;
    words.set(lemmaOf(t), 'PERSON');
    words.set(t.text.toLowerCase(), 'PERSON');
  }
  if (!words.size) return [];
  const out: Candidate[] = [];
  for (let k = 0; k < tokens.length; k++) {
    if (covered[k]) continue;
    // The forms the sentences were recognized with say it without reading the token.
    const sf = forms?.[k]?.slots;
    if (sf && (!sf.word || !sf.cap)) continue;
    const t = tokens[k]!;
    if (t.kind !== 'word' || !isCap(t)) continue;
    const type = words.get(sf ? sf.lemma : lemmaOf(t)) ?? words.get(t.text.toLowerCase());
    if (!type) continue;
    const s = doc.sentences[t.sentence];
    out.push({
      tokStart: k,
      tokEnd: k + 1,
      start: t.start,
      end: t.end,
      type,
      ids: [],
      rule: 'ru.person.repeated-name',
      via: 'name',
      lang: s?.lang === 'en' ? 'en' : 'ru',
    });
  }
  return out;
}
