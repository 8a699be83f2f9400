/**
 * Turns an analysed `Doc` into the plain record stores write. Runs in the extraction workers so that
 * the thread that writes the database does as little as possible.
 */
import type { Doc, Token } from '../doc.js';
import { VERSION } from '../version.js';
import { mergeKey } from './merge.js';
import { lshKeys, minhash } from './minhash.js';
import { entityNameKeys } from './names.js';
import type { EncodedDocument, PreparedDocument, PreparedEntity, PreparedEvent } from './types.js';

const LEMMA_KINDS = new Set<Token['kind']>(['word', 'number', 'hashtag', 'handle']);

/**
 * The version stamp stored with each document: the package version and the stage list. Stored
 * documents with another stamp are re-extracted on the next ingest.
 *
 * @example pipelineVersion(['segment', 'langid', 'morph']) // '0.1.0+segment,langid,morph'
 */
export function pipelineVersion(stages: readonly string[]): string {
  return `${VERSION}+${stages.join(',')}`;
}

/** Folds a lemma the way the full-text index will (lower case, `ё` → `е`). */
export function foldLemma(s: string): string {
  return s.toLowerCase().replace(/ё/g, 'е');
}

/**
 * Space-separated lemmas of the tokens overlapping `[start, end)` (the whole text by default), or null
 * when no token has a lemma (the morphology stage did not run).
 */
export function lemmaString(tokens: readonly Token[], start = 0, end = Infinity): string | null {
  let any = false;
  const parts: string[] = [];
  for (const t of tokens) {
    if (t.end <= start) continue;
    if (t.start >= end) break;
    if (!LEMMA_KINDS.has(t.kind)) continue;
    if (t.lemma) any = true;
    parts.push(foldLemma(t.lemma || t.text));
  }
  return any ? parts.join(' ') : null;
}

/** Index of the sentence containing offset `pos` (binary search), or null without sentences. */
function sentenceAt(starts: readonly number[], pos: number): number | null {
  if (starts.length === 0) return null;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Builds the stored form of an analysed document.
 *
 * @example const prepared = prepareDocument(pipeline.process(input), pipelineVersion(DEFAULT_STAGES));
 */
export function prepareDocument(doc: Doc, version: string): PreparedDocument {
  const starts = doc.sentences.map((s) => s.start);
  const entities: PreparedEntity[] = doc.entities.map((e) => {
    const out: PreparedEntity = {
      id: e.id,
      wikidata: e.wikidata ?? null,
      name: e.name,
      names: e.names ?? {},
      type: e.type,
      country: e.country ?? null,
      roles: e.roles ?? [],
      mentions: (e.mentions ?? []).map((m) => ({ ...m, sentence: sentenceAt(starts, m.start) })),
    };
    if (e.rule !== undefined) out.rule = e.rule;
    return out;
  });
  const events: PreparedEvent[] = doc.events.map((ev) => ({
    event: ev,
    sentence: sentenceAt(starts, ev.evidence.start),
    lemmas: doc.tokens.length ? lemmaString(doc.tokens, ev.evidence.start, ev.evidence.end) : null,
  }));
  const out: PreparedDocument = {
    id: doc.id,
    source: doc.source,
    url: doc.url,
    title: doc.title,
    date: doc.date,
    lang: doc.lang,
    text: doc.text,
    lemmas: doc.tokens.length ? lemmaString(doc.tokens) : null,
    pipelineVersion: version,
    fingerprint: minhash(doc.text),
    sentences: doc.sentences.map((s) => ({ start: s.start, end: s.end, lang: s.lang })),
    entities,
    events,
    quotes: doc.quotes,
    warnings: doc.warnings,
  };
  out.encoded = encodeDocument(out);
  return out;
}

/**
 * The stored forms of a prepared document's parts (JSON, lookup keys, merge keys, band keys), made
 * where the document is prepared so that the writing thread does not spend its time on them.
 *
 * @example const enc = encodeDocument(prepared); enc.eventData.length === prepared.events.length // true
 */
export function encodeDocument(d: PreparedDocument): EncodedDocument {
  return {
    entityData: d.entities.map(({ mentions: _mentions, ...rest }) => JSON.stringify(rest)),
    entityNames: d.entities.map((e) => JSON.stringify(e.names ?? {})),
    nameKeys: d.entities.map((e) => entityNameKeys(e)),
    // The evidence and quote texts have columns of their own; the JSON leaves them out (see readers).
    eventData: d.events.map(({ event: ev }) =>
      JSON.stringify({ ...ev, evidence: { ...ev.evidence, text: undefined } }),
    ),
    mergeKeys: d.events.map(({ event: ev }) =>
      mergeKey(
        ev.type,
        ev.status,
        ev.source.map((r) => r.id),
        ev.target.map((r) => r.id),
      ),
    ),
    quoteData: d.quotes.map((q) => JSON.stringify({ ...q, text: undefined })),
    bands: d.fingerprint ? lshKeys(d.fingerprint) : [],
    warnings: JSON.stringify(d.warnings ?? []),
  };
}
