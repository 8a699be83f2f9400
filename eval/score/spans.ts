/**
 * Typed span matching shared by the NER scorers: exact-span F1 (the conlleval / MUC "exact" convention:
 * a prediction counts only when start, end and type all equal a gold span's) and the token-level IO
 * F1 the Natasha project uses for its Russian NER benchmark.
 */
import { addCounts, prf, type PRF } from './prf.js';

/** A labelled half-open range `[start, end)`; units are whatever the caller uses (characters or tokens). */
export interface TypedSpan {
  start: number;
  end: number;
  type: string;
  text?: string;
}

/** What one document contributed: its counts and which spans were right, spurious or missed. */
export interface SpanDocResult {
  tp: TypedSpan[];
  fp: TypedSpan[];
  fn: TypedSpan[];
}

/** Micro-averaged scores over all types plus one line per type. */
export interface SpanScore {
  micro: PRF;
  perType: Record<string, PRF>;
}

const key = (s: TypedSpan): string => `${s.start}:${s.end}:${s.type}`;

/**
 * Matches predicted spans to gold ones exactly (same start, end and type), one to one, restricted to
 * `types` when given (spans of other types are ignored on both sides).
 *
 * @example matchExact([{start:0,end:5,type:'PER'}], [{start:0,end:5,type:'PER'}]).tp.length // 1
 */
export function matchExact(gold: TypedSpan[], pred: TypedSpan[], types?: readonly string[]): SpanDocResult {
  const keep = (s: TypedSpan): boolean => !types || types.includes(s.type);
  const pool = new Map<string, TypedSpan[]>();
  for (const g of gold.filter(keep)) {
    const k = key(g);
    const list = pool.get(k);
    if (list) list.push(g);
    else pool.set(k, [g]);
  }
  const res: SpanDocResult = { tp: [], fp: [], fn: [] };
  for (const p of pred.filter(keep)) {
    const list = pool.get(key(p));
    if (list && list.length > 0) {
      list.pop();
      res.tp.push(p);
    } else res.fp.push(p);
  }
  for (const list of pool.values()) res.fn.push(...list);
  return res;
}

/**
 * Sums per-document exact matches into micro-averaged and per-type P/R/F1. Types with no gold and no
 * prediction still get a (zero) line when listed in `types`.
 *
 * @example scoreExact([{ gold: g, pred: p }], ['PER', 'LOC', 'ORG']).perType.PER.f1
 */
export function scoreExact(
  docs: ReadonlyArray<{ gold: TypedSpan[]; pred: TypedSpan[] }>,
  types: readonly string[],
): SpanScore & { docs: SpanDocResult[] } {
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  for (const t of types) counts.set(t, { tp: 0, fp: 0, fn: 0 });
  const results: SpanDocResult[] = [];
  for (const d of docs) {
    const r = matchExact(d.gold, d.pred, types);
    results.push(r);
    for (const s of r.tp) addCounts(counts, s.type, 1, 0, 0);
    for (const s of r.fp) addCounts(counts, s.type, 0, 1, 0);
    for (const s of r.fn) addCounts(counts, s.type, 0, 0, 1);
  }
  return { ...summarise(counts), docs: results };
}

function summarise(counts: Map<string, { tp: number; fp: number; fn: number }>): SpanScore {
  const perType: Record<string, PRF> = {};
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [t, c] of counts) {
    perType[t] = prf(c.tp, c.fp, c.fn);
    tp += c.tp;
    fp += c.fp;
    fn += c.fn;
  }
  return { micro: prf(tp, fp, fn), perType };
}

/** A token of the reference tokenization (character offsets). */
export interface TokenRange {
  start: number;
  end: number;
}

/**
 * Drops spans whose start or end does not fall on a token boundary, as the Natasha benchmark does
 * (naeval's `filter_misaligned_spans`) for gold and predictions alike.
 */
export function alignedSpans<T extends TypedSpan>(spans: T[], tokens: readonly TokenRange[]): T[] {
  const starts = new Set(tokens.map((t) => t.start));
  const ends = new Set(tokens.map((t) => t.end));
  return spans.filter((s) => starts.has(s.start) && ends.has(s.end));
}

/**
 * Token-level IO F1 per type, the convention of the Natasha NER benchmark (naeval `score.py`): every
 * token inside a span of type T is tagged I-T, and precision/recall count tokens, not spans. This is the
 * metric behind the published Slovnet / spaCy / Pullenti factRuEval figures, so our number is
 * comparable with theirs only under it.
 *
 * @example scoreTokensIO([{ tokens, gold, pred }], ['PER']).perType.PER.f1
 */
export function scoreTokensIO(
  docs: ReadonlyArray<{ tokens: readonly TokenRange[]; gold: TypedSpan[]; pred: TypedSpan[] }>,
  types: readonly string[],
): SpanScore {
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  for (const t of types) counts.set(t, { tp: 0, fp: 0, fn: 0 });
  for (const d of docs) {
    for (const type of types) {
      const g = tagIO(d.tokens, d.gold, type);
      const p = tagIO(d.tokens, d.pred, type);
      let tp = 0;
      let fp = 0;
      let fn = 0;
      for (let i = 0; i < d.tokens.length; i++) {
        if (p[i] && g[i]) tp++;
        else if (p[i]) fp++;
        else if (g[i]) fn++;
      }
      addCounts(counts, type, tp, fp, fn);
    }
  }
  return summarise(counts);
}

/** True for each token that lies inside some span of `type`. */
function tagIO(tokens: readonly TokenRange[], spans: TypedSpan[], type: string): boolean[] {
  const out = new Array<boolean>(tokens.length).fill(false);
  const of = spans.filter((s) => s.type === type).sort((a, b) => a.start - b.start);
  if (of.length === 0) return out;
  let j = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    while (j < of.length && of[j]!.end <= t.start) j++;
    for (let k = j; k < of.length && of[k]!.start <= t.start; k++) {
      if (t.end <= of[k]!.end) {
        out[i] = true;
        break;
      }
    }
  }
  return out;
}

/**
 * Keeps the outermost of overlapping spans: sorted by start then by length (longest first), a span that
 * starts inside the last kept one is dropped. The same rule as naeval's `filter_overlapping`.
 *
 * @example dropOverlapping([{start:0,end:9,type:'ORG'},{start:4,end:9,type:'LOC'}]).length // 1
 */
export function dropOverlapping<T extends TypedSpan>(spans: T[]): T[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: T[] = [];
  let last: T | null = null;
  for (const s of sorted) {
    if (last && last.end > s.start) continue;
    out.push(s);
    last = s;
  }
  return out;
}
