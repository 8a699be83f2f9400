/**
 * English lemmas and parts of speech by rule: closed-class and irregular-form lexicons, suffix
 * rules with consonant doubling and e-restoration, and capitalisation for proper names. Good
 * enough for event patterns ("met" → meet, "signed" → sign), not a tagger.
 */
import type { TokenFeatures } from '../../doc.js';
import type { MorphAnalysis, MorphReading } from '../ru/morph.js';
import {
  CLOSED,
  IRREGULAR_NOUNS,
  IRREGULAR_VERB_FORMS,
  IRREGULAR_VERBS,
  KNOWN_NOUNS,
  KNOWN_VERBS,
  LY_ADJECTIVES,
  NEGATED_AUX,
  NOT_PLURAL,
  NOUN_VERBS,
} from './lexicon.js';

/** What the caller knows about where an English word stands. */
export interface EnglishContext {
  /** Defaults to what the word's letters say. */
  capitalised?: boolean;
  /** First word of the sentence, where a capital says nothing about names. */
  sentenceInitial?: boolean;
  /** The chosen reading of the word just before, if adjacent. */
  prev?: MorphReading | null;
  /** The word just after, if adjacent (consulted for "to", "have", "do"). */
  nextWord?: string | null;
}

export interface EnglishMorph {
  /**
   * Analyses a word out of context; a capitalised word is taken as a name.
   *
   * @example en.analyze('met') // { lemma: 'meet', pos: 'VERB', features: { tense: 'past', verbForm: 'Fin' } }
   */
  analyze(word: string): MorphAnalysis;
  /**
   * Analyses a word knowing its neighbours.
   *
   * @example en.analyzeInContext('signed', { prev: en.analyze('has') }).features.verbForm // 'Part'
   */
  analyzeInContext(word: string, context: EnglishContext): MorphAnalysis;
}

const IRREGULAR_BASES: ReadonlySet<string> = new Set([...IRREGULAR_VERBS.values()].map((f) => f.lemma));

function isVerbBase(w: string): boolean {
  return KNOWN_VERBS.has(w) || IRREGULAR_BASES.has(w);
}

const CONSONANT = /^[bcdfghjklmnpqrstvwxz]$/;

/** Whether a verb stem left by cutting -ed/-ing lost a final silent e ("announc" → "announce"). */
function needsE(stem: string): boolean {
  if (stem.length < 2) return false;
  return (
    /[^aeiou l]l$/.test(stem) ||
    /[cvz]$/.test(stem) ||
    /[^aeiou]u$/.test(stem) ||
    /(?:rg|dg|lg|ag|ug)$/.test(stem) ||
    /(?:^|[^eo])at$/.test(stem) ||
    /[aeiou]s$/.test(stem) ||
    /[^aeiou][ou]t$/.test(stem) ||
    /[^aeiou][aiu]r$/.test(stem) ||
    /[^aeiou][aeiou][bd]$/.test(stem) ||
    /[^aeiou]in$/.test(stem) ||
    (stem.length <= 5 && /[^aeiou][aeiou][kmp]$/.test(stem))
  );
}

/** Base form of a verb from the stem left after removing -ed or -ing. */
function verbFromStem(stem: string, withE: string | null): string {
  const last = stem.charAt(stem.length - 1);
  const doubled = stem.length > 2 && last === stem.charAt(stem.length - 2) && CONSONANT.test(last);
  const undoubled = doubled ? stem.slice(0, -1) : null;
  for (const c of [undoubled, withE, stem]) if (c && isVerbBase(c)) return c;
  if (undoubled) return 'lsfzd'.includes(last) ? stem : undoubled;
  return needsE(stem) ? stem + 'e' : stem;
}

/**
 * Base form of an English verb form.
 *
 * @example lemmatizeVerb('announced') // 'announce'
 * @example lemmatizeVerb('went') // 'go'
 */
export function lemmatizeVerb(form: string): string {
  const w = form.toLowerCase();
  const irr = IRREGULAR_VERBS.get(w) ?? null;
  if (irr) return irr.lemma;
  const f = IRREGULAR_VERB_FORMS.get(w);
  if (f) return f;
  if (w.length > 4 && w.endsWith('ied')) return w.slice(0, -3) + 'y';
  if (w.length > 3 && w.endsWith('eed')) {
    const base = w.slice(0, -1);
    return isVerbBase(base) ? base : w;
  }
  if (w.length > 3 && w.endsWith('ed')) return verbFromStem(w.slice(0, -2), w.slice(0, -1));
  if (w.length > 4 && w.endsWith('ing')) return verbFromStem(w.slice(0, -3), w.slice(0, -3) + 'e');
  if (w.length > 3 && w.endsWith('s')) return singular(w);
  return w;
}

/**
 * Singular of an English noun (or the base of a third-person verb form).
 *
 * @example singular('countries') // 'country'
 */
export function singular(form: string): string {
  const w = form.toLowerCase();
  const irr = IRREGULAR_NOUNS.get(w);
  if (irr) return irr;
  if (NOT_PLURAL.has(w) || w.length < 3 || !w.endsWith('s')) return w;
  if (/(?:ss|us|is)$/.test(w)) return w;
  if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (/(?:sses|shes|ches|xes|zzes)$/.test(w)) return w.slice(0, -2);
  return w.slice(0, -1);
}

function reading(lemma: string, pos: string, features: TokenFeatures = {}): MorphReading {
  if (features.tags) Object.freeze(features.tags);
  return Object.freeze({ lemma, pos, features: Object.freeze(features) });
}

/** How a lower-case form was recognised; decides what context may change. */
type Kind =
  'closed' | 'num' | 'irregular' | 'noun' | 'plural' | 's' | 'ed' | 'ing' | 'base' | 'adv' | 'adj' | 'guess';

interface Lexical {
  reading: MorphReading;
  kind: Kind;
  /** Whether the lexicon or a reliable suffix vouches for the word (for sentence-initial capitals). */
  known: boolean;
}

const NUMERIC = /^[+-]?\d/;
const ADJ_SUFFIX = /(?:ous|ful|ive|able|ible|ical|less|ish|ary|ic|al|ian|ese|ant|ent)$/;
const NOUN_SUFFIX = /(?:tion|sion|ment|ness|ity|ship|ance|ence|ism|ist|er|or|ee|age|ure|hood|dom|cy)$/;

function lexical(w: string): Lexical {
  const neg = NEGATED_AUX.get(w);
  if (neg)
    return {
      reading: reading(neg, 'AUX', { polarity: 'neg', verbForm: 'Fin' }),
      kind: 'closed',
      known: true,
    };
  const closed = CLOSED.get(w);
  if (closed)
    return {
      reading: reading(closed.lemma, closed.pos, { ...closed.features }),
      kind: 'closed',
      known: true,
    };
  if (NUMERIC.test(w)) return { reading: reading(w, 'NUM'), kind: 'num', known: true };
  const f = IRREGULAR_VERB_FORMS.get(w);
  if (f) {
    const feats: TokenFeatures = w.endsWith('ing')
      ? { verbForm: 'Ger' }
      : { tense: 'pres', person: '3per', number: 'sing', verbForm: 'Fin' };
    return { reading: reading(f, 'VERB', feats), kind: 'irregular', known: true };
  }
  const irr = IRREGULAR_VERBS.get(w);
  if (irr) {
    // "cut", "put", "come": the base form is also a past form; the base reading lets context decide.
    if (irr.lemma === w)
      return { reading: reading(w, 'VERB', { verbForm: 'Inf' }), kind: 'base', known: true };
    const feats: TokenFeatures = irr.past
      ? { tense: 'past', verbForm: 'Fin' }
      : { tense: 'past', verbForm: 'Part' };
    return { reading: reading(irr.lemma, 'VERB', feats), kind: 'irregular', known: true };
  }
  const noun = IRREGULAR_NOUNS.get(w);
  if (noun) return { reading: reading(noun, 'NOUN', { number: 'plur' }), kind: 'plural', known: true };
  if (KNOWN_NOUNS.has(w))
    return { reading: reading(w, 'NOUN', { number: 'sing' }), kind: 'noun', known: true };
  if (isVerbBase(w)) return { reading: reading(w, 'VERB', { verbForm: 'Inf' }), kind: 'base', known: true };

  if (w.length > 4 && w.endsWith('ing')) {
    const lemma = lemmatizeVerb(w);
    return { reading: reading(lemma, 'VERB', { verbForm: 'Ger' }), kind: 'ing', known: true };
  }
  if (w.length > 3 && w.endsWith('ed') && !w.endsWith('eed')) {
    const lemma = lemmatizeVerb(w);
    return {
      reading: reading(lemma, 'VERB', { tense: 'past', verbForm: 'Fin' }),
      kind: 'ed',
      known: isVerbBase(lemma),
    };
  }
  if (w.length > 3 && w.endsWith('eed') && isVerbBase(w.slice(0, -1))) {
    return {
      reading: reading(w.slice(0, -1), 'VERB', { tense: 'past', verbForm: 'Fin' }),
      kind: 'ed',
      known: true,
    };
  }
  if (w.endsWith('s') && !NOT_PLURAL.has(w) && w.length > 3 && !/(?:ss|us|is)$/.test(w)) {
    const base = singular(w);
    if (isVerbBase(base)) {
      const asVerb = !NOUN_VERBS.has(base);
      return {
        reading: asVerb
          ? reading(base, 'VERB', { tense: 'pres', person: '3per', number: 'sing', verbForm: 'Fin' })
          : reading(base, 'NOUN', { number: 'plur' }),
        kind: 's',
        known: true,
      };
    }
    return {
      reading: reading(base, 'NOUN', { number: 'plur' }),
      kind: 'plural',
      known: KNOWN_NOUNS.has(base) || NOUN_SUFFIX.test(base),
    };
  }
  if (w.length > 4 && w.endsWith('ly') && !LY_ADJECTIVES.has(w))
    return { reading: reading(w, 'ADV'), kind: 'adv', known: true };
  if (LY_ADJECTIVES.has(w) || (w.length > 5 && ADJ_SUFFIX.test(w)))
    return { reading: reading(w, 'ADJ'), kind: 'adj', known: true };
  if (w.length > 4 && NOUN_SUFFIX.test(w))
    return { reading: reading(w, 'NOUN', { number: 'sing' }), kind: 'noun', known: true };
  return { reading: reading(w, 'NOUN', { number: 'sing' }), kind: 'guess', known: false };
}

const BE_HAVE = new Set(['be', 'have']);
const MODAL_OR_DO = new Set([
  'will',
  'would',
  'shall',
  'should',
  'can',
  'could',
  'may',
  'might',
  'must',
  'do',
]);
const NOMINAL_BEFORE = new Set(['DET', 'ADJ', 'NUM', 'ADP']);

class EnglishAnalyzer implements EnglishMorph {
  private cache = new Map<string, Lexical>();

  constructor(private readonly maxCache: number) {}

  private lex(w: string): Lexical {
    let l = this.cache.get(w);
    if (!l) {
      if (this.cache.size >= this.maxCache) this.cache.clear();
      l = lexical(w);
      this.cache.set(w, l);
    }
    return l;
  }

  analyze(word: string): MorphAnalysis {
    return this.analyzeInContext(word, {});
  }

  analyzeInContext(word: string, ctx: EnglishContext): MorphAnalysis {
    const text = word.indexOf('\u2019') >= 0 ? word.replace(/\u2019/g, "'") : word;
    const w = text.toLowerCase();
    const first = text.charAt(0);
    const upperFirst = first !== first.toLowerCase();
    const allCaps = text.length > 1 && text === text.toUpperCase() && upperFirst;
    const innerCaps = !allCaps && /[A-Z]/.test(text.slice(1));
    const lex = this.lex(w);

    if (text === 'I') return lex.reading;
    if (allCaps) {
      // Acronyms (US, UN, NATO) are names; closed-class words in a shouted headline are not.
      if (lex.kind === 'closed' && w !== 'us' && w !== 'it') return lex.reading;
      return reading(w, 'PROPN');
    }
    const capitalised = ctx.capitalised ?? (upperFirst || innerCaps);
    if (capitalised) {
      if (lex.kind === 'closed') return lex.reading;
      if (innerCaps || !ctx.sentenceInitial || !lex.known) return reading(w, 'PROPN');
    }
    return this.inContext(w, lex, ctx);
  }

  private inContext(w: string, lex: Lexical, ctx: EnglishContext): MorphReading {
    const r = lex.reading;
    const prev = ctx.prev ?? null;
    // Out of context "has" reads as a main verb; before a participle it is the auxiliary all the same.
    const prevAux =
      prev && (prev.pos === 'AUX' || (prev.pos === 'VERB' && (prev.lemma === 'have' || prev.lemma === 'do')))
        ? prev.lemma
        : null;
    switch (lex.kind) {
      case 'closed': {
        if (w === 'to') return this.nextIsVerbBase(ctx) ? reading('to', 'PART') : r;
        if (r.pos === 'AUX' && (r.lemma === 'have' || r.lemma === 'do') && !r.features.polarity) {
          // "has signed", "did not": auxiliary; "has a deal", "did it": main verb.
          return this.nextIsVerbal(ctx) ? r : reading(r.lemma, 'VERB', { ...r.features });
        }
        if (w === "'s" && prev && prev.pos !== 'PRON') return reading("'s", 'PART');
        return r;
      }
      case 'ed':
      case 'irregular': {
        if (r.pos === 'VERB' && r.features.tense === 'past' && prevAux && BE_HAVE.has(prevAux)) {
          return reading(r.lemma, 'VERB', { tense: 'past', verbForm: 'Part' });
        }
        return r;
      }
      case 'ing': {
        if (prev && NOMINAL_BEFORE.has(prev.pos) && prev.pos !== 'ADP')
          return reading(w, 'NOUN', { number: 'sing' });
        if (prevAux === 'be') return reading(r.lemma, 'VERB', { verbForm: 'Part', tense: 'pres' });
        return r;
      }
      case 's': {
        if (!prev) return r;
        if (prev.pos === 'PRON' || prev.pos === 'PROPN') {
          return reading(r.lemma, 'VERB', { tense: 'pres', person: '3per', number: 'sing', verbForm: 'Fin' });
        }
        if (NOMINAL_BEFORE.has(prev.pos)) return reading(r.lemma, 'NOUN', { number: 'plur' });
        return r;
      }
      case 'noun': {
        // "is meeting", "was building": a progressive, not the noun the lexicon lists.
        if (prevAux === 'be' && w.endsWith('ing'))
          return reading(lemmatizeVerb(w), 'VERB', { verbForm: 'Part', tense: 'pres' });
        return r;
      }
      case 'base': {
        if (prevAux && MODAL_OR_DO.has(prevAux)) return reading(r.lemma, 'VERB', { verbForm: 'Inf' });
        if (prev && prev.pos === 'PART' && prev.lemma === 'to')
          return reading(r.lemma, 'VERB', { verbForm: 'Inf' });
        if (prev && prev.pos === 'PRON') return reading(r.lemma, 'VERB', { tense: 'pres', verbForm: 'Fin' });
        if ((prev && NOMINAL_BEFORE.has(prev.pos)) || NOUN_VERBS.has(w))
          return reading(w, 'NOUN', { number: 'sing' });
        return r;
      }
      default:
        return r;
    }
  }

  private nextIsVerbBase(ctx: EnglishContext): boolean {
    const n = ctx.nextWord;
    if (!n) return false;
    const l = this.lex(n.toLowerCase());
    return (
      l.kind === 'base' ||
      (l.kind === 'irregular' && !l.reading.features.tense) ||
      (l.kind === 'closed' && l.reading.lemma === 'be' && n.toLowerCase() === 'be')
    );
  }

  private nextIsVerbal(ctx: EnglishContext): boolean {
    const n = ctx.nextWord;
    if (!n) return false;
    const w = n.toLowerCase().replace(/\u2019/g, "'");
    if (
      w === 'not' ||
      w === "n't" ||
      w === 'been' ||
      w === 'also' ||
      w === 'already' ||
      w === 'never' ||
      w === 'just'
    )
      return true;
    const l = this.lex(w);
    return (
      l.reading.pos === 'VERB' &&
      (l.kind === 'ed' || l.kind === 'irregular' || l.kind === 'base' || l.kind === 'ing')
    );
  }
}

/**
 * Creates an English analyzer (cheap: no data to load beyond the word lists).
 *
 * @example createEnglishMorph().analyze('countries') // { lemma: 'country', pos: 'NOUN', features: { number: 'plur' } }
 */
export function createEnglishMorph(options: { cacheSize?: number } = {}): EnglishMorph {
  return new EnglishAnalyzer(options.cacheSize ?? 100_000);
}
