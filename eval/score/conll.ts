/**
 * CoNLL-2003 English NER under the official conlleval convention: a chunk is right only when its
 * tokens (start and end) and its type both equal a gold chunk's; precision, recall and F1 are
 * micro-averaged over all chunks, with per-type lines for PER, LOC, ORG and MISC.
 *
 * Character spans (ours and the peers') are put onto the CoNLL tokens by covering every token they
 * overlap; of overlapping predicted chunks the outermost is kept, since one token carries one tag.
 *
 * Our types map as PERSON→PER; ORG→ORG; COUNTRY, CITY, LOC and FACILITY→LOC; TREATY, EVENT_NAME and
 * PRODUCT→MISC; and a mention made by an adjective ("German", "Japanese") is MISC whatever its entity's
 * type, because CoNLL tags nationality adjectives MISC.
 */
import type { EntityType } from '../../src/doc.js';
import { charToTokenSpans, type ConllToken } from '../data/conll.js';
import type { PredMention } from '../predict.js';
import { dropOverlapping, scoreExact, type SpanDocResult, type SpanScore, type TypedSpan } from './spans.js';

export const CONLL_TYPES = ['PER', 'LOC', 'ORG', 'MISC'] as const;

export const CONLL_TYPE_MAP: Partial<Record<EntityType, string>> = {
  PERSON: 'PER',
  ORG: 'ORG',
  COUNTRY: 'LOC',
  CITY: 'LOC',
  LOC: 'LOC',
  FACILITY: 'LOC',
  TREATY: 'MISC',
  EVENT_NAME: 'MISC',
  PRODUCT: 'MISC',
};

/** Our mentions as CoNLL-labelled character spans. */
export function conllCharSpans(mentions: PredMention[]): TypedSpan[] {
  const out: TypedSpan[] = [];
  for (const m of mentions) {
    const type = m.via === 'adjective' ? 'MISC' : CONLL_TYPE_MAP[m.type];
    if (type) out.push({ start: m.start, end: m.end, type, text: m.text });
  }
  return out;
}

/**
 * conlleval-style scoring of character-span predictions against token-range gold chunks.
 *
 * @example scoreConll([{ tokens, gold, pred: [{ start: 0, end: 5, type: 'LOC' }] }]).micro.f1
 */
export function scoreConll(
  docs: ReadonlyArray<{ tokens: readonly ConllToken[]; gold: TypedSpan[]; pred: TypedSpan[] }>,
): SpanScore & { docs: SpanDocResult[] } {
  return scoreExact(
    docs.map((d) => ({ gold: d.gold, pred: dropOverlapping(charToTokenSpans(d.pred, d.tokens)) })),
    [...CONLL_TYPES],
  );
}
