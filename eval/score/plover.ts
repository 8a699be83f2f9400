/**
 * PLOVER gold-standard records (English sentences from the CAMEO manual, coded with PLOVER categories
 * and source/target actors). Convention, ours (PLOVER publishes no scorer):
 *
 * - the records' 2016 category names are read as PLOVER 2021 names (DEMAND→REQUEST, DISAPPROVE and
 *   INVESTIGATE→ACCUSE, FIGHT→ASSAULT), and only records whose category our event vocabulary can produce
 *   are scored (OUTPUT.md's table; STATEMENT has no PLOVER category);
 * - our event's PLOVER category is its `plover.type` when set, else the OUTPUT.md table's for its type
 *   (YIELD may be CONCEDE or RETREAT, so either is accepted for it);
 * - type accuracy: the record's answer is our most confident event with a PLOVER category; right when its
 *   category is the gold one. `anyType` counts records where any of our events has the gold category;
 * - actor accuracy, per side (source, target): the event of the gold category if we have one, else our
 *   answer (no event at all: both sides wrong); a side is right when the gold lists nobody and we list nobody, or when one of our actors is
 *   one of the gold actors — same ISO3 `country` as the gold code, or the same name as the gold actor
 *   text, or a mention of our entity equal to it. `actorsBoth` needs both sides right. Mutual actors
 *   (the records' `SRC/TAR` markup: "X and Y agreed") are all listed as sources with no target, so there
 *   our event may also name some of them as targets.
 */
import type { Entity, Event, EntityRef } from '../../src/doc.js';
import type { PloverActor, PloverRecord } from '../data/plover.js';
import { formKey } from '../text.js';
import { share, type Share } from './prf.js';

/** Our event type → PLOVER 2021 categories (OUTPUT.md). */
export const EVENT_TO_PLOVER: Readonly<Record<string, readonly string[]>> = {
  STATEMENT: [],
  APPEAL: ['REQUEST'],
  INTENT: ['AGREE'],
  MEET: ['CONSULT'],
  PHONE_CALL: ['CONSULT'],
  VISIT: ['CONSULT'],
  HOST_VISIT: ['CONSULT'],
  MEDIATE: ['CONSULT'],
  PRAISE: ['SUPPORT'],
  SIGN_AGREEMENT: ['SUPPORT'],
  JOIN: ['SUPPORT'],
  DEAL: ['COOPERATE'],
  COOPERATE: ['COOPERATE'],
  AID: ['AID'],
  YIELD: ['CONCEDE', 'RETREAT'],
  ACCUSE: ['ACCUSE'],
  REJECT: ['REJECT'],
  THREATEN: ['THREATEN'],
  PROTEST: ['PROTEST'],
  MOBILIZE: ['MOBILIZE'],
  SANCTION: ['SANCTION'],
  COERCE: ['COERCE'],
  ASSAULT: ['ASSAULT'],
};

/** The PLOVER categories our vocabulary can produce. */
export const PLOVER_VOCABULARY: ReadonlySet<string> = new Set(Object.values(EVENT_TO_PLOVER).flat());

/** The PLOVER categories an event of ours stands for. */
export function ploverOf(e: Pick<Event, 'type' | 'plover'>): readonly string[] {
  if (e.plover?.type) return [e.plover.type];
  return EVENT_TO_PLOVER[e.type] ?? [];
}

export interface PloverItem {
  record: PloverRecord;
  events: Event[];
  entities: Entity[];
}

export interface PloverScore {
  records: number;
  inVocabulary: number;
  type: Share;
  anyType: Share;
  source: Share;
  target: Share;
  actorsBoth: Share;
  perType: Record<string, Share>;
  /** Per record: right type, right actors (for `--errors`). */
  results: Array<{
    id: string;
    gold: string;
    predicted: string | null;
    typeOk: boolean;
    sourceOk: boolean;
    targetOk: boolean;
  }>;
}

function actorMatches(gold: PloverActor, ref: EntityRef, entities: Entity[]): boolean {
  const code = gold.code.trim().toUpperCase();
  if (code && ref.country && ref.country.toUpperCase() === code.slice(0, 3)) return true;
  const g = formKey(gold.actorText);
  if (!g) return false;
  if (formKey(ref.name) === g) return true;
  const ent = entities.find((e) => e.id === ref.id);
  return !!ent?.mentions.some((m) => {
    const t = formKey(m.text);
    return t === g || (t.length >= 4 && g.includes(t)) || (g.length >= 4 && t.includes(g));
  });
}

function sideOk(gold: PloverActor[], pred: EntityRef[], entities: Entity[]): boolean {
  if (gold.length === 0) return pred.length === 0;
  return gold.some((g) => pred.some((p) => actorMatches(g, p, entities)));
}

/**
 * Scores our events on PLOVER records.
 *
 * @example scorePlover([{ record, events: doc.events, entities: doc.entities }]).type.value
 */
export function scorePlover(items: readonly PloverItem[]): PloverScore {
  let n = 0;
  let typeOk = 0;
  let anyOk = 0;
  let srcOk = 0;
  let tgtOk = 0;
  let both = 0;
  const per = new Map<string, { c: number; t: number }>();
  const results: PloverScore['results'] = [];
  for (const { record, events, entities } of items) {
    const gold = record.plover;
    if (!PLOVER_VOCABULARY.has(gold)) continue;
    n++;
    const typed = events.filter((e) => ploverOf(e).length > 0);
    const best = [...typed].sort((a, b) => (b.confidence ?? 0) - (a.confidence ?? 0))[0];
    const ok = !!best && ploverOf(best).includes(gold);
    const ofGold = typed
      .filter((e) => ploverOf(e).includes(gold))
      .sort((a, b) => (b.confidence ?? 0) - (a.confidence ?? 0));
    const chosen = ofGold[0] ?? best;
    // Without an event there are no actors to judge: both sides count as wrong.
    const s = chosen ? sideOk(record.source, chosen.source, entities) : false;
    const mutual = record.target.length === 0 && record.markup.includes('SRC/TAR');
    const t = !chosen
      ? false
      : mutual
        ? chosen.target.every((p) => record.source.some((g) => actorMatches(g, p, entities)))
        : sideOk(record.target, chosen.target, entities);
    if (ok) typeOk++;
    if (ofGold.length > 0) anyOk++;
    if (s) srcOk++;
    if (t) tgtOk++;
    if (s && t) both++;
    const c = per.get(gold) ?? { c: 0, t: 0 };
    c.t++;
    if (ok) c.c++;
    per.set(gold, c);
    results.push({
      id: record.id,
      gold,
      predicted: best ? ploverOf(best).join('/') : null,
      typeOk: ok,
      sourceOk: s,
      targetOk: t,
    });
  }
  const perType: Record<string, Share> = {};
  for (const [k, v] of [...per].sort()) perType[k] = share(v.c, v.t);
  return {
    records: items.length,
    inVocabulary: n,
    type: share(typeOk, n),
    anyType: share(anyOk, n),
    source: share(srcOk, n),
    target: share(tgtOk, n),
    actorsBoth: share(both, n),
    perType,
    results,
  };
}
