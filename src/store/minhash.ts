/**
 * Near-duplicate detection: MinHash signatures over word 3-shingles, with locality-sensitive hashing
 * bands to find candidates by index. Two texts whose estimated shingle overlap (Jaccard similarity)
 * reaches `NEAR_DUPLICATE_SIMILARITY` are copies of one story: a wire story on several sites, a re-post
 * with a dateline added or a sentence cut.
 *
 * MinHash rather than SimHash: on news-length texts (a few hundred words) one changed word moves a
 * 64-bit SimHash by several bits, while the Jaccard estimate barely moves.
 */

/** Hash functions in a signature. */
export const MINHASH_SIZE = 60;
/** LSH bands and rows per band (12 × 5 = 60): pairs at similarity 0.8 share a band with probability 0.99. */
export const LSH_BANDS = 12;
export const LSH_ROWS = 5;
/** Fewer shingles than this and a text is too short to judge: no signature is made. */
export const MIN_SHINGLES = 20;
/**
 * Estimated Jaccard similarity of shingle sets at or above which a text is a copy of another. A copy
 * with a dateline and a closing line added scores about 0.95, one with its first two sentences cut
 * about 0.82; different articles on the same story score below 0.5 (pages sharing much site
 * boilerplate can reach 0.7, hence not lower).
 */
export const NEAR_DUPLICATE_SIMILARITY = 0.8;

const WORD = /[\p{L}\p{N}]+/gu;

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function rotl(x: number, r: number): number {
  return ((x << r) | (x >>> (32 - r))) >>> 0;
}

// Fixed multipliers (odd) and offsets: signatures must stay comparable across runs and machines.
// The i-th hash of a shingle h is (h ^ B[i]) * A[i] mod 2^32, whose high bits (which decide the
// minimum) are well mixed.
const A = Uint32Array.from(
  { length: MINHASH_SIZE },
  (_, i) => fmix(0x9e3779b9 + Math.imul(i + 1, 0x61c88647)) | 1,
);
const B = Uint32Array.from({ length: MINHASH_SIZE }, (_, i) =>
  fmix(0x85ebca6b ^ Math.imul(i + 7, 0x27d4eb2f)),
);

/** Hashes of the distinct word 3-shingles of a text (lower case, `ё` → `е`, punctuation ignored). */
function shingleHashes(text: string): Uint32Array {
  let lower = text.toLowerCase();
  if (lower.includes('ё')) lower = lower.replace(/ё/g, 'е');
  const words: number[] = [];
  for (const m of lower.matchAll(WORD)) {
    const w = m[0];
    let h = 0x811c9dc5;
    for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
    words.push(h >>> 0);
  }
  const set = new Set<number>();
  for (let i = 0; i + 2 < words.length; i++)
    set.add(fmix(words[i]! ^ rotl(words[i + 1]!, 11) ^ rotl(words[i + 2]!, 22)));
  return Uint32Array.from(set);
}

/**
 * The MinHash signature of a text as hex (8 digits per hash function), or null when the text has
 * too few words to judge.
 *
 * @example minhash(articleText)?.length // 480
 */
export function minhash(text: string): string | null {
  const sh = shingleHashes(text);
  if (sh.length < MIN_SHINGLES) return null;
  const mins = new Uint32Array(MINHASH_SIZE).fill(0xffffffff);
  for (let j = 0; j < sh.length; j++) {
    const h = sh[j]!;
    for (let i = 0; i < MINHASH_SIZE; i++) {
      const v = Math.imul(h ^ B[i]!, A[i]!) >>> 0;
      if (v < mins[i]!) mins[i] = v;
    }
  }
  let out = '';
  for (let i = 0; i < MINHASH_SIZE; i++) out += mins[i]!.toString(16).padStart(8, '0');
  return out;
}

/**
 * Estimated Jaccard similarity of two texts from their signatures: the share of equal positions.
 *
 * @example similarity(minhash(a)!, minhash(a)!) // 1
 */
export function similarity(a: string, b: string): number {
  let same = 0;
  for (let i = 0; i < MINHASH_SIZE; i++) {
    if (a.slice(i * 8, i * 8 + 8) === b.slice(i * 8, i * 8 + 8)) same++;
  }
  return same / MINHASH_SIZE;
}

/**
 * The LSH band keys of a signature (`band * 2^32 + hash of the band's rows`): similar texts share at
 * least one key with high probability, so an index on the keys finds the candidates.
 */
export function lshKeys(signature: string): number[] {
  const keys: number[] = [];
  for (let b = 0; b < LSH_BANDS; b++) {
    let h = 0x2545f491 ^ b;
    for (let r = 0; r < LSH_ROWS; r++) {
      const pos = (b * LSH_ROWS + r) * 8;
      h = fmix(h ^ parseInt(signature.slice(pos, pos + 8), 16)) ^ rotl(h, 7);
    }
    keys.push(b * 4294967296 + (h >>> 0));
  }
  return keys;
}
