import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseTopicsTsv, type Topics } from './topics.js';

/**
 * Compiles data/lexicon/topics.{ru,en}.tsv into the JSON the events stage loads.
 *
 * @example packTopics('/repo') // '{"ru":[[["стратегический","партнерство"],"strategic partnership"],…],…}'
 */
export function packTopics(root: string): string {
  const topics: Topics = { ru: [], en: [] };
  for (const lang of ['ru', 'en'] as const) {
    const rows = parseTopicsTsv(
      readFileSync(path.join(root, 'data', 'lexicon', `topics.${lang}.tsv`), 'utf8'),
    );
    // Longest phrases first, so the first match in a scan is the most specific.
    topics[lang] = rows.sort((a, b) => b[0].length - a[0].length || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  }
  return JSON.stringify(topics) + '\n';
}
