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
import {
  applyFirstPass,
  decodeSpans,
  makeTagSet,
  marginals,
  nerSentenceRanges,
  sentenceFeatures,
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

/** One loaded perceptron: an open-addressing table from feature id to its row of weights. */
class Layer {
  readonly trans: Float64Array;
  /** Number of features with weights. */
  readonly size: number;
  /** Quantized weights, `row × tags`; scores are summed in these units and scaled once. */
  private readonly weights: Int16Array;
  private readonly quant: number;
  /** Two words per slot: the feature id and its row + 1 (0 when the slot is empty). */
  private readonly slots: Uint32Array;
  private readonly mask: number;

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
    this.weights = q;
    this.quant = data.quant;
    // At most half full, so that a miss (most lookups) usually ends at the first slot it probes.
    let size = 1;
    while (size < keys.length * 2) size <<= 1;
    this.mask = size - 1;
    this.slots = new Uint32Array(size * 2);
    for (let i = 0; i < keys.length; i++) {
      let h = keys[i]! & this.mask;
      while (this.slots[h * 2 + 1] !== 0) h = (h + 1) & this.mask;
      this.slots[h * 2] = keys[i]!;
      this.slots[h * 2 + 1] = i + 1;
    }
  }

  /** Emission scores `em[j * tags + t]` for a sentence's token infos. */
  emissions(infos: readonly TokInfo[], stacked: boolean): Float64Array {
    const n = this.n;
    const { feats, offsets } = sentenceFeatures(infos, stacked);
    const em = new Float64Array(infos.length * n);
    const w = this.weights;
    const slots = this.slots;
    const wrap = this.mask * 2 + 1;
    for (let j = 0; j < infos.length; j++) {
      const base = j * n;
      const end = offsets[j + 1]!;
      for (let k = offsets[j]!; k < end; k++) {
        const key = feats[k]!;
        let h = (key << 1) & wrap;
        let r = slots[h + 1]!;
        while (r !== 0 && slots[h] !== key) {
          h = (h + 2) & wrap;
          r = slots[h + 1]!;
        }
        if (r === 0) continue;
        const o = (r - 1) * n;
        for (let t = 0; t < n; t++) em[base + t]! += w[o + t]!;
      }
    }
    const q = this.quant;
    for (let i = 0; i < em.length; i++) em[i]! *= q;
    return em;
  }
}

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
   * Tags the Russian sentences of a document whose tokens carry morphology.
   *
   * @example model.tag(doc, kb).filter((s) => s.type === 'PERSON')
   */
  tag(doc: Doc, kb?: Kb | null, withScores = true): NerSpan[] {
    const ranges = nerSentenceRanges(doc);
    if (ranges.length === 0) return [];
    const infos = tokenInfos(doc, ranges, kb);
    const sents = ranges.map(([a, b]) => infos.slice(a, b) as TokInfo[]);
    const first = this.layers[0]!;
    let last = first;
    let ems = sents.map((s) => first.emissions(s, false));
    let tags = ems.map((em, i) => viterbi(this.tagSet, em, first.trans, sents[i]!.length));
    const second = this.layers[1];
    if (second) {
      applyFirstPass(this.tagSet, infos, ranges, tags);
      last = second;
      ems = sents.map((s) => second.emissions(s, true));
      tags = ems.map((em, i) => viterbi(this.tagSet, em, second.trans, sents[i]!.length));
    }
    const out: NerSpan[] = [];
    const n = this.tagSet.tags.length;
    ranges.forEach(([a], si) => {
      const t = tags[si]!;
      const spans = decodeSpans(this.tagSet, t);
      if (spans.length === 0) return;
      // Marginals cost a forward-backward pass: only when the caller wants scores.
      const p = withScores ? marginals(this.tagSet, ems[si]!, last.trans, t.length, this.scale) : null;
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
    });
    return out;
  }
}

let shipped: NerModel | null = null;

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
): NerSpan[] {
  return model.tag(doc, kb, withScores);
}
