/**
 * Linking and in-document coreference: one entity per referent. KB names take the KB identity
 * (chosen by type, date and the countries of the text); a title takes the person named beside it,
 * or the holder of the office at the document date, or the last-named holder in the document;
 * names the KB does not know cluster by surname and by transliteration; a surname alone after a
 * full name joins it. A name that fits nothing gets a stable local id (`new:…`), never a famous
 * namesake.
 */
import type { Doc, Entity, EntityType, Mention, Role, Token } from '../doc.js';
import type { Kb } from '../kb/kb.js';
import type { KbEntity } from '../kb/types.js';
import type { MorphReading } from '../lang/ru/morph.js';
import {
  hyphenatedPlaceLemma,
  nominativeAdjective,
  indeclinableWords,
  personNameLemmas,
  plainNominativeName,
  type NameWord,
} from '../lang/ru/normalize.js';
import { institutionName } from '../lang/ru/institutions.js';
import { tokenAlternatives } from '../stages/morph.js';
import { adjectiveCountry, type Candidate } from './recognize.js';
import { namesMatch, romanize } from './translit.js';

const CYR = /[\u0400-\u04ff]/;

interface Draft {
  id: string;
  kb?: KbEntity;
  name: string;
  ruName: string | null;
  type: EntityType;
  country: string | null;
  mentions: Mention[];
  rule: string;
  /** Surface words of the longest name seen (for surname coreference). */
  words: string[];
}

function cap(word: string, like: string): string {
  if (!word) return word;
  if (like[0] && like[0] === like[0].toLowerCase()) return word;
  if (like === like.toUpperCase() && like.length > 1 && like !== like.toLowerCase())
    return word.toUpperCase();
  if (word.indexOf('-') < 0) return word[0]!.toUpperCase() + word.slice(1);
  // Parts written lower-case stay so ("Франкфурт-на-Майне", "Саиф-уль-Мулук").
  const written = like.split('-');
  return word
    .split('-')
    .map((p, i) => {
      const w = written[i];
      if (!p || (w && w[0] === w[0]!.toLowerCase() && w[0] !== w[0]!.toUpperCase())) return p;
      return p[0]!.toUpperCase() + p.slice(1);
    })
    .join('-');
}

/** The chosen reading of a token (what the morph stage wrote on it). */
function tokenReading(t: Token): MorphReading {
  return { lemma: t.lemma ?? t.text.toLowerCase(), pos: t.pos ?? 'X', features: t.features ?? {} };
}

/**
 * The nominative form of a mention of a person: its words in the one case and gender their readings
 * agree on, capitalised and spaced as written ("Т.Мэй", "Вольфганга Бюхеле" → "Вольфганг Бюхеле").
 */
function personLemma(doc: Doc, c: Candidate, fixed?: Set<string>): string {
  const tokens = doc.tokens;
  const words: NameWord[] = [];
  const at: number[] = [];
  let plain = true;
  for (let k = c.tokStart; k < c.tokEnd; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'word' || !CYR.test(t.text)) continue;
    const r = tokenReading(t);
    const alts = tokenAlternatives(doc, k);
    if (plain && (!plainNominativeName(r, alts) || fixed?.has(t.text.toLowerCase()))) plain = false;
    words.push({ text: t.text, readings: alts.length ? [r, ...alts] : [r] });
    at.push(k);
  }
  let lemmas: readonly string[];
  if (plain) lemmas = words.map((w) => w.readings[0]!.lemma);
  else {
    lemmas = personNameLemmas(words, fixed);
    if (fixed && words.length > 1) indeclinableWords(words, lemmas, fixed);
  }
  let out = '';
  let lastEnd = -1;
  for (let k = c.tokStart, w = 0; k < c.tokEnd; k++) {
    const t = tokens[k]!;
    const keep = at[w] === k || t.kind === 'word' || /^[.'’-]$/.test(t.text);
    if (!keep) continue;
    if (lastEnd >= 0 && lastEnd < t.start) out += ' ';
    out += at[w] === k ? cap(lemmas[w++]!, t.text) : t.text;
    lastEnd = t.end;
  }
  return out;
}

const ADJ_ENDING = /(ого|его|ому|ему|ым|им|ой|ей|ую|юю|ая|яя|ое|ее|ых|их|ыми|ими|ые|ие|ый|ий)$/;
const PLURAL_ADJ = /(ые|ие|ых|их|ыми|ими)$/;

const isAdjReading = (r: MorphReading): boolean => r.pos === 'ADJ' || r.features.verbForm === 'Part';

/**
 * Whether token `k` of a name is an adjective before its head noun: the tagger says so, or it has
 * an adjective's ending and an adjective reading (or only a guess) with a word after it
 * ("Частного корреспондента", "Брукхейвенской национальной лаборатории").
 */
function adjectiveBeforeHead(doc: Doc, k: number, end: number): boolean {
  const t = doc.tokens[k]!;
  if (t.pos === 'ADJ' || t.features?.verbForm === 'Part') return true;
  if (k + 1 >= end || doc.tokens[k + 1]!.kind !== 'word' || !ADJ_ENDING.test(t.text)) return false;
  return !!t.features?.guessed || tokenAlternatives(doc, k).some(isAdjReading);
}

/** The dictionary lemma of a token read as an adjective, if it has such a reading. */
function adjectiveLemma(doc: Doc, k: number): string | undefined {
  const t = doc.tokens[k]!;
  if (t.pos === 'ADJ') return t.lemma;
  return tokenAlternatives(doc, k).find((r) => r.pos === 'ADJ')?.lemma;
}

/** The nominative plural of a plural head noun ("Штатах" → "штаты", "территориями" → "территории"). */
function nominativePlural(doc: Doc, k: number): string {
  const t = doc.tokens[k]!;
  const w = t.text.toLowerCase();
  const nom = (r: MorphReading): boolean => r.features.case === 'nomn' && r.features.number === 'plur';
  if (nom(tokenReading(t)) || tokenAlternatives(doc, k).some(nom)) return w;
  const m = /^(.+?)(ами|ями|ах|ях|ам|ям|ов|ев|ей)$/.exec(w);
  if (!m) return t.lemma ?? w;
  const stem = m[1]!;
  const lemma = t.lemma ?? '';
  return stem + (/[гкхжшчщ]$/.test(stem) || /[ьйя]$/.test(lemma) ? 'и' : 'ы');
}

/**
 * The nominative form of an organization or place name: the head noun and the adjectives before it
 * take their nominative (adjectives agreeing in gender and number), the genitive words after it
 * stay as written ("Организации Объединенных Наций" → "Организация Объединенных Наций",
 * "Курильских островов" → "Курильские острова").
 */
function phraseLemma(doc: Doc, c: Candidate): string {
  const tokens = doc.tokens;
  const parts: string[] = [];
  let head = -1;
  for (let k = c.tokStart; k < c.tokEnd; k++) {
    const t = tokens[k]!;
    if ((t.pos === 'NOUN' || t.pos === 'PROPN') && !adjectiveBeforeHead(doc, k, c.tokEnd)) {
      head = k;
      break;
    }
  }
  const ht = head >= 0 ? tokens[head]! : undefined;
  const gender = ht ? String(ht.features?.gender ?? '') : '';
  let plural = ht?.features?.number === 'plur';
  if (ht && !plural && head > c.tokStart && PLURAL_ADJ.test(tokens[head - 1]!.text.toLowerCase())) {
    // "Курильские острова": the adjective says plural where the noun alone may be a singular.
    plural = tokenAlternatives(doc, head).some((r) => r.features.number === 'plur');
  }
  for (let k = c.tokStart; k < c.tokEnd; k++) {
    const t = tokens[k]!;
    const sep = k > c.tokStart && tokens[k - 1]!.end < t.start ? ' ' : '';
    if (!CYR.test(t.text) || head < 0 || k > head) {
      parts.push(sep + t.text);
      continue;
    }
    let l = t.lemma ?? t.text.toLowerCase();
    if (k < head && (adjectiveBeforeHead(doc, k, c.tokEnd) || ADJ_ENDING.test(t.text))) {
      l = nominativeAdjective(t.text, gender, plural, adjectiveLemma(doc, k));
    } else if (k === head && plural) {
      // Plural names keep the plural ("Соединенные Штаты").
      l = nominativePlural(doc, k);
    } else if (k === head) {
      l = hyphenatedPlaceLemma(t.text) ?? l;
    }
    parts.push(sep + cap(l, t.text));
  }
  return parts.join('').replace(/^[«"]|[»"]$/g, '');
}

/** Romanizations and slugs of the names seen lately: a name recurs across a document and across news. */
const romanCache = new Map<string, string>();
const slugCache = new Map<string, string>();

function cached(cache: Map<string, string>, key: string, make: (s: string) => string): string {
  let v = cache.get(key);
  if (v === undefined) {
    v = make(key);
    if (cache.size >= 50_000) cache.clear();
    cache.set(key, v);
  }
  return v;
}

function romanizeCached(s: string): string {
  return cached(romanCache, s, romanize);
}

function slug(s: string): string {
  return cached(slugCache, s, slugOf);
}

function slugOf(s: string): string {
  return (
    romanize(s)
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'x'
  );
}

function rolesAt(kb: KbEntity | undefined, date: string | null): Role[] {
  if (!kb?.roles) return [];
  const d = date ?? '9999-12-31';
  return kb.roles
    .filter(
      (r) =>
        (r.from ?? '0000') <= d &&
        (r.to === null ||
          r.to === undefined ||
          d <= r.to + (r.to.length === 4 ? '-12-31' : r.to.length === 7 ? '-31' : '')),
    )
    .map((r) => {
      const o: Role = { role: r.role, of: r.of ?? '' };
      if (r.from) o.from = r.from;
      if (r.to !== undefined) o.to = r.to;
      return o;
    });
}

/** Picks the KB identity of a name among its candidates, using the type the text suggests, the date and the countries of the text. */
function chooseKb(
  kb: Kb,
  ids: string[],
  date: string | null,
  countries: Set<string>,
  wantType?: EntityType,
): KbEntity | undefined {
  let best: KbEntity | undefined;
  let bestScore = -Infinity;
  ids.forEach((id, order) => {
    const e = kb.get(id);
    if (!e) return;
    let s = -order * 0.01;
    if (wantType && e.type === wantType) s += 3;
    if (e.type === 'COUNTRY') s += 1.5;
    if (e.country && countries.has(e.country)) s += 1;
    if (e.type === 'PERSON' && date && kb.activeOn(e, date)) s += 2;
    if (e.type === 'PERSON' && date && e.roles?.length && !kb.activeOn(e, date)) s += 0.5;
    // A capital is the likelier reading of a name shared with a region ("Washington").
    if (e.type === 'CITY' && kb.metonymOf(e.id)) s += 1;
    if (e.type === 'CITY') s += 0.3;
    if (s > bestScore) {
      best = e;
      bestScore = s;
    }
  });
  return best;
}

const ORG_INTRODUCER = /^(компани|корпораци|фонд|банк|company|corporation)/i;
const orgIntroducerCache = new Map<string, boolean>();

/** Whether a word ("компании", "Corporation") introduces an organization's name; cached per word. */
function introducesOrg(word: string): boolean {
  let v = orgIntroducerCache.get(word);
  if (v === undefined) {
    v = ORG_INTRODUCER.test(word);
    if (orgIntroducerCache.size >= 50_000) orgIntroducerCache.clear();
    orgIntroducerCache.set(word, v);
  }
  return v;
}

/** The type the word before a name asks for ("компании Chevron"), if any. */
function wantedType(tokens: readonly Token[], c: Candidate): EntityType | undefined {
  const prev = tokens[c.tokStart - 1];
  return prev && introducesOrg(prev.lemma ?? prev.text) ? 'ORG' : undefined;
}

const kbWordsCache = new WeakMap<KbEntity, string[]>();

/** The words of a KB entity's first Russian name and of its English name, computed once per entity. */
function kbWords(e: KbEntity): string[] {
  let v = kbWordsCache.get(e);
  if (!v) {
    v = [...(e.ru?.[0] ?? '').split(/[\s-]+/), ...e.name.split(/[\s-]+/)].filter(Boolean);
    kbWordsCache.set(e, v);
  }
  return v;
}

const ruWordsCache = new WeakMap<KbEntity, string[][]>();

/** The lower-case words (ё as е) of each Russian name of a KB entity, computed once per entity. */
function ruNameWords(e: KbEntity): string[][] {
  let v = ruWordsCache.get(e);
  if (!v) {
    v = (e.ru ?? []).map((name) => name.toLowerCase().replace(/ё/g, 'е').split(/\s+/));
    ruWordsCache.set(e, v);
  }
  return v;
}

/**
 * Links the candidates of a document into entities and fills `doc.mentions` and `doc.entities`.
 *
 * @example linkDocument(doc, candidates, kb) // doc.entities: one per referent, with every mention
 */
export function linkDocument(doc: Doc, cands: Candidate[], kb: Kb): void {
  const tokens = doc.tokens;
  const drafts: Draft[] = [];
  const byId = new Map<string, Draft>();
  const countries = new Set<string>();
  for (const c of cands) {
    for (const id of c.ids) {
      const e = kb.get(id);
      if (e?.type === 'COUNTRY' && e.iso3) countries.add(e.iso3);
    }
  }
  const get = (id: string, make: () => Draft): Draft => {
    let d = byId.get(id);
    if (!d) {
      d = make();
      byId.set(id, d);
      drafts.push(d);
    }
    return d;
  };
  const byLemma = new Map<string, Draft>();
  const byWord = new Map<string, Draft>();
  const latinPersons: Draft[] = [];
  const cyrPersons: Draft[] = [];
  const indexWords = (d: Draft): void => {
    for (const w of d.words) if (w.length > 2 && !byWord.has(w.toLowerCase())) byWord.set(w.toLowerCase(), d);
  };
  const fromKb = (e: KbEntity, rule: string): Draft => {
    const known = byId.has(e.id);
    const d = get(e.id, () => ({
      id: e.id,
      kb: e,
      name: e.name,
      ruName: e.ru?.[0] ?? null,
      type: e.type,
      country: e.country ?? e.iso3 ?? null,
      mentions: [],
      rule,
      words: kbWords(e).slice(),
    }));
    if (!known && d.type === 'PERSON') {
      indexWords(d);
      latinPersons.push(d);
    }
    return d;
  };
  const textOf = (c: Candidate): string => doc.text.slice(c.start, c.end);
  const all: Mention[] = [];
  // The first mention of `all` starting (ending) at each offset, for the lookups around titles.
  const firstByStart = new Map<number, Mention>();
  const firstByEnd = new Map<number, Mention>();
  const mention = (c: Candidate, d: Draft, lemma: string): Mention => {
    const m: Mention = {
      start: c.start,
      end: c.end,
      text: textOf(c),
      lemma,
      type: d.type,
      entity: d.id,
      rule: c.rule,
      via: c.via,
    };
    d.mentions.push(m);
    all.push(m);
    if (!firstByStart.has(m.start)) firstByStart.set(m.start, m);
    if (!firstByEnd.has(m.end)) firstByEnd.set(m.end, m);
    return m;
  };
  const kbLemma = (c: Candidate, e: KbEntity): string => {
    const text = textOf(c);
    if (!CYR.test(text)) return text.replace(/^@/, '');
    // The KB's own nominative name with as many words as the mention, else the lemmas of its words.
    const n = c.tokEnd - c.tokStart;
    const words = tokens
      .slice(c.tokStart, c.tokEnd)
      .filter((t) => t.kind === 'word')
      .map((t) => (t.lemma ?? t.text).toLowerCase());
    const ru = e.ru ?? [];
    const ruWords = ruNameWords(e);
    for (let r = 0; r < ru.length; r++) {
      const nw = ruWords[r]!;
      if (
        nw.length === n &&
        nw.every((w, i) => w === words[i] || w === tokens[c.tokStart + i]!.text.toLowerCase())
      )
        return ru[r]!;
    }
    // Else a KB name whose every word starts as the mention's does ("Токаеву" ~ "Токаев"); one
    // differing word is another person or thing ("Мелания Трамп" is not "Дональд Трамп").
    const samePrefix = (a: string, b: string): boolean => {
      const l = Math.min(3, a.length, b.length);
      return a.slice(0, l) === b.slice(0, l);
    };
    for (let r = 0; r < ru.length; r++) {
      const nw = ruWords[r]!;
      if (nw.length === n && nw.every((w, i) => words[i] !== undefined && samePrefix(w, words[i]!)))
        return ru[r]!;
    }
    return e.type === 'PERSON' ? personLemmaOf(c) : phraseLemma(doc, c);
  };

  // Full names first: a surname that stays as written in one ("Вольфганг Бюхеле") stays so alone.
  const fixedWords = new Set<string>();
  const personLemmas = new Map<Candidate, string>();
  for (const c of cands) {
    if (c.type === 'PERSON' && c.via !== 'title' && !c.ids.length && c.tokEnd - c.tokStart > 1)
      personLemmas.set(c, personLemma(doc, c, fixedWords));
  }
  const personLemmaOf = (c: Candidate): string => personLemmas.get(c) ?? personLemma(doc, c, fixedWords);

  // The country a genitive right after a mention names ("Министерство энергетики | Казахстана").
  const countryAfter = (c: Candidate): KbEntity | undefined => {
    const next = cands.find((x) => x.tokStart === c.tokEnd && x.type === 'COUNTRY' && x.ids.length);
    const e = next ? kb.get(next.ids[0]!) : undefined;
    return e?.type === 'COUNTRY' ? e : undefined;
  };

  // Pass 1: names (KB and unknown), in text order, so titles can refer back to them.
  const titleCands: Candidate[] = [];
  for (const c of cands) {
    if (c.via === 'title') {
      titleCands.push(c);
      continue;
    }
    const e = c.ids.length ? chooseKb(kb, c.ids, doc.date, countries, wantedType(tokens, c)) : undefined;
    if (e) {
      const d = fromKb(e, c.rule);
      const t = tokens[c.tokStart]!;
      mention(c, d, c.via === 'adjective' ? (t.lemma ?? t.text) : kbLemma(c, e));
      continue;
    }
    const lemma =
      c.type === 'PERSON' ? personLemmaOf(c) : CYR.test(textOf(c)) ? phraseLemma(doc, c) : textOf(c);
    // Coreference of unknown names: the same lemma, a surname alone after the full name, or the
    // same name in the other script.
    const words = lemma.split(/[\s]+/);
    // A state institution the KB does not hold for this country gets its English title and the
    // country named right after it ("Министерства энергетики Казахстана"): one entity per country,
    // the same across articles, rather than a romanized phrase.
    const inst = c.type === 'ORG' && CYR.test(lemma) ? institutionName(lemma) : null;
    const of = inst ? countryAfter(c) : undefined;
    const lemmaKey = inst ? `${c.type}|${inst}|${of?.id ?? ''}` : `${c.type}|${lemma.toLowerCase()}`;
    let target: Draft | undefined = byLemma.get(lemmaKey);
    if (!target && c.rule === 'ru.org.latin' && /^\S+( \S+){1,2}$/.test(lemma)) {
      // "Грегори Чамитофф (Gregory Chamitoff)": a Latin name that transliterates a person named
      // before is that person, not an organization.
      for (let i = cyrPersons.length - 1, n = 0; i >= 0 && n < 16 && !target; i--, n++) {
        const d = cyrPersons[i]!;
        if (d.words.length >= 2 && namesMatch(lemma, d.ruName ?? d.name)) target = d;
      }
    }
    const cyrLemma = CYR.test(lemma);
    if (!target && c.type === 'PERSON' && words.length === 1) target = byWord.get(words[0]!.toLowerCase());
    if (!target && c.type === 'PERSON') {
      // The same person in the other script ("Tokayev" ~ "Токаев"); the most recent names first,
      // and a bounded number of them, so a list of thousands of names stays linear.
      const other = cyrLemma ? latinPersons : cyrPersons;
      for (let i = other.length - 1, n = 0; i >= 0 && n < 64 && !target; i--, n++) {
        const d = other[i]!;
        const theirs = cyrLemma ? (d.ruName ?? d.name) : d.name;
        if (CYR.test(theirs) !== cyrLemma && namesMatch(lemma, theirs)) target = d;
      }
    }
    if (target) {
      mention(c, target, lemma);
      if (!target.kb && words.length > target.words.length) {
        target.words = words;
        indexWords(target);
      }
      continue;
    }
    const cyr = CYR.test(lemma);
    const name = inst ? (of ? `${inst} of ${of.name}` : inst) : cyr ? romanizeCached(lemma) : lemma;
    const id = `new:${c.type.toLowerCase()}/${slug(name)}`;
    const d = get(id, () => ({
      id,
      name,
      ruName: cyr ? lemma : null,
      type: c.type,
      country: of ? (of.iso3 ?? null) : null,
      mentions: [],
      rule: c.rule,
      words,
    }));
    mention(c, d, lemma);
    byLemma.set(lemmaKey, d);
    if (d.type === 'PERSON') {
      indexWords(d);
      (cyr ? cyrPersons : latinPersons).push(d);
    }
  }

  // Pass 2: titles. A title right before a person's name is that person; else the holder of the
  // office at the date, for the country the text gives; else the last-named person holding it.
  const personAfter = (c: Candidate): Draft | undefined => {
    let k = c.tokEnd;
    // Skip the country or organization the title is of ("Президент Казахстана Касым-Жомарт Токаев").
    for (let hops = 0; hops < 4 && k < tokens.length; hops++) {
      const m = firstByStart.get(tokens[k]!.start);
      if (!m) return undefined;
      const d = byId.get(m.entity!);
      if (d?.type === 'PERSON') return d;
      if (d && (d.type === 'COUNTRY' || d.type === 'ORG' || d.type === 'CITY')) {
        while (k < tokens.length && tokens[k]!.start < m.end) k++;
        continue;
      }
      return undefined;
    }
    return undefined;
  };
  const countryNear = (c: Candidate): string | null => {
    if (c.title?.country) return c.title.country;
    if (c.titleCountry) return c.titleCountry;
    // After: "Президент Казахстана", "President of Kazakhstan".
    let k = c.tokEnd;
    if (tokens[k] && /^(of|the)$/i.test(tokens[k]!.text)) k++;
    if (tokens[k] && /^the$/i.test(tokens[k]!.text)) k++;
    const after = tokens[k] ? firstByStart.get(tokens[k]!.start) : undefined;
    const afterD = after ? byId.get(after.entity!) : undefined;
    if (afterD?.type === 'COUNTRY' && afterD.country) return afterD.country;
    if (afterD?.kb) {
      const m = kb.metonymOf(afterD.id);
      if (m) return m;
      if (afterD.type === 'ORG') return afterD.id;
    }
    // Before: an adjective ("американского сенатора") or a country name ("Kazakhstan President", "U.S.").
    const prev = tokens[c.tokStart - 1];
    if (prev) {
      const adj = adjectiveCountry(kb, prev.lemma ?? prev.text) ?? adjectiveCountry(kb, prev.text);
      if (adj?.iso3) return adj.iso3;
      const before = firstByEnd.get(prev.end);
      const bd = before ? byId.get(before.entity!) : undefined;
      if (bd?.type === 'COUNTRY' && bd.country) return bd.country;
    }
    return null;
  };
  for (const c of titleCands) {
    const entry = c.title!;
    const lemma = CYR.test(textOf(c)) ? phraseLemma(doc, c) : textOf(c);
    const named = personAfter(c);
    if (named) {
      mention(c, named, lemma).role = entry.roles[0];
      continue;
    }
    const country = countryNear(c);
    let holder: KbEntity | undefined;
    let roles = entry.roles;
    if (roles[0] === 'counterpart') {
      // "со своим узбекским коллегой": the same office as the title named before, in another country.
      const prevTitle = all
        .filter((m) => m.via === 'title' && m.end <= c.start && m.role && m.role !== 'counterpart')
        .sort((x, y) => y.start - x.start)[0];
      roles = prevTitle?.role ? [prevTitle.role] : [];
    }
    if (country) {
      for (const role of roles) {
        holder = kb.holders(role, country, doc.date ?? undefined)[0]?.entity;
        if (holder) break;
      }
    } else {
      // "Глава государства": the last person named before it who holds one of the title's roles.
      const before = all
        .filter((m) => m.end <= c.start && m.type === 'PERSON' && m.entity)
        .sort((x, y) => y.start - x.start);
      for (const m of before) {
        const d = byId.get(m.entity!);
        if (d?.kb && rolesAt(d.kb, doc.date).some((r) => roles.includes(r.role))) {
          holder = d.kb;
          break;
        }
      }
    }
    if (holder) {
      const d = fromKb(holder, c.rule);
      mention(c, d, lemma).role = roles[0];
    }
  }

  doc.mentions = drafts.flatMap((d) => d.mentions).sort((x, y) => x.start - y.start || y.end - x.end);
  doc.entities = drafts.map((d): Entity => {
    const names: Record<string, string> = {};
    if (d.ruName) names.ru = d.ruName;
    if (d.kb?.kk?.[0]) names.kk = d.kb.kk[0];
    const wikidata = /^Q\d+$/.test(d.id) ? d.id : null;
    const e: Entity = {
      id: d.id,
      wikidata,
      name: d.name,
      names,
      type: d.type,
      country: d.country,
      roles: rolesAt(d.kb, doc.date),
      mentions: d.mentions
        .sort((x, y) => x.start - y.start)
        .map((m) => ({ start: m.start, end: m.end, text: m.text, lemma: m.lemma, rule: m.rule, via: m.via })),
      rule: d.rule,
    };
    return e;
  });
}
