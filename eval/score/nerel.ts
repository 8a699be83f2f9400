/**
 * NEREL v1.1, flat top-level evaluation of PERSON, ORGANIZATION, COUNTRY, CITY, DATE and MONEY:
 *
 * - gold: entities of those six types; where they nest or overlap (NEREL is nested), the outermost is
 *   kept, so "Бананц" inside a PROFESSION still counts (PROFESSION is not among the six) but a CITY inside
 *   an ORGANIZATION name does not. Discontinuous entities count as their envelope.
 * - metric: exact-span typed F1 (start, end and type all equal), micro-averaged, with per-type P/R/F.
 * - linking: of the gold mentions above that carry a Wikidata QID (not `Wikidata:NULL`), the share whose
 *   span we also found with the same QID on our entity (`accuracy`), and the same among the mentions we
 *   found at all (`accuracyOnFound`).
 *
 * Our types map as PERSON→PERSON, ORG→ORGANIZATION, COUNTRY→COUNTRY, CITY→CITY; date values→DATE and
 * money values→MONEY (from the values the pipeline lists, when it lists them). LOC, FACILITY, TREATY,
 * EVENT_NAME and PRODUCT are not scored (NEREL's LOCATION, FACILITY, LAW, EVENT, PRODUCT are outside the six);
 * adjective mentions are left out (NEREL marks them NATIONALITY). Overlapping predictions keep the outermost.
 */
import type { EntityType } from '../../src/doc.js';
import type { NerelDoc } from '../data/nerel.js';
import type { PredMention, PredValue } from '../predict.js';
import { share, type Share } from './prf.js';
import { dropOverlapping, scoreExact, type SpanDocResult, type SpanScore, type TypedSpan } from './spans.js';

export const NEREL_TYPES = ['PERSON', 'ORGANIZATION', 'COUNTRY', 'CITY', 'DATE', 'MONEY'] as const;

export const NEREL_TYPE_MAP: Partial<Record<EntityType, string>> = {
  PERSON: 'PERSON',
  ORG: 'ORGANIZATION',
  COUNTRY: 'COUNTRY',
  CITY: 'CITY',
};

/** A gold span with the Wikidata link of its entity (when it has one). */
export interface NerelGoldSpan extends TypedSpan {
  wikidata?: string | null;
}

/** A predicted span with our entity's QID. */
export interface NerelPredSpan extends TypedSpan {
  wikidata?: string | null;
}

/** The flat top-level gold spans of a document. */
export function goldNerelSpans(doc: NerelDoc): NerelGoldSpan[] {
  const types = new Set<string>(NEREL_TYPES);
  const spans = doc.entities
    .filter((e) => types.has(e.type))
    .map((e) => ({
      start: e.start,
      end: e.end,
      type: e.type,
      text: doc.text.slice(e.start, e.end),
      wikidata: e.wikidata,
    }));
  return dropOverlapping(spans);
}

/** Our mentions and values as NEREL spans. */
export function predNerelSpans(mentions: PredMention[], values: PredValue[] = []): NerelPredSpan[] {
  const spans: NerelPredSpan[] = [];
  for (const m of mentions) {
    const type = NEREL_TYPE_MAP[m.type];
    if (!type || m.via === 'adjective') continue;
    spans.push({ start: m.start, end: m.end, type, text: m.text, wikidata: m.wikidata });
  }
  for (const v of values)
    spans.push({ start: v.start, end: v.end, type: v.kind === 'date' ? 'DATE' : 'MONEY', text: v.text });
  return dropOverlapping(spans);
}

export interface NerelScore extends SpanScore {
  linking: { accuracy: Share; accuracyOnFound: Share };
  docs: SpanDocResult[];
}

/**
 * Scores NEREL predictions: exact typed spans and linking.
 *
 * @example scoreNerel([{ gold: goldNerelSpans(doc), pred }]).perType.PERSON.f1
 */
export function scoreNerel(
  docs: ReadonlyArray<{ gold: NerelGoldSpan[]; pred: NerelPredSpan[] }>,
): NerelScore {
  const exact = scoreExact(docs, [...NEREL_TYPES]);
  let linked = 0;
  let right = 0;
  let found = 0;
  for (const d of docs) {
    const bySpan = new Map<string, NerelPredSpan[]>();
    for (const p of d.pred) {
      const k = `${p.start}:${p.end}`;
      bySpan.set(k, [...(bySpan.get(k) ?? []), p]);
    }
    for (const g of d.gold) {
      if (!g.wikidata) continue;
      linked++;
      const preds = bySpan.get(`${g.start}:${g.end}`);
      if (!preds) continue;
      found++;
      if (preds.some((p) => p.wikidata === g.wikidata)) right++;
    }
  }
  return {
    micro: exact.micro,
    perType: exact.perType,
    linking: { accuracy: share(right, linked), accuracyOnFound: share(right, found) },
    docs: exact.docs,
  };
}
