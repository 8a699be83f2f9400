/**
 * factRuEval-2016 PER / LOC / ORG, scored under the convention of the Natasha project's NER benchmark
 * (naeval), which is where the published Slovnet, spaCy and Pullenti figures come from:
 *
 * - gold: a `Person` object becomes one span from its first to its last part; an `Org` object gives its
 *   `org_name` spans; `Location` and `LocOrg` objects give their `loc_name` spans, both as LOC (LocOrg
 *   counts as LOC); `Project` and `Facility` are left out; of overlapping spans the outermost is kept
 *   ("МИД Грузии" is ORG, the LOC "Грузии" inside it is dropped); spans not on token boundaries are
 *   dropped (we use the dataset's own `.tokens` as the token layer).
 * - metric (primary, comparable with the anchors): token-level IO F1 per type — every token inside a
 *   span is tagged, and tokens are counted.
 * - also reported: exact-span F1 per type (start, end and type must all match).
 *
 * Our types map as PERSON→PER, ORG→ORG, COUNTRY/CITY/LOC→LOC. FACILITY, TREATY, EVENT_NAME and PRODUCT
 * have no counterpart here and are left out; adjective mentions ("российский") are left out because the
 * convention keeps only `loc_name` spans. Overlapping predictions keep the outermost, as for gold.
 */
import type { EntityType } from '../../src/doc.js';
import type { FactruDoc } from '../data/factru.js';
import type { PredMention } from '../predict.js';
import {
  alignedSpans,
  dropOverlapping,
  scoreExact,
  scoreTokensIO,
  type SpanScore,
  type TypedSpan,
} from './spans.js';

export const FACTRU_TYPES = ['PER', 'LOC', 'ORG'] as const;

/** Our entity type → factRuEval label (absent: not scored). */
export const FACTRU_TYPE_MAP: Partial<Record<EntityType, string>> = {
  PERSON: 'PER',
  ORG: 'ORG',
  COUNTRY: 'LOC',
  CITY: 'LOC',
  LOC: 'LOC',
};

/**
 * The gold spans of a document under the Natasha convention.
 *
 * @example goldFactruSpans(doc).filter((s) => s.type === 'PER')
 */
export function goldFactruSpans(doc: FactruDoc): TypedSpan[] {
  const spans: TypedSpan[] = [];
  for (const o of doc.objects) {
    if (o.type === 'Person') {
      const start = Math.min(...o.spans.map((s) => s.start));
      const end = Math.max(...o.spans.map((s) => s.end));
      spans.push({ start, end, type: 'PER', text: doc.text.slice(start, end) });
    } else if (o.type === 'Org' || o.type === 'Location' || o.type === 'LocOrg') {
      const part = o.type === 'Org' ? 'org_name' : 'loc_name';
      const type = o.type === 'Org' ? 'ORG' : 'LOC';
      const parts = dropOverlapping(o.spans.filter((s) => s.type === part).map((s) => ({ ...s, type })));
      for (const s of parts)
        spans.push({ start: s.start, end: s.end, type, text: doc.text.slice(s.start, s.end) });
    }
  }
  return alignedSpans(dropOverlapping(spans), doc.tokens).sort((a, b) => a.start - b.start);
}

/** Our mentions as factRuEval spans (mapped, outermost kept, token-aligned). */
export function predFactruSpans(doc: FactruDoc, mentions: PredMention[]): TypedSpan[] {
  const spans: TypedSpan[] = [];
  for (const m of mentions) {
    const type = FACTRU_TYPE_MAP[m.type];
    if (!type || m.via === 'adjective') continue;
    spans.push({ start: m.start, end: m.end, type, text: m.text });
  }
  return alignedSpans(dropOverlapping(spans), doc.tokens);
}

export interface FactruScore {
  /** Token-level IO F1 (Natasha benchmark convention); the numbers to compare with the anchors. */
  tokens: SpanScore;
  /** Exact-span F1. */
  exact: SpanScore;
}

/**
 * Scores predictions (already mapped with `predFactruSpans`) against gold spans.
 *
 * @example scoreFactru([{ doc, gold: goldFactruSpans(doc), pred }]).tokens.perType.PER.f1
 */
export function scoreFactru(
  docs: ReadonlyArray<{ doc: Pick<FactruDoc, 'tokens'>; gold: TypedSpan[]; pred: TypedSpan[] }>,
): FactruScore & { docs: ReturnType<typeof scoreExact>['docs'] } {
  const types = [...FACTRU_TYPES];
  const tokens = scoreTokensIO(
    docs.map((d) => ({ tokens: d.doc.tokens, gold: d.gold, pred: d.pred })),
    types,
  );
  const exact = scoreExact(docs, types);
  return { tokens, exact: { micro: exact.micro, perType: exact.perType }, docs: exact.docs };
}
