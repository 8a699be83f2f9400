/**
 * Runs one evaluation set end to end: load the gold, run the system on every document, score, and
 * describe the result (for people: lines of text; for machines: a JSON object; for error analysis:
 * the documents with their mistakes).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadBsnlp, BSNLP_READABLE_ID_TOPICS } from './data/bsnlp.js';
import { loadConll, type ConllDoc } from './data/conll.js';
import { loadFactru } from './data/factru.js';
import { loadGoldDir } from './data/gold.js';
import { loadNamePairs } from './data/names.js';
import { loadNerel } from './data/nerel.js';
import { loadPetrarch, loadPetrarchActors } from './data/petrarch.js';
import { loadPlover } from './data/plover.js';
import type { ErrorDoc } from './errors.js';
import { f3, prfJson, shareJson, shareText, table } from './format.js';
import { loadNameMatcher } from './names-matcher.js';
import { dataDir } from './paths.js';
import { loadCompromise, loadWink, type Peer } from './peers.js';
import { predictedMentions, predictedValues } from './predict.js';
import { predBsnlpForms, scoreBsnlp } from './score/bsnlp.js';
import { conllCharSpans, CONLL_TYPES, scoreConll } from './score/conll.js';
import { FACTRU_TYPES, goldFactruSpans, predFactruSpans, scoreFactru } from './score/factru.js';
import { scoreGold } from './score/gold.js';
import { scoreNames } from './score/names.js';
import { goldNerelSpans, NEREL_TYPES, predNerelSpans, scoreNerel } from './score/nerel.js';
import { scorePetrarch } from './score/petrarch.js';
import { scorePlover } from './score/plover.js';
import type { PRF } from './score/prf.js';
import type { SpanDocResult, SpanScore, TypedSpan } from './score/spans.js';
import { ourSystem, type System } from './system.js';

export type Split = 'dev' | 'test';

export const SETS = ['factru', 'nerel', 'bsnlp', 'conll', 'names', 'plover', 'petrarch', 'gold'] as const;
export type SetName = (typeof SETS)[number];

export interface EvalOptions {
  /** Data folder (default ../shared/data). */
  data?: string;
  split?: Split;
  /** Only the first N documents (pairs for `names`). */
  limit?: number;
  /** The gold folder for `gold` (default: the shared seed folder). */
  goldDir?: string;
  /** The system to evaluate (default: our pipeline with its default stages). */
  system?: System;
  /** Also score the peers where the set allows it (CoNLL). Default true. */
  peers?: boolean;
}

export interface SetResult {
  set: SetName;
  split: Split | null;
  docs: number;
  seconds: number;
  system: string;
  stages: readonly string[];
  /** The numbers, for `--json` and RESULTS.md. */
  metrics: Record<string, unknown>;
  /** What a person reads. */
  lines: string[];
  /** Per-document mistakes, for `--errors`. */
  errorDocs: ErrorDoc[];
  /** Item-level mistakes of sets without text spans (names, plover). */
  errorLines: string[];
  notes: string[];
}

const perTypeJson = (s: SpanScore): Record<string, unknown> => {
  const out: Record<string, unknown> = { micro: prfJson(s.micro) };
  for (const [t, p] of Object.entries(s.perType)) out[t] = prfJson(p);
  return out;
};

const prfRow = (label: string, p: PRF): string[] => [
  label,
  f3(p.precision),
  f3(p.recall),
  f3(p.f1),
  String(p.tp + p.fn),
];

function spanErrorDocs(
  items: ReadonlyArray<{ id: string; text: string }>,
  results: SpanDocResult[],
  toChars: (i: number, s: TypedSpan) => TypedSpan = (_i, s) => s,
): ErrorDoc[] {
  return items.map((d, i) => {
    const r = results[i]!;
    return {
      id: d.id,
      text: d.text,
      fp: r.fp.map((s) => toChars(i, s)),
      fn: r.fn.map((s) => toChars(i, s)),
      tp: r.tp.length,
    };
  });
}

async function systemFor(opts: EvalOptions): Promise<System> {
  return opts.system ?? (await ourSystem());
}

function base(
  set: SetName,
  split: Split | null,
  sys: System,
  started: number,
): Omit<SetResult, 'docs' | 'metrics' | 'lines'> {
  return {
    set,
    split,
    seconds: Math.round((performance.now() - started) / 10) / 100,
    system: sys.name,
    stages: sys.stages,
    errorDocs: [],
    errorLines: [],
    notes: [],
  };
}

function entityNote(sys: System): string[] {
  return sys.writes.has('entities')
    ? []
    : [`no stage writes entities (pipeline: ${sys.stages.join(', ')}): entity scores are 0 until one does`];
}

function eventNote(sys: System): string[] {
  return sys.writes.has('events')
    ? []
    : [`no stage writes events (pipeline: ${sys.stages.join(', ')}): event scores are 0`];
}

/** factRuEval-2016: PER/LOC/ORG, Natasha token-level convention and exact spans. */
export async function evalFactru(opts: EvalOptions = {}): Promise<SetResult> {
  const split = opts.split ?? 'test';
  const docs = loadFactru(dataDir(opts.data), split, opts.limit);
  const sys = await systemFor(opts);
  const started = performance.now();
  const items = docs.map((doc) => {
    const { json } = sys.run({ text: doc.text, source: `factRuEval-2016/${doc.id}` });
    return { doc, gold: goldFactruSpans(doc), pred: predFactruSpans(doc, predictedMentions(json)) };
  });
  const score = scoreFactru(items);
  const rows = FACTRU_TYPES.map((t) => {
    const a = score.tokens.perType[t]!;
    const b = score.exact.perType[t]!;
    return [t, f3(a.precision), f3(a.recall), f3(a.f1), f3(b.precision), f3(b.recall), f3(b.f1)];
  });
  rows.push([
    'micro',
    f3(score.tokens.micro.precision),
    f3(score.tokens.micro.recall),
    f3(score.tokens.micro.f1),
    f3(score.exact.micro.precision),
    f3(score.exact.micro.recall),
    f3(score.exact.micro.f1),
  ]);
  return {
    ...base('factru', split, sys, started),
    docs: docs.length,
    metrics: {
      convention:
        'Natasha benchmark: token-level IO F1; Person whole, Org org_name, Location+LocOrg loc_name as LOC',
      tokens: perTypeJson(score.tokens),
      exact: perTypeJson(score.exact),
    },
    lines: table(['type', 'P tok', 'R tok', 'F1 tok', 'P span', 'R span', 'F1 span'], rows),
    errorDocs: spanErrorDocs(
      docs.map((d) => ({ id: d.id, text: d.text })),
      score.docs,
    ),
    errorLines: [],
    notes: [
      'tok = token-level IO F1 (the Natasha benchmark convention, comparable with Slovnet/spaCy/Pullenti); span = exact-span F1',
      ...entityNote(sys),
    ],
  };
}

/** NEREL: flat top-level six types, exact spans, linking. */
export async function evalNerel(opts: EvalOptions = {}): Promise<SetResult> {
  const split = opts.split ?? 'test';
  const docs = loadNerel(dataDir(opts.data), split, opts.limit);
  const sys = await systemFor(opts);
  const started = performance.now();
  let anyValues = false;
  const items = docs.map((doc) => {
    const run = sys.run({ text: doc.text, source: `NEREL/${split}/${doc.id}` });
    const values = predictedValues(run.json, run.doc as unknown as { annotations?: Map<string, unknown> });
    if (values.length) anyValues = true;
    return { gold: goldNerelSpans(doc), pred: predNerelSpans(predictedMentions(run.json), values) };
  });
  const score = scoreNerel(items);
  const rows = NEREL_TYPES.map((t) => prfRow(t, score.perType[t]!));
  rows.push(prfRow('micro', score.micro));
  return {
    ...base('nerel', split, sys, started),
    docs: docs.length,
    metrics: {
      convention: 'flat top-level PERSON/ORGANIZATION/COUNTRY/CITY/DATE/MONEY, exact span and type',
      spans: perTypeJson(score),
      linking: {
        accuracy: shareJson(score.linking.accuracy),
        accuracyOnFound: shareJson(score.linking.accuracyOnFound),
      },
    },
    lines: [
      ...table(['type', 'P', 'R', 'F1', 'gold'], rows),
      `linking accuracy (gold mentions with a QID): ${shareText(score.linking.accuracy)}; on mentions found: ${shareText(score.linking.accuracyOnFound)}`,
    ],
    errorDocs: spanErrorDocs(
      docs.map((d) => ({ id: d.id, text: d.text })),
      score.docs,
    ),
    errorLines: [],
    notes: [
      ...entityNote(sys),
      ...(anyValues ? [] : ['no date/money values in the output: DATE and MONEY score 0']),
    ],
  };
}

/** BSNLP: document-level recognition, lemmas, cross-document identity. */
export async function evalBsnlp(opts: EvalOptions = {}): Promise<SetResult> {
  const split = opts.split ?? 'test';
  const docs = loadBsnlp(dataDir(opts.data), split, opts.limit);
  const sys = await systemFor(opts);
  const started = performance.now();
  const mentionsByDoc: ReturnType<typeof predictedMentions>[] = [];
  const items = docs.map((d) => {
    const { json } = sys.run({ text: d.text, date: d.date, source: d.file });
    const mentions = predictedMentions(json);
    mentionsByDoc.push(mentions);
    return { topic: d.topic, id: d.id, gold: d.gold, pred: predBsnlpForms(mentions, d.topic) };
  });
  const score = scoreBsnlp(items, BSNLP_READABLE_ID_TOPICS);
  const rows = Object.entries(score.perType).map(([t, p]) => prfRow(t, p));
  rows.push(prfRow('strict (forms)', score.strict));
  rows.push(prfRow('relaxed (entities)', score.relaxed));
  const errorDocs: ErrorDoc[] = docs.map((d, i) => {
    const r = score.docs[i]!;
    const fpForms = new Set(r.fp.map((p) => `${p.form}|${p.type}`));
    const fp: TypedSpan[] = [];
    for (const m of mentionsByDoc[i]!) {
      const p = predBsnlpForms([m], d.topic)[0];
      if (p && fpForms.has(`${p.form}|${p.type}`)) fp.push({ start: m.start, end: m.end, type: p.type });
    }
    return {
      id: `${d.topic}/${d.id}`,
      text: d.text,
      fp,
      fn: [],
      tp: r.tp.length,
      notes: r.fn.length ? [`missed forms: ${r.fn.map((g) => `${g.form}:${g.type}`).join(', ')}`] : [],
    };
  });
  return {
    ...base('bsnlp', split, sys, started),
    docs: docs.length,
    metrics: {
      convention:
        'document-level distinct forms (strict) / entities (relaxed); lemma accuracy on matched forms; LEA identity',
      strict: prfJson(score.strict),
      relaxed: prfJson(score.relaxed),
      perType: Object.fromEntries(Object.entries(score.perType).map(([t, p]) => [t, prfJson(p)])),
      lemma: shareJson(score.lemma),
      identity: prfJson(score.identity),
      englishName: shareJson(score.englishName),
    },
    lines: [
      ...table(['type', 'P', 'R', 'F1', 'gold'], rows),
      `lemma accuracy on matched forms: ${shareText(score.lemma)}`,
      `cross-document identity (LEA): P ${f3(score.identity.precision)} R ${f3(score.identity.recall)} F1 ${f3(score.identity.f1)}`,
      ...(split === 'dev' ? [`English name = readable 2019 id: ${shareText(score.englishName)}`] : []),
    ],
    errorDocs,
    errorLines: [],
    notes: entityNote(sys),
  };
}

/** Scores one system's CoNLL spans; used for us and for each peer. */
function conllScore(docs: ConllDoc[], spans: (d: ConllDoc) => TypedSpan[]): ReturnType<typeof scoreConll> {
  return scoreConll(docs.map((d) => ({ tokens: d.tokens, gold: d.gold, pred: spans(d) })));
}

/** CoNLL-2003: conlleval exact chunks, ours and the peers'. */
export async function evalConll(opts: EvalOptions = {}): Promise<SetResult> {
  const split = opts.split ?? 'test';
  const docs = loadConll(dataDir(opts.data), split, opts.limit);
  const sys = await systemFor(opts);
  const started = performance.now();
  const ours = conllScore(docs, (d) =>
    conllCharSpans(predictedMentions(sys.run({ text: d.text, source: d.id }).json)),
  );
  const peers: Array<{ peer: Peer; score: ReturnType<typeof scoreConll>; seconds: number }> = [];
  if (opts.peers !== false) {
    for (const load of [loadCompromise, loadWink]) {
      const peer = await load();
      const t0 = performance.now();
      const score = conllScore(docs, (d) => peer.spans(d.text));
      peers.push({ peer, score, seconds: Math.round((performance.now() - t0) / 10) / 100 });
    }
  }
  const rows: string[][] = [];
  const systems: Record<string, unknown> = { [sys.name]: perTypeJson(ours) };
  for (const t of CONLL_TYPES) rows.push(prfRow(`${t}`, ours.perType[t]!));
  rows.push(prfRow(`micro (${sys.name})`, ours.micro));
  for (const { peer, score, seconds } of peers) {
    systems[peer.name] = { ...perTypeJson(score), version: peer.version, seconds };
    rows.push(prfRow(`micro (${peer.name})`, score.micro));
  }
  const toChars = (i: number, s: TypedSpan): TypedSpan => {
    const toks = docs[i]!.tokens;
    return { start: toks[s.start]!.start, end: toks[s.end - 1]!.end, type: s.type };
  };
  return {
    ...base('conll', split, sys, started),
    docs: docs.length,
    metrics: { convention: 'conlleval: exact chunk and type, micro-averaged', systems },
    lines: table(['type', 'P', 'R', 'F1', 'gold'], rows),
    errorDocs: spanErrorDocs(
      docs.map((d) => ({ id: d.id, text: d.text })),
      ours.docs,
      toChars,
    ),
    errorLines: [],
    notes: [
      ...entityNote(sys),
      ...(peers.some((p) => p.peer.name === 'wink-nlp')
        ? [
            'wink-nlp: its lite model recognizes no persons, places or organizations, so it scores 0 here by construction',
          ]
        : []),
    ],
  };
}

/** Wikidata en–ru name pairs: accept true pairs, reject shuffled ones. */
export async function evalNames(opts: EvalOptions = {}): Promise<SetResult> {
  const split = opts.split ?? 'test';
  const pairs = loadNamePairs(dataDir(opts.data), split, opts.limit);
  const { matcher, label, baseline } = await loadNameMatcher();
  const started = performance.now();
  const score = scoreNames(pairs, matcher);
  return {
    set: 'names',
    split,
    docs: pairs.length,
    seconds: Math.round((performance.now() - started) / 10) / 100,
    system: label,
    stages: [],
    metrics: {
      matcher: label,
      baseline,
      accept: shareJson(score.accept),
      reject: shareJson(score.reject),
      balanced: Math.round(score.balanced * 10000) / 10000,
    },
    lines: [
      `matcher: ${label}`,
      `accepts true pairs:     ${shareText(score.accept)}`,
      `rejects shuffled pairs: ${shareText(score.reject)}`,
      `balanced accuracy:      ${f3(score.balanced)}`,
    ],
    errorDocs: [],
    errorLines: [
      ...score.falseRejects.map(([en, ru]) => `rejected true pair:       ${en} ~ ${ru}`),
      ...score.falseAccepts.map(([en, ru]) => `accepted shuffled pair:   ${en} ~ ${ru}`),
    ],
    notes: baseline
      ? ["the matcher is the plain baseline, not the entity stage's transliteration matcher"]
      : [],
  };
}

/** PLOVER GSR: event category and actors. */
export async function evalPlover(opts: EvalOptions = {}): Promise<SetResult> {
  const records = loadPlover(dataDir(opts.data), opts.limit);
  const sys = await systemFor(opts);
  const started = performance.now();
  const items = records.map((record) => {
    const { json } = sys.run({ text: record.text, date: '2000-01-01', source: record.id });
    return { record, events: json.events, entities: json.entities };
  });
  const score = scorePlover(items);
  const rows = Object.entries(score.perType).map(([t, s]) => [t, f3(s.value), `${s.correct}/${s.total}`]);
  return {
    ...base('plover', null, sys, started),
    docs: records.length,
    metrics: {
      convention: 'top event category vs gold (2016 names read as PLOVER 2021); actors by ISO3 code or name',
      records: score.records,
      inVocabulary: score.inVocabulary,
      type: shareJson(score.type),
      anyType: shareJson(score.anyType),
      source: shareJson(score.source),
      target: shareJson(score.target),
      actorsBoth: shareJson(score.actorsBoth),
      perType: Object.fromEntries(Object.entries(score.perType).map(([t, s]) => [t, shareJson(s)])),
    },
    lines: [
      `records in our vocabulary: ${score.inVocabulary} of ${score.records}`,
      `event type accuracy: ${shareText(score.type)} (any event of the gold type: ${shareText(score.anyType)})`,
      `actor accuracy: source ${shareText(score.source)}, target ${shareText(score.target)}, both ${shareText(score.actorsBoth)}`,
      ...table(['category', 'accuracy', 'n'], rows),
    ],
    errorDocs: [],
    errorLines: score.results
      .filter((r) => !r.typeOk || !r.sourceOk || !r.targetOk)
      .map((r) => {
        const rec = records.find((x) => x.id === r.id);
        return `${r.id}: gold ${r.gold}, ours ${r.predicted ?? '—'}${r.sourceOk ? '' : ', source wrong'}${r.targetOk ? '' : ', target wrong'} │ ${rec?.text ?? ''}`;
      }),
    notes: eventNote(sys),
  };
}

/** PETRARCH validation records: our development set for English event types and actors. */
export async function evalPetrarch(opts: EvalOptions = {}): Promise<SetResult> {
  const records = loadPetrarch(dataDir(opts.data), opts.limit);
  const names = loadPetrarchActors(dataDir(opts.data));
  const sys = await systemFor(opts);
  const started = performance.now();
  const items = records.map((record) => {
    const { json } = sys.run({ text: record.text, date: record.date ?? undefined, source: record.id });
    return { record, events: json.events, entities: json.entities };
  });
  const score = scorePetrarch(items, names);
  const rows = Object.entries(score.perType).map(([t, s]) => [t, f3(s.value), `${s.correct}/${s.total}`]);
  return {
    ...base('petrarch', null, sys, started),
    docs: records.length,
    metrics: {
      convention:
        'gold CAMEO code → our type and PLOVER category; top event category vs gold; actors by ISO3 code or dictionary name',
      records: score.records,
      scored: score.scored,
      type: shareJson(score.type),
      anyType: shareJson(score.anyType),
      vocabType: shareJson(score.vocabType),
      source: shareJson(score.source),
      target: shareJson(score.target),
      actorsBoth: shareJson(score.actorsBoth),
      noEvents: shareJson(score.noEvents),
      perFile: Object.fromEntries(Object.entries(score.perFile).map(([f, s]) => [f, shareJson(s)])),
      perType: Object.fromEntries(Object.entries(score.perType).map(([t, s]) => [t, shareJson(s)])),
    },
    lines: [
      `sentences with a gold PLOVER category: ${score.scored} of ${score.records}`,
      `event type accuracy (PLOVER): ${shareText(score.type)} (any event of the gold category: ${shareText(score.anyType)})`,
      `event type accuracy (our types, STATEMENT included): ${shareText(score.vocabType)}`,
      `by file: ${Object.entries(score.perFile)
        .map(([f, s]) => `${f === 'unit' ? 'unit tests' : 'PETR2 GSR'} ${shareText(s)}`)
        .join(', ')}`,
      `actor accuracy: source ${shareText(score.source)}, target ${shareText(score.target)}, both ${shareText(score.actorsBoth)}`,
      `no-event sentences left without an event: ${shareText(score.noEvents)}`,
      ...table(['category', 'accuracy', 'n'], rows),
    ],
    errorDocs: [],
    errorLines: score.results
      .filter((r) => !r.typeOk || !r.sourceOk || !r.targetOk)
      .map((r) => {
        const rec = records.find((x) => x.id === r.id);
        return `${r.id}: gold ${r.gold}, ours ${r.predicted ?? '—'}${r.sourceOk ? '' : ', source wrong'}${r.targetOk ? '' : ', target wrong'} │ ${rec?.text ?? ''}`;
      }),
    notes: ['development set: tune English event rules here, not on the PLOVER records', ...eventNote(sys)],
  };
}

/** Default gold folder: the shared seed beside the data folder. */
export function defaultGoldDir(data?: string): string {
  return resolve(dataDir(data), '..', 'seed');
}

/** A folder of articles with `*.gold.json`: events, attributes, entities, surface forms. */
export async function evalGold(opts: EvalOptions = {}): Promise<SetResult> {
  const dir = opts.goldDir ?? defaultGoldDir(opts.data);
  const docs = loadGoldDir(dir, opts.limit);
  const sys = await systemFor(opts);
  const started = performance.now();
  const items = docs.map((d) => {
    const { json } = sys.run(d.input);
    return { gold: d.gold, json, text: d.input.text };
  });
  const score = scoreGold(items);
  const errorDocs: ErrorDoc[] = docs.map((d, i) => {
    const r = score.docs[i]!;
    const notes: string[] = [];
    for (const g of r.missed)
      notes.push(
        `missed ${g.type} ${JSON.stringify(g.source)} → ${JSON.stringify(g.target)}: ${g.evidence.slice(0, 100)}`,
      );
    for (const p of r.spurious)
      notes.push(
        `spurious ${p.type} ${p.source.map((s) => s.name).join('+')} → ${p.target.map((s) => s.name).join('+')}: ${(p.evidence.text ?? '').slice(0, 100)}`,
      );
    for (const m of r.matched) {
      const bad = [
        m.dateOk ? '' : `date ${m.pred.date} ≠ ${m.gold.date}`,
        m.statusOk ? '' : `status ${m.pred.status} ≠ ${m.gold.status}`,
        m.amountOk ? '' : 'amount differs',
      ].filter(Boolean);
      if (bad.length) notes.push(`matched ${m.gold.type} but ${bad.join(', ')}`);
    }
    if (r.entitiesMissed.length) notes.push(`entities missed: ${r.entitiesMissed.join(', ')}`);
    if (r.formsMissed.length) notes.push(`forms missed: ${r.formsMissed.join(', ')}`);
    return { id: d.name, text: d.input.text, fp: [], fn: [], tp: r.matched.length, notes };
  });
  return {
    ...base('gold', null, sys, started),
    docs: docs.length,
    metrics: {
      dir,
      events: prfJson(score.events),
      date: shareJson(score.date),
      status: shareJson(score.status),
      amount: shareJson(score.amount),
      amountGiven: shareJson(score.amountGiven),
      entities: shareJson(score.entities),
      surfaceForms: shareJson(score.surfaceForms),
      surfaceFormsLinked: shareJson(score.surfaceFormsLinked),
    },
    lines: [
      `folder: ${dir}`,
      `events: P ${f3(score.events.precision)} R ${f3(score.events.recall)} F1 ${f3(score.events.f1)} (${score.events.tp} right, ${score.events.fp} spurious, ${score.events.fn} missed)`,
      `on matched events: date ${shareText(score.date)}, status ${shareText(score.status)}, amount ${shareText(score.amount)} (where gold states one: ${shareText(score.amountGiven)})`,
      `entity recall by canonical name: ${shareText(score.entities)}`,
      `surface-form recall: ${shareText(score.surfaceForms)}; linked to the right entity: ${shareText(score.surfaceFormsLinked)}`,
    ],
    errorDocs,
    errorLines: [],
    notes: [
      ...entityNote(sys),
      ...eventNote(sys),
      ...(resolve(dir) === resolve(defaultGoldDir(opts.data))
        ? [
            'the seed article is the reference the pipeline was developed against, so this is not a held-out score',
          ]
        : []),
    ],
  };
}

/** Runs a set by name. */
export async function evalSet(set: SetName, opts: EvalOptions = {}): Promise<SetResult> {
  switch (set) {
    case 'factru':
      return evalFactru(opts);
    case 'nerel':
      return evalNerel(opts);
    case 'bsnlp':
      return evalBsnlp(opts);
    case 'conll':
      return evalConll(opts);
    case 'names':
      return evalNames(opts);
    case 'plover':
      return evalPlover(opts);
    case 'petrarch':
      return evalPetrarch(opts);
    case 'gold':
      return evalGold(opts);
  }
}

/** True when the default gold folder exists (so `eval all` includes it). */
export function hasDefaultGold(data?: string): boolean {
  return existsSync(defaultGoldDir(data));
}
