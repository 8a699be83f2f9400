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
  cues: Record<keyof LangCues, string[][]>;
  topics: Array<[string[], string]>;
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
    cues[k] = lang.cues[k].map((c) => c.split(' '));
  const topicCues = [...lang.topics].sort((x, y) => y[0].length - x[0].length).map(([w]) => w);
  const topicLabel = new Map(lang.topics.map(([w, t]) => [w.join(' '), t]));
  return {
    code: lang.code,
    timeNouns: new Set(lang.timeNouns),
    byFirst,
    cues,
    topics: lang.topics,
    deadline: lang.deadline,
    topicCues,
    topicLabel,
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
  visit: { source: string[]; target: string[]; date: string | null } | null;
  lastSubject: string[];
  /** Parties of the last event with both sides ("стороны договорились" refers to them). */
  lastParties: { source: string[]; target: string[]; type?: string } | null;
  cueIndex: CueIndex;
  /** Lower-cased token texts, computed once per document. */
  lows: string[];
  /** Type of the rule being applied. */
  ruleType: string;
  /** Set while a rule's source came from a parties word: the other side, for the target. */
  partiesTarget: string[] | null;
}

interface Found {
  ids: string[];
  how: string;
}

const PUNCT_CONTINUE = new Set([',']);
/** Types that mean nothing without the one who acts ("bans on travel to Canada" is no visit). */
const NEEDS_SOURCE = new Set(['VISIT', 'HOST_VISIT', 'PRAISE', 'JOIN', 'PHONE_CALL']);
/** Types whose parties act together; coordinated subjects split into source and target. */
const SYMMETRIC = new Set(['MEET', 'PHONE_CALL', 'SIGN_AGREEMENT', 'COOPERATE', 'DEAL', 'INTENT']);
/** Words that open a subordinate clause even without a comma before them. */
const COMPLEMENTIZERS = new Set(['that', 'что', 'чтобы']);
const CONJ = new Set(['и', 'and', 'а также', 'as well as']);

function lemma(t: Token | undefined): string {
  return t ? (t.lemma ?? t.text.toLowerCase()) : '';
}

function isVerb(t: Token): boolean {
  return t.pos === 'VERB' || t.pos === 'AUX';
}

function matchSeq(tokens: Token[], i: number, seq: string[], end: number, maxGap = 0): number {
  // Returns the index after the match, or -1. Up to maxGap determiners or adjectives may stand
  // between the words ("провели двусторонние переговоры").
  let j = i;
  for (let w = 0; w < seq.length; w++) {
    let gap = 0;
    while (j < end && lemma(tokens[j]) !== seq[w]) {
      if (w === 0 || gap >= maxGap) return -1;
      const pos = tokens[j]!.pos;
      if (pos !== 'DET' && pos !== 'ADJ') return -1;
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

const cueFirsts = new WeakMap<string[][], Map<string, string[][]>>();

function cueMatches(
  tokens: Token[],
  cues: string[][],
  lows: readonly string[],
): Array<{ pos: number; text: string }> {
  let byFirst = cueFirsts.get(cues);
  if (!byFirst) {
    byFirst = new Map<string, string[][]>();
    for (const c of cues) byFirst.set(c[0]!, [...(byFirst.get(c[0]!) ?? []), c]);
    cueFirsts.set(cues, byFirst);
  }
  const out: Array<{ pos: number; text: string }> = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const l = lemma(t);
    const low = lows[i]!;
    const c1 = byFirst.get(l);
    const c2 = low !== l ? byFirst.get(low) : undefined;
    if (!c1 && !c2) continue;
    const cands = c1 && c2 ? [...c1, ...c2] : (c1 ?? c2)!;
    for (const c of cands) {
      let ok = true;
      for (let k = 1; k < c.length && ok; k++) {
        const u = tokens[i + k];
        ok = !!u && (lemma(u) === c[k] || u.text.toLowerCase() === c[k]);
      }
      if (ok) {
        out.push({ pos: i, text: c.join(' ') });
        break;
      }
    }
  }
  return out;
}

/** The first cue of the list that starts in tokens [from, to), or null. */
function hasCue(ctx: Ctx, from: number, to: number, cues: string[][]): string | null {
  let list = ctx.cueIndex.get(cues);
  if (!list) ctx.cueIndex.set(cues, (list = cueMatches(ctx.doc.tokens, cues, ctx.lows)));
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.pos < from) lo = mid + 1;
    else hi = mid;
  }
  const hit = list[lo];
  return hit && hit.pos < to ? hit.text : null;
}

function caseOf(
  doc: Doc,
  m: Mention,
  tokMention: Int32Array,
  tokens: Token[],
  base: number,
): Set<string> | null {
  // The case of a mention's head: the first noun-like token that has a case. Null when unknown
  // (Latin script, indeclinable words), which every case slot accepts.
  const cases = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.start < m.start || t.end > m.end) continue;
    if (tokMention[base + i] === -1) continue;
    const f = t.features;
    if (!f) continue;
    if (f.tags?.includes('Fixd')) return null;
    if (f.case && (t.pos === 'NOUN' || t.pos === 'PROPN')) {
      cases.add(String(f.case));
      // Other readings of the same form count too ("Риме": locative of Рим, dative of Рима).
      for (const r of tokenAlternatives(doc, base + i))
        if (r.features.case) cases.add(String(r.features.case));
      return cases;
    }
  }
  return cases.size ? cases : null;
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
    partiesTarget: null,
    cueIndex: new Map(),
    lows: tokens.map((t) => t.text.toLowerCase()),
    ruleType: '',
  };
  const events: Event[] = [];
  const moneyBySentence = new Map<number, MoneyValue[]>();
  for (const v of doc.values) {
    if (v.kind !== 'money') continue;
    const si = doc.sentences.findIndex((s) => v.start >= s.start && v.end <= s.end);
    if (si >= 0) moneyBySentence.set(si, [...(moneyBySentence.get(si) ?? []), v as unknown as MoneyValue]);
  }
  for (let si = 0; si < doc.sentences.length; si++) {
    const s = doc.sentences[si]!;
    const lang = langs[s.lang] ?? (s.lang === 'kk' ? langs.ru : undefined);
    if (!lang || s.tokenStart === undefined || s.tokenEnd === undefined) continue;
    ctx.lang = lang;
    const sentEvents = sentenceEvents(ctx, si, moneyBySentence.get(si) ?? []);
    events.push(...mergeInSentence(sentEvents));
  }
  const merged = mergeInDocument(events);
  const quotes = findQuotes(ctx);
  merged.forEach((e, i) => (e.id = `e-${doc.id.slice(2, 10)}-${i + 1}`));
  return { events: merged, quotes };
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

function sentenceEvents(ctx: Ctx, si: number, money: MoneyValue[]): Event[] {
  const { doc } = ctx;
  const s = doc.sentences[si]!;
  const a = s.tokenStart!;
  const b = s.tokenEnd!;
  const tokens = doc.tokens;
  const out: Event[] = [];
  const trigAt = new Map<Event, number>();
  const used = new Set<number>();
  const refDate = sentenceRefDate(doc, si);
  // The values stage resolved dates against the publication date; a post quoted with its own date
  // needs them resolved again against that.
  const dates =
    refDate === doc.date
      ? (doc.values.filter(
          (v) => v.kind === 'date' && v.start >= s.start && v.end <= s.end,
        ) as unknown as DateValue[])
      : findDates(doc.text.slice(s.start, s.end), s.lang === 'en' ? 'en' : 'ru', refDate, s.start);
  for (let i = a; i < b; i++) {
    if (used.has(i) || ctx.inQuote[i]) continue;
    const t = tokens[i]!;
    if (t.kind !== 'word') continue;
    const cands = ctx.lang.byFirst.get(lemma(t));
    if (!cands) continue;
    for (const { rule, words } of cands) {
      const end = matchSeq(tokens, i, words, b, words.length > 1 ? 2 : 0);
      if (end < 0) continue;
      // A trigger word that is part of a name ("Саммит ШОС" as an event name) is not a trigger.
      if (ctx.tokMention[i] !== -1 && (words.length === 1 || ctx.tokMention[end - 1] !== -1)) continue;
      if (rule.vetoNext) {
        // "met the deadline": the word after the trigger, past determiners.
        let v = end;
        while (v < b && tokens[v]!.pos === 'DET') v++;
        const next = tokens[v];
        if (next && (rule.vetoNext.includes(lemma(next)) || rule.vetoNext.includes(next.text.toLowerCase())))
          continue;
      }
      // "пригласил Путина посетить Казахстан": the visit is the content of the invitation.
      if (
        tokens[i]!.features?.verbForm === 'Inf' &&
        out.some(
          (o) => (o.type === 'INTENT' || o.type === 'APPEAL' || o.type === 'THREATEN') && trigAt.get(o)! < i,
        )
      )
        continue;
      const ev = applyRule(ctx, rule, si, i, end, dates, money);
      if (ev) {
        out.push(ev);
        trigAt.set(ev, i);
        for (let k = i; k < end; k++) used.add(k);
        break;
      }
    }
  }
  // "…, the State Department said.": a closing credit line is the source of the sentence's
  // events, not an event of its own.
  for (const e of [...out]) {
    if (e.type !== 'STATEMENT' || e.target.length) continue;
    const t = trigAt.get(e)!;
    const before = out.filter((o) => o !== e && o.type !== 'STATEMENT' && trigAt.get(o)! < t);
    if (!before.length) continue;
    let k = t - 1;
    while (k > a && tokens[k]!.text !== ',') k--;
    if (tokens[k]?.text !== ',' || ctx.tokMention[k + 1] === undefined) continue;
    for (const o of before)
      o.attribution ??= {
        source: e.source[0] ?? null,
        text: doc.text.slice(tokens[k + 1]!.start, tokens[t]!.end),
      };
    out.splice(out.indexOf(e), 1);
  }
  // "X announced that Y will join…": the news is the reported event, not the act of saying it.
  return out.filter((e) => {
    if (e.type !== 'STATEMENT') return true;
    const t = trigAt.get(e)!;
    return !out.some((o) => {
      if (o === e || o.type === 'STATEMENT') return false;
      const u = trigAt.get(o)!;
      if (u <= t) return false;
      for (let k = t + 1; k < u; k++) if (COMPLEMENTIZERS.has(lemma(tokens[k]))) return true;
      return false;
    });
  });
}

/** The date a sentence's relative words refer to: the dateline of an embedded post, else the article's. */
function sentenceRefDate(doc: Doc, si: number): string | null {
  const s = doc.sentences[si]!;
  // An embedded post carries its own date in its signature ("— Name (@handle) November 6, 2025").
  const paraStart = doc.text.lastIndexOf('\n\n', s.start) + 1;
  let paraEnd = doc.text.indexOf('\n\n', s.end);
  if (paraEnd < 0) paraEnd = doc.text.length;
  const para = doc.text.slice(paraStart, paraEnd);
  const sig = /\(@\w+\)\s+([A-Z][a-z]+ \d{1,2}, \d{4})/.exec(para);
  if (sig) {
    const d = findDates(sig[1]!, 'en', doc.date)[0];
    if (d?.past) return d.past;
  }
  return doc.date;
}

function clauseBounds(
  ctx: Ctx,
  a: number,
  b: number,
  i: number,
): { start: number; end: number; parent: number } {
  const tokens = ctx.doc.tokens;
  const breaks = ctx.lang.cues.clauseBreaks;
  const isBreakAt = (k: number): boolean => {
    const t = tokens[k]!;
    if (t.text === ';' || t.text === ':') return true;
    if (COMPLEMENTIZERS.has(lemma(t)) && t.pos !== 'PRON' && t.pos !== 'DET') return true;
    if (tokens[k - 1]?.text === ',' || tokens[k - 1]?.text === '—') {
      return breaks.some((c) => c.length === 1 && lemma(t) === c[0]);
    }
    return false;
  };
  let start = a;
  for (let k = i - 1; k > a; k--) {
    if (isBreakAt(k)) {
      start = k;
      break;
    }
  }
  let end = b;
  for (let k = i + 1; k < b; k++) {
    if (isBreakAt(k)) {
      end = k - (tokens[k - 1]?.text === ',' ? 1 : 0);
      break;
    }
  }
  let parent = a;
  for (let k = start - 1; k > a; k--) {
    if (isBreakAt(k)) {
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
  for (let k = first - 1; k >= a; k--) {
    const t = tokens[k]!;
    if (t.pos === 'ADP') return true;
    if (ctx.tokMention[k] !== -1) continue;
    // "в 2010 году Google …": a time phrase before a name does not govern it.
    if (ctx.lang.timeNouns.has(lemma(t))) return false;
    // A noun in another case before a nominative name heads a phrase of its own
    // ("в узком составе | Касым-Жомарт Токаев …").
    if (
      own === 'nomn' &&
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
}

/**
 * The coordinated noun phrase that starts at token `from`: its members split at commas and
 * conjunctions; a nested prepositional phrase inside a member is left out of it.
 */
function chainAt(ctx: Ctx, from: number, end: number, ownPreps: string[], keepAll = false): Conjunct[] {
  const tokens = ctx.doc.tokens;
  const out: Conjunct[] = [{ mentions: [] }];
  let nested = false;
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
      if (t.text === ',' || CONJ.has(lemma(t))) {
        if (out[out.length - 1]!.mentions.length === 0 && out.length > 1) break;
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
        continue;
      }
      if (t.pos === 'SCONJ' || t.pos === 'PRON') break;
      continue;
    }
    if (nested && ctx.doc.mentions[m]!.type !== 'PERSON') continue;
    const cur = out[out.length - 1]!;
    if (!cur.mentions.includes(m)) cur.mentions.push(m);
  }
  while (out.length && out[out.length - 1]!.mentions.length === 0) out.pop();
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

function pickFromConjunct(ctx: Ctx, c: Conjunct, spec: ArgSpec): string | null {
  let best: Mention | null = null;
  let bestRank = -1;
  for (const mi of c.mentions) {
    const m = ctx.doc.mentions[mi]!;
    if (!m.entity) continue;
    if (spec.types && !spec.types.includes(m.type)) continue;
    let rank = (TYPE_RANK[m.type] ?? 0) * 2 + (m.via === 'name' || m.via === undefined ? 1 : 0);
    if (m.via === 'adjective') rank -= 6;
    if (rank >= bestRank) {
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

function findSubject(
  ctx: Ctx,
  trig: number,
  cl: { start: number; end: number },
  a: number,
  b: number,
): Found | null {
  const tokens = ctx.doc.tokens;
  const isRu = ctx.lang.code === 'ru';
  const ok = (k: number): Mention | null => {
    const m = mentionAt(ctx, k);
    if (!m || !m.entity || ctx.inQuote[k]) return null;
    let first = k;
    while (first > a && ctx.tokMention[first - 1] === ctx.tokMention[k]) first--;
    if (m.via === 'adjective') {
      // "Israeli police", "российские военные": a nationality before a plain noun names the country's actor.
      let last = k;
      while (last + 1 < b && ctx.tokMention[last + 1] === ctx.tokMention[k]) last++;
      const next = tokens[last + 1];
      if (!next || next.pos !== 'NOUN' || ctx.tokMention[last + 1] !== -1) return null;
      if (isRu && next.features?.case && next.features.case !== 'nomn') return null;
    }
    if (governedByPrep(ctx, first, a)) return null;
    if (isRu) {
      const cases = m.via === 'adjective' ? null : caseOf(ctx.doc, m, ctx.tokMention, tokens.slice(a, b), a);
      if (cases && !cases.has('nomn')) return null;
    } else if (lemma(tokens[first - 1]) === 'of') {
      // "the President of Kazakhstan" names its person; "the government of Iran" acts for Iran.
      const head = tokens[first - 2];
      if (
        !head ||
        head.pos !== 'NOUN' ||
        ctx.tokMention[first - 2] !== -1 ||
        governedByPrep(ctx, first - 2, a)
      )
        return null;
    }
    return m;
  };
  const collect = (k: number): string[] => {
    // The subject with its coordinated members ("Казахстан и Узбекистан подписали").
    const mi = ctx.tokMention[k]!;
    let first = k;
    while (first > a && ctx.tokMention[first - 1] === mi) first--;
    const ids: string[] = [];
    const head = ctx.doc.mentions[mi]!;
    ids.push(head.entity!);
    // Steps left over a member's own noun phrase: its title ("Президент России Владимир Путин"),
    // genitive names, determiners and adjectives.
    const skipPhrase = (from: number, entity: string): number => {
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
        if (p === 'DET' || p === 'ADJ') {
          j--;
          continue;
        }
        break;
      }
      return j;
    };
    let j = skipPhrase(first - 1, head.entity!);
    let sawAnd = false;
    while (j > a) {
      const t = tokens[j]!;
      const isAnd = CONJ.has(lemma(t));
      if (isAnd || (t.text === ',' && sawAnd)) {
        const m2 = ok(j - 1);
        if (m2 && m2.entity && !ids.includes(m2.entity)) {
          ids.unshift(m2.entity);
          sawAnd ||= isAnd;
          let f2 = j - 1;
          while (f2 > a && ctx.tokMention[f2 - 1] === ctx.tokMention[j - 1]) f2--;
          j = skipPhrase(f2 - 1, m2.entity);
          continue;
        }
      }
      break;
    }
    return ids;
  };
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
  for (let k = trig - 1; k >= cl.start; k--) {
    const m = ok(k);
    if (m) {
      // A subject mention that is a genitive modifier of another noun is not the subject.
      return { ids: collect(k), how: `subject "${m.text}"` };
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
    const m = ok(k);
    if (m && !ctx.inQuote[k]) {
      // Take the whole name: the subject is the last token of its mention.
      let last = k;
      while (last + 1 < cl.start && ctx.tokMention[last + 1] === ctx.tokMention[k]) last++;
      return { ids: collect(last), how: `shared subject "${m.text}"` };
    }
  }
  // Inverted order: "…», — заявил Токаев." (verbs only, the name right after the verb)
  if (!isVerb(tokens[trig]!)) return null;
  for (let k = trig + 1; k < Math.min(cl.end, trig + 4); k++) {
    const m = ok(k);
    if (m) return { ids: [m.entity!], how: `subject after the verb "${m.text}"` };
    if (isVerb(tokens[k]!)) break;
  }
  return null;
}

/** True when the mention at token k is in the genitive only (a modifier of the noun before it). */
function genitive(ctx: Ctx, m: Mention, k: number, a: number, b: number): boolean {
  if (ctx.lang.code !== 'ru') return false;
  const cases = caseOf(ctx.doc, m, ctx.tokMention, ctx.doc.tokens.slice(a, b), a);
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
        const party = hasCue(ctx, cl.start, trig, ctx.lang.cues.parties);
        const parties =
          ctx.lastParties ?? (ctx.visit ? { source: ctx.visit.source, target: ctx.visit.target } : null);
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
      const chain = chainAt(ctx, k, cl.end, []);
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
    found = { ids: [...new Set(ids)], how: `${found.how}, as its country` };
  }
  return found;
}

function filterCase(ctx: Ctx, chain: Conjunct[], spec: ArgSpec, a: number, b: number): Conjunct[] {
  if (!spec.cases) return chain;
  const tokens = ctx.doc.tokens.slice(a, b);
  const accept = new Set(spec.cases);
  // Animate accusative has the genitive's form ("принял министра").
  if (accept.has('accs')) accept.add('gent');
  return chain.map((c) => ({
    mentions: c.mentions.filter((mi) => {
      const m = ctx.doc.mentions[mi]!;
      const cases = caseOf(ctx.doc, m, ctx.tokMention, tokens, a);
      if (!cases) return true;
      if (
        accept.has('gent') &&
        spec.cases!.includes('accs') &&
        !spec.cases!.includes('gent') &&
        m.type !== 'PERSON'
      ) {
        return [...cases].some((c2) => c2 !== 'gent' && accept.has(c2)) || cases.has('accs');
      }
      return [...cases].some((c2) => accept.has(c2));
    }),
  }));
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
  const hyp = hasCue(ctx, cl.start, cl.end, cues.hypothetical);
  if (hyp) return { status: 'hypothetical', cue: hyp };
  // A nominal event takes the negation and modality of its clause's verb, wherever it stands
  // ("Визит … не состоится", "Визит … запланирован на декабрь").
  const verbAfter = nominal ? nextVerb(tokens, trig, cl.end) : -1;
  for (let k = before(trig - 3); k < trig; k++) {
    if (isNegation(cues, tokens[k]!)) return { status: 'negated', cue: tokens[k]!.text };
  }
  if (verbAfter > 0) {
    for (let k = Math.max(trig + 1, verbAfter - 2); k < verbAfter; k++) {
      if (isNegation(cues, tokens[k]!)) return { status: 'negated', cue: tokens[k]!.text };
    }
  }
  const modalEnd = nominal ? cl.end : trig;
  const exp = hasCue(ctx, cl.parent, modalEnd, cues.expected);
  if (exp) return { status: nominal ? 'planned' : 'expected', cue: exp };
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

/** A one-word negation cue, by lemma or by form ("не", "not", "didn't"). */
function isNegation(cues: Record<keyof LangCues, string[][]>, t: Token): boolean {
  const form = t.text.toLowerCase().replace(/’/g, "'");
  return cues.negation.some((c) => c.length === 1 && (lemma(t) === c[0] || form === c[0]));
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
  if (!list)
    ctx.cueIndex.set(ctx.lang.topicCues, (list = cueMatches(ctx.doc.tokens, ctx.lang.topicCues, ctx.lows)));
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
  const cl = clauseBounds(ctx, a, b, trig);
  if (rule.requires && !rule.requires.some((w) => tokens.slice(trigEnd, cl.end).some((t) => lemma(t) === w)))
    return null;
  const explain: Record<string, string> = {
    trigger: tokens
      .slice(trig, trigEnd)
      .map((t) => t.text)
      .join(' '),
  };
  let source: string[] = [];
  ctx.partiesTarget = null;
  ctx.ruleType = rule.type;
  for (const spec of rule.source) {
    const f = findArg(ctx, spec, trig, trigEnd, cl, a, b, 'source');
    if (f && f.ids.length) {
      source = f.ids;
      explain.source = f.how;
      break;
    }
  }
  let target: string[] = [];
  for (const spec of rule.target) {
    const f = findArg(ctx, spec, trig, trigEnd, cl, a, b, 'target');
    if (f && f.ids.length) {
      target = f.ids.filter((id) => !source.includes(id));
      explain.target = f.how;
      if (target.length) break;
    }
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
  if (rule.needsTarget && target.length === 0) return null;
  if (source.length === 0 && target.length === 0) return null;
  if (source.length === 0 && NEEDS_SOURCE.has(rule.type)) return null;
  let type = rule.type;
  // "Состоялся телефонный разговор … Стороны обсудили …": the parties' talk is the call itself.
  if (
    (explain.source ?? '').includes('parties named before') &&
    type === 'MEET' &&
    ctx.lastParties?.type === 'PHONE_CALL'
  ) {
    type = 'PHONE_CALL';
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
  const amountVal = rule.amount ? nearest(money, tokens[trig]!.start) : null;
  if (rule.withCompany && target.some((id) => ctx.kb.sectors(id).includes('BUS'))) type = rule.withCompany;
  if (rule.withCompany && amountVal && target.some((id) => ctx.entities.get(id)?.type === 'ORG'))
    type = rule.withCompany;
  const info = eventType(type);
  if (!info) return null;
  // "к 2030 году", "by 2030": a deadline, not the date of the event.
  const eventDates = dates.filter(
    (d) => !ctx.lang.deadline.test(doc.text.slice(Math.max(0, d.start - 6), d.start + 3)),
  );
  const clauseDates = eventDates.filter(
    (d) => d.start >= tokens[cl.start]!.start && d.end <= tokens[cl.end - 1]!.end,
  );
  const dateVal = nearest(clauseDates.length ? clauseDates : eventDates, tokens[trig]!.start);
  const st = statusOf(ctx, rule, trig, cl, dateVal);
  if (st.cue) explain.status = st.cue;
  const future = st.status === 'planned' || st.status === 'expected';
  let date: string | null = dateVal
    ? future
      ? (dateVal.future ?? dateVal.past)
      : (dateVal.past ?? dateVal.future)
    : null;
  if (
    !date &&
    ctx.visit &&
    type !== 'VISIT' &&
    source.some((id) => ctx.visit!.source.includes(id) || countryEntity(ctx, ctx.visit!.source[0]!) === id)
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
  const repCue = hasCue(ctx, a, b, ctx.lang.cues.reported);
  const ev: Event = {
    id: '',
    type,
    cameo: type === rule.type && rule.cameo ? rule.cameo : finalInfo.cameo,
    plover: ploverOf(
      finalInfo,
      type === rule.type && rule.cameo ? rule.cameo : finalInfo.cameo,
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
    attribution: repCue ? { source: null, text: repCue } : null,
    evidence: { start: s.start, end: s.end, text: sentText },
    rule: rule.id,
    confidence: Math.min(
      0.95,
      0.55 + (explain.source ? 0.2 : 0) + (explain.target ? 0.15 : 0) + (rule.trigger.length > 0 ? 0.05 : 0),
    ),
    explain,
  };
  if (
    type === 'VISIT' &&
    st.status === 'occurred' &&
    source.length &&
    explain.source &&
    !explain.source.startsWith('the actor')
  ) {
    ctx.visit = { source, target, date: date && date.length === 10 ? date : (ctx.visit?.date ?? null) };
  }
  if (source.length && explain.source && !explain.source.startsWith('the actor')) ctx.lastSubject = source;
  if (source.length && target.length && !(explain.source ?? '').includes('parties named before')) {
    ctx.lastParties = { source, target, type };
  }
  return ev;
}

/**
 * PLOVER category and mode of an event: the type's category, except that a withdrawal (CAMEO
 * 083–087) is a RETREAT, and a cooperative act still to come is an AGREE (PLOVER codes a promise
 * or plan to cooperate as agreement, whatever the act).
 */
function ploverOf(
  info: EventTypeInfo,
  cameo: string,
  status: EventStatus,
  mode: string | null,
): { type: string | null; mode: string | null } {
  if (/^08[3-7]/.test(cameo)) return { type: 'RETREAT', mode };
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

function mergeInSentence(events: Event[]): Event[] {
  const out: Event[] = [];
  const weak = (e: Event): boolean =>
    e.source.length === 0 || (e.explain?.source ?? '').startsWith('the actor');
  for (const e of events) {
    // Two triggers of one event in a sentence ("прибыл с визитом", "обратился … и подчеркнул") are one
    // event: statements by one speaker pool their addressees; other types need compatible parties.
    const twin = out.find(
      (o) =>
        o.type === e.type &&
        (sameSet(o.source, e.source) || weak(e) || weak(o)) &&
        (e.type === 'STATEMENT' ||
          weak(e) ||
          weak(o) ||
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
