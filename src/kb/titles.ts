/**
 * Resolving a title ("Президент США", "госсекретарь", "Kazakh Foreign Minister") to the persons
 * who held it at a date, through the titles lexicon (`data/lexicon/titles.<lang>.tsv`) and the
 * role spans of the KB.
 */
import type { Holder, Kb } from './kb.js';
import { loadKb } from './kb.js';
import { tokenKeyWords, type KeyWordSlot, type Lemmatizer } from './keys.js';
import type { KbEntity, TitleEntry } from './types.js';

/** How the organization or country of a title was found. */
export type TitleOfVia = 'phrase' | 'adjective' | 'metonym' | 'implied' | 'context';

export interface TitleResolution {
  title: TitleEntry;
  /** Position and length of the title in the key words. */
  start: number;
  length: number;
  /** The role code the holders hold (the first of the title's roles that has holders). */
  role: string;
  /** ISO3 of the country, or id of the organization (or city, for mayors) the title is of. */
  of: string | null;
  ofVia: TitleOfVia | null;
  /** The KB entity that named `of` in the phrase, when one did. */
  ofEntity?: KbEntity;
  /** Holders on the date, most recently started first; empty when nobody is known. */
  holders: Holder[];
}

export interface ResolveTitleOptions {
  lang: string;
  /** YYYY-MM-DD; without it, current holders. */
  date?: string | null;
  /** ISO3 of the country the context is about, used when the phrase names none. */
  country?: string | null;
}

const SKIP_AFTER: ReadonlySet<string> = new Set(['of', 'the', 'for', 'at', 'to']);
const LOCAL_ROLES: ReadonlySet<string> = new Set(['mayor', 'governor']);

function slotWords(slot: KeyWordSlot | undefined): readonly string[] {
  if (slot === undefined) return [];
  return typeof slot === 'string' ? [slot] : slot;
}

interface Of {
  of: string;
  via: TitleOfVia;
  entity?: KbEntity;
  /** A seat of government named for its country: its own holders come first ("пресс-секретарь Кремля"). */
  seat?: string;
}

/** What an entity named next to a title makes the title "of". */
function ofEntity(kb: Kb, e: KbEntity, title: TitleEntry): Of | null {
  if (e.type === 'COUNTRY' && e.iso3) return { of: e.iso3, via: 'phrase', entity: e };
  if ((e.type === 'CITY' || e.type === 'LOC') && title.roles.some((r) => LOCAL_ROLES.has(r))) {
    return { of: e.id, via: 'phrase', entity: e };
  }
  const m = kb.metonymOf(e.id);
  if (m) return { of: m, via: 'metonym', entity: e, seat: e.id };
  if (e.type === 'ORG') return { of: e.id, via: 'phrase', entity: e };
  return null;
}

function ofAt(
  kb: Kb,
  seq: readonly KeyWordSlot[],
  i: number,
  title: TitleEntry,
): { of: Of; length: number } | null {
  for (const m of kb.prefixIndex.matchesAt(seq, i)) {
    const ents = m.values.map((id) => kb.get(id)).filter((e): e is KbEntity => !!e);
    ents.sort((a, b) => (a.type === 'COUNTRY' ? 0 : 1) - (b.type === 'COUNTRY' ? 0 : 1));
    for (const e of ents) {
      const of = ofEntity(kb, e, title);
      if (of) return { of, length: m.length };
    }
  }
  for (const w of slotWords(seq[i])) {
    const c = kb.countryByAdjective(w);
    if (c?.iso3) return { of: { of: c.iso3, via: 'adjective', entity: c }, length: 1 };
  }
  return null;
}

/**
 * One entry per person; the plain office before a qualified one (a `portfolio` marks, say, a
 * ministry's spokesperson among press secretaries), otherwise the order `holders` gives.
 */
function pickHolders(list: Holder[]): Holder[] {
  const seen = new Set<string>();
  const out: Holder[] = [];
  for (const h of list) {
    if (seen.has(h.entity.id)) continue;
    seen.add(h.entity.id);
    out.push(h);
  }
  const qualified = (h: Holder) => (h.role.portfolio ? 1 : 0);
  return out
    .map((h, i) => ({ h, i }))
    .sort((a, b) => qualified(a.h) - qualified(b.h) || a.i - b.i)
    .map((x) => x.h);
}

/**
 * Resolves a title in a sequence of key words (as `tokenKeyWords` gives them): finds the longest
 * title phrase, then the country or organization it is of — named right after it ("Президент
 * США", "President of Kazakhstan", "генсек ООН"), or before it by name or adjective ("U.S.
 * President", "американский госсекретарь"), else the country the title implies ("госсекретарь" →
 * USA), else `options.country` — and returns the holders of the title's role on the date.
 * Returns null when no title is found.
 *
 * @example resolveTitleWords(kb, tokenKeyWords('Президента Казахстана', 'ru', lemmatize), { lang: 'ru', date: '2025-11-07' })?.holders[0]?.entity.name // 'Kassym-Jomart Tokayev'
 */
export function resolveTitleWords(
  kb: Kb,
  seq: readonly KeyWordSlot[],
  options: ResolveTitleOptions,
): TitleResolution | null {
  let best: { start: number; length: number; entries: TitleEntry[] } | null = null;
  for (let i = 0; i < seq.length; i++) {
    const m = kb.titles.index.longestAt(seq, i);
    if (m && (!best || m.length > best.length)) best = { start: i, length: m.length, entries: m.values };
  }
  if (!best) return null;
  const inLang = best.entries.filter((e) => e.lang === options.lang);
  const title = (inLang.length ? inLang : best.entries)[0]!;
  const end = best.start + best.length;

  let of: Of | null = null;
  // After the title: the first few words, skipping "of the".
  for (let i = end, tried = 0; i < seq.length && tried < 3 && !of; i++) {
    if (slotWords(seq[i]).some((w) => SKIP_AFTER.has(w))) continue;
    tried++;
    of = ofAt(kb, seq, i, title)?.of ?? null;
  }
  // Before the title: the match nearest to it.
  if (!of) {
    for (let i = 0; i < best.start; i++) {
      const found = ofAt(kb, seq, i, title);
      if (found && i + found.length <= best.start) of = found.of;
    }
  }
  if (!of && title.country) of = { of: title.country, via: 'implied' };
  if (!of && options.country) of = { of: options.country, via: 'context' };

  const date = options.date ?? undefined;
  const base = { title, start: best.start, length: best.length };
  if (!of) return { ...base, role: title.roles[0]!, of: null, ofVia: null, holders: [] };
  for (const role of title.roles) {
    const holders = pickHolders([
      ...(of.seat ? kb.holders(role, of.seat, date) : []),
      ...kb.holders(role, of.of, date),
    ]);
    if (holders.length) return { ...base, role, of: of.of, ofVia: of.via, ofEntity: of.entity, holders };
  }
  return { ...base, role: title.roles[0]!, of: of.of, ofVia: of.via, ofEntity: of.entity, holders: [] };
}

/**
 * Resolves a title phrase to its holders at a date. Loads the shipped KB and, for Russian, the
 * Russian analyzer unless they are given.
 *
 * @example
 * (await resolveTitle('Президент США', { lang: 'ru', date: '2022-06-01' }))?.holders[0]?.entity.name // 'Joe Biden'
 * (await resolveTitle('Государственный секретарь', { lang: 'ru', date: '2025-11-07', country: 'USA' }))?.holders[0]?.entity.name // 'Marco Rubio'
 */
export async function resolveTitle(
  phrase: string,
  options: ResolveTitleOptions & { kb?: Kb; lemmatize?: Lemmatizer },
): Promise<TitleResolution | null> {
  const kb = options.kb ?? (await loadKb());
  let lemmatize = options.lemmatize;
  if (!lemmatize && options.lang === 'ru') {
    const { defaultLemmatizer } = await import('./pack.js');
    lemmatize = await defaultLemmatizer();
  }
  return resolveTitleWords(kb, tokenKeyWords(phrase, options.lang, lemmatize), options);
}
