/**
 * LEA, the link-based entity-aware coreference metric (Moosavi & Strube, ACL 2016), which the BSNLP 2019
 * and 2021 shared tasks use for their cross-document and cross-lingual entity matching. Each entity
 * weighs by its size; its resolution score is the share of its coreference links (pairs of mentions)
 * that the other side also has. A singleton counts as one self-link, resolved when the other side also
 * has that mention alone. Recall scores the key (gold) entities against the response, precision the
 * response entities against the key.
 */
import type { PRF } from './prf.js';

/** Clusters as mention id → entity id. */
export type Clustering = ReadonlyMap<string, string>;

function groups(c: Clustering): string[][] {
  const by = new Map<string, string[]>();
  for (const [m, e] of c) {
    const list = by.get(e);
    if (list) list.push(m);
    else by.set(e, [m]);
  }
  return [...by.values()];
}

/** Σ|e|·resolution(e) and Σ|e| of `from`'s entities against `other`. */
function side(from: Clustering, other: Clustering): { num: number; den: number } {
  const otherSize = new Map<string, number>();
  for (const e of other.values()) otherSize.set(e, (otherSize.get(e) ?? 0) + 1);
  let num = 0;
  let den = 0;
  for (const g of groups(from)) {
    den += g.length;
    if (g.length === 1) {
      const o = other.get(g[0]!);
      if (o !== undefined && otherSize.get(o) === 1) num += 1;
      continue;
    }
    // Count pairs that share an entity on the other side: per other-entity, n·(n−1)/2.
    const per = new Map<string, number>();
    for (const m of g) {
      const o = other.get(m);
      if (o !== undefined) per.set(o, (per.get(o) ?? 0) + 1);
    }
    let common = 0;
    for (const n of per.values()) common += (n * (n - 1)) / 2;
    num += (g.length * common) / ((g.length * (g.length - 1)) / 2);
  }
  return { num, den };
}

/**
 * LEA precision, recall and F1 of a response clustering against a key clustering. `tp`/`fp`/`fn` are
 * not meaningful here and are given as weighted sums (recall numerator, etc.) for reference.
 *
 * @example lea(new Map([['a','1'],['b','1']]), new Map([['a','x'],['b','x']])).f1 // 1
 */
export function lea(key: Clustering, response: Clustering): PRF {
  const r = side(key, response);
  const p = side(response, key);
  const recall = r.den > 0 ? r.num / r.den : 0;
  const precision = p.den > 0 ? p.num / p.den : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp: r.num, fp: p.den - p.num, fn: r.den - r.num, precision, recall, f1 };
}
