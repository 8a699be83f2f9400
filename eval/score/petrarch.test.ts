import { describe, expect, it } from 'vitest';
import type { Entity, EntityRef, Event } from '../../src/doc.js';
import { isCameoCode, parsePetrarch, parsePetrarchActors, type PetrarchRecord } from '../data/petrarch.js';
import { cameoPlover, scorePetrarch } from './petrarch.js';

// Records in both layouts of the validation files: a unit test with a closing tag and comments, and a
// GSR record whose <Sentence/> tag closes itself. The sentences are ours.
const RAW = `<Validation><Sentences>
<!-- <Sentence id="HIDDEN" date="19950101" category="DEMO"> commented out -->
<Sentence date = "19950101" id ="U-1" category="DEMO" sentence="true">
<!-- a note -->
<EventCoding sourcecode="ARN" targetcode="GONGOV" eventcode="0841"></EventCoding>
<Text>
Arnor freed twelve
prisoners from Gondor.
</Text>
<Parse>(ROOT (S …))</Parse>
</Sentence>
<Sentence category="GOLD" date="20150302" id="G-1" evaluate="true"/>
<EventCoding eventcode="042" sourcecode="USA" targetcode="CHN" />
<EventCoding eventcode="903" sourcecode="USA" targetcode="CHN" />
<Text>
The US president flew to China.
</Text>
</Sentence>
<Sentence category="GOLD" date="20150302" id="G-2" evaluate="true"/>
<EventCoding noevents="True" />
<Text>
The weather was mild.
</Text>
</Sentence>
</Sentences></Validation>`;

const ACTORS = `<!-- dictionary -->
ARNOR_  [ARN]
+ARNORIAN
GONDOR [GON] # a note
`;

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
  type: 'COUNTRY',
  country: null,
  roles: [],
  mentions: [{ start: 0, end: mention.length, text: mention, lemma: mention }],
});

describe('PETRARCH records', () => {
  const recs = parsePetrarch(RAW, 'gsr');
  it('parses both layouts, drops comments and joins the text lines', () => {
    expect(recs.map((r) => r.id)).toEqual(['U-1', 'G-1', 'G-2']);
    expect(recs[0]!).toMatchObject({
      date: '1995-01-01',
      text: 'Arnor freed twelve prisoners from Gondor.',
      codings: [{ source: 'ARN', target: 'GONGOV', code: '0841' }],
      noEvents: false,
    });
    expect(recs[1]!.codings.map((c) => c.code)).toEqual(['042', '903']);
    expect(recs[2]!).toMatchObject({ codings: [], noEvents: true });
  });
  it('reads the actor dictionary', () => {
    const names = parsePetrarchActors(ACTORS);
    expect(names.get('ARN')).toEqual(['arnor', 'arnorian']);
    expect(names.get('GON')).toEqual(['gondor']);
  });
  it('maps CAMEO codes to PLOVER categories and skips test codes', () => {
    expect(isCameoCode('903')).toBe(false);
    expect(isCameoCode('345')).toBe(false);
    expect(cameoPlover('042')).toEqual(['CONSULT']);
    expect(cameoPlover('0841')).toEqual(['CONCEDE', 'RETREAT']);
    expect(cameoPlover('102')).toEqual(['REQUEST']);
    expect(cameoPlover('090')).toEqual(['ACCUSE']);
    expect(cameoPlover('054')).toEqual(['SUPPORT']);
    expect(cameoPlover('013')).toEqual([]);
  });

  const [unit, visit, quiet] = recs as [PetrarchRecord, PetrarchRecord, PetrarchRecord];
  const names = parsePetrarchActors(ACTORS);
  it('scores a perfect system 1 and an empty one 0', () => {
    const perfect = scorePetrarch(
      [
        {
          record: unit,
          events: [ev('YIELD', [ref('a', 'Arnor')], [ref('g', 'Gondor')])],
          entities: [ent('a', 'Arnor', 'Arnor'), ent('g', 'Gondor', 'Gondor')],
        },
        {
          record: visit,
          events: [ev('VISIT', [ref('u', 'USA', 'USA')], [ref('c', 'China', 'CHN')])],
          entities: [],
        },
        { record: quiet, events: [], entities: [] },
      ],
      names,
    );
    expect([perfect.scored, perfect.type.value, perfect.vocabType.value, perfect.actorsBoth.value]).toEqual([
      2, 1, 1, 1,
    ]);
    expect(perfect.noEvents).toMatchObject({ correct: 1, total: 1 });
    const empty = scorePetrarch(
      recs.map((record) => ({ record, events: [], entities: [] })),
      names,
    );
    expect([empty.type.value, empty.source.value, empty.target.value, empty.noEvents.value]).toEqual([
      0, 0, 0, 1,
    ]);
  });
  it('scores a known partial case', () => {
    const s = scorePetrarch(
      [
        // The top event is a statement-free ACCUSE (wrong); the YIELD of the gold category is judged for
        // actors: the source by a dictionary name, the target wrong (Rohan is not Gondor).
        {
          record: unit,
          events: [
            ev('ACCUSE', [], [], 0.95),
            ev('YIELD', [ref('a', 'Arnorian forces')], [ref('r', 'Rohan')], 0.8),
          ],
          entities: [ent('a', 'Arnorian forces', 'Arnorian')],
        },
        // Right category (a planned visit read as CONSULT through plover.type), wrong target country.
        {
          record: visit,
          events: [
            {
              ...ev('VISIT', [ref('u', 'USA', 'USA')], [ref('j', 'Japan', 'JPN')]),
              plover: { type: 'CONSULT', mode: 'visit' },
            },
          ],
          entities: [],
        },
        // An event where the record says there is none.
        { record: quiet, events: [ev('ASSAULT', [], [])], entities: [] },
      ],
      names,
    );
    expect(s.type).toMatchObject({ correct: 1, total: 2 });
    expect(s.anyType).toMatchObject({ correct: 2, total: 2 });
    expect(s.source).toMatchObject({ correct: 2, total: 2 });
    expect(s.target).toMatchObject({ correct: 0, total: 2 });
    expect(s.noEvents).toMatchObject({ correct: 0, total: 1 });
    expect(s.perFile.gsr).toMatchObject({ correct: 1, total: 2 });
  });
});
