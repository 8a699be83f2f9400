/**
 * BASELINE name matcher for the `names` evaluation, written only so that the scorer has something to
 * run until the entity stage provides the real transliteration matcher (then `eval/names-matcher.ts`
 * should return that one). It romanizes the Russian side letter by letter, folds both sides to a rough
 * phonetic skeleton, and accepts when their edit distance is small. Its figures are a floor, not ours.
 */

const RU_LATIN: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  і: 'i',
  ї: 'yi',
  є: 'ye',
  ґ: 'g',
  ў: 'u',
};

/** Letter-by-letter romanization of a Russian word. */
export function romanize(ru: string): string {
  let out = '';
  for (const ch of ru.toLowerCase()) out += RU_LATIN[ch] ?? ch;
  return out;
}

/** A rough phonetic skeleton: diacritics off, spelling variants folded, doubled letters single. */
export function skeleton(latin: string): string {
  return latin
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/kh|ch(?=r)/g, 'h')
    .replace(/ck|q|c(?=[aou]|$)/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/w/g, 'v')
    .replace(/j/g, 'zh')
    .replace(/[yi]+/g, 'i')
    .replace(/[eo]u/g, 'u')
    .replace(/(.)\1+/g, '$1');
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/**
 * BASELINE: true when the English token and the romanized Russian token are within a third of their
 * length in edit distance after folding.
 *
 * @example baselineNameMatch('lavrov', 'лавров') // true
 */
export function baselineNameMatch(en: string, ru: string): boolean {
  const a = skeleton(en);
  const b = skeleton(romanize(ru));
  if (!a || !b) return false;
  return editDistance(a, b) <= Math.floor(Math.max(a.length, b.length) / 3);
}
