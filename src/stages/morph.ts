/**
 * The `morph` stage: lemma, part of speech and features for every token, by the language of its
 * sentence and the script of the word (Cyrillic → Russian analyzer, Latin → English analyzer).
 */
import type { Doc, Token, TokenFeatures } from '../doc.js';
import { createEnglishMorph, type EnglishMorph } from '../lang/en/morph.js';
import {
  loadRussianMorph,
  type MorphAnalysis,
  type MorphContext,
  type MorphReading,
  type RussianMorph,
} from '../lang/ru/morph.js';
import { registerStage } from '../pipeline/registry.js';
import type { StageInstance } from '../pipeline/types.js';

/** What the stage leaves in `doc.annotations.get('morph')`: other readings per token index. */
export interface MorphAnnotation {
  alternatives: (readonly MorphReading[] | undefined)[];
  /**
   * The Russian analyzer's chosen reading per token index (undefined for other tokens): a frozen
   * object shared by every token of the same text that got the same reading, and never by tokens
   * of different texts (the analyzer builds its readings per word form). Later stages may key
   * per-form data on it instead of hashing the token's text; it says nothing the token's own
   * fields do not.
   */
  readings?: (MorphReading | undefined)[];
}

/**
 * The other readings the morph stage saw for token `i` (empty when the form is unambiguous).
 *
 * @example tokenAlternatives(doc, 3).some((r) => r.features.tags?.includes('Surn'))
 */
export function tokenAlternatives(doc: Doc, i: number): readonly MorphReading[] {
  const a = doc.annotations.get('morph') as MorphAnnotation | undefined;
  return a?.alternatives[i] ?? [];
}

const LATIN = /[A-Za-z\u00C0-\u024F]/;
/** Tokens after which a capital letter says nothing: the word may open a (sub)sentence. */
const OPENERS = new Set(['.', '!', '?', '…', ':', '...']);
const QUOTES_AND_BRACKETS = /^[«»"'„“”‘’()[\]{}‹›]+$/;

/** The analyzers the stage runs; exposed so tests and tools can run the stage body directly. */
export interface MorphAnalyzers {
  ru: RussianMorph;
  en: EnglishMorph;
}

/**
 * Fills `lemma`, `pos` and `features` of every token of `doc`, and records alternatives.
 *
 * @example annotateMorph(doc, { ru: await loadRussianMorph(), en: createEnglishMorph() });
 */
export function annotateMorph(doc: Doc, analyzers: MorphAnalyzers): void {
  const alternatives: (readonly MorphReading[] | undefined)[] = new Array(doc.tokens.length);
  const readings: (MorphReading | undefined)[] = new Array(doc.tokens.length);
  const ranges = sentenceRanges(doc);
  for (let si = 0; si < ranges.length; si++) {
    const range = ranges[si];
    if (!range) continue;
    const lang = doc.sentences[si]?.lang ?? doc.lang;
    annotateSentence(doc.tokens, range[0], range[1], lang, analyzers, alternatives, readings);
  }
  doc.annotations.set('morph', { alternatives, readings } satisfies MorphAnnotation);
}

/** `[start, end)` token ranges per sentence, from the sentence records or the tokens' own index. */
function sentenceRanges(doc: Doc): ([number, number] | undefined)[] {
  const out: ([number, number] | undefined)[] = [];
  const complete =
    doc.sentences.length > 0 &&
    doc.sentences.every((s) => s.tokenStart !== undefined && s.tokenEnd !== undefined);
  if (complete) {
    for (const s of doc.sentences) out.push([s.tokenStart!, s.tokenEnd!]);
    return out;
  }
  const toks = doc.tokens;
  let i = 0;
  while (i < toks.length) {
    const si = toks[i]!.sentence;
    let j = i + 1;
    while (j < toks.length && toks[j]!.sentence === si) j++;
    out[si] = [i, j];
    i = j;
  }
  return out;
}

function annotateSentence(
  tokens: Token[],
  start: number,
  end: number,
  lang: string,
  { ru, en }: MorphAnalyzers,
  alternatives: (readonly MorphReading[] | undefined)[],
  readings: (MorphReading | undefined)[],
): void {
  let initial = true;
  let prev: MorphReading | null = null;
  // One context object per sentence, refilled per word: the analyzer reads it and keeps nothing.
  const ruContext: MorphContext = { sentenceInitial: false, prev: null, nextWord: null };
  for (let i = start; i < end; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word') {
      t.lemma = lemmaOfOther(t);
      t.pos = posOfOther(t);
      t.features = {};
      if (t.kind === 'punct') {
        if (OPENERS.has(t.text)) initial = true;
        else if (!QUOTES_AND_BRACKETS.test(t.text)) initial = false;
      } else {
        initial = false;
      }
      prev = null;
      continue;
    }
    const nextTok = i + 1 < end ? tokens[i + 1] : undefined;
    const nextWord = nextTok && nextTok.kind === 'word' ? nextTok.text : null;
    let a: MorphAnalysis;
    if (hasCyrillic(t.text)) {
      ruContext.sentenceInitial = initial;
      ruContext.prev = prev;
      ruContext.nextWord = nextWord && hasCyrillic(nextWord) ? nextWord : null;
      a = ru.analyzeInContext(t.text, ruContext);
      readings[i] = a;
    } else if (LATIN.test(t.text)) {
      // Latin words in a Russian sentence are names or quoted English: no sentence-initial excuse.
      const sentenceInitial = initial && (lang === 'en' || lang === 'und');
      const r = en.analyzeInContext(t.text, {
        sentenceInitial,
        prev: prev && LATIN.test(prev.lemma) ? prev : null,
        nextWord,
      });
      a = r;
    } else {
      const lower = t.text.toLowerCase();
      const capital = t.text !== lower;
      a = { lemma: lower, pos: capital ? 'PROPN' : 'X', features: {} };
    }
    t.lemma = a.lemma;
    t.pos = a.pos;
    // Readings are shared and frozen; each token gets its own copy that later stages may extend.
    const f: TokenFeatures = { ...a.features };
    if (f.tags) f.tags = f.tags.slice();
    t.features = f;
    if (a.alternatives && a.alternatives.length) alternatives[i] = a.alternatives;
    prev = a;
    initial = false;
  }
}

/** True when the word has a Cyrillic letter (most often its first). */
function hasCyrillic(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 0x0400 && c <= 0x04ff) return true;
  }
  return false;
}

function lemmaOfOther(t: Token): string {
  return t.kind === 'punct' || t.kind === 'symbol' || t.kind === 'emoji' ? t.text : t.text.toLowerCase();
}

function posOfOther(t: Token): string {
  switch (t.kind) {
    case 'number':
      return 'NUM';
    case 'punct':
      return 'PUNCT';
    case 'symbol':
    case 'emoji':
      return 'SYM';
    default:
      return 'X';
  }
}

/**
 * Builds the stage body with its analyzers loaded (the Russian dictionaries load once per process).
 *
 * @example const stage = await createMorphStage(); stage.run(doc);
 */
export async function createMorphStage(): Promise<StageInstance> {
  const analyzers: MorphAnalyzers = { ru: await loadRussianMorph(), en: createEnglishMorph() };
  return {
    name: 'morph',
    run(doc: Doc): void {
      annotateMorph(doc, analyzers);
    },
  };
}

registerStage({
  name: 'morph',
  description:
    'Lemma, part of speech and grammatical features of every token (Russian via OpenCorpora, English by rule).',
  reads: ['tokens', 'lang'],
  writes: ['morph'],
  create: () => createMorphStage(),
});
