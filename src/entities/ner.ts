/**
 * Statistical named-entity tagger for Russian: a linear-chain averaged perceptron over BILOU tags
 * of PER, LOC and ORG (Viterbi decoding), trained by scripts/train-ner.ts on the factRuEval-2016
 * devset (MIT). The entity stage combines its spans with KB matches and rules; it is the main source
 * of persons and organizations that the KB does not know. Its features (ner-features.ts) read the
 * morph stage's lemmas, parts of speech, cases and OpenCorpora name tags, and the KB gazetteer when
 * a KB is passed: the shipped model was trained with the KB's features, so pass the KB.
 *
 * It learns factRuEval's span convention: a person is the name itself without the title
 * ("министр финансов [Антон Силуанов]"), an organization or a place is its name part without the
 * descriptor ("движения [Солидарность]", "[Тверской] площади"), quotes excluded.
 *
 * The model (src/generated/ner-ru.json) holds the feature ids (see ner-features.ts) sorted, one
 * quantized weight per tag for each, the transition scores and the scale that turns scores into
 * probabilities. It is loaded once per process. A model may have a second layer that also reads
 * the first layer's tags (`train-ner.ts --stack`); the shipped one has a single layer, as the
 * second did not help in cross-validation.
 */
import { createRequire } from 'node:module';
import type { Doc } from '../doc.js';
import type { Kb } from '../kb/kb.js';
import type { TokenForm } from './forms.js';
import {
  applyFirstPass,
  decodeSpans,
  FORM_GROUPS,
  formFeatureGroups,
  lemmaPrevShapeFeature,
  MAX_TOKEN_FEATURES,
  PADDING,
  pairFeatures,
  shapeFeatures,
  shapeNextLemmaFeature,
  stackFeatures,
  stateFeatures,
  tagFeatures,
  makeTagSet,
  marginals,
  nerSentenceRanges,
  tokenInfos,
  viterbi,
  type NerType,
  type TagSet,
  type TokInfo,
} from './ner-features.js';

/** A span the tagger found: character offsets into `doc.text`, end exclusive. */
export interface NerSpan {
  start: number;
  end: number;
  type: 'PERSON' | 'LOC' | 'ORG';
  /** Probability that the span is labelled so, from the model's token marginals (0–1). */
  score: number;
}

/** One perceptron of the model. */
export interface NerLayerData {
  /** A stored weight is `int16 * quant`. */
  quant: number;
  /** Transition scores, `(tags + 1) × tags`, row 0 = sentence start. */
  trans: number[];
  /** Base64 of a little-endian Uint32Array of feature ids, ascending. */
  keys: string;
  /** Base64 of a little-endian Int16Array, `keys × tags`. */
  weights: string;
}

/** The serialized model (`annalist/ner@1`). */
export interface NerModelData {
  format: 'annalist/ner@1';
  scheme: 'BIO' | 'BILOU';
  tags: string[];
  /** Multiplier of the scores in the forward–backward pass that gives span confidences. */
  scale: number;
  /** The first pass, then (optionally) the second pass that also reads the first pass's tags. */
  layers: NerLayerData[];
  /** What the model was trained on and how it scored (informational). */
  meta?: Record<string, unknown>;
}

const TYPE_OUT: Record<NerType, NerSpan['type']> = { PER: 'PERSON', LOC: 'LOC', ORG: 'ORG' };

function decodeBase64<T extends Uint32Array | Int16Array>(s: string, Ctor: new (b: ArrayBuffer) => T): T {
  const buf = Buffer.from(s, 'base64');
  const copy = new ArrayBuffer(buf.length);
  new Uint8Array(copy).set(buf);
  return new Ctor(copy);
}

/**
 * A layer keeps per form, in one slot of its arena: the summed weights of each group of
 * `formFeatureGroups` (`FORM_GROUPS × tags`), then per shape of the next token the weights row
 * of `lemmaPrevShapeFeature` (see `Layer.rowOf`; -2 not looked up yet), then per shape of the
 * previous token that of `shapeNextLemmaFeature`. The arena holds a little more than the forms
 * cache (forms.ts) keeps, so that starting over (a new epoch) is rare.
 */
const ARENA_MAX_FORMS = 48 * 1024;

/** Size of `Layer.filter`: 2^20 bits (128 KB), a few percent of misses pass it for the shipped model. */
const FILTER_BITS = 20;

/** Token shapes are below 32 (see ner-features.ts), so a shape is five bits of a cache key. */
const SHAPES = 32;

/**
 * One loaded perceptron: an open-addressing table from feature id to its weights, with each
 * feature's id and weights side by side in one slot so that a lookup reads one cache line.
 */
class Layer {
  readonly trans: Float64Array;
  /** Number of features with weights. */
  readonly size: number;
  private readonly quant: number;
  /** Slots of `stride` int16s: the feature id (two int16s), the quantized weights, and 1 in the last when used. */
  private readonly table: Int16Array;
  private readonly ids: Uint32Array;
  private readonly stride: number;
  private readonly mask: number;
  /**
   * One bit per value of a feature id's top `FILTER_BITS` bits, set for the model's features: most
   * features looked up one by one (word pairs) are not in the model, and this small table, unlike
   * the big one, stays in the processor's cache.
   */
  private readonly filter: Int32Array;
  /** Cached weight sums of the features with small keys (see `emissions`). */
  private readonly stateVecs: (Int32Array | undefined)[] = [];
  private readonly shapeVecs: (Int32Array | undefined)[] = [];
  private readonly tagVecs = new Map<number, Int32Array>();
  /** The per-form slots (see `ARENA_MAX_FORMS`), `slot` int32s each; a new epoch drops them all. */
  private arena: Int32Array;
  private arenaUsed = 0;
  private epoch = 0;
  private readonly slot: number;

  constructor(
    data: NerLayerData,
    private readonly n: number,
  ) {
    this.trans = Float64Array.from(data.trans);
    if (this.trans.length !== (n + 1) * n) throw new Error('NER model transitions do not match its tags');
    const keys = decodeBase64(data.keys, Uint32Array);
    const q = decodeBase64(data.weights, Int16Array);
    if (q.length !== keys.length * n) throw new Error('NER model weights do not match its keys');
    this.size = keys.length;
    this.quant = data.quant;
    this.slot = FORM_GROUPS * n + 2 * SHAPES;
    this.arena = new Int32Array(1024 * this.slot);
    let stride = 4;
    while (stride < n + 3) stride <<= 1;
    this.stride = stride;
    // At most half full, so that a miss usually ends at the first slot it probes.
    let size = 1;
    while (size < keys.length * 2) size <<= 1;
    this.mask = size - 1;
    const buf = new ArrayBuffer(size * stride * 2);
    this.table = new Int16Array(buf);
    this.ids = new Uint32Array(buf);
    this.filter = new Int32Array(1 << (FILTER_BITS - 5));
    for (let i = 0; i < keys.length; i++) {
      const top = keys[i]! >>> (32 - FILTER_BITS);
      this.filter[top >>> 5]! |= 1 << (top & 31);
      let h = keys[i]! & this.mask;
      while (this.table[h * stride + stride - 1] !== 0) h = (h + 1) & this.mask;
      this.ids[(h * stride) >> 1] = keys[i]!;
      for (let t = 0; t < n; t++) this.table[h * stride + 2 + t] = q[i * n + t]!;
      this.table[h * stride + stride - 1] = 1;
    }
  }

  /** Where a feature's weights start in `table`, or -1 when the model has no weights for it. */
  private rowOf(key: number): number {
    const top = key >>> (32 - FILTER_BITS);
    if ((this.filter[top >>> 5]! & (1 << (top & 31))) === 0) return -1;
    const table = this.table;
    const ids = this.ids;
    const stride = this.stride;
    const last = stride - 1;
    let h = key & this.mask;
    for (;;) {
      const o = h * stride;
      if (table[o + last] === 0) return -1;
      if (ids[o >> 1] === key) return o + 2;
      h = (h + 1) & this.mask;
    }
  }

  /** Adds the weights at `row` (from `rowOf`; none when negative) to `acc[base .. base + tags)`. */
  private addRow(row: number, acc: Int32Array, base: number): void {
    if (row < 0) return;
    const table = this.table;
    for (let t = 0; t < this.n; t++) acc[base + t]! += table[row + t]!;
  }

  /** Adds the weights of `feats[from .. to)` to `acc[base .. base + tags)`. */
  private addWeights(feats: Uint32Array, from: number, to: number, acc: Int32Array, base: number): void {
    for (let k = from; k < to; k++) this.addRow(this.rowOf(feats[k]!), acc, base);
  }

  /** The summed weights of `feats[0 .. end)`, one per tag. */
  private sum(end: number): Int32Array {
    const v = new Int32Array(this.n);
    this.addWeights(ctxFeats, 0, end, v, 0);
    return v;
  }

  /**
   * Makes room for `count` new form slots, so that the offsets handed out for one sentence stay
   * valid through it: the arena grows up to its bound, then starts over (a new epoch).
   */
  private reserve(count: number): void {
    let need = this.arenaUsed + count * this.slot;
    if (need <= this.arena.length) return;
    if (need > ARENA_MAX_FORMS * this.slot) {
      this.epoch++;
      this.arenaUsed = 0;
      need = count * this.slot;
      if (need <= this.arena.length) return;
    }
    // Grown (a sentence longer than the bound gets the room it needs all the same).
    let size = this.arena.length;
    while (size < need) size *= 2;
    const grown = new Int32Array(Math.max(need, Math.min(size, ARENA_MAX_FORMS * this.slot)));
    grown.set(this.arena.subarray(0, this.arenaUsed));
    this.arena = grown;
  }

  /** Where the slot of a token's form starts in the arena, filled on first use. */
  private formSlot(x: TokInfo): number {
    const nf = x.nf;
    if (nf && nf.cacheOwner === this && nf.cacheEpoch === this.epoch) return nf.cacheAt;
    const n = this.n;
    const at = this.arenaUsed;
    this.arenaUsed += this.slot;
    const arena = this.arena;
    arena.fill(0, at, at + FORM_GROUPS * n);
    arena.fill(-2, at + FORM_GROUPS * n, at + this.slot);
    formFeatureGroups(x, groupFeats, groupEnds);
    let from = 0;
    for (let g = 0; g < FORM_GROUPS; g++) {
      this.addWeights(groupFeats, from, groupEnds[g]!, arena, at + g * n);
      from = groupEnds[g]!;
    }
    if (nf) {
      nf.cacheOwner = this;
      nf.cacheEpoch = this.epoch;
      nf.cacheAt = at;
    }
    return at;
  }

  /**
   * Emission scores `em[j * tags + t]` (j below the sentence's length; the array is a shared
   * buffer, valid until the next call) for a sentence's token infos: the sums of the features of
   * `tokenFeatures` (and `stackFeatures` when `stacked`). The features that read one form alone
   * come summed per form (`formSlot`), those with small keys (states, shapes, name tags) summed
   * per key, those of a form with a neighbour's shape as rows kept on the form; only the rest are
   * looked up here. Scores are integers in the quantized units until the one final scaling, so
   * the order of the sums changes nothing.
   */
  emissions(infos: readonly TokInfo[], stacked: boolean): Float64Array {
    const n = this.n;
    const len = infos.length;
    const last = len - 1;
    // Slots of the tokens' forms, then of the padding before and after the sentence.
    this.reserve(len + 2);
    if (slotBuf.length < len + 2) slotBuf = new Int32Array(Math.max(len + 2, slotBuf.length * 2));
    const at = slotBuf;
    for (let j = 0; j < len; j++) at[j] = this.formSlot(infos[j]!);
    const bos = this.formSlot(PADDING.bos);
    const eos = this.formSlot(PADDING.eos);
    if (accBuf.length < len * n) {
      accBuf = new Int32Array(Math.max(len * n, accBuf.length * 2));
      emBuf = new Float64Array(accBuf.length);
    }
    const acc = accBuf;
    const arena = this.arena;
    const n2 = 2 * n;
    const n3 = 3 * n;
    const n4 = 4 * n;
    const lps = FORM_GROUPS * n;
    const snl = lps + SHAPES;
    for (let j = 0; j < len; j++) {
      const base = j * n;
      const c = infos[j]!;
      const pi = j >= 1 ? infos[j - 1]! : PADDING.bos;
      const ni = j < last ? infos[j + 1]! : PADDING.eos;
      const own = at[j]!;
      const pp = (j >= 2 ? at[j - 2]! : bos) + n;
      const nn = (j + 1 < last ? at[j + 2]! : eos) + n2;
      const pc = j >= 1 ? at[j - 1]! : bos;
      const nc = j < last ? at[j + 1]! : eos;
      const p = pc + n3;
      const q = nc + n4;
      const state = this.stateVec(c.quote, c.initial, c.doc, c.shape);
      const shapes = this.shapeVec(pi.shape, c.shape, ni.shape);
      const tags = this.tagVec(pi.tags, c.tags, ni.tags);
      for (let t = 0; t < n; t++) {
        acc[base + t] =
          arena[own + t]! +
          arena[pp + t]! +
          arena[nn + t]! +
          arena[p + t]! +
          arena[q + t]! +
          state[t]! +
          shapes[t]! +
          tags[t]!;
      }
      let row = arena[pc + lps + c.shape]!;
      if (row === -2) row = arena[pc + lps + c.shape] = this.rowOf(lemmaPrevShapeFeature(pi.lemma, c.shape));
      this.addRow(row, acc, base);
      row = arena[nc + snl + c.shape]!;
      if (row === -2) row = arena[nc + snl + c.shape] = this.rowOf(shapeNextLemmaFeature(c.shape, ni.lemma));
      this.addRow(row, acc, base);
      let k = pairFeatures(infos, j, ctxFeats, 0);
      if (stacked) k = stackFeatures(infos, j, ctxFeats, k);
      this.addWeights(ctxFeats, 0, k, acc, base);
    }
    const em = emBuf;
    const quant = this.quant;
    for (let i = 0; i < len * n; i++) em[i] = acc[i]! * quant;
    return em;
  }

  private stateVec(quote: number, initial: number, doc: number, shape: number): Int32Array {
    const key = ((doc * 2 + initial) * 2 + quote) * SHAPES + shape;
    let v = this.stateVecs[key];
    if (!v) v = this.stateVecs[key] = this.sum(stateFeatures(quote, initial, doc, shape, ctxFeats, 0));
    return v;
  }

  private shapeVec(prev: number, cur: number, next: number): Int32Array {
    const key = (prev * SHAPES + cur) * SHAPES + next;
    let v = this.shapeVecs[key];
    if (!v) v = this.shapeVecs[key] = this.sum(shapeFeatures(prev, cur, next, ctxFeats, 0));
    return v;
  }

  private tagVec(prev: number, cur: number, next: number): Int32Array {
    const key = (prev * 256 + cur) * 256 + next;
    let v = this.tagVecs.get(key);
    if (!v) {
      v = this.sum(tagFeatures(prev, cur, next, ctxFeats, 0));
      this.tagVecs.set(key, v);
    }
    return v;
  }
}

/** Scratch buffers of `Layer`: a form's grouped features, a token's other features, a sentence's form slots. */
const groupFeats = new Uint32Array(MAX_TOKEN_FEATURES);
const groupEnds = new Int32Array(FORM_GROUPS);
const ctxFeats = new Uint32Array(MAX_TOKEN_FEATURES);
let slotBuf = new Int32Array(256);
let accBuf = new Int32Array(4096);
let emBuf = new Float64Array(4096);

/**
 * A loaded model.
 *
 * @example const model = new NerModel(JSON.parse(json)); model.tag(doc, kb)
 */
export class NerModel {
  readonly tagSet: TagSet;
  readonly scale: number;
  readonly meta: Record<string, unknown>;
  private readonly layers: Layer[];

  constructor(data: NerModelData) {
    if (data.format !== 'annalist/ner@1')
      throw new Error(`not an annalist/ner@1 model: ${String(data.format)}`);
    this.tagSet = makeTagSet(data.scheme);
    if (this.tagSet.tags.join(' ') !== data.tags.join(' '))
      throw new Error('NER model tags do not match its scheme');
    if (data.layers.length < 1 || data.layers.length > 2)
      throw new Error('NER model needs one or two layers');
    this.scale = data.scale;
    this.meta = data.meta ?? {};
    this.layers = data.layers.map((l) => new Layer(l, this.tagSet.tags.length));
  }

  /** Number of features with weights, over all layers. */
  get size(): number {
    return this.layers.reduce((a, l) => a + l.size, 0);
  }

  /**
   * Tags the Russian sentences of a document whose tokens carry morphology. `forms` (from
   * `tokenForms(doc)`) saves looking up the tokens' forms when the caller has them.
   *
   * @example model.tag(doc, kb).filter((s) => s.type === 'PERSON')
   */
  tag(doc: Doc, kb?: Kb | null, withScores = true, forms?: readonly TokenForm[]): NerSpan[] {
    // A sentence with no capitalised word past its first, no Latin word and no quotation mark has
    // no name to find: skipping it saves the features of most plain sentences.
    const ranges = nerSentenceRanges(doc).filter(([a, b]) => mayHaveNames(doc, a, b));
    if (ranges.length === 0) return [];
    const infos = tokenInfos(doc, ranges, kb, forms);
    const sents = ranges.map(([a, b]) => infos.slice(a, b) as TokInfo[]);
    const first = this.layers[0]!;
    const second = this.layers[1];
    if (second) {
      const tags = sents.map((s) => viterbi(this.tagSet, first.emissions(s, false), first.trans, s.length));
      applyFirstPass(this.tagSet, infos, ranges, tags);
    }
    const last = second ?? first;
    const out: NerSpan[] = [];
    const n = this.tagSet.tags.length;
    for (let si = 0; si < sents.length; si++) {
      const a = ranges[si]![0];
      const len = sents[si]!.length;
      // Emissions and tags live in scratch buffers: each sentence is finished before the next.
      const em = last.emissions(sents[si]!, !!second);
      const t = viterbi(this.tagSet, em, last.trans, len, tagScratch(len));
      const spans = decodeSpans(this.tagSet, t);
      if (spans.length === 0) continue;
      // Marginals cost a forward-backward pass: only when the caller wants scores.
      const p = withScores ? marginals(this.tagSet, em, last.trans, len, this.scale) : null;
      for (const sp of spans) {
        let score = 1;
        if (p) for (let j = sp.start; j < sp.end; j++) score = Math.min(score, p[j * n + t[j]!]!);
        out.push({
          start: doc.tokens[a + sp.start]!.start,
          end: doc.tokens[a + sp.end - 1]!.end,
          type: TYPE_OUT[sp.type],
          score: Math.round(score * 1000) / 1000,
        });
      }
    }
    return out;
  }
}

let tagBuf = new Int32Array(256);

/** A scratch tag array of exactly `len` entries (a view of a shared buffer). */
function tagScratch(len: number): Int32Array {
  if (tagBuf.length < len) tagBuf = new Int32Array(Math.max(len, tagBuf.length * 2));
  return tagBuf.subarray(0, len);
}

function mayHaveNames(doc: Doc, a: number, b: number): boolean {
  for (let i = a; i < b; i++) {
    const t = doc.tokens[i]!;
    if (t.kind !== 'word' && t.text !== '«' && t.text !== '"') continue;
    const c = t.text.charCodeAt(0);
    if (t.text === '«' || t.text === '"') return true;
    // Latin letters, or an upper-case letter after the first word of the sentence.
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
    if (i > a && t.text[0] !== t.text[0]!.toLowerCase()) return true;
  }
  return false;
}

let shipped: NerModel | null = null;

/**
 * Makes `loadNerModel` return `model` from now on (null: the shipped model again). For
 * cross-validation, where each fold's documents must be tagged by a model that has not seen them;
 * stages created afterwards pick it up.
 *
 * @example useNerModel(new NerModel(foldData)); const pipeline = await createPipeline();
 */
export function useNerModel(model: NerModel | null): void {
  shipped = model;
}

/**
 * The shipped model (src/generated/ner-ru.json), loaded on first use.
 *
 * @example loadNerModel().meta.trainedOn // 'factRuEval-2016 devset'
 */
export function loadNerModel(): NerModel {
  if (shipped) return shipped;
  const require = createRequire(import.meta.url);
  shipped = new NerModel(require('../generated/ner-ru.json') as NerModelData);
  return shipped;
}

/**
 * Person, place and organization names in the Russian sentences of `doc` (tokens must already
 * carry morphology; pass the KB for its gazetteer features). Spans are in text order.
 *
 * @example
 * tagNer(doc, kb)
 * // [{ start: 23, end: 37, type: 'PERSON', score: 0.99 }, …]  for "… министр финансов Антон Силуанов …"
 */
export function tagNer(
  doc: Doc,
  kb?: Kb | null,
  model: NerModel = loadNerModel(),
  withScores = true,
  forms?: readonly TokenForm[],
): NerSpan[] {
  return model.tag(doc, kb, withScores, forms);
}
