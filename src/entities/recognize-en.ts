/**
 * English names the KB does not know, and the English context that retypes KB matches: sports
 * reports (a city in a results line is its club), all-capitals headlines and datelines, given names
 * before a surname the KB takes for a place, group adjectives, events, organizations and places by
 * their head words. Runs on what the KB stage left of one sentence.
 */
import type { Doc, EntityType, Token } from '../doc.js';
import * as EN from '../lang/en/entities.js';
import * as G from '../lang/en/gazetteer.js';
import type { Candidate } from './recognize.js';

/** Builds a candidate over tokens `[tokStart, tokEnd)` (the recognizer's `make`). */
export type Make = (
  tokStart: number,
  tokEnd: number,
  type: EntityType,
  ids: string[],
  rule: string,
  via: Candidate['via'],
) => Candidate;

/** The recognizer's state for one sentence: which tokens are taken, and how candidates are built. */
export interface Cover {
  /** True when no candidate covers tokens `[from, to)`. */
  free(from: number, to: number): boolean;
  /** Marks the tokens of `c` as taken. */
  cover(c: Candidate): void;
  /** Builds a candidate over tokens `[tokStart, tokEnd)`. */
  make: Make;
}

/** What the whole document says about its words, computed once per document. */
interface DocContext {
  /** The document is a sports report ("SOCCER - ..."). */
  sport: boolean;
  /** ... of a sport teams play (clubs, not people, stand in results). */
  teamSport: boolean;
  /** Words seen in lower case. */
  lower: Set<string>;
  /** Words seen capitalised inside a mixed-case sentence, not at its start (lower case). */
  midCap: Set<string>;
  /** Last words of full person names (given name + surname) in the document. */
  surnames: Set<string>;
  /** Words of organization names the document writes with a company suffix ("Ruch SA"). */
  orgWords: Set<string>;
}

const contexts = new WeakMap<Doc, DocContext>();

const CAP = /^[A-Z]/;
const INITIAL = /^(?:[A-Z]\.)+$/;
const HYPHEN_ADJ =
  /^[A-Z][A-Za-z.']*(?:-[A-Z][A-Za-z.']*)*-(?:based|born|registered|ruled|owned|led|controlled|made|listed|backed|bred|run|held|style|funded|sponsored|speaking|brokered|bound|linked|origin|built)$/;
const DATE = /^\d{4}-\d\d-\d\d$/;
const NUMBERISH = /^[\d][\d.,/-]*$/;

const NICKNAMES = new Set([...G.TEAM_NICKNAMES].map((w) => w.replace(/-/g, ' ')));

function low(t: Token | undefined): string {
  return t ? t.text.toLowerCase() : '';
}

function isCapWord(t: Token | undefined): boolean {
  return !!t && t.kind === 'word' && CAP.test(t.text);
}

function isUpperWord(t: Token | undefined): boolean {
  return !!t && t.kind === 'word' && /[A-Z]/.test(t.text) && t.text === t.text.toUpperCase();
}

/** Sentence is mostly capitals (a headline or a table row in capitals). */
function capsSentence(tokens: readonly Token[], a: number, b: number): boolean {
  let n = 0;
  let up = 0;
  for (let k = a; k < b; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'word' || !/[A-Za-z]/.test(t.text)) continue;
    n++;
    if (t.text === t.text.toUpperCase()) up++;
  }
  return n >= 2 && up / n > 0.6;
}

function contextOf(doc: Doc): DocContext {
  let ctx = contexts.get(doc);
  if (ctx) return ctx;
  const tokens = doc.tokens;
  const lower = new Set<string>();
  const midCap = new Set<string>();
  const surnames = new Set<string>();
  const orgWords = new Set<string>();
  let sport = false;
  let teamSport = false;
  // A sports report opens with its sport in capitals before a dash ("SOCCER - LEEDS BEAT ...").
  for (let si = 0; si < Math.min(doc.sentences.length, 3); si++) {
    const s = doc.sentences[si]!;
    const m = /^\s*([A-Z][A-Z ]+?)\s+-\s/.exec(doc.text.slice(s.start, Math.min(s.end, s.start + 40)));
    const kind = m ? G.SPORTS.get(m[1]!.toLowerCase()) : undefined;
    if (kind !== undefined) {
      sport = true;
      teamSport = kind;
      break;
    }
  }
  for (const s of doc.sentences) {
    const a = s.tokenStart ?? 0;
    const b = s.tokenEnd ?? 0;
    if (capsSentence(tokens, a, b)) continue;
    for (let k = a; k < b; k++) {
      const t = tokens[k]!;
      if (t.kind !== 'word') continue;
      const l = t.text.toLowerCase();
      if (!CAP.test(t.text)) {
        if (/^[a-z]/.test(t.text)) lower.add(l);
        continue;
      }
      const prev = tokens[k - 1];
      if (k > a && !(prev && prev.kind === 'punct' && /[.!?"“:]/.test(prev.text))) midCap.add(l);
      const nt = tokens[k + 1];
      if (isCapWord(nt) && (G.ORG_HEADS.has(low(nt)) || EN.ORG_SUFFIXES.has(low(nt).replace(/\.$/, ''))))
        if (!G.COMMON_WORDS.has(l) && !G.FIRST_NAMES.has(l)) orgWords.add(l);
      if (G.FIRST_NAMES.has(l) && t.text !== t.text.toUpperCase()) {
        let e = k + 1;
        while (e < b && (isCapWord(tokens[e]) || INITIAL.test(tokens[e]!.text)) && e - k < 4) e++;
        const last = tokens[e - 1]!;
        if (e > k + 1 && last.text.length > 2 && !G.COMMON_WORDS.has(low(last))) surnames.add(low(last));
      }
    }
  }
  ctx = { sport, teamSport, lower, midCap, surnames, orgWords };
  contexts.set(doc, ctx);
  return ctx;
}

/** Words inside a name between its capitalised words ("Bank of England", "Ludwig van Beethoven"). */
const NAME_PARTICLES = new Set([
  'of',
  'de',
  'al',
  'bin',
  'van',
  'von',
  'der',
  'la',
  'du',
  'di',
  'da',
  'del',
  'le',
  'y',
]);

/** The type and reading `classify` spreads into its answers, made once rather than per call. */
const ORG_NAME = { type: 'ORG' as const, via: 'name' as const };
const PER_NAME = { type: 'PERSON' as const, via: 'name' as const };
const LOC_NAME = { type: 'LOC' as const, via: 'name' as const };

/** The type a capitalised run `[s, e)` the KB does not know most likely has, or null for none. */
function classify(
  tokens: readonly Token[],
  s: number,
  e: number,
  a: number,
  ctx: DocContext,
  table = false,
  afterPlace = false,
): { type: EntityType; via: Candidate['via']; rule: string } | null {
  const ws: string[] = [];
  for (let k = s; k < e; k++) ws.push(low(tokens[k]).replace(/\.$/, ''));
  const first = ws[0]!;
  const last = ws[ws.length - 1]!;
  const phrase = ws.join(' ');
  const n = e - s;
  const prev = low(tokens[s - 1]).replace(/\.$/, '');
  const next = tokens[e];
  if (n === 1 && G.MONTHS.has(first)) return null;
  if (G.EVENT_NAMES.has(phrase) && !(ctx.teamSport && G.CLUBS.has(phrase)))
    return { type: 'EVENT_NAME', via: 'name', rule: 'en.misc.event' };
  if (n === 1 && ctx.orgWords.has(first)) return { ...ORG_NAME, rule: 'en.org.document' };
  if (G.NATIONS.has(phrase)) return { ...LOC_NAME, rule: 'en.loc.nation' };
  if (ctx.teamSport && (G.CLUBS.has(phrase) || G.CLUBS.has(phrase.replace(/^the /, ''))))
    return { ...ORG_NAME, rule: 'en.org.club' };
  if (NICKNAMES.has(last) || (n >= 2 && NICKNAMES.has(ws.slice(-2).join(' '))))
    if (ctx.sport || n >= 2) return { ...ORG_NAME, rule: 'en.org.team' };
  if (n === 1 && (G.GROUP_WORDS.has(first) || HYPHEN_ADJ.test(tokens[s]!.text)))
    return { type: 'LOC', via: 'adjective', rule: 'en.misc.group' };
  if (G.EVENT_HEADS.has(last) && (n >= 2 || afterPlace))
    return { type: 'EVENT_NAME', via: 'name', rule: 'en.misc.event' };
  if (EN.ORG_SUFFIXES.has(last) || G.ORG_HEADS.has(last) || (n >= 2 && EN.ORG_PREFIXES.has(first)))
    return { ...ORG_NAME, rule: 'en.org.head' };
  if (n >= 2 && (G.LOC_HEADS.has(last) || G.LOC_STARTS.has(first)))
    return { ...LOC_NAME, rule: 'en.loc.head' };
  if (n >= 2 && INITIAL.test(tokens[s]!.text)) return { ...PER_NAME, rule: 'en.person.initial' };
  if (G.FIRST_NAMES.has(first) && (n >= 2 || !ctx.sport || !ctx.teamSport))
    return { ...PER_NAME, rule: 'en.person.given-name' };
  if (EN.PERSON_CUES.has(prev) || G.NAME_TITLES.has(prev)) return { ...PER_NAME, rule: 'en.person.cue' };
  if (ctx.surnames.has(last)) return { ...PER_NAME, rule: 'en.person.surname' };
  if (n === 1 && /^[A-Z]{2,5}$/.test(tokens[s]!.text)) return { ...ORG_NAME, rule: 'en.org.acronym' };
  if (n === 1 && /[a-z](?:stan|burg|bourg|grad|ville|polis)$/.test(tokens[s]!.text))
    return { ...LOC_NAME, rule: 'en.loc.shape' };
  if (ctx.sport) {
    // Teams fill the tables of team sports; their running text names players as often as clubs.
    if (ctx.teamSport && table && (n === 1 || scoreNext(tokens, e)))
      return { ...ORG_NAME, rule: 'en.org.sport' };
    if (!ctx.teamSport) return { ...PER_NAME, rule: 'en.person.sport' };
  }
  if (EN.LOC_PREPOSITIONS.has(prev) && n <= 2) return { ...LOC_NAME, rule: 'en.loc.after-preposition' };
  if (n >= 4) return { ...ORG_NAME, rule: 'en.org.capitalised' };
  if (n === 1 && next && next.kind === 'word' && /^[a-z]/.test(next.text) && s > a) {
    // "X said" is a person; "X shares", "X's" and the rest more often a company.
    if (/^(said|says|told|added|scored|took|won|beat|finished|was|is|has|had)$/.test(next.text))
      return { ...PER_NAME, rule: 'en.person.capitalised' };
  }
  return { ...PER_NAME, rule: 'en.person.capitalised' };
}

/**
 * Finds the English names of tokens `[a, b)` that the KB stage left free, and retypes its matches
 * where the context says otherwise. Pushes onto and edits `out` (this sentence's candidates).
 *
 * @example recognizeEnglish(doc, a, b, out, cx) // "Bradford 1 Tranmere 0" → two ORG
 */
export function recognizeEnglish(doc: Doc, a: number, b: number, out: Candidate[], cx: Cover): void {
  const tokens = doc.tokens;
  const ctx = contextOf(doc);
  const caps = capsSentence(tokens, a, b);
  const dateline = isUpperWord(tokens[a]) && tokens.slice(a, b).some((t) => DATE.test(t.text));
  // A row of a results table or standings: names and numbers, next to no lower-case words.
  let lowerWords = 0;
  let numbers = 0;
  for (let k = a; k < b; k++) {
    const t = tokens[k]!;
    if (t.kind === 'number' || NUMBERISH.test(t.text)) numbers++;
    else if (t.kind === 'word' && /^[a-z]/.test(t.text) && t.text !== 'v' && t.text !== 'vs') lowerWords++;
  }
  const table = numbers > 0 && lowerWords <= 1;

  // 0. Clubs of a sports report, over what the KB matched inside them ("Real Madrid", "Port Vale").
  if (ctx.teamSport && !dateline) {
    for (let k = a; k < b; k++) {
      if (!isCapWord(tokens[k])) continue;
      let best = 0;
      let phrase = low(tokens[k]);
      for (let e = k + 1; e <= Math.min(b, k + 4); e++) {
        if (e > k + 1) {
          const t = tokens[e - 1]!;
          if (t.kind !== 'word' && t.text !== "'s") break;
          phrase += (t.text === "'s" ? '' : ' ') + low(t);
        }
        if (G.CLUBS.has(phrase) && !G.NATIONS.has(phrase)) best = e;
      }
      if (!best || best - k < 2 || EN.LOC_PREPOSITIONS.has(low(tokens[k - 1]))) continue;
      const inside = out.filter((c) => c.tokEnd > k && c.tokStart < best);
      if (inside.some((c) => c.tokStart < k || c.tokEnd > best || c.via !== 'name')) continue;
      for (const c of inside) out.splice(out.indexOf(c), 1);
      const c = cx.make(k, best, 'ORG', [], 'en.org.club', 'name');
      out.push(c);
      cx.cover(c);
      k = best - 1;
    }
  }

  // 1. KB matches the context retypes.
  const mine = out.filter((c) => c.tokStart >= a && c.tokEnd <= b && c.via === 'name');
  for (const c of mine) {
    const t = tokens[c.tokStart]!;
    const prev = low(tokens[c.tokStart - 1]);
    const next = tokens[c.tokEnd];
    const single = c.tokEnd - c.tokStart === 1;
    // A given name the KB takes for a place before a surname, or a surname after a given name:
    // "Chad Curtis", "Neil Jordan", "Pierre Belec".
    const before = tokens[c.tokStart - 1];
    if (
      single &&
      c.type !== 'PERSON' &&
      before &&
      cx.free(c.tokStart - 1, c.tokStart) &&
      isCapWord(before) &&
      (G.FIRST_NAMES.has(low(before)) || INITIAL.test(before.text)) &&
      !sentenceStartCommon(tokens, c.tokStart - 1, ctx)
    ) {
      uncover(out, c);
      const p = cx.make(c.tokStart - 1, c.tokEnd, 'PERSON', [], 'en.person.given-name-kb', 'name');
      out.push(p);
      cx.cover(p);
      continue;
    }
    if (
      single &&
      c.type !== 'PERSON' &&
      G.FIRST_NAMES.has(low(t)) &&
      !caps &&
      next &&
      cx.free(c.tokEnd, c.tokEnd + 1) &&
      isCapWord(next) &&
      !G.COMMON_WORDS.has(low(next)) &&
      !INITIAL.test(next.text)
    ) {
      let e = c.tokEnd + 1;
      while (e < b && cx.free(e, e + 1) && isCapWord(tokens[e]) && e - c.tokStart < 4) e++;
      uncover(out, c);
      const p = cx.make(c.tokStart, e, 'PERSON', [], 'en.person.given-name-kb', 'name');
      out.push(p);
      cx.cover(p);
      continue;
    }
    if (single && c.type !== 'PERSON' && ctx.surnames.has(low(t)) && !caps) {
      uncover(out, c);
      const p = cx.make(c.tokStart, c.tokEnd, 'PERSON', [], 'en.person.surname-kb', 'name');
      out.push(p);
      cx.cover(p);
      continue;
    }
    // A place before a team nickname is the team's name ("the Florida Marlins").
    if (c.type === 'CITY' || c.type === 'LOC' || c.type === 'COUNTRY') {
      let e = c.tokEnd;
      while (e < b && cx.free(e, e + 1) && isCapWord(tokens[e]) && e - c.tokEnd < 2) e++;
      const tail = tokens
        .slice(c.tokEnd, e)
        .map((x) => x.text.toLowerCase())
        .join(' ');
      if (e > c.tokEnd && (NICKNAMES.has(tail) || (ctx.sport && G.CLUBS.has(low(t) + ' ' + tail)))) {
        uncover(out, c);
        const p = cx.make(c.tokStart, e, 'ORG', [], 'en.org.team', 'name');
        out.push(p);
        cx.cover(p);
        continue;
      }
      const whole = tokens
        .slice(c.tokStart, c.tokEnd)
        .map((x) => x.text.toLowerCase())
        .join(' ');
      // In a report of a team sport a city stands for its club, unless it is where something
      // happens ("in Chicago", "At Portsmouth:", "Leicester: Leicestershire beat ...").
      const venue =
        EN.LOC_PREPOSITIONS.has(prev) ||
        prev === 'of' ||
        (next &&
          (next.text === ':' || next.text === ',' || next.text === '(') &&
          sentenceStart(tokens, a, c.tokStart)) ||
        (next?.text === ',' && isCapWord(tokens[c.tokEnd + 1]) && !ctx.teamSport);
      if (
        ctx.sport &&
        ctx.teamSport &&
        c.type !== 'COUNTRY' &&
        !G.NATIONS.has(whole) &&
        (table || G.CLUBS.has(whole)) &&
        !dateline
      ) {
        if (!venue || !(EN.LOC_PREPOSITIONS.has(prev) || next?.text === ':')) {
          c.type = 'ORG';
          c.ids = [];
          c.rule = 'en.org.club-city';
        }
      }
    }
  }

  // 2. Names the KB does not know.
  for (let k = a; k < b; k++) {
    const t = tokens[k]!;
    if (!cx.free(k, k + 1) || t.kind !== 'word' || !CAP.test(t.text)) continue;
    // A lone letter ("(N)" after a club, "I") and "I'm" are no names by themselves.
    if ((t.text.length === 1 && !isCapWord(tokens[k + 1])) || /^I'/.test(t.text)) continue;
    if (HYPHEN_ADJ.test(t.text) || /^[A-Z]{1,2}\$$/.test(t.text)) {
      const c = cx.make(k, k + 1, 'LOC', [], 'en.misc.hyphen', 'adjective');
      out.push(c);
      cx.cover(c);
      continue;
    }
    if (caps) {
      k = capsRun(doc, k, a, b, out, cx, ctx, dateline);
      continue;
    }
    const lowText = t.text.toLowerCase();
    const initial = sentenceStart(tokens, a, k);
    if (EN.NOT_NAMES.has(lowText) && !(k + 1 < b && isCapWord(tokens[k + 1]))) continue;
    let end = k;
    while (
      end < b &&
      cx.free(end, end + 1) &&
      (isCapWord(tokens[end]) ||
        (end > k &&
          (NAME_PARTICLES.has(tokens[end]!.text) || tokens[end]!.text === '&') &&
          isCapWord(tokens[end + 1])))
    ) {
      end++;
    }
    if (end === k) continue;
    let start = k;
    // Leading words that are not part of the name: common words opening a sentence, titles.
    while (
      start < end &&
      ((start === k && initial && sentenceStartCommon(tokens, start, ctx)) ||
        EN.NOT_NAMES.has(low(tokens[start])) ||
        ((G.NAME_TITLES.has(low(tokens[start]).replace(/\.$/, '')) ||
          EN.PERSON_CUES.has(low(tokens[start]).replace(/\.$/, ''))) &&
          end - start > 1))
    ) {
      start++;
      if (start < end && !isCapWord(tokens[start])) break;
    }
    while (start < end && !isCapWord(tokens[start])) start++;
    // A dangling "of"/"&" at the end after trimming never ends a name.
    while (end > start && !isCapWord(tokens[end - 1])) end--;
    if (start >= end) {
      k = end - 1;
      continue;
    }
    // A person's name ends before "of" ("Michael Ancell of Roosevelt Financial"): the rest is
    // looked at on its own.
    if (G.FIRST_NAMES.has(low(tokens[start])))
      for (let j = start + 1; j < end; j++)
        if (tokens[j]!.text === 'of') {
          end = j;
          break;
        }
    const pc =
      start > a && !cx.free(start - 1, start)
        ? out.find((c) => c.tokEnd === start && c.tokStart >= a)
        : undefined;
    const afterPlace =
      !!pc && (pc.via === 'adjective' || pc.type === 'CITY' || pc.type === 'LOC' || pc.type === 'COUNTRY');
    const cls = classify(tokens, start, end, a, ctx, table, afterPlace);
    if (!cls) {
      k = end - 1;
      continue;
    }
    const single = end - start === 1;
    const w = low(tokens[start]).replace(/\.$/, '');
    if (single && start === k && initial && cls.via !== 'adjective') {
      // One capitalised word opening a sentence is a name only with evidence beyond its capital.
      const evidence =
        cls.rule !== 'en.org.capitalised' &&
        cls.rule !== 'en.person.capitalised' &&
        cls.rule !== 'en.loc.after-preposition' &&
        !(cls.rule === 'en.org.sport' && ctx.lower.has(w));
      if (!evidence && !(ctx.midCap.has(w) && !ctx.lower.has(w))) {
        k = end - 1;
        continue;
      }
    }
    if (single && cls.via !== 'adjective' && cls.rule !== 'en.org.head' && G.COMMON_WORDS.has(w)) {
      k = end - 1;
      continue;
    }
    // A capitalised word before a common noun modifies it ("Patriot missiles", "Labour voters").
    const after = tokens[end];
    if (
      cls.type === 'PERSON' &&
      cls.rule === 'en.person.capitalised' &&
      after &&
      after.kind === 'word' &&
      !CAP.test(after.text) &&
      after.pos === 'NOUN'
    ) {
      k = end - 1;
      continue;
    }
    // A place or a country's adjective before an organization's or an event's head word belongs
    // to its name ("New York Stock Exchange", "American League", "U.S. Open").
    if ((cls.rule === 'en.org.head' || cls.rule === 'en.misc.event') && afterPlace && pc) {
      out.splice(out.indexOf(pc), 1);
      start = pc.tokStart;
    }
    const c = cx.make(start, end, cls.type, [], cls.rule, cls.via);
    out.push(c);
    cx.cover(c);
    k = end - 1;
  }
}

/** A score or a "v" follows token e-1 ("Bradford 1", "Mladost (L) 2", "Walsall v"). */
function scoreNext(tokens: readonly Token[], e: number): boolean {
  let j = e;
  if (tokens[j]?.text === '(' && tokens[j + 2]?.text === ')') j += 3;
  const t = tokens[j];
  return !!t && (t.kind === 'number' || NUMBERISH.test(t.text) || t.text === 'v' || t.text === 'vs');
}

/** A word opening a sentence that the document also writes in lower case, or a common word. */
function sentenceStartCommon(tokens: readonly Token[], k: number, ctx: DocContext): boolean {
  const w = low(tokens[k]);
  if (G.FIRST_NAMES.has(w)) return false;
  return G.COMMON_WORDS.has(w) || EN.NOT_NAMES.has(w) || (ctx.lower.has(w) && !ctx.midCap.has(w));
}

function uncover(out: Candidate[], c: Candidate): void {
  const i = out.indexOf(c);
  if (i >= 0) out.splice(i, 1);
}

function sentenceStart(tokens: readonly Token[], a: number, k: number): boolean {
  return k === a || (tokens[k - 1]?.kind === 'punct' && /[.!?…"“:(-]/.test(tokens[k - 1]!.text));
}

/**
 * A run of names in an all-capitals sentence from token k: words the document writes capitalised
 * elsewhere or the gazetteers know; returns the last token index looked at.
 */
function capsRun(
  doc: Doc,
  k: number,
  a: number,
  b: number,
  out: Candidate[],
  cx: Cover,
  ctx: DocContext,
  dateline: boolean,
): number {
  const tokens = doc.tokens;
  const known = (j: number): boolean => {
    const t = tokens[j];
    if (!t || t.kind !== 'word' || !cx.free(j, j + 1) || !CAP.test(t.text)) return false;
    const w = t.text.toLowerCase();
    if (G.COMMON_WORDS.has(w) || EN.NOT_NAMES.has(w)) return false;
    if (ctx.lower.has(w) && !ctx.midCap.has(w)) return false;
    return (
      ctx.midCap.has(w) ||
      G.FIRST_NAMES.has(w) ||
      G.GROUP_WORDS.has(w) ||
      (ctx.teamSport && (G.CLUBS.has(w) || NICKNAMES.has(w))) ||
      ctx.surnames.has(w)
    );
  };
  // A dateline ("LONDON 1996-08-30", "FARMINGTON HILLS, Mich.") names a place, and so does the
  // state or country after its comma.
  if (k === a) {
    let e = k;
    while (e < b && isUpperWord(tokens[e]) && cx.free(e, e + 1)) e++;
    if (e > k && (dateline || (tokens[e]?.text === ',' && !ctx.sport))) {
      const c = cx.make(k, e, 'LOC', [], 'en.loc.dateline', 'name');
      out.push(c);
      cx.cover(c);
      const s2 = e + 1;
      if (tokens[e]?.text === ',' && isCapWord(tokens[s2]) && cx.free(s2, s2 + 1)) {
        let e2 = s2 + 1;
        if (tokens[e2]?.text === '.' && tokens[e2]!.start === tokens[s2]!.end) e2++;
        const c2 = cx.make(s2, e2, 'LOC', [], 'en.loc.dateline', 'name');
        out.push(c2);
        cx.cover(c2);
        return e2 - 1;
      }
      return e - 1;
    }
  }
  // "WORLD CUP", "NATIONAL LEAGUE": capitals ending in an event's head word.
  {
    let e = k;
    while (e < b && e - k < 4 && isUpperWord(tokens[e]) && cx.free(e, e + 1)) e++;
    for (let h = e; h >= k + 2; h--) {
      if (!G.EVENT_HEADS.has(low(tokens[h - 1])) || G.GROUP_WORDS.has(low(tokens[k]))) continue;
      const c = cx.make(k, h, 'EVENT_NAME', [], 'en.misc.event', 'name');
      out.push(c);
      cx.cover(c);
      return h - 1;
    }
  }
  if (!known(k)) return k;
  let end = k + 1;
  while (end < b && known(end) && !G.GROUP_WORDS.has(low(tokens[end]))) end++;
  const cls = classify(tokens, k, end, a, ctx);
  if (!cls) return end - 1;
  const w = low(tokens[k]);
  let { type, rule } = cls;
  if (cls.rule === 'en.org.capitalised' || cls.rule === 'en.person.capitalised') {
    // Without its own evidence, a headline word takes the kind of the document's names.
    type = ctx.surnames.has(w) ? 'PERSON' : ctx.sport && ctx.teamSport ? 'ORG' : type;
    rule = 'en.caps';
  }
  const c = cx.make(k, end, type, [], rule, cls.via);
  out.push(c);
  cx.cover(c);
  return end - 1;
}
