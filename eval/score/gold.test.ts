import { describe, expect, it } from 'vitest';
import type { Entity, EntityRef, Event } from '../../src/doc.js';
import type { DocumentJson } from '../../src/output.js';
import type { GoldAnnotation } from '../data/gold.js';
import { locate, scoreGold } from './gold.js';

const TEXT =
  'Президент Казахстана Касым-Жомарт Токаев прибыл в Вашингтон.\n' +
  'Токаев провел переговоры с Дональдом Трампом в четверг.\n' +
  'Подписано соглашение с компанией John Deere на сумму 2,5 млрд долларов.\n' +
  'Ранее Израиль подписал соглашения с ОАЭ.';

const GOLD: GoldAnnotation = {
  doc: 't',
  entities: [
    { name: 'Kassym-Jomart Tokayev', type: 'PERSON', aliases_in_text: ['Касым-Жомарт Токаев', 'Токаев'] },
    { name: 'Kazakhstan', type: 'COUNTRY', aliases_in_text: ['Казахстана'], wikidata: 'Q232' },
    { name: 'Donald Trump', type: 'PERSON', aliases_in_text: ['Дональдом Трампом'] },
    { name: 'United States', type: 'COUNTRY', aliases_in_text: [] },
    { name: 'John Deere', type: 'ORG', aliases_in_text: ['John Deere'] },
  ],
  events: [
    {
      type: 'VISIT',
      source: 'Kassym-Jomart Tokayev',
      target: 'United States',
      date: '2025-11-06',
      amount: null,
      evidence: 'Президент Казахстана Касым-Жомарт Токаев прибыл в Вашингтон.',
      status: 'occurred',
    },
    {
      type: 'MEET',
      source: 'Kassym-Jomart Tokayev',
      target: ['Donald Trump'],
      date: '2025-11-06',
      amount: null,
      evidence: 'Токаев провел переговоры с Дональдом Трампом в четверг.',
      status: 'occurred',
    },
    {
      type: 'DEAL',
      source: 'Kazakhstan',
      target: 'John Deere',
      date: '2025-11-06',
      date_lenient: true,
      amount: { value: 2.5e9, currency: 'USD' },
      evidence: 'Подписано соглашение с компанией John Deere на сумму 2,5 млрд долларов.',
      status: 'occurred',
    },
    {
      type: 'SIGN_AGREEMENT',
      source: 'Israel',
      target: ['United Arab Emirates'],
      date: null,
      amount: null,
      evidence: 'Ранее Израиль подписал соглашения с ОАЭ.',
      status: 'occurred',
      optional: true,
    },
  ],
};

const ref = (id: string, name: string, wikidata: string | null = null): EntityRef => ({
  id,
  name,
  wikidata,
  type: 'PERSON',
  country: null,
});
const sentence = (s: string): Event['evidence'] => {
  const span = locate(TEXT, s)!;
  return { ...span, text: s };
};
const ev = (
  type: string,
  source: EntityRef[],
  target: EntityRef[],
  evidence: string,
  extra: Partial<Event> = {},
): Event => ({
  id: `e-${type}`,
  type,
  cameo: '',
  plover: { type: null, mode: null },
  source,
  target,
  date: '2025-11-06',
  dateText: null,
  status: 'occurred',
  amount: null,
  topic: null,
  location: null,
  attribution: null,
  evidence: sentence(evidence),
  rule: 'test',
  confidence: 1,
  ...extra,
});
const entity = (id: string, name: string, forms: string[], wikidata: string | null = null): Entity => ({
  id,
  wikidata,
  name,
  names: {},
  type: 'PERSON',
  country: null,
  roles: [],
  mentions: forms.map((f) => ({ ...locate(TEXT, f)!, text: f, lemma: f })),
});
const json = (events: Event[], entities: Entity[]): DocumentJson => ({
  schema: 'annalist/document@1',
  id: 'd',
  source: null,
  date: '2025-11-07',
  lang: 'ru',
  sentences: [],
  entities,
  events,
  quotes: [],
  warnings: [],
});

const TOKAYEV = ref('Q1', 'Kassym-Jomart Tokayev');
const TRUMP = ref('Q22686', 'Donald Trump');
const USA = ref('Q30', 'United States');
const KAZ = ref('Q232', 'Kazakh Republic', 'Q232'); // another English name, same QID
const DEERE = ref('k:deere', 'Deere & Company'); // another name, linked through a mention

const ENTITIES: Entity[] = [
  entity('Q1', 'Kassym-Jomart Tokayev', ['Касым-Жомарт Токаев']),
  entity('Q232', 'Kazakhstan', ['Казахстана'], 'Q232'),
  entity('Q22686', 'Donald Trump', ['Дональдом Трампом']),
  entity('k:deere', 'Deere & Company', ['John Deere']),
];

describe('gold folder scoring', () => {
  it('finds gold sentences in the text', () => {
    expect(locate('a  b\nc', 'a b c')).toEqual({ start: 0, end: 6 });
    expect(locate('abc', 'zzz')).toBeNull();
  });
  it('scores a perfect system 1 and an empty one 0', () => {
    const perfect = [
      ev('VISIT', [TOKAYEV], [USA], GOLD.events[0]!.evidence),
      ev('MEET', [TRUMP], [TOKAYEV], GOLD.events[1]!.evidence), // symmetric: sides swapped is fine
      ev('DEAL', [KAZ], [DEERE], GOLD.events[2]!.evidence, {
        date: null,
        amount: { value: 2.5e9, currency: 'USD', text: '' },
      }),
      ev(
        'SIGN_AGREEMENT',
        [ref('Q801', 'Israel')],
        [ref('Q878', 'United Arab Emirates')],
        GOLD.events[3]!.evidence,
      ), // optional
    ];
    const s = scoreGold([{ gold: GOLD, json: json(perfect, ENTITIES), text: TEXT }]);
    expect(s.events).toMatchObject({ tp: 3, fp: 0, fn: 0, f1: 1 });
    expect([s.date.value, s.status.value, s.amount.value]).toEqual([1, 1, 1]);
    expect(s.amountGiven).toMatchObject({ correct: 1, total: 1 });
    const empty = scoreGold([{ gold: GOLD, json: json([], []), text: TEXT }]);
    expect(empty.events).toMatchObject({ tp: 0, fp: 0, fn: 3, f1: 0 });
    expect([empty.entities.value, empty.surfaceForms.value]).toEqual([0, 0]);
  });
  it('scores a known partial case', () => {
    const pred = [
      ev('VISIT', [TOKAYEV], [USA], GOLD.events[0]!.evidence, { status: 'planned' }), // match, wrong status
      ev('VISIT', [TRUMP], [USA], GOLD.events[1]!.evidence), // wrong participants: spurious
      ev('DEAL', [KAZ], [DEERE], GOLD.events[0]!.evidence), // wrong sentence: spurious (and DEAL missed)
    ];
    const s = scoreGold([{ gold: GOLD, json: json(pred, ENTITIES), text: TEXT }]);
    expect(s.events).toMatchObject({ tp: 1, fp: 2, fn: 2 });
    expect(s.events.precision).toBeCloseTo(1 / 3, 10);
    expect(s.events.recall).toBeCloseTo(1 / 3, 10);
    expect(s.status).toMatchObject({ correct: 0, total: 1 });
    expect(s.date).toMatchObject({ correct: 1, total: 1 });
    // Entities by canonical name: Tokayev, Kazakhstan, Trump of 5 (Deere & Company ≠ John Deere).
    expect(s.entities).toMatchObject({ correct: 3, total: 5 });
    // Forms: 4 of 5 found (Токаев alone is not a mention text); all 4 on the right entity.
    expect(s.surfaceForms).toMatchObject({ correct: 4, total: 5 });
    expect(s.surfaceFormsLinked).toMatchObject({ correct: 4, total: 5 });
  });
});
