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

// Name forms reached through a title or pronoun ("глава государства") say nothing about who is meant
// out of context, and a metonym ("Вашингтон") names something else too: none are lookup keys.
const UNNAMING_VIA = new Set(['title', 'pronoun', 'metonym']);

/**
 * The lookup keys an entity of one article adds: `exact` keys of its names and named mentions
 * (surface forms and lemmas), and `parts`, the words of those keys that are not keys themselves.
 *
 * @example entityNameKeys({ name: 'Kassym-Jomart Tokayev', names: {}, mentions: [] }).parts // ['kassym', 'jomart', 'tokayev']
 */
export function entityNameKeys(
  e: {
    name: string;
    names?: Record<string, string> | null;
    mentions: ReadonlyArray<{ text: string; lemma?: string | null; via?: string | null }>;
  },
  key: (name: string) => string = nameKey,
): { exact: string[]; parts: string[] } {
  const exact = new Set<string>();
  exact.add(key(e.name));
  for (const n of Object.values(e.names ?? {})) exact.add(key(n));
  for (const m of e.mentions) {
    if (m.via && UNNAMING_VIA.has(m.via)) continue;
    exact.add(key(m.text));
    if (m.lemma) exact.add(key(m.lemma));
  }
  exact.delete('');
  const parts = new Set<string>();
  for (const k of exact) for (const p of nameParts(k)) if (!exact.has(p)) parts.add(p);
  return { exact: [...exact], parts: [...parts] };
}
