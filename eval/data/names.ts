/**
 * Wikidata English → Russian name-token pairs (Merhav & Ash 2018): `latin TAB с п а ц е д TAB count`.
 * dev = `wd_russian_16.tsv`, test = `wd_russian_20.tsv`.
 */
import { readFileSync } from 'node:fs';
import { requirePath } from '../paths.js';

export interface NamePair {
  en: string;
  ru: string;
  count: number;
}

const FILES = { dev: 'wd_russian_16.tsv', test: 'wd_russian_20.tsv' } as const;

/**
 * Parses the TSV; the Russian column's letters are joined back into a word.
 *
 * @example parseNamePairs('putin\tп у т и н\t2')[0] // { en: 'putin', ru: 'путин', count: 2 }
 */
export function parseNamePairs(raw: string): NamePair[] {
  const out: NamePair[] = [];
  for (const line of raw.split(/\r?\n/)) {
    const [en = '', ru = '', n = '1'] = line.split('\t');
    if (!en.trim() || !ru.trim()) continue;
    out.push({ en: en.trim(), ru: ru.replace(/ /g, '').trim(), count: Number(n) || 1 });
  }
  return out;
}

/** Loads a split of the name pairs. */
export function loadNamePairs(data: string, split: 'dev' | 'test', limit?: number): NamePair[] {
  const p = requirePath(data, 'wikidata-names-en-ru', FILES[split]);
  const pairs = parseNamePairs(readFileSync(p, 'utf8'));
  return limit !== undefined ? pairs.slice(0, limit) : pairs;
}
