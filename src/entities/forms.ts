/**
 * Per word-form records shared by the tagger (ner-features.ts) and the recognizer (recognize.ts).
 *
 * News repeats its words: most of what the entity stage derives from a token — hashes, shapes,
 * key words for phrase matching, whether a key word can start a KB name, the tagger's weights for
 * the token's own features — depends only on the token's text, kind, morphology and alternative
 * readings. A `TokenForm` holds that once per distinct form, process-wide, so a document pays one
 * map lookup per token instead of rebuilding strings and probing hash tables per feature.
 *
 * A form matches a token only when everything the derived values read is equal (text, kind,
 * lemma, part of speech, case, name tags, the guessed flag, and the alternative readings' lemmas,
 * tags and guessed flags), so the cache never changes a result. Values that depend on the KB are
 * tagged with the KB they were computed for and recomputed for another.
 */
import type { Token } from '../doc.js';
import type { MorphReading } from '../lang/ru/morph.js';
import type { MorphAnnotation } from '../stages/morph.js';
import type { NerForm } from './ner-features.js';
import type { SlotForm } from './recognize.js';

/** One distinct token form and what the entity stage derived from it so far. */
export class TokenForm {
  /** Another form with the same text (different morphology), or null. */
  next: TokenForm | null = null;
  /** The tagger's per-form data (ner-features.ts), built on first use. */
  ner: NerForm | null = null;
  /** The recognizer's per-form data (recognize.ts), built on first use. */
  slots: SlotForm | null = null;
  readonly text: string;
  readonly kind: Token['kind'];
  readonly lemma: string | undefined;
  readonly pos: string | undefined;
  readonly cas: unknown;
  readonly guessed: unknown;
  readonly tags: readonly string[] | undefined;
  readonly alts: readonly MorphReading[] | undefined;

  constructor(t: Token, alts: readonly MorphReading[] | undefined) {
    this.text = ownCopy(t.text);
    this.kind = t.kind;
    this.lemma = t.lemma;
    this.pos = t.pos;
    const f = t.features;
    this.cas = f?.case;
    this.guessed = f?.guessed;
    this.tags = f?.tags ? f.tags.slice() : undefined;
    // The analyzer's readings are frozen and shared; anything else is snapshotted.
    this.alts = alts && alts.length ? (Object.isFrozen(alts) ? alts : alts.map(snapshot)) : undefined;
  }

  /** True when `t` (with its alternative readings) has exactly this form. */
  matches(t: Token, alts: readonly MorphReading[] | undefined): boolean {
    if (this.kind !== t.kind || this.lemma !== t.lemma || this.pos !== t.pos) return false;
    const f = t.features;
    if (this.cas !== f?.case || this.guessed !== f?.guessed) return false;
    if (!sameTags(this.tags, f?.tags)) return false;
    return sameAlts(this.alts, alts);
  }
}

function snapshot(r: MorphReading): MorphReading {
  const tags = r.features.tags;
  return {
    ...r,
    features: { ...r.features, ...(tags ? { tags: tags.slice() } : {}) },
  } as MorphReading;
}

function sameTags(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === b) return true;
  const la = a ? a.length : 0;
  const lb = b ? b.length : 0;
  if (la !== lb) return false;
  for (let i = 0; i < la; i++) if (a![i] !== b![i]) return false;
  return true;
}

function sameAlts(a: readonly MorphReading[] | undefined, b: readonly MorphReading[] | undefined): boolean {
  if (a === b) return true;
  const la = a ? a.length : 0;
  const lb = b ? b.length : 0;
  if (la !== lb) return false;
  for (let i = 0; i < la; i++) {
    const x = a![i]!;
    const y = b![i]!;
    if (x === y) continue;
    if (x.lemma !== y.lemma || x.features.guessed !== y.features.guessed) return false;
    if (!sameTags(x.features.tags, y.features.tags)) return false;
  }
  return true;
}

/** A substring keeps its whole source text alive in V8: cache keys get their own copy. */
function ownCopy(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** Forms by text (each the head of a chain of forms with that text). */
const cache = new Map<string, TokenForm>();
// About 1 KB a form. 40k was below the working set (~80k forms in the bench's 2,045 articles) and the
// first-in-first-out cache rebuilt its forms on every pass; 64k keeps the frequent ones (evicting a
// quarter at a time) at the same throughput as 100k, with ~15 MB less peak memory.
const MAX_FORMS = 64_000;

/**
 * Forms by the morph stage's shared reading of their token (`MorphAnnotation.readings`): a token
 * whose reading was seen before finds its form without hashing its text. Weak, so a reading the
 * analyzer's cache has dropped takes its entry with it.
 */
const byReading = new WeakMap<MorphReading, TokenForm>();

/**
 * The shared record of a token's form (its text, kind and morphology). `reading`, the morph
 * stage's shared reading of the token when it has one, only makes the look-up cheaper.
 *
 * @example formOf(doc.tokens[3]!, alternatives[3]).text === doc.tokens[3]!.text // true
 */
export function formOf(
  t: Token,
  alts: readonly MorphReading[] | undefined,
  reading?: MorphReading,
): TokenForm {
  if (reading !== undefined) {
    // A reading belongs to one text (MorphAnnotation.readings), so the text needs no comparing;
    // the morphology still does, so a stage that changed the token since gets the form it has now.
    const got = byReading.get(reading);
    if (got !== undefined && got.matches(t, alts)) return got;
    const f = formByText(t, alts);
    byReading.set(reading, f);
    return f;
  }
  return formByText(t, alts);
}

function formByText(t: Token, alts: readonly MorphReading[] | undefined): TokenForm {
  const head = cache.get(t.text);
  for (let f: TokenForm | null | undefined = head; f; f = f.next) if (f.matches(t, alts)) return f;
  const f = new TokenForm(t, alts);
  if (head) f.next = head;
  else if (cache.size >= MAX_FORMS) {
    // The oldest quarter goes: a day of news keeps its working set, no bookkeeping per hit.
    let n = MAX_FORMS >> 2;
    for (const k of cache.keys()) {
      cache.delete(k);
      if (--n <= 0) break;
    }
  }
  cache.set(f.text, f);
  return f;
}

/**
 * The forms of every token of a document (tokens must carry morphology), aligned with `doc.tokens`.
 *
 * @example const forms = tokenForms(doc); forms[i]!.text === doc.tokens[i]!.text // true
 */
export function tokenForms(doc: {
  tokens: readonly Token[];
  annotations: ReadonlyMap<string, unknown>;
}): TokenForm[] {
  const morph = doc.annotations.get('morph') as MorphAnnotation | undefined;
  const alts = morph?.alternatives;
  const readings = morph?.readings;
  const toks = doc.tokens;
  const out: TokenForm[] = new Array(toks.length);
  for (let i = 0; i < toks.length; i++) out[i] = formOf(toks[i]!, alts?.[i], readings?.[i]);
  return out;
}
