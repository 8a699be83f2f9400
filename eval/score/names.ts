/**
 * Name matching on the Wikidata en–ru name-token pairs: the share of true pairs the matcher accepts,
 * and the share of shuffled pairs (each English token with another pair's Russian token, never one of
 * its own true Russian forms) it rejects. Balanced accuracy is their mean. The shuffle is a seeded
 * derangement, so runs are repeatable.
 */
import type { NamePair } from '../data/names.js';
import { share, type Share } from './prf.js';

/** Decides whether an English and a Russian name (token) are the same name. */
export type NameMatcher = (en: string, ru: string) => boolean;

export interface NamesScore {
  accept: Share;
  reject: Share;
  balanced: number;
  /** Some true pairs rejected and some shuffled pairs accepted, for `--errors`. */
  falseRejects: Array<[string, string]>;
  falseAccepts: Array<[string, string]>;
}

/** A small seeded PRNG (mulberry32) so the shuffled pairs are the same on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Pairs each English token with the Russian token of another pair (a seeded derangement), skipping
 * combinations that are true pairs.
 *
 * @example shuffledPairs([{en:'putin',ru:'путин',count:1},{en:'lavrov',ru:'лавров',count:1}]) // [['putin','лавров'],['lavrov','путин']]
 */
export function shuffledPairs(pairs: readonly NamePair[], seed = 2016): Array<[string, string]> {
  const n = pairs.length;
  if (n < 2) return [];
  const truth = new Map<string, Set<string>>();
  for (const p of pairs) truth.set(p.en, (truth.get(p.en) ?? new Set()).add(p.ru));
  // Sattolo's algorithm gives a single cycle, hence no fixed point.
  const perm = Array.from({ length: n }, (_, i) => i);
  const rand = rng(seed);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * i);
    [perm[i], perm[j]] = [perm[j]!, perm[i]!];
  }
  const out: Array<[string, string]> = [];
  for (let i = 0; i < n; i++) {
    const en = pairs[i]!.en;
    const ru = pairs[perm[i]!]!.ru;
    if (truth.get(en)?.has(ru)) continue;
    out.push([en, ru]);
  }
  return out;
}

/**
 * Scores a matcher on true and shuffled pairs.
 *
 * @example scoreNames(pairs, (en, ru) => true).accept.value // 1
 */
export function scoreNames(
  pairs: readonly NamePair[],
  matcher: NameMatcher,
  seed = 2016,
  keepErrors = 20,
): NamesScore {
  let acc = 0;
  const falseRejects: Array<[string, string]> = [];
  for (const p of pairs) {
    if (matcher(p.en, p.ru)) acc++;
    else if (falseRejects.length < keepErrors) falseRejects.push([p.en, p.ru]);
  }
  const shuffled = shuffledPairs(pairs, seed);
  let rej = 0;
  const falseAccepts: Array<[string, string]> = [];
  for (const [en, ru] of shuffled) {
    if (!matcher(en, ru)) rej++;
    else if (falseAccepts.length < keepErrors) falseAccepts.push([en, ru]);
  }
  const accept = share(acc, pairs.length);
  const reject = share(rej, shuffled.length);
  return { accept, reject, balanced: (accept.value + reject.value) / 2, falseRejects, falseAccepts };
}
