/**
 * The document model. One `Doc` flows through the pipeline's stages; each stage fills the
 * fields it declares it writes. Offsets everywhere are JavaScript string indices (UTF-16
 * code units) into `doc.text`, end exclusive, so that a user can slice the evidence back out.
 */

/** ISO 639-1 code of a language we segment and analyse, or `und` when unknown. */
export type Lang = 'ru' | 'en' | 'kk' | 'und' | (string & {});

/** A half-open range `[start, end)` of `doc.text`. */
export interface Span {
  start: number;
  end: number;
}

/** What a token is, decided by the tokenizer from its characters alone. */
export type TokenKind =
  'word' | 'number' | 'punct' | 'symbol' | 'emoji' | 'url' | 'handle' | 'hashtag' | 'email';

/** Grammatical features of a token, OpenCorpora style for Russian (`case: "gent"`, `number: "sing"`). */
export interface TokenFeatures {
  case?: string;
  number?: string;
  gender?: string;
  tense?: string;
  aspect?: string;
  person?: string;
  mood?: string;
  voice?: string;
  animacy?: string;
  /** OpenCorpora semantic name tags: Name, Surn, Patr, Geox, Orgn, Abbr, Init. */
  tags?: string[];
  [key: string]: string | string[] | undefined;
}

export interface Token extends Span {
  text: string;
  kind: TokenKind;
  /** Index of the sentence the token belongs to. */
  sentence: number;
  /** True when whitespace follows the token in the text (needed to rebuild surface forms). */
  spaceAfter: boolean;
  /** Filled by the morphology stage: lower-case dictionary form. */
  lemma?: string;
  /** Universal-style part of speech: NOUN PROPN VERB ADJ ADV ADP PRON NUM CCONJ SCONJ PART DET PUNCT SYM X. */
  pos?: string;
  features?: TokenFeatures;
}

export interface Sentence extends Span {
  /** Language of the sentence (ISO 639-1). */
  lang: Lang;
  /** Index of the first token of the sentence in `doc.tokens`, when tokens exist. */
  tokenStart?: number;
  /** Index one past the last token of the sentence. */
  tokenEnd?: number;
}

export type EntityType =
  'PERSON' | 'ORG' | 'COUNTRY' | 'CITY' | 'LOC' | 'TREATY' | 'EVENT_NAME' | 'FACILITY' | 'PRODUCT';

export const ENTITY_TYPES: readonly EntityType[] = [
  'PERSON',
  'ORG',
  'COUNTRY',
  'CITY',
  'LOC',
  'TREATY',
  'EVENT_NAME',
  'FACILITY',
  'PRODUCT',
];

/** One occurrence of a name (or title, or metonym) in the text. */
export interface Mention extends Span {
  text: string;
  /** Nominative dictionary form of the whole mention ("Касым-Жомарт Токаев"). */
  lemma: string;
  type: EntityType;
  /** Id of the entity in `doc.entities` this mention belongs to, once linked. */
  entity?: string;
  /** Id of the rule or model that found the mention (for `--explain`). */
  rule: string;
  /** How the mention refers: by name, by title alone, by metonymy, by a handle. */
  via?: 'name' | 'title' | 'metonym' | 'handle' | 'adjective' | 'pronoun';
  /** Candidate KB id before linking. */
  kbId?: string;
  /** For a title, the role code it names ("ambassador"). */
  role?: string;
  score?: number;
}

export interface Role {
  role: string;
  of: string;
  from?: string | null;
  to?: string | null;
  [key: string]: unknown;
}

/** What the output writes about a mention of an entity. */
export interface EntityMention extends Span {
  text: string;
  lemma: string;
  rule?: string;
  via?: Mention['via'];
}

export interface Entity {
  /** Wikidata QID when known, else a stable local id (`kb:…` from the KB, `new:…` for unknown names). */
  id: string;
  wikidata: string | null;
  /** Canonical English name (for an unknown Russian name, a standard romanization). */
  name: string;
  names: Record<string, string>;
  type: EntityType;
  country: string | null;
  roles: Role[];
  mentions: EntityMention[];
  /** Id of the rule or KB match that linked this entity. */
  rule?: string;
}

/** A reference to an entity of the same document. */
export interface EntityRef {
  id: string;
  name: string;
  wikidata: string | null;
  type: EntityType;
  country: string | null;
}

export type EventStatus = 'occurred' | 'planned' | 'expected' | 'reported' | 'negated' | 'hypothetical';

export const EVENT_STATUSES: readonly EventStatus[] = [
  'occurred',
  'planned',
  'expected',
  'reported',
  'negated',
  'hypothetical',
];

export interface Amount {
  value: number;
  currency: string;
  text: string;
}

export interface Event {
  id: string;
  type: string;
  cameo: string;
  plover: { type: string | null; mode: string | null };
  source: EntityRef[];
  target: EntityRef[];
  date: string | null;
  dateText: string | null;
  status: EventStatus;
  amount: Amount | null;
  topic: string | null;
  location: EntityRef | null;
  attribution: { source: EntityRef | null; text: string } | null;
  evidence: Span & { text: string };
  rule: string;
  confidence: number;
  /** With `--explain`: how each argument was found. */
  explain?: Record<string, string>;
}

/** A date or an amount found in the text (see src/values/). */
export interface Value extends Span {
  kind: 'date' | 'money';
  text: string;
}

export interface Quote extends Span {
  speaker: EntityRef | null;
  text: string;
}

export interface Warning {
  code: string;
  message: string;
  start?: number;
  end?: number;
}

/** Everything the reader knows about the document before analysis. */
export interface DocInput {
  text: string;
  id?: string;
  source?: string | null;
  date?: string | null;
  url?: string | null;
  title?: string | null;
  lang?: Lang | null;
}

/**
 * The document flowing through the pipeline.
 *
 * @example
 * const doc = new Doc({ text: 'Токаев прибыл в Вашингтон.', date: '2025-11-06' });
 * doc.sentences; // [] until the `segment` stage runs
 */
export class Doc {
  readonly text: string;
  id: string;
  source: string | null;
  date: string | null;
  url: string | null;
  title: string | null;
  /** Dominant language; filled by the `langid` stage unless given by the reader. */
  lang: Lang;
  /** The language the reader was told (`--lang`); stages treat it as a strong hint. */
  langHint: Lang | null;
  sentences: Sentence[] = [];
  tokens: Token[] = [];
  mentions: Mention[] = [];
  entities: Entity[] = [];
  values: Value[] = [];
  events: Event[] = [];
  quotes: Quote[] = [];
  warnings: Warning[] = [];
  /** Scratch space for stages to hand typed results to later stages (keyed by stage name). */
  readonly annotations = new Map<string, unknown>();

  constructor(input: DocInput) {
    this.text = input.text;
    this.source = input.source ?? null;
    this.date = input.date ?? null;
    this.url = input.url ?? null;
    this.title = input.title ?? null;
    this.langHint = input.lang ?? null;
    this.lang = input.lang ?? 'und';
    this.id = input.id ?? docId(input.text, input.url ?? null);
  }

  /** Adds a warning about a span of this document. */
  warn(code: string, message: string, span?: Span): void {
    this.warnings.push(span ? { code, message, start: span.start, end: span.end } : { code, message });
  }

  /** Tokens of sentence `i` (empty when tokens were not computed). */
  sentenceTokens(i: number): Token[] {
    const s = this.sentences[i];
    if (!s || s.tokenStart === undefined || s.tokenEnd === undefined) return [];
    return this.tokens.slice(s.tokenStart, s.tokenEnd);
  }
}

/**
 * Stable document id: FNV-1a 64-bit over the whitespace-normalised text (and the url when given).
 *
 * @example docId('Hello  world') === docId('Hello world') // true
 */
export function docId(text: string, url: string | null): string {
  // The same hash as over `text.replace(/\s+/g, ' ').trim()`, in one pass without building that copy.
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  let space = false;
  let started = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      space = started;
      continue;
    }
    if (space) {
      h1 = Math.imul(h1 ^ 32, 0x01000193) >>> 0;
      h2 = Math.imul(h2 ^ 32, 0x5bd1e995) >>> 0;
      space = false;
    }
    started = true;
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  if (url) {
    const tail = `\u0000${url}`;
    for (let i = 0; i < tail.length; i++) {
      const c = tail.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
    }
  }
  return `d-${h1.toString(16).padStart(8, '0')}${h2.toString(16).padStart(8, '0')}`;
}

/** What `\s` matches (and `trim` removes): ECMAScript white space and line terminators. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
