/**
 * The fast CI subset of the evaluation: every set end to end on a handful of real documents, with our
 * pipeline (the numbers must be shares in [0, 1]) and with an oracle that answers the gold (the loaders
 * and scorers must then give 1). Skipped, saying so, when ../shared/data is absent.
 */
import { describe, expect, it } from 'vitest';
import type { Doc, DocInput, Entity, EntityType } from '../src/doc.js';
import type { DocumentJson } from '../src/output.js';
import { loadBsnlp } from './data/bsnlp.js';
import { loadConll } from './data/conll.js';
import { loadFactru } from './data/factru.js';
import { loadNerel } from './data/nerel.js';
import { DEFAULT_DATA_DIR, hasData } from './paths.js';
import { evalSet, hasDefaultGold, SETS, type SetResult } from './run.js';
import { goldFactruSpans } from './score/factru.js';
import { goldNerelSpans } from './score/nerel.js';
import { ourSystem, type System } from './system.js';

const present = hasData();
if (!present)
  console.warn(`eval e2e: ${DEFAULT_DATA_DIR} is absent; the data-dependent evaluation tests are skipped.`);

/** Every number in the metrics that is a share (value, precision, recall, f1, balanced) lies in [0, 1]. */
function sharesInRange(o: unknown, path = ''): string[] {
  const bad: string[] = [];
  if (typeof o !== 'object' || o === null) return bad;
  for (const [k, v] of Object.entries(o)) {
    if (typeof v === 'number' && ['value', 'precision', 'recall', 'f1', 'balanced'].includes(k)) {
      if (!(v >= 0 && v <= 1)) bad.push(`${path}${k}=${v}`);
    } else if (typeof v === 'object') bad.push(...sharesInRange(v, `${path}${k}.`));
  }
  return bad;
}

interface OracleSpan {
  start: number;
  end: number;
  type: EntityType;
  value?: 'date' | 'money';
}

/** A system that answers the gold: one entity per gold span (and gold values as values). */
function oracle(byText: Map<string, OracleSpan[]>): System {
  return {
    name: 'oracle',
    stages: ['oracle'],
    writes: new Set(['entities']),
    run(input: DocInput) {
      const spans = byText.get(input.text) ?? [];
      const entities: Entity[] = spans
        .filter((s) => !s.value)
        .map((s, i) => ({
          id: `o${i}`,
          wikidata: null,
          name: input.text.slice(s.start, s.end),
          names: {},
          type: s.type,
          country: null,
          roles: [],
          mentions: [
            {
              start: s.start,
              end: s.end,
              text: input.text.slice(s.start, s.end),
              lemma: input.text.slice(s.start, s.end),
            },
          ],
        }));
      const values = spans.filter((s) => s.value).map((s) => ({ kind: s.value, start: s.start, end: s.end }));
      const json: DocumentJson = {
        schema: 'annalist/document@1',
        id: 'o',
        source: null,
        date: null,
        lang: 'ru',
        sentences: [],
        entities,
        events: [],
        quotes: [],
        warnings: [],
      };
      return { json, doc: { values, annotations: new Map() } as unknown as Doc };
    },
  };
}

const N = 5;

describe.skipIf(!present)('evaluation end to end on real documents (fast subset)', () => {
  let sys: System;
  const results = new Map<string, SetResult>();

  it('builds our pipeline', async () => {
    sys = await ourSystem();
    expect(sys.stages.length).toBeGreaterThan(0);
  });

  for (const set of SETS) {
    it(`runs ${set} and reports shares in [0, 1]`, async () => {
      if (set === 'gold' && !hasDefaultGold()) return;
      const r = await evalSet(set, { system: sys, limit: set === 'names' ? 500 : N, peers: set === 'conll' });
      results.set(set, r);
      expect(r.docs).toBeGreaterThan(0);
      expect(sharesInRange(r.metrics)).toEqual([]);
    });
  }

  it('scores an oracle 1 on factRuEval', async () => {
    const docs = loadFactru(DEFAULT_DATA_DIR, 'test', N);
    const map = new Map(
      docs.map((d) => [
        d.text,
        goldFactruSpans(d).map((s) => ({
          start: s.start,
          end: s.end,
          type: (s.type === 'PER' ? 'PERSON' : s.type === 'ORG' ? 'ORG' : 'COUNTRY') as EntityType,
        })),
      ]),
    );
    const r = await evalSet('factru', { system: oracle(map), limit: N });
    expect((r.metrics.tokens as { micro: { f1: number } }).micro.f1).toBe(1);
    expect((r.metrics.exact as { micro: { f1: number } }).micro.f1).toBe(1);
  });

  it('scores an oracle 1 on CoNLL', async () => {
    const docs = loadConll(DEFAULT_DATA_DIR, 'test', N);
    const back: Record<string, EntityType> = { PER: 'PERSON', LOC: 'LOC', ORG: 'ORG', MISC: 'PRODUCT' };
    const map = new Map(
      docs.map((d) => [
        d.text,
        d.gold.map((g) => ({
          start: d.tokens[g.start]!.start,
          end: d.tokens[g.end - 1]!.end,
          type: back[g.type]!,
        })),
      ]),
    );
    const r = await evalSet('conll', { system: oracle(map), limit: N, peers: false });
    expect((r.metrics.systems as Record<string, { micro: { f1: number } }>).oracle!.micro.f1).toBe(1);
  });

  it('scores an oracle 1 on NEREL, dates and money included', async () => {
    const docs = loadNerel(DEFAULT_DATA_DIR, 'test', N);
    const back: Record<string, EntityType> = {
      PERSON: 'PERSON',
      ORGANIZATION: 'ORG',
      COUNTRY: 'COUNTRY',
      CITY: 'CITY',
    };
    const map = new Map(
      docs.map((d) => [
        d.text,
        goldNerelSpans(d).map((s) =>
          s.type === 'DATE' || s.type === 'MONEY'
            ? {
                start: s.start,
                end: s.end,
                type: 'LOC' as EntityType,
                value: s.type === 'DATE' ? ('date' as const) : ('money' as const),
              }
            : { start: s.start, end: s.end, type: back[s.type]! },
        ),
      ]),
    );
    const r = await evalSet('nerel', { system: oracle(map), limit: N });
    expect((r.metrics.spans as { micro: { f1: number } }).micro.f1).toBe(1);
  });

  it('gives an oracle full precision on BSNLP', async () => {
    const docs = loadBsnlp(DEFAULT_DATA_DIR, 'test', N);
    const back: Record<string, EntityType> = {
      PER: 'PERSON',
      LOC: 'LOC',
      ORG: 'ORG',
      EVT: 'EVENT_NAME',
      PRO: 'PRODUCT',
    };
    const map = new Map(
      docs.map((d) => {
        const spans: OracleSpan[] = [];
        for (const g of d.gold) {
          const i = d.text.indexOf(g.form);
          if (i >= 0 && back[g.type]) spans.push({ start: i, end: i + g.form.length, type: back[g.type]! });
        }
        return [d.text, spans];
      }),
    );
    const r = await evalSet('bsnlp', { system: oracle(map), limit: N });
    const strict = r.metrics.strict as { precision: number; recall: number };
    expect(strict.precision).toBe(1);
    expect(strict.recall).toBeGreaterThan(0.8);
  });
});
