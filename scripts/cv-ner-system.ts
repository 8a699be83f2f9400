/**
 * Whole-system factRuEval devset scores without the tagger having seen the documents it tags: each
 * fold of `train-ner.ts --cv-models DIR` is run through the full pipeline with the model trained
 * on the other folds. The shipped model is trained on the whole devset, so `eval factru --split dev`
 * flatters the tagger; these numbers are the ones to tune the rules and the span merging against.
 *
 *   npx tsx scripts/train-ner.ts --eval-only --cv-models /tmp/cv
 *   npx tsx scripts/cv-ner-system.ts --models /tmp/cv [--errors errors.tsv]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadFactru } from '../eval/data/factru.js';
import { predictedMentions } from '../eval/predict.js';
import { goldFactruSpans, predFactruSpans, scoreFactru } from '../eval/score/factru.js';
import type { TypedSpan } from '../eval/score/spans.js';
import { dataDir } from '../eval/paths.js';
import { ourSystem } from '../eval/system.js';
import { NerModel, useNerModel, type NerModelData } from '../src/entities/ner.js';

const { values: opts } = parseArgs({
  options: {
    models: { type: 'string', default: '/tmp/cv' },
    data: { type: 'string' },
    errors: { type: 'string' },
  },
});
const dir = opts.models!;
const folds = JSON.parse(readFileSync(join(dir, 'folds.json'), 'utf8')) as string[][];
const docs = new Map(loadFactru(dataDir(opts.data), 'dev').map((d) => [d.id, d]));
const items: {
  doc: ReturnType<typeof loadFactru>[number];
  gold: TypedSpan[];
  pred: TypedSpan[];
  rules: Map<string, string>;
}[] = [];
for (let f = 0; f < folds.length; f++) {
  const data = JSON.parse(readFileSync(join(dir, `fold${f}.json`), 'utf8')) as NerModelData;
  useNerModel(new NerModel(data));
  const sys = await ourSystem();
  for (const id of folds[f]!) {
    const doc = docs.get(id)!;
    const { json } = sys.run({ text: doc.text, source: `factRuEval-2016/${id}` });
    const rules = new Map<string, string>();
    for (const e of json.entities ?? [])
      for (const m of e.mentions ?? []) rules.set(`${m.start}:${m.end}`, (m as { rule?: string }).rule ?? '');
    items.push({
      doc,
      gold: goldFactruSpans(doc),
      pred: predFactruSpans(doc, predictedMentions(json)),
      rules,
    });
  }
}
useNerModel(null);
const score = scoreFactru(items);
const f3 = (x: number): string => x.toFixed(3);
console.log(`factru dev, ${folds.length}-fold tagger, ${items.length} documents`);
console.log('type   P tok  R tok  F1 tok  P span R span F1 span');
for (const t of ['PER', 'LOC', 'ORG']) {
  const a = score.tokens.perType[t]!;
  const b = score.exact.perType[t]!;
  console.log(
    [t.padEnd(5), f3(a.precision), f3(a.recall), f3(a.f1), f3(b.precision), f3(b.recall), f3(b.f1)].join(
      '  ',
    ),
  );
}
const a = score.tokens.micro;
const b = score.exact.micro;
console.log(
  ['micro', f3(a.precision), f3(a.recall), f3(a.f1), f3(b.precision), f3(b.recall), f3(b.f1)].join('  '),
);
// Exact-span hits and false alarms per rule, to see which rules pay their way.
const perRule = new Map<string, [number, number]>();
for (const { gold, pred, rules } of items) {
  const gk = new Set(gold.map((s) => `${s.start}:${s.end}:${s.type}`));
  for (const s of pred) {
    const r = rules.get(`${s.start}:${s.end}`) ?? '?';
    const c = perRule.get(`${s.type} ${r}`) ?? [0, 0];
    c[gk.has(`${s.start}:${s.end}:${s.type}`) ? 0 : 1]++;
    perRule.set(`${s.type} ${r}`, c);
  }
}
for (const [r, [tp, fp]] of [...perRule].sort((x, y) => y[1][0] + y[1][1] - x[1][0] - x[1][1]))
  console.log(`  ${r.padEnd(32)} ${String(tp).padStart(5)} hit ${String(fp).padStart(4)} wrong`);
if (opts.errors) {
  const lines: string[] = [];
  const key = (s: TypedSpan): string => `${s.start}:${s.end}:${s.type}`;
  for (const { doc, gold, pred, rules } of items) {
    const gk = new Set(gold.map(key));
    const pk = new Set(pred.map(key));
    const ctx = (s: TypedSpan): string =>
      `${doc.text.slice(Math.max(0, s.start - 50), s.start)}[${doc.text.slice(s.start, s.end)}]${doc.text.slice(s.end, s.end + 40)}`.replace(
        /\s+/g,
        ' ',
      );
    for (const s of pred)
      if (gk.has(key(s)))
        lines.push(`TP\t${s.type}\t${doc.id}\t${rules.get(`${s.start}:${s.end}`) ?? '?'}\t${ctx(s)}`);
    for (const s of pred)
      if (!gk.has(key(s)))
        lines.push(`FP\t${s.type}\t${doc.id}\t${rules.get(`${s.start}:${s.end}`) ?? '?'}\t${ctx(s)}`);
    for (const s of gold) if (!pk.has(key(s))) lines.push(`FN\t${s.type}\t${doc.id}\t\t${ctx(s)}`);
  }
  writeFileSync(opts.errors, lines.join('\n') + '\n');
  console.log(`errors written to ${opts.errors}`);
}
