import type { Doc, Entity, Event, Quote, Sentence, Token, Warning } from './doc.js';

export const SCHEMA_ID = 'annalist/document@1';

export interface OutputOptions {
  /** Include tokens with lemma, pos and features (`--tokens`). */
  tokens?: boolean;
  /** Leave the text out (`--no-text`). */
  text?: boolean;
  /** Keep per-mention rules and per-event argument explanations (`--explain`). */
  explain?: boolean;
}

/** The JSON form of a document, as `annalist extract` prints it (`annalist/document@1`). */
export interface DocumentJson {
  schema: typeof SCHEMA_ID;
  id: string;
  source: string | null;
  url?: string | null;
  title?: string | null;
  date: string | null;
  lang: string;
  text?: string;
  sentences: Pick<Sentence, 'start' | 'end' | 'lang'>[];
  tokens?: Array<Pick<Token, 'start' | 'end' | 'text' | 'kind' | 'sentence' | 'lemma' | 'pos' | 'features'>>;
  entities: Entity[];
  events: Event[];
  quotes: Quote[];
  warnings: Warning[];
}

/**
 * Serialises a processed document to the output contract.
 *
 * @example JSON.stringify(toDocumentJson(doc, { tokens: true }))
 */
export function toDocumentJson(doc: Doc, opts: OutputOptions = {}): DocumentJson {
  const out: DocumentJson = {
    schema: SCHEMA_ID,
    id: doc.id,
    source: doc.source,
    date: doc.date,
    lang: doc.lang,
    sentences: doc.sentences.map((s) => ({ start: s.start, end: s.end, lang: s.lang })),
    entities: opts.explain ? doc.entities : doc.entities.map(stripEntityExplain),
    events: opts.explain ? doc.events : doc.events.map(stripEventExplain),
    quotes: doc.quotes,
    warnings: doc.warnings,
  };
  if (doc.url) out.url = doc.url;
  if (doc.title) out.title = doc.title;
  if (opts.text !== false) out.text = doc.text;
  if (opts.tokens) {
    out.tokens = doc.tokens.map((t) => {
      const o: NonNullable<DocumentJson['tokens']>[number] = {
        start: t.start,
        end: t.end,
        text: t.text,
        kind: t.kind,
        sentence: t.sentence,
      };
      if (t.lemma !== undefined) o.lemma = t.lemma;
      if (t.pos !== undefined) o.pos = t.pos;
      if (t.features !== undefined) o.features = t.features;
      return o;
    });
  }
  return out;
}

function stripEntityExplain(e: Entity): Entity {
  const { rule: _rule, ...rest } = e;
  return { ...rest, mentions: e.mentions.map(({ rule: _r, via: _v, ...m }) => m) };
}

function stripEventExplain(e: Event): Event {
  if (!e.explain) return e;
  const { explain: _explain, ...rest } = e;
  return rest;
}
