/**
 * Trains the Russian named-entity tagger of src/entities/ner.ts on the factRuEval-2016 devset (MIT
 * licence) and writes src/generated/ner-ru.json. The factRuEval test set is never read here.
 *
 * The documents go through the pipeline's segment, langid and morph stages; the gold spans, in the
 * convention the project's evaluation scores (eval/score/factru.ts: a person from its first to its
 * last name part, organizations and places by their name parts, LocOrg as LOC), are aligned to our
 * tokens, and a structured averaged perceptron over BILOU tags is trained with Viterbi decoding.
 *
 * Settings (epochs, the scale of the span confidences) are chosen by 5-fold cross-validation over
 * the devset documents, which also gives the reported P/R/F per type (pooled over the folds; fold 0
 * alone is a plain 80/20 hold-out and is printed too). The shipped model is then trained on the
 * whole devset.
 *
 * Experiments kept as options (none beat the plain model in cross-validation, so the defaults are
 * off): `--stack` adds a second pass that also reads the first pass's tags of the neighbours and of
 * the other occurrences of the word in the document (trained on 5-way jackknifed first-pass tags);
 * `--dropout P` hides the identity of a word with probability P during training; `--min-count N`
 * ignores features seen fewer than N times; `--scheme BIO` instead of BILOU; `--no-kb` without the
 * gazetteer features.
 *
 * `--cv-models DIR` also writes one model per fold (trained without it) and the fold's document
 * ids, for whole-system cross-validated scores with scripts/cv-ner-system.ts.
 *
 *   npx tsx scripts/train-ner.ts [--data ../shared/data] [--epochs N] [--max-epochs 20] [--eval-only]
 *                                [--dump errors.tsv] [--cv-models DIR] [--out src/generated/ner-ru.json]
 *                                [experiments]
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Doc } from '../src/doc.js';
import { loadFactru, type FactruDoc } from '../eval/data/factru.js';
import { goldFactruSpans, scoreFactru } from '../eval/score/factru.js';
import { alignedSpans, dropOverlapping, type TypedSpan } from '../eval/score/spans.js';
import {
  applyFirstPass,
  decodeSpans,
  encodeTags,
  LEXICAL_FEATURES,
  makeTagSet,
  marginals,
  nerSentenceRanges,
  sentenceFeatures,
  tokenInfos,
  viterbi,
  type NerType,
  type TokInfo,
  type TokenSpan,
} from '../src/entities/ner-features.js';
import { NerModel, type NerLayerData, type NerModelData } from '../src/entities/ner.js';
import { loadKb, shippedKbPath, type Kb } from '../src/kb/kb.js';
import { createPipeline } from '../src/pipeline/pipeline.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({
  options: {
    data: { type: 'string', default: join(root, '..', 'shared', 'data') },
    epochs: { type: 'string' },
    epochs2: { type: 'string' },
    'max-epochs': { type: 'string', default: '20' },
    scheme: { type: 'string', default: 'BILOU' },
    stack: { type: 'boolean', default: false },
    'no-kb': { type: 'boolean', default: false },
    'eval-only': { type: 'boolean', default: false },
    out: { type: 'string', default: join(root, 'src', 'generated', 'ner-ru.json') },
    seed: { type: 'string', default: '7' },
    folds: { type: 'string', default: '5' },
    dump: { type: 'string' },
    'min-count': { type: 'string', default: '1' },
    dropout: { type: 'string', default: '0' },
    'cv-models': { type: 'string' },
  },
});
const dataDir = resolve(opts.data!);
const scheme = opts.scheme === 'BIO' ? 'BIO' : 'BILOU';
const ts = makeTagSet(scheme);
const NT = ts.tags.length;
const stacking = opts.stack === true;
const seed = Number(opts.seed);
const folds = Math.max(2, Number(opts.folds));
const maxEpochs = Number(opts['max-epochs']);
const JACKKNIFE = 5;
const minCount = Number(opts['min-count']);
const dropout = Number(opts.dropout);
const dropRand = rng(seed + 2);

// ---------------------------------------------------------------------------------------------
// Data

if (!existsSync(join(dataDir, 'factRuEval-2016', 'devset'))) {
  console.error(
    `train-ner: ${join(dataDir, 'factRuEval-2016', 'devset')} is missing. The factRuEval-2016 devset is ` +
      'needed to train the tagger; put the shared data folder there or pass --data DIR.',
  );
  process.exit(2);
}

/** The KB for gazetteer features: the shipped compiled one, else compiled in memory from data/kb. */
async function kbForTraining(): Promise<Kb | null> {
  if (opts['no-kb']) return null;
  if (existsSync(shippedKbPath())) return loadKb();
  const { packKb, defaultLemmatizer } = await import('../src/kb/pack.js');
  const r = await packKb({
    kbDir: join(root, 'data', 'kb'),
    lexiconDir: join(root, 'data', 'lexicon'),
    lemmatize: await defaultLemmatizer(),
    displayRoot: root,
  });
  console.log(
    `KB: ${shippedKbPath()} absent; compiled data/kb in memory (${r.compiled.entities.length} entities)`,
  );
  return loadKb({ compiled: r.compiled });
}

interface Sent {
  infos: TokInfo[];
  /** First-pass feature rows per token: `rows[offsets[j] .. offsets[j + 1])`. */
  rows: Int32Array;
  offsets: Int32Array;
  /** Second-pass feature rows (set by `setFirstPass`). */
  rows2: Int32Array;
  offsets2: Int32Array;
  gold: Int32Array;
}

interface Prepared {
  fdoc: FactruDoc;
  doc: Doc;
  gold: TypedSpan[];
  ranges: Array<[number, number]>;
  infos: (TokInfo | undefined)[];
  sents: Sent[];
}

const featureRow = new Map<number, number>();
const rowKeys: number[] = [];

/** Row of a feature; a new one gets a row only when `add` (features first met at evaluation have no weights). */
function rowOf(f: number, add: boolean): number {
  let r = featureRow.get(f);
  if (r === undefined) {
    if (!add) return -1;
    r = rowKeys.length;
    featureRow.set(f, r);
    rowKeys.push(f);
  }
  return r;
}

function featureRows(
  infos: TokInfo[],
  stacked: boolean,
  add: boolean,
): { rows: Int32Array; offsets: Int32Array } {
  const { feats, offsets } = sentenceFeatures(infos, stacked);
  const rows = new Int32Array(feats.length);
  for (let k = 0; k < feats.length; k++) rows[k] = rowOf(feats[k]!, add);
  return { rows, offsets };
}

const pipeline = await createPipeline({ stages: ['segment', 'langid', 'morph'] });
const kb = await kbForTraining();
const fdocs = loadFactru(dataDir, 'dev');
let misaligned = 0;
let outside = 0;
let goldTotal = 0;
const prepared: Prepared[] = fdocs.map((fdoc) => {
  const doc = pipeline.process({ text: fdoc.text, id: fdoc.id });
  const gold = goldFactruSpans(fdoc);
  const ranges = nerSentenceRanges(doc);
  const infos = tokenInfos(doc, ranges, kb);
  const startTok = new Map<number, number>();
  const endTok = new Map<number, number>();
  doc.tokens.forEach((t, i) => {
    startTok.set(t.start, i);
    endTok.set(t.end, i);
  });
  const bySentence = new Map<number, TokenSpan[]>();
  for (const g of gold) {
    goldTotal++;
    const a = startTok.get(g.start);
    const b = endTok.get(g.end);
    if (a === undefined || b === undefined || b < a) {
      misaligned++;
      continue;
    }
    const ri = ranges.findIndex(([s, e]) => a >= s && b < e);
    if (ri < 0) {
      outside++;
      continue;
    }
    const [s] = ranges[ri]!;
    const list = bySentence.get(ri) ?? [];
    list.push({ start: a - s, end: b + 1 - s, type: g.type as NerType });
    bySentence.set(ri, list);
  }
  const sents: Sent[] = ranges.map(([s, e], ri) => {
    const si = infos.slice(s, e) as TokInfo[];
    const { rows, offsets } = featureRows(si, false, true);
    const gold = encodeTags(ts, e - s, bySentence.get(ri) ?? []);
    return { infos: si, rows, offsets, rows2: rows, offsets2: offsets, gold };
  });
  return { fdoc, doc, gold, ranges, infos, sents };
});
console.log(
  `factRuEval devset: ${prepared.length} documents, ${goldTotal} gold spans ` +
    `(${misaligned} not on our token boundaries, ${outside} outside Russian sentences); ${scheme} tags`,
);

// ---------------------------------------------------------------------------------------------
// Averaged structured perceptron

function rng(s0: number): () => number {
  let s = s0 >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function shuffle<T>(a: T[], rand: () => number): T[] {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** Averaged weights of a perceptron: `w[row * NT + tag]` and transitions. */
interface Weights {
  w: Float64Array;
  tw: Float64Array;
  stacked: boolean;
}

class Perceptron {
  readonly w: Float64Array;
  readonly u: Float64Array;
  readonly tw = new Float64Array((NT + 1) * NT);
  readonly tu = new Float64Array((NT + 1) * NT);
  c = 1;
  /** Rows seen fewer than `--min-count` times in the training sentences: never updated. */
  readonly rare: Uint8Array;

  constructor(
    readonly rows: number,
    readonly stacked: boolean,
    sents: readonly Sent[],
  ) {
    this.w = new Float64Array(rows * NT);
    this.u = new Float64Array(rows * NT);
    this.rare = new Uint8Array(rows);
    if (minCount > 1) {
      const count = new Uint16Array(rows);
      for (const s of sents)
        for (const r of stacked ? s.rows2 : s.rows) if (r >= 0 && r < rows && count[r]! < 65535) count[r]!++;
      for (let r = 0; r < rows; r++) if (count[r]! < minCount) this.rare[r] = 1;
    }
  }

  train(s: Sent): void {
    const n = s.infos.length;
    const offsets = this.stacked ? s.offsets2 : s.offsets;
    let rows = this.stacked ? s.rows2 : s.rows;
    if (dropout > 0) {
      // Word dropout: hide the identity of some words so that context and morphology learn too.
      rows = rows.slice();
      for (let j = 0; j < n; j++) {
        if (dropRand() >= dropout) continue;
        for (let k = 1; k <= LEXICAL_FEATURES; k++) rows[offsets[j]! + k] = -1;
      }
    }
    const pred = viterbi(ts, emissionsOf(n, rows, offsets, this.w, this.rows), this.tw, n);
    const c = this.c;
    for (let j = 0; j < n; j++) {
      const g = s.gold[j]!;
      const p = pred[j]!;
      if (g !== p) {
        for (let k = offsets[j]!; k < offsets[j + 1]!; k++) {
          const r = rows[k]!;
          if (r < 0 || r >= this.rows || this.rare[r]) continue;
          const o = r * NT;
          this.w[o + g]! += 1;
          this.u[o + g]! += c;
          this.w[o + p]! -= 1;
          this.u[o + p]! -= c;
        }
      }
      const gp = j === 0 ? 0 : s.gold[j - 1]! + 1;
      const pp = j === 0 ? 0 : pred[j - 1]! + 1;
      if (g !== p || gp !== pp) {
        this.tw[gp * NT + g]! += 1;
        this.tu[gp * NT + g]! += c;
        this.tw[pp * NT + p]! -= 1;
        this.tu[pp * NT + p]! -= c;
      }
    }
    this.c++;
  }

  averaged(): Weights {
    const w = new Float64Array(this.w.length);
    for (let i = 0; i < w.length; i++) w[i] = this.w[i]! - this.u[i]! / this.c;
    const tw = new Float64Array(this.tw.length);
    for (let i = 0; i < tw.length; i++) tw[i] = this.tw[i]! - this.tu[i]! / this.c;
    return { w, tw, stacked: this.stacked };
  }
}

function emissions(s: Sent, w: Float64Array, stacked: boolean): Float64Array {
  return emissionsOf(
    s.infos.length,
    stacked ? s.rows2 : s.rows,
    stacked ? s.offsets2 : s.offsets,
    w,
    w.length / NT,
  );
}

function emissionsOf(
  n: number,
  rows: Int32Array,
  offsets: Int32Array,
  w: Float64Array,
  limit: number,
): Float64Array {
  const em = new Float64Array(n * NT);
  for (let j = 0; j < n; j++) {
    for (let k = offsets[j]!; k < offsets[j + 1]!; k++) {
      const r = rows[k]!;
      if (r < 0 || r >= limit) continue;
      const o = r * NT;
      for (let t = 0; t < NT; t++) em[j * NT + t]! += w[o + t]!;
    }
  }
  return em;
}

function train(
  docs: Prepared[],
  epochs: number,
  stacked: boolean,
  each?: (epoch: number, p: Perceptron) => void,
): Perceptron {
  const sents = docs.flatMap((d) => d.sents);
  const p = new Perceptron(rowKeys.length, stacked, sents);
  const rand = rng(seed + 1);
  for (let e = 1; e <= epochs; e++) {
    for (const s of shuffle(sents, rand)) p.train(s);
    each?.(e, p);
  }
  return p;
}

/** Best tags of each sentence of a document. */
function tagDoc(d: Prepared, m: Weights): Int32Array[] {
  return d.sents.map((s) => viterbi(ts, emissions(s, m.w, m.stacked), m.tw, s.infos.length));
}

/** Gives a document the first pass's tags and recomputes its second-pass features. */
function setFirstPass(d: Prepared, m: Weights, add: boolean): void {
  applyFirstPass(ts, d.infos, d.ranges, tagDoc(d, m));
  for (const s of d.sents) {
    const { rows, offsets } = featureRows(s.infos, true, add);
    s.rows2 = rows;
    s.offsets2 = offsets;
  }
}

/** First-pass tags for every document from a model trained on the other parts (k-way jackknife). */
function jackknife(docs: Prepared[], epochs: number): void {
  for (let j = 0; j < JACKKNIFE; j++) {
    const part = docs.filter((_, i) => i % JACKKNIFE === j);
    const rest = docs.filter((_, i) => i % JACKKNIFE !== j);
    const m = train(rest, epochs, false).averaged();
    for (const d of part) setFirstPass(d, m, true);
  }
}

// ---------------------------------------------------------------------------------------------
// Evaluation

const SCALES = [0.01, 0.02, 0.03, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.5, 1];

interface Held {
  d: Prepared;
  pred: TypedSpan[];
  /** Sum over the document's tokens of the log-probability of the gold tag, per scale. */
  ll: number[];
}

function predictDoc(d: Prepared, m: Weights): Held {
  const pred: TypedSpan[] = [];
  const ll = SCALES.map(() => 0);
  d.sents.forEach((s, si) => {
    const n = s.infos.length;
    const em = emissions(s, m.w, m.stacked);
    const tags = viterbi(ts, em, m.tw, n);
    const base = d.ranges[si]![0];
    for (const sp of decodeSpans(ts, tags)) {
      pred.push({
        start: d.doc.tokens[base + sp.start]!.start,
        end: d.doc.tokens[base + sp.end - 1]!.end,
        type: sp.type,
      });
    }
    SCALES.forEach((sc, k) => {
      const p = marginals(ts, em, m.tw, n, sc);
      for (let j = 0; j < n; j++) ll[k]! += Math.log(Math.max(1e-12, p[j * NT + s.gold[j]!]!));
    });
  });
  return { d, pred, ll };
}

interface Scores {
  line: string;
  /** Exact-span micro F1 and token-level micro F1, averaged: what the epoch choice maximises. */
  score: number;
}

function score(rows: Held[]): Scores {
  const r = scoreFactru(
    rows.map(({ d, pred }) => ({
      doc: d.fdoc,
      gold: d.gold,
      pred: alignedSpans(dropOverlapping(pred), d.fdoc.tokens),
    })),
  );
  const parts: string[] = [];
  for (const t of ['PER', 'LOC', 'ORG']) {
    const e = r.exact.perType[t]!;
    const k = r.tokens.perType[t]!;
    parts.push(
      `${t} P ${e.precision.toFixed(3)} R ${e.recall.toFixed(3)} F ${e.f1.toFixed(3)} (tok F ${k.f1.toFixed(3)})`,
    );
  }
  parts.push(`micro F ${r.exact.micro.f1.toFixed(3)} (tok ${r.tokens.micro.f1.toFixed(3)})`);
  return { line: parts.join(' | '), score: (r.exact.micro.f1 + r.tokens.micro.f1) / 2 };
}

/** The best scale of the span confidences: highest mean log-probability of the gold tags. */
function bestScale(rows: Held[]): number {
  let tokens = 0;
  for (const { d } of rows) for (const s of d.sents) tokens += s.infos.length;
  let best = -Infinity;
  let scale = SCALES[0]!;
  SCALES.forEach((sc, k) => {
    let sum = 0;
    for (const r of rows) sum += r.ll[k]!;
    if (sum / tokens > best) {
      best = sum / tokens;
      scale = sc;
    }
  });
  return scale;
}

/** Writes the spurious and missed spans of each held-out document, with context, for error analysis. */
function writeErrors(file: string, rows: Held[]): void {
  const lines: string[] = [];
  const key = (s: TypedSpan): string => `${s.start}:${s.end}:${s.type}`;
  for (const { d, pred } of rows) {
    const p = alignedSpans(dropOverlapping(pred), d.fdoc.tokens);
    const gk = new Set(d.gold.map(key));
    const pk = new Set(p.map(key));
    const text = d.fdoc.text;
    const ctx = (s: TypedSpan): string =>
      `${text.slice(Math.max(0, s.start - 40), s.start)}[${text.slice(s.start, s.end)}]${text.slice(s.end, s.end + 40)}`.replace(
        /\s+/g,
        ' ',
      );
    for (const s of p) if (!gk.has(key(s))) lines.push(`FP\t${s.type}\t${d.fdoc.id}\t${ctx(s)}`);
    for (const s of d.gold) if (!pk.has(key(s))) lines.push(`FN\t${s.type}\t${d.fdoc.id}\t${ctx(s)}`);
  }
  writeFileSync(file, lines.join('\n') + '\n');
  console.log(`errors written to ${file}`);
}

/**
 * Cross-validates one pass: for each fold, `prepare` readies the documents (the second pass needs
 * first-pass tags), then a model is trained for `epochs` epochs and scored on the held-out fold
 * after each. Returns the chosen epoch count (unless `fixed`) and the pooled held-out results.
 */
function crossValidate(
  label: string,
  stacked: boolean,
  epochs: number,
  fixed: boolean,
  prepare?: (trainDocs: Prepared[], heldDocs: Prepared[]) => void,
): { epochs: number; held: Held[] } {
  const order = shuffle(
    prepared.map((_, i) => i),
    rng(seed),
  );
  const byEpoch: Held[][] = [];
  for (let f = 0; f < folds; f++) {
    const held = new Set(order.filter((_, k) => k % folds === f));
    const trainDocs = prepared.filter((_, i) => !held.has(i));
    const heldDocs = prepared.filter((_, i) => held.has(i));
    prepare?.(trainDocs, heldDocs);
    train(trainDocs, epochs, stacked, (e, p) => {
      const m = p.averaged();
      const rows = (byEpoch[e] ??= []);
      for (const d of heldDocs) rows.push(predictDoc(d, m));
    });
    if (f === 0) {
      console.log(`${label}: fold 0 alone (80/20 hold-out, ${heldDocs.length} documents held out):`);
      for (let e = 1; e <= epochs; e++)
        console.log(`  epoch ${String(e).padStart(2)}  ${score(byEpoch[e]!.slice()).line}`);
    }
  }
  let chosen = epochs;
  let best = -1;
  console.log(`${label}: ${folds}-fold cross-validation, pooled:`);
  for (let e = 1; e <= epochs; e++) {
    const s = score(byEpoch[e]!);
    console.log(`  epoch ${String(e).padStart(2)}  ${s.line}`);
    if (!fixed && s.score > best + 1e-9) {
      best = s.score;
      chosen = e;
    }
  }
  console.log(`${label}: chosen ${chosen} epochs`);
  return { epochs: chosen, held: byEpoch[chosen]! };
}

// ---------------------------------------------------------------------------------------------
// Cross-validation, then the final model

const cv1 = crossValidate('pass 1', false, opts.epochs ? Number(opts.epochs) : maxEpochs, !!opts.epochs);
const epochs1 = cv1.epochs;
let final = cv1;
let epochs2 = 0;
if (stacking) {
  const cv2 = crossValidate(
    'pass 2',
    true,
    opts.epochs2 ? Number(opts.epochs2) : maxEpochs,
    !!opts.epochs2,
    (trainDocs, heldDocs) => {
      jackknife(trainDocs, epochs1);
      const m1 = train(trainDocs, epochs1, false).averaged();
      for (const d of heldDocs) setFirstPass(d, m1, false);
    },
  );
  epochs2 = cv2.epochs;
  final = cv2;
}
const scale = bestScale(final.held);
const cvReport = score(final.held).line;
console.log(`confidence scale ${scale}`);
console.log(`cross-validated (${folds}-fold, devset): ${cvReport}`);
if (opts.dump) writeErrors(opts.dump, final.held);
if (opts['cv-models']) writeFoldModels(opts['cv-models']);
if (opts['eval-only']) process.exit(0);

const layers: Weights[] = [train(prepared, epochs1, false).averaged()];
if (stacking) {
  jackknife(prepared, epochs1);
  layers.push(train(prepared, epochs2, true).averaged());
}

/** Drops features whose weights are all negligible, then quantizes to int16. */
function exportLayer(m: Weights): NerLayerData {
  const { w, tw } = m;
  let maxAbs = 0;
  for (let i = 0; i < w.length; i++) maxAbs = Math.max(maxAbs, Math.abs(w[i]!));
  const quant = maxAbs / 32767;
  const kept: number[] = [];
  for (let r = 0; r < w.length / NT; r++) {
    let big = false;
    for (let t = 0; t < NT && !big; t++) big = Math.abs(w[r * NT + t]!) >= quant * 2;
    if (big) kept.push(r);
  }
  kept.sort((a, b) => rowKeys[a]! - rowKeys[b]!);
  const keys = new Uint32Array(kept.length);
  const weights = new Int16Array(kept.length * NT);
  kept.forEach((r, i) => {
    keys[i] = rowKeys[r]!;
    for (let t = 0; t < NT; t++) weights[i * NT + t] = Math.round(w[r * NT + t]! / quant);
  });
  return {
    quant,
    trans: Array.from(tw, (x) => Math.round(x * 1e4) / 1e4),
    keys: Buffer.from(keys.buffer).toString('base64'),
    weights: Buffer.from(weights.buffer).toString('base64'),
  };
}

/**
 * Writes one model per cross-validation fold, trained without that fold's documents, and the ids
 * each fold holds out (folds.json): whole-system scores on the devset are honest only with them
 * (see scripts/cv-system.ts), since the shipped model has seen every devset document.
 */
function writeFoldModels(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const order = shuffle(
    prepared.map((_, i) => i),
    rng(seed),
  );
  const held: string[][] = [];
  for (let f = 0; f < folds; f++) {
    const out = new Set(order.filter((_, k) => k % folds === f));
    const m = train(
      prepared.filter((_, i) => !out.has(i)),
      epochs1,
      false,
    ).averaged();
    held.push(prepared.filter((_, i) => out.has(i)).map((d) => d.fdoc.id));
    const data: NerModelData = {
      format: 'annalist/ner@1',
      scheme,
      tags: [...ts.tags],
      scale,
      layers: [exportLayer(m)],
    };
    writeFileSync(join(dir, `fold${f}.json`), JSON.stringify(data));
  }
  writeFileSync(join(dir, 'folds.json'), JSON.stringify(held));
  console.log(`fold models written to ${dir}`);
}

const model: NerModelData = {
  format: 'annalist/ner@1',
  scheme,
  tags: [...ts.tags],
  scale,
  layers: layers.map(exportLayer),
  meta: {
    trainedOn: 'factRuEval-2016 devset',
    documents: prepared.length,
    epochs: stacking ? [epochs1, epochs2] : [epochs1],
    kbEntities: kb ? kb.size : 0,
    crossValidated: cvReport,
  },
};

// The serialized model must tag the devset as the trainer's weights do (quantization aside).
const check = new NerModel(model);
let same = 0;
let total = 0;
for (const d of prepared) {
  let last = layers[0]!;
  if (stacking) {
    setFirstPass(d, layers[0]!, false);
    last = layers[1]!;
  }
  const direct = tagDoc(d, last).flatMap((tags, si) =>
    decodeSpans(ts, tags).map((sp) => `${d.doc.tokens[d.ranges[si]![0] + sp.start]!.start}:${sp.type}`),
  );
  const loaded = new Set(
    check.tag(d.doc, kb).map((s) => `${s.start}:${s.type === 'PERSON' ? 'PER' : s.type}`),
  );
  total += direct.length;
  for (const k of direct) if (loaded.has(k)) same++;
}
console.log(`serialized model check: ${same} of ${total} spans identical`);
const json = JSON.stringify(model);
writeFileSync(opts.out!, json + '\n');
console.log(
  `wrote ${opts.out} (${model.layers.map((l) => Buffer.from(l.keys, 'base64').length / 4).join(' + ')} features, ${(json.length / 1e6).toFixed(2)} MB)`,
);
