/**
 * PETRARCH validation records (English sentences coded with CAMEO codes and actor codes): our
 * development set for English events. Convention, ours (modelled on the PLOVER scorer):
 *
 * - a gold CAMEO code maps to our vocabulary type through `typeForCameo` (src/events/vocabulary.ts)
 *   and to a PLOVER 2021 category through that type, else through its root (09x investigate → ACCUSE,
 *   10x demand → REQUEST, 05x other support → SUPPORT); 08x accepts CONCEDE or RETREAT. PETRARCH's
 *   internal test codes are not scored;
 * - type accuracy (PLOVER): over sentences with a gold category, our answer is the most confident event
 *   with a PLOVER category; right when its category is one of the sentence's gold categories.
 *   `vocabType` does the same with our own types (STATEMENT included) where the gold code has one;
 * - actors: the event of a gold category if we have one, else our answer; against the codings of that
 *   category, a side is right when one of our actors has the gold code's country (first three letters)
 *   or a name the actor dictionary gives for the code (or for its country prefix) is our entity's name
 *   or one of its mentions (containment from four letters on);
 * - `noEvents`: sentences coded as having no event where we give no event with a PLOVER category.
 */
import type { Entity, EntityRef, Event } from '../../src/doc.js';
import { typeForCameo } from '../../src/events/vocabulary.js';
import { isCameoCode, type PetrarchRecord } from '../data/petrarch.js';
import { formKey } from '../text.js';
import { ploverOf } from './plover.js';
import { share, type Share } from './prf.js';

const ROOT_PLOVER: Readonly<Record<string, string>> = {
  '02': 'REQUEST',
  '03': 'AGREE',
  '04': 'CONSULT',
  '05': 'SUPPORT',
  '06': 'COOPERATE',
  '07': 'AID',
  '09': 'ACCUSE',
  '10': 'REQUEST',
  '11': 'ACCUSE',
  '12': 'REJECT',
  '13': 'THREATEN',
  '14': 'PROTEST',
  '15': 'MOBILIZE',
  '16': 'SANCTION',
  '17': 'COERCE',
  '18': 'ASSAULT',
  '19': 'ASSAULT',
  '20': 'ASSAULT',
};

/**
 * The PLOVER 2021 categories a CAMEO code stands for (empty for comments, 01x, and non-CAMEO codes).
 *
 * @example cameoPlover('0841') // ['CONCEDE', 'RETREAT']
 * @example cameoPlover('102') // ['REQUEST']
 */
export function cameoPlover(code: string): string[] {
  if (!isCameoCode(code)) return [];
  const root = code.slice(0, 2);
  if (root === '08') return ['CONCEDE', 'RETREAT'];
  const p = typeForCameo(code)?.plover ?? ROOT_PLOVER[root];
  return p ? [p] : [];
}

export interface PetrarchItem {
  record: PetrarchRecord;
  events: Event[];
  entities: Entity[];
}

export interface PetrarchScore {
  records: number;
  /** Sentences with at least one gold PLOVER category. */
  scored: number;
  type: Share;
  anyType: Share;
  vocabType: Share;
  source: Share;
  target: Share;
  actorsBoth: Share;
  noEvents: Share;
  perType: Record<string, Share>;
  /** Type accuracy on each file: the stylised unit tests and the real news sentences differ a lot. */
  perFile: Record<string, Share>;
  results: Array<{
    id: string;
    gold: string;
    predicted: string | null;
    typeOk: boolean;
    sourceOk: boolean;
    targetOk: boolean;
  }>;
}

function actorMatches(
  code: string,
  ref: EntityRef,
  entities: readonly Entity[],
  names: ReadonlyMap<string, string[]>,
): boolean {
  const c = code.trim().toUpperCase();
  if (!c) return false;
  if (/^[A-Z]{3}/.test(c) && ref.country?.toUpperCase() === c.slice(0, 3)) return true;
  const gold = [...(names.get(c) ?? []), ...(c.length > 3 ? (names.get(c.slice(0, 3)) ?? []) : [])];
  if (gold.length === 0) return false;
  const ent = entities.find((e) => e.id === ref.id);
  const ours = [ref.name, ...(ent?.mentions.map((m) => m.text) ?? [])].map(formKey);
  return gold.some((g) =>
    ours.some((t) => t === g || (t.length >= 4 && g.includes(t)) || (g.length >= 4 && t.includes(g))),
  );
}

const byConfidence = (a: Event, b: Event): number => (b.confidence ?? 0) - (a.confidence ?? 0);

/**
 * Scores our events on PETRARCH records.
 *
 * @example scorePetrarch([{ record, events: doc.events, entities: doc.entities }], actorNames).type.value
 */
export function scorePetrarch(
  items: readonly PetrarchItem[],
  names: ReadonlyMap<string, string[]> = new Map(),
): PetrarchScore {
  let n = 0;
  let typeOk = 0;
  let anyOk = 0;
  let vocabN = 0;
  let vocabOk = 0;
  let srcOk = 0;
  let tgtOk = 0;
  let both = 0;
  let quietN = 0;
  let quietOk = 0;
  const per = new Map<string, { c: number; t: number }>();
  const perF = new Map<string, { c: number; t: number }>();
  const results: PetrarchScore['results'] = [];
  for (const { record, events, entities } of items) {
    const typed = events.filter((e) => ploverOf(e).length > 0).sort(byConfidence);
    if (record.noEvents && !record.codings.some((c) => isCameoCode(c.code))) {
      quietN++;
      if (typed.length === 0) quietOk++;
    }
    const goldTypes = new Set(
      record.codings.map((c) => (isCameoCode(c.code) ? typeForCameo(c.code)?.type : undefined)),
    );
    goldTypes.delete(undefined);
    if (goldTypes.size > 0) {
      vocabN++;
      const top = [...events].sort(byConfidence)[0];
      if (top && goldTypes.has(top.type)) vocabOk++;
    }
    const codings = record.codings.filter((c) => cameoPlover(c.code).length > 0);
    if (codings.length === 0) continue;
    n++;
    const gold = new Set(codings.flatMap((c) => cameoPlover(c.code)));
    const best = typed[0];
    const ok = !!best && ploverOf(best).some((p) => gold.has(p));
    const ofGold = typed.filter((e) => ploverOf(e).some((p) => gold.has(p)));
    const chosen = ofGold[0] ?? best;
    let s = false;
    let t = false;
    if (chosen) {
      const cats = new Set(ploverOf(chosen));
      const mine = codings.filter((c) => cameoPlover(c.code).some((p) => cats.has(p)));
      for (const c of mine.length ? mine : codings) {
        const cs = chosen.source.some((r) => actorMatches(c.source, r, entities, names));
        const ct = chosen.target.some((r) => actorMatches(c.target, r, entities, names));
        s ||= cs;
        t ||= ct;
      }
    }
    if (ok) typeOk++;
    if (ofGold.length > 0) anyOk++;
    if (s) srcOk++;
    if (t) tgtOk++;
    if (s && t) both++;
    const key = cameoPlover(codings[0]!.code)[0]!;
    const c = per.get(key) ?? { c: 0, t: 0 };
    c.t++;
    if (ok) c.c++;
    per.set(key, c);
    const f = perF.get(record.file) ?? { c: 0, t: 0 };
    f.t++;
    if (ok) f.c++;
    perF.set(record.file, f);
    results.push({
      id: record.id,
      gold: [...gold].join('/') + ` (${codings.map((x) => x.code).join(',')})`,
      predicted: best ? `${ploverOf(best).join('/')} (${best.type} ${best.rule})` : null,
      typeOk: ok,
      sourceOk: s,
      targetOk: t,
    });
  }
  const perType: Record<string, Share> = {};
  for (const [k, v] of [...per].sort()) perType[k] = share(v.c, v.t);
  const perFile: Record<string, Share> = {};
  for (const [k, v] of [...perF].sort()) perFile[k] = share(v.c, v.t);
  return {
    records: items.length,
    scored: n,
    type: share(typeOk, n),
    anyType: share(anyOk, n),
    vocabType: share(vocabOk, vocabN),
    source: share(srcOk, n),
    target: share(tgtOk, n),
    actorsBoth: share(both, n),
    noEvents: share(quietOk, quietN),
    perType,
    perFile,
    results,
  };
}
