import { describe, expect, it } from 'vitest';
import type { Entity, EntityRef, Event } from '../../src/doc.js';
import { parsePlover, type PloverRecord } from '../data/plover.js';
import { scorePlover } from './plover.js';

const RAW = `[
{
    "id": "PLOVER-GSR01-DOCUMENT-0001",
    "event": "DOCUMENT",
},
{
    "id": "A-1", "event": "AGREE",
    "source": [{"actorText": "United States", "code": "USA"}, {"actorText": "Jordan", "code": "JOR"}],
    "target": "",
    "text": "The United States and Jordan have agreed upon a new free-trade pact.",
    "textInfo": {"markup": "The (SRC/TAR: United States) and (SRC/TAR: Jordan) have (EVT: agreed) upon a new free-trade pact."},
},
{
    "id": "D-1", "event": "DEMAND",
    "source": [{"actorText": "Iraq", "code": "IRQ"}],
    "target": [{"actorText": "United Nations", "code": "IGO"}],
    "text": "Iraq demanded that the United Nations lift sanctions.",
},
]`;

const ref = (id: string, name: string, country: string | null = null): EntityRef => ({
  id,
  name,
  wikidata: null,
  type: 'COUNTRY',
  country,
});
const ev = (type: string, source: EntityRef[], target: EntityRef[], confidence = 0.9): Event => ({
  id: `e-${type}`,
  type,
  cameo: '',
  plover: { type: null, mode: null },
  source,
  target,
  date: null,
  dateText: null,
  status: 'occurred',
  amount: null,
  topic: null,
  location: null,
  attribution: null,
  evidence: { start: 0, end: 1, text: '' },
  rule: 'test',
  confidence,
});
const ent = (id: string, name: string, mention: string): Entity => ({
  id,
  wikidata: null,
  name,
  names: {},
  type: 'ORG',
  country: null,
  roles: [],
  mentions: [{ start: 0, end: mention.length, text: mention, lemma: mention }],
});

describe('PLOVER records', () => {
  const recs = parsePlover(RAW);
  it('parses the JSON-like file, skips DOCUMENT and renames 2016 categories', () => {
    expect(recs.map((r) => `${r.id}:${r.plover}`)).toEqual(['A-1:AGREE', 'D-1:REQUEST']);
    expect(recs[0]!.target).toEqual([]);
  });
  const [agree, demand] = recs as [PloverRecord, PloverRecord];
  it('scores a perfect system 1 and an empty one 0', () => {
    const perfect = scorePlover([
      { record: agree, events: [ev('INTENT', [ref('Q30', 'United States', 'USA')], [])], entities: [] },
      {
        record: demand,
        events: [ev('APPEAL', [ref('Q796', 'Iraq', 'IRQ')], [ref('un', 'United Nations')])],
        entities: [],
      },
    ]);
    expect([
      perfect.type.value,
      perfect.source.value,
      perfect.target.value,
      perfect.actorsBoth.value,
    ]).toEqual([1, 1, 1, 1]);
    const empty = scorePlover([
      { record: agree, events: [], entities: [] },
      { record: demand, events: [], entities: [] },
    ]);
    expect([empty.type.value, empty.source.value, empty.target.value]).toEqual([0, 0, 0]);
  });
  it('scores a known partial case', () => {
    const s = scorePlover([
      // The only typed event is a MEET (CONSULT): wrong type; actors are judged on it: the source is Jordan through a
      // mention → right; the target Jordan is right too, because the gold actors are mutual (SRC/TAR).
      {
        record: agree,
        events: [
          ev('STATEMENT', [], [], 0.99),
          ev('MEET', [ref('k1', 'Hashemite Kingdom')], [ref('k2', 'Jordan')]),
        ],
        entities: [ent('k1', 'Hashemite Kingdom', 'Jordan')],
      },
      // Right type through plover.type, wrong source.
      {
        record: demand,
        events: [
          {
            ...ev('STATEMENT', [ref('x', 'Kuwait', 'KWT')], [ref('un', 'United Nations')]),
            plover: { type: 'REQUEST', mode: null },
          },
        ],
        entities: [],
      },
    ]);
    expect(s.type).toMatchObject({ correct: 1, total: 2 });
    expect(s.source).toMatchObject({ correct: 1, total: 2 });
    expect(s.target).toMatchObject({ correct: 2, total: 2 });
    expect(s.actorsBoth).toMatchObject({ correct: 1, total: 2 });
  });
});
