import { describe, expect, it } from 'vitest';
import { parseBrat } from '../data/nerel.js';
import type { PredMention } from '../predict.js';
import { goldNerelSpans, predNerelSpans, scoreNerel } from './nerel.js';

const TEXT = 'Тренер клуба "Бананц" из Еревана Жолт Хорняк 5 мая получил 100 долларов.';
const ANN = [
  'T1\tPROFESSION 0 21\tТренер клуба "Бананц"',
  'T2\tORGANIZATION 14 20\tБананц',
  'T3\tCITY 25 32\tЕревана',
  'T4\tPERSON 33 44\tЖолт Хорняк',
  'T5\tDATE 45 50\t5 мая',
  'T6\tMONEY 59 71\t100 долларов',
  'T7\tORGANIZATION 0 32\tсломанная строка',
  'продолжение строки с переводом',
  'T8\tLAW 0 6;14 20\tТренер Бананц',
  'R1\tWORKPLACE Arg1:T4 Arg2:T2',
  'N1\tReference T3 Wikidata:Q1953\tЕреван',
  'N2\tReference T4 Wikidata:Q8074815\tХорняк, Жолт',
  'N3\tReference T2 Wikidata:NULL\tБананц',
].join('\n');

const m = (
  start: number,
  end: number,
  type: PredMention['type'],
  wikidata: string | null = null,
): PredMention => ({
  start,
  end,
  text: TEXT.slice(start, end),
  lemma: '',
  type,
  entityId: `e${start}`,
  wikidata,
  name: '',
});

describe('NEREL reading and flat top-level spans', () => {
  const doc = parseBrat('1', TEXT, ANN);
  it('reads entities, discontinuous ones, links, and skips broken lines', () => {
    expect(doc.entities).toHaveLength(8);
    expect(doc.entities.find((e) => e.id === 'T8')).toMatchObject({
      start: 0,
      end: 20,
      fragments: [
        { start: 0, end: 6 },
        { start: 14, end: 20 },
      ],
    });
    expect(doc.entities.find((e) => e.id === 'T3')!.wikidata).toBe('Q1953');
    expect(doc.entities.find((e) => e.id === 'T2')!.wikidata).toBeNull();
  });
  it('keeps the outermost of the six types only', () => {
    // T7 (ORGANIZATION 0–32) swallows T2 and T3; PROFESSION and LAW are not among the six.
    expect(goldNerelSpans(doc).map((s) => `${s.type}:${s.start}`)).toEqual([
      'ORGANIZATION:0',
      'PERSON:33',
      'DATE:45',
      'MONEY:59',
    ]);
  });
});

describe('NEREL scoring', () => {
  const doc = parseBrat(
    '1',
    TEXT,
    ANN.split('\n')
      .filter((l) => !l.startsWith('T7') && !l.startsWith('продолжение'))
      .join('\n'),
  );
  const gold = goldNerelSpans(doc);
  it('has the expected gold', () => {
    expect(gold.map((g) => g.type)).toEqual(['ORGANIZATION', 'CITY', 'PERSON', 'DATE', 'MONEY']);
  });
  it('scores a perfect system 1 and an empty one 0', () => {
    expect(scoreNerel([{ gold, pred: gold }]).micro.f1).toBe(1);
    const empty = scoreNerel([{ gold, pred: [] }]);
    expect(empty.micro.f1).toBe(0);
    expect(empty.linking.accuracy).toMatchObject({ correct: 0, total: 2, value: 0 });
  });
  it('scores a known partial case, values and linking included', () => {
    const pred = predNerelSpans(
      [m(14, 20, 'ORG'), m(25, 32, 'CITY', 'Q1953'), m(33, 44, 'PERSON', 'Q1'), m(0, 6, 'LOC')],
      [{ start: 45, end: 50, kind: 'date' }],
    );
    const s = scoreNerel([{ gold, pred }]);
    expect(s.micro).toMatchObject({ tp: 4, fp: 0, fn: 1 });
    expect(s.perType.MONEY).toMatchObject({ fn: 1, f1: 0 });
    // Linked gold mentions: Ереван (right QID) and Хорняк (wrong QID).
    expect(s.linking.accuracy).toMatchObject({ correct: 1, total: 2, value: 0.5 });
    expect(s.linking.accuracyOnFound.value).toBe(0.5);
  });
});
