import type { Doc, Entity, EntityRef, Event, EventStatus, Mention, Quote, Token } from '../doc.js';
import { findDates, type DateValue } from '../values/dates.js';
import type { MoneyValue } from '../values/money.js';
import type { ArgSpec, EventRule } from './types.js';
import { eventType, type EventTypeInfo } from './vocabulary.js';
import { tokenAlternatives } from '../stages/morph.js';

/** Language data the engine needs besides the rules: status cues, clause breaks, topics. */
export interface LangCues {
  negation: string[];
  hypothetical: string[];
  expected: string[];
  planned: string[];
  reported: string[];
  clauseBreaks: string[];
  ownCountry: string[];
  possessives: string[];
  parties: string[];
  /** Nouns for protesters: what they demand, denounce or do by force is a protest. */
  protesters: string[];
  /** Modals of obligation ("must", "должны"): what one says another must do is an appeal. */
  obligation: string[];
  /** Nouns for a state's organs ("government", "власти"): "the government of X" acts as X itself. */
  stateHeads: string[];
  /** The `parties` cues that name people ("президенты", "the two leaders"), not sides. */
  peopleParties?: string[];
  /** Lemmas of a sentence that states what the deal before it costs ("стоимость", "cost"). */
  amountNouns?: string[];
  /** Verbs of denial: an event noun in what they deny did not happen ("опровергли сообщения о визите"). */
  denial?: string[];
  /** Verbs that, as the predicate of an event noun, call it off ("визит перенесен", "встреча отменена"). */
  calledOff?: string[];
}

export interface EngineLang {
  code: 'ru' | 'en';
  rules: EventRule[];
  cues: LangCues;
  /** Topic phrases as lemma sequences → English topic. */
  topics: Array<[string[], string]>;
  /** Nouns of time ("год", "year"): a phrase they head does not govern a following name. */
  timeNouns: string[];
  /** A date right after these words is a deadline ("к 2030 году", "by 2030"): a pattern over the text before it. */
  deadline: RegExp;
}

/** What the engine may ask of the knowledge base (kept narrow so the engine stays testable). */
export interface EngineKb {
  /** Sectors of a KB entity (BUS for a company), if known. */
  sectors(id: string): readonly string[];
  /** A COUNTRY entity for an ISO3 code, to add to the document when an event needs it. */
  country(iso3: string): Omit<Entity, 'mentions'> | null;
  /** True for a capital city (it stands for its country's government). */
  isCapital(id: string): boolean;
}

interface CompiledLang {
  code: 'ru' | 'en';
  timeNouns: Set<string>;
  /** Topic phrases as cue lists (longest first) and their English labels. */
  topicCues: string[][];
  topicLabel: Map<string, string>;
  deadline: RegExp;
  byFirst: Map<string, Array<{ rule: EventRule; words: string[] }>>;
  /** Each rule's `switchTo` cues as lemma sequences. */
  switchCues: Map<EventRule, string[][]>;
  /** One-word triggers of statements ("say", "заявить"): verbs that introduce reported speech. */
  sayLemmas: Set<string>;
  cues: Record<keyof LangCues, string[][]>;
  topics: Array<[string[], string]>;
  /** All the cue lists above, switches and topics, indexed together. */
  cueLists: CueLists;
  /** The `parties` cues that name people, as cue texts. */
  peopleParties: Set<string>;
  /** Lemmas that state a cost ("стоимость"). */
  amountNouns: Set<string>;
  /** Verbs of denial ("опровергнуть"). */
  denial: Set<string>;
  /** Verbs that call an event off ("отменить", "перенести"). */
  calledOff: Set<string>;
}

/** Compiles rules and cues once per pipeline: rules indexed by the first lemma of each trigger. */
export function compileLang(lang: EngineLang): CompiledLang {
  const byFirst = new Map<string, Array<{ rule: EventRule; words: string[] }>>();
  for (const rule of lang.rules) {
    for (const t of rule.trigger) {
      const words = t.split(' ');
      const list = byFirst.get(words[0]!) ?? [];
      list.push({ rule, words });
      byFirst.set(words[0]!, list);
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  const cues = {} as Record<keyof LangCues, string[][]>;
  for (const k of Object.keys(lang.cues) as (keyof LangCues)[])
    cues[k] = (lang.cues[k] ?? []).map((c) => c.split(' '));
  // Rules that share a switch share its compiled cue list, and so its per-document index.
  const switchCues = new Map<EventRule, string[][]>();
  const byList = new Map<readonly string[], string[][]>();
  for (const rule of lang.rules) {
    if (!rule.switchTo) continue;
    const list = byList.get(rule.switchTo.cues) ?? rule.switchTo.cues.map((c) => c.split(' '));
    byList.set(rule.switchTo.cues, list);
    switchCues.set(rule, list);
  }
  const topicCues = [...lang.topics].sort((x, y) => y[0].length - x[0].length).map(([w]) => w);
  const topicLabel = new Map(lang.topics.map(([w, t]) => [w.join(' '), t]));
  return {
    peopleParties: new Set(lang.cues.peopleParties ?? []),
    amountNouns: new Set(lang.cues.amountNouns ?? []),
    denial: new Set(lang.cues.denial ?? []),
    calledOff: new Set(lang.cues.calledOff ?? []),
    cueLists: cueLists([...Object.values(cues), ...switchCues.values(), topicCues]),
    code: lang.code,
    timeNouns: new Set(lang.timeNouns),
    byFirst,
    cues,
    topics: lang.topics,
    deadline: lang.deadline,
    topicCues,
    topicLabel,
    switchCues,
    sayLemmas: new Set(
      lang.rules
        .filter((r) => r.type === 'STATEMENT')
        .flatMap((r) => r.trigger.filter((t) => !t.includes(' '))),
    ),
  };
}

const TYPE_RANK: Record<string, number> = {
  PERSON: 6,
  ORG: 5,
  COUNTRY: 4,
  TREATY: 4,
  EVENT_NAME: 4,
  CITY: 3,
  FACILITY: 2,
  LOC: 1,
  PRODUCT: 1,
};

interface Ctx {
  doc: Doc;
  lang: CompiledLang;
  kb: EngineKb;
  /** Mention index covering each token, or -1. */
  tokMention: Int32Array;
  /** True for tokens inside quotation marks. */
  inQuote: Uint8Array;
  entities: Map<string, Entity>;
  visit: { source: string[]; target: string[]; date: string | null; planned?: boolean } | null;
  lastSubject: string[];
  /** Parties of the last event with both sides ("стороны договорились" refers to them). */
  lastParties: Parties | null;
  /** Parties of the last event between two people ("президенты договорились" refers to them). */
  lastPersonParties: Parties | null;
  /** The parties a parties word of the rule being applied stood for. */
  partiesUsed: Parties | null;
  /** Whether that word named people ("министры") rather than sides ("стороны"). */
  partiesArePeople: boolean;
  /** Types of the events of the sentences read so far. */
  seenTypes: Set<string>;
  /** Whether the text holds an embedded post's signature, once asked. */
  hasPost?: boolean;
  /** The reference date of each paragraph (by its start) that was asked for. */
  paraDates: Map<number, string | null>;
  cueIndex: CueIndex;
  /** Lower-cased token texts, computed once per document. */
  lows: string[];
  /** Where each of the language's cue lists may match (see `cueStarts`); built when first asked. */
  cueStarts: number[][] | null;
  /** Type of the rule being applied. */
  ruleType: string;
  /** Set while a rule's source came from a parties word: the other side, for the target. */
  partiesTarget: string[] | null;
  /** Lemmas of the sentence being read, gathered when a rule first asks. */
  sentLemmas: Set<string> | null;
}

interface Parties {
  source: string[];
  target: string[];
  type?: string;
  date?: string | null;
}

interface Found {
  ids: string[];
  how: string;
  /** The entities stand for people of a place ("workers in Korea"), not for its state. */
  proxy?: boolean;
}

const PUNCT_CONTINUE = new Set([',']);
/** Types that mean nothing without the one who acts ("bans on travel to Canada" is no visit). */
const NEEDS_SOURCE = new Set(['VISIT', 'HOST_VISIT', 'PRAISE', 'JOIN', 'PHONE_CALL']);
/** Types whose parties act together; coordinated subjects split into source and target. */
const SYMMETRIC = new Set(['MEET', 'PHONE_CALL', 'SIGN_AGREEMENT', 'COOPERATE', 'DEAL', 'INTENT']);
/** Words that open a subordinate clause even without a comma before them. */
const COMPLEMENTIZERS = new Set(['that', 'что', 'чтобы']);
const CONJ = new Set(['и', 'and', 'а также', 'as well as']);
/** Words that open a condition: a subject is not looked for across them. */
const CONDITIONALS = new Set(['if', 'unless', 'если', 'ежели']);

function lemma(t: Token | undefined): string {
  return t ? (t.lemma ?? t.text.toLowerCase()) : '';
}

/** `s.toLowerCase()`, without a new string for words already in lower case or with one capital. */
function lowerCase(s: string): string {
  if (lowerFrom(s, 0)) return s;
  const c = s.charCodeAt(0);
  // Basic Cyrillic and Latin capitals: their lower case is 0x20 above.
  if (((c >= 0x410 && c <= 0x42f) || (c >= 0x41 && c <= 0x5a)) && lowerFrom(s, 1))
    return String.fromCharCode(c + 0x20) + s.slice(1);
  return s.toLowerCase();
}

/** True when s[from..] has only characters that lower-casing leaves alone (ASCII non-capitals, а–џ). */
function lowerFrom(s: string, from: number): boolean {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x41 || (c > 0x5a && c < 0x80) || (c >= 0x430 && c <= 0x45f)) continue;
    return false;
  }
  return true;
}

function isVerb(t: Token): boolean {
  return t.pos === 'VERB' || t.pos === 'AUX';
}

/**
 * The word under which a token's triggers are indexed: its lemma, or for an English capitalised word
 * outside any name that the tagger took for one ("Airstrikes killed…"), its lower-case singular.
 */
function triggerKey(ctx: Ctx, t: Token, i: number): string | null {
  const l = lemma(t);
  if (ctx.lang.byFirst.has(l)) return l;
  if (ctx.lang.code !== 'en' || t.pos !== 'PROPN' || ctx.tokMention[i] !== -1) return null;
  if (!/^[A-Z][a-z]+$/.test(t.text)) return null;
  const low = t.text.toLowerCase();
  for (const k of [low, low.replace(/ies$/, 'y'), low.replace(/es$/, ''), low.replace(/s$/, '')])
    if (ctx.lang.byFirst.has(k)) return k;
  return null;
}

const TIME_NOUNS = new Set([
  'week',
  'month',
  'year',
  'day',
  'night',
  'morning',
  'afternoon',
  'evening',
  'weekend',
  'hour',
]);

function matchSeq(
  tokens: Token[],
  i: number,
  seq: string[],
  end: number,
  maxGap = 0,
  first?: string,
  nounGap = false,
): number {
  // Returns the index after the match, or -1. Up to maxGap determiners or adjectives may stand
  // between the words ("провели двусторонние переговоры"). `first` stands for the first token's lemma.
  let j = i;
  for (let w = 0; w < seq.length; w++) {
    let gap = 0;
    while (j < end && (j === i && first !== undefined ? first : lemma(tokens[j])) !== seq[w]) {
      if (w === 0 || gap >= maxGap) return -1;
      const pos = tokens[j]!.pos;
      // English compounds, adverbs and mis-tagged adjectives ("imposed an arms embargo", "a
      // nationwide strike", "released yesterday by").
      // English indirect objects and name modifiers too ("gave Lithuania an ultimatum", "took Hungary
      // to court", "allowed UN inspectors").
      // Participles as adjectives and coordinated modifiers too ("cancelled a planned visit",
      // "suspended military and economic aid").
      const t = tokens[j]!;
      // A passive's "by" follows its verb, a time word at most between: "condemned an attack by
      // Israel" is no passive.
      if (nounGap && seq[w] === 'by' && (pos === 'DET' || (pos === 'NOUN' && !TIME_NOUNS.has(lemma(t)))))
        return -1;
      const english =
        nounGap &&
        (pos === 'NOUN' ||
          pos === 'ADV' ||
          pos === 'PROPN' ||
          pos === 'NUM' ||
          pos === 'CCONJ' ||
          (pos === 'VERB' &&
            ((t.features?.verbForm !== 'Fin' && t.features?.verbForm !== 'Inf') ||
              tokens[j - 1]?.pos === 'DET')));
      if (pos !== 'DET' && pos !== 'ADJ' && !english) return -1;
      gap++;
      j++;
    }
    if (j >= end) return -1;
    j++;
  }
  return j;
}

/** Positions of each cue list's matches in a document, computed once per document and list. */
type CueIndex = Map<string[][], Array<{ pos: number; text: string }>>;

/**
 * Every cue list of a language, indexed by first word: one pass over a document's tokens finds where
 * each list's cues may start, instead of one pass per list.
 */
interface CueLists {
  /** First word → the lists (by number) with a cue starting with it. */
  byFirst: Map<string, number[]>;
  /** List number of each cue list. */
  number: Map<string[][], number>;
  /** Per list: first word → its cues in list order. */
  firsts: Array<Map<string, string[][]>>;
}

function cueLists(lists: Iterable<string[][]>): CueLists {
  const out: CueLists = { byFirst: new Map(), number: new Map(), firsts: [] };
  for (const cues of lists) {
    if (out.number.has(cues)) continue;
    const n = out.firsts.length;
    out.number.set(cues, n);
    const byFirst = new Map<string, string[][]>();
    for (const c of cues) byFirst.set(c[0]!, [...(byFirst.get(c[0]!) ?? []), c]);
    out.firsts.push(byFirst);
    for (const w of byFirst.keys()) {
      const ns = out.byFirst.get(w) ?? [];
      ns.push(n);
      out.byFirst.set(w, ns);
    }
  }
  return out;
}

/** Per list number, the ascending token positions where one of its cues may start. */
function cueStarts(tokens: Token[], lows: readonly string[], lists: CueLists): number[][] {
  const starts: number[][] = lists.firsts.map(() => []);
  for (let i = 0; i < tokens.length; i++) {
    const l = lemma(tokens[i]);
    const low = lows[i]!;
    const n1 = lists.byFirst.get(l);
    if (n1) for (const n of n1) starts[n]!.push(i);
    const n2 = low !== l ? lists.byFirst.get(low) : undefined;
    if (n2)
      for (const n of n2) {
        const st = starts[n]!;
        if (st[st.length - 1] !== i) st.push(i);
      }
  }
  return starts;
}

/**
 * True when cue `c` matches at token i: each later word by lemma or lower-case form; a word written
 * "+газета" may have up to two adjectives before it ("со ссылкой на +источник" matches "со ссылкой на
 * дипломатические источники").
 */
function cueFits(tokens: Token[], lows: readonly string[], i: number, c: string[]): boolean {
  let j = i + 1;
  for (let k = 1; k < c.length; k++) {
    let w = c[k]!;
    if (w.charCodeAt(0) === 43 /* + */) {
      w = w.slice(1);
      for (let gap = 0; gap < 2 && tokens[j]?.pos === 'ADJ' && lemma(tokens[j]) !== w; gap++) j++;
    }
    const u = tokens[j];
    if (!u || (lemma(u) !== w && lows[j] !== w)) return false;
    j++;
  }
  return true;
}

const cueTexts = new WeakMap<string[], string>();

/** A cue's words joined, once per cue. */
function cueText(c: string[]): string {
  let t = cueTexts.get(c);
  if (t === undefined) cueTexts.set(c, (t = c.join(' ')));
  return t;
}

function cueMatches(ctx: Ctx, cues: string[][]): Array<{ pos: number; text: string }> {
  const tokens = ctx.doc.tokens;
  const lows = ctx.lows;
  const lists = ctx.lang.cueLists;
  const n = lists.number.get(cues);
  if (n === undefined) {
    // A list the language did not declare: indexed on its own, once.
    ctx.lang.cueLists = cueLists([...lists.number.keys(), cues]);
    ctx.cueStarts = null;
    return cueMatches(ctx, cues);
  }
  const starts = (ctx.cueStarts ??= cueStarts(tokens, lows, ctx.lang.cueLists))[n]!;
  const byFirst = ctx.lang.cueLists.firsts[n]!;
  const out: Array<{ pos: number; text: string }> = [];
  for (const i of starts) {
    const l = lemma(tokens[i]);
    const low = lows[i]!;
    const c1 = byFirst.get(l);
    const c2 = low !== l ? byFirst.get(low) : undefined;
    const cands = c1 && c2 ? [...c1, ...c2] : (c1 ?? c2)!;
    for (const c of cands) {
      if (cueFits(tokens, lows, i, c)) {
        out.push({ pos: i, text: cueText(c) });
        break;
      }
    }
  }
  return out;
}

/** The first cue of the list that starts in tokens [from, to), or null. */
function hasCue(ctx: Ctx, from: number, to: number, cues: string[][]): string | null {
  return cueAt(ctx, from, to, cues)?.text ?? null;
}

/** Every match of a cue list in the document, in text order. */
function cueList(ctx: Ctx, cues: string[][]): Array<{ pos: number; text: string }> {
  let list = ctx.cueIndex.get(cues);
  if (!list) ctx.cueIndex.set(cues, (list = cueMatches(ctx, cues)));
  return list;
}

/** Like `hasCue`, with the cue's token position. */
function cueAt(ctx: Ctx, from: number, to: number, cues: string[][]): { pos: number; text: string } | null {
  const list = cueList(ctx, cues);
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.pos < from) lo = mid + 1;
    else hi = mid;
  }
  const hit = list[lo];
  return hit && hit.pos < to ? hit : null;
}

const ATTRIBUTION_BREAKS = new Set([',', ';', ':', '—', '–', '(', ')', '"', '“', '”', '.']);

/**
 * The words an English attribution cue stands in ("…, Palestinian security officials said." →
 * "Palestinian security officials said"; "according to people familiar with the plan"): from the start
 * of the cue's clause to the end of the cue, or to the clause's end after "according to". An adverb
 * ("reportedly") or a cue inside the main clause ("is said to") is given as written. Russian keeps the
 * cue's lemmas. The source is the first entity named in those words ("U.S. officials" → the United States).
 */
function attributionOf(
  ctx: Ctx,
  hit: { pos: number; text: string },
  a: number,
  b: number,
): { text: string; source: string | null } {
  if (ctx.lang.code !== 'en') return { text: hit.text, source: null };
  const tokens = ctx.doc.tokens;
  const text = ctx.doc.text;
  const last = Math.min(b, hit.pos + hit.text.split(' ').length) - 1;
  const written = text.slice(tokens[hit.pos]!.start, tokens[last]!.end);
  if (last === hit.pos && /ly$/.test(hit.text)) return { text: written, source: null };
  let start = hit.pos;
  while (start > a && !ATTRIBUTION_BREAKS.has(tokens[start - 1]!.text)) start--;
  let end = last;
  if (hit.text.startsWith('according to'))
    while (end + 1 < b && !ATTRIBUTION_BREAKS.has(tokens[end + 1]!.text)) end++;
  else if (hit.text.endsWith(' to')) return { text: written, source: null };
  else if (hit.text.endsWith(' that')) end--;
  let source: string | null = null;
  for (let k = start; k <= end && !source; k++) source = mentionAt(ctx, k)?.entity ?? null;
  return { text: text.slice(tokens[start]!.start, tokens[end]!.end), source };
}

const PLACE_TYPES = new Set(['COUNTRY', 'CITY', 'LOC']);

function caseOf(
  doc: Doc,
  m: Mention,
  tokMention: Int32Array,
  tokens: Token[],
  a: number,
  b: number,
): Set<string> | null {
  // The case of a mention's head: the first noun-like token that has a case. Null when unknown
  // (Latin script, indeclinable words), which every case slot accepts. Only tokens [a, b) are read.
  const cases = new Set<string>();
  // A guessed reading of an unknown first name ("Нарендра" read as a genitive surname) says less than
  // an indeclinable surname after it ("Моди"): guessed tokens decide only when nothing else does.
  let guessed: Set<string> | null = null;
  // Tokens are ordered by offset: start at the first one that does not end before the mention.
  let lo = a;
  let hi = b;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= m.start) lo = mid + 1;
    else hi = mid;
  }
  // "Ван И", "Мао Нин": a person whose last name does not decline shows no case, whatever the first
  // word seems to be ("Ван" also reads as the city).
  if (m.type === 'PERSON' && doc.lang === 'ru') {
    let last = lo;
    while (last + 1 < b && tokens[last + 1]!.end <= m.end) last++;
    const lt = tokens[last];
    // (A first name that declines, "Ярослав Емельяненко", still shows the case.)
    const firstName = tokens[lo]?.features?.tags?.includes('Name');
    if (lt && lt.end === m.end && lt.features?.tags?.includes('Fixd') && last > lo && !firstName) return null;
  }
  for (let i = lo; i < b; i++) {
    const t = tokens[i]!;
    if (t.start >= m.end) break;
    if (t.start < m.start || t.end > m.end) continue;
    if (tokMention[i] === -1) continue;
    const f = t.features;
    if (!f) continue;
    // ("ХАМАС", "ООН": abbreviations do not decline, whatever case the tagger gives them.)
    if (f.tags?.includes('Fixd') || (doc.lang === 'ru' && ABBREVIATION.test(t.text))) return null;
    // (A nationality adjective, "туркменского лидера", is in the case of the phrase it modifies.)
    if (f.case && (t.pos === 'NOUN' || t.pos === 'PROPN' || (t.pos === 'ADJ' && m.via === 'adjective'))) {
      const own = f.guessed && m.type === 'PERSON' ? (guessed ??= new Set<string>()) : cases;
      // Other readings of the same form count too ("Риме": locative of Рим, dative of Рима). A place
      // name is read as a place: its geographic readings only ("Ливана" is no nominative of the name
      // Ливана), in one number ("Индии" is no nominative plural, "Филиппины" no genitive singular).
      let readings = [f, ...tokenAlternatives(doc, i).map((r) => r.features)].filter((r) => r.case);
      if (PLACE_TYPES.has(m.type)) {
        const geo = readings.filter((r) => r.tags?.includes('Geox'));
        if (geo.length) readings = geo;
        const num = readings[0]?.number;
        if (num) readings = readings.filter((r) => !r.number || r.number === num);
      }
      for (const r of readings) own.add(String(r.case));
      if (own === cases) return cases.size ? cases : null;
    }
  }
  return cases.size ? cases : guessed;
}

/**
 * Runs the rules over a processed document (tokens with lemmas, entities with mentions, values)
 * and returns the events and quotes it states.
 *
 * @example const { events } = extractEvents(doc, { ru: compileLang(ru), en: compileLang(en) }, kb);
 */
export function extractEvents(
  doc: Doc,
  langs: Record<string, CompiledLang>,
  kb: EngineKb,
): { events: Event[]; quotes: Quote[] } {
  const tokens = doc.tokens;
  const tokMention = new Int32Array(tokens.length).fill(-1);
  const byStart = [...doc.mentions.keys()].sort((a, b) => doc.mentions[a]!.start - doc.mentions[b]!.start);
  let ti = 0;
  for (const mi of byStart) {
    const m = doc.mentions[mi]!;
    if (!m.entity) continue;
    while (ti < tokens.length && tokens[ti]!.end <= m.start) ti++;
    for (let k = ti; k < tokens.length && tokens[k]!.start < m.end; k++) {
      if (
        tokMention[k] === -1 ||
        doc.mentions[tokMention[k]!]!.end - doc.mentions[tokMention[k]!]!.start < m.end - m.start
      ) {
        tokMention[k] = mi;
      }
    }
  }
  const inQuote = markQuotes(tokens);
  // «Газпром», «Росатом»: quotation marks around one name alone mark the name, not a quotation.
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.text !== '«') continue;
    let j = i + 1;
    while (j < tokens.length && j - i <= 6 && tokens[j]!.text !== '»') j++;
    if (tokens[j]?.text !== '»' || j === i + 1) continue;
    const mi = tokMention[i + 1]!;
    let one = mi !== -1;
    for (let k = i + 1; k < j && one; k++) one = tokMention[k] === mi;
    if (one) for (let k = i + 1; k < j; k++) inQuote[k] = 0;
  }
  const lows: string[] = new Array<string>(tokens.length);
  for (let i = 0; i < tokens.length; i++) lows[i] = lowerCase(tokens[i]!.text);
  const ctx: Ctx = {
    doc,
    lang: langs.ru!,
    kb,
    tokMention,
    inQuote,
    entities: new Map(doc.entities.map((e) => [e.id, e])),
    visit: null,
    lastSubject: [],
    lastParties: null,
    lastPersonParties: null,
    partiesUsed: null,
    partiesArePeople: false,
    seenTypes: new Set(),
    paraDates: new Map(),
    partiesTarget: null,
    cueIndex: new Map(),
    lows,
    cueStarts: null,
    ruleType: '',
    sentLemmas: null,
  };
  const events: Event[] = [];
  const moneyBySentence = new Map<number, MoneyValue[]>();
  const datesBySentence = new Map<number, DateValue[]>();
  for (const v of doc.values) {
    if (v.kind !== 'money' && v.kind !== 'date') continue;
    const si = doc.sentences.findIndex((s) => v.start >= s.start && v.end <= s.end);
    if (si < 0) continue;
    if (v.kind === 'money')
      moneyBySentence.set(si, [...(moneyBySentence.get(si) ?? []), v as unknown as MoneyValue]);
    else datesBySentence.set(si, [...(datesBySentence.get(si) ?? []), v as unknown as DateValue]);
  }
  let prevEvents: Event[] = [];
  for (let si = 0; si < doc.sentences.length; si++) {
    const s = doc.sentences[si]!;
    const lang = langs[s.lang] ?? (s.lang === 'kk' ? langs.ru : undefined);
    if (!lang || s.tokenStart === undefined || s.tokenEnd === undefined) continue;
    if (ctx.lang !== lang) ctx.cueStarts = null;
    ctx.lang = lang;
    const sentEvents = sentenceEvents(ctx, si, moneyBySentence.get(si) ?? [], datesBySentence.get(si) ?? []);
    const kept = mergeInSentence(sentEvents, lang.code);
    for (const e of kept) ctx.seenTypes.add(e.type);
    const money = moneyBySentence.get(si);
    if (!kept.length && money?.length && prevEvents.length) amountAfter(ctx, si, money, prevEvents);
    events.push(...kept);
    prevEvents = kept;
  }
  const merged = mergeInDocument(events);
  const quotes = findQuotes(ctx);
  merged.forEach((e, i) => (e.id = `e-${doc.id.slice(2, 10)}-${i + 1}`));
  return { events: merged, quotes };
}

/**
 * «…подписали соглашение о строительстве… Общая стоимость проекта составит 1,1 млрд долларов.»: a
 * sentence with no event of its own that states what something costs gives the amount of the one deal
 * or agreement of the sentence before it that has none.
 */
function amountAfter(ctx: Ctx, si: number, money: MoneyValue[], prev: Event[]): void {
  const nouns = ctx.lang.amountNouns;
  if (!nouns.size || money.length !== 1) return;
  const s = ctx.doc.sentences[si]!;
  // The sentence opens with the cost ("Общая стоимость проекта составит…"), past adjectives.
  let k = s.tokenStart!;
  while (k < s.tokenEnd! && ctx.doc.tokens[k]!.pos === 'ADJ') k++;
  if (k >= s.tokenEnd! || !nouns.has(lemma(ctx.doc.tokens[k]))) return;
  const open = prev.filter(
    (e) =>
      (e.type === 'DEAL' || e.type === 'SIGN_AGREEMENT') &&
      !e.amount &&
      (e.status === 'occurred' || e.status === 'planned'),
  );
  if (open.length !== 1) return;
  const v = money[0]!;
  open[0]!.amount = { value: v.value, currency: v.currency, text: v.text };
  if (open[0]!.explain) open[0]!.explain.amount = 'the cost stated in the next sentence';
}

function markQuotes(tokens: Token[]): Uint8Array {
  const q = new Uint8Array(tokens.length);
  let depth = 0;
  let straight = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!.text;
    if (t === '«' || t === '“' || t === '„') depth++;
    else if (t === '»' || t === '”') depth = Math.max(0, depth - 1);
    else if (t === '"') straight = !straight;
    else if (depth > 0 || straight) q[i] = 1;
    if (i > 0 && tokens[i]!.sentence !== tokens[i - 1]!.sentence) {
      // Unbalanced quotes do not spill into the next sentence.
      if (q[i] && depth === 0) straight = false;
    }
  }
  return q;
}

function sentenceEvents(ctx: Ctx, si: number, money: MoneyValue[], ownDates: DateValue[]): Event[] {
  const { doc } = ctx;
  const s = doc.sentences[si]!;
  const a = s.tokenStart!;
  const b = s.tokenEnd!;
  const tokens = doc.tokens;
  const out: Event[] = [];
  const trigAt = new Map<Event, number>();
  const trigEndAt = new Map<Event, number>();
  ctx.sentLemmas = null;
  /** Trigger positions of verbs that take an infinitive as their content, whether or not they made an event. */
  const govAt: number[] = [];
  const used = new Set<number>();
  const refDate = sentenceRefDate(ctx, si);
  // The values stage resolved dates against the publication date; a post quoted with its own date
  // needs them resolved again against that.
  const dates =
    refDate === doc.date
      ? ownDates
      : findDates(doc.text.slice(s.start, s.end), s.lang === 'en' ? 'en' : 'ru', refDate, s.start);
  for (let i = a; i < b; i++) {
    if (used.has(i) || ctx.inQuote[i]) continue;
    const t = tokens[i]!;
    if (t.kind !== 'word') continue;
    const key = triggerKey(ctx, t, i);
    const cands = key ? ctx.lang.byFirst.get(key) : undefined;
    if (!cands) continue;
    const en = ctx.lang.code === 'en';
    for (const { rule, words } of cands) {
      const end = matchSeq(tokens, i, words, b, words.length > 1 ? (en ? 3 : 2) : 0, key!, en);
      if (end < 0) continue;
      // A trigger word that is part of a name ("Саммит ШОС" as an event name) is not a trigger.
      if (ctx.tokMention[i] !== -1 && (words.length === 1 || ctx.tokMention[end - 1] !== -1)) continue;
      // "Syrian forces": a noun is no use of the verb "force".
      if (rule.verbOnly && (t.pos === 'NOUN' || t.pos === 'PROPN')) continue;
      // "the two nations' disputed boundary", "a banned party": a participle between a determiner and
      // its noun describes the thing; it reports no act.
      if (en && words.length === 1 && attributiveParticiple(tokens, i)) continue;
      if (rule.vetoNext) {
        // "met the deadline": the word after the trigger, past determiners.
        let v = end;
        while (v < b && (tokens[v]!.pos === 'DET' || tokens[v]!.text === '«' || tokens[v]!.text === '"')) v++;
        const next = tokens[v];
        if (next && (rule.vetoNext.includes(lemma(next)) || rule.vetoNext.includes(next.text.toLowerCase())))
          continue;
      }
      // "пригласил Путина посетить Казахстан", "threatened to boycott…": the visit or the boycott is the
      // content of the invitation or threat, even when the threat itself names nobody.
      const inf =
        tokens[i]!.features?.verbForm === 'Inf' ||
        (ctx.lang.code === 'en' && lemma(tokens[i - 1]) === 'to' && tokens[i - 1]!.pos === 'PART');
      if (inf && govAt.some((g) => g < i)) continue;
      if (INF_GOVERNORS.has(rule.type) && isVerb(t)) govAt.push(i);
      const ev = applyRule(ctx, rule, si, i, end, dates, money);
      if (ev) {
        out.push(ev);
        trigAt.set(ev, i);
        trigEndAt.set(ev, end);
        for (let k = i; k < end; k++) used.add(k);
        break;
      }
    }
  }
  obligationsAsAppeals(ctx, out, trigAt);
  // «подписали соглашение о предоставлении кредита»: a deal or aid named as what an agreement is about
  // is the agreement's subject, not an event of its own.
  if (ctx.lang.code === 'ru') {
    for (const e of [...out]) {
      if (e.type !== 'DEAL' && e.type !== 'AID' && e.type !== 'COOPERATE') continue;
      const t = trigAt.get(e)!;
      if (tokens[t]!.pos !== 'NOUN') continue;
      let k = t - 1;
      while (k > a && tokens[k]!.pos === 'ADJ' && t - k < 3) k--;
      const about = lemma(tokens[k]);
      if ((about !== 'о' && about !== 'об') || tokens[k - 1]?.pos !== 'NOUN') continue;
      const host = out.find(
        (o) => o !== e && (o.type === 'SIGN_AGREEMENT' || o.type === 'DEAL') && trigAt.get(o)! < t,
      );
      if (!host) continue;
      host.amount ??= e.amount;
      out.splice(out.indexOf(e), 1);
    }
  }
  rankByProminence(ctx, out, trigAt, trigEndAt, a, b);
  // "…, the State Department said.": a closing credit line is the source of the sentence's
  // events, not an event of its own.
  for (const e of [...out]) {
    if (e.type !== 'STATEMENT') continue;
    const t = trigAt.get(e)!;
    // «…, сообщил в среду Юрий Ушаков»: a Russian verb of saying right after the comma, its speaker
    // after it, is a credit line whatever object the verb seemed to take.
    const inverted = ctx.lang.code === 'ru' && tokens[t - 1]?.text === ',' && isVerb(tokens[t]!);
    if (e.target.length && !inverted) continue;
    // «…, Лавров заявил, что Москва открыта к диалогу»: a saying with its own content is no credit line.
    let content = false;
    for (let k = t + 1; k < Math.min(b, t + 3) && !content && ctx.lang.code === 'ru'; k++)
      content = COMPLEMENTIZERS.has(lemma(tokens[k])) || tokens[k]!.text === ':';
    if (content) continue;
    const before = out.filter((o) => o !== e && o.type !== 'STATEMENT' && trigAt.get(o)! < t);
    if (!before.length) continue;
    let k = t - 1;
    while (k > a && tokens[k]!.text !== ',') k--;
    if (tokens[k]?.text !== ',' || ctx.tokMention[k + 1] === undefined) continue;
    let speaker = e.source[0] ?? null;
    if (inverted) {
      let j = t + 1;
      while (j < b && (ctx.tokMention[j] === -1 || !doc.mentions[ctx.tokMention[j]!]!.entity)) j++;
      const id = j < b ? doc.mentions[ctx.tokMention[j]!]!.entity : undefined;
      const ent = id ? ctx.entities.get(id) : undefined;
      if (ent) speaker = entityRef(ent);
    }
    for (const o of before)
      o.attribution ??= {
        source: speaker,
        text: doc.text.slice(
          tokens[inverted ? t : k + 1]!.start,
          tokens[inverted ? (tokens[b - 1]!.kind === 'punct' ? b - 2 : b - 1) : t]!.end,
        ),
      };
    out.splice(out.indexOf(e), 1);
  }
  // "X announced that Y will join…": the news is the reported event, not the act of saying it.
  return out.filter((e) => {
    if (e.type !== 'STATEMENT') return true;
    const t = trigAt.get(e)!;
    // "Speaking after the meeting, Rubio praised…": an opening participle frames the sentence's event.
    const opening =
      ctx.lang.code === 'en' &&
      /ing$/.test(tokens[t]!.text) &&
      !tokens.slice(a, t).some((x) => x.text === ',');
    if (opening && out.some((o) => o.type !== 'STATEMENT')) return false;
    // «Путин подчеркнул, что Москва выступает за…»: a saying inside what is said is its content.
    const inner = out.some((o) => {
      if (o === e || o.type !== 'STATEMENT' || ctx.lang.code !== 'ru') return false;
      const u = trigAt.get(o)!;
      if (u >= t) return false;
      for (let k = u + 1; k < t; k++) if (COMPLEMENTIZERS.has(lemma(tokens[k]))) return true;
      return false;
    });
    if (inner) return false;
    // «Как сообщает турецкая газета Hürriyet, Анкара предложит…»: the outlet's account frames the news.
    // («Как сообщили в Акорде, визит … перенесен»: the same for an institution's account.)
    const framing = ctx.lang.code === 'ru' && lemma(tokens[t - 1]) === 'как';
    if (framing && out.some((o) => o.type !== 'STATEMENT' && trigAt.get(o)! > t)) return false;
    return !out.some((o) => {
      if (o === e || o.type === 'STATEMENT') return false;
      const u = trigAt.get(o)!;
      if (u <= t) return false;
      for (let k = t + 1; k < u; k++) if (COMPLEMENTIZERS.has(lemma(tokens[k]))) return true;
      return false;
    });
  });
}

const ATTRIBUTIVE_BEFORE = new Set([
  'a',
  'an',
  'the',
  'this',
  'that',
  'its',
  'his',
  'her',
  'their',
  'our',
  "'",
  '’',
  "'s",
  '’s',
]);

/** An English "-ed" form right after a determiner or possessive and right before a noun or adjective. */
function attributiveParticiple(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  if (!/ed$/i.test(t.text)) return false;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (!prev || !next || (next.pos !== 'NOUN' && next.pos !== 'ADJ')) return false;
  return ATTRIBUTIVE_BEFORE.has(prev.text.toLowerCase());
}

/**
 * "Iran said the United States must lift its sanctions", «Лавров заявил, что США должны…»: an act
 * that someone says another must or should do is that speaker's appeal to the other (CAMEO 02x).
 */
function obligationsAsAppeals(ctx: Ctx, out: Event[], trigAt: Map<Event, number>): void {
  const speaker = out.find((e) => e.type === 'STATEMENT' && e.source.length);
  if (!speaker) return;
  for (const o of out) {
    if (o === speaker || o.type === 'STATEMENT' || o.type === 'APPEAL') continue;
    const t = trigAt.get(o)!;
    const cue = hasCue(ctx, Math.max(0, t - 3), t, ctx.lang.cues.obligation);
    if (!cue) continue;
    const addressee = (o.source.length ? o.source : o.target).filter(
      (x) => !speaker.source.some((y) => y.id === x.id),
    );
    if (!addressee.length) continue;
    const info = eventType('APPEAL')!;
    if (o.explain) o.explain.type = `${o.type} that "${cue}" be done: an appeal`;
    o.type = 'APPEAL';
    o.cameo = info.cameo;
    o.plover = ploverOf(info, info.cameo, speaker.status, null);
    o.source = speaker.source;
    o.target = addressee;
    o.status = speaker.status;
  }
}

/** Types of verbs whose infinitive states what is promised, asked or threatened, not an act of its own. */
const INF_GOVERNORS = new Set(['INTENT', 'APPEAL', 'THREATEN']);

/** Types of verbs whose complement (an infinitive, a "that"-clause) states what they are about. */
const GOVERNING = new Set(['THREATEN', 'INTENT', 'APPEAL', 'REJECT', 'ACCUSE']);

/** Types of verbs whose object names what they are about ("condemned the attack", "welcomed the talks"). */
const ABOUT_TYPES = new Set([
  'ACCUSE',
  'PRAISE',
  'REJECT',
  'APPEAL',
  'THREATEN',
  'INTENT',
  'PROTEST',
  'MEDIATE',
]);

/**
 * Orders a sentence's events by how directly the sentence states them, through their confidence:
 * the main clause's verb first, then subordinate clauses and participle adjuncts. A noun event inside
 * the object of such a verb ("condemned the attack on Kyiv", "осудил удар по Киеву") is what the verb
 * is about: it goes when it took the verb's own subject as its actor, else it ranks below the verb.
 */
function rankByProminence(
  ctx: Ctx,
  out: Event[],
  trigAt: Map<Event, number>,
  trigEndAt: Map<Event, number>,
  a: number,
  b: number,
): void {
  const tokens = ctx.doc.tokens;
  const drop = new Set<Event>();
  if (out.length === 0) return;
  if (out.length === 1) {
    // One event: only its own clause and form can rank it.
    const e = out[0]!;
    const t = trigAt.get(e)!;
    const penalty = ownPenalty(ctx, t, clauseBounds(ctx, a, b, t).start, a);
    if (penalty) e.confidence = Math.max(0.05, Math.round((e.confidence - penalty) * 100) / 100);
    return;
  }
  // Prefix counts over the sentence keep the pairwise checks constant-time in long sentences:
  // finite verbs, and coordination breaks (";", ", and").
  const verbs = new Int32Array(b - a + 1);
  const breaks = new Int32Array(b - a + 1);
  for (let k = a; k < b; k++) {
    const x = tokens[k]!;
    const f = x.features;
    verbs[k - a + 1] = verbs[k - a]! + (isVerb(x) && f?.verbForm !== 'Part' && f?.verbForm !== 'Ger' ? 1 : 0);
    const br = x.text === ';' || (x.text === ',' && CONJ.has(lemma(tokens[k + 1])));
    breaks[k - a + 1] = breaks[k - a]! + (br ? 1 : 0);
  }
  const between = (counts: Int32Array, from: number, to: number): number =>
    to > from ? counts[to - a]! - counts[from - a]! : 0;
  const clStart = new Map(out.map((e) => [e, clauseBounds(ctx, a, b, trigAt.get(e)!).start]));
  for (const e of out) {
    const t = trigAt.get(e)!;
    const tok = tokens[t]!;
    const cl = { start: clStart.get(e)! };
    let penalty = 0;
    // A noun, or an English gerund after a preposition ("accused Greece of violating…").
    const gerund = ctx.lang.code === 'en' && /ing$/.test(tok.text) && tokens[t - 1]?.pos === 'ADP';
    if (tok.pos === 'NOUN' || tok.pos === 'PROPN' || gerund) {
      const gov = out.find((o) => {
        const u = trigAt.get(o)!;
        if (o === e || u >= t || !ABOUT_TYPES.has(o.type) || !isVerb(tokens[u]!)) return false;
        if (clStart.get(o) !== cl.start) return false;
        return between(verbs, trigEndAt.get(o)!, t) === 0;
      });
      if (gov) {
        // The verb's own subject taken as the noun's actor is a misreading ("the EU condemned the attack").
        if (e.source.length && sameSet(e.source, gov.source)) {
          drop.add(e);
          continue;
        }
        penalty += 0.3;
        if (e.explain) e.explain.rank = `what "${tokens[trigAt.get(gov)!]!.text}" is about`;
      }
    }
    // "threatened to withdraw…", "warned it would impose a blockade", "заявил, что введет…": what a
    // threat, vow, appeal, refusal or accusation is about ranks below it.
    if (!penalty) {
      const gov = out.find((o) => {
        const u = trigAt.get(o)!;
        if (o === e || u >= t || !GOVERNING.has(o.type) || !isVerb(tokens[u]!)) return false;
        return between(breaks, trigEndAt.get(o)!, t) === 0;
      });
      if (gov) {
        penalty += 0.2;
        if (e.explain) e.explain.rank = `what "${tokens[trigAt.get(gov)!]!.text}" is about`;
      }
    }
    penalty += ownPenalty(ctx, t, cl.start, a);
    if (penalty) e.confidence = Math.max(0.05, Math.round((e.confidence - penalty) * 100) / 100);
  }
  if (drop.size) out.splice(0, out.length, ...out.filter((e) => !drop.has(e)));
}

/** How much an event's own clause and form lower it: a subordinate clause, a participle adjunct. */
function ownPenalty(ctx: Ctx, t: number, clStart: number, a: number): number {
  const tokens = ctx.doc.tokens;
  const tok = tokens[t]!;
  let penalty = 0;
  // A clause opened by "that", "which", "after", "когда"…: background to the main clause.
  if (clStart > a && tokens[clStart]!.text !== ';') penalty += 0.05;
  // ", killing eight people": a participle adjunct states a consequence.
  if (
    ctx.lang.code === 'en' &&
    (tok.features?.verbForm === 'Ger' || tok.features?.verbForm === 'Part') &&
    tokens[t - 1]?.text === ','
  )
    penalty += 0.1;
  return penalty;
}

/** The date a sentence's relative words refer to: the dateline of an embedded post, else the article's. */
function sentenceRefDate(ctx: Ctx, si: number): string | null {
  const doc = ctx.doc;
  // (The signature needs "(@"; most documents have none, and their paragraphs need not be read.)
  if (!(ctx.hasPost ??= doc.text.includes('(@'))) return doc.date;
  const s = doc.sentences[si]!;
  // An embedded post carries its own date in its signature ("— Name (@handle) November 6, 2025").
  const paraStart = doc.text.lastIndexOf('\n\n', s.start) + 1;
  const known = ctx.paraDates.get(paraStart);
  if (known !== undefined) return known;
  let paraEnd = doc.text.indexOf('\n\n', s.end);
  if (paraEnd < 0) paraEnd = doc.text.length;
  const para = doc.text.slice(paraStart, paraEnd);
  const sig = /\(@\w+\)\s+([A-Z][a-z]+ \d{1,2}, \d{4})/.exec(para);
  let date = doc.date;
  if (sig) {
    const d = findDates(sig[1]!, 'en', doc.date)[0];
    if (d?.past) date = d.past;
  }
  ctx.paraDates.set(paraStart, date);
  return date;
}

const oneWordBreaks = new WeakMap<string[][], Set<string>>();

/** True when token k opens a clause: ";", ":", a complementizer, or a clause-break word after a comma or dash. */
function isBreakAt(tokens: Token[], breaks: Set<string>, k: number): boolean {
  const t = tokens[k]!;
  if (t.text === ';' || t.text === ':') return true;
  if (COMPLEMENTIZERS.has(lemma(t)) && t.pos !== 'PRON' && t.pos !== 'DET') return true;
  if (tokens[k - 1]?.text === ',' || tokens[k - 1]?.text === '—') return breaks.has(lemma(t));
  return false;
}

function clauseBounds(
  ctx: Ctx,
  a: number,
  b: number,
  i: number,
): { start: number; end: number; parent: number } {
  const tokens = ctx.doc.tokens;
  let breaks = oneWordBreaks.get(ctx.lang.cues.clauseBreaks);
  if (!breaks) {
    breaks = new Set(ctx.lang.cues.clauseBreaks.filter((c) => c.length === 1).map((c) => c[0]!));
    oneWordBreaks.set(ctx.lang.cues.clauseBreaks, breaks);
  }
  let start = a;
  for (let k = i - 1; k > a; k--) {
    if (isBreakAt(tokens, breaks, k)) {
      start = k;
      break;
    }
  }
  let end = b;
  for (let k = i + 1; k < b; k++) {
    if (isBreakAt(tokens, breaks, k)) {
      end = k - (tokens[k - 1]?.text === ',' ? 1 : 0);
      break;
    }
  }
  let parent = a;
  for (let k = start - 1; k > a; k--) {
    if (isBreakAt(tokens, breaks, k)) {
      parent = k;
      break;
    }
  }
  return { start, end, parent: start === a ? start : parent };
}

function entityRef(e: Entity): EntityRef {
  return { id: e.id, name: e.name, wikidata: e.wikidata, type: e.type, country: e.country };
}

function mentionAt(ctx: Ctx, k: number): Mention | null {
  const mi = ctx.tokMention[k]!;
  return mi >= 0 ? ctx.doc.mentions[mi]! : null;
}

/** Walks left from a mention's first token over its noun phrase: true when a preposition governs it. */
function governedByPrep(ctx: Ctx, first: number, a: number): boolean {
  const tokens = ctx.doc.tokens;
  const own = tokens[first]?.features?.case;
  let other = false;
  let nomNoun = false;
  for (let k = first - 1; k >= a; k--) {
    const t = tokens[k]!;
    if (t.pos === 'ADP') {
      // «Постоянный представитель России при ООН Василий Небензя»: the preposition governs the other
      // name; the nominative name after it stands beside the title noun the phrase modifies.
      if (own === 'nomn' && other && ctx.lang.code === 'ru') {
        let j = k - 1;
        while (j >= a && (ctx.tokMention[j] !== -1 || tokens[j]!.pos === 'ADJ')) j--;
        const head = tokens[j];
        if (j >= a && head && head.pos === 'NOUN' && head.features?.case === 'nomn') return false;
      }
      return true;
    }
    if (ctx.tokMention[k] !== -1) {
      if (ctx.tokMention[k] !== ctx.tokMention[first]) other = true;
      continue;
    }
    // «Между тем глава МИД…», «При этом Токаев…»: the preposition governs its pronoun.
    if (k - 1 >= a && tokens[k - 1]?.pos === 'ADP' && ctx.lang.code === 'ru') {
      if (t.pos === 'PRON' || t.pos === 'DET' || ADVERBIAL_PHRASES.has(`${ctx.lows[k - 1]} ${ctx.lows[k]}`))
        return false;
    }
    // "в 2010 году Google …": a time phrase before a name does not govern it.
    if (ctx.lang.timeNouns.has(lemma(t))) return false;
    // A noun in another case before a nominative name heads a phrase of its own
    // ("в узком составе | Касым-Жомарт Токаев …"); so before a name without case that stands beside a
    // nominative noun ("В ответ | немецкий концерн Bayer …").
    if (t.pos === 'NOUN' && t.features?.case === 'nomn' && ctx.lang.code === 'ru') nomNoun = true;
    if (
      (own === 'nomn' || (own === undefined && nomNoun)) &&
      t.pos === 'NOUN' &&
      t.features?.case &&
      t.features.case !== 'nomn' &&
      t.features.case !== 'gent'
    )
      return false;
    if (t.pos === 'ADJ' || t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'DET' || t.pos === 'NUM')
      continue;
    return false;
  }
  return false;
}

interface Conjunct {
  mentions: number[];
  /** Mentions inside a phrase nested in the member ("the city of Kherson"), used when it names no other. */
  nested?: number[];
  /** The preposition that opened the nested phrase of each of `nested` ('' for a genitive). */
  nestedBy?: string[];
}

/**
 * The coordinated noun phrase that starts at token `from`: its members split at commas and
 * conjunctions; a nested prepositional phrase inside a member is left out of it.
 */
function chainAt(ctx: Ctx, from: number, end: number, ownPreps: string[], keepAll = false): Conjunct[] {
  const tokens = ctx.doc.tokens;
  const out: Conjunct[] = [{ mentions: [] }];
  let nested = false;
  let nestPrep = '';
  for (let k = from; k < end; k++) {
    const t = tokens[k]!;
    const m = ctx.tokMention[k]!;
    if (m === -1) {
      if (
        t.kind === 'punct' &&
        !PUNCT_CONTINUE.has(t.text) &&
        t.text !== '«' &&
        t.text !== '»' &&
        t.text !== '"'
      )
        break;
      if (isVerb(t) && t.pos !== 'AUX') break;
      // «…с министром Кошербаевым, а также встреча с Президентом…»: "а", "но" start another phrase.
      if (ctx.lang.code === 'ru' && (lemma(t) === 'а' || lemma(t) === 'но') && t.pos === 'CCONJ') break;
      if (t.text === ',' || CONJ.has(lemma(t))) {
        if (out[out.length - 1]!.mentions.length === 0 && out.length > 1) {
          // "the US, Russia, and Switzerland": the serial comma before the last member.
          if (ctx.lang.code === 'en' && tokens[k - 1]?.text === ',' && CONJ.has(lemma(t))) continue;
          break;
        }
        // "и" inside a nested phrase ("по Южной и Центральной Азии") does not start a new member.
        if (!(nested && CONJ.has(lemma(t)) && t.text !== ',')) {
          out.push({ mentions: [] });
          nested = false;
        }
        continue;
      }
      if (t.pos === 'ADP') {
        const cur = out[out.length - 1]!;
        if (cur.mentions.length === 0 && out.length > 1 && !ownPreps.includes(lemma(t))) break;
        if (k === from || ownPreps.includes(lemma(t))) continue;
        nested = true;
        nestPrep = lemma(t);
        continue;
      }
      if (t.pos === 'SCONJ' || t.pos === 'PRON') break;
      continue;
    }
    if (nested && ctx.doc.mentions[m]!.type !== 'PERSON') {
      const cur = out[out.length - 1]!;
      if (!(cur.nested ??= []).includes(m)) {
        cur.nested.push(m);
        (cur.nestedBy ??= []).push(nestPrep);
      }
      continue;
    }
    if (k > from && ctx.tokMention[k - 1] !== m && ofCommonNoun(ctx, m, k)) {
      // "наградил Токаева орденом Александра Невского": a person named in the genitive after a plain
      // noun names that thing (an order, a street), not a party.
      while (k + 1 < end && ctx.tokMention[k + 1] === m) k++;
      continue;
    }
    const cur = out[out.length - 1]!;
    if (!cur.mentions.includes(m)) cur.mentions.push(m);
  }
  while (out.length > 1 && out[out.length - 1]!.mentions.length === 0) out.pop();
  if (out.length === 1 && out[0]!.mentions.length === 0 && !out[0]!.nested?.length) out.pop();
  // A later member whose name is followed by a plain noun or a verb is the start of another phrase
  // ("…the Abraham Accords, U.S. officials tell me"), not a coordinated party.
  for (let c = 1; c < out.length && !keepAll; c++) {
    const lastM = ctx.doc.mentions[out[c]!.mentions[out[c]!.mentions.length - 1]!]!;
    let k = from;
    while (k < end && tokens[k]!.start < lastM.end) k++;
    const next = tokens[k];
    if (next && ctx.tokMention[k] === -1 && (next.pos === 'NOUN' || isVerb(next)) && next.kind === 'word') {
      out.length = c;
      break;
    }
  }
  return out;
}

/** True for a Russian person mention in the genitive only, right after a plain noun ("орденом Александра Невского"). */
function ofCommonNoun(ctx: Ctx, mi: number, k: number): boolean {
  if (ctx.lang.code !== 'ru') return false;
  const m = ctx.doc.mentions[mi]!;
  const prev = ctx.doc.tokens[k - 1];
  if (m.type !== 'PERSON' || !prev || prev.pos !== 'NOUN' || ctx.tokMention[k - 1] !== -1) return false;
  const s = ctx.doc.sentences[ctx.doc.tokens[k]!.sentence]!;
  return genitive(ctx, m, k, s.tokenStart!, s.tokenEnd!);
}

function pickFromConjunct(ctx: Ctx, c: Conjunct, spec: ArgSpec): string | null {
  let best: Mention | null = null;
  let bestRank = -1;
  const direct = c.mentions.some((mi) => {
    const m = ctx.doc.mentions[mi]!;
    return !!m.entity && (!spec.types || spec.types.includes(m.type));
  });
  // A nested name stands in for a member that names nothing itself: "shelled the city of Kherson",
  // "aid to victims in Turkey", "удар по югу Ливана"; never for a genitive or a subject. After the
  // direct object of a cooperative act only through "of" or "from" ("обсудили ситуацию в Сирии"
  // names a topic); a hostile act is aimed at the place ("bombed positions in Syria").
  // (A condemnation aims at whoever acted, not at the place where it happened: "осудило удар по
  // конвою в секторе Газа".)
  const hostile =
    (eventType(ctx.ruleType)?.quad ?? 1) >= 3 && (ctx.ruleType !== 'ACCUSE' || ctx.lang.code !== 'ru');
  const nested = (c.nested ?? []).filter((_, i) => {
    const by = c.nestedBy?.[i] ?? '';
    if (ctx.ruleType === 'ACCUSE' && (by === 'в' || by === 'во' || by === 'на')) return false;
    if (spec.from === 'prep' || spec.from === 'agent') return true;
    return spec.from === 'object' && (hostile || by === '' || by === 'of' || by === 'from');
  });
  for (const mi of direct ? c.mentions : nested) {
    const m = ctx.doc.mentions[mi]!;
    if (!m.entity) continue;
    if (spec.types && !spec.types.includes(m.type)) continue;
    let rank = (TYPE_RANK[m.type] ?? 0) * 2 + (m.via === 'name' || m.via === undefined ? 1 : 0);
    if (m.via === 'adjective') rank -= 6;
    // Among equals the first named is the head of the phrase; later ones modify it.
    if (rank > bestRank) {
      best = m;
      bestRank = rank;
    }
  }
  return best?.entity ?? null;
}

function idsFromChain(ctx: Ctx, chain: Conjunct[], spec: ArgSpec): string[] {
  const ids: string[] = [];
  for (const c of chain) {
    const id = pickFromConjunct(ctx, c, spec);
    if (id && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** The subject mention at token k, if it may be one (see `findSubject`). */
function subjectAt(ctx: Ctx, k: number, a: number, b: number): Mention | null {
  const tokens = ctx.doc.tokens;
  const isRu = ctx.lang.code === 'ru';
  const m = mentionAt(ctx, k);
  if (!m || !m.entity || ctx.inQuote[k]) return null;
  let first = k;
  while (first > a && ctx.tokMention[first - 1] === ctx.tokMention[k]) first--;
  if (m.via === 'adjective') {
    // "Israeli police", "российские военные": a nationality before a plain noun names the country's actor.
    let last = k;
    while (last + 1 < b && ctx.tokMention[last + 1] === ctx.tokMention[k]) last++;
    const next = tokens[last + 1];
    // ("Vietnamese Foreign Minister": English titles are often tagged as names.)
    const nounLike = next?.pos === 'NOUN' || (!isRu && next?.pos === 'PROPN');
    if (!next || !nounLike || ctx.tokMention[last + 1] !== -1) return null;
    if (isRu && next.features?.case && next.features.case !== 'nomn') return null;
  }
  if (governedByPrep(ctx, first, a)) return null;
  // "Лидеры договорились", "the leaders agreed": a plural title names no one person.
  if (m.via === 'title' && tokens[first]!.features?.number === 'plur') return null;
  if (isRu) {
    const cases = m.via === 'adjective' ? null : caseOf(ctx.doc, m, ctx.tokMention, ctx.doc.tokens, a, b);
    if (cases && !cases.has('nomn')) return null;
    if (!cases && m.via !== 'adjective' && indeclinableModifier(ctx, first, a, b)) return null;
  } else if (lemma(tokens[first - 1]) === 'of') {
    // "the President of Kazakhstan" names its person; "the government of Iran" acts for Iran.
    const head = tokens[first - 2];
    if (!head || head.pos !== 'NOUN' || ctx.tokMention[first - 2] !== -1 || governedByPrep(ctx, first - 2, a))
      return null;
  }
  return m;
}

/** Steps left from token `from` over a member's own noun phrase (see `collectSubject`). */
function skipSubjectPhrase(ctx: Ctx, from: number, entity: string, a: number, b: number): number {
  const tokens = ctx.doc.tokens;
  let j = from;
  while (j > a) {
    const m = mentionAt(ctx, j);
    if (
      m &&
      (m.entity === entity || m.via === 'title' || m.via === 'adjective' || genitive(ctx, m, j, a, b))
    ) {
      const mi = ctx.tokMention[j];
      while (j > a && ctx.tokMention[j] === mi) j--;
      continue;
    }
    const p = tokens[j]!.pos;
    // ("Узбекистан и эмиратская компания Masdar": the kind noun of a company or outlet.)
    if (
      p === 'DET' ||
      p === 'ADJ' ||
      (p === 'NOUN' && j === from && APPOSITION_HEADS.has(lemma(tokens[j])))
    ) {
      j--;
      continue;
    }
    break;
  }
  return j;
}

/** The subject at token k with its coordinated members ("Казахстан и Узбекистан подписали"). */
function collectSubject(ctx: Ctx, k: number, a: number, b: number): string[] {
  const tokens = ctx.doc.tokens;
  const isRu = ctx.lang.code === 'ru';
  const mi = ctx.tokMention[k]!;
  let first = k;
  while (first > a && ctx.tokMention[first - 1] === mi) first--;
  const ids: string[] = [];
  const head = ctx.doc.mentions[mi]!;
  ids.push(head.entity!);
  // Steps left over a member's own noun phrase: its title ("Президент России Владимир Путин"),
  // genitive names, determiners and adjectives.
  let j = skipSubjectPhrase(ctx, first - 1, head.entity!, a, b);
  let sawAnd = false;
  while (j > a) {
    const t = tokens[j]!;
    const isAnd = CONJ.has(lemma(t));
    if (isAnd || (t.text === ',' && sawAnd)) {
      // "the US, Russia, and Switzerland": the serial comma before "and".
      let at = isAnd && !isRu && tokens[j - 1]?.text === ',' ? j - 1 : j;
      let m2 = subjectAt(ctx, at - 1, a, b);
      // «армянская сторона и компания Thales»: a nationality before a plain noun is that state.
      if (
        !m2 &&
        isRu &&
        tokens[at - 1]?.pos === 'NOUN' &&
        ctx.tokMention[at - 1] === -1 &&
        mentionAt(ctx, at - 2)?.via === 'adjective'
      ) {
        m2 = subjectAt(ctx, at - 2, a, b);
        if (m2) at--;
      }
      if (m2 && m2.entity && !ids.includes(m2.entity)) {
        ids.unshift(m2.entity);
        sawAnd ||= isAnd;
        let f2 = at - 1;
        while (f2 > a && ctx.tokMention[f2 - 1] === ctx.tokMention[at - 1]) f2--;
        j = skipSubjectPhrase(ctx, f2 - 1, m2.entity, a, b);
        continue;
      }
    }
    break;
  }
  return ids;
}

function findSubject(
  ctx: Ctx,
  trig: number,
  cl: { start: number; end: number },
  a: number,
  b: number,
): Found | null {
  const tokens = ctx.doc.tokens;
  const isRu = ctx.lang.code === 'ru';
  // Own-country pronoun: "his country will join", "его страна".
  for (let k = trig - 1; k >= cl.start; k--) {
    if (
      ctx.lang.cues.ownCountry.some((c) => c[0] === lemma(tokens[k])) &&
      ctx.lang.cues.possessives.some((c) => c[0] === lemma(tokens[k - 1]))
    ) {
      const person = lastPersonBefore(ctx, k, a);
      if (person) {
        const c = countryEntity(ctx, person);
        if (c) return { ids: [c], how: `own-country pronoun "${tokens[k - 1]!.text} ${tokens[k]!.text}"` };
      }
    }
    if (mentionAt(ctx, k)) break;
  }
  // «концерн Bayer, который приобрёл Monsanto в 2018 году, заявил»: after a relative clause and its
  // closing comma the predicate's subject stands before "который".
  if (
    isRu &&
    lemma(tokens[cl.start]) === 'который' &&
    tokens[trig - 1]?.text === ',' &&
    tokens[cl.start - 1]?.text === ','
  ) {
    for (let k = cl.start - 2; k >= a; k--) {
      if (tokens[k]!.text === ',' || CONDITIONALS.has(lemma(tokens[k]))) break;
      const m = subjectAt(ctx, k, a, b);
      if (m)
        return { ids: collectSubject(ctx, k, a, b), how: `subject "${m.text}" before the relative clause` };
    }
  }
  for (let k = trig - 1; k >= cl.start; k--) {
    // "…unless the tanker is released": a condition has its own subject, which may be unnamed.
    if (CONDITIONALS.has(lemma(tokens[k]))) {
      // «Если стороны договорятся, …, заявил глава компании Меиржан Юсупов»: the speaker after the verb.
      if (isRu && isVerb(tokens[trig]!) && tokens[trig - 1]?.text === ',') {
        for (let j = trig + 1; j < Math.min(cl.end, trig + 8); j++) {
          const m = subjectAt(ctx, j, a, b);
          if (m?.type === 'PERSON' || (m && m.type === 'ORG'))
            return { ids: [m.entity!], how: `subject after the verb "${m.text}"` };
          if (isVerb(tokens[j]!)) break;
        }
      }
      return null;
    }
    const m = subjectAt(ctx, k, a, b);
    if (m) {
      // A subject mention that is a genitive modifier of another noun is not the subject.
      return { ids: collectSubject(ctx, k, a, b), how: `subject "${m.text}"` };
    }
  }
  const viaHead = headModifierSubject(ctx, trig, cl, a, b);
  if (viaHead) return viaHead;
  // "Speaking after the meeting, Rubio praised…", "Arriving in Kyiv, Merz pledged…": an opening
  // participle clause shares the subject of the clause after its comma.
  const tv0 = tokens[trig]!;
  if (!isRu && (/ing$/.test(tv0.text) || tv0.features?.verbForm === 'Part')) {
    let k = a;
    while (k < trig && !(isVerb(tokens[k]!) && tokens[k]!.features?.verbForm === 'Fin')) k++;
    if (k === trig) {
      let c = trig + 1;
      while (c < b && tokens[c]!.text !== ',') c++;
      for (let j = c + 1; j < Math.min(b, c + 8); j++) {
        const m = subjectAt(ctx, j, a, b);
        if (m) return { ids: [m.entity!], how: `subject of the main clause "${m.text}"` };
        if (isVerb(tokens[j]!)) break;
      }
    }
  }
  // "В Кремле сообщили…", "В МИД России заявили…": an impersonal plural verb's speaker is the
  // institution named by the locative before it.
  const tv = tokens[trig]!;
  if (
    isRu &&
    isVerb(tv) &&
    tv.features?.number === 'plur' &&
    tv.features.verbForm !== 'Inf' &&
    !nominalSubject(ctx, cl.start, trig)
  ) {
    for (let k = cl.start; k < trig; k++) {
      const l = lemma(tokens[k]);
      if ((l !== 'в' && l !== 'во') || ctx.tokMention[k] !== -1) continue;
      const m = mentionAt(ctx, k + 1);
      if (!m?.entity || (m.type !== 'ORG' && m.type !== 'COUNTRY' && m.type !== 'CITY')) continue;
      const cases = caseOf(ctx.doc, m, ctx.tokMention, ctx.doc.tokens, a, b);
      // Abbreviations ("в МИД") do not decline, whatever case the dictionary gives them.
      const abbr = /^[А-ЯЁA-Z]{2,}$/.test(tokens[k + 1]!.text);
      if (cases && !cases.has('loct') && !abbr) continue;
      return { ids: [m.entity], how: `institution "${tokens[k]!.text} ${m.text}" of an impersonal verb` };
    }
  }
  // Coordinated predicates share the subject of the first ("… проведет переговоры, а также примет участие").
  let from = a;
  for (let k = cl.start - 1; k >= a; k--) {
    if (tokens[k]!.text === ';') {
      from = k + 1;
      break;
    }
  }
  for (let k = from; k < cl.start; k++) {
    const m = subjectAt(ctx, k, a, b);
    if (m && !ctx.inQuote[k]) {
      // Take the whole name: the subject is the last token of its mention.
      let last = k;
      while (last + 1 < cl.start && ctx.tokMention[last + 1] === ctx.tokMention[k]) last++;
      return { ids: collectSubject(ctx, last, a, b), how: `shared subject "${m.text}"` };
    }
  }
  // Inverted order: "…», — заявил Токаев." (verbs only, the name right after the verb). English
  // inverts only after a quotation or a comma ("…," said Lavrov).
  if (!isVerb(tokens[trig]!)) return null;
  if (!isRu && !/^[,"”’—]$/.test(tokens[trig - 1]?.text ?? '')) return null;
  // («— заявил журналистам пресс-секретарь президента России Дмитрий Песков»: a Russian speaker may
  // follow an addressee and a long title.)
  // (Past the fourth word only a person after a credit verb, "…, — заявил", with nouns between.)
  const credit = isRu && /^[,—–»]$/.test(tokens[trig - 1]?.text ?? '');
  for (let k = trig + 1; k < Math.min(cl.end, trig + (credit ? 9 : 4)); k++) {
    const m = subjectAt(ctx, k, a, b);
    if (m && (k < trig + 4 || m.type === 'PERSON'))
      return { ids: [m.entity!], how: `subject after the verb "${m.text}"` };
    if (isVerb(tokens[k]!)) break;
    if (k >= trig + 3 && (tokens[k]!.pos === 'ADP' || tokens[k]!.kind === 'punct')) break;
  }
  return null;
}

/** Prepositions after a plain noun that tie it to the actor it stands for ("workers in Korea"). */
const HEAD_PREPS = new Set(['in', 'from', 'of', 'at', 'across', 'inside', 'throughout']);
/** Entity types that a plain noun's modifier may stand for as an actor (places as their country). */
const HEAD_TYPES = new Set(['COUNTRY', 'CITY', 'LOC', 'ORG']);

/**
 * A subject that is a plain noun with a named modifier: "Workers in South Korea went on strike",
 * "Soldiers from Georgia cordoned off…", "Власти Латвии закрыли…", "Делегации России и США
 * встретились…". The noun phrase must stand right before the predicate; the named places or
 * organizations act (a city as its country).
 */
function headModifierSubject(
  ctx: Ctx,
  trig: number,
  cl: { start: number; end: number },
  a: number,
  b: number,
): Found | null {
  const tokens = ctx.doc.tokens;
  const isRu = ctx.lang.code === 'ru';
  const from = Math.max(cl.start, trig - 20);
  let named = false;
  for (let k = from; k < trig && !named; k++) {
    const mi = ctx.tokMention[k]!;
    named = mi !== -1 && HEAD_TYPES.has(ctx.doc.mentions[mi]!.type);
  }
  if (!named) return null;
  // The subject phrase stands close before its predicate: a bounded window keeps long clauses linear.
  for (let h = from; h < trig; h++) {
    const t = tokens[h]!;
    // A capitalised plural opening an English sentence is often tagged a name ("Thousands of …").
    // (Russian institutions outside the knowledge base are tagged names: "Генпрокуратура".)
    const noun = t.pos === 'NOUN' || (t.pos === 'PROPN' && (isRu || h === a));
    if (!isPlainWord(ctx, h) || !noun || ctx.lang.timeNouns.has(lemma(t))) continue;
    if (
      isRu &&
      t.features?.case !== 'nomn' &&
      !tokenAlternatives(ctx.doc, h).some((r) => r.features.case === 'nomn')
    )
      continue;
    // Only determiners, adjectives, numbers and "of"-phrases before the head, back to the clause start or a comma.
    let ok = true;
    for (let k = h - 1; k >= cl.start; k--) {
      const u = tokens[k]!;
      if (u.text === ',' || (k === cl.start && (u.kind === 'punct' || COMPLEMENTIZERS.has(lemma(u))))) break;
      if (
        h - k > 8 ||
        !isPlainWord(ctx, k) ||
        (!['DET', 'ADJ', 'NUM', 'NOUN'].includes(u.pos ?? '') && lemma(u) !== 'of')
      ) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    // Plain genitive nouns or "of"-phrases may stand between ("тысячи жителей Тбилиси", "thousands of workers in …").
    let k = h + 1;
    while (k < trig && isPlainWord(ctx, k)) {
      const u = tokens[k]!;
      if (isRu && (u.pos === 'NOUN' || u.pos === 'ADJ') && u.features?.case === 'gent') k++;
      else if (!isRu && (u.pos === 'DET' || u.pos === 'ADJ' || u.pos === 'NOUN')) k++;
      else if (!isRu && lemma(u) === 'of' && k + 1 < trig && isPlainWord(ctx, k + 1)) k++;
      else break;
    }
    if (!isRu) {
      if (!HEAD_PREPS.has(lemma(tokens[k])) || !isPlainWord(ctx, k)) continue;
      k++;
      while (k < trig && isPlainWord(ctx, k) && (tokens[k]!.pos === 'DET' || tokens[k]!.pos === 'ADJ')) k++;
    }
    const m = mentionAt(ctx, k);
    if (!m?.entity || !HEAD_TYPES.has(m.type)) continue;
    if (isRu) {
      const cases = caseOf(ctx.doc, m, ctx.tokMention, ctx.doc.tokens, a, b);
      if (cases && !cases.has('gent')) continue;
    }
    const chain = chainAt(ctx, k, trig, [], true);
    // The phrase must end where the predicate begins (auxiliaries and adverbs may stand between).
    let last = k;
    for (const c of chain) for (const mi of c.mentions) last = Math.max(last, mentionEnd(ctx, mi, last));
    let j = last + 1;
    // ("Prisoners in Turkey began a hunger strike": a light verb and the noun's determiner too.)
    while (
      j < trig &&
      ctx.tokMention[j] === -1 &&
      ['VERB', 'AUX', 'ADV', 'PART', 'DET', 'ADJ'].includes(tokens[j]!.pos ?? '')
    )
      j++;
    if (j !== trig) continue;
    const ids = idsFromChain(
      ctx,
      chain.map((c) => ({ mentions: c.mentions.filter((mi) => HEAD_TYPES.has(ctx.doc.mentions[mi]!.type)) })),
      {
        from: 'subject',
      },
    ).map((id) => asCountryIfPlace(ctx, id));
    // "Workers in Korea" stand for people there; "the government of Kuwait", «власти Латвии» for the state.
    const proxy = !ctx.lang.cues.stateHeads.some((c) => c[0] === lemma(t) || c[0] === ctx.lows[h]);
    if (ids.length) return { ids: [...new Set(ids)], how: `"${t.text}" of "${m.text}"`, proxy };
  }
  return null;
}

/** Nouns that a name follows in apposition, not as a genitive ("компания Microsoft", "банк ВТБ"). */
const APPOSITION_HEADS = new Set([
  'компания',
  'корпорация',
  'концерн',
  'холдинг',
  'банк',
  'группа',
  'агентство',
  'издание',
  'газета',
  'телеканал',
  'фонд',
  'госкорпорация',
  'автоконцерн',
  'производитель',
  'оператор',
  'платформа',
  'сервис',
  'соцсеть',
  'мессенджер',
  'стартап',
  'авиакомпания',
  'авиаперевозчик',
  'перевозчик',
  'автоконцерн',
  'автопроизводитель',
  'нефтекомпания',
  'госкомпания',
  'фирма',
  'телекомпания',
  'радиостанция',
  'портал',
  'биржа',
]);

/**
 * True when an indeclinable name ("США", "Моди") at token `first` modifies what precedes it: it follows
 * a plain noun ("делегация США") or is coordinated with a genitive name ("России и США").
 */
function indeclinableModifier(ctx: Ctx, first: number, a: number, b: number): boolean {
  const tokens = ctx.doc.tokens;
  const prev = tokens[first - 1];
  if (!prev || first - 1 < a) return false;
  // ("В четверг МИД КНР призвал": a time phrase before the name is no head it modifies.)
  if (prev.pos === 'NOUN' && ctx.tokMention[first - 1] === -1)
    return !APPOSITION_HEADS.has(lemma(prev)) && !ctx.lang.timeNouns.has(lemma(prev));
  if (!CONJ.has(lemma(prev)) && prev.text !== ',') return false;
  const before = mentionAt(ctx, first - 2);
  return !!before && genitive(ctx, before, first - 2, a, b);
}

/**
 * A personal pronoun object of the trigger: Russian "его"/"её"/"их" right before the verb or first
 * after it, English "him"/"her"/"them" after it. Returns its text, or null.
 */
function objectPronoun(ctx: Ctx, trig: number, after: number): string | null {
  const tokens = ctx.doc.tokens;
  const isObj = (t: Token | undefined): boolean => {
    if (!t || t.pos !== 'PRON') return false;
    if (ctx.lang.code === 'ru')
      return (
        ['он', 'она', 'они'].includes(lemma(t)) &&
        (t.features?.case === 'accs' || t.features?.case === 'gent')
      );
    return ['him', 'her', 'them'].includes(t.text.toLowerCase());
  };
  if (isObj(tokens[after])) return tokens[after]!.text;
  if (ctx.lang.code === 'ru' && isObj(tokens[trig - 1])) return tokens[trig - 1]!.text;
  // "встретил высокого гостя", "высокого гостя встретил": the visitor the text is about.
  if (ctx.lang.code === 'ru') {
    let k = after;
    while (tokens[k]?.pos === 'ADJ') k++;
    if (isGuest(tokens[k])) return tokens[k]!.text;
    if (isGuest(tokens[trig - 1])) return tokens[trig - 1]!.text;
  }
  return null;
}

/** "гость" in the singular: the visitor of the visit the text describes. */
function isGuest(t: Token | undefined): boolean {
  return !!t && lemma(t) === 'гость' && t.features?.number !== 'plur';
}

/** True when a plain noun or pronoun in the nominative stands before the trigger in its clause (a subject). */
function nominalSubject(ctx: Ctx, from: number, trig: number): boolean {
  const tokens = ctx.doc.tokens;
  for (let k = from; k < trig; k++) {
    const u = tokens[k]!;
    // ("Протестующие": a participle standing alone is a noun; one before a noun modifies it.)
    const modifier = (u.pos === 'ADJ' || u.pos === 'VERB') && tokens[k + 1]?.pos === 'NOUN';
    if (ctx.tokMention[k] === -1 && u.features?.case === 'nomn' && !modifier && tokens[k - 1]?.pos !== 'ADP')
      return true;
  }
  return false;
}

/** True for a word token outside every mention. */
function isPlainWord(ctx: Ctx, k: number): boolean {
  return ctx.tokMention[k] === -1 && ctx.doc.tokens[k]!.kind === 'word';
}

/** Index of the last token of mention `mi`, searching from token `from`. */
function mentionEnd(ctx: Ctx, mi: number, from: number): number {
  const end = ctx.doc.mentions[mi]!.end;
  let k = from;
  while (k + 1 < ctx.doc.tokens.length && ctx.doc.tokens[k + 1]!.start < end) k++;
  return k;
}

/** True when the mention at token k is in the genitive only (a modifier of the noun before it). */
function genitive(ctx: Ctx, m: Mention, k: number, a: number, b: number): boolean {
  if (ctx.lang.code !== 'ru') return false;
  const cases = caseOf(ctx.doc, m, ctx.tokMention, ctx.doc.tokens, a, b);
  void k;
  return !!cases && cases.has('gent') && !cases.has('nomn');
}

function lastPersonBefore(ctx: Ctx, k: number, a: number): string | null {
  // "his country" is the country of the sentence's subject: the first person named outside a
  // prepositional phrase ("Kazakhstan President Tokayev … during a meeting with President Trump …").
  for (let j = a; j < k; j++) {
    const m = mentionAt(ctx, j);
    if (m && m.type === 'PERSON' && m.entity && !ctx.inQuote[j]) {
      let first = j;
      while (first > a && ctx.tokMention[first - 1] === ctx.tokMention[j]) first--;
      if (!governedByPrep(ctx, first, a)) return m.entity;
    }
  }
  return ctx.lastSubject.find((id) => ctx.entities.get(id)?.type === 'PERSON') ?? null;
}

function countryEntity(ctx: Ctx, id: string): string | null {
  const e = ctx.entities.get(id);
  if (!e) return null;
  if (e.type === 'COUNTRY') return e.id;
  if (!e.country) return null;
  for (const x of ctx.entities.values()) if (x.type === 'COUNTRY' && x.country === e.country) return x.id;
  const fromKb = ctx.kb.country(e.country);
  if (!fromKb) return null;
  const added: Entity = { ...fromKb, mentions: [] };
  ctx.doc.entities.push(added);
  ctx.entities.set(added.id, added);
  return added.id;
}

function findArg(
  ctx: Ctx,
  spec: ArgSpec,
  trig: number,
  trigEnd: number,
  cl: { start: number; end: number },
  a: number,
  b: number,
  role: 'source' | 'target',
): Found | null {
  const tokens = ctx.doc.tokens;
  let found: Found | null = null;
  switch (spec.from) {
    case 'subject':
      found = findSubject(ctx, trig, cl, a, b);
      if (!found) {
        const partyHit = cueAt(ctx, cl.start, trig, ctx.lang.cues.parties);
        let party = partyHit?.text ?? null;
        // «президенты России и США могут встретиться»: the parties word names its sides itself.
        if (partyHit && ctx.lang.code === 'ru') {
          const after = partyHit.pos + partyHit.text.split(' ').length;
          const own = idsFromChain(ctx, chainAt(ctx, after, trig, []), { from: 'gen' });
          if (own.length >= 2 && tokens[after] && ctx.tokMention[after] !== -1) {
            if (role === 'source') ctx.partiesTarget = own.slice(1);
            found =
              role === 'source'
                ? { ids: own.slice(0, 1), how: `"${party}" of the sides named after it` }
                : null;
            break;
          }
        }
        // «…, если об этом попросят обе стороны, добавил министр»: parties inside a condition do not act.
        for (let k = cl.start; party && k < trig; k++) if (CONDITIONALS.has(lemma(tokens[k]))) party = null;
        // Words for people ("президенты", "министры") stand for the last two people who dealt together.
        const people = party && ctx.lang.peopleParties.has(party) ? ctx.lastPersonParties : null;
        const parties =
          people ??
          ctx.lastParties ??
          (ctx.visit ? { source: ctx.visit.source, target: ctx.visit.target } : null);
        ctx.partiesUsed = party ? parties : null;
        ctx.partiesArePeople = !!people;
        if (party && parties) {
          found =
            role === 'source' ? { ids: parties.source, how: `"${party}": the parties named before` } : null;
          if (role === 'source') ctx.partiesTarget = parties.target;
        }
      }
      break;
    case 'object': {
      if (trigEnd >= cl.end) break;
      // The object starts right after the verb, possibly after adverbs or a locative phrase.
      let k = trigEnd;
      while (
        k < cl.end &&
        (tokens[k]!.pos === 'ADV' || tokens[k]!.pos === 'PART' || tokens[k]!.pos === 'DET')
      )
        k++;
      if (tokens[k]?.pos === 'ADP' && ctx.lang.code === 'ru') {
        // "принял в Акорде министра…": skip a short locative phrase.
        let j = k + 1;
        while (
          j < cl.end &&
          (ctx.tokMention[j] !== -1 ||
            tokens[j]!.pos === 'ADJ' ||
            tokens[j]!.pos === 'NOUN' ||
            tokens[j]!.pos === 'PROPN')
        ) {
          if (ctx.tokMention[j] !== -1 && ctx.tokMention[j + 1] !== ctx.tokMention[j]) {
            j++;
            break;
          }
          j++;
        }
        k = j;
      }
      const pronoun = objectPronoun(ctx, trig, k);
      if (pronoun) {
        // "его встретил Токаев", "welcomed him": the one the text is about; "гостя": the visitor.
        const guest = ctx.visit && /^гост/i.test(pronoun);
        const ids = guest
          ? ctx.visit!.source
          : ctx.lastSubject.length
            ? ctx.lastSubject
            : (ctx.visit?.source ?? []);
        if (ids.length) found = { ids, how: `pronoun "${pronoun}": the actor named before` };
        break;
      }
      if (tokens[k]?.pos === 'ADP') break;
      const chain = chainAt(ctx, k, cl.end, []);
      const ids = idsFromChain(ctx, filterCase(ctx, chain, spec, a, b), spec);
      if (ids.length) found = { ids, how: `object after "${tokens[trigEnd - 1]!.text}"` };
      break;
    }
    case 'prep': {
      const preps = spec.preps ?? [];
      for (let k = trigEnd; k < cl.end; k++) {
        const t = tokens[k]!;
        if (!preps.includes(lemma(t)) && !preps.includes(t.text.toLowerCase())) continue;
        if (ctx.tokMention[k] !== -1) continue;
        const chain = chainAt(ctx, k + 1, cl.end, preps);
        const ids = idsFromChain(ctx, filterCase(ctx, chain, spec, a, b), spec);
        if (ids.length) {
          found = { ids, how: `"${t.text}" phrase after the trigger` };
          break;
        }
      }
      break;
    }
    case 'gen': {
      let k = trigEnd;
      if (ctx.lang.code === 'en') {
        if (lemma(tokens[k]) !== 'of') break;
        k++;
      }
      if (tokens[k]?.pos === 'ADP') break;
      // «Переговоры Токаева и Мирзиёева состоялись»: in Russian the members share the genitive, so a
      // name before the verb is not cut off as its subject; the case filter below drops a real subject.
      const chain = chainAt(ctx, k, cl.end, [], ctx.lang.code === 'ru');
      // "переговоры Лаврова и Рубио": a two-sided event keeps every coordinated member.
      const first = SYMMETRIC.has(ctx.ruleType) ? chain : chain.slice(0, 1);
      const ids = idsFromChain(ctx, filterCase(ctx, first, { ...spec, cases: ['gent'] }, a, b), spec);
      if (ids.length) found = { ids, how: 'genitive after the trigger' };
      break;
    }
    case 'between': {
      for (let k = cl.start; k < cl.end; k++) {
        const l = lemma(tokens[k]);
        if (l !== 'между' && l !== 'between') continue;
        // «По итогам переговоров главы государств подписали Договор … между …»: a finite verb between
        // the trigger and "между" gives the phrase to another head.
        if (ctx.lang.code === 'ru' && finiteVerbBetween(tokens, Math.min(k, trigEnd), Math.max(k, trig)))
          break;
        const chain = chainAt(ctx, k + 1, cl.end, [], true);
        const ids = idsFromChain(ctx, chain, spec);
        if (ids.length >= 2) {
          found =
            role === 'source'
              ? { ids: [ids[0]!], how: `first party after "${tokens[k]!.text}"` }
              : { ids: ids.slice(1), how: `second party after "${tokens[k]!.text}"` };
        }
        break;
      }
      break;
    }
    case 'agent':
      found = findAgent(ctx, spec, trigEnd, cl, a, b);
      break;
    case 'context': {
      if (ctx.visit && role === 'source')
        found = { ids: ctx.visit.source, how: 'the actor of the visit the text describes' };
      else if (ctx.lastSubject.length && role === 'source')
        found = { ids: ctx.lastSubject, how: 'the actor of the previous sentence' };
      break;
    }
  }
  if (found && spec.as === 'country') {
    const ids = found.ids.map((id) => countryEntity(ctx, id) ?? id);
    found = { ids: [...new Set(ids)], how: `${found.how}, as its country`, proxy: spec.from === 'prep' };
  }
  return found;
}

function filterCase(ctx: Ctx, chain: Conjunct[], spec: ArgSpec, a: number, b: number): Conjunct[] {
  if (!spec.cases) return chain;
  const accept = new Set(spec.cases);
  // Animate accusative has the genitive's form ("принял министра").
  if (accept.has('accs')) accept.add('gent');
  const inanimateAccs = spec.cases.includes('accs') && !spec.cases.includes('gent');
  return chain.map((c) => {
    const mentions: number[] = [];
    const gen: number[] = [];
    for (const mi of c.mentions) {
      if (caseFits(ctx, mi, accept, inanimateAccs, a, b)) mentions.push(mi);
      else if (ofPlainNoun(ctx, mi, accept, a, b)) gen.push(mi);
    }
    return {
      mentions,
      nested: [...gen, ...(c.nested ?? [])],
      nestedBy: [...gen.map(() => ''), ...(c.nestedBy ?? [])],
    };
  });
}

/** True when mention `mi` is in one of the accepted cases (or its case is unknown). */
function caseFits(
  ctx: Ctx,
  mi: number,
  accept: Set<string>,
  inanimateAccs: boolean,
  a: number,
  b: number,
): boolean {
  const m = ctx.doc.mentions[mi]!;
  const cases = caseOf(ctx.doc, m, ctx.tokMention, ctx.doc.tokens, a, b);
  if (!cases) return true;
  // Only a person's accusative looks like the genitive; a thing's genitive is no object.
  if (inanimateAccs && m.type !== 'PERSON') {
    for (const c2 of cases) if (c2 !== 'gent' && accept.has(c2)) return true;
    return cases.has('accs');
  }
  for (const c2 of cases) if (accept.has(c2)) return true;
  return false;
}

/**
 * "удар по югу Ливана", "закрыли границу с Белоруссией": a place in the genitive right after a plain
 * noun of an accepted case stands in for it when the phrase names nothing else.
 */
function ofPlainNoun(ctx: Ctx, mi: number, accept: Set<string>, a: number, b: number): boolean {
  const m = ctx.doc.mentions[mi]!;
  if (m.type === 'PERSON' || !m.entity) return false;
  let k = a;
  while (k < b && ctx.doc.tokens[k]!.start < m.start) k++;
  const prev = ctx.doc.tokens[k - 1];
  const pc = prev?.features?.case;
  return (
    k - 1 >= a &&
    !!prev &&
    prev.pos === 'NOUN' &&
    ctx.tokMention[k - 1] === -1 &&
    !!pc &&
    accept.has(pc) &&
    genitive(ctx, m, k, a, b)
  );
}

function statusOf(
  ctx: Ctx,
  rule: EventRule,
  trig: number,
  cl: { start: number; end: number; parent: number },
  dateVal: DateValue | null,
): { status: EventStatus; cue: string | null } {
  const tokens = ctx.doc.tokens;
  const cues = ctx.lang.cues;
  const t = tokens[trig]!;
  const before = (k: number): number => Math.max(cl.start, k);
  const nominal = t.pos === 'NOUN' && rule.pos === 'NOUN';
  // "threatened to strike if…", "заявил, что хотел бы…": a condition or wish after a verb of saying,
  // vowing or warning belongs to what is said, not to the saying.
  const saying = !nominal && (GOVERNING.has(rule.type) || rule.type === 'STATEMENT');
  // («Если стороны договорятся, …, заявил глава компании»: the condition before an inverted verb of
  // saying is in what is said.)
  const inverted = saying && ctx.lang.code === 'ru' && tokens[trig - 1]?.text === ',';
  const hypEnd = inverted ? cl.start : saying ? trig : cl.end;
  const hyp = hasCue(ctx, cl.start, hypEnd, cues.hypothetical);
  if (hyp === 'would' && reportedFuture(ctx, cl.start, hypEnd, trig)) {
    // "Tokayev said Kazakhstan would join…": the future of reported speech, not a condition; "said he
    // would not provide…" is still a refusal.
    for (let k = before(trig - 3); k < trig; k++) {
      if (isNegation(ctx, k)) return { status: 'negated', cue: tokens[k]!.text };
    }
    return { status: 'planned', cue: '"would" in reported speech' };
  }
  if (hyp) return { status: 'hypothetical', cue: hyp };
  // A nominal event takes the negation and modality of its clause's verb, wherever it stands
  // ("Визит … не состоится", "Визит … запланирован на декабрь").
  const verbAfter = nominal ? nextVerb(tokens, trig, cl.end) : -1;
  // («…не обсуждались, сообщили в МИД»: the negation before an inverted verb of saying is said.)
  for (let k = before(trig - 3); k < trig && !inverted; k++) {
    if (isNegation(ctx, k)) return { status: 'negated', cue: tokens[k]!.text };
  }
  // «опровергли сообщения о подготовке визита»: a noun in what is denied did not happen.
  if (nominal && ctx.lang.denial.size) {
    for (let k = before(trig - 6); k < trig; k++)
      if (ctx.lang.denial.has(lemma(tokens[k]))) return { status: 'negated', cue: tokens[k]!.text };
  }
  // Phrases: "refused to sign", "failed to agree", "так и не подписали".
  const negPhrase = hasCue(ctx, before(trig - 4), trig, cues.negation);
  if (negPhrase && negPhrase.includes(' ')) return { status: 'negated', cue: negPhrase };
  if (verbAfter > 0) {
    for (let k = Math.max(trig + 1, verbAfter - 2); k < verbAfter; k++) {
      if (isNegation(ctx, k)) return { status: 'negated', cue: tokens[k]!.text };
    }
    // «визит … перенесен», «встреча отменена»: the clause's verb itself calls the event off.
    if (ctx.lang.code === 'ru' && ctx.lang.calledOff.has(lemma(tokens[verbAfter])))
      return { status: 'negated', cue: tokens[verbAfter]!.text };
  }
  let modalEnd = nominal ? cl.end : inverted ? cl.parent : trig;
  // «к визиту Токаева в Китай, который ожидается летом»: a relative clause on the noun gives its modality.
  if (
    nominal &&
    ctx.lang.code === 'ru' &&
    tokens[cl.end]?.text === ',' &&
    lemma(tokens[cl.end + 1]) === 'который'
  ) {
    const s = ctx.doc.sentences[t.sentence]!;
    let k = cl.end + 2;
    while (k < s.tokenEnd! && tokens[k]!.text !== ',') k++;
    modalEnd = k;
  }
  const exp = hasCue(ctx, cl.parent, modalEnd, cues.expected);
  // (OUTPUT.md: "ожидается" makes any event expected; the English rules still read a noun's as planned.)
  if (exp) return { status: nominal && ctx.lang.code !== 'ru' ? 'planned' : 'expected', cue: exp };
  const plan = hasCue(ctx, cl.parent, modalEnd, cues.planned);
  if (plan) return { status: 'planned', cue: plan };
  if (t.features?.tense === 'futr') return { status: 'planned', cue: `future tense "${t.text}"` };
  if (t.pos === 'NOUN' || rule.pos === 'NOUN') {
    // A nominalization takes the tense of its clause's verb ("визит … начался"); with no finite
    // verb, an absolute date after publication makes it planned ("в преддверии визита … 18 ноября").
    const tense = clauseTense(tokens, cl.start, cl.end, trig);
    if (tense === 'futr') return { status: 'planned', cue: 'future tense of the clause' };
    if (!tense && dateVal && !dateVal.relative && ctx.doc.date) {
      const d = dateVal.future ?? dateVal.past;
      if (d && d.slice(0, 10) > ctx.doc.date)
        return { status: 'planned', cue: `future date "${dateVal.text}"` };
    }
  }
  const rep = hasCue(
    ctx,
    ctx.doc.sentences[tokens[trig]!.sentence]!.tokenStart!,
    ctx.doc.sentences[tokens[trig]!.sentence]!.tokenEnd!,
    cues.reported,
  );
  if (rep) return { status: 'reported', cue: rep };
  return { status: 'occurred', cue: null };
}

/**
 * True when "would" in [from, to) is the future of reported speech: a verb of saying stands before
 * the trigger in the sentence and no other mark of a condition or wish is in the clause.
 */
function reportedFuture(ctx: Ctx, from: number, to: number, trig: number): boolean {
  const tokens = ctx.doc.tokens;
  for (let k = from; k < to; k++) {
    const cue = hasCue(ctx, k, k + 1, ctx.lang.cues.hypothetical);
    if (cue && cue !== 'would') return false;
  }
  const s = ctx.doc.sentences[tokens[trig]!.sentence]!;
  for (let k = s.tokenStart!; k < trig; k++)
    if (isVerb(tokens[k]!) && ctx.lang.sayLemmas.has(lemma(tokens[k]))) return true;
  return false;
}

const oneWordNegations = new WeakMap<string[][], Set<string>>();

/** A one-word negation cue, by lemma or by form ("не", "not", "didn't"), at token k. */
function isNegation(ctx: Ctx, k: number): boolean {
  const negation = ctx.lang.cues.negation;
  let words = oneWordNegations.get(negation);
  if (!words) {
    words = new Set(negation.filter((c) => c.length === 1).map((c) => c[0]!));
    oneWordNegations.set(negation, words);
  }
  if (words.has(lemma(ctx.doc.tokens[k]))) return true;
  const low = ctx.lows[k]!;
  return words.has(low.includes('’') ? low.replace(/’/g, "'") : low);
}

function nextVerb(tokens: Token[], from: number, to: number): number {
  for (let k = from + 1; k < to; k++) if (isVerb(tokens[k]!)) return k;
  return -1;
}

/** Tense of the finite verb nearest to `at` in the clause (a parenthetical "Напомним," does not count). */
function clauseTense(tokens: Token[], from: number, to: number, at: number): string | null {
  let best: string | null = null;
  let dist = Infinity;
  for (let k = from; k < to; k++) {
    const f = tokens[k]!.features;
    if (!f?.tense || !isVerb(tokens[k]!)) continue;
    if (tokens[k + 1]?.text === ',' && (k === from || tokens[k - 1]?.kind === 'punct')) continue;
    const d = Math.abs(k - at);
    if (d < dist) {
      dist = d;
      best = String(f.tense);
    }
  }
  return best;
}

function nearest<T extends { start: number }>(items: T[], pos: number): T | null {
  let best: T | null = null;
  for (const it of items) if (!best || Math.abs(it.start - pos) < Math.abs(best.start - pos)) best = it;
  return best;
}

function topicOf(ctx: Ctx, from: number, to: number): string | null {
  // Topic phrases are cues with an English label; the longest starting in the range wins.
  let list = ctx.cueIndex.get(ctx.lang.topicCues);
  if (!list) ctx.cueIndex.set(ctx.lang.topicCues, (list = cueMatches(ctx, ctx.lang.topicCues)));
  let best: string | null = null;
  let bestLen = 0;
  for (const hit of list) {
    if (hit.pos < from) continue;
    if (hit.pos >= to) break;
    const n = hit.text.split(' ').length;
    if (n > bestLen) {
      best = ctx.lang.topicLabel.get(hit.text) ?? null;
      bestLen = n;
    }
  }
  return best;
}

function applyRule(
  ctx: Ctx,
  rule: EventRule,
  si: number,
  trig: number,
  trigEnd: number,
  dates: DateValue[],
  money: MoneyValue[],
): Event | null {
  const { doc } = ctx;
  const s = doc.sentences[si]!;
  const a = s.tokenStart!;
  const b = s.tokenEnd!;
  const tokens = doc.tokens;
  // Most rules with a required word fail for want of it anywhere in the sentence: that test is cheap.
  if (rule.requires) {
    if (!ctx.sentLemmas) {
      ctx.sentLemmas = new Set();
      for (let k = a; k < b; k++) ctx.sentLemmas.add(lemma(tokens[k]));
    }
    const have = ctx.sentLemmas;
    if (!rule.requires.some((w) => have.has(w))) return null;
  }
  const cl = clauseBounds(ctx, a, b, trig);
  // (Russian word order is free: "В аэропорту Астаны его встретил…" has it before the trigger.)
  if (
    rule.requires &&
    !requiredIn(tokens, rule.requires, ctx.lang.code === 'ru' ? cl.start : trigEnd, cl.end)
  )
    return null;
  const explain: Record<string, string> = {
    trigger: tokens
      .slice(trig, trigEnd)
      .map((t) => t.text)
      .join(' '),
  };
  let source: string[] = [];
  ctx.partiesTarget = null;
  ctx.partiesUsed = null;
  ctx.ruleType = rule.type;
  // "был задержан турецкой полицией", "was detained on Monday by police": the grammatical subject
  // undergoes the act and the agent, if named, does it.
  const passive = rule.source.some((x) => x.from === 'subject') && isPassive(ctx, trig, trigEnd, a);
  const sourceSpecs = passive
    ? rule.source.map((x): ArgSpec => (x.from === 'subject' ? { from: 'agent', types: x.types } : x))
    : rule.source;
  const targetSpecs = passive
    ? rule.target.map((x): ArgSpec => (x.from === 'object' ? { from: 'subject', types: x.types } : x))
    : rule.target;
  if (passive) explain.voice = 'passive: the subject is acted on';
  let proxy = false;
  // «состоятся его переговоры с…», «её визит в…»: a possessive before the noun is the actor named before.
  const owner = tokens[trig - 1];
  if (
    rule.pos === 'NOUN' &&
    ctx.lang.code === 'ru' &&
    owner &&
    POSSESSIVE_PRONOUNS.has(ctx.lows[trig - 1]!) &&
    ctx.lastSubject.length &&
    rule.source.some((x) => x.from === 'gen' || x.from === 'subject')
  ) {
    source = ctx.lastSubject;
    explain.source = `possessive "${owner.text}": the actor named before`;
  }
  for (const spec of source.length ? [] : sourceSpecs) {
    const f = findArg(ctx, spec, trig, trigEnd, cl, a, b, 'source');
    if (f && f.ids.length) {
      source = f.ids;
      explain.source = f.how;
      proxy = !!f.proxy;
      break;
    }
  }
  let target: string[] = [];
  // «главы государств подписали Договор … между Республикой Казахстан и Республикой Таджикистан»: the
  // parties the clause names outrank the ones a parties word recalls.
  if (
    (explain.source ?? '').includes('parties named before') &&
    rule.target.some((x) => x.from === 'between') &&
    ctx.lang.code === 'ru'
  ) {
    const s2 = findArg(ctx, BETWEEN_SPEC, trig, trigEnd, cl, a, b, 'source');
    const t2 = s2 ? findArg(ctx, BETWEEN_SPEC, trig, trigEnd, cl, a, b, 'target') : null;
    if (s2 && t2) {
      source = s2.ids;
      explain.source = s2.how;
      ctx.partiesTarget = null;
      ctx.partiesUsed = null;
    }
  }
  // «…», — заявила официальный представитель МИД Мария Захарова: after an inverted verb of saying
  // the words that follow are the speaker and their title, not an object.
  const speakerAfter =
    rule.type === 'STATEMENT' && (explain.source ?? '').startsWith('subject after the verb');
  for (const spec of speakerAfter ? targetSpecs.filter((x) => x.from !== 'object') : targetSpecs) {
    const f = findArg(ctx, spec, trig, trigEnd, cl, a, b, 'target');
    if (f && f.ids.length) {
      target = f.ids.filter((id) => !source.includes(id));
      explain.target = f.how;
      if (target.length) break;
    }
  }
  if (target.length === 0 && trigEnd - trig > 2) {
    // A name inside the trigger phrase is its indirect object ("gave Lithuania an ultimatum").
    for (let k = trig + 1; k < trigEnd - 1; k++) {
      const m = mentionAt(ctx, k);
      if (m?.entity && !source.includes(m.entity) && !target.includes(m.entity)) target.push(m.entity);
    }
    if (target.length) explain.target = 'the name inside the trigger phrase';
  }
  const partiesTarget = ctx.partiesTarget as string[] | null;
  if (target.length === 0 && partiesTarget) {
    target = partiesTarget.filter((id) => !source.includes(id));
    explain.target = 'the other party named before';
  }
  // Coordinated subjects of a two-sided event ("Токаев и Мирзиёев обсудили"): the first acts, the others are its counterparts.
  if (target.length === 0 && source.length >= 2 && SYMMETRIC.has(rule.type)) {
    target = source.slice(1);
    source = source.slice(0, 1);
    explain.target = 'the other coordinated subjects';
  }
  // An agreement signed during a visit, with no counterpart named, is with the host.
  if (
    target.length === 0 &&
    ctx.visit &&
    (rule.type === 'SIGN_AGREEMENT' || rule.type === 'MEET') &&
    (explain.source ?? '').startsWith('the actor of the visit')
  ) {
    target = ctx.visit.target.filter((id) => !source.includes(id));
    if (target.length) explain.target = 'the host of the visit';
  }
  // «поздравил кыргызского коллегу», «пригласил туркменского лидера»: a nationality before a word for a
  // leader stands for the person of that country the text has been about.
  if (ctx.lang.code === 'ru') target = target.map((id) => counterpartOf(ctx, id, trigEnd, cl.end) ?? id);
  // An ambassador addressed or met stands for the state that sent them, when the sentence names it
  // ("к послу Саудовской Аравии … Риме бинт Бандар": Saudi Arabia and the ambassador).
  for (const id of [...target]) {
    const e = ctx.entities.get(id);
    if (e?.type !== 'PERSON') continue;
    const asEnvoy = ctx.doc.mentions.some(
      (m) =>
        m.entity === id &&
        m.via === 'title' &&
        m.role === 'ambassador' &&
        m.start >= s.start &&
        m.end <= s.end,
    );
    if (!asEnvoy) continue;
    for (const r of e.roles) {
      if (r.role !== 'ambassador') continue;
      const c = [...ctx.entities.values()].find(
        (x) =>
          x.type === 'COUNTRY' &&
          x.country === r.of &&
          x.mentions.some((m) => m.start >= s.start && m.end <= s.end),
      );
      if (c && !target.includes(c.id) && !source.includes(c.id)) target.unshift(c.id);
    }
  }
  let type = rule.type;
  let ruleCameo = rule.cameo;
  const switchCue = rule.switchTo ? hasCue(ctx, cl.start, cl.end, ctx.lang.switchCues.get(rule)!) : null;
  if (switchCue) {
    type = rule.switchTo!.type;
    ruleCameo = rule.switchTo!.cameo;
    explain.type = `"${switchCue}" makes it ${type}`;
  }
  // "Demonstrators demanded…", "Rioters set fire to…", «Протестующие потребовали…»: CAMEO codes what
  // protesters demand, denounce or do by force as the protest itself.
  // (Weapons fired are a military attack whoever fires them.)
  if (PROTEST_AS.has(type) && !passive && !/^(19|20)/.test(ruleCameo ?? '')) {
    const who = protesterSubject(ctx, cl.start, trig);
    if (who) {
      ruleCameo = type === 'ASSAULT' || type === 'COERCE' ? '145' : '141';
      type = 'PROTEST';
      explain.type = `done by "${who}": a protest`;
    }
  }
  if (type === 'PROTEST' && source.length === 0) {
    // "В Тбилиси тысячи человек вышли…", "Rioters … in Nairobi", "marched through the streets of
    // Tehran": the protest's place names its country.
    let place = findLocation(ctx, cl, []);
    for (let k = cl.start; !place && k < cl.end; k++) {
      const m = mentionAt(ctx, k);
      if (m?.entity && (m.type === 'CITY' || m.type === 'LOC') && !target.includes(m.entity))
        place = m.entity;
    }
    const country = place ? asCountryIfPlace(ctx, place) : null;
    if (country && !target.includes(country)) {
      source = [country];
      proxy = true;
      explain.source = 'the country where the protest takes place';
    }
  }
  if (rule.needsTarget && target.length === 0) return null;
  // «Перед подписанием документа…», «Затем переговоры продолжились…»: a noun whose parties come only
  // from the visit recalls an event already reported, not a new one.
  if (
    rule.pos === 'NOUN' &&
    tokens[trig]!.pos === 'NOUN' &&
    (explain.source ?? '').startsWith('the actor of the visit') &&
    (!explain.target || explain.target === 'the host of the visit') &&
    ctx.seenTypes.has(rule.type) &&
    ctx.lang.code === 'ru'
  )
    return null;
  if (source.length === 0 && target.length === 0) return null;
  if (source.length === 0 && NEEDS_SOURCE.has(rule.type)) return null;
  // "Состоялся телефонный разговор … Стороны обсудили …": the parties' talk is the call itself.
  if (
    (explain.source ?? '').includes('parties named before') &&
    type === 'MEET' &&
    (ctx.partiesUsed as Parties | null)?.type === 'PHONE_CALL' &&
    // (Not "договорились провести заседание": what the parties agreed to do is still a meeting.)
    tokens[trig]!.features?.verbForm !== 'Inf'
  ) {
    type = 'PHONE_CALL';
  }
  // «Телефонный разговор… Лидеры обсудили…»: what the parties discuss is the talk just reported.
  const recalled = ctx.partiesUsed as Parties | null;
  if (
    (recalled?.type === type || recalled?.type === 'HOST_VISIT') &&
    (type === 'MEET' || type === 'PHONE_CALL') &&
    DISCUSS.has(lemma(tokens[trig])) &&
    (explain.source ?? '').includes('parties named before')
  )
    return null;
  // «В рамках визита стороны подписали 15 документов»: the sides that sign are the states.
  if (
    type === 'SIGN_AGREEMENT' &&
    (explain.source ?? '').includes('parties named before') &&
    !ctx.partiesArePeople &&
    ctx.lang.code === 'ru'
  ) {
    source = [...new Set(source.map((id) => countryEntity(ctx, id) ?? id))];
    target = [...new Set(target.map((id) => countryEntity(ctx, id) ?? id))].filter(
      (id) => !source.includes(id),
    );
  }
  // Cities in events stand for their country (a visit to Washington is a visit to the United States).
  if (type === 'VISIT' || type === 'SIGN_AGREEMENT' || type === 'JOIN') {
    target = [...new Set(target.map((id) => asCountryIfPlace(ctx, id)))];
  }
  // A capital acting or acted on stands for its government ("Иран отверг обвинения Вашингтона").
  let placeOf: string | null = null;
  const govOf = (id: string): string => {
    if (ctx.entities.get(id)?.type !== 'CITY' || !ctx.kb.isCapital(id)) return id;
    placeOf ??= id;
    return asCountryIfPlace(ctx, id);
  };
  source = [...new Set(source.map(govOf))];
  target = [...new Set(target.map(govOf))].filter((id) => !source.includes(id));
  if (
    type === 'VISIT' &&
    target.length &&
    target.every((id) =>
      source.some(
        (sid) =>
          ctx.entities.get(sid)?.country === ctx.entities.get(id)?.country &&
          ctx.entities.get(id)?.type === 'COUNTRY' &&
          ctx.entities.get(sid)?.type !== 'COUNTRY',
      ),
    )
  ) {
    // Travel within one's own country is no visit in the CAMEO sense.
    return null;
  }
  if (rule.stateAct && type === rule.type) {
    const isState = (id: string): boolean => ctx.entities.get(id)?.type === 'COUNTRY';
    const own = new Set(source.map((id) => ctx.entities.get(id)?.country).filter(Boolean));
    const hit =
      rule.stateAct.when === 'source'
        ? !proxy && source.some(isState)
        : target.some((id) => isState(id) && !own.has(ctx.entities.get(id)?.country));
    if (hit) {
      type = rule.stateAct.type;
      ruleCameo = rule.stateAct.cameo;
      explain.type = `a state ${rule.stateAct.when === 'source' ? 'acting' : 'acted on'}: ${type}`;
    }
  }
  const amountVal = rule.amount ? nearest(money, tokens[trig]!.start) : null;
  if (rule.withCompany && target.some((id) => ctx.kb.sectors(id).includes('BUS'))) type = rule.withCompany;
  if (rule.withCompany && amountVal && target.some((id) => ctx.entities.get(id)?.type === 'ORG'))
    type = rule.withCompany;
  const info = eventType(type);
  if (!info) return null;
  // "к 2030 году", "by 2030": a deadline, not the date of the event; "на 2025–2027 годы", "for
  // 2025-2027": the period a programme covers, not the day it was signed.
  // «…, заявил в четверг вице-премьер»: a date in a closing credit line dates the saying only.
  let creditAt = Infinity;
  if (ctx.lang.code === 'ru' && rule.type !== 'STATEMENT') {
    for (let k = trigEnd + 1; k < b; k++) {
      if (tokens[k - 1]!.text === ',' && isVerb(tokens[k]!) && ctx.lang.sayLemmas.has(lemma(tokens[k]))) {
        creditAt = tokens[k]!.start;
        break;
      }
    }
  }
  const eventDates = dates.filter(
    (d) =>
      !ctx.lang.deadline.test(doc.text.slice(Math.max(0, d.start - 6), d.start + 3)) &&
      !YEAR_RANGE.test(d.text) &&
      d.start < creditAt,
  );
  const clauseDates = eventDates.filter(
    (d) => d.start >= tokens[cl.start]!.start && d.end <= tokens[cl.end - 1]!.end,
  );
  const dateVal = nearest(clauseDates.length ? clauseDates : eventDates, tokens[trig]!.start);
  const st = statusOf(ctx, rule, trig, cl, dateVal);
  if (st.cue) explain.status = st.cue;
  // "said it would impose sanctions unless…", «не исключил ввода войск»: a hostile act held out
  // conditionally is a threat of it (CAMEO 13x), the act itself still hypothetical.
  const heldOut = st.status === 'hypothetical' || st.cue === '"would" in reported speech';
  const threatCode = heldOut ? THREAT_OF[type] : undefined;
  if (threatCode) {
    explain.type = `${type} held out as a possibility: a threat`;
    type = 'THREATEN';
    ruleCameo = threatCode;
  }
  // "могут встретиться в октябре": a possibility or a report of what is still to come reads a
  // month or weekday forward, as a plan does.
  const future =
    st.status === 'planned' ||
    st.status === 'expected' ||
    ((st.status === 'hypothetical' || st.status === 'reported') &&
      ctx.lang.code === 'ru' &&
      (tokens[trig]!.features?.verbForm === 'Inf' || rule.pos === 'NOUN') &&
      clauseTense(tokens, cl.start, cl.end, trig) !== 'past');
  let date: string | null = dateVal
    ? future
      ? (dateVal.future ?? dateVal.past)
      : (dateVal.past ?? dateVal.future)
    : null;
  // «Стороны обсудили…», «министры подписали»: the parties' last event dates what they do next.
  const used = ctx.partiesUsed as Parties | null;
  // (What did not happen takes no date from the events around it.)
  const negated = st.status === 'negated' && ctx.lang.code === 'ru';
  if (
    !date &&
    !negated &&
    (explain.source ?? '').includes('parties named before') &&
    used?.date &&
    ctx.lang.code === 'ru'
  ) {
    date = used.date;
    explain.date = "the date of the parties' last event";
  }
  // (What is still to come after a visit that has taken place is not part of its programme.)
  const visitPast = ctx.lang.code === 'ru' && !!ctx.visit?.date && !!doc.date && ctx.visit.date < doc.date;
  if (
    !date &&
    !negated &&
    ctx.visit &&
    type !== 'VISIT' &&
    !(future && visitPast) &&
    // (What has happened is no part of a visit still to come.)
    !(ctx.visit.planned && !future) &&
    (source.some(
      (id) => ctx.visit!.source.includes(id) || countryEntity(ctx, ctx.visit!.source[0]!) === id,
    ) ||
      // The host doing something to the visitor ("его встретил Токаев", "наградил Мирзиёева") is part of the visit too.
      (target.some((id) => ctx.visit!.source.includes(id)) &&
        source.some((id) =>
          ctx.visit!.target.some((h) => ctx.entities.get(h)?.country === ctx.entities.get(id)?.country),
        )))
  ) {
    date = ctx.visit.date;
    if (date) explain.date = 'the date of the visit';
  }
  if (type === 'HOST_VISIT' && ctx.visit && source.some((id) => ctx.visit!.source.includes(id))) {
    // A visitor abroad who "receives" people meets them; a host at home hosts them.
    type = 'MEET';
    explain.type = 'the receiving side is itself on a visit: a meeting';
  }
  const finalInfo = eventType(type)!;
  const ref = (id: string): EntityRef | null => {
    const e = ctx.entities.get(id);
    return e ? entityRef(e) : null;
  };
  const locMention =
    findLocation(ctx, cl, type === 'VISIT' ? [] : target) ?? (type === 'VISIT' ? null : placeOf);
  const sentText = doc.text.slice(s.start, s.end);
  const repHit = cueAt(ctx, a, b, ctx.lang.cues.reported);
  const repCue = repHit ? attributionOf(ctx, repHit, a, b) : null;
  const cameo = ruleCameo && (type === rule.type || ruleCameo !== rule.cameo) ? ruleCameo : finalInfo.cameo;
  const ev: Event = {
    id: '',
    type,
    cameo,
    plover: ploverOf(
      finalInfo,
      cameo,
      st.status,
      type === rule.type && rule.ploverMode ? rule.ploverMode : finalInfo.ploverMode,
    ),
    source: source.map(ref).filter((r): r is EntityRef => r !== null),
    target: target.map(ref).filter((r): r is EntityRef => r !== null),
    date,
    dateText: dateVal && date ? dateVal.text : null,
    status: st.status,
    amount: amountVal ? { value: amountVal.value, currency: amountVal.currency, text: amountVal.text } : null,
    topic: topicOf(ctx, trigEnd, cl.end) ?? topicOf(ctx, a, b),
    location: locMention ? ref(locMention) : null,
    attribution: repCue ? { source: repCue.source ? ref(repCue.source) : null, text: repCue.text } : null,
    evidence: { start: s.start, end: s.end, text: sentText },
    rule: rule.id,
    confidence: Math.min(
      0.95,
      0.55 + (explain.source ? 0.2 : 0) + (explain.target ? 0.15 : 0) + (rule.trigger.length > 0 ? 0.05 : 0),
    ),
    explain,
  };
  // A visit that has taken place, or one announced ("совершит визит… В ходе визита планируется…"),
  // is the frame of the programme the text goes on to describe.
  if (
    type === 'VISIT' &&
    (st.status === 'occurred' || (st.status === 'planned' && !ctx.visit && ctx.lang.code === 'ru')) &&
    source.length &&
    explain.source &&
    !explain.source.startsWith('the actor')
  ) {
    ctx.visit = {
      source,
      target,
      date: date && date.length === 10 ? date : (ctx.visit?.date ?? null),
      planned: st.status === 'planned',
    };
  }
  if (source.length && explain.source && !explain.source.startsWith('the actor')) ctx.lastSubject = source;
  if (source.length && target.length && !(explain.source ?? '').includes('parties named before')) {
    ctx.lastParties = { source, target, type, date };
    const person = (id: string): boolean => ctx.entities.get(id)?.type === 'PERSON';
    if (source.some(person) && target.some(person)) ctx.lastPersonParties = ctx.lastParties;
  }
  return ev;
}

const BETWEEN_SPEC: ArgSpec = { from: 'between' };

/** True when one of the lemmas `words` stands in tokens [from, to). */
function requiredIn(tokens: Token[], words: readonly string[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (words.includes(lemma(tokens[k]))) return true;
  return false;
}

/** True when a finite verb stands in tokens [from, to). */
function finiteVerbBetween(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (
      isVerb(t) &&
      t.features?.verbForm !== 'Inf' &&
      t.features?.verbForm !== 'Part' &&
      t.features?.verbForm !== 'Ger'
    )
      return true;
  }
  return false;
}

/** Words for a leader or counterpart after a nationality adjective ("кыргызского коллегу"). */
const COUNTERPART_NOUNS = new Set([
  'коллега',
  'лидер',
  'президент',
  'премьер',
  'премьер-министр',
  'визави',
  'партнер',
]);

/**
 * The person a "nationality + коллега/лидер" phrase after the trigger stands for: a person of that
 * country among the parties or actors named before. Null when the phrase is not there or names no one.
 */
function counterpartOf(ctx: Ctx, id: string, from: number, to: number): string | null {
  const country = ctx.entities.get(id);
  if (country?.type !== 'COUNTRY') return null;
  for (let k = from; k < to; k++) {
    const m = mentionAt(ctx, k);
    if (!m || m.entity !== id || m.via !== 'adjective') continue;
    if (!COUNTERPART_NOUNS.has(lemma(ctx.doc.tokens[k + 1]))) return null;
    const known = [
      ...(ctx.lastPersonParties?.source ?? []),
      ...(ctx.lastPersonParties?.target ?? []),
      ...ctx.lastSubject,
      ...(ctx.visit?.source ?? []),
      ...(ctx.visit?.target ?? []),
    ];
    for (const p of known) {
      const e = ctx.entities.get(p);
      if (e?.type === 'PERSON' && e.country === country.country) return p;
    }
    return null;
  }
  return null;
}

/** Verbs of discussing: the parties' discussion continues their talks or call. */
const DISCUSS = new Set(['обсудить', 'обсуждать', 'обменяться']);

/** Russian possessive pronouns of the third person ("его визит"); «свой» refers to the clause's own subject. */
const POSSESSIVE_PRONOUNS = new Set(['его', 'ее', 'её', 'их']);

/** A preposition and a pronoun that make an adverb ("Между тем", with "тем" read as a noun). */
const ADVERBIAL_PHRASES = new Set([
  'между тем',
  'при этом',
  'кроме того',
  'помимо того',
  'помимо этого',
  'до того',
  'после того',
]);

const ABBREVIATION = /^[А-ЯЁ]{2,}$/;

const YEAR_RANGE = /\d{4}\s*[–—-]\s*\d{4}/;

/** CAMEO code of the threat to do a hostile act of each type (sanctions, restrictions, protest, force). */
const THREAT_OF: Record<string, string> = {
  SANCTION: '131',
  COERCE: '132',
  PROTEST: '133',
  MOBILIZE: '138',
  ASSAULT: '138',
};

/** Types that protesters' acts take on: what they demand, denounce, reject or do by force. */
const PROTEST_AS = new Set(['APPEAL', 'ACCUSE', 'REJECT', 'ASSAULT', 'COERCE']);

/** The protester noun heading the subject before the trigger ("Demonstrators in Belgrade demanded"), or null. */
function protesterSubject(ctx: Ctx, from: number, trig: number): string | null {
  const tokens = ctx.doc.tokens;
  const cues = ctx.lang.cues.protesters;
  for (let k = from; k < trig; k++) {
    const t = tokens[k]!;
    if (isVerb(t) && t.features?.verbForm === 'Fin') return null;
    if (!cues.some((c) => c[0] === lemma(t) || c[0] === ctx.lows[k])) continue;
    if (t.features?.case && t.features.case !== 'nomn') continue;
    if (tokens[k - 1]?.pos === 'ADP') continue;
    return t.text;
  }
  return null;
}

/**
 * True when the trigger is a passive verb: Russian passive participles ("задержан", "подписанные"),
 * English past participles after a form of "be" or "get" with at most two adverbs between ("was
 * reportedly killed"). Triggers of passive rules end in "by" and are left alone.
 */
function isPassive(ctx: Ctx, trig: number, trigEnd: number, a: number): boolean {
  const tokens = ctx.doc.tokens;
  const t = tokens[trig]!;
  // The English tagger may call a participle after an adverb finite ("was heavily criticized"); after
  // "be" any non-"-ing" verb form is a participle.
  if (t.pos !== 'VERB' || (t.features?.verbForm !== 'Part' && ctx.lang.code !== 'en')) return false;
  if (lemma(tokens[trigEnd - 1]) === 'by' && trigEnd - 1 > trig) return false;
  if (ctx.lang.code === 'ru') return t.features?.voice === 'pssv';
  // The English tagger calls "-ing" forms participles too ("are investigating").
  if (/ing$/i.test(t.text)) return false;
  for (let k = trig - 1, skipped = 0; k >= a && skipped <= 2; k--, skipped++) {
    const l = lemma(tokens[k]);
    if (l === 'be' || l === 'get') return true;
    if (tokens[k]!.pos !== 'ADV' && tokens[k]!.pos !== 'PART') return false;
  }
  return false;
}

/** The agent of a passive verb: "by X" after it, or (Russian) an instrumental outside a prepositional phrase. */
function findAgent(
  ctx: Ctx,
  spec: ArgSpec,
  trigEnd: number,
  cl: { start: number; end: number },
  a: number,
  b: number,
): Found | null {
  const tokens = ctx.doc.tokens;
  for (let k = trigEnd; k < cl.end; k++) {
    if (ctx.lang.code === 'en') {
      if (lemma(tokens[k]) !== 'by' || ctx.tokMention[k] !== -1) continue;
      const ids = idsFromChain(ctx, chainAt(ctx, k + 1, cl.end, ['by']), spec);
      return ids.length ? { ids, how: `agent after "by"` } : null;
    }
    if (tokens[k]!.pos === 'ADP' && ctx.tokMention[k] === -1) {
      // A prepositional phrase with its coordinated members ("между Казахстаном и Францией") is no agent.
      while (
        k + 1 < cl.end &&
        (ctx.tokMention[k + 1] !== -1 ||
          CONJ.has(lemma(tokens[k + 1])) ||
          ['ADJ', 'NOUN', 'PROPN', 'DET', 'NUM'].includes(tokens[k + 1]!.pos ?? ''))
      )
        k++;
      continue;
    }
    const m = mentionAt(ctx, k);
    if (!m?.entity || ctx.tokMention[k - 1] === ctx.tokMention[k]) continue;
    if (governedByPrep(ctx, k, a)) continue;
    let instr: boolean;
    if (m.via === 'adjective') {
      // "турецкой полицией": the nationality stands for the noun it modifies.
      let last = k;
      while (last + 1 < cl.end && ctx.tokMention[last + 1] === ctx.tokMention[k]) last++;
      instr = tokens[last + 1]?.pos === 'NOUN' && tokens[last + 1]!.features?.case === 'ablt';
    } else {
      const cases = caseOf(ctx.doc, m, ctx.tokMention, ctx.doc.tokens, a, b);
      instr = !!cases?.has('ablt');
    }
    if (!instr) continue;
    const ids = idsFromChain(ctx, chainAt(ctx, k, cl.end, []), spec);
    if (ids.length) return { ids, how: `instrumental agent "${m.text}"` };
  }
  return null;
}

/**
 * PLOVER category and mode of an event: the type's category, except that stepping down or a material
 * concession (CAMEO 083–087: resign, release, return, ease economic sanctions, allow access,
 * de-escalate) is a RETREAT while easing administrative restrictions or dissent (081–082) stays a
 * CONCEDE, and a cooperative act still to come is an AGREE: the PLOVER reference says "all cooperative
 * actions reported in future tense are also taken to imply intentions". Our own type stays (a planned
 * visit is a VISIT, planned); CAMEO, and so the PETRARCH records, code the act instead.
 */
function ploverOf(
  info: EventTypeInfo,
  cameo: string,
  status: EventStatus,
  mode: string | null,
): { type: string | null; mode: string | null } {
  if (/^08[3-7]/.test(cameo)) return { type: 'RETREAT', mode };
  // A cooperative act the text says will not or did not happen is a refusal (CAMEO 12x: "refused to
  // sign", "would not recognise").
  if (status === 'negated' && (info.quad === 1 || info.quad === 2) && info.plover)
    return { type: 'REJECT', mode: null };
  if (
    (status === 'planned' || status === 'expected') &&
    (info.quad === 1 || info.quad === 2) &&
    info.plover &&
    info.plover !== 'AGREE'
  ) {
    return { type: 'AGREE', mode: null };
  }
  return { type: info.plover, mode };
}

function asCountryIfPlace(ctx: Ctx, id: string): string {
  const e = ctx.entities.get(id);
  if (!e || (e.type !== 'CITY' && e.type !== 'LOC' && e.type !== 'FACILITY')) return id;
  return countryEntity(ctx, id) ?? id;
}

function findLocation(ctx: Ctx, cl: { start: number; end: number }, exclude: string[]): string | null {
  const tokens = ctx.doc.tokens;
  for (let k = cl.start; k < cl.end; k++) {
    const l = lemma(tokens[k]);
    if (l !== 'в' && l !== 'во' && l !== 'in') continue;
    const m = mentionAt(ctx, k + 1);
    if (m && m.entity && m.type === 'CITY' && !exclude.includes(m.entity)) {
      const f = tokens[k + 1]!.features;
      if (!f?.case || f.case === 'loct' || f.tags?.includes('Fixd')) return m.entity;
    }
  }
  return null;
}

function sameSet(a: EntityRef[], b: EntityRef[]): boolean {
  return a.length === b.length && a.every((x) => b.some((y) => y.id === x.id));
}

function subset(a: EntityRef[], b: EntityRef[]): boolean {
  return a.every((x) => b.some((y) => y.id === x.id));
}

function compatibleDates(a: string | null, b: string | null): boolean {
  return !a || !b || a.startsWith(b) || b.startsWith(a);
}

function mergeInto(into: Event, e: Event): void {
  for (const t of e.target) if (!into.target.some((x) => x.id === t.id)) into.target.push(t);
  if (!into.date && e.date) {
    into.date = e.date;
    into.dateText = e.dateText;
  }
  into.amount ??= e.amount;
  into.topic ??= e.topic;
  into.location ??= e.location;
}

/** An event whose source was guessed from the context, or is missing. */
function weak(e: Event): boolean {
  return e.source.length === 0 || (e.explain?.source ?? '').startsWith('the actor');
}

/**
 * An event whose counterpart the sentence names ("… а также встреча с Президентом Токаевым"): two such
 * events with different counterparts are two events even when their actor was guessed.
 */
function namedTarget(e: Event): boolean {
  const how = e.explain?.target ?? '';
  return e.target.length > 0 && !!how && !how.startsWith('the host') && !how.includes('named before');
}

function mergeInSentence(events: Event[], code: string): Event[] {
  const out: Event[] = [];
  for (const e of events) {
    // Two triggers of one event in a sentence ("прибыл с визитом", "обратился … и подчеркнул") are one
    // event: statements by one speaker pool their addressees; other types need compatible parties.
    const twin = out.find(
      (o) =>
        o.type === e.type &&
        (sameSet(o.source, e.source) || weak(e) || weak(o)) &&
        (e.type === 'STATEMENT' ||
          ((weak(e) || weak(o)) && (code !== 'ru' || !namedTarget(e) || !namedTarget(o))) ||
          subset(e.target, o.target) ||
          subset(o.target, e.target)) &&
        compatibleDates(o.date, e.date),
    );
    if (twin && weak(twin) && !weak(e)) {
      twin.source = e.source;
      if (e.target.length) twin.target = e.target;
      if (twin.explain && e.explain?.source) twin.explain.source = e.explain.source;
    }
    if (twin && weak(e) && !weak(twin)) {
      // The context guessed the parties; the sentence itself named them.
      mergeInto(twin, { ...e, target: [] });
    } else if (twin) mergeInto(twin, e);
    else out.push(e);
  }
  return out;
}

/** One event per referent in a document: the same type, parties and compatible dates are one event. */
function mergeInDocument(events: Event[]): Event[] {
  const out: Event[] = [];
  for (const e of events) {
    const twin = out.find(
      (o) =>
        o.type === e.type &&
        sameSet(o.source, e.source) &&
        (subset(e.target, o.target) || subset(o.target, e.target)) &&
        compatibleDates(o.date, e.date),
    );
    if (twin) mergeInto(twin, e);
    else out.push(e);
  }
  return out;
}

function findQuotes(ctx: Ctx): Quote[] {
  const { doc } = ctx;
  const quotes: Quote[] = [];
  const text = doc.text;
  const re = /«([^«»]{3,}?)»|“([^“”]{3,}?)”|"([^"\n]{3,}?)"/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const inner = m[1] ?? m[2] ?? m[3] ?? '';
    const start = m.index + 1;
    const end = start + inner.length;
    // Names of things in quotes ("саммит «С5+1»") are not quotations.
    if (inner.split(/\s+/).length < 4) continue;
    quotes.push({ speaker: speakerNear(ctx, m.index, m.index + m[0].length), text: inner, start, end });
  }
  // An embedded post: the text before its signature is its author's statement.
  const sig = /—\s*([^()\n]{2,60}?)\s*\(@(\w+)\)\s+[A-Z][a-z]+ \d{1,2}, \d{4}/g;
  while ((m = sig.exec(text))) {
    const paraStart = text.lastIndexOf('\n\n', m.index) + 1;
    let start = paraStart;
    while (start < m.index && !/[\p{L}\p{N}]/u.test(text[start]!)) start++;
    const body = text.slice(start, m.index).trimEnd();
    if (body.length < 10) continue;
    const handle = m[2]!.toLowerCase();
    const speaker =
      doc.entities.find(
        (e) =>
          e.type === 'PERSON' &&
          e.mentions.some((x) => x.start >= m!.index && x.end <= m!.index + m![0].length),
      ) ??
      doc.entities.find((e) => e.mentions.some((x) => x.text.replace(/^@/, '').toLowerCase() === handle));
    quotes.push({
      speaker: speaker ? entityRef(speaker) : null,
      text: body,
      start,
      end: start + body.length,
    });
  }
  return quotes.sort((x, y) => x.start - y.start);
}

function speakerNear(ctx: Ctx, qStart: number, qEnd: number): EntityRef | null {
  const { doc } = ctx;
  const s = doc.sentences.find((x) => qStart >= x.start && qStart < x.end);
  if (!s) return null;
  // "«…», — заявил Токаев": the first person named after the quote in its sentence; else before it.
  const after = doc.mentions.filter(
    (m) => m.start >= qEnd && m.end <= s.end && m.type === 'PERSON' && m.entity,
  );
  const before = doc.mentions.filter(
    (m) => m.start >= s.start && m.end <= qStart && (m.type === 'PERSON' || m.type === 'ORG') && m.entity,
  );
  const m = after[0] ?? before[before.length - 1];
  const e = m?.entity ? ctx.entities.get(m.entity) : undefined;
  return e ? entityRef(e) : null;
}
