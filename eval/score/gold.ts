/**
 * Our own gold format (`../shared/seed/*.gold.json`, OUTPUT.md's conventions). Convention:
 *
 * - participants are compared by canonical English name. Our entity stands for a gold entity when its
 *   name is the gold name, or its QID is the gold QID, or one of its mentions is one of the gold entity's
 *   `aliases_in_text` (so a right referent under another English spelling still counts).
 * - an event of ours matches a gold event when the type is the same; the source set and the target set
 *   are the gold ones (for the symmetric types MEET, PHONE_CALL, SIGN_AGREEMENT, DEAL, COOPERATE and
 *   MEDIATE, the union of both sides is compared instead, since who is "source" is arbitrary there); and
 *   its evidence overlaps the gold evidence sentence or one of its `also_evidence` sentences.
 * - matching is one to one, gold events in file order. `optional` gold events count neither way: matching
 *   one is not a false positive, missing one is not a miss.
 * - on matched (non-optional) events: date accuracy (with `date_lenient`, null is right as well), status
 *   accuracy, amount accuracy (both null, or the same currency and a value within 0.5%), and the latter
 *   again on the events whose gold states an amount.
 * - entities: recall of gold entities by canonical name (one of our entities has that name); surface-form
 *   recall (each `aliases_in_text` found as the text of one of our mentions), and the same requiring the
 *   mention to belong to the entity that stands for that gold entity.
 */
import type { DocumentJson } from '../../src/output.js';
import type { EntityRef, Event } from '../../src/doc.js';
import { sideNames, type GoldAnnotation, type GoldEvent } from '../data/gold.js';
import { formKey } from '../text.js';
import { prf, share, type PRF, type Share } from './prf.js';

export const SYMMETRIC_TYPES: ReadonlySet<string> = new Set([
  'MEET',
  'PHONE_CALL',
  'SIGN_AGREEMENT',
  'DEAL',
  'COOPERATE',
  'MEDIATE',
]);

export interface GoldDocResult {
  matched: Array<{ gold: GoldEvent; pred: Event; dateOk: boolean; statusOk: boolean; amountOk: boolean }>;
  missed: GoldEvent[];
  spurious: Event[];
  /** Our events that matched an optional gold event (neither right nor wrong). */
  optional: Event[];
  entitiesMissed: string[];
  formsMissed: string[];
}

export interface GoldScore {
  events: PRF;
  date: Share;
  status: Share;
  amount: Share;
  /** Amount accuracy on matched events whose gold states an amount. */
  amountGiven: Share;
  entities: Share;
  surfaceForms: Share;
  surfaceFormsLinked: Share;
  docs: GoldDocResult[];
}

/** Finds a sentence of the gold in the text, whitespace-insensitively; null when it is not there. */
export function locate(text: string, sentence: string): { start: number; end: number } | null {
  const s = sentence.trim();
  if (!s) return null;
  const i = text.indexOf(s);
  if (i >= 0) return { start: i, end: i + s.length };
  const pattern = s
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
  const m = new RegExp(pattern, 'u').exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}

/** Resolves our entity references to gold canonical names. */
function makeCanon(gold: GoldAnnotation, json: DocumentJson): (ref: EntityRef) => string {
  const byName = new Map<string, string>();
  const byQid = new Map<string, string>();
  const byAlias = new Map<string, string>();
  for (const e of gold.entities) {
    byName.set(formKey(e.name), e.name);
    if (e.wikidata) byQid.set(e.wikidata, e.name);
    for (const a of e.aliases_in_text ?? []) if (!byAlias.has(formKey(a))) byAlias.set(formKey(a), e.name);
  }
  const entities = new Map(json.entities.map((e) => [e.id, e]));
  return (ref) => {
    const n = byName.get(formKey(ref.name));
    if (n) return n;
    if (ref.wikidata && byQid.has(ref.wikidata)) return byQid.get(ref.wikidata)!;
    const ent = entities.get(ref.id);
    for (const m of ent?.mentions ?? []) {
      const a = byAlias.get(formKey(m.text));
      if (a) return a;
    }
    return byAlias.get(formKey(ref.name)) ?? ref.name;
  };
}

const sameSet = (a: string[], b: string[]): boolean => {
  const x = new Set(a.map(formKey));
  const y = new Set(b.map(formKey));
  return x.size === y.size && [...x].every((v) => y.has(v));
};

function amountOk(gold: GoldEvent['amount'], pred: Event['amount']): boolean {
  if (!gold || !pred) return !gold && !pred;
  if (gold.currency !== pred.currency) return false;
  return Math.abs(gold.value - pred.value) <= 0.005 * Math.abs(gold.value);
}

/**
 * Scores our output for each gold document.
 *
 * @example scoreGold([{ gold, json, text }]).events.f1
 */
export function scoreGold(
  docs: ReadonlyArray<{ gold: GoldAnnotation; json: DocumentJson; text: string }>,
): GoldScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let dateOk = 0;
  let statusOk = 0;
  let amountRight = 0;
  let amountGivenRight = 0;
  let amountGiven = 0;
  let entFound = 0;
  let entTotal = 0;
  let formFound = 0;
  let formLinked = 0;
  let formTotal = 0;
  const results: GoldDocResult[] = [];
  for (const { gold, json, text } of docs) {
    const canon = makeCanon(gold, json);
    const res: GoldDocResult = {
      matched: [],
      missed: [],
      spurious: [],
      optional: [],
      entitiesMissed: [],
      formsMissed: [],
    };
    const used = new Set<number>();
    const matches = (g: GoldEvent, p: Event): boolean => {
      if (g.type !== p.type) return false;
      const gs = sideNames(g.source);
      const gt = sideNames(g.target);
      const ps = p.source.map(canon);
      const pt = p.target.map(canon);
      const sidesOk = SYMMETRIC_TYPES.has(g.type)
        ? sameSet([...gs, ...gt], [...ps, ...pt])
        : sameSet(gs, ps) && sameSet(gt, pt);
      if (!sidesOk) return false;
      const sentences = [g.evidence, ...(g.also_evidence ?? [])];
      return sentences.some((s) => {
        const span = locate(text, s);
        if (span) return p.evidence.start < span.end && span.start < p.evidence.end;
        const a = formKey(s);
        const b = formKey(p.evidence.text ?? '');
        return !!b && (a.includes(b) || b.includes(a));
      });
    };
    const take = (g: GoldEvent): Event | null => {
      const i = json.events.findIndex((p, k) => !used.has(k) && matches(g, p));
      if (i < 0) return null;
      used.add(i);
      return json.events[i]!;
    };
    for (const g of gold.events.filter((e) => !e.optional)) {
      const p = take(g);
      if (!p) {
        fn++;
        res.missed.push(g);
        continue;
      }
      tp++;
      const d = p.date === g.date || (!!g.date_lenient && p.date === null);
      const s = p.status === g.status;
      const a = amountOk(g.amount, p.amount);
      if (d) dateOk++;
      if (s) statusOk++;
      if (a) amountRight++;
      if (g.amount) {
        amountGiven++;
        if (a) amountGivenRight++;
      }
      res.matched.push({ gold: g, pred: p, dateOk: d, statusOk: s, amountOk: a });
    }
    for (const g of gold.events.filter((e) => e.optional)) {
      const p = take(g);
      if (p) res.optional.push(p);
    }
    json.events.forEach((p, k) => {
      if (!used.has(k)) {
        fp++;
        res.spurious.push(p);
      }
    });
    // Entities and surface forms.
    const names = new Set(json.entities.map((e) => formKey(e.name)));
    const mentionForms = new Set<string>();
    const linkedForms = new Set<string>();
    for (const e of json.entities) {
      const c = canon({ id: e.id, name: e.name, wikidata: e.wikidata, type: e.type, country: e.country });
      for (const m of e.mentions) {
        mentionForms.add(formKey(m.text));
        linkedForms.add(`${formKey(c)}|${formKey(m.text)}`);
      }
    }
    for (const g of gold.entities) {
      entTotal++;
      if (names.has(formKey(g.name))) entFound++;
      else res.entitiesMissed.push(g.name);
      for (const a of g.aliases_in_text ?? []) {
        formTotal++;
        if (mentionForms.has(formKey(a))) formFound++;
        else res.formsMissed.push(a);
        if (linkedForms.has(`${formKey(g.name)}|${formKey(a)}`)) formLinked++;
      }
    }
    results.push(res);
  }
  return {
    events: prf(tp, fp, fn),
    date: share(dateOk, tp),
    status: share(statusOk, tp),
    amount: share(amountRight, tp),
    amountGiven: share(amountGivenRight, amountGiven),
    entities: share(entFound, entTotal),
    surfaceForms: share(formFound, formTotal),
    surfaceFormsLinked: share(formLinked, formTotal),
    docs: results,
  };
}
