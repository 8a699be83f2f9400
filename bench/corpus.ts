/**
 * The benchmark's texts, read from the shared data folder (never copied into the project):
 *
 * - Russian news: BSNLP raw Russian files without their 5-line header, every NEREL text, every
 *   factRuEval `book_*.txt` (about 2,050 articles);
 * - English news: CoNLL-2003 dev and test documents rebuilt from their tokens;
 * - 1 KB pieces of either, for the targets stated per 1 KB article.
 */
import { readFileSync } from 'node:fs';
import { bsnlpRawFiles, bsnlpTopics, parseBsnlpRaw } from '../eval/data/bsnlp.js';
import { loadConll } from '../eval/data/conll.js';
import { factruIds, factruTextPath } from '../eval/data/factru.js';
import { nerelIds, nerelTextPath } from '../eval/data/nerel.js';
import { countWords } from '../eval/text.js';
import { normaliseNewlines } from '../src/ingest/formats.js';

export interface Article {
  id: string;
  text: string;
}

export type CorpusName = 'ru' | 'en';

/**
 * The ~2,050 real Russian news articles of the shared data.
 *
 * @example loadRussian('/data').length // ≈ 2048
 */
export function loadRussian(data: string): Article[] {
  const out: Article[] = [];
  for (const topic of bsnlpTopics(data)) {
    for (const file of bsnlpRawFiles(data, topic)) {
      const body = parseBsnlpRaw(readFileSync(file, 'utf8')).body;
      if (body.trim()) out.push({ id: `bsnlp/${topic}/${file.split('/').pop()}`, text: body });
    }
  }
  for (const split of ['train', 'dev', 'test'] as const) {
    for (const id of nerelIds(data, split)) {
      out.push({
        id: `nerel/${split}/${id}`,
        text: normaliseNewlines(readFileSync(nerelTextPath(data, split, id), 'utf8')),
      });
    }
  }
  for (const split of ['dev', 'test'] as const) {
    for (const id of factruIds(data, split)) {
      out.push({
        id: `factru/${split}/${id}`,
        text: normaliseNewlines(readFileSync(factruTextPath(data, split, id), 'utf8')),
      });
    }
  }
  return out;
}

/** The CoNLL-2003 dev and test documents as running English text. */
export function loadEnglish(data: string): Article[] {
  return [...loadConll(data, 'dev'), ...loadConll(data, 'test')].map((d) => ({ id: d.id, text: d.text }));
}

/** Loads a corpus by name. */
export function loadCorpus(data: string, name: CorpusName): Article[] {
  return name === 'ru' ? loadRussian(data) : loadEnglish(data);
}

/**
 * Cuts long texts and groups short ones into pieces of about `size` characters (default 1,024), ending
 * at a paragraph or sentence end when one is near, else at a space.
 *
 * @example piecesOf([{ id: 'a', text: 'x. '.repeat(1000) }]).every((p) => p.text.length <= 1300) // true
 */
export function piecesOf(articles: readonly Article[], size = 1024): Article[] {
  const out: Article[] = [];
  const lo = Math.floor(size * 0.75);
  const hi = Math.ceil(size * 1.25);
  const emit = (s: string): void => {
    const t = s.trim();
    if (t) out.push({ id: `piece-${out.length + 1}`, text: t });
  };
  let buf = '';
  for (const a of articles) {
    buf = buf ? `${buf}\n\n${a.text}` : a.text;
    while (buf.length >= hi) {
      const window = buf.slice(lo, hi);
      let cut = window.lastIndexOf('\n');
      if (cut < 0) {
        const ends = [...window.matchAll(/[.!?…]["»”)]?\s+/gu)];
        const last = ends[ends.length - 1];
        cut = last?.index !== undefined ? last.index + last[0].length : window.lastIndexOf(' ');
      }
      cut = cut > 0 ? lo + cut : size;
      emit(buf.slice(0, cut));
      buf = buf.slice(cut).replace(/^\s+/, '');
    }
    // A piece of acceptable size stands alone; a shorter rest is grouped with the next article.
    if (buf.length >= lo) {
      emit(buf);
      buf = '';
    }
  }
  emit(buf);
  return out;
}

/** Totals of a corpus: articles, characters, UTF-8 bytes, words. */
export function corpusStats(articles: readonly Article[]): {
  articles: number;
  chars: number;
  bytes: number;
  words: number;
} {
  let chars = 0;
  let bytes = 0;
  let words = 0;
  for (const a of articles) {
    chars += a.text.length;
    bytes += Buffer.byteLength(a.text, 'utf8');
    words += countWords(a.text);
  }
  return { articles: articles.length, chars, bytes, words };
}

/**
 * The stress documents: one that is a list of 5,000 country and person names, one line each; and one
 * sentence of 5,000 words with no full stop until the end.
 */
export function stressDocs(data: string, ru: readonly Article[]): { names: string; sentence: string } {
  let names: string[] = [];
  try {
    const countries = JSON.parse(
      readFileSync(`${data}/countries-gazetteer/countries.json`, 'utf8'),
    ) as Array<{
      name?: { common?: string };
      translations?: { rus?: { common?: string } };
    }>;
    for (const c of countries) {
      if (c.translations?.rus?.common) names.push(c.translations.rus.common);
      if (c.name?.common) names.push(c.name.common);
    }
  } catch {
    names = [];
  }
  // Capitalised word pairs from the corpus stand in for person names (and fill in when the gazetteer is absent).
  const words = ru
    .slice(0, 200)
    .flatMap((a) => a.text.match(/\p{Lu}\p{Ll}{2,}/gu) ?? [])
    .slice(0, 6000);
  for (let i = 0; i + 1 < words.length && names.length < 5000; i += 2)
    names.push(`${words[i]} ${words[i + 1]}`);
  while (names.length < 5000 && names.length > 0) names.push(names[names.length % 500]!);
  const list = names.slice(0, 5000).join('\n');
  const plain = ru
    .slice(0, 100)
    .flatMap((a) => a.text.replace(/[.!?…;:«»"()]/g, ' ').split(/\s+/))
    .filter(Boolean);
  const sw: string[] = [];
  for (let i = 0; sw.length < 5000 && plain.length > 0; i++) sw.push(plain[i % plain.length]!);
  return { names: list, sentence: `${sw.join(' ')}.` };
}
