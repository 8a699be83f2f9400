/** Small text helpers the loaders and scorers share. */

/**
 * Maps offsets counted in Unicode code points (what Python-made annotations use) to JavaScript string
 * indices (UTF-16 code units, what our output uses). Identity when the text has no astral characters.
 *
 * @example codePointToUtf16('🇰🇿 Казахстан')(3) // 5
 */
export function codePointToUtf16(text: string): (cp: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (cp) => cp;
  const map: number[] = [];
  let u = 0;
  for (const ch of text) {
    map.push(u);
    u += ch.length;
  }
  map.push(u);
  return (cp) => map[Math.min(cp, map.length - 1)] ?? u;
}

/** Collapses runs of whitespace and trims. */
export function normSpace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

const EDGE_QUOTES = /^["'«»„“”‘’`]+|["'«»„“”‘’`]+$/g;

/**
 * The comparison key of a name form: lower case, ё as е, one space between words, the same dash for
 * every dash, no quotes at the edges ("«Северный поток — 2»" and "северный поток-2" still differ by
 * the spaces around the dash, as their surface forms do).
 *
 * @example formKey('«Газпром»') === formKey('газпром') // true
 */
export function formKey(s: string): string {
  return normSpace(s)
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[‐‑‒–—−]/g, '-')
    .replace(EDGE_QUOTES, '')
    .trim();
}

/** Number of whitespace-separated words. */
export function countWords(s: string): number {
  const m = s.match(/\S+/g);
  return m ? m.length : 0;
}
