/**
 * Name keys for looking entities up by any of their names ("Токаев", "Tokayev", "Касым-Жомарт
 * Токаев"): case, `ё`, punctuation and spacing do not matter.
 */

/**
 * Normalises a name for lookup: lower case, `ё` → `е`, every run of non-letters and non-digits
 * becomes one space.
 *
 * @example nameKey('Касым-Жомарт  Токаёв') // 'касым жомарт токаев'
 */
export function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Words of a name key long enough to identify someone on their own (surnames, country names). */
export function nameParts(key: string): string[] {
  return key.split(' ').filter((w) => w.length >= 3);
}

/** True for a Wikidata item id such as `Q232`. */
export function isQid(s: string): boolean {
  return /^Q[1-9]\d*$/.test(s);
}

/**
 * Host name of a URL without `www.`, used as the outlet that published an article; null for
 * anything that is not an http(s) URL.
 *
 * @example outletOf('https://www.reuters.com/world/x') // 'reuters.com'
 */
export function outletOf(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.hostname.replace(/^www\./, '').toLowerCase() || null;
  } catch {
    return null;
  }
}
