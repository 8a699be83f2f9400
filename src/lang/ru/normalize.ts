/**
 * Nominative forms of Russian names, from the morphology's readings of their words: person names
 * (every word in one case and one gender, so that "Вольфганг Бюхеле" keeps its indeclinable
 * surname and "Олегом Дерипаской" becomes "Олег Дерипаска"), adjectives inside organization and
 * place names ("Большого театра" → "Большой театр"), patronymics and hyphenated place names.
 */
import { guessSurname, type MorphReading } from './morph.js';

/** One word of a person's name as the morph stage left it. */
export interface NameWord {
  /** The word as written. */
  text: string;
  /** Its readings: the one the morph stage chose first, then the alternatives. */
  readings: readonly MorphReading[];
}

interface Option {
  lemma: string;
  /** The case this reading of the word is in; null: any (an indeclinable word). */
  kase: string | null;
  /** Its gender; null: either. */
  gender: string | null;
  cost: number;
}

const CYR = /[\u0400-\u04ff]/;
const CASES = ['nomn', 'gent', 'datv', 'accs', 'ablt', 'loct'] as const;
const GENDERS = ['masc', 'femn'] as const;
const NAME_TAGS = new Set(['Name', 'Surn', 'Patr']);

/**
 * The nominative of a patronymic from its written form ("Николаевича" → "николаевич",
 * "Иосифовне" → "иосифовна"), or null when the word is not one.
 *
 * @example patronymicNominative('Николаевичу') // 'николаевич'
 */
export function patronymicNominative(word: string): string | null {
  const w = word.toLowerCase();
  const m = /^(.+[ое]вич|.+ич)(?:а|у|ем|е)?$/.exec(w);
  if (m) return m[1]!;
  const f = /^(.+(?:[ое]вн|ичн|инишн))(?:а|ы|е|у|ой|ою)$/.exec(w);
  return f ? `${f[1]}а` : null;
}

/**
 * Case forms of a name in the -а/-я declension (Мария, Камала, Дерипаска, Лелека), read off the
 * ending: lemma and case per reading. Any gender: men's names and surnames decline this way too.
 */
function aDeclension(w: string): Option[] {
  if (w.length < 4) return [];
  const m = /^(.+?)(ой|ей|а|я|ы|и|е|у|ю)$/.exec(w);
  if (!m) return [];
  const stem = m[1]!;
  const last = stem.charAt(stem.length - 1);
  const vowelOrSoft = /[аеёиоуыэюяь]/.test(last);
  const hush = /[гкхжшчщц]/.test(last);
  const o = (lemma: string, kase: string): Option => ({ lemma, kase, gender: null, cost: 1 });
  switch (m[2]) {
    case 'а':
      return [o(w, 'nomn')];
    case 'я':
      return vowelOrSoft || last === 'й' ? [o(w, 'nomn')] : [];
    case 'ы':
      return hush || vowelOrSoft ? [] : [o(`${stem}а`, 'gent')];
    case 'и':
      return vowelOrSoft
        ? [o(`${stem}я`, 'gent'), o(`${stem}я`, 'datv'), o(`${stem}я`, 'loct')]
        : [o(`${stem}а`, 'gent')];
    case 'е':
      return vowelOrSoft
        ? [o(`${stem}я`, 'datv'), o(`${stem}я`, 'loct')]
        : [o(`${stem}а`, 'datv'), o(`${stem}а`, 'loct')];
    case 'у':
      return vowelOrSoft ? [] : [o(`${stem}а`, 'accs')];
    case 'ю':
      return vowelOrSoft ? [o(`${stem}я`, 'accs')] : [];
    case 'ой':
      return vowelOrSoft ? [] : [o(`${stem}а`, 'ablt')];
    case 'ей':
      return hush ? [o(`${stem}а`, 'ablt')] : vowelOrSoft ? [o(`${stem}я`, 'ablt')] : [];
  }
  return [];
}

/** Case forms of a masculine surname in -ль/-рь/-нь the dictionary does not know ("Скрипаля"). */
function softMasculine(w: string, cost: number): Option[] {
  const m = /^(.{2,}[лрн])(я|ю|ем|е)$/.exec(w);
  if (!m) return [];
  const lemma = `${m[1]}ь`;
  const kase =
    m[2] === 'я' ? ['gent', 'accs'] : m[2] === 'ю' ? ['datv'] : m[2] === 'ем' ? ['ablt'] : ['loct'];
  return kase.map((k) => ({ lemma, kase: k, gender: 'masc', cost }));
}

/**
 * What a word of a person's name may be: lemma, case and gender per reading, with a cost. `last`:
 * the surname place of a name of several words.
 */
function wordOptions(word: NameWord, last: boolean, fixed?: ReadonlySet<string>): Option[] {
  const w = word.text.toLowerCase();
  const out: Option[] = [];
  // Written the same in a full name of the document where it could only be the nominative.
  if (fixed?.has(w)) out.push({ lemma: w, kase: null, gender: null, cost: -1 });
  let known = false;
  for (let i = 0; i < word.readings.length; i++) {
    const r = word.readings[i]!;
    const f = r.features;
    if (r.pos === 'ADJ' && f.case) {
      // Surnames that are adjectives: "Навального" → "навальный", "Навальной" → "навальная".
      const gender = f.gender === 'femn' ? 'femn' : f.gender === 'masc' ? 'masc' : null;
      if (!gender || f.number === 'plur') continue;
      const lemma = gender === 'femn' ? nominativeAdjective(w, 'femn', false, r.lemma) : r.lemma;
      out.push({ lemma, kase: f.case, gender, cost: (i === 0 ? 0 : 0.3 + 0.02 * i) + 0.4 });
      continue;
    }
    if (r.pos !== 'PROPN' && r.pos !== 'NOUN') continue;
    const tags = f.tags ?? [];
    const named = tags.some((t) => NAME_TAGS.has(t));
    if (named && !f.guessed && f.number !== 'plur') known = true;
    // The morph stage's order of readings breaks ties.
    let cost = i === 0 ? 0 : 0.3 + 0.02 * i;
    // Names are singular; a common noun is a name only when nothing better fits.
    if (f.number === 'plur') cost += 1.5;
    if (!named) cost += 0.7;
    const fixed = !f.case;
    if (fixed) cost += 0.5;
    let lemma = fixed ? w : r.lemma;
    if (tags.includes('Patr')) lemma = patronymicNominative(w) ?? lemma;
    const gender = f.gender === 'masc' || f.gender === 'femn' ? f.gender : null;
    out.push({ lemma, kase: fixed ? null : f.case!, gender, cost });
  }
  {
    for (const r of guessSurname(w)) {
      const g = r.features.gender;
      const kase = r.features.case ?? null;
      out.push({
        lemma: r.lemma,
        kase,
        gender: g === 'masc' || g === 'femn' ? g : null,
        // No name ends in -ы in the nominative singular ("Камалы" is a case form).
        cost: (known ? 1.5 : 0.6) + (kase ? 0 : w.endsWith('ы') ? 1.5 : 0.5),
      });
    }
  }
  out.push(...softMasculine(w, known ? 0.9 : 0.3));
  out.push(...aDeclension(w));
  // A woman's surname ending in a consonant does not decline ("Камалы Харрис", "Терезы Мэй").
  if (last && /([бвгджзклмнпрстфхцчшщ]|[эаеую]й)$/.test(w) && !/[ое]м$/.test(w))
    out.push({ lemma: w, kase: null, gender: 'femn', cost: 0.3 });
  // Any word may be a foreign name that does not decline, as a last resort.
  out.push({ lemma: w, kase: null, gender: null, cost: 2 });
  return out;
}

/**
 * The nominative of each word of a person's name: the case and gender that the words' readings
 * agree on at the least cost (the morph stage's own choices cost nothing, guesses more, and an
 * indeclinable reading of any word is the last resort); ties go to the nominative. Words that are
 * not Cyrillic, or are a single letter, stay as written. Lemmas come lower-case. `fixed`: words
 * known not to decline (see `indeclinableWords`).
 *
 * @example personNameLemmas([{ text: 'Вольфганг', readings: r1 }, { text: 'Бюхеле', readings: r2 }]) // ['вольфганг', 'бюхеле']
 */
export function personNameLemmas(words: readonly NameWord[], fixed?: ReadonlySet<string>): readonly string[] {
  // Names recur across a document and across the news: the answer for the same words with the
  // same readings is remembered.
  let key = '';
  for (const w of words) {
    const f = w.readings[0]?.features;
    key += `${w.text}\u0001${f?.case}${f?.gender}${w.readings.length}\u0002`;
  }
  if (fixed?.size) for (const w of words) if (fixed.has(w.text.toLowerCase())) key += `!${w.text}`;
  let v = lemmaCache.get(key);
  if (!v) {
    v = resolveName(words, fixed);
    if (lemmaCache.size >= 20_000) lemmaCache.clear();
    lemmaCache.set(key, v);
  }
  return v;
}

const lemmaCache = new Map<string, string[]>();

/**
 * True when a word's only reading is a name the dictionary knows in the nominative singular:
 * its lemma is its nominative, with nothing to choose (most mentions of people).
 *
 * @example plainNominativeName(ru.analyze('Владимир'), []) // true
 */
export function plainNominativeName(r: MorphReading, alternatives: readonly MorphReading[]): boolean {
  if (alternatives.length) return false;
  const f = r.features;
  if (f.case !== 'nomn' || f.number !== 'sing' || f.guessed) return false;
  const tags = f.tags;
  return !!tags && (tags.includes('Name') || tags.includes('Surn'));
}

function resolveName(words: readonly NameWord[], fixed?: ReadonlySet<string>): string[] {
  const opts = words.map((w, i) =>
    CYR.test(w.text) && w.text.length > 1 ? wordOptions(w, i > 0 && i === words.length - 1, fixed) : null,
  );
  let best = Infinity;
  let bestPick: (Option | null)[] = [];
  for (const kase of CASES) {
    for (const gender of GENDERS) {
      let total = kase === 'nomn' ? -0.01 : 0;
      const pick: (Option | null)[] = [];
      for (const os of opts) {
        if (!os) {
          pick.push(null);
          continue;
        }
        let o: Option | null = null;
        for (const x of os) {
          if ((x.kase === null || x.kase === kase) && (x.gender === null || x.gender === gender)) {
            if (!o || x.cost < o.cost) o = x;
          }
        }
        // The indeclinable reading always fits, so `o` is set.
        total += o!.cost;
        pick.push(o);
        if (total >= best) break;
      }
      if (total < best && pick.length === opts.length) {
        best = total;
        bestPick = pick;
      }
    }
  }
  return words.map((w, i) => bestPick[i]?.lemma ?? w.text);
}

/**
 * The nominative of an adjective inside a name, agreeing with the head noun, from its written
 * form and, when the dictionary's lemma has the same stem, from that lemma ("Большого" →
 * "большой", where the ending alone would say "больший"). Dictionary lemmas alone lose
 * superlatives and participles ("Высшего" → "высокий"); endings do not ("Высшего" → "высший").
 *
 * @example nominativeAdjective('Государственной', 'femn', false, 'государственный') // 'государственная'
 */
export function nominativeAdjective(
  word: string,
  gender: string,
  plural: boolean,
  dictLemma?: string,
): string {
  const w = word.toLowerCase();
  const m = /^(.*?)(ого|его|ому|ему|ым|им|ом|ем|ой|ей|ую|юю|ая|яя|ое|ее|ых|их|ыми|ими|ые|ие|ый|ий)$/.exec(w);
  if (!m) return w;
  const stem = m[1]!;
  const hush = /[гкхжшчщ]$/.test(stem);
  const lemma = dictLemma?.replace(/ё/g, 'е');
  const byLemma = lemma && lemma.length === stem.length + 2 && lemma.startsWith(stem.replace(/ё/g, 'е'));
  // A stressed -ой adjective ("большой", "золотой") declines hard whatever its stem.
  const stressed = byLemma && lemma.endsWith('ой');
  const soft = byLemma
    ? lemma.endsWith('ий') && !hush
    : !hush && /(ей|ее|его|ему|ем|им|ими|их|ие|ий|яя|юю)$/.test(w.slice(stem.length));
  if (stem.endsWith('ь')) {
    // Possessive adjectives ("Новодевичьем" → "новодевичье", "Волчьего" → "волчий").
    if (plural) return `${stem}и`;
    if (gender === 'femn') return `${stem}я`;
    if (gender === 'neut') return `${stem}е`;
    return `${stem.slice(0, -1)}ий`;
  }
  if (plural) return stem + (soft || hush ? 'ие' : 'ые');
  if (gender === 'femn') return stem + (soft && (byLemma || /н$/.test(stem)) ? 'яя' : 'ая');
  if (gender === 'neut') return stem + (soft || (hush && !stressed && /[жшчщ]$/.test(stem)) ? 'ее' : 'ое');
  if (stressed) return stem + 'ой';
  return stem + (soft || hush ? 'ий' : 'ый');
}

/**
 * The nominative of a hyphenated place name whose inner words do not decline: only the first part
 * changes ("Франкфурте-на-Майне" → "франкфурт-на-майне"). Null for other words.
 *
 * @example hyphenatedPlaceLemma('Ростове-на-Дону') // 'ростов-на-дону'
 */
export function hyphenatedPlaceLemma(word: string): string | null {
  const parts = word.split('-');
  if (parts.length < 3 || !parts.slice(1, -1).some((p) => /^\p{Ll}+$/u.test(p))) return null;
  const first = guessSurname(parts[0]!)[0];
  const head = first && first.features.case ? first.lemma : parts[0]!.toLowerCase();
  return [head, ...parts.slice(1)].join('-').toLowerCase();
}

/**
 * Adds to `into` the words of a full name that stayed as written although the morphology read
 * them as a case form ending in a vowel ("Вольфганг Бюхеле": "бюхеле"), so that the surname
 * alone elsewhere in the document ("Бюхеле заявил") stays as written too.
 *
 * @example indeclinableWords(words, ['вольфганг', 'бюхеле'], set) // set has 'бюхеле'
 */
export function indeclinableWords(
  words: readonly NameWord[],
  lemmas: readonly string[],
  into: Set<string>,
): void {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!.text.toLowerCase();
    const top = words[i]!.readings[0];
    if (lemmas[i] === w && top && top.lemma !== w && /[аеиоуэюя]$/.test(w)) into.add(w);
  }
}
