import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Topic phrases by language: lemma sequence → short English topic (compiled by `npm run pack`). */
export type Topics = Record<'ru' | 'en', Array<[string[], string]>>;

let cached: Topics | null = null;

/**
 * Loads the compiled topic lexicon (src/generated/topics.json, from data/lexicon/topics.*.tsv).
 *
 * @example loadTopics().ru.find(([w]) => w.join(' ') === 'стратегический партнерство')?.[1] // 'strategic partnership'
 */
export function loadTopics(): Topics {
  if (cached) return cached;
  const file = fileURLToPath(new URL('../generated/topics.json', import.meta.url));
  cached = JSON.parse(readFileSync(file, 'utf8')) as Topics;
  return cached;
}

/** Parses a topic TSV (phrase of lemmas, tab, English topic; `#` comments). */
export function parseTopicsTsv(text: string): Array<[string[], string]> {
  const out: Array<[string[], string]> = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [phrase, topic] = line.split('\t');
    if (!phrase || !topic) continue;
    out.push([phrase.trim().toLowerCase().replace(/ё/g, 'е').split(/\s+/), topic.trim()]);
  }
  return out;
}
