/**
 * Full-text queries: the user's words are matched as written in the text and, through their lemmas,
 * in the lemma column (FTS5 does not stem, so "Токаева" finds "Токаев" only by lemma).
 */
import { foldLemma } from './prepare.js';

/** The words of a query and their lemmas (same length, same order). */
export interface AnalyzedQuery {
  words: string[];
  lemmas: string[];
}

/** Turns a query into words and lemmas; the default runs the pipeline's morphology when it loads. */
export type QueryAnalyzer = (text: string) => Promise<AnalyzedQuery>;

const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

/** Words of a query without morphology: lemmas are the lower-cased words. */
export function plainAnalyze(text: string): AnalyzedQuery {
  const words = [...text.matchAll(WORD)].map((m) => m[0]);
  return { words, lemmas: words.map(foldLemma) };
}

let morph: Promise<((text: string) => AnalyzedQuery) | null> | null = null;

async function loadMorph(): Promise<((text: string) => AnalyzedQuery) | null> {
  try {
    // Loaded lazily: the pipeline's stages (and their dictionaries) are only needed for lemmas.
    const { createPipeline } = await import('../pipeline/pipeline.js');
    const pipeline = await createPipeline({ stages: ['segment', 'langid', 'morph'] });
    return (text: string) => {
      const doc = pipeline.process({ text });
      const words: string[] = [];
      const lemmas: string[] = [];
      for (const t of doc.tokens) {
        if (t.kind !== 'word' && t.kind !== 'number') continue;
        words.push(t.text);
        lemmas.push(foldLemma(t.lemma || t.text));
      }
      return words.length ? { words, lemmas } : plainAnalyze(text);
    };
  } catch {
    return null;
  }
}

/**
 * The default query analyzer: the morphology stage's lemmas when the pipeline loads, else
 * lower-cased words.
 *
 * @example await analyzeQuery('Токаева') // { words: ['Токаева'], lemmas: ['токаев'] }
 */
export async function analyzeQuery(text: string): Promise<AnalyzedQuery> {
  const fn = await (morph ??= loadMorph());
  return fn ? fn(text) : plainAnalyze(text);
}

function phraseList(words: readonly string[]): string {
  return words.map((w) => `"${w.replace(/"/g, '""')}"`).join(' ');
}

/**
 * An FTS5 query requiring every word (each quoted, so that nothing in it is read as syntax), or null
 * for no words.
 *
 * @example phraseQuery(['Токаев', 'США']) // '"Токаев" "США"'
 */
export function phraseQuery(words: readonly string[]): string | null {
  return words.length ? phraseList(words) : null;
}

/**
 * An FTS5 query matching every word as written in `textColumns`, or every lemma in `lemmaColumn`.
 * Null when the query has no words.
 *
 * @example ftsQuery({ words: ['Токаева'], lemmas: ['токаев'] }, ['title', 'text'], 'lemmas')
 * // '({title text} : ("Токаева")) OR ({lemmas} : ("токаев"))'
 */
export function ftsQuery(
  q: AnalyzedQuery,
  textColumns: readonly string[],
  lemmaColumn: string,
): string | null {
  if (q.words.length === 0) return null;
  const lemmas = q.lemmas.length ? q.lemmas : q.words.map(foldLemma);
  return `({${textColumns.join(' ')}} : (${phraseList(q.words)})) OR ({${lemmaColumn}} : (${phraseList(lemmas)}))`;
}

/**
 * True when `word` (from a text) looks like an inflected form of `lemma`: they share a stem of all
 * but the last two letters (at least three). Used only to highlight lemma matches in snippets.
 */
export function formMatches(word: string, lemma: string): boolean {
  const w = foldLemma(word);
  if (w === lemma) return true;
  const stem = lemma.slice(0, Math.max(3, lemma.length - 2));
  return w.length >= stem.length && w.startsWith(stem) && w.length <= lemma.length + 4;
}

/**
 * A snippet of `text` around the first word matching a query lemma, with matching words marked;
 * for documents found through the lemma column, where FTS5's own snippet marks nothing.
 */
export function lemmaSnippet(
  text: string,
  q: AnalyzedQuery,
  open: string,
  close: string,
  maxWords = 24,
): string {
  const tokens = [...text.matchAll(WORD)];
  const lemmas = q.lemmas.length ? q.lemmas : q.words.map(foldLemma);
  const hit = (w: string): boolean => lemmas.some((l) => formMatches(w, l));
  const first = tokens.findIndex((m) => hit(m[0]));
  const from = Math.max(0, (first < 0 ? 0 : first) - Math.floor(maxWords / 3));
  const to = Math.min(tokens.length, from + maxWords);
  if (tokens.length === 0) return text.slice(0, 200);
  let out = from > 0 ? '…' : '';
  const startOff = tokens[from]!.index!;
  const endOff = to < tokens.length ? tokens[to - 1]!.index! + tokens[to - 1]![0].length : text.length;
  let pos = startOff;
  for (let i = from; i < to; i++) {
    const m = tokens[i]!;
    out += text.slice(pos, m.index);
    out += hit(m[0]) ? `${open}${m[0]}${close}` : m[0];
    pos = m.index! + m[0].length;
  }
  out += text.slice(pos, endOff);
  if (to < tokens.length) out += '…';
  return out.replace(/\s+/g, ' ').trim();
}
